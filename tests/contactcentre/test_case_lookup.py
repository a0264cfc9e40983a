"""The status look-up asks for what every receipt gives: the case reference and the status code."""

import re

from django.core import mail
from django.urls import reverse
from django.utils import translation

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contactcentre import tasks
from contactcentre.models import Case
from contactcentre.services import NewCase, open_case
from contactcentre.tokens import status_code
from tests.api.conftest import submit
from tests.api.test_submissions import FRAGA
from tests.eservices.conftest import eservice_page  # noqa: F401  (a fixture)
from tests.eservices.test_wizard_engine import SLUG, finish

pytestmark = pytest.mark.django_db


def lookup(client, reference, code):
    with translation.override("sv"):
        path = reverse("case_lookup")
    return client.post(path, {"reference": reference, "token": code})


def status_path(case):
    # The page without the token: the look-up is a POST and opens a session for the case.
    with translation.override("sv"):
        return reverse("case_status_page", args=(case.reference,))


@pytest.fixture
def case():
    case, _ = open_case(NewCase(title="Fråga om bygglov", contact_email="tolvan@example.com"))
    return case


def test_the_code_is_printed_in_groups_of_four(case):
    code = status_code(case)
    assert re.fullmatch(r"([0-9a-f]{4} ){7}[0-9a-f]{4}", code)
    assert code.replace(" ", "") == case.status_token()


def test_the_receipt_page_shows_the_reference_and_the_code_and_no_staff_text(client, eservice_page):  # noqa: F811
    _url, _done, response = finish(client, eservice_page(SLUG, 9))
    html = response.content.decode()
    case = Case.objects.latest("pk")
    assert case.reference in html
    assert f'<code class="status-code">{status_code(case)}</code>' in html
    assert reverse("case_lookup") in html
    # The anonymous citizen (no opener, no user id) is not the staff member of an assisted visit.
    assert "/besok/" not in html


def test_the_receipt_email_gives_what_the_lookup_asks_for(case):
    # open_case enqueued the receipt (sent at once by the test settings' immediate backend).
    [body] = [message.body for message in mail.outbox if case.reference in message.subject]
    assert f": {case.reference}\n" in body
    code = re.search(r": ((?:[0-9a-f]{4} ){7}[0-9a-f]{4})\n", body).group(1)
    assert tasks.lookup_url(case) in body
    assert tasks.lookup_url(case).endswith("/arende/")
    assert code == status_code(case)


def test_the_api_receipt_gives_what_the_lookup_asks_for(client):
    receipt = submit(client, "fraga-kontaktcenter", FRAGA).json()
    case = Case.objects.get(reference=receipt["reference"])
    assert receipt["status_code"] == status_code(case)
    assert receipt["lookup_url"] == tasks.lookup_url(case)
    for code in (receipt["token"], receipt["status_code"]):
        response = lookup(client, receipt["reference"], code)
        assert response.status_code == 303
        assert response["Location"] == status_path(case)


@pytest.mark.parametrize(
    "reference, code",
    [
        ("{reference}", "{grouped}"),
        (" {lower} ", "{token}"),
        ("{undashed}", "{dashed}"),
        ("{reference}", "https://www.exempelkommun.se/arende/{reference}/{token}/"),
        ("{reference}", " {upper} "),
    ],
)
def test_the_lookup_accepts_the_reference_and_code_as_citizens_type_them(client, case, reference, code):
    token = case.status_token()
    values = {
        "reference": case.reference,
        "lower": case.reference.lower(),
        "undashed": case.reference.replace("-", ""),
        "token": token,
        "grouped": status_code(case),
        "dashed": status_code(case).replace(" ", "-"),
        "upper": token.upper(),
    }
    response = lookup(client, reference.format(**values), code.format(**values))
    assert response.status_code == 303
    assert response["Location"] == status_path(case)


def test_the_lookup_form_says_where_to_find_both(client):
    html = lookup(client, "", "").content.decode()
    assert "Statuskod" in html
    assert html.count("på kvittot och i kvittot som vi mejlade") == 2  # both hints
    assert "Skriv ärendenumret från ditt kvitto." in html
    assert "Skriv statuskoden från ditt kvitto." in html
    assert 'class="error-summary"' in html


def test_a_wrong_code_is_told_beside_the_field_not_as_a_404(client, case):
    response = lookup(client, case.reference, "0" * 32)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vi hittade inget ärende med det ärendenumret och den statuskoden." in html
    assert 'id="id_reference_error"' in html
    assert 'href="#id_reference"' in html


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reference=st.text(max_size=60), code=st.text(max_size=120))
def test_nothing_a_stranger_types_gives_a_server_error(client, reference, code):
    response = lookup(client, reference, code)
    assert response.status_code in (200, 303, 429)


def test_the_code_never_travels_in_the_address(client, case):
    """The look-up form posts: a GET with the code in its query string opens nothing."""
    with translation.override("sv"):
        path = reverse("case_lookup")
    html = client.get(path).content.decode()
    assert 'method="post"' in html
    response = client.get(path, {"reference": case.reference, "token": case.status_token()})
    assert response.status_code == 200
    assert client.get(status_path(case)).status_code == 302
