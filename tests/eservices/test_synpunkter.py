"""Synpunkter och klagomål: routed by the area the citizen chooses; anonymous means no contact step."""

from django.core import mail

import pytest

from contactcentre.models import Case
from eservices.submission import build_new_case
from tests.eservices.demo_forms import eservice, form_class, label_of
from tests.eservices.wizard_helpers import WizardRun, assert_field_error, in_swedish

pytestmark = pytest.mark.django_db
SLUG = "synpunkter-och-klagomal"

MESSAGE = {
    "kind": "complaint",
    "area": "3",
    "about": "Ekorrens förskola",
    "message": "Det är för få pedagoger på eftermiddagarna.",
}
CONTACT = {
    "name": "Tolvan Tolvansson",
    "wants_answer": "yes",
    "answer_by": "email",
    "email": "tolvan@example.com",
}


@pytest.fixture
def page(eservice_page):
    return eservice_page(SLUG, 9)


def test_the_first_step_says_it_is_an_official_record_and_anonymous_gets_no_answer(client, page):
    run = WizardRun(client, page)
    html = client.get(run.first_url).content.decode()
    assert "allmän handling" in html
    assert (
        in_swedish("Du kan vara anonym, men anonyma meddelanden får inget svar, eftersom vi inte kan nå dig.")
        in html
    )
    for digit in (1, 2, 3, 4, 5, 9):
        assert f'name="synpunkt-area" value="{digit}"' in html


def test_a_complaint_goes_to_the_area_chosen_and_its_department(client, page):
    run = WizardRun(client, page)
    run.answer("synpunkt", MESSAGE, then="anonym")
    run.answer("anonym", {"anonymous": "no"}, then="kontakt")
    run.answer("kontakt", CONTACT, then="kontrollera")
    assert "för få pedagoger" in run.check_page()
    response = run.send()

    case = Case.objects.get()
    assert case.reference in response.content.decode()
    assert case.title == f"{label_of(SLUG, 'synpunkt', 'kind', 'complaint')}: Ekorrens förskola"
    # Routed by area: the e-service's default is 9 (Allmänna frågor), the citizen chose 3.
    assert eservice(SLUG).service_area_digit == 9
    assert case.service_area.menu_digit == 3
    assert case.department.name == "Utbildningsförvaltningen"
    assert not case.confidential
    assert case.answers["synpunkt"] == {**MESSAGE, "area": 3}
    assert case.answers["kontakt"]["answer_by"] == "email"
    assert [s["name"] for s in case.form_snapshot["steps"]] == ["synpunkt", "anonym", "kontakt"]
    assert case.form_snapshot["version"] == "synpunkter-och-klagomal@1"
    assert (case.contact_name, case.contact_email) == ("Tolvan Tolvansson", "tolvan@example.com")
    assert case.retain_until is None  # official records are kept
    assert len(mail.outbox) == 1 and case.reference in mail.outbox[0].subject


def test_an_anonymous_message_has_no_contact_step_and_no_contact_details(client, page):
    run = WizardRun(client, page)
    run.answer("synpunkt", {**MESSAGE, "kind": "praise", "area": "2", "about": ""})
    response = run.answer("anonym", {"anonymous": "yes"}, then="kontrollera")
    check = client.get(response["Location"]).content.decode()
    assert "kontakt-name" not in check and "/kontakt/" not in check
    run.send()

    case = Case.objects.get()
    assert "kontakt" not in case.answers
    assert (case.contact_name, case.contact_email, case.contact_phone) == ("", "", "")
    # Social services is a confidential area: the case goes straight to its department.
    assert case.service_area.menu_digit == 2
    assert case.department.name == "Socialförvaltningen"
    assert case.confidential
    assert mail.outbox == []


