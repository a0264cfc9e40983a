"""An agent's round in the queue, in a real browser: log in, claim, reply, resolve."""

import re

from tests.browser.conftest import DEMO_PASSWORD
from tests.browser.test_accessibility import assert_no_axe_violations


def log_in(page, base_url, username):
    page.goto(base_url + "/admin/login/?next=/admin/arenden/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_agent_claims_replies_and_resolves_a_new_case(site, page):
    log_in(page, site["url"], "agent")
    # A phone call (not a call-back request, which can never be resolved at first contact).
    page.goto(site["url"] + "/admin/arenden/?status=new&channel=phone")
    assert_no_axe_violations(page, "queue listing")
    first = page.locator("a[href*='/admin/arenden/'] span[id^='case_']").first
    reference = first.inner_text().strip()
    assert re.fullmatch(r"KC-\d{4}-\d{6}", reference)
    with page.expect_navigation():
        first.click()
    assert reference in page.content()
    assert_no_axe_violations(page, "case page")

    with page.expect_navigation():
        page.locator("form[action$='/ta/'] button[type=submit]").click()
    with page.expect_navigation():
        page.locator("form[action$='/svar/'] textarea").fill(
            "Hej! Vi har tagit emot ditt ärende och svarar här."
        )
        page.locator("form[action$='/svar/'] button[type=submit]").click()
    assert "Vi har tagit emot ditt ärende och svarar här." in page.content()

    page.locator("form[action$='/los/'] input[type=radio][value=yes]").check()
    with page.expect_navigation():
        page.locator("form[action$='/los/'] button[type=submit]").click()
    # The case is resolved, and the timeline says so.
    assert "Löst" in page.locator("main").inner_text()
    # Wagtail fades its success message in; measure contrast once it has settled.
    page.wait_for_timeout(1500)
    assert_no_axe_violations(page, "case page after resolving")
