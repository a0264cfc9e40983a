"""The housekeeping jobs that django-tasks 0.12 cannot schedule itself.

``./scripts/run`` calls this every hour next to the server; production runs it
from cron (see docs/deploy.md). Each job is a management command, so one can
also be run on its own.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

# (command, options): later issues add their own cleanup jobs here.
JOBS = [
    # First: tasks a killed worker left RUNNING are run again (a lost receipt e-mail, say).
    ("requeue_stale_tasks", {}),
    ("clearsessions", {}),
    ("prune_db_task_results", {"min_age_days": 14}),
    ("delete_expired_drafts", {}),
    ("delete_abandoned_uploads", {}),
    ("apply_retention", {}),
    ("prune_rate_limits", {}),
    ("prune_search_misses", {}),
]


class Command(BaseCommand):
    help = "Run the periodic housekeeping jobs once."

    def handle(self, *args, **options):
        failures = 0
        for name, job_options in JOBS:
            try:
                call_command(name, verbosity=options["verbosity"], **job_options)
            except Exception as error:  # one failing job must not stop the others
                failures += 1
                self.stderr.write(f"{name} failed: {error}")
            else:
                if options["verbosity"]:
                    self.stdout.write(f"{name}: done")
        if failures:
            raise SystemExit(1)
