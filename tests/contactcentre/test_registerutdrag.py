"""Registerutdrag: everything held about one person, as a ZIP, recorded on each case and logged."""

import io
import json
import logging
import zipfile

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from contactcentre import actions
from contactcentre.models import CaseEvent
from contactcentre.services import Attachment
from portal.roles import MANAGERS, setup_roles
from tests.contactcentre.test_personal_data import NILS, TOLVAN, case_of, security_events

pytestmark = pytest.mark.django_db
URL = "contactcentre_admin:registerutdrag"


@pytest.fixture
def people(staff):
    """Two cases of Tolvan (one with a photo and a reply), one of Nils, a confidential one of Tolvan."""
    first = case_of(
        TOLVAN,
        contact_email="tolvan@example.com",
        attachments=[Attachment("lampa.png", "image/png", b"\x89PNG....", "bild")],
    )
    actions.reply(staff["agent"], first, "Vi lagar lampan på fredag.")
    second = case_of(TOLVAN, title="Fråga om sophämtning")
    nils = case_of(NILS, title="Ansökan om parkeringstillstånd")
    secret = case_of(TOLVAN, title="Ekonomiskt bistånd", digit=2)
    return {"first": first, "second": second, "nils": nils, "secret": secret}


@pytest.fixture
def manager(django_user_model, staff):
    """A member of Kontaktcenter and Kontaktcenterchef, as set up by setup_roles."""
    setup_roles()
    person = django_user_model.objects.create_user(username="test-chef", password="x")
    person.groups.add(Group.objects.get(name="Kontaktcenter"), Group.objects.get(name=MANAGERS.group))
    return person


def export(client, number):
    return client.post(reverse(URL), {"personnummer": number})


def test_the_extract_holds_every_case_of_that_person_and_no_one_elses(client, manager, people, caplog):
    client.force_login(manager)
    caplog.set_level(logging.INFO, logger="kommunportal.security")
    response = export(client, "811218-9876")  # ten digits are read too
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="registerutdrag-')
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    first, second = people["first"].reference, people["second"].reference
    assert sorted(archive.namelist()) == sorted(["sammanfattning.json", f"{first}.json", f"{second}.json"])
    summary = json.loads(archive.read("sammanfattning.json"))
    assert summary["personnummer"] == TOLVAN
    assert [case["reference"] for case in summary["cases"]] == [first, second]
    # The confidential case is the social services' to add: counted, not shown.
    assert summary["cases_not_included"] == 1
    record = json.loads(archive.read(f"{first}.json"))
    assert record["answers"][0]["fields"][1] == {"question": "Personnummer", "answer": TOLVAN}
    assert record["attachments"] == [
        {
            "name": "lampa.png",
            "type": "image/png",
            "size": 8,
            "received_at": record["attachments"][0]["received_at"],
        }
    ]
    assert [message["text"] for message in record["messages"]] == ["Vi lagar lampan på fredag."]
    assert "created" in [event["kind"] for event in record["events"]]
    assert people["nils"].reference not in response.content.decode("latin-1")

    for key in ("first", "second"):
        event = people[key].events.get(kind=CaseEvent.REGISTERUTDRAG)
        assert event.actor == manager
    for key in ("nils", "secret"):
        assert not people[key].events.filter(kind=CaseEvent.REGISTERUTDRAG).exists()
    (logged,) = security_events(caplog, "registerutdrag.exported")
    assert logged["cases"] == [first, second] and logged["not_included"] == 1
    assert "9876" not in json.dumps(logged) and "19811218" not in json.dumps(logged)


def test_the_other_person_gets_only_their_case(client, manager, people):
    client.force_login(manager)
    archive = zipfile.ZipFile(io.BytesIO(export(client, NILS).content))
    assert set(archive.namelist()) == {"sammanfattning.json", f"{people['nils'].reference}.json"}


def test_an_administrator_gets_the_confidential_case_too(signed_in, people):
    archive = zipfile.ZipFile(io.BytesIO(export(signed_in("admin"), TOLVAN).content))
    assert f"{people['secret'].reference}.json" in archive.namelist()


def test_an_invalid_number_is_told_and_nothing_is_recorded(client, manager, people):
    client.force_login(manager)
    response = export(client, "19811218-9875")
    assert response.status_code == 200
    assert "text/html" in response["Content-Type"]
    assert "fyra sista siffrorna" in response.content.decode()  # the Swedish admin
    assert not CaseEvent.objects.filter(kind=CaseEvent.REGISTERUTDRAG).exists()


@pytest.mark.parametrize("role", ["agent", "teknik", "outsider"])
def test_only_staff_with_the_permission_may_export(signed_in, people, role):
    client = signed_in(role)
    # The Wagtail admin answers a refused page with a redirect to its dashboard and a message.
    assert client.get(reverse(URL)).status_code in (302, 403)
    response = export(client, TOLVAN)
    assert response.status_code in (302, 403)
    assert response.get("Content-Type") != "application/zip"
    assert not CaseEvent.objects.filter(kind=CaseEvent.REGISTERUTDRAG).exists()


def test_the_manager_finds_the_page_from_the_queue(client, manager, signed_in):
    client.force_login(manager)
    assert reverse(URL) in client.get(reverse("contactcentre_admin:index")).content.decode()
    assert reverse(URL) not in signed_in("agent").get(reverse("contactcentre_admin:index")).content.decode()
