"""Service levels: due dates on new cases, the queue's due column and filter, the status page, the command.

The demo's targets (demo/data/cases/settings.yaml): Bygg och miljö (digit 4) 16 working hours and
15 working days; Allmänna frågor (digit 9) 8 hours and 5 days.
"""

import datetime as dt

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from contactcentre import actions, service_levels
from contactcentre.models import Case, ServiceLevel
from contactcentre.models.cases import Status
from contactcentre.services import NewCase, open_case
from pages.hours import STOCKHOLM
from tests.contactcentre.conftest import area

pytestmark = pytest.mark.django_db

INDEX = reverse("contactcentre_admin:index")


def at(year, month, day, hour=0, minute=0):
    return dt.datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM)


def received(case, when):
    """Backdate a test case's arrival (a bulk update, as the demo does) and recompute its due dates."""
    Case.objects.filter(pk=case.pk).update(received_at=when)
    service_levels.recompute_due_dates(Case.objects.filter(pk=case.pk))
    return Case.objects.get(pk=case.pk)


def status_url(case):
    return reverse("case_status", kwargs={"reference": case.reference, "token": case.status_token()})


def test_open_case_sets_both_due_dates(cases):
    lamp = Case.objects.get(pk=cases["lamp"].pk)
    assert lamp.first_response_due == service_levels.first_response_due(lamp)
    assert lamp.resolution_due == service_levels.resolution_due(lamp)
    assert lamp.received_at < lamp.first_response_due < lamp.resolution_due


def test_due_dates_follow_the_areas_targets_from_arrival():
    case, _ = open_case(NewCase(title="Bygglov, fråga", service_area=area(4)))
    # Tuesday 10 March 2026 17.30, after closing: counting starts Wednesday 08.00.
    case = received(case, at(2026, 3, 10, 17, 30))
    # 16 working hours: Wednesday 8 h 45 min, Thursday 7 h 15 min.
    assert case.first_response_due == at(2026, 3, 12, 15, 15)
    # 15 working days from Wednesday 11 March: Tuesday 31 March.
    assert case.resolution_due == at(2026, 3, 31, 16, 45)


def test_an_email_gets_its_first_answer_within_one_working_day():
    case, _ = open_case(NewCase(title="Fråga om sophämtning", service_area=area(4), channel="email"))
    case = received(case, at(2026, 3, 10, 10))
    # 16 working hours would be Thursday 08.30; the e-mail rule wins: end of Wednesday.
    assert case.first_response_due == at(2026, 3, 11, 16, 45)


def test_an_area_without_a_service_level_gets_the_defaults():
    ServiceLevel.objects.filter(service_area__menu_digit=4).delete()
    case, _ = open_case(NewCase(title="Bygglov", service_area=area(4)))
    case = received(case, at(2026, 3, 10, 10))
    assert case.first_response_due == at(2026, 3, 11, 9, 15)  # 8 working hours
    assert case.resolution_due == at(2026, 3, 24, 16, 45)  # 10 working days


def test_due_state():
    case, _ = open_case(NewCase(title="Fråga", service_area=area(9)))
    case = received(case, at(2026, 3, 10, 10))  # first response Wednesday 09.15
    assert service_levels.due_state(case, at(2026, 3, 10, 11)) == service_levels.OK
    assert service_levels.due_state(case, at(2026, 3, 10, 16)) == service_levels.DUE_SOON
    assert service_levels.due_state(case, at(2026, 3, 11, 10)) == service_levels.OVERDUE
    # Once answered, only the resolution (five working days, Tuesday 17 March) counts.
    case.first_response_at = at(2026, 3, 10, 12)
    assert service_levels.due_state(case, at(2026, 3, 11, 10)) == service_levels.OK
    assert service_levels.due_state(case, at(2026, 3, 18, 8)) == service_levels.OVERDUE
    case.status = Status.RESOLVED
    assert service_levels.due_state(case, at(2026, 3, 18, 8)) == service_levels.OK


def test_the_queue_filters_overdue_cases_and_marks_them(signed_in, staff, cases):
    late, _ = open_case(NewCase(title="Sen fråga", service_area=area(4)))
    Case.objects.filter(pk=late.pk).update(resolution_due=at(2026, 1, 2, 12))
    late = Case.objects.get(pk=late.pk)
    client = signed_in("admin")
    overdue = client.get(INDEX, {"due": "overdue"})
    html = overdue.content.decode()
    listed = {case.pk for case in overdue.context["object_list"]}
    assert late.pk in listed
    assert cases["lamp"].pk not in listed
    assert "Försenat" in html and "2026-01-02 12:00" in html

    this_week = {case.pk for case in client.get(INDEX, {"due": "week"}).context["object_list"]}
    assert late.pk not in this_week
    # Resolved cases are never overdue.
    actions.resolve(staff["admin"], late, first_contact=False)
    listed = {case.pk for case in client.get(INDEX, {"due": "overdue"}).context["object_list"]}
    assert late.pk not in listed


