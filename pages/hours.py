"""Opening-hours rules, computed in Europe/Stockholm.

The rules are plain data so they can be tested without a database; the
``OpeningHours`` snippet turns its rows into a :class:`Schedule`.

Precedence for one date, highest first: an editor's dated exception, a Swedish
public holiday, an eve (midsummer, Christmas and New Year's eve, which the
``holidays`` library files as *de facto* holidays), a seasonal period, the
weekly rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, pgettext

import holidays

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# How far ahead to look for the next opening; a year covers any realistic closure.
LOOKAHEAD_DAYS = 370

REGULAR = "regular"
SEASON = "season"
HOLIDAY = "holiday"
EVE = "eve"
EXCEPTION = "exception"


# The holidays library names Swedish holidays in English and Swedish only; its English names
# are our msgids, so they are translated like every other interface string (sv, ar, fi).
HOLIDAY_NAMES = (
    gettext_noop("New Year's Day"),
    gettext_noop("Epiphany"),
    gettext_noop("Good Friday"),
    gettext_noop("Easter Sunday"),
    gettext_noop("Easter Monday"),
    gettext_noop("May Day"),
    gettext_noop("Ascension Day"),
    gettext_noop("Pentecost"),
    gettext_noop("National Day"),
    gettext_noop("Midsummer Eve"),
    gettext_noop("Midsummer Day"),
    gettext_noop("All Saints' Day"),
    gettext_noop("Christmas Eve"),
    gettext_noop("Christmas Day"),
    gettext_noop("Second Day of Christmas"),
    gettext_noop("New Year's Eve"),
)


@lru_cache(maxsize=32)
def public_holidays(year: int) -> dict[dt.date, str]:
    """Date -> the holiday's English name (a msgid: show it through ``gettext``)."""
    # include_sundays=False: the library otherwise lists every Sunday as a holiday.
    return dict(holidays.Sweden(years=year, include_sundays=False, language="en_US"))


@lru_cache(maxsize=32)
def eves(year: int) -> dict[dt.date, str]:
    """Date -> the eve's English name (a msgid)."""
    return dict(holidays.Sweden(years=year, categories=("de_facto",), language="en_US"))


@dataclass(frozen=True)
class Interval:
    opens: dt.time
    closes: dt.time


@dataclass(frozen=True)
class WeeklyRule:
    """Open ``opens``–``closes`` on weekdays ``first_day``..``last_day`` (0 = Monday)."""

    first_day: int
    last_day: int
    opens: dt.time
    closes: dt.time

    def covers(self, weekday: int) -> bool:
        return self.first_day <= weekday <= self.last_day


@dataclass(frozen=True)
class SeasonRule(WeeklyRule):
    """A weekly rule that applies between two recurring dates (month, day), inclusive."""

    start: tuple[int, int] = (1, 1)
    end: tuple[int, int] = (12, 31)
    name: str = ""

    def in_season(self, day: dt.date) -> bool:
        key = (day.month, day.day)
        if self.start <= self.end:
            return self.start <= key <= self.end
        return key >= self.start or key <= self.end  # wraps over New Year


