"""``manage.py requeue_stale_tasks``: run again the tasks a dead worker left ``RUNNING``.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again: a
worker killed mid-task (an out-of-memory kill, a reboot, ``kill -9``) leaves it so for ever.
A task running longer than ``TASKS_STALE_AFTER_MINUTES`` (far longer than any task takes; an
e-mail gives up after ``EMAIL_TIMEOUT``) is taken for abandoned and made ready again. Tasks
must therefore be safe to run twice; the e-mail tasks check their "sent" mark first.
"""

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult


class Command(BaseCommand):
    help = "Make tasks left RUNNING by a dead worker ready again (one of the periodic jobs)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than-minutes",
            type=float,
            default=settings.TASKS_STALE_AFTER_MINUTES,
            help="Running for longer than this means abandoned (default: TASKS_STALE_AFTER_MINUTES).",
        )

    def handle(self, *args, older_than_minutes, verbosity=1, **options):
        cutoff = timezone.now() - dt.timedelta(minutes=older_than_minutes)
        # One UPDATE, so a worker finishing the task at this moment wins or loses cleanly.
        count = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=cutoff).update(
            status=TaskResultStatus.READY, run_after=timezone.now()
        )
        if verbosity:
            self.stdout.write(f"{count} abandoned tasks made ready again.")
