"""Order of steps in the web form (OWASP ASVS 2.3.1): a crafted POST cannot skip, reorder or replay steps.

Each test posts what a browser never would: a later step's management form on an earlier
step, the final send before the check page, a step whose condition is false, a tampered
current-step field, a sent run posted again. None of them makes a case it should not.
"""

import pytest

from contactcentre.models import Case
from eservices.wizard import CHECK_STEP, DONE_STEP, RESEND_BUTTON
from tests.eservices.test_wizard_engine import CONTACT, QUESTION, SLUG
from tests.eservices.wizard_helpers import WizardRun

pytestmark = pytest.mark.django_db

SYNPUNKTER = "synpunkter-och-klagomal"
OPINION = {"kind": "praise", "area": 5, "message": "Biblioteket har fina öppettider."}
CONTACT_DETAILS = {"name": "Tolvan Tolvansson", "wants_answer": "yes", "answer_by": "email"}
CONTACT_DETAILS["email"] = "tolvan@example.com"


def _ends_at(response, step):
    return response.status_code == 302 and response["Location"].endswith(f"/{step}/")


def _back_at(run, response, step):
    """Sent back to ``step``: redirected there, or shown its form again (with the errors)."""
    if response.status_code == 302:
        return response["Location"].endswith(f"/{step}/")
    html = response.content.decode()
    return response.status_code == 200 and f'name="{run.prefix}-current_step" value="{step}"' in html


def test_a_later_steps_form_posted_on_the_first_step_skips_nothing(client, eservice_page):
    run = WizardRun(client, eservice_page(SYNPUNKTER))
    # Step 2's and step 3's management forms and answers, posted to step 1's address.
    second = {f"{run.prefix}-current_step": "anonym", "anonym-anonymous": "no"}
    assert _back_at(run, client.post(run.url("synpunkt"), second), "synpunkt")
    later = {f"{run.prefix}-current_step": "kontakt"}
    later.update({f"kontakt-{key}": value for key, value in CONTACT_DETAILS.items()})
    response = client.post(run.url("synpunkt"), later)
    # Refused (the step does not apply before step 2 is answered) or sent back: never stored.
    assert response.status_code == 400 or _back_at(run, response, "synpunkt")
    # Every way onwards leads back to the step not answered yet.
    for step in ["anonym", "kontakt", CHECK_STEP]:
        assert _ends_at(client.get(run.url(step)), "synpunkt"), step
    assert client.get(run.url(DONE_STEP)).status_code == 404  # nothing was stored
    assert _back_at(run, run.post(CHECK_STEP), "synpunkt")
    # With step 1 answered, step 3 posted again on step 2 still leaves step 2 to answer.
    run.answer("synpunkt", OPINION, then="anonym")
    response = client.post(run.url("anonym"), later)
    assert response.status_code == 400 or _back_at(run, response, "anonym")
    assert _ends_at(client.get(run.url(CHECK_STEP)), "anonym")
    assert _back_at(run, run.post(CHECK_STEP), "anonym")
    assert _ends_at(client.get(run.url(DONE_STEP)), "anonym")
    assert not Case.objects.exists()
    # Nothing was kept from the early posts: step 2 and 3 are still empty.
    run.answer("anonym", {"anonymous": "no"}, then="kontakt")
    assert "Tolvan" not in client.get(run.url("kontakt")).content.decode()


def test_the_final_send_before_the_check_page_makes_no_case(client, eservice_page):
    run = WizardRun(client, eservice_page(SLUG))
    # "Send" while still on step 1: the check step's form is empty, and valid, but nothing is answered.
    assert _back_at(run, run.post(CHECK_STEP), "fraga")
    run.answer("fraga", QUESTION, then="kontakt")
    response = run.post(CHECK_STEP)
    if _ends_at(response, DONE_STEP):
        response = client.get(response["Location"])
    assert _back_at(run, response, "kontakt")
    assert not Case.objects.exists()
    # The done address before the check step was sent: back to the check page, still no case.
    run.answer("kontakt", CONTACT, then=CHECK_STEP)
    assert _ends_at(client.get(run.url(DONE_STEP)), CHECK_STEP)
    assert not Case.objects.exists()
    # Only the check step's own send makes the case, once.
    run.send()
    assert Case.objects.count() == 1


def test_an_answer_changed_after_the_send_needs_the_check_page_again(client, eservice_page):
    run = WizardRun(client, eservice_page(SLUG))
    run.answer("fraga", QUESTION)
    run.answer("kontakt", CONTACT)
    assert _ends_at(run.post(CHECK_STEP), DONE_STEP)  # the case is made when the done page is fetched
    run.answer("fraga", {**QUESTION, "subject": "Bygglov för altan"})
    assert _ends_at(client.get(run.url(DONE_STEP)), CHECK_STEP)
    assert not Case.objects.exists()
    run.send()
    assert Case.objects.get().answers["fraga"]["subject"] == "Bygglov för altan"


