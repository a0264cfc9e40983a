"""Ansökan om förskoleplats: guardians, the child, wishes and support, with conditional steps.

Personal identity numbers: only Skatteverket's published examples. 19121212-1212 (Tolvan
Tolvansson) and 19811218-9876 are adults; 19701063-2391 is a samordningsnummer. For the
child the tests use Tolvan's digits in 2012, 20121212-1212, which is a child only on some
days: so they set the e-service's ``today()`` to 2015-06-01 (see the ``day`` fixture).
"""

import datetime as dt

from django.core import mail

import pytest

from contactcentre.models import Case
from eservices import identity, validators
from eservices.validators import months_after
from tests.eservices.demo_forms import form_class
from tests.eservices.wizard_helpers import WizardRun, assert_field_error, in_swedish

pytestmark = pytest.mark.django_db
SLUG = "forskoleplats"
TODAY = dt.date(2015, 6, 1)

GUARDIAN = {
    "name": "Tolvan Tolvansson",
    "personal_number": "191212121212",
    "email": "tolvan@example.com",
    "phone": "070-000 00 00",
    "address": "Storgatan 1\n123 45 Exempelstad",
    "second_guardian": "yes",
}
SECOND_GUARDIAN = {
    "name": "Andra Vårdnadshavare",
    "personal_number": "19701063-2391",
    "email": "",
    "phone": "070-111 11 11",
}
CHILD = {"name": "Lilla Tolvansson", "personal_number": "20121212-1212"}
WISHES = {
    "start_date": "2015-09-01",
    "first_choice": "ekorren",
    "second_choice": "solrosen",
    "third_choice": "",
    "minority_language": "finska",
}


