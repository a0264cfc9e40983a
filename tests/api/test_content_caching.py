"""The content API's ETag, 304 and Cache-Control."""

import pytest

from tests.api.conftest import API

pytestmark = pytest.mark.django_db

PUBLIC_PATHS = [
    "/pages",
    "/pages/{service}",
    "/service-areas",
    "/faq",
    "/blanketter",
    "/departments",
    "/officials",
]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_answers_carry_an_etag_and_a_short_shared_lifetime(client, content_site, path):
    url = API + path.format(service=content_site.service.pk)
    response = client.get(url)
    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert cache_control == {"public", "max-age=60"}
    assert "Accept-Language" in response["Vary"]

    again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == response["ETag"]
    # As a gzipping proxy or our own middleware hands it back: a weak validator.
    assert client.get(url, HTTP_IF_NONE_MATCH=f"W/{response['ETag']}").status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_a_change_gives_a_new_etag(client, content_site):
    url = f"{API}/pages/{content_site.service.pk}"
    before = client.get(url)["ETag"]
    content_site.service.title = "Bygglov och rivningslov"
    content_site.service.save_revision().publish()
    after = client.get(url, HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200
    assert after["ETag"] != before
    assert after.json()["title"] == "Bygglov och rivningslov"


def test_each_language_has_its_own_etag(client, content_site):
    swedish = client.get(f"{API}/pages")
    english = client.get(f"{API}/pages", {"lang": "en"})
    assert swedish["ETag"] != english["ETag"]
    assert client.get(f"{API}/pages", {"lang": "en"}, HTTP_IF_NONE_MATCH=swedish["ETag"]).status_code == 200


def test_errors_carry_no_etag(client, content_site):
    response = client.get(f"{API}/pages/{content_site.private.pk}")
    assert response.status_code == 404
    assert "ETag" not in response


def test_the_api_is_not_put_in_the_page_cache(client, content_site, settings):
    from wagtail.models import Page

    settings.PAGE_CACHE_SECONDS = 300
    url = f"{API}/pages/{content_site.service.pk}"
    assert client.get(url).json()["title"] == "Bygglov"
    # A change without Wagtail's signals: a stored answer would not be forgotten.
    Page.objects.filter(pk=content_site.service.pk).update(title="Ändrad")
    assert client.get(url).json()["title"] == "Ändrad"
