"""Service areas, FAQ, blanketter, departments and officials: only as public pages show them."""

import datetime as dt

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest
import wagtail_factories

from pages import models as m
from tests import factories as f
from tests.api.conftest import API, check_response

pytestmark = pytest.mark.django_db


def _child(parent, page):
    parent.add_child(instance=page)
    return f.publish(page)


def _get(client, openapi, path, **query):
    response = client.get(f"{API}{path}", {"limit": 100, **query})
    assert response.status_code == 200, response.content
    return check_response(openapi, response, path)


def test_service_areas_are_those_with_a_public_page(client, openapi, content_site):
    body = _get(client, openapi, "/service-areas")
    assert [item["digit"] for item in body["items"]] == [1, 2, 3, 4, 5, 9]
    building = next(item for item in body["items"] if item["digit"] == 4)
    assert building["page"]["id"] == content_site.area_page.pk
    assert building["page"]["url"].endswith("/bygg-miljo-vagar-vatten-och-avfall/")

    content_site.area_page.unpublish()
    PageViewRestriction.objects.create(
        page=m.ServiceAreaPage.objects.get(service_area__menu_digit=5, locale__language_code="sv"),
        restriction_type="password",
        password="hemligt",
    )
    assert [item["digit"] for item in _get(client, openapi, "/service-areas")["items"]] == [1, 2, 3, 9]
    assert _get(client, openapi, "/service-areas", lang="en")["count"] == 0  # no English area pages


def test_faq_from_public_pages_with_links_made_public(client, openapi, content_site):
    site = content_site
    elsewhere = f.FAQFactory(question="En fråga utan sida?", service_area=None)
    body = _get(client, openapi, "/faq")
    # Without a FAQ page: the questions of public service-area pages and service pages.
    assert {item["id"] for item in body["items"]} == {site.faq.pk}
    faq_page = _child(site.home, m.FAQPage(title="Vanliga frågor", slug="vanliga-fragor"))
    body = _get(client, openapi, "/faq")
    assert {item["id"] for item in body["items"]} == {site.faq.pk, elsewhere.pk}
    item = next(item for item in body["items"] if item["id"] == site.faq.pk)
    assert item["url"] == f"http://127.0.0.1:8000/vanliga-fragor/#{site.faq.anchor}"
    assert item["service_area"]["digit"] == 4
    assert faq_page.pk

    assert [i["id"] for i in _get(client, openapi, "/faq", service_area=4)["items"]] == [site.faq.pk]
    assert _get(client, openapi, "/faq", service_area=3)["count"] == 0
    assert _get(client, openapi, "/faq", lang="en")["count"] == 0


def test_faq_answers_link_to_public_addresses(client, openapi, content_site):
    site = content_site
    site.faq.answer = f'<p>Se <a linktype="page" id="{site.service.pk}">bygglov</a>.</p>'
    site.faq.save()
    answer = _get(client, openapi, "/faq")["items"][0]["answer"]
    assert "linktype" not in answer
    assert 'href="http://127.0.0.1:8000/bygg-miljo-vagar-vatten-och-avfall/bygglov/"' in answer


def test_a_question_only_a_private_page_shows_never_appears(client, openapi, content_site):
    site = content_site
    private_service = f.publish(
        f.ServicePageFactory(
            parent=site.area_page, title="Intern tjänst", slug="intern-tjanst", locale=f.locale()
        )
    )
    secret = f.FAQFactory(question="Intern fråga?", service_area=None)
    m.ServicePageFAQ.objects.create(page=private_service, faq=secret)
    assert secret.pk in {item["id"] for item in _get(client, openapi, "/faq")["items"]}
    PageViewRestriction.objects.create(page=private_service, restriction_type="password", password="hemligt")
    assert secret.pk not in {item["id"] for item in _get(client, openapi, "/faq")["items"]}


def test_blanketter_with_their_documents(client, openapi, content_site):
    site = content_site
    body = _get(client, openapi, "/blanketter")
    assert [item["code"] for item in body["items"]] == ["SBF-101"]
    document = body["items"][0]["document"]
    assert document["url"] == f"http://127.0.0.1:8000{site.document.url}"
    assert document["file_size"] == site.document.get_file_size()
    assert document["file_extension"] == site.document.file_extension
    assert document["content_type"] == site.document.content_type
    assert _get(client, openapi, "/blanketter", service_area=3)["count"] == 0


