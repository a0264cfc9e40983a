"""Every number of the statistics page, computed by the database.

Definitions (the page states them too):
- **Contacts handled by the contact centre**: tallies, plus cases marked
  ``handled_by_contact_centre`` (an agent logged them, or they were routed to the contact
  centre's department). A tally that needed follow-up and its case are one contact,
  counted as the tally.
- **Resolved at first contact (lösningsgrad)**: tallies answered directly without a
  follow-up case, plus those cases resolved at first contact (never forwarded, never
  waiting for the citizen, not a call-back; ``actions.resolve`` refuses the mark otherwise),
  divided by all contacts handled by the contact centre. E-service cases that went
  straight to a department are reported separately.
- **E-mails answered within one (two) working days**: e-mail cases whose first answer
  from a person came by the end of the first (second) working day after arrival
  (``working_day_1_ends``, ``working_day_2_ends``: an e-mail after opening time gets its
  first whole working day tomorrow; holidays, eves and weekends do not count). An
  unanswered e-mail counts once its deadline has passed; before that it is left out.
- **Service levels**: a case met its first-response level when its first response (or its
  resolution, if it was resolved without a written reply) came by ``first_response_due``,
  and its resolution level when it was resolved by ``resolution_due``. Only cases whose
  due date has passed, or that met it, are counted. An area misses its service level when
  either share is below the settings' target.
- **Backlog**: open cases now, by calendar days since arrival, whatever the period.

Each function runs a handful of aggregate queries, whatever the number of rows.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Avg, Count, DateField, F, Q
from django.db.models.functions import Coalesce, Trunc
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from contactcentre.models import Case, ContactCentreSettings, ServiceLevel, Tally
from contactcentre.models.cases import Channel
from contactcentre.models.service_levels import (
    DEFAULT_FIRST_RESPONSE_WORKING_HOURS,
    DEFAULT_RESOLUTION_WORKING_DAYS,
)
from contactcentre.service_levels import FINISHED, open_q, overdue_q
from contactcentre.statistics.charts import BarChart, ColumnChart
from contactcentre.statistics.dropoff import dropoff_section
from contactcentre.statistics.period import Period, local_midnight, quarter_label, slice_label
from contactcentre.statistics.sections import Figure, Section
from contactcentre.statistics.tables import Column, Hours, Row, Share, Table
from pages.hours import STOCKHOLM
from pages.models import FAQ, FAQFeedback, ServiceArea
from pages.search_log import top_misses

# Statistics categories (Case.statistics_category) of comments and complaints, as e-services declare them.
SYNPUNKT_KINDS = [
    ("complaint", gettext_lazy("Complaints")),
    ("suggestion", gettext_lazy("Suggestions")),
    ("praise", gettext_lazy("Praise")),
]
BACKLOG_AGES = [(0, 2), (3, 7), (8, 14), (15, 30), (31, 90), (91, None)]
SEARCH_ROWS = 100


def channel_label(code: str) -> str:
    return str(dict(Channel.choices).get(code, code))


def share_chart(id: str, title: str, description: str, items, target: int) -> BarChart:
    """Horizontal bars of percentages, 0–100, with the target as a labelled line."""
    return BarChart(
        id=id,
        title=title,
        description=description,
        items=items,
        unit="%",
        maximum=100,
        target=target,
        target_label=_("Target %(target)s %%") % {"target": target},
    )


def share_of(part: int, whole: int) -> Share:
    return Share(part or 0, whole or 0)


def targets() -> ContactCentreSettings:
    return ContactCentreSettings.load()


def centre_contacts(period: Period):
    """The tallies and the contact centre's own cases of the period (a follow-up counted once)."""
    tallies = Tally.objects.filter(period.q("created_at"))
    cases = Case.objects.filter(period.q("received_at"), handled_by_contact_centre=True, tally__isnull=True)
    return tallies, cases


TALLY_RESOLVED = Q(answered_directly=True, case__isnull=True)
CASE_RESOLVED = Q(resolved_at_first_contact=True)


