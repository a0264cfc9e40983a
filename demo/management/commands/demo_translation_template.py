"""``manage.py demo_translation_template``: the demo's strings to translate, as a POT file."""

from django.core.management.base import BaseCommand

from demo.translations import FOLDER, template


class Command(BaseCommand):
    help = "Write demo/data/translations/template.pot: every string of the pages the demo translates."

    def handle(self, *args, **options):
        pot = template()
        FOLDER.mkdir(exist_ok=True)
        pot.save(str(FOLDER / "template.pot"))
        self.stdout.write(f"{len(pot)} strings in {FOLDER / 'template.pot'}")
