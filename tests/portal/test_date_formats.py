"""Dates as each language writes them (portal/formats): a receipt's time, a call-back window's day."""

import datetime as dt

from django.template.defaultfilters import date
from django.utils import timezone, translation

import pytest

from eservices.call_back import CallWindow

RECEIVED = dt.datetime(2026, 12, 28, 14, 5, tzinfo=timezone.get_default_timezone())
MONDAY = dt.date(2026, 12, 28)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("sv", "28 december 2026 14:05"),
        ("en", "Dec. 28, 2026, 2:05 p.m."),
        # Day, month, year as the Arabic date is written, and the 24-hour clock (not "12/28/2026 2:05 م").
        ("ar", "28 ديسمبر 2026، 14:05"),
        ("fi", "28. joulukuuta 2026 kello 14.05"),
    ],
)
def test_a_receipts_time_is_written_as_the_language_writes_it(language, expected):
    with translation.override(language):
        assert date(RECEIVED, "DATETIME_FORMAT") == expected


@pytest.mark.parametrize("language", ["ar"])
def test_a_short_date_is_day_first_in_arabic(language):
    with translation.override(language):
        assert date(RECEIVED, "SHORT_DATETIME_FORMAT") == "28\u200f/12\u200f/2026 14:05"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("sv", "Måndag 28 december, 08–12"),
        ("en", "Monday December 28, 08–12"),
        ("ar", "الاثنين 28 ديسمبر، 08–12"),
        # The month in the partitive after the day: "28. joulukuuta", not "28 joulukuu".
        ("fi", "Maanantai 28. joulukuuta, 08–12"),
    ],
)
def test_a_call_back_window_names_its_day_as_the_language_does(language, expected):
    window = CallWindow("next_morning", MONDAY, dt.time(8), dt.time(12))
    with translation.override(language):
        assert window.label == expected
