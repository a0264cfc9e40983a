"""Sending a finished run again: told it was sent, shown what changed, and offered a new case or a message."""

import re

from django.contrib.auth.models import Permission
from django.core import mail
from django.test import Client

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contactcentre.models import Case, CaseEvent
from contactcentre.models.cases import Channel, Status
from eservices.wizard import CHECK_STEP, DONE_STEP, RESEND_BUTTON
from tests.eservices.test_wizard_engine import CONTACT, QUESTION, SLUG, finish, post_step, step_url
from tests.eservices.wizard_helpers import in_swedish

pytestmark = pytest.mark.django_db

ALREADY_SENT = "You have already sent this form"
CHANGED = {**QUESTION, "subject": "Bygglov för altan"}


def resend(client, url, choice):
    return client.post(step_url(url, CHECK_STEP), {RESEND_BUTTON: choice})


def change_after_sending(client, page):
    """Finish a run, then (as after the browser's back button) send its first step again, changed."""
    url, done_url, _ = finish(client, page)
    response = post_step(client, url, "fraga", CHANGED)
    return url, done_url, response


def test_a_changed_answer_after_sending_is_not_dropped_but_shown_against_the_sent_case(client, eservice_page):
    page = eservice_page(SLUG, 9)
    _, done_url, response = change_after_sending(client, page)
    case = Case.objects.get()
    assert response.status_code == 200
    html = response.content.decode()
    assert in_swedish(ALREADY_SENT) in html
    assert case.reference in html
    assert 'role="alert"' in html
    assert re.search(r"<h1[^>]*>", html)
    # What changed: the question, with the answer sent and the answer now.
    assert "Parkeringstillstånd" in html and "Bygglov för altan" in html
    assert "Tolvan Tolvansson" not in html  # unchanged answers are not listed
    assert f'name="{RESEND_BUTTON}" value="new"' in html
    assert f'name="{RESEND_BUTTON}" value="message"' in html
    assert Case.objects.count() == 1
    assert Case.objects.get().answers["fraga"]["subject"] == "Parkeringstillstånd"


def test_sending_again_from_the_check_step_says_it_was_already_sent(client, eservice_page):
    page = eservice_page(SLUG, 9)
    url, _, _ = finish(client, page)
    response = post_step(client, step_url(url, CHECK_STEP), CHECK_STEP, {})
    assert response.status_code == 200
    html = response.content.decode()
    assert in_swedish(ALREADY_SENT) in html
    assert Case.objects.get().reference in html
    assert in_swedish("You have not changed any answers.") in html
    assert RESEND_BUTTON not in html  # nothing to send
    assert Case.objects.count() == 1


def test_going_back_after_sending_shows_the_answers_and_that_they_were_sent(client, eservice_page):
    page = eservice_page(SLUG, 9)
    url, _, _ = finish(client, page)
    html = client.get(step_url(url, "fraga")).content.decode()
    assert 'value="Parkeringstillstånd"' in html
    assert Case.objects.get().reference in html
    assert "wizard_save" not in html


def test_the_changes_become_a_new_case_with_receipt_and_email(client, eservice_page):
    page = eservice_page(SLUG, 9)
    url, _, _ = change_after_sending(client, page)
    first = Case.objects.get()
    response = resend(client, url, "new")
    assert response.status_code == 302
    receipt = client.get(response["Location"], follow=True)
    assert Case.objects.count() == 2
    new = Case.objects.exclude(pk=first.pk).get()
    assert new.run_id != first.run_id
    assert new.answers["fraga"]["subject"] == "Bygglov för altan"
    assert new.answers["kontakt"]["name"] == "Tolvan Tolvansson"
    assert new.channel == Channel.WEB
    assert new.events.filter(kind=CaseEvent.CREATED).exists()
    html = receipt.content.decode()
    assert new.reference in html and new.status_token() in html
    assert [m.subject for m in mail.outbox if new.reference in m.subject]
    # The new case is sent too: going back and sending again is caught for it as well.
    assert resend(client, url, "new").status_code in (200, 302)
    assert Case.objects.count() == 2


def test_the_changes_become_a_message_on_the_sent_case_and_back_in_the_queue(client, eservice_page):
    page = eservice_page(SLUG, 9)
    url, _, _ = change_after_sending(client, page)
    case = Case.objects.get()
    Case.objects.filter(pk=case.pk).update(status=Status.WAITING)
    response = resend(client, url, "message")
    assert response.status_code == 302
    assert case.reference in response["Location"]
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS
    message = case.events.get(kind=CaseEvent.CITIZEN_MESSAGE)
    assert message.public and message.direction == CaseEvent.INCOMING
    assert "Parkeringstillstånd" in message.text and "Bygglov för altan" in message.text
    assert "Tolvan" not in message.text
    status = client.get(response["Location"])
    assert "Bygglov för altan" in status.content.decode()
    assert Case.objects.count() == 1
    # A second click adds nothing more.
    resend(client, url, "message")
    assert case.events.filter(kind=CaseEvent.CITIZEN_MESSAGE).count() == 1


def test_a_closed_case_takes_no_message_but_a_new_case(client, eservice_page):
    page = eservice_page(SLUG, 9)
    url, _, response = change_after_sending(client, page)
    case = Case.objects.get()
    Case.objects.filter(pk=case.pk).update(status=Status.CLOSED)
    html = post_step(client, url, "fraga", CHANGED).content.decode()
    assert 'value="message"' not in html
    assert 'value="new"' in html
    resend(client, url, "message")
    assert not case.events.filter(kind=CaseEvent.CITIZEN_MESSAGE).exists()


