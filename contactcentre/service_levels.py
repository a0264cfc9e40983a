"""When a case's first response and resolution are due, and whether it is late.

Rules:
- The targets are the case's service area's ``ServiceLevel`` (any language's copy of the
  area), or the defaults: first response within 8 working hours, resolution within 10
  working days.
- Counting starts at ``received_at`` in the contact centre's working time
  (``contactcentre.working_hours``): a case arriving after closing time starts counting
  at the next opening; holidays, eves and weekends do not count.
- E-mails: the first response is due at whichever comes first, the area's hours or the
  end of the area's e-mail working days (one by default).
- ``due_state``: a resolved or closed case is "ok"; an open case is "overdue" when a due
  date it has not met has passed (the first response counts until it is given), and
  "due_soon" when less than ``DUE_SOON_WORKING_HOURS`` of working time is left.
- The due dates are stored on the case (``first_response_due``, ``resolution_due``) when it
  is opened, with the ends of its first two working days (the e-mail measures of the
  statistics); the working time taken to the first response and to the resolution is
  stored when each happens. When a service level or the phone opening hours change, a
  background task recounts the open cases (``contactcentre.signals``); finished cases keep
  the dates they were measured against. The command ``recompute_due_dates`` recounts any.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contactcentre import working_hours
from contactcentre.models import Case, ServiceLevel
from contactcentre.models.cases import Channel, Status
from contactcentre.models.service_levels import (
    DEFAULT_EMAIL_FIRST_RESPONSE_WORKING_DAYS,
    DEFAULT_FIRST_RESPONSE_WORKING_HOURS,
    DEFAULT_RESOLUTION_WORKING_DAYS,
)
from pages import chrome

OK = "ok"
DUE_SOON = "due_soon"
OVERDUE = "overdue"
DUE_SOON_WORKING_HOURS = 4
FINISHED = (Status.RESOLVED, Status.CLOSED)


@dataclass(frozen=True)
class Targets:
    first_response_working_hours: int = DEFAULT_FIRST_RESPONSE_WORKING_HOURS
    resolution_working_days: int = DEFAULT_RESOLUTION_WORKING_DAYS
    email_first_response_working_days: int = DEFAULT_EMAIL_FIRST_RESPONSE_WORKING_DAYS


DEFAULT_TARGETS = Targets()


def _targets_of(level: ServiceLevel) -> Targets:
    return Targets(
        level.first_response_working_hours,
        level.resolution_working_days,
        level.email_first_response_working_days,
    )


def all_targets() -> dict:
    """Targets by the service area's translation key (one query)."""
    return {
        level.service_area.translation_key: _targets_of(level)
        for level in ServiceLevel.objects.select_related("service_area")
    }


def current_targets() -> dict:
    """``all_targets()``, kept per content generation (a service level is a snippet: a change
    to one starts a new generation)."""
    return chrome.cached("service-level-targets", all_targets)


def targets_for(case: Case, targets: dict | None = None) -> Targets:
    area = case.service_area
    if area is None:
        return DEFAULT_TARGETS
    targets = current_targets() if targets is None else targets
    return targets.get(area.translation_key, DEFAULT_TARGETS)


def first_response_due(case: Case, *, schedule=None, targets: dict | None = None) -> dt.datetime:
    schedule = schedule or working_hours.contact_centre_schedule()
    target = targets_for(case, targets)
    due = working_hours.add_working_hours(case.received_at, target.first_response_working_hours, schedule)
    if case.channel == Channel.EMAIL:
        by_days = working_hours.add_working_days(
            case.received_at, target.email_first_response_working_days, schedule
        )
        due = min(due, by_days)
    return due


def resolution_due(case: Case, *, schedule=None, targets: dict | None = None) -> dt.datetime:
    schedule = schedule or working_hours.contact_centre_schedule()
    target = targets_for(case, targets)
    return working_hours.add_working_days(case.received_at, target.resolution_working_days, schedule)


# The columns ``counted_times`` fills: due dates, working-day ends and working time taken.
COUNTED_FIELDS = [
    "first_response_due",
    "resolution_due",
    "working_day_1_ends",
    "working_day_2_ends",
    "first_response_working_seconds",
    "resolution_working_seconds",
]


def working_seconds_to(case: Case, moment: dt.datetime | None, schedule=None) -> int | None:
    """The working time from the case's arrival to ``moment`` (None while there is no moment)."""
    if moment is None:
        return None
    return working_hours.working_seconds_between(case.received_at, moment, schedule)


def counted_times(case: Case, *, schedule=None, targets: dict | None = None) -> dict:
    """Every stored time of the case that is counted in working time, by column."""
    schedule = schedule or working_hours.contact_centre_schedule()
    resolved_at = case.resolved_at if case.status in FINISHED else None
    return {
        "first_response_due": first_response_due(case, schedule=schedule, targets=targets),
        "resolution_due": resolution_due(case, schedule=schedule, targets=targets),
        "working_day_1_ends": working_hours.add_working_days(case.received_at, 1, schedule),
        "working_day_2_ends": working_hours.add_working_days(case.received_at, 2, schedule),
        "first_response_working_seconds": working_seconds_to(case, case.first_response_at, schedule),
        "resolution_working_seconds": working_seconds_to(case, resolved_at, schedule),
    }


