from django.core.management.base import BaseCommand

from contactcentre.identity_numbers import index_case
from contactcentre.models import Case


class Command(BaseCommand):
    help = (
        "Rebuild the personnummer index (keyed hashes) of every case, for example after SECRET_KEY changed."
    )

    def handle(self, *args, **options):
        count = 0
        for case in Case.objects.only("pk", "answers", "form_snapshot").iterator(chunk_size=500):
            index_case(case)
            count += 1
        if options["verbosity"]:
            self.stdout.write(f"Indexed the personnummer of {count} case(s)")
