"""``seed_demo`` builds the demo municipality once; running it again changes nothing."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Page, Revision

import pytest

from pages.models import FAQ, Blankett, OpeningHours, ServiceArea, ServicePage
from tests.conftest import DEMO_PASSWORD

# About the demo municipality itself: it is seeded for these tests.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def snapshot():
    counts = {model._meta.label: model.objects.count() for model in apps.get_models()}
    users = {u.username: u.password for u in get_user_model().objects.all()}
    return counts, users, Revision.objects.order_by("-pk").values_list("pk", flat=True).first()


def test_running_seed_twice_changes_nothing():
    before = snapshot()
    call_command("seed_demo", password=DEMO_PASSWORD, verbosity=0)
    assert snapshot() == before


def test_demo_municipality_has_the_structure_of_the_phone_menu():
    digits = {area.menu_digit: area for area in ServiceArea.objects.filter(locale__language_code="sv")}
    assert sorted(digits) == [1, 2, 3, 4, 5, 9]
    assert digits[1].confidential and digits[2].confidential
    assert not any(digits[d].confidential for d in (3, 4, 5, 9))
    assert all(area.default_department_id for area in digits.values())
    assert ServicePage.objects.live().count() >= 18
    assert FAQ.objects.count() >= 20
    assert Blankett.objects.count() >= 10


def test_every_area_has_at_least_three_live_service_pages():
    from pages.models import ServiceAreaPage

    for area_page in ServiceAreaPage.objects.live().filter(locale__language_code="sv"):
        children = area_page.get_children().live().type(ServicePage)
        assert children.count() >= 3, area_page.title


def test_blanketter_are_real_pdf_files():
    for blankett in Blankett.objects.select_related("document"):
        with blankett.document.file.open("rb") as handle:
            assert handle.read(5) == b"%PDF-", blankett.title


def test_opening_hours_follow_the_jarfalla_text():
    phone = OpeningHours.objects.get(channel=OpeningHours.PHONE)
    rows = {
        (r.first_day, r.last_day): (r.opens.strftime("%H.%M"), r.closes.strftime("%H.%M"))
        for r in phone.weekly.all()
    }
    assert rows == {(0, 3): ("08.00", "16.45"), (4, 4): ("08.00", "16.00")}
    summer = phone.seasonal.get()
    assert (summer.start_month, summer.start_day, summer.end_month, summer.end_day) == (6, 1, 8, 31)
    assert (summer.opens.hour, summer.closes.hour) == (7, 16)
    menu = OpeningHours.objects.get(channel=OpeningHours.PHONE_MENU)
    assert sorted(a.menu_digit for a in menu.service_areas.all()) == [1, 2]
    assert menu.weekly.get(first_day=3).closes.hour == 19


def test_demo_users_can_log_in_with_the_given_password():
    user_model = get_user_model()
    for username in ("admin", "editor", "agent"):
        assert user_model.objects.get(username=username).check_password(DEMO_PASSWORD)
    assert user_model.objects.get(username="admin").is_superuser
    assert user_model.objects.get(username="editor").groups.filter(name="Editors").exists()


def test_home_page_is_the_site_root():
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class.__name__ == "HomePage"
    assert site.root_page.locale.language_code == "sv"
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
