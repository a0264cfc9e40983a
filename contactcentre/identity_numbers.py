"""Personnummer and samordningsnummer in cases: found, indexed by a keyed hash, masked.

The cases of one person are found (registerutdrag, a staff search) through
``CaseIdentityNumber``, which keeps a keyed hash of each number a case's answers hold, never
the number: the index alone tells nobody who the cases are about. The hash is keyed with
``SECRET_KEY``; after the key changes, ``manage.py index_identity_numbers`` rebuilds it.

Parsing is python-stdnum's Luhn check with our own date rule (a samordningsnummer's day is
the birth day plus 60, which stdnum's ``se.personnummer`` does not accept). The e-service
field that collects a number (``eservices.personnummer``) stores it as YYYYMMDD-NNNN; this
module reads what the case layer holds and must not import e-services (layers, decision 0005).
"""

from __future__ import annotations

import datetime as dt
import re

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from stdnum import luhn

from contactcentre.models import CaseIdentityNumber

SALT = "contactcentre.identity-number-index"
# Digits with an optional century and a "-" or "+" before the last four; spaces are removed first.
PATTERN = re.compile(r"(?P<century>\d{2})?(?P<date>\d{6})(?P<sep>[-+]?)(?P<last>\d{4})", re.ASCII)
# The type name the e-service snapshot gives a personnummer answer (eservices.forms.IdentityNumberField).
SNAPSHOT_TYPE = "IdentityNumberField"
COORDINATION_DAY_OFFSET = 60


def _compact(text: str) -> str:
    return re.sub(r"\s", "", text or "")


def looks_like(text: str) -> bool:
    """Whether ``text`` is shaped like a personnummer, valid or not (a mistyped one is personal data too)."""
    return PATTERN.fullmatch(_compact(text)) is not None


def normalise(text: str, today: dt.date | None = None) -> str | None:
    """The 12 digits YYYYMMDDNNNN of a valid personnummer or samordningsnummer in ``text``, or None."""
    match = PATTERN.fullmatch(_compact(text))
    if not match:
        return None
    ten = match["date"] + match["last"]
    if not luhn.is_valid(ten):
        return None
    yy, month, day = int(ten[:2]), int(ten[2:4]), int(ten[4:6])
    born_day = day - COORDINATION_DAY_OFFSET if day > COORDINATION_DAY_OFFSET else day
    today = today or timezone.localdate()
    if match["century"]:
        year = int(match["century"] + match["date"][:2])
    else:
        # The latest such year not in the future; "+" marks someone a hundred or older.
        year = today.year - (today.year - yy) % 100 - (100 if match["sep"] == "+" else 0)
        if (year, month, born_day) > (today.year, today.month, today.day):
            year -= 100
    try:
        born = dt.date(year, month, born_day)
    except ValueError:
        return None
    if born > today:
        return None
    return f"{year:04d}{ten[2:]}"


def formatted(digits: str) -> str:
    return f"{digits[:8]}-{digits[8:]}"


def masked(text: str) -> str:
    """The birth date only, as lists and exports show it: 19850101-****."""
    digits = normalise(text)
    if digits:
        return f"{digits[:8]}-****"
    compact = _compact(text)
    return f"{compact[:-4].rstrip('-+')}-****" if len(compact) > 4 else "****"


def digest(digits: str) -> str:
    return salted_hmac(SALT, digits, algorithm="sha256").hexdigest()


def numbers_in_case(case) -> set[str]:
    """The valid numbers (12 digits) in a case's answers: personnummer fields, and any answer that is one."""
    found = set()
    for step in (case.form_snapshot or {}).get("steps", []):
        for field in step.get("fields", []):
            if field.get("type") == SNAPSHOT_TYPE and (digits := normalise(str(field.get("display", "")))):
                found.add(digits)
    for values in (case.answers or {}).values():
        for value in values.values() if isinstance(values, dict) else [values]:
            if isinstance(value, str) and (digits := normalise(value)):
                found.add(digits)
    return found


def index_case(case, *, new: bool = False) -> None:
    """Write the case's index rows again from its answers (``new``: it has none yet)."""
    digests = {digest(digits) for digits in numbers_in_case(case)}
    if new:
        CaseIdentityNumber.objects.bulk_create(
            [CaseIdentityNumber(case=case, digest=value) for value in digests]
        )
        return
    with transaction.atomic():
        CaseIdentityNumber.objects.filter(case=case).exclude(digest__in=digests).delete()
        held = set(CaseIdentityNumber.objects.filter(case=case).values_list("digest", flat=True))
        CaseIdentityNumber.objects.bulk_create(
            [CaseIdentityNumber(case=case, digest=value) for value in digests - held]
        )


def cases_of(digits: str, queryset):
    """The cases in ``queryset`` whose answers hold this number."""
    return queryset.filter(identity_numbers__digest=digest(digits)).distinct()
