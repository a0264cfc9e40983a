"""The wizard engine, through the simplest e-service: Fråga kontaktcenter."""

from django.core import mail

import pytest

from contactcentre.models import Case, CaseEvent
from eservices.wizard import CHECK_STEP

pytestmark = pytest.mark.django_db
SLUG = "fraga-kontaktcenter"


def start(client, page):
    response = client.get(page.url + "starta/")
    assert response.status_code == 302
    return response["Location"]  # .../steg/<run>/fraga/


def post_step(client, url, step, data):
    payload = {f"{prefix}-current_step": step for prefix in [_prefix(url)]}
    payload.update({f"{step}-{key}": value for key, value in data.items()})
    return client.post(url, payload)


def _prefix(url):
    run = url.rstrip("/").split("/")[-2]
    return f"{SLUG}_{run.replace('-', '')}"


def step_url(first_url, step):
    return first_url.rsplit("/", 2)[0] + f"/{step}/"


QUESTION = {"subject": "Parkeringstillstånd", "question": "Hur lång tid tar en ansökan?"}
CONTACT = {"name": "Tolvan Tolvansson", "answer_by": "email", "email": "tolvan@example.com"}


def finish(client, page):
    url = start(client, page)
    assert post_step(client, url, "fraga", QUESTION).status_code == 302
    response = post_step(client, step_url(url, "kontakt"), "kontakt", CONTACT)
    assert response["Location"].endswith(f"/{CHECK_STEP}/")
    response = post_step(client, step_url(url, CHECK_STEP), CHECK_STEP, {})
    done_url = response["Location"]
    assert done_url.endswith("/skickat/")
    response = client.get(done_url, follow=True)
    return url, done_url, response


def test_citizen_sends_a_question_and_gets_a_receipt_and_an_email(client, eservice_page):
    page = eservice_page(SLUG, 9)
    _, _, response = finish(client, page)
    case = Case.objects.get()
    html = response.content.decode()
    assert case.reference in html
    assert case.status_token() in html
    assert case.title == "Parkeringstillstånd"
    assert case.department.name == "Kontaktcenter"
    assert case.service_area.menu_digit == 9
    assert case.answers["fraga"]["question"] == "Hur lång tid tar en ansökan?"
    assert case.form_snapshot["version"] == "fraga-kontaktcenter@1"
    assert [s["name"] for s in case.form_snapshot["steps"]] == ["fraga", "kontakt"]
    assert case.events.filter(kind=CaseEvent.CREATED).exists()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert case.reference in message.subject
    assert case.status_token() in message.body
    assert "Tolvan" not in message.body and "Hur lång tid" not in message.body


def test_finishing_twice_shows_the_first_case(client, eservice_page):
    page = eservice_page(SLUG, 9)
    _, done_url, _ = finish(client, page)
    again = client.get(done_url)
    assert again.status_code == 200
    assert Case.objects.count() == 1
    assert Case.objects.get().reference in again.content.decode()


def test_missing_answers_get_errors_with_a_summary_and_keep_what_was_typed(client, eservice_page):
    page = eservice_page(SLUG, 9)
    url = start(client, page)
    post_step(client, url, "fraga", QUESTION)
    response = post_step(
        client, step_url(url, "kontakt"), "kontakt", {"name": "Tolvan", "answer_by": "phone"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'href="#id_kontakt-phone"' in html
    assert 'id="id_kontakt-phone_error"' in html
    assert 'value="Tolvan"' in html
    assert Case.objects.count() == 0


def test_change_link_returns_to_the_check_step(client, eservice_page):
    page = eservice_page(SLUG, 9)
    url = start(client, page)
    post_step(client, url, "fraga", QUESTION)
    post_step(client, step_url(url, "kontakt"), "kontakt", CONTACT)
    check = client.get(step_url(url, CHECK_STEP))
    assert "Parkeringstillstånd" in check.content.decode()
    client.get(step_url(url, "fraga") + "?andra=1")
    response = post_step(client, step_url(url, "fraga"), "fraga", {**QUESTION, "subject": "Bygglov"})
    assert response["Location"].endswith(f"/{CHECK_STEP}/")
    assert "Bygglov" in client.get(step_url(url, CHECK_STEP)).content.decode()


def test_two_runs_in_one_session_do_not_share_answers(client, eservice_page):
    page = eservice_page(SLUG, 9)
    first = start(client, page)
    post_step(client, first, "fraga", QUESTION)
    second = start(client, page)
    response = client.get(second)
    assert "Parkeringstillstånd" not in response.content.decode()
    # The first run still has its answer.
    assert "Parkeringstillstånd" in client.get(first).content.decode()


def test_a_run_from_another_session_starts_afresh(client, eservice_page, django_user_model):
    from django.test import Client

    page = eservice_page(SLUG, 9)
    url = start(client, page)
    post_step(client, url, "fraga", QUESTION)
    stranger = Client()
    response = stranger.get(url)
    assert response.status_code == 302
    assert response["Location"].endswith("/starta/")


def test_skipping_ahead_goes_back_to_the_first_unanswered_step(client, eservice_page):
    page = eservice_page(SLUG, 9)
    url = start(client, page)
    response = client.get(step_url(url, CHECK_STEP))
    assert response.status_code == 302
    assert response["Location"].endswith("/fraga/")


def test_sensitive_eservices_offer_a_quick_exit_on_every_step(client, eservice_page, monkeypatch):
    page = eservice_page(SLUG, 9)
    page.sensitive = True  # as an editor ticks it on the Handling tab
    page.save_revision().publish()
    assert 'class="leave-quickly"' in client.get(page.url).content.decode()
    url = start(client, page)
    html = client.get(url).content.decode()
    assert 'href="https://www.smhi.se/" rel="noreferrer"' in html


def test_ordinary_eservices_have_no_quick_exit(client, eservice_page):
    page = eservice_page(SLUG, 9)
    assert 'class="leave-quickly"' not in client.get(page.url).content.decode()
