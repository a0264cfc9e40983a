"""Working-hours arithmetic on known data: the demo's phone hours, holidays, eves, summer and DST.

The demo's phone hours: Monday–Thursday 08.00–16.45, Friday 08.00–16.00, and from
1 June to 31 August Monday–Friday 07.00–16.00; closed on public holidays and eves.
"""

import datetime as dt

import pytest

from contactcentre import working_hours as wh
from pages import hours
from pages.models import OpeningHours

STOCKHOLM = hours.STOCKHOLM

DEMO_PHONE = hours.Schedule(
    weekly=(
        hours.WeeklyRule(0, 3, dt.time(8, 0), dt.time(16, 45)),
        hours.WeeklyRule(4, 4, dt.time(8, 0), dt.time(16, 0)),
    ),
    seasons=(
        hours.SeasonRule(0, 4, dt.time(7, 0), dt.time(16, 0), start=(6, 1), end=(8, 31), name="Sommartider"),
    ),
)


def at(year, month, day, hour=0, minute=0):
    return dt.datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM)


def add_hours(start, amount):
    return wh.add_working_hours(start, amount, DEMO_PHONE)


def add_days(start, amount):
    return wh.add_working_days(start, amount, DEMO_PHONE)


def between(start, end, schedule=DEMO_PHONE):
    return wh.working_seconds_between(start, end, schedule)


# --- a normal day -----------------------------------------------------------------------------


def test_hours_within_a_normal_day():
    assert add_hours(at(2026, 3, 10, 10), 2) == at(2026, 3, 10, 12)  # a Tuesday


def test_hours_run_on_into_the_next_morning():
    # Tuesday 10.00–16.45 is 6 h 45 min; the remaining 1 h 15 min is Wednesday morning.
    assert add_hours(at(2026, 3, 10, 10), 8) == at(2026, 3, 11, 9, 15)


def test_a_target_that_ends_at_closing_time_is_due_at_closing_time():
    assert add_hours(at(2026, 3, 10, 8), 8.75) == at(2026, 3, 10, 16, 45)


def test_working_days_count_whole_days_after_arrival():
    assert add_days(at(2026, 3, 10, 10), 1) == at(2026, 3, 11, 16, 45)
    # Before opening the arrival day is a whole working day, and counts.
    assert add_days(at(2026, 3, 10, 7), 1) == at(2026, 3, 10, 16, 45)
    # Ten working days from Monday 9 March: the 10th is Monday 23 March.
    assert add_days(at(2026, 3, 9, 10), 10) == at(2026, 3, 23, 16, 45)
    # Friday closes at 16.00.
    assert add_days(at(2026, 3, 12, 10), 1) == at(2026, 3, 13, 16, 0)


def test_seconds_between():
    assert between(at(2026, 3, 10, 10), at(2026, 3, 11, 10)) == (6 * 60 + 45 + 2 * 60) * 60
    assert between(at(2026, 3, 10, 17), at(2026, 3, 10, 23)) == 0
    assert between(at(2026, 3, 11, 10), at(2026, 3, 10, 10)) == 0


# --- after closing time, weekends ---------------------------------------------------------------


def test_a_case_arriving_after_closing_time_starts_next_morning():
    assert add_hours(at(2026, 3, 10, 17, 30), 1) == at(2026, 3, 11, 9)
    assert add_hours(at(2026, 3, 10, 23, 59), 0) == at(2026, 3, 11, 8)
    assert add_days(at(2026, 3, 10, 17, 30), 1) == at(2026, 3, 11, 16, 45)


def test_a_weekend_does_not_count():
    # Friday 15.00: one hour left before 16.00, the second on Monday.
    assert add_hours(at(2026, 3, 13, 15), 2) == at(2026, 3, 16, 9)
    assert add_hours(at(2026, 3, 14, 10), 1) == at(2026, 3, 16, 9)  # a Saturday
    assert add_days(at(2026, 3, 13, 17), 1) == at(2026, 3, 16, 16, 45)
    assert not wh.is_working_day(dt.date(2026, 3, 14), DEMO_PHONE)
    assert wh.is_working_day(dt.date(2026, 3, 10), DEMO_PHONE)


# --- public holidays and eves -----------------------------------------------------------------------


def test_a_public_holiday_does_not_count():
    # Trettondedag jul, Tuesday 6 January 2026.
    assert not wh.is_working_day(dt.date(2026, 1, 6), DEMO_PHONE)
    assert add_hours(at(2026, 1, 5, 16), 2) == at(2026, 1, 7, 9, 15)
    assert add_days(at(2026, 1, 5, 10), 1) == at(2026, 1, 7, 16, 45)
    assert between(at(2026, 1, 5, 16), at(2026, 1, 7, 9)) == (45 + 60) * 60


