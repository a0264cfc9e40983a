"""POST /api/v1/eservices/{slug}/submissions: validated by the same forms as the web wizard."""

import datetime as dt
import io
import os
import re
import uuid

from django.conf import settings
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

import pytest
from PIL import Image

from contactcentre.models import Case, CaseEvent
from contactcentre.models.cases import Channel
from eservices import catalogue
from eservices.models import EServicePage
from eservices.schema import submission_schema
from tests.api.conftest import check_response, file_object, png_bytes, schema_errors, submit
from tests.eservices.test_wizard_engine import CONTACT, QUESTION, finish

pytestmark = pytest.mark.django_db
PATH = "/eservices/{slug}/submissions"
FRAGA = {"fraga": QUESTION, "kontakt": CONTACT}
FORSKOLA_TODAY = dt.date(2015, 6, 1)  # Skatteverket's example numbers are adults; 20121212-1212 a child then

# One valid body per e-service; test_every_eservice_accepts_a_valid_body checks it covers them all.
EXAMPLES = {
    "fraga-kontaktcenter": FRAGA,
    "ring-upp-mig": {
        "ring": {
            "phone": "070-174 06 12",
            "name": "Tolvan Tolvansson",
            "window": "next_morning",
            "about": "Bygglov",
        }
    },
    "felanmalan": {
        "fel": {"kind": "lighting", "description": "Lampan lyser inte på kvällarna."},
        "plats": {"location": "Storgatan 12, lyktstolpe 4711"},
        "bilder": {"photo_1": file_object(png_bytes(), "lykta.png")},
        "kontakt": {"wants_feedback": True, "email": "tolvan@example.com"},
    },
    "synpunkter-och-klagomal": {
        "synpunkt": {"kind": "praise", "area": 5, "message": "Biblioteket har fina öppettider."},
        "anonym": {"anonymous": "no"},
        "kontakt": {
            "name": "Tolvan Tolvansson",
            "wants_answer": "yes",
            "answer_by": "email",
            "email": "tolvan@example.com",
        },
    },
    "begar-ut-allman-handling": {
        "handling": {"description": "Protokollet från kommunstyrelsens sammanträde i mars."},
        "utlamning": {"delivery": "email", "anonymous": "yes", "email": "anonym@example.com"},
    },
    "forskoleplats": {
        "vardnadshavare": {
            "name": "Tolvan Tolvansson",
            "personal_number": "19121212-1212",
            "email": "tolvan@example.com",
            "phone": "070-123 45 67",
            "address": "Storgatan 1, 123 45 Exempelstad",
            "second_guardian": "no",
        },
        "barnet": {"name": "Lilla Tolvansson", "personal_number": "20121212-1212"},
        "onskemal": {"start_date": "2015-10-01", "first_choice": "ekorren", "minority_language": "none"},
        "stod": {"needs_support": "no"},
    },
}


def in_swedish(message):
    with translation.override("sv"):
        return translation.gettext(message)


@pytest.fixture(autouse=True)
def preschool_day(monkeypatch):
    from eservices import validators

    monkeypatch.setattr(validators, "today", lambda: FORSKOLA_TODAY)


def published_schema(slug):
    return submission_schema(catalogue.get(slug))


@pytest.mark.parametrize("slug", sorted(EXAMPLES))
def test_every_eservice_accepts_a_valid_body(client, openapi, private_root, slug):
    body = EXAMPLES[slug]
    assert schema_errors(published_schema(slug), body) == []
    response = submit(client, slug, body)
    assert response.status_code == 201, response.json()
    receipt = check_response(openapi, response, PATH, "post")
    case = Case.objects.get(reference=receipt["reference"])
    assert case.channel == Channel.API
    assert case.eservice == slug
    assert case.department is not None
    assert case.form_snapshot["version"] == catalogue.get(slug).version
    assert set(body) <= set(case.answers)  # (jsonb on PostgreSQL does not keep the order)


def test_the_examples_cover_every_eservice():
    assert set(EXAMPLES) == {eservice.slug for eservice in catalogue.all_eservices()}


