from django.core.management.base import BaseCommand

from eservices.drafts import delete_expired


class Command(BaseCommand):
    help = "Delete saved e-service drafts whose resume link has expired."

    def handle(self, *args, **options):
        count = delete_expired()
        if options["verbosity"]:
            self.stdout.write(f"Deleted {count} expired draft(s)")
