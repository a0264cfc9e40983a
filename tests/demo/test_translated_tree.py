"""The whole demo tree translated with wagtail-localize's own operations, as "Translate" with subpages does.

Before the fix: the English home page went live in Swedish at once, English subpages answered
404, and the worker logged failed reference-index tasks for the pages' FAQ and blankett rows.
"""

from wagtail.models import Locale, Page

import pytest
from django_tasks import task_backends
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator, translate_page_subtree

from pages.models import HomePage

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def queued_tasks(settings):
    """Tasks are queued, not run, as the database backend's worker would find them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    task_backends._settings = None  # noqa: SLF001 -- read the setting again
    task_backends.__dict__.pop("settings", None)
    yield lambda: task_backends["default"].results
    task_backends.__dict__.pop("settings", None)


def translate_tree(language):
    locale, _ = Locale.objects.get_or_create(language_code=language)
    # The demo seeds its own translation of part of the tree: start from none, as an editor would.
    Page.objects.filter(locale=locale, depth=2).delete()
    home = HomePage.objects.get(locale__language_code="sv")
    creator = TranslationCreator(None, [locale])
    creator.create_translations(home)
    translate_page_subtree(home.pk, [locale], None, None)
    return locale, home


def test_a_translated_tree_waits_for_its_translator_and_then_answers_200(
    client, queued_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # as after the admin's request commits
        locale, home = translate_tree("en")
    sources = home.get_descendants(inclusive=True).live().filter(locale__language_code="sv")
    translations = Page.objects.filter(locale=locale, translation_key__in=sources.values("translation_key"))
    assert translations.count() == sources.count()
    # Nothing goes live in Swedish under /en/ before a translator has published it.
    assert not translations.live().exists()
    assert (
        client.get("/en/").status_code in (301, 302, 404)
        or 'lang="sv"' not in client.get("/en/").content.decode()
    )

    # The translator publishes (here: every page, as it stands).
    with django_capture_on_commit_callbacks(execute=True):
        for translation in Translation.objects.filter(target_locale=locale):
            translation.save_target(publish=True)
    crawled = {}
    for page in Page.objects.filter(locale=locale).live().specific():
        url = page.get_url()
        if url:
            crawled[url] = client.get(url).status_code
    assert crawled and all(status == 200 for status in crawled.values()), {
        url: status for url, status in crawled.items() if status != 200
    }

    failures = []
    for result in queued_tasks():
        try:
            result.task.func(*result.args, **result.kwargs)
        except Exception as error:  # noqa: BLE001 -- every failure, as the worker would log it
            failures.append(f"{result.task.name}{tuple(result.args)}: {error!r}")
    assert failures == []
