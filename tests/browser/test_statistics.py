"""The manager's statistics page in a real browser: axe-core, the keyboard, and the error state."""

from tests.browser.test_accessibility import assert_no_axe_violations
from tests.browser.test_agent_round import log_in

STATISTICS = "/admin/arenden/statistik/"


def test_the_statistics_page_has_no_axe_violations(site, page):
    log_in(page, site["url"], "chef")
    page.goto(site["url"] + STATISTICS)
    assert page.locator("h1").count() == 1
    # Every chart is an image with a title, and its numbers are in a captioned table.
    charts = page.locator("svg[role=img]")
    assert charts.count() >= 6
    for index in range(charts.count()):
        labelled = charts.nth(index).get_attribute("aria-labelledby")
        assert labelled and page.locator(f"[id='{labelled.split()[0]}']").count() == 1
    assert page.locator("table caption").count() >= 10
    assert_no_axe_violations(page, STATISTICS)


def test_the_period_is_chosen_by_keyboard_and_errors_are_announced(site, page):
    log_in(page, site["url"], "chef")
    page.goto(site["url"] + STATISTICS)
    page.focus("#id_from")
    page.locator("#id_from").fill("2025-12-31")
    page.locator("#id_to").fill("2025-12-01")
    page.locator("#id_to").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    summary = page.locator("[data-error-summary]")
    assert summary.is_visible()
    assert "Slutdatumet får inte vara före startdatumet." in summary.inner_text()
    assert page.locator("#id_from").input_value() == "2025-12-31"  # what was typed is kept
    assert_no_axe_violations(page, STATISTICS + " with an error")
    # The error links to its field.
    summary.locator("a").first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#id_to"


def test_the_tables_scroll_by_keyboard_and_a_preset_works(site, page):
    log_in(page, site["url"], "chef")
    page.goto(site["url"] + STATISTICS)
    with page.expect_navigation():
        page.get_by_role("link", name="Förra kvartalet").click()
    assert "from=" in page.url
    region = page.locator(".stats-table").first
    assert region.get_attribute("tabindex") == "0" and region.get_attribute("role") == "region"


def test_the_managers_dashboard_has_no_axe_violations(site, page):
    log_in(page, site["url"], "chef")
    page.goto(site["url"] + "/admin/")
    assert page.locator("#contactcentre-statistics-heading, [id^='contactcentre-statistics']").count() >= 1
    assert_no_axe_violations(page, "/admin/ (manager)")
