"""Content flags in a real browser: an agent flags a page from a case, an editor reviews it; axe-checked."""

from tests.browser.conftest import DEMO_PASSWORD
from tests.browser.test_accessibility import assert_no_axe_violations

REVIEW_PATH = "/admin/innehall-att-se-over/"


def log_in(page, base_url, username, next_path):
    page.goto(f"{base_url}/admin/login/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def settle(page):
    """Wagtail fades its messages in; measure contrast once they have settled."""
    page.wait_for_timeout(1500)


def test_agent_flags_a_page_from_a_case(site, page):
    log_in(page, site["url"], "agent", "/admin/arenden/?status=in_progress")
    first = page.locator("a[href*='/admin/arenden/'] span[id^='case_']").first
    with page.expect_navigation():
        first.click()
    form = page.locator("form[action$='/flagga/']")

    # Neither a page nor an FAQ: the case page again, with the error.
    form.locator("textarea").fill("Avgiften på sidan är från förra året.")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert "Välj sidan eller frågan som är inaktuell eller fel." in page.locator("main").inner_text()
    settle(page)
    assert_no_axe_violations(page, "case page with a flag error")

    form = page.locator("form[action$='/flagga/']")
    form.locator("select[name='flag-page']").select_option(label="Bygglov")
    form.locator("input[type=radio][value=wrong]").check()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    section = page.locator("section[aria-labelledby='flags-heading']")
    assert "Bygglov" in section.locator("table").inner_text()
    assert "Avgiften på sidan är från förra året." in section.inner_text()
    settle(page)
    assert_no_axe_violations(page, "case page with its flags")


def test_editor_reviews_flagged_content_and_pages_past_review(site, page):
    log_in(page, site["url"], "editor", "/admin/")
    panel = page.locator("[id^='contactcentre-content-review']").first
    assert "på ditt innehåll" in panel.inner_text()
    assert_no_axe_violations(page, "admin home with the content review panel")

    page.goto(site["url"] + REVIEW_PATH)
    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text().strip() == "Innehåll att se över"
    flagged = page.locator("section[aria-labelledby='flagged-heading'] table tbody tr")
    overdue = page.locator("section[aria-labelledby='overdue-heading'] table tbody tr")
    assert flagged.count() >= 3  # the demo's open flags
    assert overdue.count() >= 2  # the demo's pages reviewed quarterly
    assert page.locator("main table caption").count() == 2
    assert_no_axe_violations(page, REVIEW_PATH)

    before = flagged.count()
    with page.expect_navigation():
        flagged.first.locator("button[type=submit]").click()
    assert "markerade som hanterade" in page.locator("body").inner_text()
    assert page.locator("section[aria-labelledby='flagged-heading'] table tbody tr").count() == before - 1
    settle(page)
    assert_no_axe_violations(page, f"{REVIEW_PATH} after marking handled")

    page.goto(site["url"] + REVIEW_PATH + "?visa=mina")
    assert page.locator("main a[aria-current='page']").inner_text().strip() == "Mitt innehåll"
    assert_no_axe_violations(page, f"{REVIEW_PATH}?visa=mina")