@pytest.fixture
def day(monkeypatch):
    """Today is 2015-06-01, when 20121212-1212 (Tolvan's digits, born 2012) is a child of two."""
    monkeypatch.setattr(validators, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def page(eservice_page):
    return eservice_page(SLUG, 3)


class SignedInAsTolvan:
    """A stand-in e-ID provider: the browser session belongs to Tolvan Tolvansson."""

    def identify(self, request):
        return identity.VerifiedIdentity("19121212-1212", "Tolvan Tolvansson", "test")


def apply(client, page, guardian=GUARDIAN, support="yes"):
    run = WizardRun(client, page)
    second = guardian["second_guardian"] == "yes"
    run.answer("vardnadshavare", guardian, then="vardnadshavare2" if second else "barnet")
    if second:
        run.answer("vardnadshavare2", SECOND_GUARDIAN, then="barnet")
    run.answer("barnet", CHILD, then="onskemal")
    run.answer("onskemal", WISHES, then="stod")
    run.answer("stod", {"needs_support": support}, then="stodbehov" if support == "yes" else "kontrollera")
    if support == "yes":
        run.answer("stodbehov", {"needs": "Hen behöver hjälp med att äta."}, then="kontrollera")
    return run


def test_an_application_with_two_guardians_and_support_becomes_a_case(client, page, day):
    run = apply(client, page)
    check = run.check_page()
    assert "Andra Vårdnadshavare" in check and "Ekorrens förskola, Norrby" in check
    response = run.send()

    case = Case.objects.get()
    assert case.reference in response.content.decode()
    assert case.title == "Förskoleplats från 2015-09-01"  # in the working language, Swedish
    assert case.service_area.menu_digit == 3
    assert case.department.name == "Utbildningsförvaltningen"
    assert (case.contact_name, case.contact_email, case.contact_phone) == (
        "Tolvan Tolvansson",
        "tolvan@example.com",
        "+46700000000",  # normalised (E.164)
    )
    assert case.identity_verified is False  # no e-ID yet: the department confirms guardianship
    assert [s["name"] for s in case.form_snapshot["steps"]] == [
        "vardnadshavare",
        "vardnadshavare2",
        "barnet",
        "onskemal",
        "stod",
        "stodbehov",
    ]
    assert case.form_snapshot["version"] == "forskoleplats@1"
    assert case.answers["vardnadshavare"]["personal_number"] == "19121212-1212"  # normalised
    assert case.answers["vardnadshavare2"]["personal_number"] == "19701063-2391"  # samordningsnummer
    assert case.answers["barnet"] == {"name": "Lilla Tolvansson", "personal_number": "20121212-1212"}
    assert case.answers["onskemal"] == {**WISHES, "third_choice": ""}
    assert case.answers["stodbehov"]["needs"] == "Hen behöver hjälp med att äta."
    assert case.retain_until is None
    wishes = next(s for s in case.form_snapshot["steps"] if s["name"] == "onskemal")
    assert {f["name"]: f["display"] for f in wishes["fields"]}["first_choice"] == "Ekorrens förskola, Norrby"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["tolvan@example.com"]
    assert "20121212" not in mail.outbox[0].body and "Lilla" not in mail.outbox[0].body


def test_one_guardian_and_no_support_skips_both_conditional_steps(client, page, day):
    run = apply(client, page, guardian={**GUARDIAN, "second_guardian": "no"}, support="no")
    check = run.check_page()
    assert "/vardnadshavare2/" not in check and "/stodbehov/" not in check
    run.send()
    case = Case.objects.get()
    # JSON objects keep no order on PostgreSQL (jsonb): the snapshot's list holds the step order.
    assert set(case.answers) == {"vardnadshavare", "barnet", "onskemal", "stod"}
    assert [step["name"] for step in case.form_snapshot["steps"]] == [
        "vardnadshavare",
        "barnet",
        "onskemal",
        "stod",
    ]


def test_saying_yes_to_a_second_guardian_at_the_check_step_asks_for_them(client, page, day):
    run = apply(client, page, guardian={**GUARDIAN, "second_guardian": "no"}, support="no")
    client.get(run.url("vardnadshavare") + "?andra=1")
    run.answer("vardnadshavare", GUARDIAN, then="vardnadshavare2")
    run.answer("vardnadshavare2", SECOND_GUARDIAN, then="kontrollera")
    assert "Andra Vårdnadshavare" in run.check_page()


def test_the_child_must_be_under_six(client, page, day):
    run = WizardRun(client, page)
    run.answer("vardnadshavare", {**GUARDIAN, "second_guardian": "no"})
    response = run.post("barnet", {"name": "Tolvan", "personal_number": "19811218-9876"})
    assert_field_error(
        response,
        "id_barnet-personal_number",
        "The child must be younger than six. Preschool is for children from one year of age until they "
        "start preschool class (förskoleklass).",
    )
    assert 'value="Tolvan"' in response.content.decode()
    response = run.post("barnet", {"name": "Lilla", "personal_number": "20121212-1213"})
    assert_field_error(
        response,
        "id_barnet-personal_number",
        "The personal identity number is not valid: check the last four digits.",
    )
    run.answer("barnet", CHILD, then="onskemal")
    assert Case.objects.count() == 0


def test_without_the_fixed_day_tolvans_2012_number_is_no_longer_a_child(page):
    """Why the other tests set today: in real time, a child born in 2012 is too old."""
    form = form_class(SLUG, "barnet")(data=CHILD)
    assert not form.is_valid()
    message = (
        "The child must be younger than six. Preschool is for children from one year of age until they "
        "start preschool class (förskoleklass)."
    )
    assert form.errors["personal_number"][0] == in_swedish(message)


def test_guardian_numbers_are_checked(client, page, day):
    run = WizardRun(client, page)
    response = run.post("vardnadshavare", {**GUARDIAN, "personal_number": "19121212-1213"})
    assert_field_error(
        response,
        "id_vardnadshavare-personal_number",
        "The personal identity number is not valid: check the last four digits.",
    )
    response = run.post("vardnadshavare", {**GUARDIAN, "personal_number": "1912-12", "email": ""})
    assert_field_error(
        response,
        "id_vardnadshavare-personal_number",
        "Enter the personal identity number as YYYYMMDD-NNNN, for example 19121212-1212.",
    )
    assert_field_error(response, "id_vardnadshavare-email", "Skriv din e-postadress")
    run.answer("vardnadshavare", GUARDIAN)
    response = run.post("vardnadshavare2", {**SECOND_GUARDIAN, "phone": ""})
    assert_field_error(
        response, "id_vardnadshavare2-email", "Enter the other guardian's e-mail address or phone number."
    )
    response = run.post("vardnadshavare2", {**SECOND_GUARDIAN, "personal_number": ""})
    assert_field_error(
        response,
        "id_vardnadshavare2-personal_number",
        "Skriv den andra vårdnadshavarens personnummer eller samordningsnummer",
    )
    assert Case.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "field", "message", "params"),
    [
        ({"start_date": "2015-05-31"}, "start_date", "The start date cannot be in the past.", None),
        (
            {"start_date": "2016-06-02"},
            "start_date",
            "Choose a start date within the next 12 months. You can apply later for a later date.",
            None,
        ),
        (
            {"second_choice": "ekorren"},
            "second_choice",
            "You have already chosen %(preschool)s. Choose another preschool or none.",
            {"preschool": "Ekorrens förskola, Norrby"},
        ),
        (
            {"second_choice": "", "third_choice": "solrosen"},
            "second_choice",
            "Choose a second choice before a third, or leave the third choice empty.",
            None,
        ),
        ({"first_choice": ""}, "first_choice", "Välj förskola i första hand", None),
        (
            {"minority_language": "klingon"},
            "minority_language",
            "Välj om du vill ha förskola på ett nationellt minoritetsspråk",
            None,
        ),
    ],
)
def test_wishes_are_checked(client, page, day, changes, field, message, params):
    run = WizardRun(client, page)
    run.answer("vardnadshavare", {**GUARDIAN, "second_guardian": "no"})
    run.answer("barnet", CHILD)
    response = run.post("onskemal", {**WISHES, **changes})
    assert_field_error(response, f"id_onskemal-{field}", message, params)
    assert Case.objects.count() == 0


