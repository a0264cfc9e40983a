"""Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer).

Accepts YYYYMMDD-NNNN, YYMMDD-NNNN, YYMMDD+NNNN (100 years or older) and the same
without separator; checks the date (day + 60 for a samordningsnummer) and the Luhn
check digit (python-stdnum's). Normalises to the 12-digit form YYYYMMDDNNNN.

The century of a 10-digit number depends on today's date and the separator. "-" (or
none): the latest birth date that is not in the future, so on 1 June 2026 "261201-1235"
is someone born in 1926, not a child born next December. "+": Skatteverket writes it
from the calendar year the person turns 100 (folkbokföringslagen 18 §), so the latest
year at least a hundred years back. python-stdnum's ``get_birth_date`` compares only
years and knows no samordningsnummer, hence our own date rule.
"""

import datetime as dt
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stdnum import luhn

# ASCII digits only: \d would also take other scripts' digits, which no personnummer has.
PATTERN = re.compile(
    r"^(?P<century>\d{2})?(?P<date>\d{6})(?P<sep>[-+]?)(?P<serial>\d{3})(?P<check>\d)$", re.ASCII
)
COORDINATION_DAY_OFFSET = 60


def current_date() -> dt.date:
    """Today in Stockholm (not the server's zone); one function, so tests can set the day."""
    return timezone.localdate()


@dataclass(frozen=True)
class IdentityNumber:
    digits: str  # YYYYMMDDNNNN
    coordination: bool

    @property
    def birth_date(self) -> dt.date:
        day = int(self.digits[6:8]) - (60 if self.coordination else 0)
        return dt.date(int(self.digits[:4]), int(self.digits[4:6]), day)

    @property
    def formatted(self) -> str:
        return f"{self.digits[:8]}-{self.digits[8:]}"

    @property
    def masked(self) -> str:
        """For lists: the birth date only, never the last four digits."""
        return f"{self.digits[:8]}-****"


def luhn_ok(ten_digits: str) -> bool:
    return luhn.is_valid(ten_digits)


def parse(value: str, today: dt.date | None = None) -> IdentityNumber:
    today = today or current_date()
    cleaned = re.sub(r"\s", "", value or "")
    match = PATTERN.match(cleaned)
    if not match:
        raise ValidationError(
            _("Enter the personal identity number as YYYYMMDD-NNNN, for example 19121212-1212."),
            code="format",
        )
    short = match["date"] + match["serial"] + match["check"]
    if not luhn_ok(short):
        raise ValidationError(
            _("The personal identity number is not valid: check the last four digits."), code="checksum"
        )
    yy, mm, dd = int(match["date"][:2]), int(match["date"][2:4]), int(match["date"][4:6])
    coordination = dd > COORDINATION_DAY_OFFSET
    day = dd - COORDINATION_DAY_OFFSET if coordination else dd
    if match["century"]:
        year = int(match["century"] + match["date"][:2])
    elif match["sep"] == "+":
        latest = today.year - 100
        year = latest - (latest - yy) % 100
    else:
        year = today.year - (today.year - yy) % 100
        # Compared as (month, day), so that 29 February needs no date in a year without one.
        if year == today.year and (mm, day) > (today.month, today.day):
            year -= 100
    try:
        born = dt.date(year, mm, day)
    except ValueError:
        raise ValidationError(
            _("The personal identity number has a date that does not exist."), code="date"
        ) from None
    if born > today:
        raise ValidationError(_("The personal identity number has a date in the future."), code="future")
    return IdentityNumber(f"{year:04d}{mm:02d}{dd:02d}{match['serial']}{match['check']}", coordination)
