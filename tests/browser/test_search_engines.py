"""What Lighthouse checks on every public page type: no console errors, a description,
a favicon, and a robots.txt that points at the sitemap and keeps private URLs out."""

from wagtail.models import get_page_models

import pytest

PAGE_TYPES = sorted(m.__name__ for m in get_page_models() if m._meta.app_label in {"pages", "eservices"})
VIEWS = ["/sok/?q=bygglov", "/arende/", "/en/case/"]


def open_and_collect_errors(page, url):
    """Load ``url``; the console errors and failed requests it caused (favicon included)."""
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on(
        "response",
        lambda response: response.status >= 400 and errors.append(f"{response.status} {response.url}"),
    )
    response = page.goto(url, wait_until="load")
    assert response.status == 200
    # Chromium asks for /favicon.ico after the load event when the page names no icon.
    page.wait_for_timeout(300)
    return errors


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_loads_without_console_errors_and_has_a_description(site, page_urls, page, page_type):
    path = page_urls[f"{page_type}:sv"]
    assert open_and_collect_errors(page, site["url"] + path) == []
    description = page.locator('meta[name="description"]')
    assert description.count() == 1, path
    assert len(description.get_attribute("content").strip()) >= 20, path
    assert page.locator('link[rel="icon"]').count() >= 1, path


@pytest.mark.parametrize("path", VIEWS)
def test_views_outside_the_page_tree_have_no_console_errors_and_a_description(site, page, path):
    assert open_and_collect_errors(page, site["url"] + path) == []
    assert page.locator('meta[name="description"]').count() == 1


def test_the_favicon_is_an_icon(site, page):
    response = page.request.get(site["url"] + "/favicon.ico")
    assert response.status == 200
    assert response.headers["content-type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    assert response.body()[:4] == b"\x00\x00\x01\x00"  # the ICO header


def test_robots_txt_points_at_the_sitemap_and_keeps_private_urls_out(site, page):
    response = page.request.get(site["url"] + "/robots.txt")
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/plain")
    lines = response.text().splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {site['url']}/sitemap.xml" in lines
    disallowed = {line.split(":", 1)[1].strip() for line in lines if line.startswith("Disallow:")}
    assert {"/admin/", "/arende/*/", "/en/case/*/", "/*/steg/"} <= disallowed
    sitemap = page.request.get(site["url"] + "/sitemap.xml")
    assert sitemap.status == 200
