"""Ring upp mig: a citizen asks to be called back; the request reaches the queue with its window."""

import datetime as dt
from unittest import mock

from django.utils import timezone

import pytest

from contactcentre.models import Case
from eservices import registry
from eservices.definitions import ring_upp_mig
from eservices.definitions.ring_upp_mig import (
    NEXT_AFTERNOON,
    NEXT_MORNING,
    TODAY_AFTERNOON,
    TODAY_MORNING,
    CallBackForm,
    next_working_day,
    window_has_passed,
)
from pages.models import OpeningHours, OpeningHoursException
from tests.eservices.wizard_helpers import WizardRun, assert_field_error

pytestmark = pytest.mark.django_db
SLUG = "ring-upp-mig"
CALL = {"phone": "070-174 06 12", "name": "Tolvan Tolvansson", "window": NEXT_MORNING, "about": "Bygglov"}
TZ = timezone.get_default_timezone()


@pytest.fixture
def page(eservice_page):
    return eservice_page(SLUG, 9)


def test_the_definition():
    eservice = registry.get(SLUG)
    assert eservice.service_area_digit == 9
    assert eservice.department == "Kontaktcenter"
    assert eservice.retention_days == 90
    assert [step.name for step in eservice.steps] == ["ring"]
    assert all(step.condition is None for step in eservice.steps)


def test_the_demo_has_a_page_for_it():
    from eservices.models import EServicePage

    page = EServicePage.objects.get(eservice=SLUG, locale__language_code="sv")
    assert page.slug == SLUG
    assert page.get_parent().slug == "allmanna-fragor"


def test_a_call_back_request_reaches_the_contact_centre_with_its_window(client, page):
    run = WizardRun(client, page)
    run.answer("ring", CALL, then="kontrollera")
    assert "Bygglov" in run.check_page()
    run.send()
    case = Case.objects.get()
    day = next_working_day(timezone.localdate())
    assert case.title == f"Ring upp {day.day}/{day.month} 08–12: Bygglov"
    assert case.department.name == "Kontaktcenter"
    assert case.service_area.menu_digit == 9
    assert case.eservice == SLUG
    assert (case.contact_name, case.contact_phone, case.contact_email) == (
        "Tolvan Tolvansson",
        "070-174 06 12",
        "",
    )
    assert case.answers["ring"]["window"] == NEXT_MORNING
    [step] = case.form_snapshot["steps"]
    assert {field["name"] for field in step["fields"]} == {"phone", "name", "window", "about"}
    assert case.retain_until == timezone.localdate(case.received_at) + dt.timedelta(days=90)
    # In the contact centre's queue, with its window in the title, and counted as its contact.
    assert case.handled_by_contact_centre
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="agent"))
    listing = client.get("/admin/arenden/", {"status": "new"}).content.decode()
    assert case.reference in listing and f"Ring upp {day.day}/{day.month} 08–12" in listing


@pytest.mark.parametrize("phone", ["12345", "070 abc 12 34", "070-174 06 12 12 12 12 12", "070/1740612"])
def test_an_invalid_phone_number_gets_a_message_beside_the_field(client, page, phone):
    run = WizardRun(client, page)
    response = run.post("ring", {**CALL, "phone": phone})
    assert_field_error(
        response, "id_ring-phone", "Enter a phone number with 6 to 15 digits, for example 070-123 45 67."
    )
    assert not Case.objects.exists()


@pytest.mark.parametrize("phone", ["070-174 06 12", "+46 70 174 06 12", "08-465 004 00", "123456"])
def test_phone_numbers_written_in_the_usual_ways_are_accepted(phone):
    form = CallBackForm(data={**CALL, "phone": phone})
    assert form.is_valid(), form.errors


def test_required_fields_get_messages(client, page):
    run = WizardRun(client, page)
    response = run.post("ring", {})
    assert_field_error(response, "id_ring-phone", "This field is required.")
    assert_field_error(response, "id_ring-about", "This field is required.")


def at(year, month, day, hour, minute=0):
    return dt.datetime(year, month, day, hour, minute, tzinfo=TZ)