def test_something_else_stays_with_the_contact_centre(client, page):
    run = WizardRun(client, page)
    run.answer("synpunkt", {**MESSAGE, "kind": "suggestion", "area": "9"})
    run.answer("anonym", {"anonymous": "no"})
    run.answer("kontakt", {"name": "Tolvan Tolvansson", "wants_answer": "no"}, then="kontrollera")
    run.send()
    case = Case.objects.get()
    assert case.service_area.menu_digit == 9
    assert case.department.name == "Kontaktcenter"
    assert case.answers["kontakt"]["answer_by"] == ""
    assert case.contact_name == "Tolvan Tolvansson"


def test_choosing_anonymous_at_the_check_step_drops_the_contact_details(client, page):
    run = WizardRun(client, page)
    run.answer("synpunkt", MESSAGE)
    run.answer("anonym", {"anonymous": "no"})
    run.answer("kontakt", CONTACT)
    assert "tolvan@example.com" in run.check_page()
    client.get(run.url("anonym") + "?andra=1")
    run.answer("anonym", {"anonymous": "yes"}, then="kontrollera")
    assert "tolvan@example.com" not in run.check_page()
    run.send()
    case = Case.objects.get()
    assert "kontakt" not in case.answers
    assert case.contact_email == ""


def test_invalid_answers_get_messages_beside_the_fields(client, page):
    run = WizardRun(client, page)
    response = run.post("synpunkt", {"kind": "complaint", "area": "7", "message": ""})
    assert_field_error(
        response,
        "id_synpunkt-area",
        "Välj vilket område ditt meddelande gäller",
    )
    assert_field_error(response, "id_synpunkt-message", "Skriv ditt meddelande")
    run.answer("synpunkt", MESSAGE)
    response = run.post("anonym", {})
    assert_field_error(response, "id_anonym-anonymous", "Välj om du vill vara anonym")
    run.answer("anonym", {"anonymous": "no"})

    response = run.post("kontakt", {"name": "Tolvan Tolvansson", "wants_answer": "yes"})
    assert_field_error(response, "id_kontakt-answer_by", "Choose how you want the answer.")
    assert 'value="Tolvan Tolvansson"' in response.content.decode()
    response = run.post("kontakt", {"name": "Tolvan Tolvansson", "wants_answer": "yes", "answer_by": "phone"})
    assert_field_error(
        response, "id_kontakt-phone", "Enter your phone number, or choose another way to get the answer."
    )
    response = run.post("kontakt", {"wants_answer": "no"})
    assert_field_error(response, "id_kontakt-name", "Skriv ditt namn")
    assert Case.objects.count() == 0


def test_the_message_step_alone():
    MessageForm = form_class(SLUG, "synpunkt")  # noqa: N806 -- a class
    assert MessageForm(data={**MESSAGE}).is_valid()
    form = MessageForm(data={**MESSAGE, "area": "9"})
    assert form.is_valid() and form.cleaned_data["area"] == 9


def test_build_new_case_follows_the_chosen_area_and_otherwise_the_eservice():
    """The routing rule itself, as the wizard and the API share it."""
    feedback = eservice(SLUG)
    forms_by_step = {"synpunkt": form_class(SLUG, "synpunkt")(data={**MESSAGE, "area": "5"}), "anonym": None}
    forms_by_step["anonym"] = feedback.step("anonym").form_class(data={"anonymous": "yes"})
    for form in forms_by_step.values():
        assert form.is_valid()
    new = build_new_case(feedback, forms_by_step, channel="web", language="sv")
    assert new.service_area.menu_digit == 5
    assert new.department is None  # open_case takes the area's default department
    assert new.identity_verified is False

    fault = eservice("felanmalan")
    place_forms = {
        "fel": fault.step("fel").form_class(data={"kind": "street", "description": "Hål"}),
        "plats": fault.step("plats").form_class(data={"location": "Storgatan 1"}),
    }
    for form in place_forms.values():
        assert form.is_valid()
    new = build_new_case(fault, place_forms, channel="web", language="sv")
    assert new.service_area.menu_digit == 4
    assert new.department.name == "Teknik"
