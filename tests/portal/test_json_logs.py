"""``LOG_FORMAT=json``: one JSON line per request, each line with the request's id, no personal data."""

import io
import json
import logging.config
import re

from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

import pytest

from core.json_logs import json_logging

pytestmark = pytest.mark.django_db
PERSONNUMMER = "19121212-1212"


@pytest.fixture
def json_logs(settings):
    """The middleware and logging that LOG_FORMAT=json sets up; returns the JSON lines written."""
    assert settings.MIDDLEWARE[0] == "portal.health.HealthProbeMiddleware"
    settings.MIDDLEWARE = [
        settings.MIDDLEWARE[0],
        "core.json_logs.RequestIdMiddleware",
        "core.json_logs.RequestLogMiddleware",
        *settings.MIDDLEWARE[1:],
    ]
    logging.config.dictConfig(json_logging("INFO"))
    written = io.StringIO()
    [handler] = logging.getLogger().handlers
    handler.setStream(written)  # the console handler, as configured, writing here

    def lines():
        # Every line written is JSON: json.loads fails on any other.
        return [json.loads(line) for line in written.getvalue().splitlines() if line.strip()]

    yield lines
    logging.config.dictConfig(django_settings.LOGGING)


def request_lines(lines):
    return [line for line in lines if line["logger"] == "kommunportal.request"]


def test_a_request_logs_one_json_line_with_its_id(json_logs):
    response = Client(headers={"X-Request-ID": "lb-7f3a9c"}).get("/robots.txt")
    assert response["X-Request-ID"] == "lb-7f3a9c"
    [line] = request_lines(json_logs())
    assert line["message"] == "request"
    assert line["request_id"] == "lb-7f3a9c"
    assert (line["method"], line["path"], line["status"], line["level"]) == (
        "GET",
        "/robots.txt",
        200,
        "INFO",
    )
    assert {"time", "duration_ms", "user_id"} <= set(line)


def test_load_balancer_probes_are_not_logged_as_requests(json_logs):
    assert Client().get("/healthz").status_code == 200
    assert request_lines(json_logs()) == []


def test_every_line_of_a_request_carries_the_same_new_id_and_no_personnummer(json_logs):
    response = Client(headers={"X-Request-ID": "<script>"}).get(f"/sv/{PERSONNUMMER}/")
    assert response.status_code == 404
    request_id = response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)  # an id not like one is replaced
    lines = json_logs()
    # The request line and Django's "Not Found" warning, both with the request's id.
    assert len(lines) >= 2
    assert {line["request_id"] for line in lines} == {request_id}
    assert {line["logger"] for line in lines} >= {"kommunportal.request", "django.request"}
    text = json.dumps(lines)
    assert PERSONNUMMER not in text and "19121212" not in text
    assert request_lines(lines)[0]["path"] == "/sv/#/"


def test_a_status_link_is_logged_as_its_route_without_the_token(json_logs):
    Client().get(reverse("case_status", args=["KC-2026-000123", "hemligtoken42"]))
    [line] = request_lines(json_logs())
    assert "<str:token>" in line["path"]
    text = json.dumps(json_logs())
    assert "hemligtoken42" not in line["path"] and "hemligtoken42" not in text
    assert "000123" not in line["path"]
