"""Ring upp mig: a citizen asks to be called back; the request reaches the queue with its window."""

import datetime as dt
from unittest import mock

from django.utils import timezone, translation

import pytest

from contactcentre.models import Case
from eservices import call_back
from eservices.call_back import (
    NEXT_AFTERNOON,
    NEXT_MORNING,
    TODAY_AFTERNOON,
    TODAY_MORNING,
    next_working_day,
    window_has_passed,
)
from pages.models import OpeningHours, OpeningHoursException
from tests.eservices import demo_forms
from tests.eservices.demo_forms import eservice
from tests.eservices.wizard_helpers import WizardRun, assert_field_error

pytestmark = pytest.mark.django_db
SLUG = "ring-upp-mig"
CALL = {"phone": "070-174 06 12", "name": "Tolvan Tolvansson", "window": NEXT_MORNING, "about": "Bygglov"}
TZ = timezone.get_default_timezone()


@pytest.fixture
def page(eservice_page):
    return eservice_page(SLUG, 9)


def test_the_definition():
    eservice = demo_forms.eservice(SLUG)
    assert eservice.service_area_digit == 9
    assert eservice.department == "Kontaktcenter"
    assert eservice.retention_days == 90
    assert [step.name for step in eservice.steps] == ["ring"]
    assert all(step.condition is None for step in eservice.steps)


def test_the_demo_has_a_page_for_it():
    from eservices.models import EServicePage

    page = EServicePage.objects.get(eservice_slug=SLUG, locale__language_code="sv")
    assert page.slug == SLUG
    assert page.get_parent().slug == "allmanna-fragor"


def test_a_call_back_request_reaches_the_contact_centre_with_its_window(client, page):
    with mock.patch.object(call_back, "now", return_value=at(2026, 11, 26, 9)):
        run = WizardRun(client, page)
        run.answer("ring", CALL, then="kontrollera")
        check = run.check_page()
        assert "Bygglov" in check and "070-174 06 12" in check  # read as people write it
        run.send()
    case = Case.objects.get()
    day = dt.date(2026, 11, 27)
    assert case.title == "Ring upp 27/11 08–12: Bygglov"
    assert case.department.name == "Kontaktcenter"
    assert case.service_area.menu_digit == 9
    assert case.eservice == SLUG
    assert (case.contact_name, case.contact_phone, case.contact_email) == (
        "Tolvan Tolvansson",
        "+46701740612",  # normalised (E.164), so it can be dialled from the queue
        "",
    )
    assert case.answers["ring"]["window"] == NEXT_MORNING
    [step] = case.form_snapshot["steps"]
    assert {field["name"] for field in step["fields"]} == {"phone", "name", "window", "about"}
    assert {field["name"]: field["display"] for field in step["fields"]}["phone"] == "070-174 06 12"
    assert case.retain_until == timezone.localdate(case.received_at) + dt.timedelta(days=90)
    # In the contact centre's queue, with its window in the title, and counted as its contact.
    assert case.handled_by_contact_centre
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="agent"))
    listing = client.get("/admin/arenden/", {"status": "new"}).content.decode()
    assert case.reference in listing and f"Ring upp {day.day}/{day.month} 08–12" in listing


@pytest.mark.parametrize(
    "phone",
    [
        "12345",
        "070 abc 12 34",
        "070-174 06 12 12 12 12 12",
        "070-174 06",
        "+46 70",
        "0000000",
        "+999 1234567",
        "070\x00174 06 12",
        "٠٧٠١٧٤٠٦١٢",
    ],
)
def test_a_phone_number_we_cannot_dial_gets_a_message_beside_the_field(client, page, phone):
    run = WizardRun(client, page)
    response = run.post("ring", {**CALL, "phone": phone})
    assert_field_error(
        response, "id_ring-phone", "Enter a phone number we can call, like 070-123 45 67 or +46 70 123 45 67"
    )
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    ("phone", "stored"),
    [
        ("070-174 06 12", "+46701740612"),
        ("0701740612", "+46701740612"),
        ("+46 70 174 06 12", "+46701740612"),
        ("0046 70 174 06 12", "+46701740612"),
        ("+46 (0)70 174 06 12", "+46701740612"),
        ("08-465 004 00", "+46846500400"),
        ("+44 20 7946 0958", "+442079460958"),  # abroad: with +
        ("+358 40 1234567", "+358401234567"),
    ],
)
def test_phone_numbers_written_in_the_usual_ways_are_kept_in_one_form(phone, stored):
    with mock.patch.object(call_back, "now", return_value=at(2026, 11, 26, 9)):
        form = demo_forms.form_class(SLUG, "ring")(data={**CALL, "phone": phone})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == stored


def test_required_fields_get_messages_that_name_them(client, page):
    run = WizardRun(client, page)
    response = run.post("ring", {})
    assert_field_error(response, "id_ring-phone", "Skriv telefonnumret vi ska ringa")
    assert_field_error(response, "id_ring-name", "Skriv ditt namn")
    assert_field_error(response, "id_ring-window", "Välj när vi ska ringa dig")
    assert_field_error(response, "id_ring-about", "Skriv vad samtalet gäller")


def at(year, month, day, hour, minute=0):
    return dt.datetime(year, month, day, hour, minute, tzinfo=TZ)


def offered(moment):
    """The windows the form offers at ``moment``, as the Swedish page shows them."""
    with mock.patch.object(call_back, "now", return_value=moment), translation.override("sv"):
        return [
            (key, str(label)) for key, label in demo_forms.form_class(SLUG, "ring")().fields["window"].choices
        ]


