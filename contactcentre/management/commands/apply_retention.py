from django.core.management.base import BaseCommand

from contactcentre.retention import remove_expired_cases


class Command(BaseCommand):
    help = "Remove cases whose retention period (gallringsfrist) has run out."

    def handle(self, *args, **options):
        count = remove_expired_cases()
        if options["verbosity"]:
            self.stdout.write(f"Removed {count} case(s) past their retention date")
