"""Personnummer and samordningsnummer, with Skatteverket's published example numbers only.

Where an edge case needs a number Skatteverket has not published, the test computes its
check digit (``with_check_digit``), so no real person's number appears here.
"""

import datetime as dt
from unittest import mock

from django.core.exceptions import ValidationError

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eservices import personnummer
from eservices.forms import IdentityNumberField
from eservices.personnummer import luhn_ok, parse

TODAY = dt.date(2026, 11, 26)


def with_check_digit(nine_digits):
    return nine_digits + str(next(d for d in range(10) if luhn_ok(f"{nine_digits}{d}")))


def number(date_and_serial, sep="-", century=""):
    """A valid number from YYMMDD + three serial digits: ``number("000229123", "+")``."""
    digits = with_check_digit(date_and_serial)
    return f"{century}{digits[:6]}{sep}{digits[6:]}"


# (today, typed, expected 12-digit form); every row is valid on its day.
VALID = [
    (TODAY, "19121212-1212", "19121212-1212"),  # Tolvan Tolvansson, Skatteverket's test person
    (TODAY, "191212121212", "19121212-1212"),  # 12 digits without separator
    (TODAY, "121212-1212", "20121212-1212"),  # 10 digits: the latest date not in the future
    (TODAY, "1212121212", "20121212-1212"),  # 10 digits without separator: as with "-"
    (TODAY, "121212+1212", "19121212-1212"),  # "+": a hundred years or older
    (TODAY, "811218-9876", "19811218-9876"),  # the example in Skatteverket's SKV 704
    (TODAY, " 19811218 9876 ", "19811218-9876"),
    (TODAY, "701063-2391", "19701063-2391"),  # samordningsnummer: day + 60
    # The reported defect: on 1 June 2026 someone born on 1 December 1926 is 99, so "-".
    (dt.date(2026, 6, 1), "261201-1235", "19261201-1235"),
    # … and from the year they turn 100 Skatteverket writes "+" (folkbokföringslagen 18 §).
    (dt.date(2026, 6, 1), "261201+1235", "19261201-1235"),
    (dt.date(2026, 12, 1), "261201-1235", "20261201-1235"),  # born today
    (dt.date(2026, 11, 30), "261201-1235", "19261201-1235"),  # the day before: not yet born in 2026
    (dt.date(2027, 1, 1), "261201-1235", "20261201-1235"),
    # 29 February: 2000 was a leap year, so a ten-digit "000229" is 29 February 2000.
    (TODAY, number("000229123"), f"20000229-{number('000229123')[7:]}"),
    (TODAY, number("000289123"), f"20000289-{number('000289123')[7:]}"),  # samordningsnummer on 29/2
    (TODAY, number("240229123", century="19"), f"19240229-{number('240229123')[7:]}"),
]


@pytest.mark.parametrize(("today", "value", "expected"), VALID)
def test_valid_numbers_are_normalised(today, value, expected):
    assert parse(value, today=today).formatted == expected


@pytest.mark.parametrize(("today", "value", "expected"), VALID)
def test_the_form_field_counts_from_today_in_stockholm(today, value, expected):
    with mock.patch.object(personnummer, "current_date", return_value=today):
        assert IdentityNumberField().clean(value) == expected


def test_samordningsnummer_birth_date_subtracts_sixty_days():
    number_ = parse("701063-2391", today=TODAY)
    assert number_.coordination
    assert number_.birth_date == dt.date(1970, 10, 3)


@pytest.mark.parametrize(
    ("today", "value", "code"),
    [
        (TODAY, "19121212-1213", "checksum"),  # a wrong check digit
        (TODAY, "1912121212", "checksum"),
        (TODAY, "abc", "format"),
        (TODAY, "", "format"),
        (TODAY, "12121-21212", "format"),
        (TODAY, "12345678901", "format"),  # 11 digits
        (TODAY, "1912121212121", "format"),  # 13 digits
        (TODAY, "١٢١٢١٢-١٢١٢", "format"),  # Arabic-Indic digits are not a personnummer
        (TODAY, "19121312-1210", "checksum"),
        (TODAY, number("190230123", century="19"), "date"),  # 30 February
        (TODAY, number("000229123", sep="+"), "date"),  # 1900 was not a leap year
        (TODAY, number("230229123", century="20"), "date"),  # nor was 2023
        (TODAY, number("121260123"), "date"),  # day 60: no samordningsnummer day 0
        (TODAY, number("121292123"), "date"),  # day 32 + 60
        (TODAY, number("301212123", century="20"), "future"),
        (dt.date(2026, 11, 30), number("261201123", century="20"), "future"),
    ],
)
def test_invalid_numbers_say_why(today, value, code):
    with pytest.raises(ValidationError) as error:
        parse(value, today=today)
    assert error.value.code == code


def test_masked_form_hides_the_last_four_digits():
    assert parse("19121212-1212", today=TODAY).masked == "19121212-****"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=20) | st.from_regex(r"\A\d{2,8}[-+ ]?\d{4}\Z"))
def test_anything_typed_is_a_number_or_a_validation_error(value):
    try:
        result = parse(value, today=TODAY)
    except ValidationError:
        return
    assert len(result.digits) == 12 and result.digits.isascii() and result.digits.isdigit()