def test_going_to_the_check_step_by_the_goto_button_skips_nothing(client, eservice_page):
    run = WizardRun(client, eservice_page(SLUG))
    response = client.post(run.url("fraga"), {"wizard_goto_step": CHECK_STEP})
    assert _ends_at(client.get(response["Location"]), "fraga")
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    "tampered",
    ["skickat", "starta", "fel", "FRAGA", "anonym", "0", "-1", "fraga\x00", "../kontakt", "x" * 1000],
)
def test_a_tampered_current_step_is_refused_and_the_run_goes_on(client, eservice_page, tampered):
    run = WizardRun(client, eservice_page(SLUG))
    run.answer("fraga", QUESTION, then="kontakt")
    response = client.post(
        run.url("kontakt"),
        {f"{run.prefix}-current_step": tampered, **{f"kontakt-{k}": v for k, v in CONTACT.items()}},
    )
    assert response.status_code == 400
    assert not Case.objects.exists()
    # Nothing stored under the tampered name: the run continues where it was.
    run.answer("kontakt", CONTACT, then=CHECK_STEP)
    run.send()
    assert Case.objects.count() == 1


def test_a_step_whose_condition_is_false_is_refused(client, eservice_page):
    run = WizardRun(client, eservice_page(SYNPUNKTER))
    run.answer("synpunkt", OPINION, then="anonym")
    run.answer("anonym", {"anonymous": "yes"}, then=CHECK_STEP)
    # The contact step applies only to a citizen who is not anonymous.
    response = run.post("kontakt", CONTACT_DETAILS)
    assert response.status_code == 400
    run.send()
    case = Case.objects.get()
    assert "kontakt" not in case.answers
    assert case.contact_email == ""


def test_answers_of_a_step_that_stopped_applying_are_not_sent(client, eservice_page):
    run = WizardRun(client, eservice_page(SYNPUNKTER))
    run.answer("synpunkt", OPINION, then="anonym")
    run.answer("anonym", {"anonymous": "no"}, then="kontakt")
    run.answer("kontakt", CONTACT_DETAILS, then=CHECK_STEP)
    # Changed to anonymous afterwards, by a post to the earlier step: the contact details stay behind.
    run.answer("anonym", {"anonymous": "yes"})
    run.send()
    case = Case.objects.get()
    assert "kontakt" not in case.answers
    assert "Tolvan" not in str(case.answers) and case.contact_email == ""


def test_a_replayed_send_makes_no_second_case(client, eservice_page):
    run = WizardRun(client, eservice_page(SLUG))
    run.answer("fraga", QUESTION)
    run.answer("kontakt", CONTACT)
    run.send()
    case = Case.objects.get()
    # Every post of the run replayed, in order, then the done address again.
    run.post("fraga", QUESTION)
    run.post("kontakt", CONTACT)
    assert run.post(CHECK_STEP).status_code == 200  # "you have already sent this form"
    receipt = client.get(run.url(DONE_STEP))
    assert case.reference in receipt.content.decode()
    assert Case.objects.count() == 1


def test_a_replayed_send_from_another_browser_makes_no_case(client, eservice_page):
    from django.test import Client

    run = WizardRun(client, eservice_page(SLUG))
    run.answer("fraga", QUESTION)
    run.answer("kontakt", CONTACT)
    run.send()
    stranger = Client()
    for step, data in [("fraga", QUESTION), ("kontakt", CONTACT), (CHECK_STEP, {})]:
        payload = {f"{run.prefix}-current_step": step, **{f"{step}-{k}": v for k, v in data.items()}}
        response = stranger.post(run.url(step), payload)
        assert response.status_code == 302 and response["Location"].endswith("/starta/")
    assert stranger.get(run.url(DONE_STEP)).status_code == 302
    assert Case.objects.count() == 1


def test_a_replayed_send_as_new_case_makes_one_new_case(client, eservice_page):
    """The "send the changes as a new case" button, clicked twice (or the post replayed)."""
    run = WizardRun(client, eservice_page(SLUG))
    run.answer("fraga", QUESTION)
    run.answer("kontakt", CONTACT)
    run.send()
    run.post("fraga", {**QUESTION, "subject": "Bygglov för altan"})
    for _ in range(3):
        response = client.post(run.url(CHECK_STEP), {RESEND_BUTTON: "new"})
        assert response.status_code in (200, 302)
        if response.status_code == 302:
            client.get(response["Location"], follow=True)
    assert Case.objects.count() == 2
    assert Case.objects.filter(answers__fraga__subject="Bygglov för altan").count() == 1
