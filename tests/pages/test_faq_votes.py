"""FAQ votes ("Fick du svar på din fråga?"): one per question per visitor, a budget per client,
a honeypot, the 429 page in the visitor's language, and no CSRF token on the page (core/origin.py)."""

import json
import logging
import re

from django.test import Client

import pytest

from pages.models import FAQFeedback
from tests.factories import FAQFactory

pytestmark = pytest.mark.django_db

HEADING_429 = {
    "sv": "För många försök",
    "en": "Too many attempts",
    "ar": "محاولات كثيرة جدًا",
    "fi": "Liian monta yritystä",
}
WAIT = {"sv": "Vänta", "en": "Wait", "ar": "انتظر", "fi": "Odota"}


# What Chromium sends with a form posted from one of our own pages.
FROM_OUR_PAGE = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}


def vote(client, faq, helpful="yes", prefix="", headers=FROM_OUR_PAGE, **extra):
    return client.post(
        f"{prefix}/faq/{faq.pk}/feedback/", {"helpful": helpful, "next": "/", **extra}, **headers
    )


def test_one_vote_per_question_per_session():
    faq = FAQFactory()
    client = Client()
    assert vote(client, faq, "yes").status_code == 302
    assert vote(client, faq, "no").status_code == 302
    assert list(FAQFeedback.objects.values_list("helpful", flat=True)) == [True]
    other_faq = FAQFactory()
    vote(client, other_faq, "no")
    assert FAQFeedback.objects.filter(faq=other_faq).count() == 1


def test_one_vote_per_question_per_client_even_without_its_cookie():
    faq = FAQFactory()
    for _ in range(3):
        vote(Client(REMOTE_ADDR="203.0.113.40"), faq)  # a new session each time
    assert FAQFeedback.objects.filter(faq=faq).count() == 1
    vote(Client(REMOTE_ADDR="203.0.113.41"), faq)  # someone else
    assert FAQFeedback.objects.filter(faq=faq).count() == 2


def test_votes_have_a_budget_per_client(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "faq-vote": (3, 3600)}
    client = Client()
    faqs = FAQFactory.create_batch(4)
    for faq in faqs[:3]:
        assert vote(client, faq).status_code == 302
    response = vote(client, faqs[3])
    assert response.status_code == 429
    assert FAQFeedback.objects.count() == 3


@pytest.mark.parametrize("language", ["sv", "en", "ar", "fi"])
def test_the_429_page_is_in_the_visitors_language_with_retry_after(settings, language):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "faq-vote": (0, 600)}
    prefix = "" if language == "sv" else f"/{language}"
    response = vote(Client(), FAQFactory(), prefix=prefix)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 600
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in html
    assert f"<h1>{HEADING_429[language]}</h1>" in html
    assert WAIT[language] in html


def test_a_filled_honeypot_is_refused_and_logged(caplog):
    caplog.set_level(logging.INFO, logger="kommunportal.security")
    faq = FAQFactory()
    response = vote(Client(), faq, kp_homepage="http://spam.example")
    assert response.status_code == 400
    assert not FAQFeedback.objects.exists()
    events = [json.loads(r.getMessage()) for r in caplog.records if r.name == "kommunportal.security"]
    assert [(e["event"], e["form"]) for e in events] == [("honeypot.triggered", "faq-vote")]


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "http://sub.testserver"},
        {"HTTP_ORIGIN": "https://evil.example"},  # a browser without Fetch metadata
        {"HTTP_ORIGIN": "null"},  # a sandboxed frame or a data: page
        {"HTTP_REFERER": "https://evil.example/page"},
    ],
    ids=["cross-site", "same-site", "foreign-origin", "null-origin", "foreign-referer"],
)
def test_a_vote_posted_from_another_site_is_refused(headers):
    faq = FAQFactory()
    response = vote(Client(enforce_csrf_checks=True), faq, headers=headers)
    assert response.status_code == 403
    assert not FAQFeedback.objects.exists()


def test_a_vote_from_our_page_needs_no_token_even_with_csrf_checks():
    faq = FAQFactory()
    response = vote(Client(enforce_csrf_checks=True), faq)
    assert response.status_code == 302
    assert FAQFeedback.objects.filter(faq=faq, helpful=True).count() == 1


def test_a_browser_that_does_not_say_where_the_vote_came_from_confirms_it_with_a_token():
    faq = FAQFactory(question="Hur ansöker jag om bygglov?")
    client = Client(enforce_csrf_checks=True)
    asked = vote(client, faq, "no", headers={}, next="/bygglov/")
    assert asked.status_code == 200 and not FAQFeedback.objects.exists()
    html = asked.content.decode()
    assert "Hur ansöker jag om bygglov?" in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert 'name="helpful" value="no"' in html and 'name="next" value="/bygglov/"' in html
    # Without the token (or with a wrong one) nothing is counted: Django's own CSRF check.
    wrong = vote(client, faq, "no", headers={}, next="/bygglov/", csrfmiddlewaretoken="x" * 64)
    assert wrong.status_code == 403 and not FAQFeedback.objects.exists()
    confirmed = vote(client, faq, "no", headers={}, next="/bygglov/", csrfmiddlewaretoken=token)
    assert confirmed.status_code == 302 and confirmed["Location"] == f"/bygglov/#{faq.anchor}"
    assert list(FAQFeedback.objects.values_list("helpful", flat=True)) == [False]


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("slug", ["vanliga-fragor", "bygglov"])
def test_a_page_with_faq_sets_no_cookie_and_is_served_from_the_page_cache(slug):
    """The FAQ's vote form once set a csrftoken cookie on every page that showed a question."""
    from wagtail.models import Page

    page = Page.objects.live().get(slug=slug, locale__language_code="sv")
    first = Client().get(page.url)
    html = first.content.decode()
    assert 'class="faq-feedback"' in html
    assert not first.cookies and "csrfmiddlewaretoken" not in html
    assert first["X-Page-Cache"] == "miss"
    assert Client().get(page.url)["X-Page-Cache"] == "hit"
