"""Logging a phone call, e-mail, letter or visit as a case from the admin."""

from django.contrib.messages import get_messages
from django.urls import reverse

import pytest

from contactcentre.models import Case, CaseEvent
from contactcentre.models.cases import Channel, Status
from pages.models import FAQ
from tests.contactcentre.conftest import area

pytestmark = pytest.mark.django_db

ADD = reverse("contactcentre_admin:add")


def logged(client, **fields):
    data = {
        "channel": Channel.PHONE,
        "service_area": area(4).pk,
        "title": "Gatlampa släckt på Storgatan",
        "description": "Ringde om en släckt lampa vid nummer 12.",
        **fields,
    }
    response = client.post(ADD, data)
    return response, Case.objects.order_by("-pk").first()


def test_the_form_opens_with_phone_chosen(signed_in):
    response = signed_in("agent").get(ADD)
    assert response.status_code == 200
    assert response.context["form"]["channel"].value() == Channel.PHONE
    page = response.content.decode()
    assert "<fieldset" in page and "<legend" in page


def test_a_visit_becomes_a_case_with_the_visit_channel(signed_in, staff):
    response, case = logged(signed_in("agent"), channel=Channel.VISIT, contact_name="Tolvan Tolvansson")
    assert response.status_code == 302
    assert response.url == reverse("contactcentre_admin:detail", args=[case.pk])
    assert case.channel == "visit"
    assert case.opened_by == staff["agent"]
    assert case.department.name == "Teknik"
    assert case.status == Status.NEW
    assert case.resolved_at_first_contact is None
    assert case.events.get(kind=CaseEvent.CREATED).data == {"channel": "visit"}
    # What it was about reads on the case page like any form's answers.
    page = signed_in("agent").get(response.url).content.decode()
    assert "Ringde om en släckt lampa vid nummer 12." in page


@pytest.mark.usefixtures("demo")
def test_resolved_now_is_resolved_at_first_contact(signed_in):
    faq = FAQ.objects.filter(locale__language_code="sv").first()
    _response, case = logged(signed_in("agent"), resolved_now="on", faq=faq.pk)
    assert case.status == Status.RESOLVED
    assert case.resolved_at_first_contact is True
    assert case.resolved_faq == faq


def test_a_confidential_area_hands_the_case_over_and_shows_only_its_reference(signed_in, staff):
    response, case = logged(signed_in("agent"), service_area=area(2).pk, resolved_now="on")
    assert case.confidential and case.department.name == "Socialförvaltningen"
    assert response.url == reverse("contactcentre_admin:index")
    [message] = get_messages(response.wsgi_request)
    assert case.reference in str(message.message)
    assert case.title not in str(message.message)
    # The department decides how it ends, not the agent who can no longer see it.
    assert case.status == Status.NEW
    listing = signed_in("agent").get(reverse("contactcentre_admin:index"))
    assert case in listing.context["reference_only"]


def test_a_form_with_errors_is_shown_again(signed_in):
    before = Case.objects.count()
    response = signed_in("agent").post(ADD, {"channel": Channel.PHONE, "title": ""})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert Case.objects.count() == before
