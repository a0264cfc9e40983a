"""Tasks on Redis (TASKS_BACKEND=rq): workers on other machines run the same tasks.

Against the local Redis: a case's receipt e-mail goes through the rq queue and a worker's
burst sends it; a task is enqueued only once its case is committed (core/enqueue.py), so a
worker never looks for a case that is not there yet, and a rolled-back case sends nothing.
"""

import datetime as dt

from django.core import mail
from django.db import transaction
from django.utils import timezone

import pytest

from contactcentre.models import CaseEvent
from contactcentre.services import NewCase, open_case
from contactcentre.tasks import send_receipt_email
from core import retries
from core.enqueue import enqueue
from portal import readiness
from tests.deploy.conftest import run_rq_worker

# The worker reads what the request committed: these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


def new_case():
    case, _ = open_case(NewCase(title="Fråga om bygglov", contact_email="tolvan@example.com"))
    return case


def test_the_receipt_goes_through_redis_and_a_worker_sends_it(rq_tasks):
    case = new_case()
    assert rq_tasks.count == 1
    job = rq_tasks.jobs[0]
    assert job.func_name == "contactcentre.tasks.send_receipt_email"
    assert job.args == (case.pk,)
    assert mail.outbox == []  # not sent in the request

    run_rq_worker(rq_tasks)

    assert rq_tasks.count == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["tolvan@example.com"]
    assert case.events.filter(kind=CaseEvent.EMAIL_SENT).count() == 1


def test_a_task_waits_for_the_commit_of_its_case(rq_tasks):
    with transaction.atomic():
        case = new_case()
        # Inside the transaction no worker can see the task: it would find no case.
        assert rq_tasks.count == 0
    assert rq_tasks.count == 1
    run_rq_worker(rq_tasks)
    assert len(mail.outbox) == 1
    assert case.events.filter(kind=CaseEvent.EMAIL_SENT).exists()


def test_a_rolled_back_case_enqueues_nothing(rq_tasks):
    class Abandoned(Exception):
        pass

    with pytest.raises(Abandoned), transaction.atomic():
        new_case()
        raise Abandoned
    assert rq_tasks.count == 0
    run_rq_worker(rq_tasks)
    assert mail.outbox == []


def test_the_database_backend_still_enqueues_inside_the_transaction(settings):
    """django-tasks-db: the task row commits with the case, so no waiting for the commit."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with transaction.atomic():
        case = new_case()
        assert DBTaskResult.objects.filter(args_kwargs__args=[case.pk]).count() == 1
        result = enqueue(send_receipt_email, case.pk)
        assert result is not None


def test_a_retry_waits_in_rqs_scheduler_until_its_back_off_has_passed(rq_tasks):
    from rq.registry import ScheduledJobRegistry

    case = new_case()
    run_rq_worker(rq_tasks)
    assert retries.retry_later(send_receipt_email, case.pk, attempt=1)
    assert rq_tasks.count == 0  # not runnable yet: the worker's scheduler moves it when due
    assert ScheduledJobRegistry(queue=rq_tasks).get_job_ids() != []


def test_readiness_counts_the_redis_backlog(rq_tasks, settings):
    settings.TASKS_BACKLOG_MINUTES, settings.TASKS_BACKLOG_MAX = 10, 2
    for number in range(3):
        send_receipt_email.enqueue(number)
    assert readiness.tasks() is None  # just enqueued: the workers may still take them
    for job in rq_tasks.jobs:
        job.enqueued_at = timezone.now() - dt.timedelta(minutes=11)
        job.save()
    assert readiness.tasks() == "backlog over 2"
