"""The period a manager asks about: whole days in Europe/Stockholm, and how to slice it over time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pages.hours import STOCKHOLM

# Longer periods get coarser slices, so a chart never has more than about 60 columns.
DAY, WEEK, MONTH = "day", "week", "month"
MAX_DAYS = 5 * 366


def local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=STOCKHOLM)


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


@dataclass(frozen=True)
class Period:
    start: dt.date  # first day
    end: dt.date  # last day, included

    @property
    def start_at(self) -> dt.datetime:
        return local_midnight(self.start)

    @property
    def end_at(self) -> dt.datetime:
        """The instant after the period: midnight starting the day after ``end``."""
        return local_midnight(self.end + dt.timedelta(days=1))

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def q(self, field: str) -> Q:
        """``field`` (a datetime column) falls within the period."""
        return Q(**{f"{field}__gte": self.start_at, f"{field}__lt": self.end_at})

    def q_date(self, field: str) -> Q:
        """``field`` (a date column) falls within the period."""
        return Q(**{f"{field}__gte": self.start, f"{field}__lte": self.end})

    @property
    def slice(self) -> str:
        if self.days <= 31:
            return DAY
        if self.days <= 7 * 26:
            return WEEK
        return MONTH

    def slice_start(self, day: dt.date) -> dt.date:
        if self.slice == DAY:
            return day
        if self.slice == WEEK:
            return day - dt.timedelta(days=day.weekday())
        return month_start(day)

    def slices(self) -> list[dt.date]:
        """The start date of every slice that the period touches, in order."""
        found, current = [], self.slice_start(self.start)
        while current <= self.end:
            found.append(current)
            if self.slice == DAY:
                current += dt.timedelta(days=1)
            elif self.slice == WEEK:
                current += dt.timedelta(days=7)
            else:
                current = add_months(current, 1)
        return found

    def quarters(self) -> list[dt.date]:
        found, current = [], quarter_start(self.start)
        while current <= self.end:
            found.append(current)
            current = add_months(current, 3)
        return found

    def query_string(self) -> str:
        return f"from={self.start.isoformat()}&to={self.end.isoformat()}"


def slice_label(day: dt.date, kind: str) -> str:
    if kind == DAY:
        return day.isoformat()
    if kind == WEEK:
        year, week, _weekday = day.isocalendar()
        return _("week %(week)s, %(year)s") % {"week": week, "year": year}
    return f"{day:%Y-%m}"


def quarter_label(day: dt.date) -> str:
    return _("Q%(quarter)s %(year)s") % {"quarter": (day.month - 1) // 3 + 1, "year": day.year}


# --- Presets: the questions managers ask most ---


def last_month(today: dt.date) -> Period:
    first = add_months(month_start(today), -1)
    return Period(first, month_start(today) - dt.timedelta(days=1))


def this_month(today: dt.date) -> Period:
    return Period(month_start(today), today)


def last_quarter(today: dt.date) -> Period:
    first = add_months(quarter_start(today), -3)
    return Period(first, quarter_start(today) - dt.timedelta(days=1))


def this_year(today: dt.date) -> Period:
    return Period(dt.date(today.year, 1, 1), today)


def last_twelve_months(today: dt.date) -> Period:
    return Period(add_months(month_start(today), -12), month_start(today) - dt.timedelta(days=1))


PRESETS = [
    (_("This month"), this_month),
    (_("Last month"), last_month),
    (_("Last quarter"), last_quarter),
    (_("This year"), this_year),
    (_("Last 12 months"), last_twelve_months),
]


def default_period(today: dt.date | None = None) -> Period:
    return last_month(today or timezone.localdate())


class PeriodForm(forms.Form):
    """``?from=YYYY-MM-DD&to=YYYY-MM-DD``; an empty form means last month."""

    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To (included)"), widget=forms.DateInput(attrs={"type": "date"}))

    def add_prefix(self, field_name):
        # The URL says from/to; "from" is a Python keyword, so the fields are start/end.
        return {"start": "from", "end": "to"}.get(field_name, field_name)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The end date must not be before the start date."))
            elif (end - start).days >= MAX_DAYS:
                self.add_error("end", _("Choose a period of at most five years."))
        return cleaned

    @property
    def period(self) -> Period:
        return Period(self.cleaned_data["start"], self.cleaned_data["end"])
