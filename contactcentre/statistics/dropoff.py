"""Drop-off per step: how many citizens' runs of each e-service started, reached each step and were sent.

Counted by the wizard into ``StepCount`` (totals per e-service, step and day, no personal
data). Each run counts once per step it is shown; a step shown only for some answers is
reached by fewer runs without anyone leaving, and a run that spans midnight at the end of
the period counts only on the days it was on, so a drop can be negative.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Max, Sum
from django.utils.translation import gettext as _

from contactcentre.models.dropoff import Stage, StepCount
from contactcentre.statistics.charts import BarChart
from contactcentre.statistics.period import Period
from contactcentre.statistics.sections import Figure, Section
from contactcentre.statistics.tables import Column, Row, Share, Table

KEY_PREFIX = "dropoff-"


def funnels(period: Period) -> dict[str, list[tuple[str, int]]]:
    """{e-service slug: [(row label, runs)]}: started, each step in order, sent. One query."""
    found: dict = {}
    for row in (
        StepCount.objects.filter(period.q_date("day"))
        .values("eservice", "stage", "step")
        .annotate(total=Sum("runs"), place=Max("position"))
        .order_by()
    ):
        found.setdefault(row["eservice"], []).append(row)
    order = {Stage.STARTED: 0, Stage.STEP: 1, Stage.SENT: 2}
    labels = {Stage.STARTED: _("Runs started"), Stage.SENT: _("Runs sent")}
    result = {}
    for slug, rows in found.items():
        rows.sort(key=lambda row: (order[row["stage"]], row["place"], row["step"]))
        counted = {row["stage"] for row in rows}
        steps = [(labels.get(row["stage"], row["step"]), row["total"]) for row in rows]
        # An e-service always shows where it begins and ends, even when nobody got there.
        if Stage.STARTED not in counted:
            steps.insert(0, (labels[Stage.STARTED], 0))
        if Stage.SENT not in counted:
            steps.append((labels[Stage.SENT], 0))
        result[slug] = steps
    return result


def funnel_table(slug: str, steps: list[tuple[str, int]]) -> Table:
    started = steps[0][1]
    rows, previous = [], None
    for label, runs in steps:
        if previous is None:
            drop, drop_share = None, None
        else:
            drop = previous - runs
            drop_share = Share(drop, previous)
        rows.append(Row(label, [runs, Share(runs, started), drop, drop_share]))
        previous = runs
    return Table(
        f"{KEY_PREFIX}{slug}",
        _("Drop-off per step: %(eservice)s") % {"eservice": slug},
        _("Step"),
        [
            Column(_("Runs reaching it")),
            Column(_("Share of started")),
            Column(_("Drop from previous step")),
            Column(_("Drop from previous step, share")),
        ],
        rows,
    )


def funnel_chart(slug: str, table: Table) -> BarChart:
    return BarChart(
        id=f"chart-{table.key}",
        title=_("Share of started runs reaching each step: %(eservice)s") % {"eservice": slug},
        description=_(
            "Bar chart of the share of the e-service's started runs that reached each step "
            "and that were sent."
        ),
        items=[(row.label, row.values[1].percent) for row in table.rows],
        unit="%",
        maximum=100,
    )


def dropoff_section(period: Period, now: dt.datetime) -> Section:
    by_eservice = funnels(period)
    # The most used e-service first.
    ordered = sorted(by_eservice.items(), key=lambda item: (-item[1][0][1], item[0]))
    tables = [funnel_table(slug, steps) for slug, steps in ordered]
    started = sum(steps[0][1] for steps in by_eservice.values())
    sent = sum(steps[-1][1] for steps in by_eservice.values())
    return Section(
        key="dropoff",
        heading=_("Drop-off per step"),
        intro=_(
            "How many citizens' runs of each e-service started, reached each step and were sent in the "
            "period, each run counted once per step. Runs filled in by staff for a visitor are not "
            "counted. A step shown only for some answers is reached by fewer runs without anyone "
            "leaving. Nothing identifies a person: only the number of runs per step and day is stored."
        ),
        figures=[
            Figure(_("E-service runs started"), started),
            Figure(
                _("Share of started runs sent"),
                Share(sent, started),
                detail=_("%(sent)s runs sent") % {"sent": sent},
            ),
        ],
        charts=[funnel_chart(slug, table) for (slug, _steps), table in zip(ordered, tables, strict=True)],
        tables=tables,
        paired=True,
    )