def merged_counts(tallies, cases, key_tally: str, key_case: str) -> dict:
    """{key: [tallies, tallies resolved, cases, cases resolved]} from two grouped queries."""
    merged: dict = {}
    for row in tallies.values(key_tally).annotate(
        total=Count("pk"), resolved=Count("pk", filter=TALLY_RESOLVED)
    ):
        merged.setdefault(row[key_tally], [0, 0, 0, 0])[0:2] = [row["total"], row["resolved"]]
    for row in (
        cases.values(key_case)
        .annotate(total=Count("pk"), resolved=Count("pk", filter=CASE_RESOLVED))
        .order_by()
    ):
        merged.setdefault(row[key_case], [0, 0, 0, 0])[2:4] = [row["total"], row["resolved"]]
    return merged


def first_contact_resolution(period: Period) -> Share:
    tallies, cases = centre_contacts(period)
    counted = tallies.aggregate(total=Count("pk"), resolved=Count("pk", filter=TALLY_RESOLVED))
    logged = cases.aggregate(total=Count("pk"), resolved=Count("pk", filter=CASE_RESOLVED))
    return share_of(counted["resolved"] + logged["resolved"], counted["total"] + logged["total"])


def area_names() -> dict:

    return dict(ServiceArea.objects.values_list("pk", "name"))


def resolution_section(period: Period, now: dt.datetime) -> Section:
    target = targets().first_contact_resolution_target
    tallies, cases = centre_contacts(period)
    columns = [
        Column(_("Counted contacts")),
        Column(_("Cases")),
        Column(_("Resolved at first contact")),
        Column(_("Share resolved")),
    ]

    def rows_of(merged, label_of):
        rows = []
        for key, (tally_total, tally_ok, case_total, case_ok) in merged.items():
            share = share_of(tally_ok + case_ok, tally_total + case_total)
            rows.append(Row(label_of(key), [tally_total, case_total, tally_ok + case_ok, share]))
        rows.sort(key=lambda row: -(row.values[0] + row.values[1]))
        return rows

    by_channel = rows_of(merged_counts(tallies, cases, "channel", "channel"), channel_label)
    names = area_names()
    by_area = rows_of(
        merged_counts(tallies, cases, "service_area", "service_area"),
        lambda pk: names.get(pk) or _("No service area"),
    )
    # The whole is the sum of the channels: no second pass over the period's rows.
    overall = share_of(
        sum(row.values[2] for row in by_channel), sum(row.values[0] + row.values[1] for row in by_channel)
    )
    total_row = Row(
        _("All contacts"),
        [
            sum(row.values[0] for row in by_channel),
            sum(row.values[1] for row in by_channel),
            overall.part,
            overall,
        ],
        total=True,
    )
    over_time = resolution_over_time(period, tallies, cases, target)

    direct = (
        Case.objects.filter(period.q("received_at"), handled_by_contact_centre=False)
        .values("department__name")
        .annotate(total=Count("pk"), resolved=Count("pk", filter=Q(status__in=FINISHED)))
        .order_by("-total")
    )
    direct_rows = [
        Row(
            row["department__name"] or _("No department"),
            [row["total"], row["resolved"], share_of(row["resolved"], row["total"])],
        )
        for row in direct
    ]
    direct_total = sum(row.values[0] for row in direct_rows)
    return Section(
        key="resolution",
        heading=_("Resolved at first contact"),
        intro=_(
            "Contacts handled by the contact centre (counted contacts and cases an agent logged or "
            "that came to the contact centre) resolved in the same contact, without forwarding, "
            "waiting for the citizen or a call-back. A counted contact that needed follow-up is "
            "counted once, as not resolved."
        ),
        figures=[
            Figure(
                _("Resolved at first contact"),
                overall,
                target,
                _("%(part)s of %(whole)s contacts") % {"part": overall.part, "whole": overall.whole},
            ),
            Figure(
                _("E-service cases straight to a department"),
                direct_total,
                detail=_("Reported separately, not part of the share above."),
            ),
        ],
        charts=[
            share_chart(
                "chart-resolution-channel",
                _("Resolved at first contact by channel"),
                _("Bar chart of the share resolved at first contact per channel, with the target."),
                [(row.label, row.values[3].percent) for row in by_channel],
                target,
            ),
            over_time[0],
        ],
        tables=[
            Table(
                "resolution-by-channel",
                _("Resolved at first contact by channel"),
                _("Channel"),
                columns,
                by_channel + [total_row],
            ),
            Table(
                "resolution-by-area",
                _("Resolved at first contact by service area"),
                _("Service area"),
                columns,
                by_area,
            ),
            over_time[1],
            Table(
                "direct-to-department",
                _("E-service cases that went straight to a department"),
                _("Department"),
                [Column(_("Cases")), Column(_("Resolved or closed")), Column(_("Share resolved"))],
                direct_rows,
                note=_("These never passed the contact centre, so they are not in its share."),
            ),
        ],
    )


