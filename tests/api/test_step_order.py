"""Order of steps in the API (OWASP ASVS 2.3.1): a submission is a whole run, checked as the wizard does.

The API takes every step in one body, so "skipping" is a body without a required step's
answers, "reordering" is answers for a step whose condition is false, and "replaying" is the
same request sent again: with its Idempotency-Key it never makes a second case.
"""

import uuid

import pytest

from contactcentre.models import Case
from tests.api.conftest import check_response, submit
from tests.api.test_submissions import EXAMPLES, PATH, preschool_day  # noqa: F401 (an autouse fixture)

pytestmark = pytest.mark.django_db

# (e-service, step) whose answers are required: left out, the submission is refused.
REQUIRED_STEPS = [
    ("fraga-kontaktcenter", "fraga"),
    ("fraga-kontaktcenter", "kontakt"),
    ("ring-upp-mig", "ring"),
    ("felanmalan", "fel"),
    ("felanmalan", "plats"),
    ("synpunkter-och-klagomal", "synpunkt"),
    ("synpunkter-och-klagomal", "anonym"),
    ("synpunkter-och-klagomal", "kontakt"),
    ("begar-ut-allman-handling", "handling"),
    ("begar-ut-allman-handling", "utlamning"),
    ("forskoleplats", "vardnadshavare"),
    ("forskoleplats", "barnet"),
    ("forskoleplats", "onskemal"),
    ("forskoleplats", "stod"),
]


@pytest.mark.parametrize(("slug", "step"), REQUIRED_STEPS)
def test_a_submission_without_a_required_step_is_refused(client, openapi, slug, step):
    body = {name: answers for name, answers in EXAMPLES[slug].items() if name != step}
    response = submit(client, slug, body)
    assert response.status_code == 422, response.content[:300]
    errors = check_response(openapi, response, PATH, "post")["detail"]
    assert {tuple(error["loc"][:2]) for error in errors} >= {("body", step)}
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    ("slug", "changes", "step", "answers"),
    [
        # Anonymous: the contact step does not apply.
        (
            "synpunkter-och-klagomal",
            {"anonym": {"anonymous": "yes"}},
            "kontakt",
            EXAMPLES["synpunkter-och-klagomal"]["kontakt"],
        ),
        # One guardian only: the second guardian's step does not apply.
        (
            "forskoleplats",
            {},
            "vardnadshavare2",
            {"name": "Tvåan Tolvansson", "personal_number": "19121212-1212"},
        ),
        # No support needed: the support step does not apply.
        ("forskoleplats", {}, "stodbehov", {"description": "Behöver hjälp"}),
    ],
)
def test_answers_for_a_step_that_does_not_apply_are_refused(client, openapi, slug, changes, step, answers):
    body = {**EXAMPLES[slug], **changes, step: answers}
    response = submit(client, slug, body)
    assert response.status_code == 422, response.content[:300]
    errors = check_response(openapi, response, PATH, "post")["detail"]
    assert [(e["loc"], e["type"]) for e in errors] == [(["body", step], "step_not_applicable")]
    assert not Case.objects.exists()


def test_the_order_of_the_steps_in_the_body_does_not_matter(client):
    """Steps are checked in the e-service's order, whatever order the JSON object lists them in."""
    body = dict(reversed(list(EXAMPLES["synpunkter-och-klagomal"].items())))
    assert submit(client, "synpunkter-och-klagomal", body).status_code == 201
    body = {**body, "anonym": {"anonymous": "yes"}}  # kontakt listed first, then made inapplicable
    assert submit(client, "synpunkter-och-klagomal", body).status_code == 422
    assert Case.objects.count() == 1


def test_a_replayed_submission_with_its_key_makes_one_case(client, openapi):
    key = uuid.uuid4()
    body = EXAMPLES["fraga-kontaktcenter"]
    first = submit(client, "fraga-kontaktcenter", body, HTTP_IDEMPOTENCY_KEY=str(key))
    assert first.status_code == 201
    # The same key as another client may spell it: upper case, without hyphens, in braces, as a URN.
    for spelling in [str(key), str(key).upper(), key.hex, f"{{{key}}}", key.urn]:
        again = submit(client, "fraga-kontaktcenter", body, HTTP_IDEMPOTENCY_KEY=spelling)
        assert again.status_code == 200, (spelling, again.content[:200])
        assert check_response(openapi, again, PATH, "post") == first.json()
    assert Case.objects.count() == 1
    # The key is bound to its e-service: another e-service's submission with it is its own case.
    other = submit(client, "ring-upp-mig", EXAMPLES["ring-upp-mig"], HTTP_IDEMPOTENCY_KEY=str(key))
    assert other.status_code == 201
    assert other.json()["reference"] != first.json()["reference"]
    assert Case.objects.count() == 2
