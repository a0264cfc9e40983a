"""How many results the site search gives for Swedish word forms, on a fresh demo database.

    .venv/bin/python bench/search_counts.py                     # SQLite in a temporary folder
    .venv/bin/python bench/search_counts.py --postgresql        # kommunportal_searchbench on 127.0.0.1

Migrates, seeds the demo municipality, runs ``update_index`` and asks ``/sok/`` (Swedish) for
each word; prints a Markdown table (pages found, and all results: pages, FAQ and blanketter).
The PostgreSQL database is dropped and created again; the SQLite folder is removed at the end.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = ["bygglov", "bygglovet", "bygglovets", "bygglovena", "förskoleplatsen", "förskolan"]
PG_NAME = "kommunportal_searchbench"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgresql", action="store_true", help=f"use PostgreSQL ({PG_NAME})")
    parser.add_argument("words", nargs="*", default=WORDS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.postgresql:
            for sql in (f"DROP DATABASE IF EXISTS {PG_NAME}", f"CREATE DATABASE {PG_NAME}"):
                subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", sql], check=True)
            url = f"postgresql://postgres@127.0.0.1:5432/{PG_NAME}"
        else:
            url = f"sqlite:///{tmp}/db.sqlite3"
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
        manage = [sys.executable, str(ROOT / "manage.py")]
        seed = ["seed_demo", "--password=bench-only-password-0"]
        commands = [["migrate", "--noinput"], seed, ["update_index"]]
        for command in commands:
            run = [*manage, *command, "-v", "0"]
            subprocess.run(run, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run([sys.executable, "-c", COUNT, *args.words], cwd=ROOT, env=env, check=True)


COUNT = """
import sys
import django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()  # responses keep their template context
client = Client()
print("| query | pages | all results | first page |")
print("| --- | ---: | ---: | --- |")
for word in sys.argv[1:]:
    context = client.get("/sok/", {"q": word}).context
    pages = list(context["pages"])
    first = pages[0].title if pages else ""
    print(f"| {word} | {context['pages'].paginator.count} | {context['result_count']} | {first} |")
"""

if __name__ == "__main__":
    main()
