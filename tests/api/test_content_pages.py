"""GET /api/v1/pages…: the public pages with their content, as the public site shows them."""

import pytest

from tests.api.conftest import API, check_response

pytestmark = pytest.mark.django_db


def _ids(body):
    return {item["id"] for item in body["items"]}


def _all_pages(client, **query):
    body = client.get(f"{API}/pages", {"limit": 100, **query}).json()
    assert body["count"] == len(body["items"])
    return body


def test_the_list_holds_the_public_pages_of_the_language_only(client, openapi, content_site):
    site = content_site
    response = client.get(f"{API}/pages", {"limit": 100})
    body = check_response(openapi, response, "/pages")
    assert {site.home.pk, site.service.pk, site.other.pk, site.area_page.pk} <= _ids(body)
    # Private (view-restricted) pages and their children, drafts, other languages: never.
    assert not {site.private.pk, site.private_child.pk, site.unpublished.pk, site.other_en.pk} & _ids(body)
    assert {item["locale"] for item in body["items"]} == {"sv"}
    home = next(item for item in body["items"] if item["id"] == site.home.pk)
    assert home["parent_id"] is None and home["html_path"] == "/"
    service = next(item for item in body["items"] if item["id"] == site.service.pk)
    assert service["parent_id"] == site.area_page.pk
    assert service["type"] == "pages.ServicePage"
    assert service["url"] == "http://127.0.0.1:8000" + service["html_path"]

    english = check_response(openapi, client.get(f"{API}/pages", {"lang": "en"}), "/pages")
    assert _ids(english) == {site.home_en.pk, site.other_en.pk}
    assert client.get(f"{API}/pages", HTTP_ACCEPT_LANGUAGE="en").json()["count"] == 2


def test_the_list_filters_by_type_parent_and_words_and_pages_with_a_limit(client, openapi, content_site):
    site = content_site
    by_type = _all_pages(client, type="pages.ServicePage")
    assert _ids(by_type) == {site.service.pk}
    children = _all_pages(client, child_of=site.area_page.pk)
    assert site.service.pk in _ids(children)
    assert all(item["parent_id"] == site.area_page.pk for item in children["items"])
    assert _all_pages(client, child_of=site.private.pk)["count"] == 0
    assert _ids(_all_pages(client, search="bygglov")) == {site.service.pk}
    assert _all_pages(client, search="bilaga")["count"] == 0  # the private page's child

    first = client.get(f"{API}/pages", {"limit": 2}).json()
    second = client.get(f"{API}/pages", {"limit": 2, "offset": 2}).json()
    assert len(first["items"]) == len(second["items"]) == 2
    assert first["count"] == second["count"] > 4
    assert not _ids(first) & _ids(second)

    for query in ({"limit": 101}, {"limit": 0}, {"offset": -1}, {"lang": "de"}, {"type": "pages.FAQ"}):
        response = client.get(f"{API}/pages", query)
        assert response.status_code == 422, query
        check_response(openapi, response, "/pages")


def test_a_page_with_its_content_block_by_block(client, openapi, content_site):
    site = content_site
    response = client.get(f"{API}/pages/{site.service.pk}")
    page = check_response(openapi, response, "/pages/{page_id}")
    assert response["Content-Language"] == "sv"
    assert page["title"] == "Bygglov" and page["draft"] is False
    assert page["fields"]["intro"] == "Du behöver bygglov för att bygga nytt."
    assert "responsible_editor" not in page["fields"] and "review_by" not in page["fields"]
    blocks = {block["type"]: block["value"] for block in page["body"]}
    assert list(blocks) == ["heading", "paragraph", "notice", "steps", "links"]
    assert blocks["heading"] == {"text": "Så här ansöker du", "level": "h2"}
    assert blocks["notice"]["kind"] == "warning"
    assert blocks["steps"]["steps"] == ["<p>Ansök.</p>", "<p>Vänta.</p>"]
    # Rich text as the public site shows it: the page's and the document's public addresses.
    paragraph = blocks["paragraph"]
    assert "linktype" not in paragraph
    assert 'href="http://127.0.0.1:8000/om-webbplatsen/"' in paragraph
    assert f'href="http://127.0.0.1:8000/documents/{site.document.pk}/' in paragraph
    # A link to a private page is left out; the others keep their order.
    assert blocks["links"]["links"] == [
        {"text": "Om webbplatsen", "url": "http://127.0.0.1:8000/om-webbplatsen/", "page_id": site.other.pk},
        {"text": "Boverket", "url": "https://www.boverket.se", "page_id": None},
    ]
    assert page["service_area"] == {"digit": 4, "name": site.area.name}
    assert [faq["question"] for faq in page["faqs"]] == ["Hur lång tid tar ett bygglov?"]
    assert [blankett["code"] for blankett in page["blanketter"]] == ["SBF-101"]


