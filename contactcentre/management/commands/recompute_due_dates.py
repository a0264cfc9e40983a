from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from contactcentre.models import Case
from contactcentre.models.cases import Status
from contactcentre.service_levels import recompute_due_dates


class Command(BaseCommand):
    help = (
        "Recompute the cases' first-response and resolution due dates from the service levels "
        "and the contact centre's opening hours (after either changes)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--open-only",
            action="store_true",
            help="Only cases that are not resolved or closed.",
        )

    def handle(self, *args, **options):
        queryset = Case.objects.all()
        if options["open_only"]:
            queryset = queryset.exclude(status__in=[Status.RESOLVED, Status.CLOSED])
        count = recompute_due_dates(queryset)
        if options["verbosity"]:
            self.stdout.write(_("Recomputed the due dates of %(count)d case(s).") % {"count": count})