def test_a_question_through_the_api_is_the_same_case_as_through_the_web(client, openapi):
    assert schema_errors(published_schema("fraga-kontaktcenter"), FRAGA) == []
    response = submit(client, "fraga-kontaktcenter", FRAGA)
    assert response.status_code == 201
    receipt = check_response(openapi, response, PATH, "post")
    assert re.fullmatch(r"KC-\d{4}-\d{6}", receipt["reference"])
    api_case = Case.objects.get(reference=receipt["reference"])
    assert receipt["token"] == api_case.status_token()
    with translation.override("sv"):
        path = reverse("case_status", args=(api_case.reference, api_case.status_token()))
    assert receipt["status_url"] == settings.SITE_BASE_URL.rstrip("/") + path
    assert client.get(path, follow=True).status_code == 200  # the citizen's status page

    page = EServicePage.objects.get(eservice_slug="fraga-kontaktcenter", locale__language_code="sv")
    finish(client, page)
    web_case = Case.objects.exclude(pk=api_case.pk).get()

    assert (api_case.channel, web_case.channel) == (Channel.API, Channel.WEB)
    assert api_case.answers == web_case.answers
    assert api_case.form_snapshot == web_case.form_snapshot
    for field in ("title", "eservice", "service_area", "department", "contact_name", "contact_email"):
        assert getattr(api_case, field) == getattr(web_case, field), field
    assert api_case.retain_until == web_case.retain_until
    assert not api_case.identity_verified
    assert api_case.events.filter(kind=CaseEvent.CREATED, public=True).exists()
    assert api_case.run_id is None
    assert api_case.language == "sv"


def test_field_errors_come_per_field_in_swedish(client, openapi):
    body = {"fraga": {"question": "Hur?"}, "kontakt": {"name": "Tolvan", "answer_by": "phone"}}
    response = submit(client, "fraga-kontaktcenter", body)
    assert response.status_code == 422
    detail = check_response(openapi, response, PATH, "post")["detail"]
    assert detail == [
        {
            "loc": ["body", "fraga", "subject"],
            "msg": in_swedish("Skriv vad din fråga gäller"),
            "type": "required",
        },
        {
            "loc": ["body", "kontakt", "phone"],
            "msg": "Skriv ditt telefonnummer eller välj ett annat sätt att få svaret.",
            "type": "required",
        },
    ]
    # The published schema refuses the same body.
    assert schema_errors(published_schema("fraga-kontaktcenter"), body)
    assert Case.objects.count() == 0


def test_field_errors_follow_the_requested_language(client, in_english):
    in_english("fraga-kontaktcenter")
    contact = {**CONTACT, "answer_by": "phone", "phone": "070-123 45 67", "email": "not-an-address"}
    body = {"fraga": {"question": "How?"}, "kontakt": contact}
    response = submit(client, "fraga-kontaktcenter", body, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"loc": ["body", "fraga", "subject"], "msg": "Enter what your question is about", "type": "required"},
        {
            "loc": ["body", "kontakt", "email"],
            "msg": "Enter your e-mail address in the right format, like namn@exempel.se",
            "type": "invalid",
        },
    ]


def test_unknown_steps_fields_and_shapes_are_refused(client, openapi):
    body = {
        "fraga": {"subject": ["a", "b"], "question": "?", "colour": "blue"},
        "kontakt": "Tolvan",
        "extra": {},
    }
    response = submit(client, "fraga-kontaktcenter", body)
    assert response.status_code == 422
    detail = check_response(openapi, response, PATH, "post")["detail"]
    assert [(error["loc"], error["type"]) for error in detail] == [
        (["body", "extra"], "extra_forbidden"),
        (["body", "fraga", "subject"], "invalid"),  # a form would have taken str() of the list
        (["body", "fraga", "colour"], "extra_forbidden"),
        (["body", "kontakt"], "object_type"),
    ]
    for raw in ("[1, 2]", "{not json"):
        response = client.post(
            "/api/v1/eservices/fraga-kontaktcenter/submissions", raw, content_type="application/json"
        )
        assert response.status_code == 422
        assert check_response(openapi, response, PATH, "post")["detail"][0]["loc"] == ["body"]


def test_an_unknown_eservice_is_404(client, openapi):
    response = submit(client, "finns-inte", FRAGA)
    assert response.status_code == 404
    check_response(openapi, response, PATH, "post")


APPLICANT = {
    "personal_number": "19121212-1212",
    "kind": "a",
    "start": "2030-01-31",
    "units": ["x", "y"],
    "children": 2,
    "agree": True,
}


