"""Case references: KC-YYYY-NNNNNN, numbered per year, unique under concurrency.

The per-year counter row is incremented with an UPDATE inside the caller's
transaction: PostgreSQL holds the row lock until commit and SQLite (in IMMEDIATE
transaction mode) holds the write lock, so two submissions never get one number
and a rolled-back case leaves no gap.
"""

from django.db import transaction
from django.db.models import F

from contactcentre.models import ReferenceCounter

PREFIX = "KC"


def format_reference(year: int, number: int) -> str:
    return f"{PREFIX}-{year}-{number:06d}"


def take_reference(year: int) -> str:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("take_reference must run inside the transaction that saves the case")
    ReferenceCounter.objects.bulk_create([ReferenceCounter(year=year)], ignore_conflicts=True)
    ReferenceCounter.objects.filter(year=year).update(last_number=F("last_number") + 1)
    number = ReferenceCounter.objects.values_list("last_number", flat=True).get(year=year)
    return format_reference(year, number)