def sliced(field_name: str, period: Period) -> Trunc:
    return Trunc(field_name, period.slice, output_field=DateField(), tzinfo=STOCKHOLM)


def resolution_over_time(period: Period, tallies, cases, target: int):
    slices = period.slices()
    counts = {day: [0, 0] for day in slices}
    for queryset, created, resolved in (
        (tallies, "created_at", TALLY_RESOLVED),
        (cases, "received_at", CASE_RESOLVED),
    ):
        for row in (
            queryset.annotate(slice=sliced(created, period))
            .values("slice")
            .annotate(total=Count("pk"), resolved=Count("pk", filter=resolved))
            .order_by()
        ):
            if row["slice"] in counts:
                counts[row["slice"]][0] += row["total"]
                counts[row["slice"]][1] += row["resolved"]
    labels = [slice_label(day, period.slice) for day in slices]
    shares = [share_of(counts[day][1], counts[day][0]) for day in slices]
    chart = ColumnChart(
        id="chart-resolution-time",
        title=_("Resolved at first contact over time"),
        description=_("Column chart of the share resolved at first contact per period, with the target."),
        labels=labels,
        series=[(_("Share resolved"), [share.percent for share in shares])],
        unit="%",
        maximum=100,
        target=target,
        target_label=_("Target %(target)s %%") % {"target": target},
    )
    table = Table(
        "resolution-over-time",
        _("Resolved at first contact over time"),
        _("Period"),
        [Column(_("Contacts")), Column(_("Resolved at first contact")), Column(_("Share resolved"))],
        [
            Row(label, [counts[day][0], counts[day][1], share])
            for label, day, share in zip(labels, slices, shares, strict=True)
        ],
    )
    return chart, table


def email_section(period: Period, now: dt.datetime) -> Section:
    settings = targets()
    emails = Case.objects.filter(period.q("received_at"), channel=Channel.EMAIL)
    answered = Q(first_response_at__isnull=False)
    counts = emails.aggregate(
        counted_1=Count("pk", filter=answered | Q(working_day_1_ends__lt=now)),
        within_1=Count("pk", filter=Q(first_response_at__lte=F("working_day_1_ends"))),
        counted_2=Count("pk", filter=answered | Q(working_day_2_ends__lt=now)),
        within_2=Count("pk", filter=Q(first_response_at__lte=F("working_day_2_ends"))),
        unanswered=Count("pk", filter=Q(first_response_at__isnull=True, working_day_2_ends__lt=now)),
        pending=Count("pk", filter=Q(first_response_at__isnull=True, working_day_1_ends__gte=now)),
    )
    one = share_of(counts["within_1"], counts["counted_1"])
    two = share_of(counts["within_2"], counts["counted_2"])
    target = settings.email_one_working_day_target
    return Section(
        key="email",
        heading=_("E-mails answered in time"),
        intro=_(
            "E-mail cases whose first answer from a person came by the end of the first or second "
            "working day after arrival (an e-mail that arrives during or after opening hours gets "
            "its first whole working day tomorrow; weekends, public holidays and the eves the "
            "contact centre keeps closed do not count). E-mails not answered yet count once their "
            "deadline has passed."
        ),
        figures=[
            Figure(
                _("Answered within one working day"),
                one,
                target,
                _("%(part)s of %(whole)s e-mails") % {"part": one.part, "whole": one.whole},
            ),
            Figure(
                _("Answered within two working days"),
                two,
                detail=_("%(part)s of %(whole)s e-mails") % {"part": two.part, "whole": two.whole},
            ),
        ],
        tables=[
            Table(
                "email-answers",
                _("E-mails answered in time"),
                _("Answered"),
                [Column(_("E-mails counted")), Column(_("Answered in time")), Column(_("Share"))],
                [
                    Row(_("Within one working day"), [one.whole, one.part, one]),
                    Row(_("Within two working days"), [two.whole, two.part, two]),
                ],
                note=_(
                    "Not answered after two working days: %(unanswered)s. Not answered yet and still "
                    "within the first working day: %(pending)s."
                )
                % counts,
            )
        ],
    )