THURSDAY = [
    (TODAY_AFTERNOON, "I dag, 12–16.45"),
    (NEXT_MORNING, "Fredag 27 november, 08–12"),
    (NEXT_AFTERNOON, "Fredag 27 november, 12–16"),  # the phone closes at 16.00 on Fridays
]
MONDAY = [(NEXT_MORNING, "Måndag 30 november, 08–12"), (NEXT_AFTERNOON, "Måndag 30 november, 12–16.45")]
AFTER_CHRISTMAS = [
    (NEXT_MORNING, "Måndag 28 december, 08–12"),
    (NEXT_AFTERNOON, "Måndag 28 december, 12–16.45"),
]


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        # Before opening and in the morning: the whole of today.
        (at(2026, 11, 26, 6, 30), [(TODAY_MORNING, "I dag, 08–12"), *THURSDAY]),
        (at(2026, 11, 26, 9), [(TODAY_MORNING, "I dag, 08–12"), *THURSDAY]),
        # The reported defect: at 12.08 the morning is over, and so it is not offered.
        (at(2026, 11, 26, 12, 8), THURSDAY),
        # Too late to plan a call in the morning: it ends within a quarter of an hour.
        (at(2026, 11, 26, 11, 50), THURSDAY),
        # After closing: only the next working day.
        (at(2026, 11, 26, 16, 45), THURSDAY[1:]),
        (at(2026, 11, 26, 20), THURSDAY[1:]),
        # Friday afternoon: until 16.00 today, then Monday.
        (at(2026, 11, 27, 14), [(TODAY_AFTERNOON, "I dag, 12–16"), *MONDAY]),
        (at(2026, 11, 27, 15, 50), MONDAY),
        # The weekend: nothing today.
        (at(2026, 11, 28, 10), MONDAY),
        # Before Christmas: the eve and the holidays are skipped; on Christmas Eve nothing today.
        (at(2026, 12, 23, 17), AFTER_CHRISTMAS),
        (at(2026, 12, 24, 9), AFTER_CHRISTMAS),
        # Summer hours, 07–16: the windows follow them.
        (
            at(2026, 6, 10, 7, 30),
            [
                (TODAY_MORNING, "I dag, 07–12"),
                (TODAY_AFTERNOON, "I dag, 12–16"),
                (NEXT_MORNING, "Torsdag 11 juni, 07–12"),
                (NEXT_AFTERNOON, "Torsdag 11 juni, 12–16"),
            ],
        ),
        # Trettondagsafton, an editor's exception 08–13: a short afternoon.
        (
            at(2027, 1, 5, 12, 30),
            [
                (TODAY_AFTERNOON, "I dag, 12–13"),
                (NEXT_MORNING, "Torsdag 7 januari, 08–12"),
                (NEXT_AFTERNOON, "Torsdag 7 januari, 12–16.45"),
            ],
        ),
    ],
)
def test_only_windows_that_are_still_possible_are_offered(moment, expected):
    assert offered(moment) == expected


def test_a_window_that_has_passed_is_refused_beside_the_field(client, page):
    """Chosen at 11.40, sent at 12.08: the form checks again and asks for another time."""
    run = WizardRun(client, page)
    with mock.patch.object(call_back, "now", return_value=at(2026, 11, 26, 12, 8)):
        html = client.get(run.url("ring")).content.decode()
        assert "I dag, 12–16.45" in html and "I dag, 08–12" not in html
        response = run.post("ring", {**CALL, "window": TODAY_MORNING})
    assert_field_error(
        response, "id_ring-window", "The time you chose has passed: select another time we should call you"
    )
    assert not Case.objects.exists()


def test_window_has_passed_follows_the_offer():
    assert not window_has_passed(TODAY_MORNING, at(2026, 11, 26, 9))
    assert window_has_passed(TODAY_MORNING, at(2026, 11, 26, 12, 8))
    assert window_has_passed(TODAY_AFTERNOON, at(2026, 11, 27, 16, 10))
    assert window_has_passed(TODAY_MORNING, at(2026, 11, 28, 9))
    assert not window_has_passed(NEXT_AFTERNOON, at(2026, 11, 28, 9))
    assert window_has_passed("someday", at(2026, 11, 26, 9))


def test_the_windows_follow_an_editors_change_to_the_phones_hours():
    phone = OpeningHours.objects.get(channel=OpeningHours.PHONE)
    OpeningHoursException.objects.create(
        opening_hours=phone,
        date=dt.date(2026, 11, 27),
        closed=False,
        opens=dt.time(9),
        closes=dt.time(11),
        note="Kurs",
    )
    assert offered(at(2026, 11, 26, 17)) == [(NEXT_MORNING, "Fredag 27 november, 09–11")]


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


def test_a_call_back_asked_for_before_christmas_is_planned_after_it():
    with mock.patch.object(call_back, "now", return_value=at(2026, 12, 23, 17)):
        details = eservice(SLUG).describe({"ring": {**CALL, "window": NEXT_MORNING}})
    assert details["title"] == "Ring upp 28/12 08–12: Bygglov"


def test_describe_puts_the_window_and_the_subject_in_the_title():
    # In Swedish for the queue (16.45), even when the citizen wrote in English.
    thursday_afternoon = at(2026, 11, 26, 13)
    with mock.patch.object(call_back, "now", return_value=thursday_afternoon), translation.override("en"):
        details = eservice(SLUG).describe({"ring": {**CALL, "window": TODAY_AFTERNOON}})
    assert details == {
        "title": "Ring upp 26/11 12–16.45: Bygglov",
        "name": "Tolvan Tolvansson",
        "phone": "070-174 06 12",
        "email": "",
    }
