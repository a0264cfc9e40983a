"""``manage.py reset_second_factor USERNAME``: a lost phone; the user enrols again at next sign-in."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from core import security_log
from portal.staff_accounts import two_factor


class Command(BaseCommand):
    help = "Remove a user's two-factor devices and recovery codes; they set up a new app at next sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, verbosity=1, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        removed = two_factor.reset(user)
        security_log.event("otp.reset", account=username, devices=removed, by="manage.py")
        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"{username}: {removed} devices removed."))
