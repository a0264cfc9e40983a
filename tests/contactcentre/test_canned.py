"""Svarsmallar: placeholders, which replies a case is offered, and the snippet admin."""

from django.contrib.auth import get_user_model

from wagtail.models import Locale

import pytest

from contactcentre import canned
from contactcentre.models import CannedReply
from contactcentre.services import NewCase, open_case
from pages.models import Department, ServiceArea

pytestmark = pytest.mark.django_db


def area(digit, language="sv"):
    return ServiceArea.objects.get(menu_digit=digit, locale__language_code=language)


@pytest.fixture
def lamp():
    case, _ = open_case(
        NewCase(title="Gatlampa släckt", service_area=area(4), contact_name="Tolvan Tolvansson")
    )
    return case


def reply(body, service_area=None, title="Mall", language="sv"):
    return CannedReply.objects.create(
        title=title, body=body, service_area=service_area, locale=Locale.objects.get(language_code=language)
    )


def test_placeholders_are_filled(lamp):
    text = canned.render(reply("Hej {name}! Ärende {reference} ligger hos {department}."), lamp)
    assert text == f"Hej Tolvan Tolvansson! Ärende {lamp.reference} ligger hos Teknik."


def test_unknown_placeholders_and_stray_braces_stay_as_written(lamp):
    body = "Hej {name}. {okand} {name.__class__} {0} {} { name } {{reference}} {reference"
    text = canned.render(reply(body), lamp)
    assert text == "Hej Tolvan Tolvansson. {okand} {name.__class__} {0} {} { name } {{reference}} {reference"


def test_a_missing_name_leaves_no_gap(lamp):
    lamp.contact_name = ""
    assert canned.render(reply("Hej {name}!\n\nDitt ärende {reference}."), lamp) == (
        f"Hej!\n\nDitt ärende {lamp.reference}."
    )


def test_fill_takes_any_values():
    assert canned.fill("{a} och {b_c}, inte {d}", {"a": 1, "b_c": "två"}) == "1 och två, inte {d}"


def test_for_case_offers_the_area_first_then_the_general_ones(lamp):
    CannedReply.objects.all().delete()
    general = reply("Allmänt", title="A allmän")
    fault = reply("Fel", service_area=area(4), title="Ö felanmälan")
    reply("Skola", service_area=area(3), title="B skola")
    reply("General", title="A general", language="en")
    assert list(canned.for_case(lamp)) == [fault, general]
    assert [r.title for r in canned.for_case(lamp, language="en")] == ["A general"]


def test_for_case_matches_the_area_in_any_locale(lamp):
    CannedReply.objects.all().delete()
    english_area = area(4).copy_for_translation(Locale.objects.get(language_code="en"))
    english_area.save()
    english = reply("Fault", service_area=english_area, title="Fault report", language="en")
    assert list(canned.for_case(lamp, language="en")) == [english]


@pytest.mark.usefixtures("demo")
def test_a_case_without_area_gets_the_general_replies():
    case, _ = open_case(
        NewCase(
            title="Fråga", department=Department.objects.get(name="Kontaktcenter", locale__language_code="sv")
        )
    )
    assert case.service_area_id is None
    titles = [r.title for r in canned.for_case(case)]
    assert "Vi har tagit emot din fråga" in titles
    assert "Tack för din felanmälan" not in titles


@pytest.mark.usefixtures("demo")
def test_the_seeded_replies_suit_a_fault_report(lamp):
    titles = [r.title for r in canned.for_case(lamp)]
    assert titles[0] == "Tack för din felanmälan"
    assert "Begäran om allmän handling" not in titles
    text = canned.render(CannedReply.objects.get(title="Tack för din felanmälan"), lamp)
    assert lamp.reference in text and "Tolvan Tolvansson" in text and "{" not in text


@pytest.mark.parametrize("username", ["agent", "editor"])
@pytest.mark.usefixtures("demo")
def test_staff_edit_canned_replies_in_the_admin(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    listing = client.get("/admin/snippets/contactcentre/cannedreply/")
    assert listing.status_code == 200
    assert "Tack för din felanmälan" in listing.content.decode()
    assert client.get("/admin/snippets/contactcentre/cannedreply/add/").status_code == 200


def test_case_officers_without_the_permission_do_not(client):
    client.force_login(get_user_model().objects.get(username="teknik"))
    assert client.get("/admin/snippets/contactcentre/cannedreply/").status_code in (302, 403)


def test_for_case_offers_the_replies_in_the_case_language():
    CannedReply.objects.all().delete()
    reply("Allmänt", title="Allmän")
    english = reply("General", title="General", language="en")
    case, _ = open_case(NewCase(title="Question", service_area=area(4), language="en"))
    assert list(canned.for_case(case)) == [english]


def test_a_language_without_any_canned_reply_is_offered_the_swedish_ones():
    CannedReply.objects.all().delete()
    swedish = reply("Allmänt", title="Allmän")
    case, _ = open_case(NewCase(title="Question", service_area=area(4), language="ar"))
    assert list(canned.for_case(case)) == [swedish]
