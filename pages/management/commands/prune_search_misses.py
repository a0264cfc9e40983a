from django.core.management.base import BaseCommand

from pages.search_log import prune


class Command(BaseCommand):
    help = "Delete the counts of searches without results that are older than KEEP_DAYS."

    def handle(self, *args, **options):
        count = prune()
        if options["verbosity"]:
            self.stdout.write(f"Deleted {count} old search-miss count(s)")
