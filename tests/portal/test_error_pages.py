"""Every error page is ours: the right status, the visitor's language, the site's layout and the phone.

The test settings run with DEBUG off, as production does, so Django calls the real handlers
(``portal.urls.handler*``, ``CSRF_FAILURE_VIEW``).
"""

import re

from django.core.cache import cache
from django.db import OperationalError, connections
from django.test import Client
from django.urls import reverse
from django.utils import translation

import pytest

from contactcentre.models import Case
from pages.models import MunicipalitySettings

pytestmark = pytest.mark.django_db

HEADINGS = {
    400: {"sv": "Vi kunde inte läsa det som skickades", "en": "We could not read what was sent"},
    403: {"sv": "Du har inte behörighet till den här sidan", "en": "You do not have access to this page"},
    "csrf": {"sv": "Formuläret kunde inte skickas", "en": "The form could not be sent"},
    404: {"sv": "Sidan finns inte", "en": "Page not found"},
    429: {"sv": "För många försök", "en": "Too many attempts"},
    500: {"sv": "Något gick fel", "en": "Something went wrong"},
}
PREFIX = {"sv": "", "en": "/en"}


@pytest.fixture
def phone():
    municipality = MunicipalitySettings.load()
    assert municipality.phone, "the demo municipality has a phone number"
    return municipality


def assert_our_page(response, status, kind, language, municipality):
    assert response.status_code == status
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert f"<h1>{HEADINGS[kind][language]}</h1>" in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html  # the site's layout
    assert f'href="{municipality.phone_href}"' in html  # a way on: the contact centre
    assert "DEBUG" not in html


@pytest.mark.parametrize("language", ["sv", "en"])
def test_404(client, phone, language):
    response = client.get(f"{PREFIX[language]}/finns-inte/")
    assert_our_page(response, 404, 404, language, phone)


@pytest.mark.urls("tests.portal.error_urls")
@pytest.mark.parametrize("language", ["sv", "en"])
def test_403(client, phone, language):
    response = client.get(f"{PREFIX[language]}/test-forbidden/")
    assert_our_page(response, 403, 403, language, phone)


@pytest.mark.urls("tests.portal.error_urls")
@pytest.mark.parametrize("language", ["sv", "en"])
def test_500(phone, language):
    client = Client(raise_request_exception=False)
    response = client.get(f"{PREFIX[language]}/test-broken/")
    assert_our_page(response, 500, 500, language, phone)


@pytest.mark.urls("tests.portal.error_urls")
def test_500_renders_with_the_database_down(phone):
    client = Client(raise_request_exception=False)
    client.get("/finns-inte/")  # the municipality's phone was read once while the database was up

    def database_down(execute, sql, params, many, context):
        raise OperationalError("connection refused")

    with connections["default"].execute_wrapper(database_down):
        response = client.get("/en/test-broken/")
        assert_our_page(response, 500, 500, "en", phone)
        # Never read before: the page still renders, with the municipality's name from the settings.
        cache.clear()
        response = client.get("/test-broken/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "<h1>Något gick fel</h1>" in html
    assert "Ring kommunens kontaktcenter." in html


def case_lookup_url(language):
    """A public form that carries a CSRF token: the citizen's case look-up."""
    with translation.override(language):
        return reverse("case_lookup")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_400_for_a_body_django_cannot_decode(phone, language):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies["csrftoken"] = "a" * 32
    response = client.generic(
        "POST",
        case_lookup_url(language),
        b"reference=x&csrfmiddlewaretoken=" + b"a" * 32,
        content_type="application/x-www-form-urlencoded; charset=utf-16",
    )
    assert_our_page(response, 400, 400, language, phone)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_csrf_failure(phone, language):
    client = Client(enforce_csrf_checks=True)
    client.get(f"{PREFIX[language]}/")  # the page that held the form
    client.cookies["csrftoken"] = "b" * 32
    data = {"reference": "x", "csrfmiddlewaretoken": "c" * 32}  # a token that does not match the cookie
    response = client.post(case_lookup_url(language), data)
    assert_our_page(response, 403, "csrf", language, phone)


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.usefixtures("demo")
def test_429_of_the_status_page(client, settings, phone, language):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "case-lookup-failure": (1, 600)}
    case = Case.objects.first()
    with translation.override(language):
        url = reverse("case_status", kwargs={"reference": case.reference, "token": "0" * 32})
    assert client.get(url).status_code == 404
    response = client.get(url)
    assert_our_page(response, 429, 429, language, phone)
    assert int(response["Retry-After"]) > 0
    # The rest of the fixed ten-minute window, in whole minutes.
    wait = {"sv": r"Vänta (\d+) minut(er)? och försök igen\.", "en": r"Wait (\d+) minutes? and try again\."}
    minutes = re.search(wait[language], response.content.decode())
    assert minutes and 1 <= int(minutes.group(1)) <= 10
