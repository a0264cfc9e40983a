"""Opening-hours rules, with the demo municipality's schedule (Järfälla's hours, Jönköping's summer)."""

import datetime as dt

from django.utils import translation

import pytest

from pages import hours
from pages.hours import STOCKHOLM, DatedException, Interval, Schedule, SeasonRule, WeeklyRule

T = dt.time
SUMMER = dict(start=(6, 1), end=(8, 31), name="Sommartider")


def phone_schedule(**overrides):
    return Schedule(
        weekly=(WeeklyRule(0, 3, T(8), T(16, 45)), WeeklyRule(4, 4, T(8), T(16))),
        seasons=(SeasonRule(0, 4, T(7), T(16), **SUMMER),),
        **overrides,
    )


def phone_menu_schedule():
    """Talsvar 1 and 2: open to 19.00 on Thursdays."""
    return Schedule(
        weekly=(
            WeeklyRule(0, 2, T(8), T(16, 45)),
            WeeklyRule(3, 3, T(8), T(19)),
            WeeklyRule(4, 4, T(8), T(16)),
        ),
        seasons=(SeasonRule(0, 4, T(7), T(16), **SUMMER),),
    )


def at(*args):
    return dt.datetime(*args, tzinfo=STOCKHOLM)


def test_open_on_a_regular_thursday_afternoon_closes_at_1645():
    status = phone_schedule().status(at(2026, 11, 26, 14, 0))
    assert status.is_open
    assert status.closes_at == at(2026, 11, 26, 16, 45)


def test_closed_after_1645_on_thursday_opens_friday_morning():
    status = phone_schedule().status(at(2026, 11, 26, 16, 45))
    assert not status.is_open
    assert status.opens_at == at(2026, 11, 27, 8, 0)


def test_phone_menu_options_1_and_2_stay_open_to_19_on_thursdays():
    thursday_evening = at(2026, 11, 26, 18, 30)
    assert phone_menu_schedule().status(thursday_evening).is_open
    assert phone_menu_schedule().status(thursday_evening).closes_at == at(2026, 11, 26, 19, 0)
    assert not phone_schedule().status(thursday_evening).is_open
    # Wednesday has no extension.
    assert not phone_menu_schedule().status(at(2026, 11, 25, 18, 30)).is_open


def test_friday_closes_at_16_and_reopens_monday():
    status = phone_schedule().status(at(2026, 11, 27, 16, 0))
    assert not status.is_open
    assert status.opens_at == at(2026, 11, 30, 8, 0)
    with translation.override("en"):
        assert status.label(at(2026, 11, 27, 16, 0)) == "Closed now, opens Monday 08:00"


def test_public_holiday_is_closed():
    # Trettondedag jul, Tuesday 6 January 2026.
    day = phone_schedule().day(dt.date(2026, 1, 6))
    assert day.is_closed
    assert day.reason == hours.HOLIDAY
    assert day.note == "Trettondedag jul"
    status = phone_schedule().status(at(2026, 1, 5, 17, 0))
    assert status.opens_at == at(2026, 1, 7, 8, 0)


def test_midsummer_eve_is_closed_by_default_and_editors_can_open_it():
    midsummer_eve = dt.date(2026, 6, 19)  # a Friday, not a public holiday in the library
    assert midsummer_eve not in hours.public_holidays(2026)
    day = phone_schedule().day(midsummer_eve)
    assert day.is_closed and day.reason == hours.EVE and day.note == "Midsommarafton"

    opened = phone_schedule(closed_on_eves=False).day(midsummer_eve)
    assert opened.intervals == (Interval(T(7), T(16)),)  # summer hours apply


@pytest.mark.parametrize("eve", [dt.date(2026, 12, 24), dt.date(2026, 12, 31)])
def test_christmas_and_new_years_eve_are_closed(eve):
    assert phone_schedule().day(eve).reason == hours.EVE


def test_summer_period_replaces_the_weekly_rows():
    thursday_in_july = dt.date(2026, 7, 2)
    assert phone_schedule().day(thursday_in_july).intervals == (Interval(T(7), T(16)),)
    assert phone_menu_schedule().day(thursday_in_july).intervals == (Interval(T(7), T(16)),)
    assert phone_schedule().day(dt.date(2026, 5, 28)).intervals == (Interval(T(8), T(16, 45)),)
    # The first and last days belong to the season.
    assert phone_schedule().day(dt.date(2026, 6, 1)).reason == hours.SEASON
    assert phone_schedule().day(dt.date(2026, 8, 31)).reason == hours.SEASON
    assert phone_schedule().day(dt.date(2026, 9, 1)).reason == hours.REGULAR