def test_the_queue_filters_what_is_due_today(signed_in, cases):
    now = timezone.now()
    soon, _ = open_case(NewCase(title="Snart", service_area=area(4)))
    midnight = timezone.make_aware(
        dt.datetime.combine(timezone.localdate(now) + dt.timedelta(days=1), dt.time.min)
    )
    due = min(now + dt.timedelta(minutes=10), midnight - dt.timedelta(microseconds=1))
    Case.objects.filter(pk=soon.pk).update(first_response_at=now, resolution_due=due)
    client = signed_in("admin")
    today = {case.pk for case in client.get(INDEX, {"due": "today"}).context["object_list"]}
    assert soon.pk in today
    assert cases["lamp"].pk not in today  # its first response is hours away, the resolution weeks


def test_the_case_page_shows_both_due_dates(signed_in, cases):
    lamp = Case.objects.get(pk=cases["lamp"].pk)
    html = signed_in("admin").get(reverse("contactcentre_admin:detail", args=[lamp.pk])).content.decode()
    assert "Första svar senast" in html and "Ska vara löst senast" in html
    local = lamp.resolution_due.astimezone(STOCKHOLM)
    assert f"{local:%Y-%m-%d %H:%M}" in html


def test_the_status_page_shows_the_expected_date_for_open_cases(client, staff, cases):
    lamp = Case.objects.get(pk=cases["lamp"].pk)
    Case.objects.filter(pk=lamp.pk).update(resolution_due=at(2026, 3, 31, 16, 45))
    html = client.get(status_url(lamp), follow=True).content.decode()
    assert "Svar senast" in html
    assert 'datetime="2026-03-31"' in html

    actions.resolve(staff["admin"], lamp, first_contact=False)
    html = client.get(status_url(lamp), follow=True).content.decode()
    assert "Svar senast" not in html


def test_recompute_command_fills_missing_due_dates(cases):
    Case.objects.update(first_response_due=None, resolution_due=None)
    call_command("recompute_due_dates", verbosity=0)
    assert not Case.objects.filter(resolution_due__isnull=True).exists()
    assert not Case.objects.filter(first_response_due__isnull=True).exists()
    lamp = Case.objects.get(pk=cases["lamp"].pk)
    assert lamp.resolution_due == service_levels.resolution_due(lamp)


@pytest.mark.usefixtures("demo")
def test_the_demo_seeds_service_levels_and_due_dates_from_the_backdated_arrival():
    assert ServiceLevel.objects.filter(service_area__locale__language_code="sv").count() == 6
    demo = Case.objects.filter(resolution_due__isnull=False).order_by("received_at").first()
    assert demo is not None
    assert not Case.objects.filter(resolution_due__isnull=True).exists()
    assert demo.resolution_due == service_levels.resolution_due(demo)
    assert demo.first_response_due == service_levels.first_response_due(demo)


def test_service_levels_are_editable_in_the_admin(signed_in):
    client = signed_in("admin")
    response = client.get(reverse("wagtailsnippets_contactcentre_servicelevel:list"))
    assert response.status_code == 200
    assert "Bygg och miljö" in response.content.decode()


def test_a_changed_service_level_recounts_its_open_cases_due_dates(django_capture_on_commit_callbacks, staff):
    open_one, _ = open_case(NewCase(title="Öppet", service_area=area(4)))
    finished, _ = open_case(NewCase(title="Klart", service_area=area(4)))
    open_one, finished = received(open_one, at(2026, 3, 10, 9)), received(finished, at(2026, 3, 10, 9))
    actions.resolve(staff["agent"], finished, first_contact=False)
    before = Case.objects.get(pk=finished.pk).resolution_due
    level = ServiceLevel.objects.get(service_area__translation_key=area(4).translation_key)
    level.resolution_working_days = 1
    with django_capture_on_commit_callbacks(execute=True):
        level.save()
    # Tuesday 10 March 09.00: the first whole working day is Wednesday, closing at 16.45.
    assert Case.objects.get(pk=open_one.pk).resolution_due == at(2026, 3, 11, 16, 45)
    assert Case.objects.get(pk=finished.pk).resolution_due == before  # measured against the old target


def test_changed_phone_hours_recount_the_open_cases(django_capture_on_commit_callbacks):
    from pages.models import OpeningHours

    case, _ = open_case(NewCase(title="Öppet", service_area=area(9)))
    case = received(case, at(2026, 3, 10, 9))
    phone = OpeningHours.objects.get(channel=OpeningHours.PHONE)
    with django_capture_on_commit_callbacks(execute=True):
        phone.weekly.all().delete()
        phone.weekly.create(first_day=0, last_day=4, opens=dt.time(8), closes=dt.time(12))
        phone.save()
    # 8 working hours of a morning-only week: Tuesday 09–12, Wednesday 08–12, Thursday 08–09.
    assert Case.objects.get(pk=case.pk).first_response_due == at(2026, 3, 12, 9)
