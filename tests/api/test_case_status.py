"""GET /api/v1/cases/{reference} with the X-Status-Token header: a case's status and public replies."""

from django.test import override_settings
from django.utils import translation

import pytest

from contactcentre.models import Case, CaseEvent
from contactcentre.models.cases import Status
from tests.api.conftest import API, check_response, submit
from tests.eservices.test_wizard_engine import CONTACT, QUESTION

pytestmark = pytest.mark.django_db
PATH = "/cases/{reference}"


@pytest.fixture
def case(client):
    response = submit(client, "fraga-kontaktcenter", {"fraga": QUESTION, "kontakt": CONTACT})
    assert response.status_code == 201
    case = Case.objects.get(reference=response.json()["reference"])
    case.status = Status.WAITING
    case.save()
    CaseEvent.objects.create(case=case, kind=CaseEvent.NOTE, text="Internt: ring tillbaka", public=False)
    CaseEvent.objects.create(
        case=case, kind=CaseEvent.REPLY, text="Handläggningstiden är fyra veckor.", public=True
    )
    CaseEvent.objects.create(case=case, kind=CaseEvent.VIEWED, public=True)
    return case


def status(client, reference, token, **extra):
    return client.get(f"{API}/cases/{reference}", headers={"X-Status-Token": token}, **extra)


def test_the_right_token_shows_status_and_public_replies(client, openapi, case):
    response = status(client, case.reference, case.status_token())
    assert response.status_code == 200
    body = check_response(openapi, response, PATH)
    assert body["reference"] == case.reference
    assert body["status"] == "waiting"
    with translation.override("sv"):
        assert body["status_label"] == str(Status.WAITING.label)
    assert body["title"] == "Fråga kontaktcenter"  # the e-service, not the citizen's own words
    assert body["handling_time"] == case.form_snapshot["handling_time"]
    assert [event["kind"] for event in body["events"]] == ["created", "reply"]
    assert body["events"][1]["text"] == "Handläggningstiden är fyra veckor."
    assert "Internt" not in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    # Lower case and spaces around the reference are forgiven, as on the status page.
    assert status(client, f" {case.reference.lower()} ", case.status_token()).status_code == 200


def test_a_token_in_the_address_is_not_read(client, case):
    # The token belongs in a header: an address (and its token) lands in every access log.
    response = client.get(f"{API}/cases/{case.reference}", {"token": case.status_token()})
    assert response.status_code == 404


def test_labels_follow_the_requested_language(client, case):
    body = status(client, case.reference, case.status_token(), HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["status_label"] == "Waiting for citizen"
    assert [event["label"] for event in body["events"]] == ["Case received", "Reply to citizen"]


def test_a_wrong_token_and_an_unknown_reference_get_the_same_404(client, openapi, case):
    wrong_token = status(client, case.reference, "0" * 32)
    no_token = client.get(f"{API}/cases/{case.reference}")
    unknown = status(client, "KC-1999-000001", case.status_token())
    for response in (wrong_token, no_token, unknown):
        assert response.status_code == 404
        check_response(openapi, response, PATH)
    assert wrong_token.content == no_token.content == unknown.content
    assert wrong_token.headers.get("Content-Type") == unknown.headers.get("Content-Type")


@override_settings(RATE_LIMITS={"case-status": (3, 600), "submission": (30, 3600)})
def test_attempts_are_rate_limited_per_client_address(client, openapi, case):
    for _ in range(2):
        assert status(client, "KC-1999-000001", "guess").status_code == 404
    assert status(client, case.reference, case.status_token()).status_code == 200
    # The limit counts every attempt, right or wrong.
    response = status(client, case.reference, case.status_token())
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 600
    check_response(openapi, response, PATH)
    # Another address is counted apart.
    assert status(client, case.reference, case.status_token(), REMOTE_ADDR="198.51.100.4").status_code == 200