@dataclass(frozen=True)
class DatedException:
    date: dt.date
    intervals: tuple[Interval, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class DayHours:
    date: dt.date
    intervals: tuple[Interval, ...]
    reason: str
    note: str = ""

    @property
    def is_closed(self) -> bool:
        return not self.intervals

    @property
    def note_is_content(self) -> bool:
        """An editor's note (an exception's, a season's name): written in Swedish only,
        since opening hours are not translated; a holiday's name is in the language shown."""
        return self.reason in (EXCEPTION, SEASON)


@dataclass(frozen=True)
class Status:
    """Whether a channel is open at ``at``, and when that next changes."""

    at: dt.datetime
    is_open: bool
    closes_at: dt.datetime | None = None
    opens_at: dt.datetime | None = None

    @property
    def next_change(self) -> dt.datetime | None:
        return self.closes_at if self.is_open else self.opens_at

    def label(self, now: dt.datetime | None = None) -> str:
        now = (now or self.at).astimezone(STOCKHOLM)
        if self.is_open:
            return _("Open now, closes %(time)s") % {"time": clock(self.closes_at)}
        if self.opens_at is None:
            return _("Closed")
        opens = self.opens_at.astimezone(STOCKHOLM)
        days_ahead = (opens.date() - now.date()).days
        if days_ahead == 0:
            return _("Closed now, opens %(time)s") % {"time": clock(opens)}
        if days_ahead == 1:
            return _("Closed now, opens tomorrow %(time)s") % {"time": clock(opens)}
        if days_ahead < 7:
            return _("Closed now, opens %(weekday)s %(time)s") % {
                "weekday": date_format(opens, "l"),
                "time": clock(opens),
            }
        return _("Closed now, opens %(date)s %(time)s") % {
            "date": date_format(opens, "j F"),
            "time": clock(opens),
        }


def clock(value: dt.datetime | dt.time) -> str:
    """A clock time in the active language's convention (Swedish 16.45, English 16:45)."""
    if isinstance(value, dt.datetime):
        value = value.astimezone(STOCKHOLM).time()
    return date_format(value, pgettext("clock time format", "H:i"))


@dataclass
class Schedule:
    weekly: tuple[WeeklyRule, ...] = ()
    seasons: tuple[SeasonRule, ...] = ()
    exceptions: dict[dt.date, DatedException] = field(default_factory=dict)
    closed_on_public_holidays: bool = True
    closed_on_eves: bool = True

    def day(self, day: dt.date) -> DayHours:
        if day in self.exceptions:
            exception = self.exceptions[day]
            return DayHours(day, exception.intervals, EXCEPTION, exception.note)
        if self.closed_on_public_holidays and day in public_holidays(day.year):
            return DayHours(day, (), HOLIDAY, _(public_holidays(day.year)[day]))
        if self.closed_on_eves and day in eves(day.year):
            return DayHours(day, (), EVE, _(eves(day.year)[day]))
        season_rules = [rule for rule in self.seasons if rule.in_season(day)]
        if season_rules:
            return DayHours(day, _intervals(season_rules, day), SEASON, season_rules[0].name)
        return DayHours(day, _intervals(self.weekly, day), REGULAR)

    def status(self, at: dt.datetime) -> Status:
        local = at.astimezone(STOCKHOLM)
        for offset in range(LOOKAHEAD_DAYS):
            day = local.date() + dt.timedelta(days=offset)
            for interval in self.day(day).intervals:
                opens = _at(day, interval.opens)
                closes = _at(day, interval.closes)
                if opens <= local < closes:
                    return Status(at, True, closes_at=self._closing_after(day, closes))
                if local < opens:
                    return Status(at, False, opens_at=opens)
        return Status(at, False)

    def _closing_after(self, day: dt.date, closes: dt.datetime) -> dt.datetime:
        """Follow intervals that start exactly when the previous one ends."""
        for interval in self.day(day).intervals:
            if _at(day, interval.opens) == closes:
                return self._closing_after(day, _at(day, interval.closes))
        return closes

    def week(self, start: dt.date) -> list[DayHours]:
        return [self.day(start + dt.timedelta(days=n)) for n in range(7)]

    def special_days(self, start: dt.date, days: int = 365) -> list[DayHours]:
        """Days in the coming period whose hours differ from the regular weekly rows."""
        found = []
        for n in range(days):
            hours = self.day(start + dt.timedelta(days=n))
            if hours.reason in (EXCEPTION, HOLIDAY, EVE):
                found.append(hours)
        return found


def _intervals(rules, day: dt.date) -> tuple[Interval, ...]:
    matching = sorted(
        (Interval(rule.opens, rule.closes) for rule in rules if rule.covers(day.weekday())),
        key=lambda interval: interval.opens,
    )
    return tuple(matching)


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    # zoneinfo resolves the local wall-clock time, so DST changes need no special case.
    return dt.datetime.combine(day, time, tzinfo=STOCKHOLM)
