"""The demo in its other languages: translated through wagtail-localize, served in their own language."""

import re
from html.parser import HTMLParser

from wagtail.models import Locale, Page

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


# Words that mark a run of text as Swedish: common in any Swedish sentence, not words of
# English or Finnish ("en", Finnish for "I don't", is left out).
SWEDISH_WORDS = frozenset(
    "och att du för som på med är inte vi dig din ditt dina har kan eller till från när vad hur "
    "ska ett av hos får vill oss vår det den sig sin inom innan efter".split()
)
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class TextByLanguage(HTMLParser):
    """Each run of text in ``<body>`` with the ``lang`` it is marked with, and the links."""

    def __init__(self):
        super().__init__()
        self.open, self.runs, self.links = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and (attrs.get("href") or "").startswith("/"):
            self.links.append((attrs["href"].split("#")[0], attrs.get("hreflang")))
        if tag not in VOID_TAGS:
            self.open.append((tag, attrs.get("lang")))

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                break

    def handle_data(self, data):
        tags = [tag for tag, _lang in self.open]
        if "body" in tags and "script" not in tags and "style" not in tags and data.strip():
            lang = next((lang for _tag, lang in reversed(self.open) if lang), None)
            self.runs.append((lang, " ".join(data.split())))


def swedish_runs(html, ignore_lang=False):
    """The runs of Swedish text not marked ``lang="sv"`` (proper names pass: one word of the list
    at most, or under a quarter of the run's words)."""
    parser = TextByLanguage()
    parser.feed(html)
    found = []
    for lang, text in parser.runs:
        if lang == "sv" and not ignore_lang:
            continue
        words = re.findall(r"\w+", text.lower())
        swedish = [word for word in words if word in SWEDISH_WORDS]
        if len(set(swedish)) >= 2 and len(swedish) >= len(words) / 4:
            found.append(text)
    return found


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_swedish_text_on_a_translated_page_without_lang_sv(client, code):
    """Never Swedish text under another language's address without ``lang="sv"`` on it: not a
    step, a link text or an untranslated page's title (WCAG 3.1.2, language of parts)."""
    swedish_paths = {page.get_url() for page in Page.objects.live().filter(locale__language_code="sv")}
    pages = Page.objects.filter(locale__language_code=code).live().specific()
    assert pages.count() >= len(PLAN["pages"])
    for page in pages:
        html = client.get(page.get_url()).content.decode()
        assert swedish_runs(html) == [], page.get_url()
        parser = TextByLanguage()
        parser.feed(html)
        to_swedish = [(href, hreflang) for href, hreflang in parser.links if href in swedish_paths]
        assert all(hreflang == "sv" for _href, hreflang in to_swedish), (page.get_url(), to_swedish)
    source = Page.objects.get(slug="forskoleplats", locale__language_code="sv")
    # The test can fail: it finds the Swedish page's own sentences when their lang is ignored.
    assert len(swedish_runs(client.get(source.get_url()).content.decode(), ignore_lang=True)) > 5


@pytest.mark.parametrize("code", LANGUAGES)
def test_holidays_are_named_in_the_readers_language_and_editors_notes_marked_swedish(client, code):
    contact = Page.objects.get(slug="kontakta-oss", locale__language_code="sv")
    translation = contact.get_translation(Locale.objects.get(language_code=code))
    html = client.get(translation.get_url()).content.decode()
    notes = re.findall(r'<span class="changed-days__note"([^>]*)>\(([^)]*)\)</span>', html)
    assert notes, "the contact page lists the changed days of the coming weeks"
    for attributes, note in notes:
        if note == "Trettondagsafton":  # an editor's exception, written in Swedish only
            assert 'lang="sv" dir="ltr"' in attributes
        else:
            assert attributes == "" and note not in {"Julafton", "Juldagen", "Nyårsafton", "Nyårsdagen"}
