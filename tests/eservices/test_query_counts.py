"""Queries per step of an e-service, pinned: a change that adds one fails here, and says which step.

Felanmälan from start to receipt, as a citizen fills it in: each step's page (GET), then its
answer (POST), the check page and the sending. docs/performance.md gives the figures.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from eservices.wizard import CHECK_STEP, DONE_STEP
from tests.eservices.test_felanmalan import FAULT, PLACE, REPORTER
from tests.eservices.wizard_helpers import WizardRun

pytestmark = pytest.mark.django_db

SLUG = "felanmalan"
# (step, GET or POST) -> queries. Lower is welcome: lower the number with the change.
PINNED = {
    ("fel", "GET"): 26,
    ("fel", "POST"): 15,
    ("plats", "GET"): 21,
    ("plats", "POST"): 15,
    ("bilder", "GET"): 21,
    ("bilder", "POST"): 15,
    ("kontakt", "GET"): 21,
    ("kontakt", "POST"): 15,
    (CHECK_STEP, "GET"): 21,
    (CHECK_STEP, "POST"): 15,
}
ANSWERS = {"fel": FAULT, "plats": PLACE, "bilder": {}, "kontakt": REPORTER}


def counted(call):
    with CaptureQueriesContext(connection) as queries:
        response = call()
    return len(queries), response


def test_queries_per_step_are_pinned(client, eservice_page, private_root, settings):
    settings.PAGE_CACHE_SECONDS = 0
    page = eservice_page(SLUG)
    client.get(page.url)  # the start page: the site chrome's cache is warm, as on a busy day
    run = WizardRun(client, page)
    measured = {}
    for step, answers in ANSWERS.items():
        measured[step, "GET"], response = counted(lambda step=step: client.get(run.url(step)))
        assert response.status_code == 200, step
        measured[step, "POST"], response = counted(lambda step=step, answers=answers: run.post(step, answers))
        assert response.status_code == 302, step
    measured[CHECK_STEP, "GET"], response = counted(lambda: client.get(run.url(CHECK_STEP)))
    assert response.status_code == 200
    measured[CHECK_STEP, "POST"], response = counted(lambda: run.post(CHECK_STEP))
    assert response.status_code == 302 and response["Location"].endswith(f"/{DONE_STEP}/")
    assert measured == PINNED, measured
