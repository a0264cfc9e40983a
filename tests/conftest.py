"""The suite's database: a minimal site for every test, the whole demo only for the tests about it.

Every database test starts from ``build_minimal_site()`` (factories, about a second per worker). A test
that asserts on the demo municipality's content asks for it with the ``demo`` fixture (usually
``pytestmark = pytest.mark.usefixtures("demo")``): ``seed_demo`` then runs once per worker, on top of
the minimal site, and those tests run together in one xdist group after the other database tests,
so only one worker pays for the seed and no test written for the minimal site sees the demo.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command

import pytest
from _pytest.nodeid import coerce_node_id

from tests.factories import DEMO_PASSWORD, build_minimal_site

__all__ = ["DEMO_PASSWORD"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database of this run (of this xdist worker), with the minimal site in it."""
    with django_db_blocker.unblock():
        build_minimal_site()


@pytest.fixture(scope="session")
def demo_municipality(django_db_setup, django_db_blocker):
    """The whole demo municipality, seeded (committed) once per worker."""
    from wagtail.models import Page

    with django_db_blocker.unblock():
        # The demo builds its pages with their content only where none exist: the minimal site's
        # (empty) pages make way, its snippets, users and settings are kept and completed.
        Page.objects.filter(depth__gt=1).delete()
        call_command("seed_demo", password=DEMO_PASSWORD, verbosity=0)


@pytest.fixture
def demo(demo_municipality, db):
    """For tests about the demo municipality's content: the seeded demo, in the test's transaction."""


ROOT = Path(__file__).resolve().parents[1]
# Tests that run ``manage.py`` against a database of their own share one migrated copy.
FRESH_DATABASE_GROUP = "fresh_database"


def run_manage(database, *args, settings="portal.settings.test", extra_env=None):
    """``manage.py`` in a subprocess on the SQLite file ``database``; its standard output."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": settings,
        **(extra_env or {}),
    }
    command = [sys.executable, "manage.py", *args]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)  # noqa: S603
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory):
    """A SQLite file with the migrations only, made once per worker (use ``fresh_sqlite``)."""
    path = tmp_path_factory.mktemp("migrated") / "db.sqlite3"
    run_manage(path, "migrate", "--noinput", "-v", "0")
    return path


@pytest.fixture
def fresh_sqlite(migrated_sqlite, tmp_path):
    """A fresh migrated database file of this test's own, nothing else in it."""
    path = tmp_path / "fresh.sqlite3"
    shutil.copyfile(migrated_sqlite, path)
    return path


def _is_demo(item):
    return "demo_municipality" in getattr(item, "fixturenames", ())


def _is_browser(item):
    return "tests/browser/" in item.nodeid


def pytest_itemcollected(item):
    # Before xdist's own collection hook reads the groups: one worker seeds the demo, one runs the
    # browser tests against their one server.
    if _is_browser(item):
        item.add_marker(pytest.mark.xdist_group("browser"))
    elif "migrated_sqlite" in getattr(item, "fixturenames", ()):
        item.add_marker(pytest.mark.xdist_group(FRESH_DATABASE_GROUP))
    elif _is_demo(item):
        item.add_marker(pytest.mark.xdist_group("demo"))


def _test_case_class(item):
    from django.test import TransactionTestCase

    cls = getattr(item, "cls", None)
    return cls if cls is not None and issubclass(cls, TransactionTestCase) else None


def _is_transactional(item):
    from django.test import TestCase

    cls = _test_case_class(item)
    if cls is not None:
        return not issubclass(cls, TestCase)
    marker = item.get_closest_marker("django_db")
    transactional = bool(
        marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    )
    return transactional or "transactional_db" in getattr(item, "fixturenames", ())


def _uses_db(item):
    if _test_case_class(item) is not None or item.get_closest_marker("django_db"):
        return True
    return "db" in getattr(item, "fixturenames", ())


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests first (their server seeds while the rest runs), the demo after the other
    database tests and before the transactional ones (which empty the database when they end).

    pytest-django has sorted the items already: database tests, transactional ones, the rest.
    xdist (with ``--no-loadscope-reorder``) hands the tests out in this order, so a worker never runs
    a minimal-site test after it seeded the demo.
    """
    browser = [item for item in items if _is_browser(item)]
    demo = [item for item in items if _is_demo(item) and not _is_browser(item)]
    rest = [item for item in items if not _is_browser(item) and not _is_demo(item)]
    cut = next((i for i, item in enumerate(rest) if _is_transactional(item) or not _uses_db(item)), len(rest))
    demo.sort(key=_is_transactional)
    # Among the transactional tests, those that read the minimal site run before any other has
    # emptied the worker's database (pytest.mark.reads_minimal_site).
    after = sorted(rest[cut:], key=lambda item: item.get_closest_marker("reads_minimal_site") is None)
    items[:] = browser + rest[:cut] + demo + after
    _name_groups(items)


def _name_groups(items):
    """Give grouped items the ``@group`` suffix xdist's loadgroup scheduler reads.

    pytest-xdist 3.8 sets ``item._nodeid``, which pytest 9.2 no longer reads (the id lives in
    ``item._id``), so without this every worker would seed its own demo and browser server.
    """
    for item in items:
        mark = item.get_closest_marker("xdist_group")
        if mark is not None and not item.nodeid.endswith(f"@{mark.args[0]}"):
            item._id = coerce_node_id(f"{item.nodeid}@{mark.args[0]}")


@pytest.fixture
def in_english(db):
    """Translate a demo e-service into English as a translator does (wagtail-localize, the demo's PO file)."""
    from wagtail.models import Locale

    from demo.translations import catalogue, translate
    from eservices.models import EServicePage

    def make(slug):
        page = EServicePage.objects.get(eservice_slug=slug, locale__language_code="sv")
        english = Locale.objects.get_or_create(language_code="en")[0]
        return page.get_translation_or_none(english) or translate(page, english, catalogue("en"))

    return make


@pytest.fixture
def private_root(settings, tmp_path, monkeypatch):
    """Uploads of this test go under tmp_path: the wizard's and the cases' attachments."""
    from contactcentre.models import CaseAttachment
    from core.storage import PrivateStorage
    from eservices.wizard import EServiceWizard, WizardFileStorage

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    # Both storages are built once, at import, with the location of that moment, so
    # changing the setting alone would not move them: build them again from it.
    monkeypatch.setattr(EServiceWizard, "file_storage", WizardFileStorage())
    monkeypatch.setattr(CaseAttachment._meta.get_field("file"), "storage", PrivateStorage())
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """No test sees a page another test stored (its database was rolled back, the cache was not)."""
    from django.core.cache import caches

    from core import page_cache

    caches["pages"].clear()
    page_cache.forget_local()