def test_christmas_eve_is_closed():
    # Julafton (Thursday), juldagen, annandag jul and the weekend: Monday 28 December is next.
    assert not wh.is_working_day(dt.date(2026, 12, 24), DEMO_PHONE)
    assert add_hours(at(2026, 12, 23, 16), 1) == at(2026, 12, 28, 8, 15)
    assert add_days(at(2026, 12, 23, 10), 1) == at(2026, 12, 28, 16, 45)
    assert add_days(at(2026, 12, 23, 10), 2) == at(2026, 12, 29, 16, 45)


def test_midsummer_eve_is_closed():
    assert not wh.is_working_day(dt.date(2026, 6, 19), DEMO_PHONE)  # midsommarafton, a Friday


# --- seasons ----------------------------------------------------------------------------------------


def test_summer_hours_are_shorter():
    # 1 June–31 August: 07.00–16.00, so nine hours fill a summer Monday exactly.
    assert add_hours(at(2026, 6, 15, 6, 30), 9) == at(2026, 6, 15, 16)
    assert add_hours(at(2026, 6, 15, 15), 2) == at(2026, 6, 16, 8)
    assert add_days(at(2026, 6, 15, 10), 1) == at(2026, 6, 16, 16)
    assert between(at(2026, 6, 15, 0), at(2026, 6, 16, 0)) == 9 * 3600


# --- daylight saving time -------------------------------------------------------------------------


def test_march_dst_change_loses_no_working_time():
    # Summer time begins on Sunday 29 March 2026.
    due = add_hours(at(2026, 3, 27, 15), 2)
    assert due == at(2026, 3, 30, 9)
    assert due.utcoffset() == dt.timedelta(hours=2)
    assert between(at(2026, 3, 27, 15), at(2026, 3, 30, 9)) == 2 * 3600


def test_october_dst_change_adds_no_working_time():
    # Winter time begins on Sunday 25 October 2026.
    due = add_hours(at(2026, 10, 23, 15), 2)
    assert due == at(2026, 10, 26, 9)
    assert due.utcoffset() == dt.timedelta(hours=1)
    assert between(at(2026, 10, 23, 15), at(2026, 10, 26, 9)) == 2 * 3600


def test_an_open_period_across_the_clock_change_counts_real_time():
    night = hours.Schedule(
        weekly=(hours.WeeklyRule(6, 6, dt.time(0, 0), dt.time(6, 0)),),
        closed_on_public_holidays=False,
        closed_on_eves=False,
    )
    # Sunday 00.00–06.00 lasts five real hours in March and seven in October.
    assert between(at(2026, 3, 28, 23), at(2026, 3, 29, 7), night) == 5 * 3600
    assert between(at(2026, 10, 24, 23), at(2026, 10, 25, 7), night) == 7 * 3600
    assert wh.add_working_hours(at(2026, 3, 28, 23), 5, night) == at(2026, 3, 29, 6)


def test_naive_and_utc_starts_are_read_as_instants():
    utc = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)  # 10.00 in Stockholm
    assert add_hours(utc, 2) == at(2026, 3, 10, 12)


def test_a_schedule_that_never_opens_raises():
    never = hours.Schedule()
    with pytest.raises(wh.NoWorkingHours):
        wh.add_working_hours(at(2026, 3, 10, 10), 1, never)
    with pytest.raises(wh.NoWorkingHours):
        wh.add_working_days(at(2026, 3, 10, 10), 1, never)


# --- built on the opening-hours model ---------------------------------------------------------------


@pytest.mark.django_db
def test_the_contact_centres_phone_hours_are_the_working_time():
    # The demo's phone row: Friday closes 16.00, and Tuesday 5 January 2027 is open 08.00–13.00.
    assert wh.add_working_days(at(2026, 3, 12, 10), 1) == at(2026, 3, 13, 16)
    assert wh.add_working_days(at(2027, 1, 4, 10), 1) == at(2027, 1, 5, 13)
    assert not wh.is_working_day(dt.date(2026, 1, 6))


@pytest.mark.django_db
def test_without_phone_hours_the_fallback_is_weekdays_08_to_16_45():
    OpeningHours.objects.filter(channel=OpeningHours.PHONE).delete()
    assert wh.contact_centre_schedule() is wh.FALLBACK_SCHEDULE
    assert wh.add_working_days(at(2026, 3, 12, 10), 1) == at(2026, 3, 13, 16, 45)
    assert not wh.is_working_day(dt.date(2026, 12, 24))
