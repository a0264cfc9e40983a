"""Editors keep the content current in the Wagtail admin, opening hours included."""

import datetime as dt

from django.urls import reverse

from wagtail.test.utils.form_data import querydict_from_html

import pytest

from pages.models import FAQ, FAQPage, OpeningHours
from tests.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    assert client.login(username="editor", password=DEMO_PASSWORD)
    return client


def edit_form(client, url, form_id="w-editor-form"):
    response = client.get(url)
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id=form_id)


def test_editor_adds_an_exception_to_the_opening_hours(editor_client):
    hours = OpeningHours.objects.get(channel=OpeningHours.PHONE)
    url = reverse(hours.snippet_viewset.get_url_name("edit"), args=[hours.pk])
    data = edit_form(editor_client, url)
    index = int(data["exceptions-TOTAL_FORMS"])
    data["exceptions-TOTAL_FORMS"] = str(index + 1)
    data.update(
        {
            f"exceptions-{index}-date": "2026-12-23",
            f"exceptions-{index}-closed": "on",
            f"exceptions-{index}-note": "Personaldag",
            f"exceptions-{index}-ORDER": str(index + 1),
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    exception = hours.exceptions.get(date=dt.date(2026, 12, 23))
    assert exception.closed and exception.note == "Personaldag"
    assert hours.schedule().day(dt.date(2026, 12, 23)).is_closed


def test_editor_changes_weekly_hours_and_the_status_follows(editor_client):
    hours = OpeningHours.objects.get(channel=OpeningHours.PHONE)
    url = reverse(hours.snippet_viewset.get_url_name("edit"), args=[hours.pk])
    data = edit_form(editor_client, url)
    friday = next(k[: -len("-first_day")] for k, v in data.items() if k.endswith("-first_day") and v == "4")
    data[f"{friday}-closes"] = "15:00"
    assert editor_client.post(url, data).status_code == 302
    assert hours.weekly.get(first_day=4).closes == dt.time(15, 0)


def test_bad_opening_hours_get_a_message_and_nothing_is_saved(editor_client):
    hours = OpeningHours.objects.get(channel=OpeningHours.PHONE)
    url = reverse(hours.snippet_viewset.get_url_name("edit"), args=[hours.pk])
    data = edit_form(editor_client, url)
    monday = next(k[: -len("-first_day")] for k, v in data.items() if k.endswith("-first_day") and v == "0")
    data[f"{monday}-closes"] = "07:00"
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert hours.weekly.get(first_day=0).closes == dt.time(16, 45)


@pytest.mark.usefixtures("demo")
def test_editor_edits_an_faq(editor_client):
    faq = FAQ.objects.filter(locale__language_code="sv").first()
    url = reverse(faq.snippet_viewset.get_url_name("edit"), args=[faq.pk])
    data = edit_form(editor_client, url)
    data["question"] = "Hur når jag kontaktcenter på kvällen?"
    assert editor_client.post(url, data).status_code == 302
    faq.refresh_from_db()
    assert faq.question == "Hur når jag kontaktcenter på kvällen?"


@pytest.mark.usefixtures("demo")
def test_editor_publishes_a_change_to_a_page(editor_client, client):
    # A page without a StreamField: its editor widget is built by JavaScript, not plain form fields.
    page = FAQPage.objects.live().first()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = edit_form(editor_client, url, form_id="page-edit-form")
    data["intro"] = "Ny sammanfattning skriven av en redaktör."
    data["action-publish"] = "action-publish"
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert page.intro == "Ny sammanfattning skriven av en redaktör."
    editor_client.logout()
    assert "Ny sammanfattning skriven av en redaktör." in client.get(page.url).content.decode()
