"""The receipt e-mail runs in the background with retries; its failure never undoes the case.

These tests use the database task backend and run its worker, as production does:
the immediate backend would swallow the errors being tested.
"""

import datetime as dt

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from contactcentre.models import Case, CaseEvent
from contactcentre.services import NewCase, open_case
from core import retries

# The worker takes its own (exclusive) transactions, so these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_tasks(flaky_mail):
    """The flaky mail server of conftest.py: ``database_tasks["left"] = 2`` fails twice."""
    return flaky_mail


def run_worker_until_idle(max_rounds=10):
    """Run the worker; make delayed retries due at once, as if time had passed."""
    for _ in range(max_rounds):
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        if not DBTaskResult.objects.filter(status="READY").exists():
            return
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)


def new_case():
    case, _ = open_case(NewCase(title="Fråga om bygglov", contact_email="tolvan@example.com"))
    return case


def test_receipt_is_queued_with_the_case_not_sent_in_the_request(database_tasks):
    case = new_case()
    assert DBTaskResult.objects.filter(task_path="contactcentre.tasks.send_receipt_email").count() == 1
    assert mail.outbox == []
    run_worker_until_idle()
    assert len(mail.outbox) == 1
    assert case.events.filter(kind=CaseEvent.EMAIL_SENT).exists()


def test_a_failing_mail_server_is_retried_with_back_off_until_it_works(database_tasks):
    database_tasks["left"] = 2
    case = new_case()
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["args"] == [case.pk, 2]
    assert retry.run_after > timezone.now() + dt.timedelta(seconds=30)
    run_worker_until_idle()
    assert len(mail.outbox) == 1
    case.refresh_from_db()
    assert not case.needs_attention
    assert Case.objects.filter(pk=case.pk).exists()


def test_after_the_last_attempt_the_case_is_flagged_for_staff(database_tasks):
    database_tasks["left"] = 100
    case = new_case()
    run_worker_until_idle(max_rounds=retries.MAX_ATTEMPTS + 2)
    case.refresh_from_db()
    assert case.needs_attention
    assert case.attention_reason == "Kvittot kunde inte skickas med e-post."
    failed = case.events.get(kind=CaseEvent.EMAIL_FAILED)
    assert failed.data["attempts"] == retries.MAX_ATTEMPTS
    assert mail.outbox == []


def test_retry_delays_grow():
    delays = [retries.retry_delay(n) for n in range(1, retries.MAX_ATTEMPTS)]
    assert delays == sorted(delays)
    assert delays[0] >= dt.timedelta(minutes=1)
