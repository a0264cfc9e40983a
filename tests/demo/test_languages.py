"""The demo in its other languages: translated through wagtail-localize, served in their own language."""

import re

from wagtail.models import Page

import pytest

from demo.content import OTHER_LANGUAGES
from demo.translations import FOLDER, PLAN

pytestmark = pytest.mark.usefixtures("demo")
LANGUAGES = [code for code in OTHER_LANGUAGES if (FOLDER / f"{code}.po").exists()]
RIGHT_TO_LEFT = {"ar"}


def html_tag(html):
    return re.search(r"<html[^>]*>", html).group(0)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_the_demo_translates_is_published_and_answers_in_its_language(client, code):
    pages = Page.objects.filter(locale__language_code=code).live()
    sources = Page.objects.filter(
        translation_key__in=pages.values("translation_key"), locale__language_code="sv"
    )
    slugs = set(sources.values_list("slug", flat=True))
    assert set(PLAN["pages"]) <= slugs
    for page in pages:
        response = client.get(page.get_url())
        assert response.status_code == 200, page.get_url()
        html = response.content.decode()
        direction = "rtl" if code in RIGHT_TO_LEFT else "ltr"
        assert html_tag(html) == f'<html lang="{code}" dir="{direction}">', page.get_url()
        assert 'hreflang="sv" href="http' in html  # the alternates in <head>


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_switcher_leads_to_the_translation_or_to_that_languages_home_with_a_notice(client, code):
    translated = Page.objects.get(slug="forskoleplats", locale__language_code="sv")
    html = client.get(translated.get_url()).content.decode()
    link = re.search(rf'<a href="([^"]+)" lang="{code}" hreflang="{code}">', html)
    translation = translated.get_translations().get(locale__language_code=code)
    assert link and link.group(1) == translation.get_url()

    untranslated = Page.objects.get(slug="teletal", locale__language_code="sv")
    html = client.get(untranslated.get_url()).content.decode()
    link = re.search(rf'<a href="([^"]+)" lang="{code}" hreflang="{code}">', html)
    assert link and link.group(1).endswith("?oversattning-saknas=1")
    landed = client.get(link.group(1)).content.decode()
    assert html_tag(landed).startswith(f'<html lang="{code}"')
    assert 'class="notice notice--info" role="status"' in landed