def test_conditional_steps_follow_the_earlier_answers(client, openapi, test_eservice):
    schema = submission_schema(test_eservice)

    # has_second: the "andra" step is then required, by the schema and by the server.
    body = {"sokande": {**APPLICANT, "has_second": True}}
    assert schema_errors(schema, body)
    response = submit(client, "api-test", body)
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "loc": ["body", "andra", "personal_number"],
            "msg": in_swedish("Enter a personal identity number"),
            "type": "required",
        }
    ]

    # Without has_second the step does not apply, and sending it is an error.
    body = {"sokande": APPLICANT, "andra": {"personal_number": "19121212-1212"}}
    assert schema_errors(schema, body)
    response = submit(client, "api-test", body)
    assert response.status_code == 422
    [error] = check_response(openapi, response, PATH, "post")["detail"]
    assert (error["loc"], error["type"]) == (["body", "andra"], "step_not_applicable")

    # A condition without schema_if still decides on the server: kind B needs "extra".
    response = submit(client, "api-test", {"sokande": {**APPLICANT, "kind": "b"}})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "extra", "needs"]

    body = {
        "sokande": {**APPLICANT, "kind": "b", "has_second": True},
        "andra": {"personal_number": "191212121212"},
        "extra": {"needs": "Rullstolsramp"},
    }
    assert schema_errors(schema, body) == []
    response = submit(client, "api-test", body)
    assert response.status_code == 201, response.json()
    case = Case.objects.get(reference=response.json()["reference"])
    # A step left out that has no required field is answered with nothing, as an empty web step.
    assert set(case.answers) == {"sokande", "andra", "extra", "foto"}
    assert case.answers["foto"] == {"photo": None}
    assert case.answers["sokande"]["start"] == "2030-01-31"
    assert case.answers["sokande"]["units"] == ["x", "y"]
    assert case.answers["andra"]["personal_number"] == "19121212-1212"


def test_personnummer_is_checked_by_check_digit(client, test_eservice):
    response = submit(client, "api-test", {"sokande": {**APPLICANT, "personal_number": "19121212-1213"}})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "sokande", "personal_number"]
    assert error["type"] == "checksum"
    assert "kontrollera de fyra sista siffrorna" in error["msg"]


def test_a_photo_is_stored_with_the_case_and_checked_by_content(client, openapi, test_eservice, private_root):
    body = {"sokande": APPLICANT, "foto": {"photo": file_object(png_bytes(), "skylt.png", "image/png")}}
    assert schema_errors(submission_schema(test_eservice), body) == []
    response = submit(client, "api-test", body)
    assert response.status_code == 201, response.json()
    case = Case.objects.get(reference=response.json()["reference"])
    [attachment] = case.attachments.all()
    assert (attachment.original_name, attachment.content_type, attachment.field) == (
        "skylt.png",
        "image/png",
        "photo",
    )
    assert attachment.file.read() == png_bytes()
    assert case.answers["foto"] == {"photo": "skylt.png"}

    # Text called .png is refused, by content.
    fake = {"sokande": APPLICANT, "foto": {"photo": file_object(b"not a picture", "skylt.png")}}
    response = submit(client, "api-test", fake)
    assert response.status_code == 422
    [error] = check_response(openapi, response, PATH, "post")["detail"]
    assert (error["loc"], error["type"]) == (["body", "foto", "photo"], "not_image")

    broken = {"sokande": APPLICANT, "foto": {"photo": {"name": "x.png", "content_base64": "%%%"}}}
    [error] = submit(client, "api-test", broken).json()["detail"]
    assert (error["loc"], error["type"]) == (["body", "foto", "photo", "content_base64"], "invalid_base64")

    shapeless = {"sokande": APPLICANT, "foto": {"photo": "skylt.png"}}
    [error] = submit(client, "api-test", shapeless).json()["detail"]
    assert (error["loc"], error["type"]) == (["body", "foto", "photo"], "invalid_file")
    assert Case.objects.count() == 1


def test_a_body_larger_than_the_eservice_allows_is_413(client, openapi, monkeypatch):
    monkeypatch.setattr("eservices.schema.TEXT_BODY_BYTES", 200)
    body = {"fraga": {**QUESTION, "question": "x" * 500}, "kontakt": CONTACT}
    response = submit(client, "fraga-kontaktcenter", body)
    assert response.status_code == 413
    check_response(openapi, response, PATH, "post")


