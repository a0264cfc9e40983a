"""Case references are KC-YYYY-NNNNNN, numbered per year and unique under concurrent submissions."""

import threading

from django.db import connection, transaction

import pytest

from contactcentre.models import Case
from contactcentre.references import format_reference, take_reference
from contactcentre.services import NewCase, open_case


def test_format():
    assert format_reference(2026, 123) == "KC-2026-000123"


@pytest.mark.django_db
def test_numbers_follow_each_other_within_a_year_and_restart_the_next():
    with transaction.atomic():
        first, second = take_reference(2030), take_reference(2030)
        other_year = take_reference(2031)
    assert first == "KC-2030-000001"
    assert second == "KC-2030-000002"
    assert other_year == "KC-2031-000001"


@pytest.mark.django_db(transaction=True)
def test_taking_a_reference_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError):
        take_reference(2030)


@pytest.mark.django_db(transaction=True)
def test_parallel_submissions_get_unique_gap_free_references():
    if connection.vendor == "sqlite":
        assert "memory" not in str(connection.settings_dict["NAME"]), "the test database must be a file"
    threads, errors = [], []

    def submit(n):
        try:
            open_case(NewCase(title=f"Fråga {n}"))
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    for n in range(12):
        threads.append(threading.Thread(target=submit, args=(n,)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(int(ref.rsplit("-", 1)[1]) for ref in Case.objects.values_list("reference", flat=True))
    assert len(numbers) == 12
    assert numbers == list(range(numbers[0], numbers[0] + 12))
