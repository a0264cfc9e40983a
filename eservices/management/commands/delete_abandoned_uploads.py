"""Delete photos uploaded in e-service runs that were never finished.

A finished run moves its files into the case and the wizard deletes its copies;
what is left after ``--hours`` belongs to a run the citizen abandoned.
"""

import time

from django.core.management.base import BaseCommand

from eservices.drafts import referenced_upload_names
from eservices.wizard import WIZARD_UPLOADS, wizard_file_storage

DEFAULT_HOURS = 48


class Command(BaseCommand):
    help = "Delete uploads of e-service runs abandoned for more than --hours hours."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=DEFAULT_HOURS)

    def handle(self, *args, hours, **options):
        storage = wizard_file_storage()
        cutoff = time.time() - hours * 3600
        deleted = 0
        try:
            _dirs, files = storage.listdir("")
        except FileNotFoundError:
            files = []
        keep = referenced_upload_names()
        for name in files:
            if name not in keep and storage.get_modified_time(name).timestamp() < cutoff:
                storage.delete(name)
                deleted += 1
        if options["verbosity"]:
            self.stdout.write(f"Deleted {deleted} abandoned upload(s) from {WIZARD_UPLOADS}")
