"""Every page type in a real browser: no axe-core violations (WCAG 2.1 A, AA), keyboard, small screens."""

from wagtail.models import get_page_models

import pytest
from axe_playwright_python.sync_playwright import Axe

# Only the violations come back in full: the passes of a whole page are a large answer to send per run.
WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
PAGE_TYPES = sorted(m.__name__ for m in get_page_models() if m._meta.app_label in {"pages", "eservices"})
EXTRA_PATHS = [
    "/sok/?q=bygglov",  # search with results
    "/sok/?q=xyzzyqwerty",  # search without results
    "/vanliga-fragor/?q=h%C3%A4mtningsschema",  # FAQ search
    "/blanketter/?kategori=1",  # filtered blanketter
    "/fortroendemannaregister/?tidigare=1",
    "/finns-inte/",  # 404 page
    "/en/search/?q=bygglov",  # the English interface
    "/en/case/",  # case look-up, in English
]


def assert_no_axe_violations(page, path):
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, f"{path}:\n{results.generate_report()}"


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_has_no_axe_violations(site, page_urls, page, page_type):
    path = page_urls.get(f"{page_type}:sv")
    assert path, f"The demo has no live {page_type}: every page type must be checked"
    response = page.goto(site["url"] + path)
    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert page.locator("html").get_attribute("lang") == "sv"
    assert_no_axe_violations(page, path)


@pytest.mark.parametrize("path", EXTRA_PATHS)
def test_views_and_states_have_no_axe_violations(site, page, path):
    page.goto(site["url"] + path)
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page, path)


def test_every_page_type_reflows_at_320_pixels(site, page_urls, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    narrow = context.new_page()
    try:
        for key, path in sorted(page_urls.items()):
            narrow.goto(site["url"] + path)
            overflow = narrow.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{key} ({path}) scrolls sideways by {overflow}px at 320px"
    finally:
        context.close()


# The second page has "Lämna sidan snabbt", which comes right after the skip link.
@pytest.mark.parametrize("path", ["/", "/socialtjanst/vald-i-nara-relationer/"])
def test_skip_link_is_first_and_moves_focus_to_main(site, page, path):
    page.goto(site["url"] + path)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_faq_feedback_works_with_the_keyboard_alone(site, page):
    page.goto(site["url"] + "/vanliga-fragor/")
    yes_button = page.locator("form[action*='/feedback/'] button[value='yes']").first
    yes_button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "#fraga-" in page.url
    assert page.locator("[role=status]").count() >= 1
    assert_no_axe_violations(page, "/vanliga-fragor/ after feedback")
