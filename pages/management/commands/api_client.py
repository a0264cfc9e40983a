from django.core.management.base import BaseCommand, CommandError

from pages.models import HeadlessClient


class Command(BaseCommand):
    help = (
        "Create a headless client of the content API, or give it a new token, and print the token "
        "(shown only here). --deactivate stops a client's token from working."
    )

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("--preview", action="store_true", help="The client may read drafts.")
        parser.add_argument("--deactivate", action="store_true")

    def handle(self, *args, name, preview, deactivate, **options):
        if deactivate:
            if not HeadlessClient.objects.filter(name=name).update(active=False):
                raise CommandError(f"No client named {name!r}.")
            self.stdout.write(f"Deactivated {name}")
            return
        client = HeadlessClient.objects.filter(name=name).first() or HeadlessClient(name=name)
        client.can_preview = preview
        client.active = True
        token = client.new_token()
        client.save()
        self.stdout.write(token)