def test_only_the_session_that_sent_the_run_may_resend_it(client, eservice_page):
    page = eservice_page(SLUG, 9)
    url, _, _ = change_after_sending(client, page)
    stranger = Client()
    for choice in ("message", "new"):
        response = resend(stranger, url, choice)
        assert response.status_code == 302 and response["Location"].endswith("/starta/")
    assert Case.objects.count() == 1
    assert not CaseEvent.objects.filter(kind=CaseEvent.CITIZEN_MESSAGE).exists()


def test_an_invalid_change_after_sending_shows_errors_and_keeps_the_notice(client, eservice_page):
    page = eservice_page(SLUG, 9)
    url, _, _ = finish(client, page)
    response = post_step(client, url, "fraga", {**QUESTION, "subject": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert Case.objects.get().reference in html


@pytest.fixture
def agent_client(django_user_model):
    agent = django_user_model.objects.create_user("resend-agent", password="x")
    agent.user_permissions.add(Permission.objects.get(codename="work_queue"))
    client = Client()
    client.force_login(agent)
    client.agent = agent
    return client


def test_assisted_changes_need_the_visitors_consent_again_and_messages_name_the_staff(
    agent_client, eservice_page
):
    page = eservice_page(SLUG, 9)
    url = agent_client.get(page.url + "besok/")["Location"]
    post_step(agent_client, url, "fraga", QUESTION)
    post_step(agent_client, step_url(url, "kontakt"), "kontakt", CONTACT)
    sent = post_step(agent_client, step_url(url, CHECK_STEP), CHECK_STEP, {"visitor_consent": "on"})
    agent_client.get(sent["Location"])
    case = Case.objects.get()

    notice = post_step(agent_client, url, "fraga", CHANGED)
    assert in_swedish(ALREADY_SENT) in notice.content.decode()

    response = resend(agent_client, url, "new")
    assert response["Location"].endswith(f"/{CHECK_STEP}/")  # the visitor agrees again
    check = agent_client.get(response["Location"]).content.decode()
    assert "visitor_consent" in check and "Bygglov för altan" in check
    assert Case.objects.count() == 1
    new_check = response["Location"]
    post_step(agent_client, new_check, CHECK_STEP, {"visitor_consent": "on"})
    agent_client.get(new_check.replace(f"/{CHECK_STEP}/", f"/{DONE_STEP}/"))
    new = Case.objects.exclude(pk=case.pk).get()
    assert new.channel == Channel.VISIT and new.opened_by == agent_client.agent and new.visitor_consent

    resend(agent_client, url, "message")
    message = case.events.get(kind=CaseEvent.CITIZEN_MESSAGE)
    assert message.actor == agent_client.agent


def test_whatever_is_posted_to_a_sent_run_there_is_no_server_error(client, eservice_page):
    page = eservice_page(SLUG, 9)
    url, _, _ = finish(client, page)
    prefix = f"{SLUG}_{url.rstrip('/').split('/')[-2].replace('-', '')}"

    @settings(max_examples=60, deadline=None)
    @given(
        choice=st.one_of(st.sampled_from(["new", "message", ""]), st.text(max_size=20)),
        step=st.sampled_from(["fraga", "kontakt", CHECK_STEP, "nope", ""]),
        subject=st.text(max_size=300),
    )
    def post(choice, step, subject):
        data = {f"{prefix}-current_step": step, "fraga-subject": subject, "fraga-question": "Fråga"}
        if choice:
            data[RESEND_BUTTON] = choice
        response = client.post(step_url(url, step or "fraga"), data)
        assert response.status_code < 500

    post()


@pytest.mark.usefixtures("private_root")
def test_a_new_case_from_a_fault_report_keeps_its_photos_and_a_message_carries_a_new_one(
    client, eservice_page, settings
):
    from tests.eservices.test_felanmalan import FAULT, PLACE, REPORTER
    from tests.eservices.wizard_helpers import WizardRun, image_file

    run = WizardRun(client, eservice_page("felanmalan", 4))
    run.answer("fel", FAULT, then="plats")
    run.answer("plats", PLACE, then="bilder")
    run.answer("bilder", {"photo_1": image_file("lykta.png")}, then="kontakt")
    run.answer("kontakt", REPORTER, then=CHECK_STEP)
    run.send()
    first = Case.objects.get()

    # A new photo and a changed place: shown as changes, the photo sent first is not.
    assert run.post("bilder", {"photo_2": image_file("gatan.jpg", "JPEG")}).status_code == 200
    html = run.post("plats", {"location": "Storgatan 14"}).content.decode()
    assert "gatan.jpg" in html and "Storgatan 14" in html and "lykta.png" not in html

    response = client.post(run.url(CHECK_STEP), {RESEND_BUTTON: "message"})
    assert response.status_code == 302
    message = first.events.get(kind=CaseEvent.CITIZEN_MESSAGE)
    assert "Storgatan 14" in message.text
    assert first.attachments.filter(field=f"message:{message.pk}", original_name="gatan.jpg").exists()

    response = client.post(run.url(CHECK_STEP), {RESEND_BUTTON: "new"})
    client.get(response["Location"], follow=True)
    new = Case.objects.exclude(pk=first.pk).get()
    assert new.answers["plats"]["location"] == "Storgatan 14"
    assert new.answers["bilder"]["photo_1"] == "lykta.png"
    assert new.answers["bilder"]["photo_2"] == "gatan.jpg"
    assert sorted(a.original_name for a in new.attachments.all()) == ["gatan.jpg", "lykta.png"]
    wizard_uploads = settings.PRIVATE_MEDIA_ROOT / "wizard-uploads"
    assert not wizard_uploads.exists() or not any(wizard_uploads.iterdir())
