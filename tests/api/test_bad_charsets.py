"""Bodies in any declared charset to the API: a JSON 4xx, never a 500 or an HTML page."""

from django.test import Client, override_settings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

API = "/api/v1"
CONTENT_TYPES = ["application/json", "application/x-www-form-urlencoded", "text/plain", "multipart/form-data"]


# Enough attempts that the bodies, not the rate limit, decide the answers.
@override_settings(RATE_LIMITS={"submission": (10_000, 3600)})
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    content_type=st.sampled_from(CONTENT_TYPES),
    charset=st.one_of(
        st.sampled_from(["latin-1", "utf-16", "utf-32", "cp1252", "bogus", "utf-8", "undefined", "base64"]),
        st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=20),
    ),
    body=st.one_of(st.binary(max_size=200), st.text(max_size=60).map(lambda text: text.encode("utf-16"))),
)
def test_a_submission_in_any_charset_is_a_json_4xx(content_type, charset, body):
    client = Client(raise_request_exception=False)
    response = client.generic(
        "POST",
        f"{API}/eservices/fraga-kontaktcenter/submissions",
        body,
        content_type=f"{content_type}; charset={charset}",
        REMOTE_ADDR="192.0.2.10",
    )
    assert response.status_code in {400, 413, 422}, (response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    response.json()
