"""``manage.py setup_roles``: the staff groups and their permissions (``portal/roles.py``); idempotent."""

from django.core.management.base import BaseCommand

from portal.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Create the staff groups (Editors, Moderators, Kontaktcenter, Kontaktcenterchef and a case "
        "officers' group per department) and give them their permissions. Only adds what is missing."
    )

    def handle(self, *args, verbosity=1, **options):
        changes, warnings = setup_roles()
        for warning in warnings:
            self.stderr.write(self.style.WARNING(warning))
        if verbosity >= 2:
            for change in changes:
                self.stdout.write(f"  {change}")
        if verbosity:
            message = f"Roles: {len(changes)} changes." if changes else "Roles: set up already; no changes."
            self.stdout.write(self.style.SUCCESS(message))