def test_a_dated_exception_wins_over_a_holiday_and_an_eve():
    christmas_eve = dt.date(2026, 12, 24)
    schedule = phone_schedule(
        exceptions={
            christmas_eve: DatedException(christmas_eve, (Interval(T(9), T(12)),), "Öppet för akuta ärenden")
        }
    )
    day = schedule.day(christmas_eve)
    assert day.reason == hours.EXCEPTION
    assert day.intervals == (Interval(T(9), T(12)),)
    assert schedule.status(at(2026, 12, 24, 11, 0)).closes_at == at(2026, 12, 24, 12, 0)


def test_a_closed_exception_on_a_working_day():
    staff_day = dt.date(2026, 11, 27)
    schedule = phone_schedule(exceptions={staff_day: DatedException(staff_day, (), "Personaldag")})
    status = schedule.status(at(2026, 11, 27, 9, 0))
    assert not status.is_open
    assert status.opens_at == at(2026, 11, 30, 8, 0)


def test_spring_daylight_saving_change():
    # Clocks go forward on Sunday 29 March 2026; Monday opens at 08.00 local summer time (UTC+2).
    status = phone_schedule().status(at(2026, 3, 27, 17, 0))
    assert status.opens_at == at(2026, 3, 30, 8, 0)
    assert status.opens_at.utcoffset() == dt.timedelta(hours=2)
    assert status.opens_at.astimezone(dt.UTC).hour == 6
    # A UTC instant is read in Stockholm time: 06:30 UTC on Monday is 08:30 local, open.
    monday_utc = dt.datetime(2026, 3, 30, 6, 30, tzinfo=dt.UTC)
    assert phone_schedule().status(monday_utc).is_open


def test_autumn_daylight_saving_change():
    # Clocks go back on Sunday 25 October 2026; Monday 08.00 is UTC+1 again.
    status = phone_schedule().status(at(2026, 10, 23, 16, 30))
    assert status.opens_at.utcoffset() == dt.timedelta(hours=1)
    assert status.opens_at.astimezone(dt.UTC) == dt.datetime(2026, 10, 26, 7, 0, tzinfo=dt.UTC)


def test_season_spanning_new_year():
    winter = SeasonRule(0, 4, T(9), T(15), start=(12, 15), end=(1, 15), name="Vinter")
    assert winter.in_season(dt.date(2026, 12, 20))
    assert winter.in_season(dt.date(2027, 1, 10))
    assert not winter.in_season(dt.date(2027, 2, 1))


def test_back_to_back_intervals_close_at_the_end_of_the_last():
    schedule = Schedule(weekly=(WeeklyRule(0, 4, T(8), T(12)), WeeklyRule(0, 4, T(12), T(16))))
    assert schedule.status(at(2026, 11, 26, 10, 0)).closes_at == at(2026, 11, 26, 16, 0)


def test_no_hours_at_all_is_closed_without_an_opening():
    status = Schedule().status(at(2026, 11, 26, 10, 0))
    assert not status.is_open and status.opens_at is None and status.next_change is None


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (at(2026, 11, 26, 10, 0), "Open now, closes 16:45"),
        (at(2026, 11, 26, 7, 0), "Closed now, opens 08:00"),
        (at(2026, 11, 26, 17, 0), "Closed now, opens tomorrow 08:00"),
        (at(2026, 12, 23, 17, 0), "Closed now, opens Monday 08:00"),
    ],
)
def test_status_labels_in_english(now, expected):
    with translation.override("en"):
        assert phone_schedule().status(now).label(now) == expected


def test_status_label_in_swedish_uses_a_period_in_clock_times():
    now = at(2026, 11, 27, 16, 30)
    with translation.override("sv"):
        assert phone_schedule().status(now).label(now) == "Stängt nu, öppnar måndag 08.00"
        assert phone_schedule().status(at(2026, 11, 26, 10)).label() == "Öppet nu, stänger 16.45"


def test_special_days_lists_holidays_and_eves():
    days = phone_schedule().special_days(dt.date(2026, 12, 20), days=14)
    assert [d.date for d in days] == [
        dt.date(2026, 12, 24),
        dt.date(2026, 12, 25),
        dt.date(2026, 12, 26),
        dt.date(2026, 12, 31),
        dt.date(2027, 1, 1),
    ]


def test_every_holiday_the_library_names_is_translated_in_each_language():
    names = set()
    for year in range(2024, 2041):
        names |= set(hours.public_holidays(year).values()) | set(hours.eves(year).values())
    assert names <= set(hours.HOLIDAY_NAMES)
    midsummer_eve = dt.date(2026, 6, 19)
    for code, name in [("sv", "Midsommarafton"), ("en", "Midsummer Eve"), ("fi", "Juhannusaatto")]:
        with translation.override(code):
            assert phone_schedule().day(midsummer_eve).note == name
    with translation.override("ar"):
        assert phone_schedule().day(midsummer_eve).note == "عشية منتصف الصيف"
