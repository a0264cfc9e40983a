"""Form posts a stranger can make to an e-service step: a clear 400, never a 500.

The client enforces CSRF checks like a real server: Django's test client otherwise skips
the CSRF middleware's read of ``request.POST``, which is where an undecodable body breaks.
"""

import re

from django.test import Client
from django.test.client import BOUNDARY, encode_multipart

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eservices.models import EServicePage
from eservices.wizard import CHECK_STEP
from tests.eservices.wizard_helpers import WizardRun

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"
CHARSETS = ["latin-1", "iso-8859-1", "utf-16", "utf-16-le", "utf-32", "cp1252", "ascii", "utf8", "UTF-8"]
CHARSETS += ["bogus"]


class StrictRun(WizardRun):
    """A run in a browser-like client: CSRF enforced, token sent with each post."""

    def __init__(self, page):
        client = Client(enforce_csrf_checks=True, raise_request_exception=False)
        super().__init__(client, page)
        html = client.get(self.first_url).content.decode()
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def post(self, step, data=None):
        payload = {"csrfmiddlewaretoken": self.token, f"{self.prefix}-current_step": step}
        payload.update({f"{step}-{key}": value for key, value in (data or {}).items()})
        return self.client.post(self.url(step), payload)

    def post_raw(self, step, body: bytes, content_type: str):
        # generic() sends the bytes as they are (post() would re-encode them in the charset).
        return self.client.generic("POST", self.url(step), body, content_type=content_type)

    def form_body(self, step, fields: dict, encoding="utf-8") -> bytes:
        from urllib.parse import urlencode

        payload = {"csrfmiddlewaretoken": self.token, f"{self.prefix}-current_step": step, **fields}
        return urlencode(payload, encoding=encoding).encode("ascii")


def _pages():
    return list(EServicePage.objects.live().filter(locale__language_code="sv"))


def _first_step(run):
    return run.first_url.rstrip("/").rsplit("/", 1)[1]


@pytest.mark.parametrize("charset", ["latin-1", "utf-16", "utf-32", "undefined", "UNDEFINED", "base64"])
def test_a_body_in_another_charset_gets_our_400_page(charset):
    page = EServicePage.objects.get(eservice_slug="fraga-kontaktcenter", locale__language_code="sv")
    run = StrictRun(page)
    step = _first_step(run)
    body = run.form_body(step, {f"{step}-subject": "Hej på dig"}, encoding="latin-1")
    response = run.post_raw(step, body, f"{FORM}; charset={charset}")
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="sv"' in html
    assert "Felaktig begäran" in html  # our page, in Swedish


def test_an_unknown_current_step_is_a_400_and_keeps_the_answers():
    page = EServicePage.objects.get(eservice_slug="fraga-kontaktcenter", locale__language_code="sv")
    run = StrictRun(page)
    first = _first_step(run)
    run.answer(first, {"subject": "Sophämtning", "question": "När hämtas soporna på Storgatan?"})
    for bogus in ["nonexistent", "skickat", "", "../" + first, "x" * 500]:
        payload = {"csrfmiddlewaretoken": run.token, f"{run.prefix}-current_step": bogus}
        response = run.client.post(run.url(first), payload)
        assert response.status_code == 400, bogus
        assert "Felaktig begäran" in response.content.decode()
    # The answers given before are still there, and the run goes on from where it was.
    assert "Storgatan" in run.client.get(run.url(first)).content.decode()
    response = run.client.get(run.url(CHECK_STEP), follow=True)
    assert response.status_code == 200


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.data(),
    # Header text a client can send: no control characters, no newlines.
    charset=st.one_of(
        st.sampled_from(CHARSETS), st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=20)
    ),
    current_step=st.one_of(st.text(max_size=40), st.sampled_from(["nonexistent", CHECK_STEP, "skickat"])),
    value=st.text(max_size=60),
    raw=st.binary(max_size=200),
)
def test_no_generated_form_post_is_a_500(data, charset, current_step, value, raw):
    page = data.draw(st.sampled_from(_pages()))
    run = StrictRun(page)
    step = data.draw(st.sampled_from([_first_step(run), CHECK_STEP]))
    body = run.form_body(current_step or step, {f"{step}-x": value}) + b"&" + raw
    response = run.post_raw(step, body, f"{FORM}; charset={charset}")
    assert response.status_code < 500, (charset, current_step, response.content[:300])
    # The same as multipart (how the steps with a photo post), with the same charset.
    fields = {"csrfmiddlewaretoken": run.token, f"{run.prefix}-current_step": current_step}
    fields[f"{step}-x"] = value
    body = encode_multipart(BOUNDARY, fields)
    response = run.post_raw(step, body, f"multipart/form-data; boundary={BOUNDARY}; charset={charset}")
    assert response.status_code < 500, (charset, current_step, response.content[:300])