def test_an_idempotency_key_makes_a_retry_return_the_same_case(client, openapi):
    key = str(uuid.uuid4())
    first = submit(client, "fraga-kontaktcenter", FRAGA, HTTP_IDEMPOTENCY_KEY=key)
    assert first.status_code == 201
    again = submit(client, "fraga-kontaktcenter", FRAGA, HTTP_IDEMPOTENCY_KEY=key)
    assert again.status_code == 200
    assert check_response(openapi, again, PATH, "post") == first.json()
    assert Case.objects.count() == 1

    # The same key with other answers is a client error, not somebody else's case.
    other = {"fraga": {**QUESTION, "subject": "Bygglov"}, "kontakt": CONTACT}
    conflict = submit(client, "fraga-kontaktcenter", other, HTTP_IDEMPOTENCY_KEY=key)
    assert conflict.status_code == 409
    check_response(openapi, conflict, PATH, "post")

    # Without a key, or with a new one, each request is a new case.
    assert submit(client, "fraga-kontaktcenter", FRAGA).status_code == 201
    assert (
        submit(client, "fraga-kontaktcenter", FRAGA, HTTP_IDEMPOTENCY_KEY=str(uuid.uuid4())).status_code
        == 201
    )
    assert Case.objects.count() == 3

    # The key never names a web run: the case's run id is derived from it.
    assert Case.objects.filter(run_id=key).count() == 0

    response = submit(client, "fraga-kontaktcenter", FRAGA, HTTP_IDEMPOTENCY_KEY="not-a-uuid")
    assert response.status_code == 422
    assert check_response(openapi, response, PATH, "post")["detail"][0]["loc"] == [
        "header",
        "Idempotency-Key",
    ]


def test_a_case_sent_in_english_keeps_its_language(client):
    response = submit(client, "fraga-kontaktcenter", FRAGA, query="?lang=en")
    assert response.status_code == 201
    case = Case.objects.get()
    assert case.language == "en"
    assert "/en/" in response.json()["status_url"]


@override_settings(RATE_LIMITS={"submission": (2, 3600), "case-status": (20, 600)})
def test_submissions_are_rate_limited_per_client(client, openapi):
    for _ in range(2):
        assert submit(client, "fraga-kontaktcenter", FRAGA).status_code == 201
    response = submit(client, "fraga-kontaktcenter", FRAGA)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    check_response(openapi, response, PATH, "post")
    assert Case.objects.count() == 2
    # Another client address has its own count.
    assert submit(client, "fraga-kontaktcenter", FRAGA, REMOTE_ADDR="192.0.2.7").status_code == 201


def test_a_photo_larger_than_djangos_form_limit_is_accepted(client, settings, test_eservice, private_root):
    """Django refuses bodies over DATA_UPLOAD_MAX_MEMORY_SIZE; the API reads its own, larger, limit."""
    noise = Image.frombytes("RGB", (1000, 1000), os.urandom(3_000_000))
    buffer = io.BytesIO()
    noise.save(buffer, format="PNG")
    photo = buffer.getvalue()
    assert len(photo) * 4 / 3 > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    body = {"sokande": APPLICANT, "foto": {"photo": file_object(photo, "stor.png")}}
    response = submit(client, "api-test", body)
    assert response.status_code == 201, response.content[:300]
    assert Case.objects.get().attachments.get().size == len(photo)


def test_no_csrf_token_is_needed():
    csrf_client = Client(enforce_csrf_checks=True)
    assert submit(csrf_client, "fraga-kontaktcenter", FRAGA).status_code == 201


# The rate limit's count (4 with the database's counters), the service area and its department,
# the reference (one statement), the case with its due dates, its first event and the transaction
# around them; the test settings run the receipt task at once (3 queries; in production it is
# one INSERT of the task). docs/performance.md, "API submissions": 31 queries before.
SUBMISSION_QUERIES = 14


def test_a_submission_runs_a_pinned_number_of_queries(client):
    """The e-service, the opening hours, the service levels and the contact centre's settings
    are kept per content generation: only the case's own writes grow with the submissions."""
    assert submit(client, "fraga-kontaktcenter", FRAGA).status_code == 201  # warms what is kept
    with CaptureQueriesContext(connection) as queries:
        assert submit(client, "fraga-kontaktcenter", FRAGA).status_code == 201
    assert len(queries) == SUBMISSION_QUERIES, "\n".join(query["sql"][:90] for query in queries)
