"""Queries per page type, pinned: a change that adds one fails here, and says which page.

Counted as a new visitor's second request (the site's root paths and the site chrome's cache,
pages/chrome.py, are warm), with the page cache off (a stored page costs none). The numbers do
not grow with the content: more FAQ, blanketter or pages below a service area leave them as
they are (the tests further down). docs/performance.md gives the figures and how they compare
with a vanilla Wagtail page; decision 0016 says what the chrome cache keeps.
"""

import datetime as dt

from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest
from freezegun import freeze_time

from pages.models import FAQPage, MunicipalitySettings, OpeningHours, ServiceAreaPage, ServicePage
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

# Page type (Swedish demo page) -> queries. Lower is welcome: lower the number with the change.
PINNED = {
    "HomePage": 8,
    "ServiceAreaPage": 12,
    "ServicePage": 18,
    "ContactCentrePage": 19,
    "FAQPage": 9,
    "BlankettLibraryPage": 13,
    "EServicePage": 11,
    "InformationPage": 12,
    "AccessibilityStatementPage": 8,
    "PrivacyNoticePage": 9,
    "DepartmentDirectoryPage": 9,
    "OfficialsRegisterPage": 12,
    "EasyReadPage": 14,
    "OtherLanguagePage": 13,
}


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def queries_for(url):
    Client().get(url)
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url)
    assert response.status_code == 200, url
    return len(queries)


def demo_page(type_name):
    pages = Page.objects.live().filter(locale__language_code="sv", content_type__model=type_name.lower())
    return pages.order_by("path").first().specific


@pytest.mark.parametrize("type_name", PINNED)
def test_queries_per_page_type_are_pinned(type_name):
    assert queries_for(demo_page(type_name).url) == PINNED[type_name], type_name


def test_more_faq_cost_no_more_queries():
    page = FAQPage.objects.live().get(locale__language_code="sv")
    before = queries_for(page.url)
    factories.FAQFactory.create_batch(15)
    assert queries_for(page.url) == before


def test_more_pages_in_a_service_area_cost_no_more_queries():
    area = ServiceAreaPage.objects.live().filter(locale__language_code="sv").first()
    before = queries_for(area.url)
    for number in range(8):
        factories.publish(factories.ServicePageFactory(parent=area, slug=f"ny-tjanst-{number}"))
    factories.FAQFactory.create_batch(5, service_area=area.service_area)
    assert queries_for(area.url) == before


# --- the chrome cache never shows what an editor has changed ----------------------------------------


def page_html(url):
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_published_title_shows_in_the_breadcrumbs_at_once():
    service = ServicePage.objects.live().filter(locale__language_code="sv").first()
    area = ServiceAreaPage.objects.get(pk=service.get_parent().pk)
    assert area.title in page_html(service.url)  # the breadcrumbs come from the chrome cache
    area.title = "Omdöpt område"
    area.save_revision().publish()
    assert "Omdöpt område" in page_html(service.url)


def test_a_changed_setting_shows_in_the_footer_at_once():
    page = demo_page("FAQPage")
    assert 'href="tel:+46846500400"' in page_html(page.url)  # the footer's phone link
    municipality = MunicipalitySettings.load()
    municipality.phone = "08-111 222 33"
    municipality.save()
    html = page_html(page.url)
    assert 'href="tel:+46811122233"' in html and 'href="tel:+46846500400"' not in html


@pytest.fixture
def wednesday_noon():
    """Wednesday 11 March 2026, 12.00 in Stockholm; no status computed at another (real) time."""
    caches["default"].clear()
    with freeze_time("2026-03-11 11:00"):
        yield


@pytest.mark.usefixtures("wednesday_noon")
def test_changed_opening_hours_show_in_the_open_now_status_at_once():
    home = demo_page("HomePage")
    assert "stänger 16.45" in page_html(home.url)
    hours = OpeningHours.objects.get(channel=OpeningHours.PHONE)
    row = hours.weekly.get(first_day=0)
    row.closes = dt.time(15, 30)
    row.save()
    hours.save()  # the admin saves the snippet with its rows
    assert "stänger 15.30" in page_html(home.url)


@pytest.mark.usefixtures("wednesday_noon")
def test_the_open_now_status_is_computed_per_request_from_the_cached_hours():
    home = demo_page("HomePage")
    assert "Öppet nu, stänger 16.45" in page_html(home.url)
    with freeze_time("2026-03-11 16:00"):  # 17.00 in Stockholm: closed, from the same cached hours
        html = page_html(home.url)
    assert "stänger 16.45" not in html and "Stängt nu, öppnar i morgon 08.00" in html
