"""Gzip only where it cannot leak a secret (core/compression.py, BREACH)."""

import gzip

from django.test import Client
from django.urls import reverse

import pytest

from eservices.models import EServicePage

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def test_a_public_page_and_the_search_are_compressed():
    for url in ("/", "/sok/?q=%22bygglov%22%20<script>"):
        response = Client().get(url, **GZIP)
        assert response.status_code == 200, url
        assert response["Content-Encoding"] == "gzip", url
        assert b"<html" in gzip.decompress(response.content), url
        assert "Accept-Encoding" in response["Vary"]


def test_a_page_from_the_page_cache_is_compressed_too():
    Client().get("/")
    response = Client().get("/", **GZIP)
    assert response["X-Page-Cache"] == "hit" and response["Content-Encoding"] == "gzip"


def test_without_accept_encoding_nothing_is_compressed():
    assert "Content-Encoding" not in Client().get("/")


def test_an_eservice_step_with_its_csrf_token_is_not_compressed(client):
    eservice = EServicePage.objects.live().filter(locale__language_code="sv").first()
    step = client.get(client.get(eservice.url + "starta/")["Location"], **GZIP)
    assert step.status_code == 200 and b"csrfmiddlewaretoken" in step.content
    assert "Content-Encoding" not in step


def test_a_page_with_a_csrf_token_for_a_cookieless_visitor_is_not_compressed():
    response = Client().get(reverse("case_lookup"), **GZIP)
    assert response.status_code == 200 and b"csrfmiddlewaretoken" in response.content
    assert "Content-Encoding" not in response


def test_a_signed_in_staff_member_gets_nothing_compressed(admin_user):
    staff = Client()
    staff.force_login(admin_user)
    assert "Content-Encoding" not in staff.get("/", **GZIP)
    assert "Content-Encoding" not in staff.get("/admin/", **GZIP)


def test_an_answer_to_a_form_is_not_compressed():
    response = Client().post(reverse("case_lookup"), {"reference": "x", "token": "y"}, **GZIP)
    assert "Content-Encoding" not in response