def phone_section(period: Period, now: dt.datetime) -> Section:
    simple = Tally.objects.filter(period.q("created_at"), channel=Channel.PHONE, simple_question=True)
    names = area_names()
    rows = [
        Row(
            names.get(row["service_area"]) or _("No service area"),
            [row["total"], row["answered"], share_of(row["answered"], row["total"])],
        )
        for row in simple.values("service_area")
        .annotate(total=Count("pk"), answered=Count("pk", filter=Q(answered_directly=True)))
        .order_by("-total")
    ]
    total = share_of(sum(row.values[1] for row in rows), sum(row.values[0] for row in rows))
    return Section(
        key="phone",
        heading=_("Simple phone questions answered directly"),
        intro=_(
            "Counted phone calls the agent marked as a simple question, and how many were answered directly."
        ),
        figures=[
            Figure(
                _("Answered directly"),
                total,
                detail=_("%(part)s of %(whole)s simple questions")
                % {"part": total.part, "whole": total.whole},
            )
        ],
        tables=[
            Table(
                "simple-phone-questions",
                _("Simple phone questions by service area"),
                _("Service area"),
                [Column(_("Simple questions")), Column(_("Answered directly")), Column(_("Share"))],
                rows + [Row(_("All service areas"), [total.whole, total.part, total], total=True)],
            )
        ],
    )


def service_level_section(period: Period, now: dt.datetime) -> Section:
    settings = targets()
    target = settings.service_level_target
    responded_at = Coalesce("first_response_at", "resolved_at")
    finished = Q(status__in=FINISHED)
    rows = (
        Case.objects.filter(period.q("received_at"))
        .annotate(responded_at=responded_at)
        .values("service_area", "service_area__translation_key")
        .annotate(
            total=Count("pk"),
            response_counted=Count(
                "pk", filter=Q(responded_at__isnull=False) | Q(first_response_due__lt=now)
            ),
            response_in_time=Count("pk", filter=Q(responded_at__lte=F("first_response_due"))),
            response_seconds=Avg("first_response_working_seconds"),
            resolution_counted=Count("pk", filter=finished | Q(resolution_due__lt=now)),
            resolution_in_time=Count("pk", filter=finished & Q(resolved_at__lte=F("resolution_due"))),
            resolution_seconds=Avg("resolution_working_seconds"),
            open_overdue=Count("pk", filter=overdue_q(now)),
        )
        .order_by()
    )
    levels = {
        level.service_area.translation_key: level
        for level in ServiceLevel.objects.select_related("service_area")
    }
    names = area_names()
    table_rows, misses = [], []
    for row in rows:
        level = levels.get(row["service_area__translation_key"])
        hours = level.first_response_working_hours if level else DEFAULT_FIRST_RESPONSE_WORKING_HOURS
        days = level.resolution_working_days if level else DEFAULT_RESOLUTION_WORKING_DAYS
        response = share_of(row["response_in_time"], row["response_counted"])
        resolution = share_of(row["resolution_in_time"], row["resolution_counted"])
        missed = any(share.percent is not None and share.percent < target for share in (response, resolution))
        label = names.get(row["service_area"]) or _("No service area")
        if missed:
            misses.append(label)
        table_rows.append(
            Row(
                label,
                [
                    row["total"],
                    _("%(hours)s h") % {"hours": hours},
                    response,
                    Hours(row["response_seconds"]),
                    _("%(days)s days") % {"days": days},
                    resolution,
                    Hours(row["resolution_seconds"]),
                    row["open_overdue"],
                ],
                flag=_("Misses its service level") if missed else "",
            )
        )
    table_rows.sort(key=lambda row: row.label)
    return Section(
        key="service-levels",
        heading=_("Service levels by service area"),
        intro=_(
            "The share of cases that got their first response and their resolution by the due date of "
            "their service area's service level, counted in the contact centre's working hours. Only "
            "cases whose due date has passed, or that met it already, are counted. An area misses its "
            "service level when either share is below the target of %(target)s %%."
        )
        % {"target": target},
        figures=[
            Figure(
                _("Service areas that miss their service level"),
                len(misses),
                detail=", ".join(misses) if misses else _("None"),
            )
        ],
        charts=[
            share_chart(
                "chart-first-response",
                _("First response in time by service area"),
                _("Bar chart of the share of first responses given by the due date, with the target."),
                [(row.label, row.values[2].percent) for row in table_rows],
                target,
            ),
            share_chart(
                "chart-resolution-due",
                _("Resolution in time by service area"),
                _("Bar chart of the share of cases resolved by the due date, with the target."),
                [(row.label, row.values[5].percent) for row in table_rows],
                target,
            ),
        ],
        tables=[
            Table(
                "service-levels",
                _("Service levels by service area"),
                _("Service area"),
                [
                    Column(_("Cases")),
                    Column(_("First response within"), numeric=False),
                    Column(_("First response in time")),
                    Column(_("Average working time to first response")),
                    Column(_("Resolution within"), numeric=False),
                    Column(_("Resolved in time")),
                    Column(_("Average working time to resolution")),
                    Column(_("Open and overdue now")),
                ],
                table_rows,
                flag_heading=_("Service level"),
            )
        ],
    )


