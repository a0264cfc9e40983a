"""``<meta name="description">``: what the editor wrote for search engines, else the introduction."""

import html
import re

import pytest

from pages.models import ServicePage

pytestmark = pytest.mark.django_db


def description(client, url):
    found = re.findall(r'<meta name="description" content="([^"]*)">', client.get(url).content.decode())
    assert len(found) == 1
    return html.unescape(found[0])


@pytest.mark.usefixtures("demo")
def test_the_editors_search_description_wins(client):
    page = ServicePage.objects.live().get(slug="bygglov", locale__language_code="sv")
    page.search_description = "Allt om bygglov i Exempelkommun."
    page.save_revision().publish()
    assert description(client, page.url) == "Allt om bygglov i Exempelkommun."


@pytest.mark.usefixtures("demo")
def test_without_one_the_introduction_as_plain_text_at_most_160_characters(client):
    page = ServicePage.objects.live().get(slug="bygglov", locale__language_code="sv")
    assert not page.search_description
    text = description(client, page.url)
    assert text and "<" not in text and len(text) <= 160
    assert " ".join(page.intro.split()).startswith(text.rstrip("…"))


@pytest.mark.usefixtures("demo")
def test_views_outside_the_page_tree_describe_the_site(client):
    assert description(client, "/sok/?q=bygglov") == description(client, "/")
