"""Case references: KC-YYYY-NNNNNN, numbered per year, unique under concurrency.

The per-year counter row is incremented with an UPDATE inside the caller's
transaction: PostgreSQL holds the row lock until commit and SQLite (in IMMEDIATE
transaction mode) holds the write lock, so two submissions never get one number
and a rolled-back case leaves no gap.
"""

from django.db import connection, transaction

from contactcentre.models import ReferenceCounter

PREFIX = "KC"


def format_reference(year: int, number: int) -> str:
    return f"{PREFIX}-{year}-{number:06d}"


def take_reference(year: int) -> str:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("take_reference must run inside the transaction that saves the case")
    # One statement (PostgreSQL and SQLite 3.35+): the year's row made or counted up, its number back.
    table = connection.ops.quote_name(ReferenceCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (year, last_number) VALUES (%s, 1) "  # noqa: S608 (our own table's name)
            "ON CONFLICT (year) DO UPDATE SET last_number = "
            f"{table}.last_number + 1 RETURNING last_number",
            [year],
        )
        (number,) = cursor.fetchone()
    return format_reference(year, number)
