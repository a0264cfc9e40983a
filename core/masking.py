"""Masking personal data in free text before it is stored or logged.

A citizen may type a personnummer, a phone number, a case reference or an e-mail address
anywhere: "#" replaces a run of four or more digits (with a reference's letter prefix),
"@" an e-mail address.
"""

import re

MIN_MASKED_DIGITS = 4
# Any word with an @ in it: tolvan@example.com, tolvan.1980@example.com.
EMAIL = re.compile(r"\S*@\S*")
# Digits, with spaces, dashes or a leading + between them (19121212-1212, 070-123 45 67,
# +46 70 123 45 67), and a short letter prefix joined by a dash (KC-2026-000123).
DIGIT_RUN = re.compile(r"(?:\b[^\W\d_]{1,5}-)?\+?\d(?:[\s-]*\d)*")


def _mask_digits(match: re.Match) -> str:
    text = match.group()
    return "#" if sum(character.isdigit() for character in text) >= MIN_MASKED_DIGITS else text


def mask(text: str) -> str:
    """``text`` with e-mail addresses as "@" and runs of four or more digits as "#"."""
    return DIGIT_RUN.sub(_mask_digits, EMAIL.sub("@", text))