def test_the_start_date_may_be_today_and_up_to_twelve_months_ahead(day):
    WishesForm = form_class(SLUG, "onskemal")  # noqa: N806 -- a class
    assert WishesForm(data={**WISHES, "start_date": "2015-06-01"}).is_valid()
    assert WishesForm(data={**WISHES, "start_date": "2016-06-01"}).is_valid()
    assert months_after(dt.date(2016, 1, 31), 1) == dt.date(2016, 2, 29)


def test_special_support_needs_a_description_when_the_answer_is_yes(client, page, day):
    run = WizardRun(client, page)
    run.answer("vardnadshavare", {**GUARDIAN, "second_guardian": "no"})
    run.answer("barnet", CHILD)
    run.answer("onskemal", WISHES)
    response = run.post("stod", {})
    assert_field_error(response, "id_stod-needs_support", "Välj ja om barnet behöver särskilt stöd")
    run.answer("stod", {"needs_support": "yes"}, then="stodbehov")
    page_html = client.get(run.url("stodbehov")).content.decode()
    assert (
        in_swedish(
            "Skriv bara det som förskolan behöver veta för att planera fö"
            "r ditt barn, inte mer. Det du skriver omfattas av sekretess."
        )
        in page_html
    )
    response = run.post("stodbehov", {"needs": ""})
    assert_field_error(response, "id_stodbehov-needs", "Beskriv vilket stöd barnet behöver")
    assert Case.objects.count() == 0


# --- the place where e-ID plugs in -------------------------------------------------


def test_no_provider_means_not_verified(rf):
    assert isinstance(identity.get_provider(), identity.NotVerified)
    assert isinstance(identity.get_provider(), identity.IdentityProvider)
    assert identity.identity_verified(rf.get("/"), "19121212-1212") is False
    assert identity.identity_verified(None, "19121212-1212") is False


def test_a_signed_in_guardian_makes_the_case_verified(client, page, day, settings):
    settings.EID_PROVIDER = "tests.eservices.test_forskoleplats.SignedInAsTolvan"
    apply(client, page, guardian={**GUARDIAN, "second_guardian": "no"}, support="no").send()
    assert Case.objects.get().identity_verified is True


def test_signed_in_as_someone_else_stays_unverified(client, page, day, settings):
    settings.EID_PROVIDER = "tests.eservices.test_forskoleplats.SignedInAsTolvan"
    other = {**GUARDIAN, "second_guardian": "no", "personal_number": "19811218-9876"}
    apply(client, page, guardian=other, support="no").send()
    assert Case.objects.get().identity_verified is False
