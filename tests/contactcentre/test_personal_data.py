"""Personnummer on the case page: masked, shown in clear only by a recorded "Show"; the index of them."""

import json
import logging

from django.core.management import call_command
from django.urls import reverse

import pytest

from contactcentre import identity_numbers
from contactcentre.models import Case, CaseEvent, CaseIdentityNumber
from contactcentre.services import NewCase, open_case
from tests.contactcentre.conftest import area

pytestmark = pytest.mark.django_db

TOLVAN = "19811218-9876"
NILS = "19121212-1212"


def snapshot(number, label="Personnummer"):
    return {
        "title": "Ansökan",
        "steps": [
            {
                "name": "sokande",
                "title": "Sökande",
                "fields": [
                    {"name": "namn", "label": "Namn", "type": "CharField", "display": "Tolvan"},
                    {
                        "name": "personnummer",
                        "label": label,
                        "type": "IdentityNumberField",
                        "display": number,
                    },
                ],
            }
        ],
    }


def case_of(number, title="Ansökan om bygglov", digit=4, **extra):
    case, _ = open_case(
        NewCase(
            title=title,
            service_area=area(digit),
            form_snapshot=snapshot(number),
            answers={"sokande": {"namn": "Tolvan", "personnummer": number}},
            **extra,
        )
    )
    return case


def security_events(caplog, kind):
    return [
        json.loads(record.getMessage())
        for record in caplog.records
        if record.name == "kommunportal.security" and json.loads(record.getMessage())["event"] == kind
    ]


def test_numbers_are_read_with_the_check_digit_and_samordningsnummer():
    assert identity_numbers.normalise("19811218-9876") == "198112189876"
    assert identity_numbers.normalise("811218-9876") == "198112189876"
    assert identity_numbers.normalise("121212+1212") == "191212121212"
    assert identity_numbers.normalise("19701063-2391") == "197010632391"  # samordningsnummer (day + 60)
    assert identity_numbers.normalise("19811218-9875") is None  # wrong check digit
    assert identity_numbers.masked("19811218-9876") == "19811218-****"
    assert identity_numbers.looks_like("19811218-9875")  # mistyped: still kept out of addresses


def test_the_case_page_masks_the_number_until_show_is_pressed(signed_in, staff, caplog):
    case = case_of(TOLVAN)
    client = signed_in("teknik")
    detail = reverse("contactcentre_admin:detail", args=[case.pk])
    html = client.get(detail).content.decode()
    assert "19811218-****" in html
    assert TOLVAN not in html
    reveal = reverse("contactcentre_admin:reveal", args=[case.pk])
    assert f'action="{reveal}"' in html

    caplog.set_level(logging.INFO, logger="kommunportal.security")
    response = client.post(reveal)
    assert response.status_code == 200
    assert TOLVAN in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    shown = case.events.get(kind=CaseEvent.IDENTITY_SHOWN)
    assert shown.actor == staff["teknik"]
    (logged,) = security_events(caplog, "personal_data.viewed")
    assert logged["case"] == case.reference and logged["user"] == staff["teknik"].username
    assert "9876" not in json.dumps(logged)
    # Shown for that page view only: the next visit is masked again.
    assert TOLVAN not in client.get(detail).content.decode()


@pytest.mark.parametrize("role", ["social", "outsider"])
def test_staff_who_may_not_see_the_case_cannot_show_its_number(signed_in, role):
    case = case_of(TOLVAN)
    response = signed_in(role).post(reverse("contactcentre_admin:reveal", args=[case.pk]))
    assert response.status_code in (403, 404)
    assert TOLVAN not in response.content.decode()
    assert not case.events.filter(kind=CaseEvent.IDENTITY_SHOWN).exists()


def test_show_is_a_post(signed_in):
    case = case_of(TOLVAN)
    response = signed_in("teknik").get(reverse("contactcentre_admin:reveal", args=[case.pk]))
    assert response.status_code == 405
    assert not case.events.filter(kind=CaseEvent.IDENTITY_SHOWN).exists()


def test_the_index_holds_a_keyed_hash_never_the_number():
    case = case_of(TOLVAN)
    (row,) = CaseIdentityNumber.objects.filter(case=case)
    assert row.digest == identity_numbers.digest("198112189876")
    assert "9876" not in row.digest
    assert list(identity_numbers.cases_of("198112189876", Case.objects.all())) == [case]
    assert not identity_numbers.cases_of("191212121212", Case.objects.all()).exists()


def test_the_index_is_rebuilt_after_the_key_changes(settings):
    case = case_of(TOLVAN)
    settings.SECRET_KEY = "another-key-" * 5
    assert not identity_numbers.cases_of("198112189876", Case.objects.all()).exists()
    call_command("index_identity_numbers", verbosity=0)
    assert list(identity_numbers.cases_of("198112189876", Case.objects.all())) == [case]
