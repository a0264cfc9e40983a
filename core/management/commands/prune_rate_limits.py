from django.core.management.base import BaseCommand

from core.ratelimit import prune


class Command(BaseCommand):
    help = "Delete the rate-limit counters of windows that have ended (database backend)."

    def handle(self, *args, **options):
        count = prune()
        if options["verbosity"]:
            self.stdout.write(f"Deleted {count} expired rate-limit counter(s)")
