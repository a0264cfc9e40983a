"""FAQ votes ("Fick du svar på din fråga?"): one per question per visitor, a budget per client,
a honeypot, and the 429 page in the visitor's language."""

import json
import logging

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


def vote(client, faq, helpful="yes", prefix="", **extra):
    return client.post(f"{prefix}/faq/{faq.pk}/feedback/", {"helpful": helpful, "next": "/", **extra})


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