def backlog_section(period: Period, now: dt.datetime) -> Section:
    today = now.astimezone(STOCKHOLM).date()
    aggregates = {}
    labels = []
    for index, (youngest, oldest) in enumerate(BACKLOG_AGES):
        # Arrived ``youngest`` to ``oldest`` calendar days ago (0: today).
        condition = Q(received_at__lt=local_midnight(today - dt.timedelta(days=youngest - 1)))
        if oldest is not None:
            condition &= Q(received_at__gte=local_midnight(today - dt.timedelta(days=oldest)))
        aggregates[f"open_{index}"] = Count("pk", filter=condition)
        aggregates[f"overdue_{index}"] = Count("pk", filter=condition & overdue_q(now))
        labels.append(
            _("%(from)s–%(to)s days") % {"from": youngest, "to": oldest}
            if oldest is not None
            else _("%(days)s+ days") % {"days": youngest}
        )
    counts = Case.objects.filter(open_q()).aggregate(**aggregates)
    rows = [
        Row(label, [counts[f"open_{index}"], counts[f"overdue_{index}"]])
        for index, label in enumerate(labels)
    ]
    total_open = sum(row.values[0] for row in rows)
    total_overdue = sum(row.values[1] for row in rows)
    return Section(
        key="backlog",
        heading=_("Backlog by age"),
        intro=_("Open cases now, by calendar days since they arrived. This does not depend on the period."),
        figures=[
            Figure(_("Open cases"), total_open),
            Figure(_("Of which overdue"), total_overdue),
        ],
        charts=[
            ColumnChart(
                id="chart-backlog",
                title=_("Backlog by age"),
                description=_("Column chart of open cases by age, overdue and not yet due stacked."),
                labels=labels,
                series=[
                    (_("Overdue"), [row.values[1] for row in rows]),
                    (_("Not overdue"), [row.values[0] - row.values[1] for row in rows]),
                ],
                colours=["#be123c", "#1d4ed8"],
            )
        ],
        tables=[
            Table(
                "backlog",
                _("Backlog by age"),
                _("Age"),
                [Column(_("Open cases")), Column(_("Of which overdue"))],
                rows + [Row(_("All open cases"), [total_open, total_overdue], total=True)],
            )
        ],
    )


def counts_over_time(period: Period, group: str, label_of, key: str, caption: str, heading: str):
    """Cases of the period by ``group`` and slice: a table (rows: values) and the totals."""
    slices = period.slices()
    grid: dict = {}
    for row in (
        Case.objects.filter(period.q("received_at"))
        .annotate(slice=sliced("received_at", period))
        .values("slice", group)
        .annotate(total=Count("pk"))
        .order_by()
    ):
        grid.setdefault(row[group], dict.fromkeys(slices, 0))
        if row["slice"] in grid[row[group]]:
            grid[row[group]][row["slice"]] += row["total"]
    labels = [slice_label(day, period.slice) for day in slices]
    rows = [
        Row(label_of(value), [*(by_slice[day] for day in slices), sum(by_slice.values())])
        for value, by_slice in grid.items()
    ]
    rows.sort(key=lambda row: -row.values[-1])
    table = Table(key, caption, heading, [*(Column(label) for label in labels), Column(_("Total"))], rows)
    return table, labels


