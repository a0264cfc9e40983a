"""Back after the receipt, change an answer, send again: told it was sent, and the change is not lost."""

import json

from tests.browser.conftest import run_in_site
from tests.browser.test_accessibility import assert_no_axe_violations
from tests.browser.test_eservices import submit_step, tab_to

FORM = "/allmanna-fragor/fraga-kontaktcenter/"


def send_a_question(site, page):
    """Fill in and send Fråga kontaktcenter; the case reference from the receipt."""
    page.goto(site["url"] + FORM + "starta/")
    page.fill("#id_fraga-subject", "Parkeringstillstånd")
    page.fill("#id_fraga-question", "Hur lång tid tar det att få ett beslut?")
    submit_step(page)
    page.fill("#id_kontakt-name", "Tolvan Tolvansson")
    page.check("#id_kontakt-answer_by_0")
    page.fill("#id_kontakt-email", "tolvan@example.com")
    submit_step(page)
    submit_step(page)
    page.wait_for_selector(".reference")
    return page.locator(".reference").inner_text()


def back_to_the_first_step_and_change_it(page, reference):
    """The browser's back button three times: check page, contact step, question step."""
    for _ in range(3):
        page.go_back()
    assert page.locator("#id_fraga-subject").input_value() == "Parkeringstillstånd"
    tab_to(page, "#id_fraga-subject")
    page.keyboard.press("Control+A")
    page.keyboard.type("Bygglov för altan")
    submit_step(page)
    # The notice, with the reference and what changed, focused for screen readers and keyboards.
    notice = page.locator(".error-summary[role=alert]")
    assert notice.locator("h1").inner_text() == "Du har redan skickat det här formuläret"
    assert reference in notice.inner_text()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    changes = page.locator("table.changes-table").inner_text()
    assert "Parkeringstillstånd" in changes and "Bygglov för altan" in changes
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page, "already sent")


def case_answers(site, reference):
    script = (
        "import json\nfrom contactcentre.models import Case\n"
        f"case = Case.objects.get(reference={reference!r})\n"
        "print(json.dumps({'answers': case.answers, 'events': [e.text for e in case.events.all()]}))\n"
    )
    return json.loads(run_in_site(site, script))


def test_changes_after_sending_go_to_the_sent_case_as_a_message(site, page):
    reference = send_a_question(site, page)
    back_to_the_first_step_and_change_it(page, reference)
    tab_to(page, "button[value=message]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert reference in page.locator("h1").inner_text()  # the case's status page
    assert "Bygglov för altan" in page.locator(".timeline").inner_text()
    assert_no_axe_violations(page, "status page with the changes")
    case = case_answers(site, reference)
    assert case["answers"]["fraga"]["subject"] == "Parkeringstillstånd"
    assert any("Bygglov för altan" in text for text in case["events"])


def test_changes_after_sending_become_a_new_case(site, page):
    reference = send_a_question(site, page)
    back_to_the_first_step_and_change_it(page, reference)
    tab_to(page, "button[value=new]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector(".reference")
    new_reference = page.locator(".reference").inner_text()
    assert new_reference.startswith("KC-") and new_reference != reference
    assert_no_axe_violations(page, "receipt of the new case")
    assert case_answers(site, new_reference)["answers"]["fraga"]["subject"] == "Bygglov för altan"
    assert case_answers(site, reference)["answers"]["fraga"]["subject"] == "Parkeringstillstånd"
