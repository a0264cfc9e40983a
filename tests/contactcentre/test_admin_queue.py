"""The queue in the Wagtail admin: who sees which case, filters, search, handed-over cases, bulk assign."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from contactcentre import access, actions
from contactcentre.models import Case
from contactcentre.models.cases import Status
from contactcentre.services import NewCase, open_case
from tests.contactcentre.conftest import area

pytestmark = pytest.mark.django_db

INDEX = reverse("contactcentre_admin:index")


def detail_url(case):
    return reverse("contactcentre_admin:detail", args=[case.pk])


def listed(response, case) -> bool:
    """The case is a row of the listing (a link to its page), not just its reference somewhere."""
    return f'href="{detail_url(case)}"' in response.content.decode()


def messages_of(response):
    return [str(message.message) for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize(
    ("role", "lamp", "social"),
    [
        ("agent", True, False),
        ("teknik", True, False),
        ("social", False, True),
        ("admin", True, True),
    ],
)
def test_the_listing_shows_the_cases_one_may_see(signed_in, cases, role, lamp, social):
    response = signed_in(role).get(INDEX)
    assert response.status_code == 200
    assert listed(response, cases["lamp"]) is lamp
    assert listed(response, cases["social"]) is social


def test_someone_who_works_no_cases_is_turned_away(signed_in, cases):
    response = signed_in("outsider").get(INDEX)
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert signed_in("outsider").get(reverse("contactcentre_admin:add")).status_code == 302


def test_signed_out_visitors_go_to_the_login(client, cases):
    response = client.get(INDEX)
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response.url


@pytest.mark.parametrize(
    ("role", "shown"), [("agent", True), ("teknik", True), ("admin", True), ("outsider", False)]
)
def test_the_menu_item_is_shown_to_those_who_work_cases(signed_in, role, shown):
    response = signed_in(role).get(reverse("wagtailadmin_home"))
    assert (INDEX in response.content.decode()) is shown


def test_the_agent_sees_only_the_reference_of_a_confidential_case_they_logged(signed_in, cases):
    response = signed_in("agent").get(INDEX)
    page = response.content.decode()
    assert [case.reference for case in response.context["reference_only"]] == [cases["social"].reference]
    assert cases["social"].reference in page
    assert not listed(response, cases["social"])
    assert cases["social"].title not in page
    assert signed_in("agent").get(detail_url(cases["social"])).status_code == 404


def test_the_listing_never_shows_a_personnummer_or_the_contact_details(signed_in, staff):
    case, _ = open_case(
        NewCase(
            title="Fråga om bygglov",
            service_area=area(4),
            contact_name="Tolvan Tolvansson",
            contact_email="tolvan@example.com",
            contact_phone="070-123 45 67",
            answers={"kontakt": {"personnummer": "19121212-1212"}},
        )
    )
    page = signed_in("agent").get(INDEX, {"q": "Tolvansson"}).content.decode()
    assert case.reference in page
    assert "19121212-1212" not in page
    assert "tolvan@example.com" not in page
    assert "070-123 45 67" not in page


MARK = "Filtertestsson"


@pytest.fixture
def queue(staff, cases):
    """Cases that differ in one thing each, for the filters."""
    visit, _ = open_case(NewCase(title="Besök i receptionen", service_area=area(5), channel="visit"))
    school, _ = open_case(
        NewCase(title="Skolskjuts", service_area=area(3), language="en", contact_name=f"Ada Lovelace {MARK}")
    )
    old, _ = open_case(NewCase(title="Gammalt ärende", service_area=area(4)))
    Case.objects.filter(pk=old.pk).update(received_at=timezone.now() - dt.timedelta(days=40))
    actions.claim(staff["agent"], school)
    actions.resolve(staff["agent"], visit, first_contact=True)
    flagged, _ = open_case(NewCase(title="Bounced e-mail", service_area=area(4)))
    Case.objects.filter(pk=flagged.pk).update(needs_attention=True, attention_reason="e-mail failed")
    answered, _ = open_case(NewCase(title="Svar från medborgaren", service_area=area(4)))
    actions.reply(staff["agent"], answered, "Var står lampan?", wait_for_citizen=True)
    actions.citizen_message(answered, "Vid busshållplatsen.")
    found = {
        "lamp": cases["lamp"],
        "visit": visit,
        "school": school,
        "old": old,
        "flagged": flagged,
        "answered": answered,
    }
    # A name the tests search for, so the demo municipality's own cases stay out of the way.
    for name, case in found.items():
        if name != "school":
            Case.objects.filter(pk=case.pk).update(contact_name=f"{MARK} {name}")
    return found


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"channel": "visit"}, ["visit"], ["lamp", "school"]),
        ({"status": "resolved"}, ["visit"], ["lamp", "school"]),
        ({"status": "open"}, ["lamp", "school"], ["visit"]),
        ({"status": "in_progress"}, ["school", "answered"], ["lamp", "visit"]),
        ({"assignee": "mine"}, ["school"], ["lamp", "old", "visit"]),
        ({"assignee": "none"}, ["lamp", "old"], ["school"]),
        ({"language": "en"}, ["school"], ["lamp", "visit"]),
        ({"age": "today"}, ["lamp", "school"], ["old"]),
        ({"age": "week"}, ["lamp"], ["old"]),
        ({"age": "older_week"}, ["old"], ["lamp"]),
        ({"age": "older_month"}, ["old"], ["lamp", "school"]),
        ({"attention": "true"}, ["flagged", "answered"], ["lamp", "old"]),
        ({"attention": "false"}, ["lamp", "old"], ["flagged", "answered"]),
        ({"q": "Lovelace"}, ["school"], ["lamp"]),
    ],
)
def test_filters_and_search(signed_in, queue, query, shown, hidden):
    response = signed_in("agent").get(INDEX, {"q": MARK, **query})
    assert response.status_code == 200
    for name in shown:
        assert listed(response, queue[name]), name
    for name in hidden:
        assert not listed(response, queue[name]), name


def test_filters_by_area_department_and_assignee(signed_in, staff, queue):
    school = queue["school"]
    client = signed_in("agent")
    by_area = client.get(INDEX, {"service_area": school.service_area_id, "q": MARK})
    assert listed(by_area, school) and not listed(by_area, queue["lamp"])
    by_department = client.get(INDEX, {"department": queue["lamp"].department_id, "q": MARK})
    assert listed(by_department, queue["lamp"]) and not listed(by_department, school)
    by_person = client.get(INDEX, {"assignee": staff["agent"].pk, "q": MARK})
    assert listed(by_person, school) and not listed(by_person, queue["lamp"])


def test_search_finds_a_reference_and_a_registry_number(signed_in, queue):
    Case.objects.filter(pk=queue["old"].pk).update(registry_number="KS/2026/0123")
    client = signed_in("agent")
    by_reference = client.get(INDEX, {"q": queue["lamp"].reference.lower()})
    assert listed(by_reference, queue["lamp"]) and not listed(by_reference, queue["old"])
    by_number = client.get(INDEX, {"q": "KS/2026/0123"})
    assert listed(by_number, queue["old"]) and not listed(by_number, queue["lamp"])
    # Part of a reference still finds it (a substring search); a whole one is an exact look-up.
    partial = client.get(INDEX, {"q": queue["lamp"].reference[3:]})
    assert listed(partial, queue["lamp"])


def test_a_whole_reference_is_looked_up_by_equality(signed_in, queue):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = signed_in("agent")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(INDEX, {"q": f" {queue['lamp'].reference.lower()} "})
    assert listed(response, queue["lamp"]) and not listed(response, queue["old"])
    listing = [query["sql"] for query in queries.captured_queries if "contactcentre_case" in query["sql"]]
    assert any(f"\"reference\" = '{queue['lamp'].reference}'" in sql for sql in listing)
    assert not any("LIKE" in sql and "reference" in sql for sql in listing)


def test_the_results_view_filters_without_the_page_around_it(signed_in, queue):
    response = signed_in("agent").get(
        reverse("contactcentre_admin:index_results"), {"channel": "visit", "q": MARK}
    )
    assert listed(response, queue["visit"]) and not listed(response, queue["lamp"])
    assert "<html" not in response.content.decode()


def test_needs_attention_is_marked_in_the_row(signed_in, queue):
    response = signed_in("agent").get(INDEX, {"attention": "true", "q": MARK})
    assert "e-mail failed" in response.content.decode()


@pytest.mark.parametrize(
    "ordering", ["received_at", "-received_at", "reference", "-reference", "status_rank"]
)
def test_sorting(signed_in, queue, ordering):
    response = signed_in("agent").get(INDEX, {"ordering": ordering, "q": MARK})
    listed_cases = list(response.context["object_list"])
    key = {"received_at": "received_at", "reference": "reference", "status_rank": "status_rank"}[
        ordering.lstrip("-")
    ]
    values = [getattr(case, key) for case in listed_cases]
    assert values == sorted(values, reverse=ordering.startswith("-"))


def test_the_listing_has_pages_of_fifty(signed_in, staff):
    for number in range(51):
        open_case(NewCase(title=f"Ärende {number}", service_area=area(4), contact_name="Sida Sidesson"))
    response = signed_in("agent").get(INDEX, {"q": "Sida Sidesson"})
    assert len(response.context["object_list"]) == 50
    assert response.context["paginator"].count == 51
    second = signed_in("agent").get(INDEX, {"q": "Sida Sidesson", "p": 2})
    assert len(second.context["object_list"]) == 1


# --- bulk assign --------------------------------------------------------------------------------

BULK = reverse("wagtail_bulk_action", args=["contactcentre", "case", "assign"])


def test_bulk_assign_assigns_those_the_person_may_see_and_reports_the_others(signed_in, staff, queue, cases):
    client = signed_in("agent")
    ids = [queue["lamp"].pk, queue["old"].pk, queue["school"].pk, cases["social"].pk]
    query = "&".join(f"id={pk}" for pk in ids) + f"&next={INDEX}"

    confirmation = client.get(f"{BULK}?{query}")
    assert confirmation.status_code == 200
    page = confirmation.content.decode()
    assert queue["lamp"].reference in page
    # A case the agent may not see is not even named.
    assert cases["social"].reference not in page

    response = client.post(f"{BULK}?{query}", {"assignee": staff["teknik"].pk})
    assert response.status_code == 302
    assert response.url == INDEX
    for name in ("lamp", "old", "school"):
        queue[name].refresh_from_db()
    cases["social"].refresh_from_db()
    assert queue["lamp"].assignee == staff["teknik"]
    assert queue["old"].assignee == staff["teknik"]
    # Teknik's officer may not see a school case: left with the agent who claimed it.
    assert queue["school"].assignee == staff["agent"]
    assert cases["social"].assignee is None
    notes = " ".join(messages_of(response))
    assert queue["school"].reference in notes
    assert "2" in notes


def test_bulk_assign_only_to_people_who_work_cases(signed_in, staff, queue):
    client = signed_in("agent")
    response = client.post(f"{BULK}?id={queue['lamp'].pk}", {"assignee": staff["outsider"].pk})
    assert response.status_code == 200  # the form again, with its error
    queue["lamp"].refresh_from_db()
    assert queue["lamp"].assignee is None


# --- bulk status change -------------------------------------------------------------------------

BULK_STATUS = reverse("wagtail_bulk_action", args=["contactcentre", "case", "status"])


def test_bulk_close_closes_what_may_close_and_reports_the_rest(signed_in, staff, queue, cases):
    client = signed_in("agent")
    actions.change_status(staff["agent"], queue["old"], Status.CLOSED)  # a closed case stays closed
    ids = [queue["visit"].pk, queue["lamp"].pk, queue["old"].pk, cases["social"].pk]
    query = "&".join(f"id={pk}" for pk in ids) + f"&next={INDEX}"

    page = client.get(f"{BULK_STATUS}?{query}").content.decode()
    assert queue["visit"].reference in page and cases["social"].reference not in page

    response = client.post(f"{BULK_STATUS}?{query}", {"status": Status.IN_PROGRESS})
    assert response.status_code == 302 and response.url == INDEX
    for name in ("visit", "lamp", "old"):
        queue[name].refresh_from_db()
    cases["social"].refresh_from_db()
    assert queue["visit"].status == Status.IN_PROGRESS  # reopened from resolved
    assert queue["lamp"].status == Status.IN_PROGRESS
    assert queue["old"].status == Status.CLOSED  # closed cases are never reopened
    assert cases["social"].status == Status.NEW  # not the agent's to see
    notes = " ".join(messages_of(response))
    assert queue["old"].reference in notes and "2 ärenden" in notes
    assert queue["lamp"].events.filter(kind="status_changed").exists()


def test_bulk_status_needs_a_status(signed_in, queue):
    client = signed_in("agent")
    response = client.post(f"{BULK_STATUS}?id={queue['lamp'].pk}", {"status": "waiting"})
    assert response.status_code == 200  # the form again, with its error
    queue["lamp"].refresh_from_db()
    assert queue["lamp"].status == Status.NEW


# --- the rules behind the choices ---------------------------------------------------------------


def test_whom_a_case_can_be_assigned_to_follows_the_access_rules(staff, cases):
    for case in cases.values():
        candidates = set(access.staff_who_can_view(case))
        for user in staff.values():
            assert (user in candidates) is access.can_view(user, case), (user, case)


def test_who_works_cases(staff):
    assert {role for role, user in staff.items() if access.works_cases(user)} == {
        "agent",
        "teknik",
        "social",
        "admin",
    }
    assert set(staff.values()) - set(access.case_staff()) == {staff["outsider"]}


def test_cases_write_no_wagtail_log_entries(signed_in, staff, queue):
    client = signed_in("agent")
    lamp = queue["lamp"]
    client.get(detail_url(lamp))
    client.post(reverse("contactcentre_admin:claim", args=[lamp.pk]))
    client.post(reverse("contactcentre_admin:note", args=[lamp.pk]), {"note-text": "Ringt Teknik"})
    client.post(f"{BULK}?id={queue['old'].pk}", {"assignee": staff["agent"].pk})
    content_type = ContentType.objects.get_for_model(Case)
    assert not ModelLogEntry.objects.filter(content_type=content_type).exists()


# --- next case -----------------------------------------------------------------------------------

NEXT = reverse("contactcentre_admin:next")


def test_next_case_opens_the_most_urgent_unassigned_case_of_my_departments(signed_in, staff, queue, cases):
    from contactcentre import service_levels
    from contactcentre.admin_views.next_case import next_case_for

    teknik = staff["teknik"]
    mine = [case.pk for case in [*queue.values(), *cases.values()]]
    Case.objects.exclude(pk__in=mine).update(assignee=staff["admin"])  # the demo's cases out of the way
    service_levels.recompute_due_dates(Case.objects.filter(pk=queue["old"].pk))  # 40 days old: overdue
    # Teknik's unassigned new cases: the lamp, the flagged one, and the old one, the most urgent.
    expected = next_case_for(teknik)
    assert expected.pk == queue["old"].pk
    response = signed_in("teknik").get(NEXT)
    assert response["Location"] == reverse("contactcentre_admin:detail", args=[queue["old"].pk])
    # From the case page, "next" skips the case being looked at.
    after = signed_in("teknik").get(NEXT, {"efter": queue["old"].pk})
    assert after["Location"] != response["Location"]
    # A claimed case is not offered, nor one of another department.
    actions.claim(teknik, queue["old"])
    assert next_case_for(teknik).pk != queue["old"].pk
    assert next_case_for(teknik).department_id in access.department_ids(teknik)


def test_next_case_when_nothing_is_waiting(signed_in, staff):
    Case.objects.filter(status__in=["new", "forwarded"]).update(assignee=staff["admin"])
    response = signed_in("teknik").get(NEXT, follow=True)
    assert response.redirect_chain[-1][0] == INDEX
    assert "Inget otilldelat ärende väntar på dig." in response.content.decode()


def test_next_case_is_for_staff_only(signed_in):
    assert signed_in("outsider").get(NEXT).status_code in (302, 403)
    assert signed_in("outsider").get(NEXT)["Location"] != INDEX


def test_the_queue_and_the_case_page_offer_next_case(signed_in, queue):
    client = signed_in("agent")
    assert NEXT in client.get(INDEX).content.decode()
    page = client.get(reverse("contactcentre_admin:detail", args=[queue["lamp"].pk])).content.decode()
    assert f"{NEXT}?efter={queue['lamp'].pk}" in page


def exported(client, fmt, **filters):
    response = client.get(INDEX, {"export": fmt, **filters})
    assert response.status_code == 200
    return response


def test_the_queue_exports_as_xlsx_with_its_filters_and_no_personal_data(signed_in, queue):
    from io import BytesIO

    from openpyxl import load_workbook

    response = exported(signed_in("agent"), "xlsx", channel="visit")
    assert response["Content-Disposition"].startswith('attachment; filename="arenden-')
    rows = list(load_workbook(BytesIO(response.getvalue())).active.values)
    assert rows[0][:3] == ("Ärendenummer", "Diarienummer", "Inkom")
    references = [row[0] for row in rows[1:]]
    assert queue["visit"].reference in references
    assert queue["lamp"].reference not in references  # the channel filter holds
    received = rows[1 + references.index(queue["visit"].reference)][2]
    assert received == timezone.localtime(queue["visit"].received_at).replace(
        tzinfo=None, second=0, microsecond=0
    )
    flat = repr(rows)
    assert MARK not in flat  # no contact name leaves in an export


def test_the_csv_export_is_semicolon_separated_utf8_with_a_byte_order_mark(signed_in, queue):
    body = exported(signed_in("agent"), "csv", q=queue["visit"].reference).getvalue()
    assert body.startswith("\ufeff".encode())
    lines = body.decode("utf-8-sig").splitlines()
    assert lines[0].split(";")[0] == "Ärendenummer"
    assert lines[1].split(";")[0] == queue["visit"].reference
    assert lines[1].split(";")[-1] == "Ja"  # resolved at first contact


def test_the_export_is_offered_in_the_more_menu_with_the_current_filters(signed_in, queue):
    page = signed_in("agent").get(INDEX, {"channel": "visit"}).content.decode()
    assert "?channel=visit&amp;export=xlsx" in page
    assert "?channel=visit&amp;export=csv" in page


def test_someone_who_works_no_cases_cannot_export(signed_in, queue):
    response = signed_in("outsider").get(INDEX, {"export": "xlsx"})
    assert response.status_code in (302, 403)
    assert queue["lamp"].reference.encode() not in response.content


@pytest.mark.parametrize(("role", "shown"), [("agent", False), ("admin", True), ("outsider", False)])
def test_the_statistics_menu_item_follows_the_statistics_permission(signed_in, role, shown):
    page = signed_in(role).get(reverse("wagtailadmin_home")).content.decode()
    assert (reverse("contactcentre_statistics:index") in page) is shown