def volume_section(period: Period, now: dt.datetime) -> Section:
    channel_table, labels = counts_over_time(
        period, "channel", channel_label, "cases-by-channel", _("Cases by channel"), _("Channel")
    )
    names = area_names()
    area_table, _labels = counts_over_time(
        period,
        "service_area",
        lambda pk: names.get(pk) or _("No service area"),
        "cases-by-area",
        _("Cases by service area"),
        _("Service area"),
    )
    department_table, _labels = counts_over_time(
        period,
        "department__name",
        lambda name: name or _("No department"),
        "cases-by-department",
        _("Cases by department"),
        _("Department"),
    )
    committee_table, _labels = counts_over_time(
        period,
        "committee__name",
        lambda name: name or _("No committee"),
        "cases-by-committee",
        _("Cases by committee"),
        _("Committee"),
    )
    return Section(
        key="volumes",
        heading=_("Cases over time"),
        intro=_("Cases that arrived in the period, by channel, service area, department and committee."),
        figures=[Figure(_("Cases"), sum(row.values[-1] for row in channel_table.rows))],
        charts=[
            ColumnChart(
                id="chart-channels",
                title=_("Cases by channel over time"),
                description=_("Stacked column chart of cases per period, one colour per channel."),
                labels=labels,
                series=[(row.label, row.values[:-1]) for row in channel_table.rows],
            ),
            BarChart(
                id="chart-areas",
                title=_("Cases by service area"),
                description=_("Bar chart of the number of cases per service area in the period."),
                items=[(row.label, row.values[-1]) for row in area_table.rows],
            ),
        ],
        tables=[channel_table, area_table, department_table, committee_table],
    )


def synpunkter_section(period: Period, now: dt.datetime) -> Section:
    quarters = period.quarters()
    kind_field = "statistics_category"
    grid: dict = {}
    for row in (
        Case.objects.filter(
            period.q("received_at"), statistics_category__in=[kind for kind, _label in SYNPUNKT_KINDS]
        )
        .annotate(quarter=Trunc("received_at", "quarter", output_field=DateField(), tzinfo=STOCKHOLM))
        .values("committee__name", "quarter", kind_field)
        .annotate(total=Count("pk"))
        .order_by()
    ):
        cells = grid.setdefault(row["committee__name"], {"quarters": dict.fromkeys(quarters, 0), "kinds": {}})
        if row["quarter"] in cells["quarters"]:
            cells["quarters"][row["quarter"]] += row["total"]
        kind = row[kind_field]
        cells["kinds"][kind] = cells["kinds"].get(kind, 0) + row["total"]
    rows = [
        Row(
            name or _("No committee"),
            [
                *(cells["quarters"][quarter] for quarter in quarters),
                *(cells["kinds"].get(kind, 0) for kind, _label in SYNPUNKT_KINDS),
                sum(cells["quarters"].values()),
            ],
        )
        for name, cells in sorted(grid.items(), key=lambda item: item[0] or "")
    ]
    return Section(
        key="synpunkter",
        heading=_("Comments and complaints per committee, by quarter"),
        intro=_(
            "Messages from the e-service Comments and complaints in the period, by the committee "
            "responsible and the quarter they arrived in."
        ),
        tables=[
            Table(
                "synpunkter-by-committee",
                _("Comments and complaints per committee, by quarter"),
                _("Committee"),
                [
                    *(Column(quarter_label(quarter)) for quarter in quarters),
                    *(Column(str(label)) for _kind, label in SYNPUNKT_KINDS),
                    Column(_("Total")),
                ],
                rows,
            )
        ],
    )