def test_a_page_in_english_names_its_translations(client, openapi, content_site):
    site = content_site
    response = client.get(f"{API}/pages/{site.other_en.pk}")
    page = check_response(openapi, response, "/pages/{page_id}")
    assert response["Content-Language"] == "en"
    assert page["locale"] == "en" and page["title"] == "About this website"
    assert page["html_path"] == "/en/about-this-website/"
    assert page["translations"] == [
        {"locale": "sv", "id": site.other.pk, "url": "http://127.0.0.1:8000/om-webbplatsen/"}
    ]


@pytest.mark.parametrize("which", ["private", "private_child", "unpublished"])
def test_private_and_unpublished_pages_are_not_found(client, openapi, content_site, which):
    page = getattr(content_site, which)
    response = client.get(f"{API}/pages/{page.pk}")
    assert response.status_code == 404
    check_response(openapi, response, "/pages/{page_id}")
    path = page.url_path.removeprefix(content_site.home.url_path)
    assert client.get(f"{API}/pages/find", {"html_path": f"/{path}"}).status_code == 404


def test_a_page_by_its_address_in_each_language(client, openapi, content_site):
    site = content_site
    response = client.get(f"{API}/pages/find", {"html_path": "/bygg-miljo-vagar-vatten-och-avfall/bygglov/"})
    assert check_response(openapi, response, "/pages/find")["id"] == site.service.pk
    assert client.get(f"{API}/pages/find", {"html_path": "/"}).json()["id"] == site.home.pk
    english = client.get(f"{API}/pages/find", {"html_path": "/en/about-this-website"}).json()
    assert english["id"] == site.other_en.pk
    assert client.get(f"{API}/pages/find", {"html_path": "/en/om-webbplatsen/"}).status_code == 404
    assert client.get(f"{API}/pages/find", {"html_path": "/fi/"}).status_code == 404  # no Finnish site yet


def test_pages_of_other_apps_show_no_configuration(client, content_site):
    eservice = client.get(f"{API}/pages", {"type": "eservices.EServicePage"}).json()["items"][0]
    page = client.get(f"{API}/pages/{eservice['id']}").json()
    assert page["type"] == "eservices.EServicePage"
    assert page["fields"] == {} and page["body"] == []


def test_the_home_pages_top_tasks_lead_to_public_pages_only(client, content_site):
    from tests.api.conftest import _stream

    home = content_site.home
    home.top_tasks = _stream(
        ("link", {"page": content_site.private.pk, "url": "", "text": "Intern rutin"}),
        ("link", {"page": content_site.service.pk, "url": "", "text": ""}),
    )
    home.save_revision().publish()
    tasks = client.get(f"{API}/pages/{home.pk}").json()["fields"]["top_tasks"]
    assert [task["value"] for task in tasks] == [
        {
            "text": "Bygglov",
            "url": "http://127.0.0.1:8000/bygg-miljo-vagar-vatten-och-avfall/bygglov/",
            "page_id": content_site.service.pk,
        }
    ]
