"""Abuse of the e-services: submissions share the API's rate limit, save-for-later mails are
limited per client and per recipient, and a filled-in honeypot is refused."""

import json
import logging
import re

from django.contrib.auth.models import Permission
from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.html import escape

import pytest

from contactcentre.models import Case
from core.models import RateLimitBucket
from core.ratelimit import client_key
from eservices.models import Draft
from eservices.views import _wait_message
from eservices.wizard import CHECK_STEP
from tests.api.conftest import submit as api_submit
from tests.eservices.test_wizard_engine import CONTACT, QUESTION, SLUG, post_step, start, step_url

pytestmark = pytest.mark.django_db

FRAGA = {"fraga": QUESTION, "kontakt": CONTACT}


def fill_in(client, page):
    """A run with every step answered, at its check step; returns its first step's URL."""
    url = start(client, page)
    assert post_step(client, url, "fraga", QUESTION).status_code == 302
    assert post_step(client, step_url(url, "kontakt"), "kontakt", CONTACT).status_code == 302
    return url


def current_step(url, step) -> dict:
    """formtools' management field of the run whose first step is ``url``."""
    return {f"{SLUG}_{url.split('/')[-3].replace('-', '')}-current_step": step}


def send(client, url):
    """The final "send": the check step, then the receipt (or what the site answers instead)."""
    response = post_step(client, step_url(url, CHECK_STEP), CHECK_STEP, {})
    assert response.status_code == 302
    return client.get(response["Location"], follow=True)


def security_events(caplog, kind):
    return [
        json.loads(record.getMessage())
        for record in caplog.records
        if record.name == "kommunportal.security" and f'"event": "{kind}"' in record.getMessage()
    ]


# --- submissions --------------------------------------------------------------------------------
def test_forty_web_submissions_from_one_address_make_at_most_the_limit_of_cases(
    client, eservice_page, settings, caplog
):
    caplog.set_level(logging.INFO, logger="kommunportal.security")
    limit, _window = settings.RATE_LIMITS["submission"]
    page = eservice_page(SLUG, 9)
    statuses = []
    for _ in range(40):
        response = send(client, fill_in(client, page))
        statuses.append(response.status_code)
    assert Case.objects.count() == limit == 30
    assert statuses == [200] * limit + [429] * (40 - limit)
    html = response.content.decode()
    assert "<h1>För många försök</h1>" in html
    assert 0 < int(response["Retry-After"]) <= 3600
    # One event for the window's first refusal, naming the scope and never the address.
    [event] = security_events(caplog, "ratelimit.hit")
    assert event["scope"] == "submission" and event["per"] == "client"
    assert "127.0.0.1" not in json.dumps(event)


def test_a_refused_run_keeps_its_answers_and_sends_once_the_window_has_passed(
    client, eservice_page, settings
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "submission": (1, 3600)}
    page = eservice_page(SLUG, 9)
    send(client, fill_in(client, page))
    url = fill_in(client, page)
    assert send(client, url).status_code == 429
    check = client.get(step_url(url, CHECK_STEP)).content.decode()
    assert QUESTION["subject"] in check and CONTACT["name"] in check
    RateLimitBucket.objects.all().delete()  # the hour has passed
    receipt = send(client, url)
    assert receipt.status_code == 200
    assert Case.objects.count() == 2
    assert Case.objects.latest("pk").reference in receipt.content.decode()


def test_the_web_form_and_the_api_share_one_budget(client, eservice_page, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "submission": (3, 3600)}
    page = eservice_page(SLUG, 9)
    assert api_submit(client, SLUG, FRAGA).status_code == 201
    assert api_submit(client, SLUG, FRAGA).status_code == 201
    assert send(client, fill_in(client, page)).status_code == 200
    assert send(client, fill_in(client, page)).status_code == 429
    assert api_submit(client, SLUG, FRAGA).status_code == 429
    assert Case.objects.count() == 3
    # Another address has a budget of its own.
    other = Client(REMOTE_ADDR="198.51.100.23")
    assert send(other, fill_in(other, page)).status_code == 200


def test_staff_filling_in_for_walk_in_visitors_are_not_limited_by_the_desks_address(
    client, eservice_page, settings, django_user_model
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "submission": (1, 3600)}
    page = eservice_page(SLUG, 9)
    send(client, fill_in(client, page))  # a citizen at the contact centre's address used it up
    agent = django_user_model.objects.create_user("desk-agent", password="x")
    agent.user_permissions.add(Permission.objects.get(codename="work_queue"))
    desk = Client()
    desk.force_login(agent)
    for subject in ["Bygglov", "Hemtjänst", "Parkering"]:
        url = desk.get(page.url + "besok/")["Location"]
        post_step(desk, url, "fraga", {**QUESTION, "subject": subject})
        post_step(desk, step_url(url, "kontakt"), "kontakt", CONTACT)
        response = post_step(desk, step_url(url, CHECK_STEP), CHECK_STEP, {"visitor_consent": "on"})
        assert desk.get(response["Location"], follow=True).status_code == 200
    assert Case.objects.filter(opened_by=agent).count() == 3
    # The same staff member filling in a form of their own, not for a visitor, is counted.
    assert send(desk, fill_in(desk, page)).status_code == 429