def faq_section(period: Period, now: dt.datetime) -> Section:
    feedback = {
        row["faq"]: row
        for row in FAQFeedback.objects.filter(period.q("created_at"))
        .values("faq")
        .annotate(yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False)))
        .order_by()
    }
    in_cases = dict(
        Case.objects.filter(period.q("received_at"), resolved_faq__isnull=False)
        .values("resolved_faq")
        .annotate(total=Count("pk"))
        .values_list("resolved_faq", "total")
        .order_by()
    )
    in_tallies = dict(
        Tally.objects.filter(period.q("created_at"), faq__isnull=False)
        .values("faq")
        .annotate(total=Count("pk"))
        .values_list("faq", "total")
        .order_by()
    )
    ids = set(feedback) | set(in_cases) | set(in_tallies)
    questions = dict(FAQ.objects.filter(pk__in=ids).values_list("pk", "question"))
    rows = []
    for pk in ids:
        yes = feedback.get(pk, {}).get("yes", 0)
        no = feedback.get(pk, {}).get("no", 0)
        rows.append(
            Row(
                questions.get(pk, "?"),
                [yes, no, share_of(yes, yes + no), in_cases.get(pk, 0) + in_tallies.get(pk, 0)],
            )
        )
    # Least helpful first (among those with answers), then the most used.
    rows.sort(key=lambda row: (row.values[2].value is None, row.values[2].value or 0, -row.values[3]))
    answers = sum(row.values[0] + row.values[1] for row in rows)
    helpful = share_of(sum(row.values[0] for row in rows), answers)
    return Section(
        key="faq",
        heading=_("FAQ helpfulness"),
        intro=_(
            'Answers to "Did this answer your question?" on the website, and how often staff used '
            "each FAQ to answer a case or a counted contact. The least helpful come first."
        ),
        figures=[
            Figure(
                _("Found the answer helpful"),
                helpful,
                detail=_("%(whole)s answers") % {"whole": answers},
            )
        ],
        tables=[
            Table(
                "faq-helpfulness",
                _("FAQ helpfulness"),
                _("Question"),
                [
                    Column(_("Helpful")),
                    Column(_("Not helpful")),
                    Column(_("Share helpful")),
                    Column(_("Used by staff")),
                ],
                rows,
            )
        ],
    )


def search_section(period: Period, now: dt.datetime) -> Section:

    misses = list(top_misses(period.start, period.end, limit=SEARCH_ROWS))
    rows = [Row(query, [language, hits]) for query, language, hits in misses]
    return Section(
        key="search",
        heading=_("Searches that found nothing"),
        intro=_(
            "What people searched for on the website without finding anything, most frequent first. "
            "Numbers, e-mail addresses and other personal data are masked before anything is stored."
        ),
        figures=[Figure(_("Searches without results"), sum(hits for _query, _language, hits in misses))],
        tables=[
            Table(
                "searches-without-results",
                _("Searches that found nothing"),
                _("Search words"),
                [Column(_("Language"), numeric=False), Column(_("Searches"))],
                rows,
            )
        ],
    )


# The page's sections in order, with the CSV exports each one offers.
SECTIONS = [
    (
        resolution_section,
        ["resolution-by-channel", "resolution-by-area", "resolution-over-time", "direct-to-department"],
    ),
    (email_section, ["email-answers"]),
    (phone_section, ["simple-phone-questions"]),
    (service_level_section, ["service-levels"]),
    (backlog_section, ["backlog"]),
    (volume_section, ["cases-by-channel", "cases-by-area", "cases-by-department", "cases-by-committee"]),
    (dropoff_section, []),  # a table per e-service: TABLE_PREFIXES
    (synpunkter_section, ["synpunkter-by-committee"]),
    (faq_section, ["faq-helpfulness"]),
    (search_section, ["searches-without-results"]),
]
TABLE_KEYS = {key: builder for builder, keys in SECTIONS for key in keys}
# Sections whose tables depend on the data: the start of their keys.
TABLE_PREFIXES = {"dropoff-": dropoff_section}


def builder_of(key: str):
    """The section builder that makes the table ``key``, or None."""
    if key in TABLE_KEYS:
        return TABLE_KEYS[key]
    return next((builder for prefix, builder in TABLE_PREFIXES.items() if key.startswith(prefix)), None)


def all_sections(period: Period, now: dt.datetime) -> list[Section]:
    return [builder(period, now) for builder, _keys in SECTIONS]


def table(key: str, period: Period, now: dt.datetime) -> Table | None:
    builder = builder_of(key)
    if builder is None:
        return None
    return next((found for found in builder(period, now).tables if found.key == key), None)
