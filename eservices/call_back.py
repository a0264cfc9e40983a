"""Call-back windows: the half days in which the contact centre can call a citizen back.

A window is a half day, today or on the next working day: from the phone's opening to
12.00, and from 12.00 to its closing. Both halves follow the phone channel's opening
hours (``OpeningHours``, edited in the admin), so summer hours (07–16), a short Friday,
an eve closing at 13.00 or a day an editor closed are what the citizen is offered. Only
windows that can still happen are offered: not one that has ended or ends within
``LEAD_TIME``, nor "today" on a closed day. The choices are read again when the form is
sent, so a window that passed while the citizen read the check page is refused.

Working days are the days the contact centre's phone is open (``contactcentre.working_hours``),
so weekends, public holidays, the eves it keeps closed and the days an editor closed in the
opening hours are skipped. The question type ``call_back_time`` (``eservices.questions``) asks
for one.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format, get_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from contactcentre.working_hours import MAX_CLOSED_DAYS, contact_centre_schedule, is_working_day
from pages.hours import STOCKHOLM, Schedule, clock

TODAY_MORNING = "today_morning"
TODAY_AFTERNOON = "today_afternoon"
NEXT_MORNING = "next_morning"
NEXT_AFTERNOON = "next_afternoon"
MORNING = "morning"
AFTERNOON = "afternoon"
NOON = dt.time(12)
# An advisor needs a little time to plan a call: a window ending sooner is not offered.
LEAD_TIME = dt.timedelta(minutes=15)


def now() -> dt.datetime:
    """The time in Stockholm; one function, so that tests can set the clock."""
    return timezone.localtime(timezone.now(), STOCKHOLM)


def next_working_day(day: dt.date, schedule: Schedule | None = None) -> dt.date:
    """The first day after ``day`` on which the contact centre is open."""
    schedule = schedule or contact_centre_schedule()
    for offset in range(1, MAX_CLOSED_DAYS + 1):
        candidate = day + dt.timedelta(days=offset)
        if is_working_day(candidate, schedule):
            return candidate
    return day + dt.timedelta(days=1)  # closed for a year: the agent sorts it out


@dataclass(frozen=True)
class CallWindow:
    """A half day in which an advisor calls back."""

    key: str  # the submitted value: today_morning … next_afternoon
    day: dt.date
    starts: dt.time
    ends: dt.time

    @property
    def hours(self) -> str:
        """The hours as people say them, for example 08–12 or 12–16.45 (in the active language)."""
        return f"{_short_clock(self.starts)}–{_short_clock(self.ends)}"

    @property
    def label(self) -> str:
        if self.key.startswith("today"):
            return _("Today, %(hours)s") % {"hours": self.hours}
        return _("%(day)s, %(hours)s") % {
            # The weekday, then day and month as the language writes them: "lauantai 5. joulukuuta".
            "day": capfirst(date_format(self.day, "l " + get_format("MONTH_DAY_FORMAT"))),
            "hours": self.hours,
        }


def _short_clock(time: dt.time) -> str:
    return f"{time.hour:02d}" if time.minute == 0 else clock(time)


def half_days(day: dt.date, schedule: Schedule | None = None) -> dict[str, tuple[dt.time, dt.time]]:
    """The morning and afternoon of ``day`` in the phone's opening hours; a closed half is left out."""
    schedule = schedule or contact_centre_schedule()
    intervals = schedule.day(day).intervals
    if not intervals:
        return {}
    opens = min(interval.opens for interval in intervals)
    closes = max(interval.closes for interval in intervals)
    halves = {}
    if opens < min(NOON, closes):
        halves[MORNING] = (opens, min(NOON, closes))
    if max(NOON, opens) < closes:
        halves[AFTERNOON] = (max(NOON, opens), closes)
    return halves


def windows(at: dt.datetime | None = None, schedule: Schedule | None = None) -> list[CallWindow]:
    """The windows still possible at ``at``: today's ending after LEAD_TIME, then the next working day's."""
    schedule = schedule or contact_centre_schedule()
    local = timezone.localtime(at, STOCKHOLM) if at else now()
    today = local.date()
    offered = []
    for half, (starts, ends) in half_days(today, schedule).items():
        if local + LEAD_TIME < dt.datetime.combine(today, ends, tzinfo=STOCKHOLM):
            offered.append(CallWindow(f"today_{half}", today, starts, ends))
    day = next_working_day(today, schedule)
    for half, (starts, ends) in half_days(day, schedule).items():
        offered.append(CallWindow(f"next_{half}", day, starts, ends))
    return offered


def window_of(choice: str, at: dt.datetime | None = None) -> tuple[dt.date, str]:
    """The date and the hours ("08–12") a window choice means, counted from ``at``."""
    local = timezone.localtime(at, STOCKHOLM) if at else now()
    schedule = contact_centre_schedule()
    day = local.date() if choice.startswith("today") else next_working_day(local.date(), schedule)
    half = MORNING if choice.endswith(MORNING) else AFTERNOON
    starts, ends = half_days(day, schedule).get(half, (NOON, NOON))
    return day, CallWindow(choice, day, starts, ends).hours


def window_has_passed(choice: str, at: dt.datetime | None = None) -> bool:
    """Is the window no longer offered: over, too soon, or today a closed day?"""
    return choice not in {window.key for window in windows(at)}


def choices() -> list[tuple[str, str]]:
    """The windows still possible now, as a choice field's (value, label) pairs."""
    return [(window.key, window.label) for window in windows()]


def title_text(choice: str, at: dt.datetime | None = None) -> str:
    """A window as a case title says it: 27/11 08–12."""
    day, hours = window_of(choice, at)
    return f"{day.day}/{day.month} {hours}"
