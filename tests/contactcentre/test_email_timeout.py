"""A mail server that accepts the connection and never answers must not hang the worker.

Django's default ``EMAIL_TIMEOUT`` is None: the worker would wait for ever, and every task
behind the receipt with it. With a timeout, the hang is one more failure: retried later.
"""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.db import connection

import pytest
from django_tasks_db.models import DBTaskResult

from contactcentre import tasks
from contactcentre.models import Case, CaseEvent
from contactcentre.services import NewCase, open_case
from tests.contactcentre.smtp_servers import SilentServer

ROOT = Path(__file__).resolve().parents[2]


def email_timeout_setting(**env):
    code = "import portal.settings.base as s; print(s.EMAIL_TIMEOUT)"
    environ = {key: value for key, value in os.environ.items() if key != "EMAIL_TIMEOUT"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**environ, **env}, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_email_timeout_defaults_to_ten_seconds_and_comes_from_the_environment():
    assert email_timeout_setting() == "10"
    assert email_timeout_setting(EMAIL_TIMEOUT="3") == "3"


RESULTS = []


def run_receipt_task(case_id):
    try:
        RESULTS.append(tasks.send_receipt_email.call(case_id))
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_a_mail_server_that_never_answers_is_a_failure_retried_later(settings):
    RESULTS.clear()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    # The project's own EMAIL_TIMEOUT (10 s unless the environment says otherwise) decides.
    assert settings.EMAIL_TIMEOUT
    with SilentServer() as server:
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        case, _ = open_case(NewCase(title="Fråga om bygglov", contact_email="tolvan@example.com"))

        # The task as the worker runs it, in a thread, so a hang shows as a thread still alive.
        worker = threading.Thread(target=run_receipt_task, args=[case.pk], daemon=True)
        started = time.monotonic()
        worker.start()
        worker.join(timeout=settings.EMAIL_TIMEOUT + 10)
        assert not worker.is_alive(), "the worker hangs on a mail server that never answers"
        assert server.accepted.is_set()
        assert time.monotonic() - started < settings.EMAIL_TIMEOUT + 5

    assert RESULTS == ["retry"]
    retries = DBTaskResult.objects.filter(task_path="contactcentre.tasks.send_receipt_email", status="READY")
    assert retries.filter(args_kwargs__args=[case.pk, 2]).exists()
    case.refresh_from_db()
    assert Case.objects.filter(pk=case.pk).exists()
    assert not case.needs_attention
    assert not case.events.filter(kind=CaseEvent.EMAIL_SENT).exists()
