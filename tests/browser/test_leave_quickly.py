""" "Lämna sidan snabbt" in a real browser: where it shows, keyboard first, and that it leaves."""

from tests.browser.test_accessibility import assert_no_axe_violations

VALD = "/socialtjanst/vald-i-nara-relationer/"
NEUTRAL = "https://www.smhi.se/"


def neutral_site(context):
    """Answer for the weather site, so the test never leaves the machine."""
    context.route(
        NEUTRAL + "**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<title>SMHI</title>Vädret"),
    )


def test_it_shows_on_socialtjanst_pages_and_not_on_an_ordinary_page(site, page):
    for path in (VALD, "/socialtjanst/", "/socialtjanst/ekonomiskt-bistand/"):
        page.goto(site["url"] + path)
        assert page.locator(".leave-quickly__button").count() == 1, path
        assert page.locator(".leave-quickly__button").inner_text() == "Lämna sidan snabbt"
    assert_no_axe_violations(page, "a page with the leave-quickly button")
    page.goto(site["url"] + "/bygg-miljo-vagar-vatten-och-avfall/bygglov/")
    assert page.locator(".leave-quickly").count() == 0


def test_the_tab_after_the_skip_link_reaches_it_and_it_leaves_without_a_way_back(site, browser):
    context = browser.new_context()
    neutral_site(context)
    page = context.new_page()
    try:
        page.goto(site["url"] + "/")
        page.goto(site["url"] + VALD)
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('skip-link')")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('leave-quickly__button')")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == NEUTRAL
        # The sensitive page was replaced in the history: Back goes to the page before it.
        page.go_back()
        assert page.url == site["url"] + "/"
    finally:
        context.close()


def test_without_javascript_it_is_a_plain_link(site, browser):
    context = browser.new_context(java_script_enabled=False)
    neutral_site(context)
    page = context.new_page()
    try:
        page.goto(site["url"] + VALD)
        with page.expect_navigation():
            page.locator(".leave-quickly__button").click()
        assert page.url == NEUTRAL
    finally:
        context.close()
