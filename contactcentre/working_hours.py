"""Working-hours arithmetic: the one place that counts time in the contact centre's opening hours.

The working time is the opening hours of the contact centre's phone channel (the
``OpeningHours`` snippet, edited in the admin), so public holidays, the eves it keeps
closed, seasons and dated exceptions all count. Without a phone row the fallback is
Monday–Friday 08.00–16.45, closed on public holidays and eves.

Rules:
- Times are counted in Europe/Stockholm; interval bounds are compared as instants
  (UTC), so a DST change never adds or loses an hour.
- ``add_working_hours``: a start outside the opening hours (after closing time, at
  night, at a weekend or on a holiday) starts counting at the next opening.
- ``add_working_days``: the end (closing time) of the Nth working day. The day of
  ``start`` counts as day 1 only when ``start`` is before that day's opening; a case
  arriving during or after the day's hours gets its first whole day tomorrow.
- ``working_seconds_between``: the open time that lies between two instants.

Every function takes an optional ``schedule`` (a ``pages.hours.Schedule``), so callers that
work through many cases load the opening hours once.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from pages import chrome, hours
from pages.hours import STOCKHOLM
from pages.models import OpeningHours

FALLBACK_SCHEDULE = hours.Schedule(
    weekly=(hours.WeeklyRule(0, 4, dt.time(8, 0), dt.time(16, 45)),),
)
# A schedule with no open day within this many days is treated as always closed.
MAX_CLOSED_DAYS = hours.LOOKAHEAD_DAYS


class NoWorkingHours(ValueError):
    """The schedule has no open time within a year: nothing can be counted."""


def contact_centre_schedule() -> hours.Schedule:
    """The contact centre's working time: its phone channel's opening hours, or the fallback.

    Kept per content generation (``pages.chrome``): every case opened counts its due dates in
    it, and any change of the opening hours starts a new generation.
    """
    return chrome.cached("contact-centre-schedule", _load_schedule)


def _load_schedule() -> hours.Schedule:
    phone = (
        OpeningHours.objects.filter(channel=OpeningHours.PHONE)
        .prefetch_related("weekly", "seasonal", "exceptions")
        .first()
    )
    return phone.schedule() if phone else FALLBACK_SCHEDULE


def _local(moment: dt.datetime) -> dt.datetime:
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=STOCKHOLM)
    return moment.astimezone(STOCKHOLM)


def _open_periods(schedule: hours.Schedule, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
    """The day's open periods as UTC instants, overlapping or touching rows merged."""
    periods = []
    for interval in sorted(schedule.day(day).intervals, key=lambda interval: interval.opens):
        opens = dt.datetime.combine(day, interval.opens, tzinfo=STOCKHOLM).astimezone(dt.UTC)
        closes = dt.datetime.combine(day, interval.closes, tzinfo=STOCKHOLM).astimezone(dt.UTC)
        if closes <= opens:
            continue
        if periods and opens <= periods[-1][1]:
            periods[-1] = (periods[-1][0], max(periods[-1][1], closes))
        else:
            periods.append((opens, closes))
    return periods


def is_working_day(day: dt.date, schedule: hours.Schedule | None = None) -> bool:
    schedule = schedule or contact_centre_schedule()
    return bool(_open_periods(schedule, day))


def add_working_hours(
    start: dt.datetime, working_hours: float, schedule: hours.Schedule | None = None
) -> dt.datetime:
    """The moment ``working_hours`` of open time after ``start`` (in Europe/Stockholm)."""
    if working_hours < 0:
        raise ValueError("working_hours must not be negative")
    schedule = schedule or contact_centre_schedule()
    current = _local(start).astimezone(dt.UTC)
    remaining = dt.timedelta(hours=working_hours)
    day = _local(start).date()
    closed_days = 0
    while closed_days <= MAX_CLOSED_DAYS:
        periods = _open_periods(schedule, day)
        closed_days = 0 if periods else closed_days + 1
        for opens, closes in periods:
            if closes <= current:
                continue
            begin = max(current, opens)
            available = closes - begin
            if remaining <= available:
                return (begin + remaining).astimezone(STOCKHOLM)
            remaining -= available
            current = closes
        day += dt.timedelta(days=1)
    raise NoWorkingHours("no opening hours within a year")


def add_working_days(start: dt.datetime, days: int, schedule: hours.Schedule | None = None) -> dt.datetime:
    """The closing time of the ``days``-th working day after ``start`` (see the module's rules)."""
    if days < 1:
        raise ValueError("days must be at least 1")
    schedule = schedule or contact_centre_schedule()
    local = _local(start)
    instant = local.astimezone(dt.UTC)
    day = local.date()
    counted = 0
    closed_days = 0
    while closed_days <= MAX_CLOSED_DAYS:
        periods = _open_periods(schedule, day)
        closed_days = 0 if periods else closed_days + 1
        if periods and instant < periods[0][0]:  # a whole working day lies ahead
            counted += 1
            if counted == days:
                return periods[-1][1].astimezone(STOCKHOLM)
        day += dt.timedelta(days=1)
    raise NoWorkingHours("no opening hours within a year")


def working_seconds_between(
    start: dt.datetime, end: dt.datetime, schedule: hours.Schedule | None = None
) -> int:
    """Seconds of open time between ``start`` and ``end``; 0 when ``end`` is not after ``start``."""
    start_utc, end_utc = _local(start).astimezone(dt.UTC), _local(end).astimezone(dt.UTC)
    if end_utc <= start_utc:
        return 0
    schedule = schedule or contact_centre_schedule()
    total = dt.timedelta()
    day, last = _local(start).date(), _local(end).date()
    while day <= last:
        for opens, closes in _open_periods(schedule, day):
            overlap = min(closes, end_utc) - max(opens, start_utc)
            if overlap > dt.timedelta():
                total += overlap
        day += dt.timedelta(days=1)
    return int(total.total_seconds())
