"""API: the contact channels' opening hours, for a phone menu or a chatbot."""

import datetime as dt

from django.utils import timezone
from django.utils.formats import date_format

from ninja import Field, Router, Schema

from pages.hours import STOCKHOLM
from pages.models import OpeningHours

router = Router(tags=["opening hours"])
DAYS_AHEAD = 7


class WeeklyRowOut(Schema):
    first_day: int  # 0 = Monday
    last_day: int
    days: str
    opens: str  # HH:MM, Europe/Stockholm
    closes: str


class SeasonOut(WeeklyRowOut):
    name: str
    starts: str  # MM-DD, every year
    ends: str


class IntervalOut(Schema):
    opens: str
    closes: str


class DayOut(Schema):
    date: dt.date
    weekday: str
    open: bool
    intervals: list[IntervalOut]
    reason: str  # regular, season, holiday, eve or exception
    note: str


class SpecialDayOut(Schema):
    date: dt.date
    open: bool
    opens: str | None  # HH:MM when open
    closes: str | None
    note: str


class ChannelHoursOut(Schema):
    channel: str
    label: str
    menu_digits: list[int]
    open_now: bool
    closes_at: dt.datetime | None
    opens_at: dt.datetime | None
    next_change: dt.datetime | None
    status_label: str
    weekly: list[WeeklyRowOut]
    seasons: list[SeasonOut]
    next_days: list[DayOut]
    special_days: list[SpecialDayOut] = Field(
        ..., description="Exceptions to the regular hours from today on (closed days, shorter days)."
    )


@router.get(
    "/opening-hours",
    response=list[ChannelHoursOut],
    summary="Opening hours of every contact channel",
    description=(
        "For each channel (phone, phone-menu lines, visits): whether it is open now and when that "
        "changes, a sentence saying so, the regular weekly hours, seasonal hours, and the actual hours "
        f"of the next {DAYS_AHEAD} days with public holidays and exceptions applied, and the coming "
        "special days (exceptions) however far ahead. Times are in "
        "Europe/Stockholm."
    ),
)
def opening_hours(request):
    now = timezone.now()
    today = now.astimezone(STOCKHOLM).date()
    channels = OpeningHours.objects.prefetch_related("weekly", "seasonal", "exceptions", "service_areas")
    return [_channel(hours, now, today) for hours in channels]


def _channel(hours: OpeningHours, now: dt.datetime, today: dt.date) -> dict:
    status = hours.status()
    schedule = hours.schedule()
    return {
        "channel": hours.channel,
        "label": str(hours.label),
        "menu_digits": sorted({area.menu_digit for area in hours.service_areas.all()}),
        "open_now": status.is_open,
        "closes_at": _local(status.closes_at),
        "opens_at": _local(status.opens_at),
        "next_change": _local(status.next_change),
        "status_label": status.label(now),
        "weekly": [_row(row) for row in hours.weekly.all()],
        "seasons": [
            {
                **_row(row),
                "name": row.name,
                "starts": f"{row.start_month:02d}-{row.start_day:02d}",
                "ends": f"{row.end_month:02d}-{row.end_day:02d}",
            }
            for row in hours.seasonal.all()
        ],
        "next_days": [_day(schedule.day(today + dt.timedelta(days=n))) for n in range(DAYS_AHEAD)],
        "special_days": [
            {
                "date": exception.date,
                "open": not exception.closed,
                "opens": None if exception.closed else _hhmm(exception.opens),
                "closes": None if exception.closed else _hhmm(exception.closes),
                "note": exception.note,
            }
            for exception in sorted(hours.exceptions.all(), key=lambda exception: exception.date)
            if exception.date >= today
        ],
    }


def _hhmm(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _row(row) -> dict:
    return {
        "first_day": row.first_day,
        "last_day": row.last_day,
        "days": str(row.days_label),
        "opens": row.opens.strftime("%H:%M"),
        "closes": row.closes.strftime("%H:%M"),
    }


def _day(day) -> dict:
    return {
        "date": day.date,
        "weekday": date_format(day.date, "l"),
        "open": not day.is_closed,
        "intervals": [
            {"opens": interval.opens.strftime("%H:%M"), "closes": interval.closes.strftime("%H:%M")}
            for interval in day.intervals
        ],
        "reason": day.reason,
        "note": day.note,
    }


def _local(value: dt.datetime | None) -> dt.datetime | None:
    return value.astimezone(STOCKHOLM) if value else None
