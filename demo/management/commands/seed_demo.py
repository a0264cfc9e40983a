"""``manage.py seed_demo``: build the Exempelkommun demo site. Safe to run again."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from demo.builder import DemoBuilder
from demo.cases import build_canned_replies, build_demo_cases, build_department_groups
from demo.eservices import build_eservice_pages
from demo.translations import build_translations
from portal.roles import setup_roles


def build_roles(builder):
    """The staff groups as production sets them up, before the demo cases need their agents."""
    build_department_groups(builder)
    changes, warnings = setup_roles()
    for message in changes:
        builder.say(f"  ~ role: {message}", level=2)
    for message in warnings:
        builder.say(f"Roles: {message}")
    if changes:
        builder.updated["auth.Group"] += len(changes)


class Command(BaseCommand):
    help = (
        "Create the Exempelkommun demo site: pages, snippets, blanketter (PDF), opening hours, "
        "elected officials, settings and the users admin, editor and agent. Only what is missing "
        "is created, so running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            help=(
                "Password for the demo users. Sets it on new users, and on existing demo users whose "
                "password differs. Without it, new users get a generated password when DEBUG is on "
                "(printed at the end) and an unusable one when DEBUG is off."
            ),
        )
        parser.add_argument(
            "--quiet", action="store_true", help="Print only generated passwords and warnings (-v 0)."
        )
        parser.add_argument(
            "--no-index", action="store_true", help="Do not rebuild the search index afterwards."
        )

    def handle(self, *args, password=None, quiet=False, no_index=False, verbosity=1, **options):
        if password is not None:
            try:
                validate_password(password)
            except ValidationError as error:
                raise CommandError("--password: " + " ".join(error.messages)) from error
        builder = DemoBuilder(
            password=password,
            stdout=self.stdout,
            style=self.style,
            verbosity=0 if quiet else verbosity,
            # The canned replies before the translations, which translate them too.
            extensions=[
                build_roles,
                build_eservice_pages,
                build_canned_replies,
                build_translations,
                build_demo_cases,
            ],
        )
        builder.build(index=not no_index)
