"""What a reader and the Nu Html Checker see in the seeded pages: text said once, dates in the
reader's language, titles that lead with the page's own name, valid ``datetime`` attributes."""

import datetime as dt
import html
import re

from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Locale, Page

import pytest

from contactcentre.models import Case
from eservices.models import EServicePage
from portal.templatetags.html_time import html_datetime
from tests.eservices.wizard_helpers import WizardRun

pytestmark = pytest.mark.django_db

# HTML's valid date, or date and time with at most three decimals and an optional offset.
VALID_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?"
)
DATETIME_ATTRIBUTE = re.compile(r'datetime="([^"]*)"')
# A sentence's start of two or more words said twice in a row, as when a template's words
# run into an editor's sentence ("Vi svarar Vi svarar inom …"); Swedish may say "om det om
# det" mid-sentence. And "..": a template's full stop after a text that has its own.
DOUBLED_PHRASE = re.compile(r"\b([A-ZÅÄÖ]\w*(?:\s+\w+)+)\s+\1\b")
DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
BLOCK_TAGS = re.compile(r"</?(?:p|h[1-6]|li|dt|dd|div|section|td|th|tr|caption|summary)\b[^>]*>")


def live_pages():
    return list(Page.objects.live().public().filter(depth__gt=1).specific())


def text_blocks(body: str) -> list[str]:
    """The text of ``<main>``, one string per block (paragraph, heading, list item …)."""
    main = body.split("<main", 1)[-1].split("</main>", 1)[0].split(">", 1)[-1]
    main = re.sub(r"<(script|style)\b.*?</\1>", " ", main, flags=re.DOTALL)
    lines = BLOCK_TAGS.sub("\n", main).split("\n")
    texts = (" ".join(html.unescape(re.sub(r"<[^>]+>", " ", line)).split()) for line in lines)
    return [text for text in texts if text]


def visible_text(body: str) -> str:
    return " ".join(text_blocks(body))


def title_of(body: str) -> str:
    return " ".join(html.unescape(re.search(r"<title>(.*?)</title>", body, re.DOTALL)[1]).split())


def test_no_seeded_page_says_a_phrase_twice_or_ends_a_sentence_twice(client):
    problems = []
    for page in live_pages():
        for block in text_blocks(client.get(page.url).content.decode()):
            for pattern in (DOUBLED_PHRASE, DOUBLE_STOP):
                problems += [(page.url, match[0]) for match in pattern.finditer(block)]
    assert problems == []


@pytest.mark.usefixtures("demo")
def test_the_accessibility_statement_says_how_soon_we_answer_once(client):
    blocks = text_blocks(client.get("/tillganglighetsredogorelse/").content.decode())
    assert "Vi svarar inom två arbetsdagar." in blocks


@pytest.mark.parametrize(
    ("language", "start", "end"),
    [("sv", "1 januari 2023", "31 december 2026"), ("en", "Jan. 1, 2023", "Dec. 31, 2026")],
)
@pytest.mark.usefixtures("demo")
def test_officials_term_dates_are_written_as_in_the_readers_language(client, language, start, end):
    page = Page.objects.live().get(slug="fortroendemannaregister", locale__language_code="sv")
    if language != "sv":
        # The demo translates the register (demo/data/translations.yaml).
        page = page.get_translation(Locale.objects.get(language_code=language))
    text = visible_text(client.get(page.url).content.decode())
    assert f"{start} {'till' if language == 'sv' else 'to'} {end}" in text
    assert "Jan 2023" not in text


def test_titles_name_the_page_then_the_site_and_the_site_once(client):
    home = client.get("/").content.decode()
    assert title_of(home) == "Exempelkommun"
    for page in live_pages():
        title = title_of(client.get(page.url).content.decode())
        assert title.count("Exempelkommun") == 1, (page.url, title)
        assert title.startswith(page.seo_title or page.title), (page.url, title)


def test_an_e_service_step_title_leads_with_the_step_then_the_e_service_then_the_site(client):
    page = EServicePage.objects.live().get(eservice_slug="fraga-kontaktcenter", locale__language_code="sv")
    run = WizardRun(client, page)
    body = client.get(run.first_url).content.decode()
    step_title = re.search(r"<h1>(.*?)</h1>", body, re.DOTALL)[1].strip()
    assert title_of(body) == f"{html.unescape(step_title)} – {page.title} – Exempelkommun"
    first_step = run.first_url.rstrip("/").rsplit("/", 1)[1]
    with_errors = run.post(first_step, {}).content.decode()
    assert title_of(with_errors) == f"Fel: {html.unescape(step_title)} – {page.title} – Exempelkommun"


def test_html_datetime_has_no_microseconds_and_keeps_the_offset():
    moment = dt.datetime(2026, 3, 5, 9, 7, 3, 123456, tzinfo=dt.UTC)
    assert html_datetime(moment) == "2026-03-05T10:07:03+01:00"  # Stockholm, winter
    assert html_datetime(dt.date(2026, 3, 5)) == "2026-03-05"
    assert html_datetime(None) == ""


@pytest.mark.usefixtures("demo")
def test_every_datetime_attribute_in_public_and_staff_pages_is_valid_html(client, django_user_model):
    bodies = [client.get(page.url).content.decode() for page in live_pages()]
    cases = list(Case.objects.order_by("-pk")[:5])
    # The demo's cases were made in one go: give them microseconds as a real submission has.
    Case.objects.filter(pk__in=[c.pk for c in cases]).update(received_at=timezone.now())
    with translation.override("sv"):
        for case in cases:
            case.refresh_from_db()
            bodies.append(
                client.get(
                    reverse("case_status", args=[case.reference, case.status_token()]), follow=True
                ).content.decode()
            )
    admin = django_user_model.objects.create_superuser("test-datetimes", password="x")
    client.force_login(admin)
    bodies.append(client.get(reverse("contactcentre_admin:index")).content.decode())
    bodies += [client.get(reverse("contactcentre_admin:detail", args=[c.pk])).content.decode() for c in cases]
    bodies.append(client.get(reverse("content_review:index")).content.decode())
    values = [value for body in bodies for value in DATETIME_ATTRIBUTE.findall(body)]
    assert len(values) > 10
    assert [value for value in values if not VALID_DATETIME.fullmatch(value)] == []
