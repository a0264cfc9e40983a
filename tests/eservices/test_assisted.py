"""Staff fill in an e-service with walk-in visitors: each visitor a new run, recorded as a visit."""

from django.contrib.auth.models import Permission

import pytest

from contactcentre.models import Case
from contactcentre.models.cases import Channel
from eservices.wizard import CHECK_STEP
from tests.eservices.test_wizard_engine import CONTACT, QUESTION, SLUG, post_step, step_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def agent_client(client, django_user_model):
    agent = django_user_model.objects.create_user("besok-agent", password="x")
    agent.user_permissions.add(Permission.objects.get(codename="work_queue"))
    client.force_login(agent)
    client.agent = agent
    return client


def start_assisted(client, page):
    response = client.get(page.url + "besok/")
    assert response.status_code == 302
    return response["Location"]


def serve_visitor(client, page, subject, consent=True):
    url = start_assisted(client, page)
    assert post_step(client, url, "fraga", {**QUESTION, "subject": subject}).status_code == 302
    post_step(client, step_url(url, "kontakt"), "kontakt", CONTACT)
    check = client.get(step_url(url, CHECK_STEP)).content.decode()
    assert "visitor_consent" in check
    assert "wizard_save" not in check  # no save-for-later when filling in for someone
    data = {"visitor_consent": "on"} if consent else {}
    return url, post_step(client, step_url(url, CHECK_STEP), CHECK_STEP, data)


def test_two_visitors_in_a_row_get_their_own_cases(agent_client, eservice_page):
    page = eservice_page(SLUG, 9)
    first_url, response = serve_visitor(agent_client, page, "Bygglov för altan")
    receipt = agent_client.get(response["Location"], follow=True)
    assert "besok/" in receipt.content.decode()  # start again for the next visitor
    second_url, response = serve_visitor(agent_client, page, "Hemtjänst")
    agent_client.get(response["Location"], follow=True)
    assert first_url.split("/")[-3] != second_url.split("/")[-3]
    cases = Case.objects.order_by("pk")
    assert [c.title for c in cases] == ["Bygglov för altan", "Hemtjänst"]
    for case in cases:
        assert case.channel == Channel.VISIT
        assert case.opened_by == agent_client.agent
        assert case.visitor_consent is True


def test_without_the_visitors_consent_nothing_is_sent(agent_client, eservice_page):
    page = eservice_page(SLUG, 9)
    _, response = serve_visitor(agent_client, page, "Bygglov", consent=False)
    assert response.status_code == 200
    assert 'id="id_kontrollera-visitor_consent_error"' in response.content.decode()
    assert not Case.objects.exists()


def test_citizens_cannot_start_assisted_mode(client, eservice_page):
    page = eservice_page(SLUG, 9)
    response = client.get(page.url + "besok/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_citizens_own_run_is_a_web_case(client, eservice_page):
    from tests.eservices.test_wizard_engine import finish

    finish(client, eservice_page(SLUG, 9))
    case = Case.objects.get()
    assert case.channel == Channel.WEB and case.opened_by is None and not case.visitor_consent


def test_the_next_visitor_cannot_page_back_to_the_last_visitors_answers(agent_client, eservice_page):
    """A sent run keeps its answers for its citizen; at the desk, the next visitor's run forgets them."""
    page = eservice_page(SLUG, 9)
    first_url, response = serve_visitor(agent_client, page, "Skuldsanering för Anna")
    agent_client.get(response["Location"], follow=True)
    back = agent_client.get(first_url)
    assert "Skuldsanering för Anna" in back.content.decode()  # still there until the next visitor
    start_assisted(agent_client, page)
    back = agent_client.get(first_url, follow=True)
    assert "Skuldsanering för Anna" not in back.content.decode()
    assert not [
        key for key in agent_client.session.keys() if key.endswith(first_url.split("/")[-3].replace("-", ""))
    ]
