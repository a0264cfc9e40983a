"""Every refusal is an ``access.denied`` security event (core.middleware.DeniedAccessLogMiddleware)."""

import logging

from django.urls import reverse

import pytest

from tests.contactcentre.test_personal_data import TOLVAN, case_of
from tests.portal.staff import SECURITY_LOGGER, events

pytestmark = pytest.mark.django_db


@pytest.fixture
def security(caplog):
    caplog.set_level(logging.INFO, logger=SECURITY_LOGGER)
    return caplog


def test_a_case_officer_opening_another_departments_case_is_logged(signed_in, security):
    case = case_of(TOLVAN)  # Teknik's case
    response = signed_in("social").get(reverse("contactcentre_admin:detail", args=[case.pk]))
    assert response.status_code == 404
    (denied,) = events(security, "access.denied")
    assert denied["status"] == 404
    assert denied["user"].endswith("social")
    assert denied["path"] == reverse("contactcentre_admin:detail", args=[case.pk])


def test_a_forbidden_action_is_logged(signed_in, security):
    case = case_of(TOLVAN)
    response = signed_in("outsider").post(reverse("contactcentre_admin:reveal", args=[case.pk]))
    assert response.status_code in (403, 404)
    assert [event["status"] for event in events(security, "access.denied")] == [response.status_code]


def test_an_agent_asking_for_a_registerutdrag_is_logged(signed_in, security):
    url = reverse("contactcentre_admin:registerutdrag")
    response = signed_in("agent").post(url, {"personnummer": TOLVAN})
    assert response.status_code == 302  # Wagtail's admin: back to the dashboard with a message
    (denied,) = events(security, "access.denied")
    assert denied["status"] == 403
    assert TOLVAN not in str(denied)


def test_the_case_officer_on_their_own_case_and_a_citizens_404_are_not_logged(signed_in, client, security):
    case = case_of(TOLVAN)
    assert signed_in("teknik").get(reverse("contactcentre_admin:detail", args=[case.pk])).status_code == 200
    assert client.get("/sv/finns-inte/").status_code == 404
    assert events(security, "access.denied") == []
