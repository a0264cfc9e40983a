"""Drafts: invisible to the public API, shown with ?preview=true to a headless client that may preview."""

import pytest

from pages.models import HeadlessClient
from tests.api.conftest import API, check_response

pytestmark = pytest.mark.django_db

PATH = "/pages/{page_id}"


def _edit_draft(page, title):
    page.title = title
    page.save_revision()


def _bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_a_draft_change_is_invisible_without_preview(client, content_site):
    _edit_draft(content_site.service, "Bygglov (utkast)")
    page = client.get(f"{API}/pages/{content_site.service.pk}").json()
    assert page["title"] == "Bygglov" and page["draft"] is False
    listed = client.get(f"{API}/pages", {"type": "pages.ServicePage"}).json()["items"]
    assert [item["title"] for item in listed] == ["Bygglov"]
    # A valid token without ?preview=true still gets the published page.
    with_token = client.get(f"{API}/pages/{content_site.service.pk}", **_bearer(content_site.preview_token))
    assert with_token.json()["title"] == "Bygglov"


def test_preview_with_a_valid_token_shows_the_latest_draft_and_is_never_stored(client, openapi, content_site):
    _edit_draft(content_site.service, "Bygglov (utkast)")
    response = client.get(
        f"{API}/pages/{content_site.service.pk}", {"preview": "true"}, **_bearer(content_site.preview_token)
    )
    page = check_response(openapi, response, PATH)
    assert page["title"] == "Bygglov (utkast)" and page["draft"] is True
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "ETag" not in response
    assert HeadlessClient.objects.get(name="Förhandsvisning").last_used_at is not None


def test_preview_of_a_page_never_published(client, openapi, content_site):
    response = client.get(
        f"{API}/pages/{content_site.unpublished.pk}",
        {"preview": "true"},
        **_bearer(content_site.preview_token),
    )
    assert check_response(openapi, response, PATH)["title"] == "Kommer snart"
    path = client.get(
        f"{API}/pages/find",
        {"html_path": "/kommer-snart/", "preview": "true"},
        **_bearer(content_site.preview_token),
    )
    assert path.json()["id"] == content_site.unpublished.pk


def test_preview_never_shows_a_private_page(client, content_site):
    response = client.get(
        f"{API}/pages/{content_site.private.pk}", {"preview": "true"}, **_bearer(content_site.preview_token)
    )
    assert response.status_code == 404


def test_preview_without_a_token_is_401(client, openapi, content_site):
    _edit_draft(content_site.service, "Bygglov (utkast)")
    response = client.get(f"{API}/pages/{content_site.service.pk}", {"preview": "true"})
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "Bygglov (utkast)" not in response.content.decode()
    check_response(openapi, response, PATH)


@pytest.mark.parametrize("header", ["Bearer not-a-token", "Bearer ", "Basic dXNlcjpwYXNz"])
def test_an_invalid_token_is_401_with_or_without_preview(client, openapi, content_site, header):
    for query in ({"preview": "true"}, {}):
        response = client.get(f"{API}/pages/{content_site.service.pk}", query, HTTP_AUTHORIZATION=header)
        assert response.status_code == 401, (header, query)
        assert "Bygglov (utkast)" not in response.content.decode()
        check_response(openapi, response, PATH)


def test_a_deactivated_client_is_401(client, content_site):
    HeadlessClient.objects.update(active=False)
    response = client.get(
        f"{API}/pages/{content_site.service.pk}", {"preview": "true"}, **_bearer(content_site.preview_token)
    )
    assert response.status_code == 401


def test_a_client_that_may_not_preview_is_403(client, openapi, content_site):
    _edit_draft(content_site.service, "Bygglov (utkast)")
    response = client.get(
        f"{API}/pages/{content_site.service.pk}", {"preview": "true"}, **_bearer(content_site.reader_token)
    )
    assert response.status_code == 403
    assert "Bygglov (utkast)" not in response.content.decode()
    check_response(openapi, response, PATH)


def test_the_management_command_makes_a_token_that_works(client, content_site):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("api_client", "Kiosk", "--preview", stdout=out)
    token = out.getvalue().strip()
    assert HeadlessClient.objects.get(name="Kiosk").token_digest != token  # only its hash is kept
    preview = {"preview": "true"}
    assert client.get(f"{API}/pages/{content_site.service.pk}", preview, **_bearer(token)).status_code == 200
    call_command("api_client", "Kiosk", "--deactivate", stdout=StringIO())
    assert client.get(f"{API}/pages/{content_site.service.pk}", preview, **_bearer(token)).status_code == 401
