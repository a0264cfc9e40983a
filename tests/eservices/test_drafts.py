"""Save and continue later: a single-use, expiring resume link by e-mail; the draft lives on the server."""

import datetime as dt
import re

from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

import pytest

from contactcentre.models import Case
from eservices.models import Draft
from tests.eservices.test_wizard_engine import QUESTION, SLUG, post_step, start, step_url

pytestmark = pytest.mark.django_db


def save_for_later(client, url, step, data):
    payload = {f"{_prefix(url)}-current_step": step, "wizard_save": "1"}
    payload.update({f"{step}-{key}": value for key, value in data.items()})
    return client.post(url, payload)


def _prefix(url):
    return f"{SLUG}_{url.rstrip('/').split('/')[-2].replace('-', '')}"


def resume_link():
    body = mail.outbox[-1].body
    return re.search(r"https?://\S+/fortsatt/\d+/\w+/", body).group(0)


def save(client, page):
    url = start(client, page)
    post_step(client, url, "fraga", QUESTION)
    # Half-typed contact step, not yet valid: it is kept as typed.
    response = save_for_later(client, step_url(url, "kontakt"), "kontakt", {"name": "Tolvan"})
    assert response.status_code == 302 and "/spara/" in response["Location"]
    response = client.post(response["Location"], {"email": "tolvan@example.com"})
    assert response.status_code == 200
    return url


def test_saved_answers_come_back_from_the_emailed_link_in_another_browser(client, eservice_page):
    page = eservice_page(SLUG, 9)
    save(client, page)
    draft = Draft.objects.get()
    assert draft.email == "tolvan@example.com"
    assert draft.expires_at > timezone.now() + dt.timedelta(days=29)
    link = resume_link()
    assert "tolvan" not in link.lower()

    other_browser = Client()
    response = other_browser.get(re.sub(r"^https?://[^/]+", "", link))
    assert response.status_code == 302
    step_page = other_browser.get(response["Location"])
    html = step_page.content.decode()
    assert 'value="Tolvan"' in html
    assert not Draft.objects.exists()  # single use


def test_the_link_works_once(client, eservice_page):
    page = eservice_page(SLUG, 9)
    save(client, page)
    path = re.sub(r"^https?://[^/]+", "", resume_link())
    assert Client().get(path).status_code == 302
    assert Client().get(path).status_code == 404


def test_an_expired_link_fails_and_expired_drafts_are_deleted(client, eservice_page):
    page = eservice_page(SLUG, 9)
    save(client, page)
    Draft.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    path = re.sub(r"^https?://[^/]+", "", resume_link())
    response = Client().get(path)
    assert response.status_code == 404
    assert (
        "The link does not work" in response.content.decode()
        or "Länken fungerar inte" in response.content.decode()
    )
    call_command("delete_expired_drafts", verbosity=0)
    assert not Draft.objects.exists()


def test_a_forged_token_is_refused(client, eservice_page):
    page = eservice_page(SLUG, 9)
    save(client, page)
    draft = Draft.objects.get()
    assert Client().get(f"{page.url}fortsatt/{draft.pk}/{'0' * 32}/").status_code == 404
    assert Draft.objects.exists()


def test_saving_needs_a_valid_email_address(client, eservice_page):
    page = eservice_page(SLUG, 9)
    url = start(client, page)
    response = save_for_later(client, url, "fraga", {"subject": "Bygglov"})
    response = client.post(response["Location"], {"email": "not-an-address"})
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert not Draft.objects.exists()
    assert not Case.objects.exists()


def test_the_resume_link_opens_the_step_as_saved_without_errors(client, eservice_page):
    """The saved step had empty required fields: nothing is wrong until the citizen sends it."""
    page = eservice_page(SLUG, 9)
    url = save(client, page)
    other_browser = Client()
    response = other_browser.get(re.sub(r"^https?://[^/]+", "", resume_link()))
    step = other_browser.get(response["Location"])
    assert step.status_code == 200
    html = step.content.decode()
    assert 'class="error-summary"' not in html
    assert 'class="field__error"' not in html
    assert "field--error" not in html
    assert 'value="Tolvan"' in html

    # Sending the step as it is still checks it.
    sent = post_step(other_browser, step_url(url, "kontakt"), "kontakt", {"name": "Tolvan"})
    assert sent.status_code == 200
    html = sent.content.decode()
    assert 'class="error-summary"' in html
    assert 'class="field__error"' in html
    assert 'value="Tolvan"' in html
    assert not Case.objects.exists()
