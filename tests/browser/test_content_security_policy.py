"""The Content-Security-Policy in a real browser: no page we serve breaks its own policy.

chromium reports every blocked script, style, image or frame as a ``securitypolicyviolation``
event and a console message; both are collected in every frame (the preview is an iframe).
"""

from playwright.sync_api import Error as PlaywrightError

from tests.browser.conftest import run_in_site
from tests.browser.test_agent_round import log_in
from tests.browser.test_receipt import ESERVICE, send_a_question

COLLECT = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI} in ${where}`);
});
"""
SERVICE_PAGE = "/aldreomsorg-och-funktionsnedsattning/hemtjanst/"
HEMTJANST_ID = (
    "from wagtail.models import Page\n"
    "print(Page.objects.get(slug='hemtjanst', locale__language_code='sv').pk)"
)


def watch(page):
    """Start collecting violations on this page's context; returns the console's CSP messages."""
    page.context.add_init_script(COLLECT)
    console = []
    page.on(
        "console",
        lambda message: console.append(message.text) if "Content Security Policy" in message.text else None,
    )
    return console


def assert_no_violations(page, console, where):
    violations = list(console)
    for frame in page.frames:
        # Wagtail's preview panel replaces its iframe when it refreshes: a frame may go while
        # it is read. Its violations also reach the console, which is collected above.
        try:
            violations += frame.evaluate("window.__cspViolations || []")
        except PlaywrightError:
            if not frame.is_detached():
                raise
    assert violations == [], f"{where}: {violations}"
    console.clear()


def test_the_public_site_keeps_its_policy(site, page):
    console = watch(page)
    response = page.goto(site["url"] + "/")
    policy = response.headers["content-security-policy"]
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert_no_violations(page, console, "home page")

    page.goto(site["url"] + SERVICE_PAGE)
    assert page.locator("h1").count() == 1
    assert_no_violations(page, console, "service page")

    # An e-service step sent empty: the error summary and the messages beside the fields.
    page.goto(site["url"] + ESERVICE + "starta/")
    with page.expect_navigation():
        page.locator(".form-actions button[type=submit]:not([name])").click()
    assert page.locator(".error-summary").is_visible()
    assert_no_violations(page, console, "e-service step with an error")

    send_a_question(page, site["url"] + ESERVICE + "starta/")
    assert page.locator(".reference").is_visible()
    assert_no_violations(page, console, "receipt")


def test_the_admin_keeps_its_policy_and_previews_in_its_frame(site, page):
    console = watch(page)
    log_in(page, site["url"], "admin")
    response = page.goto(site["url"] + "/admin/")
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "unsafe-eval" not in policy
    assert_no_violations(page, console, "admin dashboard")

    page_id = run_in_site(site, HEMTJANST_ID)
    page.goto(f"{site['url']}/admin/pages/{page_id}/edit/")
    assert_no_violations(page, console, "page edit view")

    # The preview panel: the page, rendered for the editor, in the admin's iframe.
    page.locator("[data-side-panel-toggle='preview']").click()
    for _ in range(100):
        frames = [frame for frame in page.frames if "/edit/preview/" in frame.url]
        if frames and frames[0].locator("h1").count():
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError(f"no preview: {[frame.url for frame in page.frames]}")
    assert frames[0].locator("h1").inner_text().strip() == "Hemtjänst"
    assert_no_violations(page, console, "page edit view with its preview")
