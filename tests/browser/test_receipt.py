"""The receipt in a real browser: what an anonymous citizen and an assisting agent see, and the look-up."""

from tests.browser.test_accessibility import assert_no_axe_violations
from tests.browser.test_agent_round import log_in

ESERVICE = "/allmanna-fragor/fraga-kontaktcenter/"
VISITOR_TEXTS = ("Skriv ut kvittot till besökaren", "Börja om för nästa besökare")


def send_a_question(page, start_url, *, assisted=False):
    page.goto(start_url)
    page.fill("#id_fraga-subject", "Parkeringstillstånd")
    page.fill("#id_fraga-question", "Hur lång tid tar det att få ett beslut?")
    with page.expect_navigation():
        page.locator(".form-actions button[type=submit]:not([name])").click()
    page.fill("#id_kontakt-name", "Tolvan Tolvansson")
    page.check("#id_kontakt-answer_by_0")
    page.fill("#id_kontakt-email", "tolvan@example.com")
    with page.expect_navigation():
        page.locator(".form-actions button[type=submit]:not([name])").click()
    if assisted:
        page.check("#id_kontrollera-visitor_consent")
    with page.expect_navigation():
        page.locator(".form-actions button[type=submit]:not([name])").click()
    page.wait_for_selector(".reference")
    return page.locator("main").inner_text()


def test_an_anonymous_receipt_has_no_visitor_text_and_its_code_finds_the_case(site, page):
    receipt = send_a_question(page, site["url"] + ESERVICE + "starta/")
    for text in VISITOR_TEXTS:
        assert text not in receipt
    reference = page.locator(".reference").inner_text().strip()
    code = page.locator(".status-code").inner_text().strip()
    assert_no_axe_violations(page, "receipt with its code")

    # The look-up asks for exactly what the receipt shows, and says where to find it.
    page.goto(site["url"] + "/arende/")
    form_text = page.locator("main").inner_text()
    assert "kvitto" in form_text.lower()
    page.fill("input[name=reference]", reference.lower())
    page.fill("input[name=token]", code)  # as printed, in groups
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator("h1").inner_text().endswith(reference)


def test_an_agents_assisted_receipt_shows_the_visitor_text(site, page):
    log_in(page, site["url"], "agent")
    receipt = send_a_question(page, site["url"] + ESERVICE + "besok/", assisted=True)
    for text in VISITOR_TEXTS:
        assert text in receipt