def test_a_blankett_whose_document_no_visitor_may_download_never_appears(client, openapi, content_site):
    _child(content_site.home, m.BlankettLibraryPage(title="Blanketter", slug="blanketter"))
    internal = Collection.get_first_root_node().add_child(name="Interna")
    CollectionViewRestriction.objects.create(collection=internal, restriction_type="password", password="x")
    hidden = f.BlankettFactory(document=wagtail_factories.DocumentFactory(collection=internal))
    shown = f.BlankettFactory()
    codes = {item["code"] for item in _get(client, openapi, "/blanketter")["items"]}
    assert shown.code in codes and "SBF-101" in codes
    assert hidden.code not in codes


def test_departments_as_the_public_directory_shows_them(client, openapi, content_site):
    assert _get(client, openapi, "/departments")["count"] == 0  # no directory page
    directory = _child(
        content_site.home, m.DepartmentDirectoryPage(title="Förvaltningar", slug="forvaltningar")
    )
    body = _get(client, openapi, "/departments")
    assert body["count"] == m.Department.objects.filter(locale__language_code="sv").count() == 8
    social = next(item for item in body["items"] if item["name"] == "Socialförvaltningen")
    assert social["committee"] == "Socialnämnden"
    assert social["email"] == "socialforvaltningen@exempelkommun.example"
    PageViewRestriction.objects.create(page=directory, restriction_type="password", password="hemligt")
    assert _get(client, openapi, "/departments")["count"] == 0


def test_officials_of_the_current_term_as_the_register_shows_them(client, openapi, content_site):
    today = dt.date.today()
    party = m.Party.objects.create(name="Centerpartiet", abbreviation="C")
    council = m.Committee.objects.create(name="Kommunfullmäktige")
    current = m.ElectedOfficial.objects.create(first_name="Anna", last_name="Andersson", party=party)
    m.Assignment.objects.create(
        official=current,
        committee=council,
        role=m.Assignment.CHAIR,
        term_start=today.replace(year=today.year - 1),
        term_end=today.replace(year=today.year + 2),
    )
    former = m.ElectedOfficial.objects.create(first_name="Bertil", last_name="Berg")
    m.Assignment.objects.create(
        official=former, committee=council, term_start=dt.date(2014, 10, 15), term_end=dt.date(2018, 10, 14)
    )

    assert _get(client, openapi, "/officials")["count"] == 0  # no register page
    register = _child(
        content_site.home, m.OfficialsRegisterPage(title="Förtroendevalda", slug="fortroendevalda")
    )
    body = _get(client, openapi, "/officials")
    assert [item["last_name"] for item in body["items"]] == ["Andersson"]
    assert body["register_page"]["id"] == register.pk
    seat = body["items"][0]["assignments"][0]
    assert (
        seat["committee"] == "Kommunfullmäktige"
        and seat["role"] == "chair"
        and seat["role_label"] == "Ordförande"
    )
    english = _get(client, openapi, "/officials", lang="en")
    assert english["count"] == 0  # the register has no English page
    every_term = _get(client, openapi, "/officials", all_terms="true")
    assert [item["last_name"] for item in every_term["items"]] == ["Andersson", "Berg"]
    assert (
        _get(client, openapi, "/officials", q="bert", all_terms="true")["items"][0]["first_name"] == "Bertil"
    )
    assert _get(client, openapi, "/officials", party=party.pk, all_terms="true")["count"] == 1

    register.unpublish()
    assert _get(client, openapi, "/officials")["count"] == 0


def test_the_opening_hours_name_the_coming_special_days(client, openapi, content_site):
    hours = m.OpeningHours.objects.get(channel=m.OpeningHours.PHONE)
    today = dt.date.today()
    for days, note in ((-3, "Förbi"), (40, "Personaldag")):
        m.OpeningHoursException.objects.create(
            opening_hours=hours, date=today + dt.timedelta(days=days), closed=True, note=note
        )
    channels = _get(client, openapi, "/opening-hours")
    phone = next(channel for channel in channels if channel["channel"] == m.OpeningHours.PHONE)
    notes = [day["note"] for day in phone["special_days"]]
    assert "Personaldag" in notes and "Förbi" not in notes
    staff_day = next(day for day in phone["special_days"] if day["note"] == "Personaldag")
    assert staff_day == {
        "date": (today + dt.timedelta(days=40)).isoformat(),
        "open": False,
        "opens": None,
        "closes": None,
        "note": "Personaldag",
    }
    eve = next(day for day in phone["special_days"] if day["note"] == "Trettondagsafton")
    assert (eve["open"], eve["opens"], eve["closes"]) == (True, "08:00", "13:00")