# --- save for later -----------------------------------------------------------------------------
def save_url(client, page):
    url = start(client, page)
    post_step(client, url, "fraga", QUESTION)
    response = client.post(
        step_url(url, "kontakt"),
        {**current_step(url, "kontakt"), "kontakt-name": "Tolvan", "wizard_save": "1"},
    )
    assert response.status_code == 302 and "/spara/" in response["Location"]
    return url, response["Location"]


def test_resume_links_to_one_address_are_limited_from_any_client(eservice_page, settings, caplog):
    caplog.set_level(logging.INFO, logger="kommunportal.security")
    assert settings.RATE_LIMITS["resume-email-address"] == (3, 3600)
    page = eservice_page(SLUG, 9)
    victim = "Offer@Example.com"
    for n in range(3):
        visitor = Client(REMOTE_ADDR=f"203.0.113.{n + 1}")
        _url, save = save_url(visitor, page)
        assert visitor.post(save, {"email": victim}).status_code == 200
    assert len(mail.outbox) == 3

    visitor = Client(REMOTE_ADDR="203.0.113.99")
    url, save = save_url(visitor, page)
    response = visitor.post(save, {"email": victim.lower()})
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    html = response.content.decode()
    with translation.override("sv"):
        message = escape(_wait_message(int(response["Retry-After"])))
    beside_the_field = re.search(r'id="id_email_error">(.*?)</p>', html, re.S).group(1)
    assert message in beside_the_field
    assert len(mail.outbox) == 3 and Draft.objects.count() == 3
    # Nothing typed is lost: the run and its half-typed step are still there.
    step = visitor.get(step_url(url, "kontakt")).content.decode()
    assert 'value="Tolvan"' in step
    # The address is never stored, not even in the counters or the security log.
    keys = " ".join(RateLimitBucket.objects.values_list("key", flat=True))
    assert "example" not in keys.lower() and "offer" not in keys.lower()
    [event] = security_events(caplog, "ratelimit.hit")
    assert event["scope"] == "resume-email-address" and event["per"] == "recipient"
    assert "offer" not in json.dumps(event).lower()


def test_resume_links_from_one_client_are_limited(client, eservice_page, settings):
    assert settings.RATE_LIMITS["resume-email"] == (10, 3600)
    page = eservice_page(SLUG, 9)
    url, save = save_url(client, page)
    for n in range(10):
        assert client.post(save, {"email": f"person{n}@example.com"}).status_code == 200
    response = client.post(save, {"email": "person10@example.com"})
    assert response.status_code == 429
    assert len(mail.outbox) == 10
    assert 'value="Tolvan"' in client.get(step_url(url, "kontakt")).content.decode()


# --- honeypot -----------------------------------------------------------------------------------
def test_every_step_has_the_honeypot_and_a_filled_one_is_refused_quietly(client, eservice_page, caplog):
    caplog.set_level(logging.INFO, logger="kommunportal.security")
    page = eservice_page(SLUG, 9)
    url = start(client, page)
    html = client.get(url).content.decode()
    trap = re.search(r'<div class="kp-trap" aria-hidden="true">.*?</div>', html, re.S).group(0)
    assert 'tabindex="-1"' in trap and 'autocomplete="off"' in trap and 'name="kp_homepage"' in trap

    payload = current_step(url, "fraga")
    payload.update({f"fraga-{key}": value for key, value in QUESTION.items()})
    response = client.post(url, {**payload, "kp_homepage": "http://spam.example"})
    assert response.status_code == 400
    assert "<h1>Vi kunde inte läsa det som skickades</h1>" in response.content.decode()
    [event] = security_events(caplog, "honeypot.triggered")
    assert event["form"] == f"eservice:{SLUG}"
    # Nothing was stored: the run is still at its first step.
    assert client.get(step_url(url, "kontakt"))["Location"].endswith("/fraga/")

    assert client.post(url, {**payload, "kp_homepage": ""}).status_code == 302
    post_step(client, step_url(url, "kontakt"), "kontakt", CONTACT)
    check = client.get(step_url(url, CHECK_STEP)).content.decode()
    assert 'name="kp_homepage"' in check
    response = client.post(step_url(url, CHECK_STEP), {**current_step(url, CHECK_STEP), "kp_homepage": "x"})
    assert response.status_code == 400
    assert not Case.objects.exists()


def test_save_for_later_has_the_honeypot(client, eservice_page):
    page = eservice_page(SLUG, 9)
    _url, save = save_url(client, page)
    assert 'name="kp_homepage"' in client.get(save).content.decode()
    assert client.post(save, {"email": "tolvan@example.com", "kp_homepage": "x"}).status_code == 400
    assert not mail.outbox and not Draft.objects.exists()


def test_the_client_key_is_a_hash():
    class Request:
        META = {"REMOTE_ADDR": "203.0.113.5"}
        headers = {}

    assert "203.0.113.5" not in client_key(Request(), "submission")
