"""The queue listing and the case page use a fixed number of queries, however many cases and events."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from contactcentre import actions
from contactcentre.models import Case
from contactcentre.services import NewCase, open_case
from tests.contactcentre.conftest import area, department

pytestmark = pytest.mark.django_db

NAME = "Räknar Frågesson"


def new_cases(count, staff):
    """Cases that exercise every column: an assignee, a department, a citizen's message, a flag."""
    made = []
    for number in range(count):
        case, _ = open_case(
            NewCase(title=f"Ärende {number}", service_area=area(3 + number % 3), contact_name=NAME)
        )
        if number % 3 == 0:
            actions.claim(staff["agent"], case)
        if number % 4 == 0:
            actions.citizen_message(case, "Ett tillägg")
        if number % 5 == 0:
            Case.objects.filter(pk=case.pk).update(needs_attention=True)
        made.append(case)
    return made


def count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(context.captured_queries), response


@pytest.mark.parametrize("params", [{"q": NAME}, {"q": NAME, "status": "open", "assignee": "none"}])
def test_the_listing_uses_as_many_queries_for_30_cases_as_for_3(
    signed_in, staff, django_assert_num_queries, params
):
    client = signed_in("agent")
    new_cases(3, staff)
    client.get(reverse("contactcentre_admin:index"), params)  # warms caches that are not per request
    with_three, response = count_queries(client, reverse("contactcentre_admin:index"), params)
    assert len(response.context["object_list"]) >= 1

    new_cases(27, staff)
    with django_assert_num_queries(with_three):
        response = client.get(reverse("contactcentre_admin:index"), params)
    assert len(response.context["object_list"]) > 3


def events(case, staff, notes):
    for number in range(notes):
        actions.add_note(staff["agent" if number % 2 else "admin"], case, f"Anteckning {number}")


def test_the_case_page_uses_as_many_queries_for_20_events_as_for_2(
    signed_in, staff, django_assert_num_queries
):
    client = signed_in("agent")
    small, _ = open_case(NewCase(title="Litet ärende", service_area=area(4)))
    large, _ = open_case(NewCase(title="Stort ärende", service_area=area(4)))
    events(small, staff, 1)
    events(large, staff, 19)
    assert small.events.count() == 2 and large.events.count() == 20
    detail = "contactcentre_admin:detail"
    # The first visit also writes the "viewed" entry; compare second visits.
    client.get(reverse(detail, args=[small.pk]))
    client.get(reverse(detail, args=[large.pk]))
    with_two, _ = count_queries(client, reverse(detail, args=[small.pk]))
    with django_assert_num_queries(with_two):
        client.get(reverse(detail, args=[large.pk]))


def test_a_busy_case_page_does_not_grow_with_its_timeline(signed_in, staff, django_assert_num_queries):
    """Claimed, forwarded, answered: the timeline names people and departments in one query each."""
    client = signed_in("agent")
    busy = []
    for notes in (2, 20):
        case, _ = open_case(NewCase(title="Ärende med historik", service_area=area(4)))
        actions.claim(staff["agent"], case)
        actions.forward(staff["agent"], case, department("Bygg och miljö"))
        actions.citizen_message(case, "Hej igen")
        actions.reply(staff["agent"], case, "Tack")
        events(case, staff, notes)
        busy.append(case)
    detail = "contactcentre_admin:detail"
    for case in busy:
        client.get(reverse(detail, args=[case.pk]))
    fewer, _ = count_queries(client, reverse(detail, args=[busy[0].pk]))
    with django_assert_num_queries(fewer):
        client.get(reverse(detail, args=[busy[1].pk]))
