"""Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer).

Accepts YYYYMMDD-NNNN, YYMMDD-NNNN, YYMMDD+NNNN (over 100 years old) and the same
without separator; checks the date (day + 60 for a samordningsnummer) and the Luhn
check digit. Normalises to the 12-digit form YYYYMMDDNNNN.
"""

import datetime as dt
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PATTERN = re.compile(r"^(?P<century>\d{2})?(?P<date>\d{6})(?P<sep>[-+]?)(?P<serial>\d{3})(?P<check>\d)$")


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
    total = 0
    for index, char in enumerate(ten_digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def parse(value: str, today: dt.date | None = None) -> IdentityNumber:
    today = today or dt.date.today()
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
    coordination = dd > 60
    day = dd - 60 if coordination else dd
    if match["century"]:
        year = int(match["century"] + match["date"][:2])
    else:
        # Without century: the latest year that is not in the future; "+" means 100 years older.
        year = (today.year // 100) * 100 + yy
        if year > today.year:
            year -= 100
        if match["sep"] == "+":
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