def test_a_window_today_that_has_passed_is_refused():
    thursday_morning, thursday_afternoon = at(2026, 11, 26, 9), at(2026, 11, 26, 13)
    assert not window_has_passed(TODAY_MORNING, thursday_morning)
    assert window_has_passed(TODAY_MORNING, thursday_afternoon)
    assert not window_has_passed(TODAY_AFTERNOON, thursday_afternoon)
    assert window_has_passed(TODAY_AFTERNOON, at(2026, 11, 27, 16, 10))  # Friday: until 16.00
    assert window_has_passed(TODAY_MORNING, at(2026, 11, 28, 9))  # Saturday
    assert not window_has_passed(NEXT_AFTERNOON, at(2026, 11, 28, 9))
    with mock.patch.object(ring_upp_mig.timezone, "localtime", return_value=at(2026, 11, 26, 13)):
        form = CallBackForm(data={**CALL, "window": TODAY_MORNING})
        assert not form.is_valid()
        assert "window" in form.errors


def test_the_next_working_day_skips_the_weekend():
    assert next_working_day(dt.date(2026, 11, 26)) == dt.date(2026, 11, 27)
    assert next_working_day(dt.date(2026, 11, 27)) == dt.date(2026, 11, 30)
    assert next_working_day(dt.date(2026, 11, 28)) == dt.date(2026, 11, 30)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2024, 12, 23), dt.date(2024, 12, 27)),  # Christmas Eve (closed), Christmas Day, Annandag
        (dt.date(2026, 12, 23), dt.date(2026, 12, 28)),  # … and then the weekend
        (dt.date(2026, 12, 30), dt.date(2027, 1, 4)),  # New Year's Eve, New Year's Day, the weekend
        (dt.date(2027, 1, 4), dt.date(2027, 1, 5)),  # Trettondagsafton: open 08–13 is a working day
        (dt.date(2027, 1, 5), dt.date(2027, 1, 7)),  # Trettondedag jul
        (dt.date(2026, 4, 2), dt.date(2026, 4, 7)),  # Långfredagen to Annandag påsk
        (dt.date(2026, 5, 13), dt.date(2026, 5, 15)),  # Kristi himmelsfärds dag
        (dt.date(2026, 6, 18), dt.date(2026, 6, 22)),  # Midsommarafton (closed), summer hours after
    ],
)
def test_the_next_working_day_skips_holidays_and_the_eves_the_contact_centre_keeps_closed(day, expected):
    assert next_working_day(day) == expected


def test_the_next_working_day_skips_a_day_an_editor_closed():
    phone = OpeningHours.objects.get(channel=OpeningHours.PHONE)
    OpeningHoursException.objects.create(
        opening_hours=phone, date=dt.date(2026, 11, 27), closed=True, note="Flytt"
    )
    assert next_working_day(dt.date(2026, 11, 26)) == dt.date(2026, 11, 30)


def test_a_window_today_on_a_holiday_or_a_closed_eve_is_refused():
    assert window_has_passed(TODAY_MORNING, at(2026, 12, 24, 9))  # Christmas Eve, a Thursday
    assert window_has_passed(TODAY_AFTERNOON, at(2026, 5, 14, 12, 30))  # Ascension Day
    assert not window_has_passed(TODAY_MORNING, at(2026, 12, 23, 9))
    assert not window_has_passed(NEXT_MORNING, at(2026, 12, 24, 9))
    with mock.patch.object(ring_upp_mig.timezone, "localtime", return_value=at(2026, 12, 24, 9)):
        form = CallBackForm(data={**CALL, "window": TODAY_MORNING})
        assert not form.is_valid()
    assert form.errors["window"] == [
        "Den tiden har passerat eller så har vi stängt den dagen: välj nästa arbetsdag."
    ]


def test_a_call_back_asked_for_before_christmas_is_planned_after_it():
    with mock.patch.object(ring_upp_mig.timezone, "localdate", return_value=dt.date(2026, 12, 23)):
        details = ring_upp_mig.describe({"ring": {**CALL, "window": NEXT_MORNING}})
    assert details["title"] == "Ring upp 28/12 08–12: Bygglov"


def test_describe_puts_the_window_and_the_subject_in_the_title():
    with mock.patch.object(ring_upp_mig.timezone, "localdate", return_value=dt.date(2026, 11, 26)):
        details = ring_upp_mig.describe({"ring": {**CALL, "window": TODAY_AFTERNOON}})
    assert details == {
        "title": "Ring upp 26/11 12–16.45: Bygglov",
        "name": "Tolvan Tolvansson",
        "phone": "070-174 06 12",
        "email": "",
    }
