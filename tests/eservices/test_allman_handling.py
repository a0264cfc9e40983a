"""Begär ut allmän handling: anonymous when the way of delivery allows it, to Kontaktcenter."""

import datetime as dt

from django.core import mail
from django.utils import timezone

import pytest

from contactcentre.models import Case
from tests.eservices.demo_forms import form_class
from tests.eservices.wizard_helpers import WizardRun, assert_field_error, in_swedish

pytestmark = pytest.mark.django_db
SLUG = "begar-ut-allman-handling"

DOCUMENT = {
    "description": "Protokollet från tekniska nämndens sammanträde om Storgatan.",
    "reference_number": "TN 2026/42",
    "date_hint": "mars 2026",
    "department_hint": "Tekniska nämnden",
}


@pytest.fixture
def page(eservice_page):
    return eservice_page(SLUG, 9)


def test_an_anonymous_request_by_email_needs_only_the_address(client, page):
    run = WizardRun(client, page)
    first = client.get(run.first_url).content.decode()
    assert (
        in_swedish(
            "Du behöver inte berätta vem du är eller varför du vill ha ha"
            "ndlingen. Vi handlägger begäran skyndsamt, normalt samma arbetsdag."
        )
        in first
    )
    run.answer("handling", DOCUMENT, then="utlamning")
    run.answer(
        "utlamning",
        {"delivery": "email", "anonymous": "yes", "email": "hemlig@example.com"},
        then="kontrollera",
    )
    response = run.send()
    html = response.content.decode()

    case = Case.objects.get()
    assert case.reference in html
    assert "skyndsamt" in html  # the handling time: normally the same working day
    assert case.title == "Allmän handling: TN 2026/42"  # in the working language, Swedish
    assert case.service_area.menu_digit == 9
    assert case.department.name == "Kontaktcenter"
    assert case.answers["handling"] == DOCUMENT
    assert case.answers["utlamning"] == {
        "delivery": "email",
        "anonymous": "yes",
        "email": "hemlig@example.com",
        "postal_address": "",
    }
    assert "kontakt" not in case.answers
    assert (case.contact_name, case.contact_email, case.contact_phone) == ("", "hemlig@example.com", "")
    assert case.form_snapshot["version"] == "begar-ut-allman-handling@1"
    assert case.retain_until == timezone.localdate(case.received_at) + dt.timedelta(days=730)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["hemlig@example.com"]
    assert "Protokollet" not in mail.outbox[0].body


def test_a_named_request_by_post_asks_for_the_name(client, page):
    run = WizardRun(client, page)
    run.answer("handling", {"description": "Beslutet om bygglov för Skolgatan 3."})
    run.answer(
        "utlamning",
        {"delivery": "post", "anonymous": "no", "postal_address": "Storgatan 1\n123 45 Exempelstad"},
        then="kontakt",
    )
    response = run.post("kontakt", {"phone": "070-000 00 00"})
    assert_field_error(response, "id_kontakt-name", "Skriv ditt namn")
    run.answer("kontakt", {"name": "Tolvan Tolvansson", "phone": "070-000 00 00"}, then="kontrollera")
    run.send()

    case = Case.objects.get()
    assert case.title.startswith("Allmän handling: Beslutet om bygglov")
    assert case.answers["utlamning"]["postal_address"] == "Storgatan 1\n123 45 Exempelstad"
    assert case.answers["kontakt"] == {"name": "Tolvan Tolvansson", "phone": "+46700000000"}
    assert (case.contact_name, case.contact_email, case.contact_phone) == (
        "Tolvan Tolvansson",
        "",
        "+46700000000",  # normalised (E.164)
    )
    assert mail.outbox == []


def test_reading_on_site_anonymously_keeps_no_address(client, page):
    run = WizardRun(client, page)
    run.answer("handling", {"description": "Kommunstyrelsens protokoll 2026-03-01."})
    run.answer(
        "utlamning",
        {"delivery": "read_on_site", "anonymous": "yes", "postal_address": "Storgatan 1"},
        then="kontrollera",
    )
    run.send()
    case = Case.objects.get()
    assert case.answers["utlamning"]["postal_address"] == ""
    assert (case.contact_name, case.contact_email, case.contact_phone) == ("", "", "")


def test_a_copy_by_post_cannot_be_anonymous(client, page):
    run = WizardRun(client, page)
    run.answer("handling", DOCUMENT)
    response = run.post(
        "utlamning", {"delivery": "post", "anonymous": "yes", "postal_address": "Storgatan 1"}
    )
    assert_field_error(
        response,
        "id_utlamning-anonymous",
        "A copy by post needs your name and address, so you cannot be anonymous. Choose to give your "
        "name, or get the document by e-mail, pick it up or read it on site.",
    )
    assert "Storgatan 1" in response.content.decode()  # kept
    assert Case.objects.count() == 0


def test_the_way_of_delivery_needs_its_detail(client, page):
    run = WizardRun(client, page)
    run.answer("handling", DOCUMENT)
    response = run.post("utlamning", {"delivery": "email", "anonymous": "no"})
    assert_field_error(
        response,
        "id_utlamning-email",
        "Enter the e-mail address we send the copy to, or choose another way to get it.",
    )
    response = run.post("utlamning", {"delivery": "post", "anonymous": "no"})
    assert_field_error(
        response,
        "id_utlamning-postal_address",
        "Enter the address we send the copy to, or choose another way to get it.",
    )
    response = run.post("handling", {"description": ""})
    assert_field_error(response, "id_handling-description", "Beskriv handlingen du vill ha")
    assert Case.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "valid"),
    [
        ({"delivery": "pick_up", "anonymous": "yes"}, True),
        ({"delivery": "read_on_site", "anonymous": "no"}, True),
        ({"delivery": "email", "anonymous": "yes", "email": "a@example.com"}, True),
        ({"delivery": "post", "anonymous": "no", "postal_address": "Storgatan 1"}, True),
        ({"delivery": "post", "anonymous": "yes", "postal_address": "Storgatan 1"}, False),
        ({"delivery": "email", "anonymous": "yes"}, False),
        ({"delivery": "fax", "anonymous": "yes"}, False),
    ],
)
def test_delivery_rules(data, valid):
    assert form_class(SLUG, "utlamning")(data=data).is_valid() is valid
