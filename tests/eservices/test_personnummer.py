"""Personnummer and samordningsnummer, with Skatteverket's published example numbers only."""

import datetime as dt

from django.core.exceptions import ValidationError

import pytest

from eservices.personnummer import luhn_ok, parse

TODAY = dt.date(2026, 11, 26)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("19121212-1212", "19121212-1212"),  # Tolvan Tolvansson, Skatteverket's test person
        ("191212121212", "19121212-1212"),
        ("121212-1212", "20121212-1212"),  # without century: the latest year not in the future
        ("121212+1212", "19121212-1212"),  # "+" means over a hundred years old
        ("811218-9876", "19811218-9876"),  # the example in Skatteverket's SKV 704
        (" 19811218 9876 ", "19811218-9876"),
        ("701063-2391", "19701063-2391"),  # Skatteverket's samordningsnummer example
    ],
)
def test_valid_numbers_are_normalised(value, expected):
    assert parse(value, today=TODAY).formatted == expected


def test_samordningsnummer_birth_date_subtracts_sixty_days():
    number = parse("701063-2391", today=TODAY)
    assert number.coordination
    assert number.birth_date == dt.date(1970, 10, 3)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("19121212-1213", "checksum"),
        ("1912121212", "checksum"),
        ("abc", "format"),
        ("", "format"),
        ("19121312-1210", "checksum"),
    ],
)
def test_invalid_numbers_say_why(value, code):
    with pytest.raises(ValidationError) as error:
        parse(value, today=TODAY)
    assert error.value.code == code


def with_check_digit(nine_digits):
    return nine_digits + str(next(d for d in range(10) if luhn_ok(f"{nine_digits}{d}")))


@pytest.mark.parametrize(("value", "code"), [("19120230123", "date"), ("20301212121", "future")])
def test_dates_must_exist_and_not_be_in_the_future(value, code):
    # A valid check digit, so only the date is wrong.
    number = with_check_digit(value[2:])
    with pytest.raises(ValidationError) as error:
        parse(f"{value[:2]}{number[:6]}-{number[6:]}", today=TODAY)
    assert error.value.code == code


def test_masked_form_hides_the_last_four_digits():
    assert parse("19121212-1212", today=TODAY).masked == "19121212-****"
