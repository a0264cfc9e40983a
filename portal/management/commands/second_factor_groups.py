"""``manage.py second_factor_groups [--require GROUP …] [--no-require GROUP …]``: list or set them."""

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from portal.models import GroupSecurity


class Command(BaseCommand):
    help = "List the staff groups whose members must use a second factor, or change them."

    def add_arguments(self, parser):
        parser.add_argument("--require", action="append", default=[], metavar="GROUP")
        parser.add_argument("--no-require", action="append", default=[], metavar="GROUP")

    def handle(self, *args, require, no_require, verbosity=1, **options):
        for names, required in ((require, True), (no_require, False)):
            for name in names:
                group = Group.objects.filter(name=name).first()
                if group is None:
                    raise CommandError(f"No group {name!r}.")
                GroupSecurity.objects.update_or_create(
                    group=group, defaults={"requires_two_factor": required}
                )
        if verbosity:
            for group in Group.objects.order_by("name"):
                required = GroupSecurity.objects.filter(group=group, requires_two_factor=True).exists()
                self.stdout.write(f"{'2FA' if required else '   '}  {group.name}")
