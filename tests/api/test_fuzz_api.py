"""Schemathesis against /api/v1/openapi.json, in process: never a 500, and every answer as documented.

Bounded for CI (``API_FUZZ_EXAMPLES`` per operation, default below); the larger run against a
live server is ``bench/fuzz_api`` (docs/security.md, "Fuzzing and load").
"""

import os

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.conftest import API
from tests.eservices.demo_forms import SLUGS

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = int(os.environ.get("API_FUZZ_EXAMPLES", "100"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
REQUESTS = {"count": 0}


OPERATIONS = [
    ("GET", "/eservices"),
    ("GET", "/eservices/{slug}"),
    ("POST", "/eservices/{slug}/submissions"),
    ("GET", "/cases/{reference}"),
    ("GET", "/opening-hours"),
    ("GET", "/pages"),
    ("GET", "/pages/find"),
    ("GET", "/pages/{page_id}"),
    ("GET", "/service-areas"),
    ("GET", "/faq"),
    ("GET", "/blanketter"),
    ("GET", "/departments"),
    ("GET", "/officials"),
]
FUZZ = settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)


@pytest.fixture
def api_schema(settings):
    # One client sends far more than any real one: the limits would answer most cases with 429.
    limits = settings.RATE_LIMITS
    settings.RATE_LIMITS = {scope: (10**9, window) for scope, (_limit, window) in limits.items()}
    # In process, through the WSGI app (schemathesis' own pytest plugin does not run on pytest 9).
    # As Django's test client does: the end of a request must not close the test's connection.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi(f"{API}/openapi.json", get_wsgi_application())
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


def _count(**kwargs):
    REQUESTS["count"] += 1


@pytest.fixture(scope="module", autouse=True)
def count_requests():
    """The number of requests made here, printed at the end (the figure docs/security.md gives)."""
    request_started.connect(_count, dispatch_uid="api-fuzz-count")
    yield
    request_started.disconnect(dispatch_uid="api-fuzz-count")
    print(f"\nAPI requests fuzzed: {REQUESTS['count']}")  # noqa: T201


def test_every_operation_is_fuzzed(api_schema):
    found = {(result.ok().method.upper(), result.ok().path) for result in api_schema.get_all_operations()}
    assert found == {(method, f"{API}{path}") for method, path in OPERATIONS}


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_no_generated_request_is_a_500_and_every_answer_is_documented(api_schema, method, path):
    operation = api_schema[f"{API}{path}"][method]
    # Valid requests by the schema and invalid ones (wrong types, missing or extra members).
    # Path parameters: generated, and (so the bodies reach the step forms) each e-service's own slug.
    slugs = [{}, *({"slug": slug} for slug in SLUGS)] if "{slug}" in path else [{}]
    cases = st.one_of(
        *[
            operation.as_strategy(mode, path_parameters=fixed or None)
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
            for fixed in slugs
        ]
    )

    @FUZZ
    @given(case=cases)
    def call(case):
        # The WSGI transport does not unzip; an anonymous GET is compressed (core/compression.py).
        case.call_and_validate(checks=CHECKS, headers={"Accept-Encoding": "identity"})

    call()
