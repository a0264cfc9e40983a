"""Each page type renders with the demo's realistic content."""

import re

from django.apps import apps
from django.test import Client

from wagtail.models import Page, get_page_models

import pytest

from pages.models import FAQ, ContactCentrePage, FAQFeedback, ServiceAreaPage, ServicePage
from tests.pages.test_faq_votes import FROM_OUR_PAGE

pytestmark = pytest.mark.django_db
PAGE_MODELS = [m for m in get_page_models() if m._meta.app_label in {"pages", "eservices"}]


def h1_count(html):
    return len(re.findall(r"<h1[\s>]", html))


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda m: m.__name__)
@pytest.mark.usefixtures("demo")
def test_page_type_renders(client, model):
    page = model.objects.live().filter(locale__language_code="sv").first()
    assert page is not None, f"the demo has no live {model.__name__}"
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert h1_count(html) == 1
    assert '<html lang="sv" dir="ltr">' in html
    assert page.title in html
    assert 'href="#main"' in html


@pytest.mark.usefixtures("demo")
def test_home_page_finds_every_phone_menu_area_and_the_essentials(client):
    html = client.get("/").content.decode()
    for area_page in ServiceAreaPage.objects.live().filter(locale__language_code="sv"):
        assert area_page.url in html, area_page.title
    assert "112" in html
    for model_name in (
        "FAQPage",
        "BlankettLibraryPage",
        "ContactCentrePage",
        "OfficialsRegisterPage",
        "AccessibilityStatementPage",
    ):
        target = apps.get_model("pages", model_name).objects.live().filter(locale__language_code="sv").first()
        assert target.url in html, model_name
    emergency = Page.objects.get(slug="larm-och-felanmalan", locale__language_code="sv")
    assert emergency.url in html


def test_contact_page_shows_channels_hours_and_schema_org(client):
    page = ContactCentrePage.objects.live().get()
    html = client.get(page.url).content.decode()
    assert "application/ld+json" in html
    assert "OpeningHoursSpecification" in html
    assert "Teletal" in html
    assert "112" in html
    for digit in ("1", "2", "3", "4", "5", "9"):
        assert re.search(rf">\s*{digit}\s*<", html), digit


@pytest.mark.usefixtures("demo")
def test_service_page_shows_review_date_and_related_content(client):
    page = ServicePage.objects.live().exclude(related_blanketter=None).first()
    html = client.get(page.url).content.decode()
    blankett = page.related_blanketter.first().blankett
    assert blankett.document.url in html
    assert page.last_reviewed.strftime("%Y") in html


@pytest.mark.usefixtures("demo")
def test_faq_feedback_is_stored_per_question(client):
    faq = FAQ.objects.first()
    FAQFeedback.objects.filter(faq=faq).delete()  # the demo's answers
    response = client.post(
        f"/faq/{faq.pk}/feedback/", {"helpful": "yes", "next": "/vanliga-fragor/"}, **FROM_OUR_PAGE
    )
    assert response.status_code == 302
    assert response["Location"] == f"/vanliga-fragor/#{faq.anchor}"
    # Another visitor (one vote per question each: tests/pages/test_faq_votes.py).
    Client(REMOTE_ADDR="192.0.2.8").post(
        f"/faq/{faq.pk}/feedback/", {"helpful": "no", "next": "/vanliga-fragor/"}, **FROM_OUR_PAGE
    )
    assert list(FAQFeedback.objects.filter(faq=faq).values_list("helpful", flat=True).order_by("pk")) == [
        True,
        False,
    ]


@pytest.mark.usefixtures("demo")
def test_faq_feedback_ignores_bad_input_and_foreign_redirects(client):
    faq = FAQ.objects.first()
    before = FAQFeedback.objects.count()  # the demo has answers
    response = client.post(f"/faq/{faq.pk}/feedback/", {"helpful": "maybe", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"].startswith("/#")
    assert FAQFeedback.objects.count() == before
    assert client.get(f"/faq/{faq.pk}/feedback/").status_code == 405
    assert client.post("/faq/999999/feedback/", {"helpful": "yes"}).status_code == 404
    counted = client.post(
        f"/faq/{faq.pk}/feedback/", {"helpful": "yes", "next": "https://evil.example/"}, **FROM_OUR_PAGE
    )
    assert counted["Location"].startswith("/#") and FAQFeedback.objects.count() == before + 1


def test_unknown_page_is_a_translated_404(client):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    assert "<h1" in response.content.decode()


def test_a_page_without_a_translation_is_served_in_its_own_language(client):
    """No Swedish content under an English interface (and lang="en") for screen readers."""
    response = client.get("/en/kontakta-oss/")
    assert response.status_code == 302
    assert response["Location"] == "/kontakta-oss/"


def test_the_english_interface_is_english(client):
    html = client.get("/en/search/", {"q": "bygglov"}).content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "Skip to content" in html
