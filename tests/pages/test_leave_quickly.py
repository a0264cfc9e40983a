"""The "Leave this page quickly" button: on by default in confidential areas, editable per page."""

import re

from django.urls import reverse

import pytest

from contactcentre.services import NewCase, open_case
from demo.eservices import form_fields
from eservices.models import EServicePage
from pages.models import InformationPage, ServiceAreaPage, ServicePage
from pages.models.mixins import LeaveQuickly
from tests.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

BUTTON = 'class="button leave-quickly__button" href="https://www.smhi.se/" rel="noreferrer"'


def shows_button(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BUTTON in response.content.decode()


def sv(model, slug):
    return model.objects.get(slug=slug, locale__language_code="sv")


def area_page(digit):
    return ServiceAreaPage.objects.get(service_area__menu_digit=digit, locale__language_code="sv")


def add_page(parent, model=ServicePage, slug="testsida", **fields):
    page = model(title="Testsida", slug=slug, **fields)
    if model is ServicePage:
        page.intro = "En testsida."
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.usefixtures("demo")
def test_the_demos_socialtjanst_pages_show_it(client):
    for slug in ("socialtjanst", "vald-i-nara-relationer", "ekonomiskt-bistand", "orosanmalan"):
        page = ServiceAreaPage.objects.filter(slug=slug).first() or sv(ServicePage, slug)
        assert page.leave_quickly == LeaveQuickly.SHOW, slug
        assert shows_button(client, page.url), slug


@pytest.mark.usefixtures("demo")
def test_the_violence_page_says_who_to_call():
    html = str(sv(ServicePage, "vald-i-nara-relationer").body)
    for number in ("112", "020-50 50 50", "08-465 004 10", "socialjouren"):
        assert number in html


@pytest.mark.usefixtures("demo")
def test_an_ordinary_page_does_not_show_it(client):
    assert not shows_button(client, sv(ServicePage, "bygglov").url)
    assert not shows_button(client, "/")


@pytest.mark.parametrize("digit, shown", [(1, True), (2, True), (5, False)])
def test_by_default_a_new_page_follows_its_service_areas_confidentiality(client, digit, shown):
    service = add_page(area_page(digit))
    assert service.leave_quickly == LeaveQuickly.AREA
    assert shows_button(client, service.url) is shown
    # An information page too: the nearest service area page above it counts.
    info = add_page(area_page(digit), InformationPage, slug="testinformation")
    assert shows_button(client, info.url) is shown


def test_editors_switch_it_on_or_off_per_page(client):
    ordinary = add_page(area_page(5), leave_quickly=LeaveQuickly.SHOW)
    assert shows_button(client, ordinary.url)
    confidential = add_page(area_page(2), leave_quickly=LeaveQuickly.HIDE)
    assert not shows_button(client, confidential.url)


def test_an_eservice_follows_the_area_its_cases_go_to(client):
    parent = area_page(2)
    form = {**form_fields("fraga-kontaktcenter", parent.locale), "eservice_slug": "fraga-soc"}
    page = parent.add_child(instance=EServicePage(title="Fråga socialtjänsten", slug="fraga-soc", **form))
    page.save_revision().publish()
    # Fråga kontaktcenter sends its cases to Allmänna frågor: the page's place decides here.
    assert shows_button(client, page.url)
    assert not shows_button(client, sv(EServicePage, "fraga-kontaktcenter").url)
    # Every step of the wizard has it too.
    step = client.get(page.url + "starta/")["Location"]
    assert shows_button(client, step)


@pytest.mark.usefixtures("demo")
def test_editors_find_it_in_the_promote_tab(client):
    assert client.login(username="editor", password=DEMO_PASSWORD)
    for page in (sv(ServicePage, "vald-i-nara-relationer"), area_page(2)):
        html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
        # The tab panels in order: content, then promote ("Marknadsför"), where the field is.
        panels = [m.start() for m in re.finditer(r'id="tab-(?!label-)', html)]
        assert len(panels) >= 2
        assert panels[1] < html.index('name="leave_quickly"') < (panels + [len(html)])[2]


def test_the_status_page_of_a_confidential_case_shows_it(client):
    social, _ = open_case(NewCase(title="Ekonomiskt bistånd", service_area=area_page(2).service_area))
    ordinary, _ = open_case(NewCase(title="Bibliotek", service_area=area_page(5).service_area))
    for case, shown in ((social, True), (ordinary, False)):
        # The link answers 303 to the page without its token, which is the one to look at.
        url = client.get(reverse("case_status", args=(case.reference, case.status_token())))["Location"]
        assert shows_button(client, url) is shown
