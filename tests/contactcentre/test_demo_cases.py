"""The demo's staff, department groups and cases, as ``seed_demo`` builds them (tests/conftest.py)."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db.models import Count, Min
from django.utils import timezone

import pytest

from contactcentre import access, workflow
from contactcentre.models import CannedReply, Case, CaseEvent, DepartmentGroup
from contactcentre.models.cases import Channel, Status
from tests.conftest import DEMO_PASSWORD

# About the demo municipality itself: it is seeded for these tests.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

STAFF = {
    # username: (groups, department of their DepartmentGroup or None)
    "agent": ({"Kontaktcenter"}, "Kontaktcenter"),
    "agent2": ({"Kontaktcenter"}, "Kontaktcenter"),
    "chef": ({"Kontaktcenter", "Kontaktcenterchef"}, "Kontaktcenter"),
    "teknik": ({"Handläggare Teknik"}, "Teknik"),
    "utbildning": ({"Handläggare Utbildning"}, "Utbildningsförvaltningen"),
    "social": ({"Handläggare Socialtjänst"}, "Socialförvaltningen"),
    "omsorg": ({"Handläggare Vård och omsorg"}, "Vård- och omsorgsförvaltningen"),
}


def user(username):
    return get_user_model().objects.get(username=username)


# --- staff ------------------------------------------------------------------------------------


@pytest.mark.parametrize("username", sorted(STAFF))
def test_staff_users_have_their_groups_and_departments(username):
    groups, department = STAFF[username]
    person = user(username)
    assert person.check_password(DEMO_PASSWORD)
    assert not person.is_superuser
    assert set(person.groups.values_list("name", flat=True)) == groups
    assert person.has_perm("wagtailadmin.access_admin")
    departments = set(
        DepartmentGroup.objects.filter(group__user=person).values_list("department__name", flat=True)
    )
    assert departments == {department}


def test_who_works_the_queue_and_who_sees_statistics():
    for username in ("agent", "agent2", "chef"):
        assert user(username).has_perm("contactcentre.work_queue")
    for username in ("teknik", "utbildning", "social", "omsorg"):
        assert not user(username).has_perm("contactcentre.work_queue")
    assert user("chef").has_perm("contactcentre.view_statistics")
    assert not user("agent").has_perm("contactcentre.view_statistics")


def test_every_department_has_a_staff_group():
    mapped = dict(DepartmentGroup.objects.values_list("group__name", "department__name"))
    assert mapped["Handläggare Teknik"] == "Teknik"
    assert mapped["Handläggare Utbildning"] == "Utbildningsförvaltningen"
    assert mapped["Handläggare Socialtjänst"] == "Socialförvaltningen"
    assert mapped["Handläggare Vård och omsorg"] == "Vård- och omsorgsförvaltningen"
    assert len(set(mapped.values())) == 8  # all eight departments of the demo
    for name in mapped:
        assert Group.objects.get(name=name).permissions.filter(codename="access_admin").exists()


def test_editors_and_agents_may_edit_canned_replies():
    for group in ("Editors", "Kontaktcenter"):
        codenames = set(Group.objects.get(name=group).permissions.values_list("codename", flat=True))
        assert {"add_cannedreply", "change_cannedreply"} <= codenames
    assert CannedReply.objects.filter(locale__language_code="sv").count() >= 8
    assert CannedReply.objects.filter(title="Tack för din felanmälan", service_area__menu_digit=4).exists()


# --- cases --------------------------------------------------------------------------------------


def test_a_few_hundred_cases_over_channels_areas_and_statuses():
    assert Case.objects.count() >= 250
    channels = set(Case.objects.values_list("channel", flat=True))
    assert {Channel.WEB, Channel.PHONE, Channel.EMAIL, Channel.VISIT, Channel.LETTER, Channel.API} <= channels
    assert set(Case.objects.values_list("service_area__menu_digit", flat=True)) == {1, 2, 3, 4, 5, 9}
    statuses = dict(Case.objects.values_list("status").annotate(n=Count("pk")))
    assert set(statuses) == set(Status.values)
    # Mostly dealt with, some still open: a queue to work in.
    assert statuses[Status.CLOSED] + statuses[Status.RESOLVED] > Case.objects.count() / 2
    assert Case.objects.exclude(status__in=[Status.CLOSED, Status.RESOLVED]).count() >= 20


def test_cases_arrived_over_the_past_90_days_at_all_hours():
    now = timezone.now()
    times = [timezone.localtime(t) for t in Case.objects.values_list("received_at", flat=True)]
    assert all(now - dt.timedelta(days=90) <= t <= now for t in times)
    assert max(times) - min(times) > dt.timedelta(days=75)
    assert sum(t.weekday() >= 5 for t in times) >= 10
    assert sum(t.hour < 7 or t.hour >= 20 for t in times) >= 10
    # Phone calls and visits only when the contact centre is open.
    for case in Case.objects.filter(channel__in=[Channel.PHONE, Channel.VISIT]):
        local = timezone.localtime(case.received_at)
        assert local.weekday() < 5 and 8 <= local.hour < 17, case


def test_references_follow_arrival():
    references = list(Case.objects.order_by("received_at", "pk").values_list("reference", flat=True))
    assert references == sorted(references)
    assert all(reference.startswith("KC-") for reference in references)


def test_confidential_cases_belong_to_their_departments():
    confidential = Case.objects.filter(confidential=True).select_related("service_area", "department")
    assert confidential.count() >= 30
    for case in confidential:
        assert case.service_area.confidential
        assert case.department_id == case.service_area.default_department_id
        assert case.committee_id == case.department.committee_id
    assert not CaseEvent.objects.filter(case__confidential=True, kind=CaseEvent.FORWARDED).exists()
    assert not Case.objects.filter(confidential=False, service_area__confidential=True).exists()


def test_the_demo_staff_see_what_the_rules_allow():
    social, teknik, agent = user("social"), user("teknik"), user("agent")
    social_cases = access.visible_cases(social)
    assert social_cases.exists()
    assert set(social_cases.values_list("department__name", flat=True)) == {"Socialförvaltningen"}
    assert not access.visible_cases(agent).filter(confidential=True).exists()
    assert access.reference_only_cases(agent).exists()  # confidential calls the agent logged
    assert access.visible_cases(teknik).filter(department__name="Teknik").count() >= 20
    # Whoever holds a case may see it.
    for case in Case.objects.exclude(assignee=None).select_related("assignee"):
        assert access.can_view(case.assignee, case), case


def test_timelines_are_consistent():
    now = timezone.now()
    for case in Case.objects.prefetch_related("events"):
        events = list(case.events.all())
        assert events[0].kind == CaseEvent.CREATED
        assert events[0].created_at == case.received_at
        assert all(case.received_at <= event.created_at <= now for event in events), case
        assert [e.created_at for e in events] == sorted(e.created_at for e in events)
        # The status changes chain from "new" to the case's status through allowed transitions.
        status = Status.NEW
        for event in events:
            if event.kind == CaseEvent.STATUS_CHANGED:
                assert event.data["from"] == status, case
                workflow.check(status, event.data["to"])
                status = event.data["to"]
        assert status == case.status, case
        replies = [e for e in events if e.kind == CaseEvent.REPLY]
        assert case.first_response_at == (replies[0].created_at if replies else None), case
        if case.status in (Status.RESOLVED, Status.CLOSED) and case.resolved_at_first_contact is not None:
            assert case.received_at < case.resolved_at <= now


def test_first_contact_resolution_near_the_aim():
    """About 45 % of what the contact centre resolves is resolved at first contact."""
    agents = set(Group.objects.get(name="Kontaktcenter").user_set.values_list("pk", flat=True))
    first_claims = (
        CaseEvent.objects.filter(kind=CaseEvent.ASSIGNED)
        .values("case")
        .annotate(first=Min("pk"))
        .values_list("first", flat=True)
    )
    handled = CaseEvent.objects.filter(pk__in=first_claims, actor__in=agents).values("case")
    resolved = Case.objects.filter(pk__in=handled, status__in=[Status.RESOLVED, Status.CLOSED]).exclude(
        resolved_at_first_contact=None
    )
    rate = resolved.filter(resolved_at_first_contact=True).count() / resolved.count()
    assert 0.3 <= rate <= 0.6, rate
    assert resolved.exclude(resolved_faq=None).count() >= 10
    assert not Case.objects.filter(department__name="Kontaktcenter", status=Status.FORWARDED).exists()


def test_contact_details_are_fictional():
    emails = set(Case.objects.exclude(contact_email="").values_list("contact_email", flat=True))
    assert emails and all(email.endswith("@example.com") for email in emails)
    assert Case.objects.filter(contact_email="").exists()
    assert not Case.objects.filter(protected_identity=True).exclude(contact_email="").exists()


def test_each_case_reads_on_its_own():
    for case in Case.objects.all()[:50]:
        [step] = case.form_snapshot["steps"]
        assert step["name"] == "arende"
        assert [f["label"] for f in step["fields"]] == ["Ärende", "Beskrivning"]
        assert case.answers["arende"]["arende"] == case.title


# --- the seed ---------------------------------------------------------------------------------------


def test_seed_adds_no_cases_when_there_are_some():
    before = Case.objects.count(), CaseEvent.objects.count()
    call_command("seed_demo", password=DEMO_PASSWORD, verbosity=0, no_index=True)
    assert (Case.objects.count(), CaseEvent.objects.count()) == before


def test_demo_cases_are_deterministic_and_send_no_email(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    seeded = sorted(Case.objects.values_list("title", "channel", "contact_name", "service_area__menu_digit"))
    Case.objects.all().delete()
    mail.outbox = []
    call_command("seed_demo", password=DEMO_PASSWORD, verbosity=0, no_index=True)
    again = sorted(Case.objects.values_list("title", "channel", "contact_name", "service_area__menu_digit"))
    assert again == seeded
    assert mail.outbox == []


@pytest.mark.parametrize("channel", [Channel.PHONE, Channel.EMAIL, Channel.WEB])
def test_the_agent_always_finds_new_unclaimed_work_of_each_common_channel(channel):
    """Which random stories stay new depends on the day the seed runs; the freshest contacts do not."""
    new = access.visible_cases(user("agent")).filter(status=Status.NEW, channel=channel, assignee=None)
    assert new.filter(department__name="Kontaktcenter").count() >= 2
