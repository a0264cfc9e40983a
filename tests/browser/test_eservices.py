"""E-services in a real browser: keyboard only, axe-core on every step and in the error state."""

import struct
import zlib

from tests.browser.test_accessibility import assert_no_axe_violations


def tab_to(page, selector, limit=80):
    """Press Tab until the element matching selector has focus (keyboard only, no clicks)."""
    target = page.locator(selector).first
    for _ in range(limit):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} never got focus with Tab")


def tiny_png(path):
    """A real 2×2 PNG picture, written without extra libraries."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    path.write_bytes(png)
    return path


def test_ask_the_contact_centre_with_the_keyboard_alone(site, page):
    page.goto(site["url"] + "/allmanna-fragor/fraga-kontaktcenter/")
    assert_no_axe_violations(page, "start page")
    tab_to(page, "a.button--start")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_no_axe_violations(page, "step 1")

    # Send the empty step: the error state is checked too, and focus lands on the summary.
    tab_to(page, ".form-actions button[type=submit]:not([name])")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".error-summary").count() == 1
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert page.title().startswith(("Fel:", "Error:"))
    assert_no_axe_violations(page, "step 1 with errors")

    tab_to(page, "#id_fraga-subject")
    page.keyboard.type("Parkeringstillstånd")
    page.keyboard.press("Tab")
    page.keyboard.type("Hur lång tid tar det att få ett beslut?")
    tab_to(page, ".form-actions button[type=submit]:not([name])")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_no_axe_violations(page, "step 2")

    tab_to(page, "#id_kontakt-name")
    page.keyboard.type("Tolvan Tolvansson")
    tab_to(page, "#id_kontakt-answer_by_0")
    page.keyboard.press("Space")
    tab_to(page, "#id_kontakt-email")
    page.keyboard.type("tolvan@example.com")
    tab_to(page, ".form-actions button[type=submit]:not([name])")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Parkeringstillstånd" in page.content()
    assert_no_axe_violations(page, "check your answers")

    tab_to(page, ".form-actions button[type=submit]:not([name])")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector(".reference")
    assert page.locator(".reference").inner_text().startswith("KC-")
    assert_no_axe_violations(page, "receipt")


def submit_step(page):
    tab_to(page, ".form-actions button[type=submit]:not([name])")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_report_a_fault_with_a_photo_using_only_the_keyboard(site, page, tmp_path):
    photo = tiny_png(tmp_path / "trasig-lampa.png")
    # A listener from the start turns on Playwright's file-chooser interception now: turned on
    # only by expect_file_chooser(), it could come after the key press and miss the dialog.
    page.on("filechooser", lambda chooser: None)
    page.goto(site["url"] + "/bygg-miljo-vagar-vatten-och-avfall/gor-en-felanmalan/")
    assert_no_axe_violations(page, "felanmälan start")
    tab_to(page, "a.button--start")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_no_axe_violations(page, "felanmälan: what")

    submit_step(page)  # nothing chosen: the error state
    assert page.locator(".error-summary a").count() >= 1
    assert_no_axe_violations(page, "felanmälan: what, with errors")
    # The summary's first link takes focus to the field in error.
    tab_to(page, ".error-summary a")
    page.keyboard.press("Enter")

    # Tab reaches the radio group once; the arrow keys choose within it.
    tab_to(page, "#id_fel-kind_0")
    page.keyboard.press("ArrowDown")
    assert page.locator("#id_fel-kind_1").is_checked()
    tab_to(page, "#id_fel-description")
    page.keyboard.type("Gatlampan lyser inte.")
    submit_step(page)
    assert_no_axe_violations(page, "felanmälan: where")

    tab_to(page, "#id_plats-location")
    page.keyboard.type("Storgatan 12, stolpe 45")
    submit_step(page)
    assert_no_axe_violations(page, "felanmälan: photos")

    tab_to(page, "#id_bilder-photo_1")
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(str(photo))
    submit_step(page)
    assert_no_axe_violations(page, "felanmälan: contact")

    submit_step(page)  # contact details are optional
    assert "trasig-lampa.png" in page.content()
    assert_no_axe_violations(page, "felanmälan: check your answers")

    submit_step(page)
    page.wait_for_selector(".reference")
    assert page.locator(".reference").inner_text().startswith("KC-")
    assert_no_axe_violations(page, "felanmälan: receipt")


def test_the_error_summary_names_each_field_of_call_me_back(site, page):
    """Sent empty in Chromium: one line per field in the summary, each in its own words."""
    page.goto(site["url"] + "/allmanna-fragor/ring-upp-mig/")
    with page.expect_navigation():
        page.locator("a.button--start").click()
    # Only windows that can still happen are offered, and each names its day and hours.
    labels = page.locator("#id_ring-window label").all_inner_texts()
    assert labels and all("–" in label for label in labels), labels
    with page.expect_navigation():
        page.locator(".form-actions button[type=submit]:not([name])").click()
    summary = page.locator(".error-summary a").all_inner_texts()
    assert summary == [
        "Skriv telefonnumret vi ska ringa",
        "Skriv ditt namn",
        "Välj när vi ska ringa dig",
        "Skriv vad samtalet gäller",
    ]
    assert_no_axe_violations(page, "ring upp mig with errors")

    page.locator("#id_ring-phone").fill("070 abc 12 34")
    with page.expect_navigation():
        page.locator(".form-actions button[type=submit]:not([name])").click()
    assert (
        page.locator("#id_ring-phone_error")
        .inner_text()
        .endswith(
            "Skriv ett telefonnummer som vi kan ringa, till exempel 070-123 45 67 eller +46 70 123 45 67"
        )
    )
