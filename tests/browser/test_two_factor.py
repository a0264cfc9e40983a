"""The demo's social-services officer signs in with a second factor, in a real browser.

The demo requires it of the groups that work confidential cases (demo/data/municipality.yaml):
first sign-in enrols (the key from the page, the code computed as an authenticator app does),
the next asks for a code. ``log_in_with_second_factor`` is the helper for any browser test
that signs in as ``social`` or ``omsorg``.
"""

import time
from base64 import b32decode

from django_otp.oath import totp

from tests.browser.test_accessibility import assert_no_axe_violations
from tests.browser.test_agent_round import log_in

KEYS = {}  # username -> the key enrolled in this run, as an authenticator app keeps it


def code_for(secret: str, offset_steps: int = 0) -> str:
    return f"{totp(b32decode(secret), t0=-offset_steps * 30):06d}"


def log_in_with_second_factor(page, base_url, username):
    """Sign in as a member of a two-factor group: enrol on first sign-in, else enter a code."""
    log_in(page, base_url, username)
    if "/tvastegsverifiering/kod/" in page.url:
        # A code is used once: wait for the next if this one was spent by an earlier sign-in.
        time.sleep(31 - time.time() % 30)
        page.fill("#id_code", code_for(KEYS[username]))
        with page.expect_navigation():
            page.keyboard.press("Enter")
        return None
    assert "/tvastegsverifiering/" in page.url
    secret = page.locator("[data-two-factor-secret]").inner_text().replace(" ", "")
    KEYS[username] = secret
    page.fill("#id_code", code_for(secret))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    codes = page.locator("[data-recovery-codes]").locator("code").all_inner_texts()
    with page.expect_navigation():
        page.locator("main a.button").click()
    return codes


def test_social_services_officer_enrols_then_verifies_and_reaches_the_queue(site, browser):
    base = site["url"]
    context = browser.new_context()
    page = context.new_page()
    log_in(page, base, "social")
    assert "/admin/tvastegsverifiering/" in page.url  # no admin page before the second factor
    assert page.locator("svg").count() >= 1  # the QR code
    assert_no_axe_violations(page, "two-factor enrolment")
    with page.expect_navigation():
        page.locator("[data-sign-out]").click()
    codes = log_in_with_second_factor(page, base, "social")
    assert len(codes) == 10
    assert page.url.endswith("/admin/arenden/")
    context.close()

    # A new browser: password, then a code from the app.
    context = browser.new_context()
    page = context.new_page()
    log_in_with_second_factor(page, base, "social")
    assert page.url.endswith("/admin/arenden/")
    assert_no_axe_violations(page, "queue after the second factor")
    context.close()


def test_an_agent_signs_in_with_a_password_alone(site, page):
    log_in(page, site["url"], "agent")
    assert page.url.endswith("/admin/arenden/")