def set_due_dates(case: Case, *, schedule=None, targets: dict | None = None) -> Case:
    """Compute and store the case's counted times (an update of those columns, no ``save()``)."""
    values = counted_times(case, schedule=schedule, targets=targets)
    for name, value in values.items():
        setattr(case, name, value)
    Case.objects.filter(pk=case.pk).update(**values)
    return case


def recompute_due_dates(queryset=None, *, batch_size: int = 500) -> int:
    """Recompute the stored due dates of ``queryset`` (all cases by default); returns how many."""
    queryset = Case.objects.all() if queryset is None else queryset
    schedule = working_hours.contact_centre_schedule()
    targets = all_targets()
    batch, count = [], 0
    for case in (
        queryset.select_related("service_area")
        .only(
            "pk",
            "received_at",
            "channel",
            "status",
            "first_response_at",
            "resolved_at",
            "service_area__translation_key",
        )
        .iterator(chunk_size=batch_size)
    ):
        batch.append(Case(pk=case.pk, **counted_times(case, schedule=schedule, targets=targets)))
        if len(batch) >= batch_size:
            count += Case.objects.bulk_update(batch, COUNTED_FIELDS)
            batch = []
    if batch:
        count += Case.objects.bulk_update(batch, COUNTED_FIELDS)
    return count


def pending_dues(case: Case) -> list[dt.datetime]:
    """The due dates the open case has still to meet."""
    if case.status in FINISHED:
        return []
    dues = []
    if case.first_response_at is None and case.first_response_due:
        dues.append(case.first_response_due)
    if case.resolution_due:
        dues.append(case.resolution_due)
    return dues


def state_of(due: dt.datetime | None, now: dt.datetime, schedule=None) -> str:
    if due is None:
        return OK
    if due < now:
        return OVERDUE
    if due - now > dt.timedelta(days=31):
        return OK  # no need to count: far more than the due-soon margin is left
    schedule = schedule or working_hours.contact_centre_schedule()
    if working_hours.working_seconds_between(now, due, schedule) < DUE_SOON_WORKING_HOURS * 3600:
        return DUE_SOON
    return OK


def due_state(case: Case, now: dt.datetime | None = None, schedule=None) -> str:
    """ "ok", "due_soon" or "overdue": the worst state among the dues the case has still to meet."""
    now = now or timezone.now()
    dues = pending_dues(case)
    if not dues:
        return OK
    earliest = min(dues)
    if earliest < now:
        return OVERDUE
    return state_of(earliest, now, schedule)


# --- The same rules as database conditions, for the queue's filters ---


def open_q() -> Q:
    return ~Q(status__in=FINISHED)


def overdue_q(now: dt.datetime) -> Q:
    return open_q() & (
        Q(first_response_at__isnull=True, first_response_due__lt=now) | Q(resolution_due__lt=now)
    )


def due_before_q(now: dt.datetime, end: dt.datetime) -> Q:
    """Open, not overdue, and a due date still to meet falls before ``end``."""
    return (
        open_q()
        & ~overdue_q(now)
        & (Q(first_response_at__isnull=True, first_response_due__lt=end) | Q(resolution_due__lt=end))
    )


STATE_LABELS = {
    OVERDUE: _("Overdue"),
    DUE_SOON: _("Due soon"),
    OK: "",
}


def mark_due_states(cases, now: dt.datetime | None = None) -> None:
    """Set ``due_state`` and ``due_state_label`` on each case; the opening hours load at most once."""
    now = now or timezone.now()
    schedule = None
    for case in cases:
        dues = pending_dues(case)
        state = OK
        if dues:
            earliest = min(dues)
            if earliest < now:
                state = OVERDUE
            elif earliest - now <= dt.timedelta(days=31):
                schedule = schedule or working_hours.contact_centre_schedule()
                state = state_of(earliest, now, schedule)
        case.due_state = state
        case.due_state_label = STATE_LABELS[state]


@dataclass(frozen=True)
class DueDate:
    label: str
    due: dt.datetime | None
    state: str
    state_label: str


def due_dates(case: Case, now: dt.datetime | None = None) -> list[DueDate]:
    """Both due dates of the case page, each with its own state (or "Met late" once given late)."""
    now = now or timezone.now()
    finished = case.status in FINISHED
    resolved_at = case.resolved_at if finished else None
    found = []
    for label, due, met, met_at in (
        (
            _("First response due"),
            case.first_response_due,
            case.first_response_at is not None or finished,
            case.first_response_at,
        ),
        (_("Resolution due"), case.resolution_due, finished, resolved_at),
    ):
        if due is None:
            state, state_label = OK, ""
        elif met:
            late = met_at is not None and met_at > due
            state, state_label = OK, (_("Met late") if late else "")
        else:
            state = state_of(due, now)
            state_label = STATE_LABELS[state]
        found.append(DueDate(str(label), due, state, str(state_label)))
    return found


# The citizen sees the expected date while the case is with us (not while we wait for them).
EXPECTED_DATE_SHOWN = (Status.NEW, Status.IN_PROGRESS, Status.FORWARDED)


def expected_answer_by(case: Case) -> dt.datetime | None:
    """The date the citizen's status page promises: the resolution due date of a case in our hands."""
    if case.status in EXPECTED_DATE_SHOWN:
        return case.resolution_due
    return None
