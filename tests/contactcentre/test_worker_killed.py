"""A worker killed mid-send: the task is run again by another worker, and one receipt goes out.

A real ``manage.py db_worker`` on a file SQLite database sends to a local SMTP server that holds
the first message without answering; the worker is killed with SIGKILL while it waits. Then
the periodic recovery (``requeue_stale_tasks``) and a new worker: exactly one receipt arrives.
"""

import os
import signal
import sqlite3
import subprocess
import sys

from django.core import mail

import pytest

from contactcentre import tasks
from contactcentre.models import CaseEvent
from contactcentre.services import NewCase, open_case
from tests.conftest import ROOT, run_manage
from tests.contactcentre.smtp_servers import RecordingSMTPServer

WORKER_SETTINGS = "tests.contactcentre.worker_settings"
OPEN_CASE = """
from contactcentre.services import NewCase, open_case
case, _ = open_case(NewCase(title="Fråga om bygglov", contact_email="tolvan@example.com"))
print(case.pk)
"""


def manage(database, smtp_port, *args, wait=True):
    smtp = {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp_port)}
    if not wait:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": WORKER_SETTINGS,
            "DATABASE_URL": f"sqlite:///{database}",
            **smtp,
        }
        command = [sys.executable, "manage.py", *args]
        return subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )  # noqa: S603
    return run_manage(database, *args, settings=WORKER_SETTINGS, extra_env=smtp)


def task_states(database):
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT status FROM django_tasks_database_dbtaskresult WHERE task_path = ?",
            ["contactcentre.tasks.send_receipt_email"],
        )
        return sorted(row[0] for row in rows)


def test_a_killed_worker_s_receipt_is_sent_once_by_the_next_worker(fresh_sqlite):
    database = fresh_sqlite
    with RecordingSMTPServer() as smtp:
        case_id = int(manage(database, smtp.port, "shell", "--no-imports", "-c", OPEN_CASE).split()[-1])
        assert task_states(database) == ["READY"]

        smtp.hold_next.set()
        worker = manage(
            database, smtp.port, "db_worker", "--no-startup-delay", "--interval", "0.2", wait=False
        )
        try:
            assert smtp.holding.wait(timeout=120), "the worker never reached the mail server"
        finally:
            os.kill(worker.pid, signal.SIGKILL)
            worker.wait(timeout=30)
        assert smtp.messages == []
        assert task_states(database) == ["RUNNING"], "the killed worker's task is left running"

        # The periodic job (here without waiting the half hour) and a new worker.
        manage(database, smtp.port, "requeue_stale_tasks", "--older-than-minutes", "0")
        assert task_states(database) == ["READY"]
        manage(database, smtp.port, "db_worker", "--batch", "--no-startup-delay")
        assert len(smtp.messages) == 1
        assert "tolvan@example.com" in smtp.messages[0]

        # Run again (a second recovery, a task enqueued twice): still one receipt.
        manage(database, smtp.port, "shell", "--no-imports", "-c", RESEND.format(case_id=case_id))
        manage(database, smtp.port, "db_worker", "--batch", "--no-startup-delay")
        assert len(smtp.messages) == 1
        assert task_states(database) == ["SUCCESSFUL", "SUCCESSFUL"]


RESEND = """
from contactcentre.tasks import send_receipt_email
send_receipt_email.enqueue({case_id})
"""


@pytest.mark.django_db
def test_a_receipt_already_sent_is_not_sent_again():
    case, _ = open_case(NewCase(title="Fråga om bygglov", contact_email="tolvan@example.com"))
    assert len(mail.outbox) == 1  # the test settings run the task at once
    assert mail.outbox[0].extra_headers["Message-ID"] == tasks.receipt_message_id(case)
    assert tasks.send_receipt_email.call(case.pk) == "already sent"
    assert len(mail.outbox) == 1
    assert case.events.filter(kind=CaseEvent.EMAIL_SENT).count() == 1
