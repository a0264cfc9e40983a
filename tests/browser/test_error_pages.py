"""Error pages in a real browser: a form sent without its CSRF cookie, 404 and 429, axe-clean."""

import pytest

from tests.browser.conftest import run_in_site
from tests.browser.test_accessibility import assert_no_axe_violations


@pytest.fixture(scope="session")
def english_status_path(site):
    """The English status page of a demo case that still takes the citizen's answers."""
    script = (
        "from django.urls import reverse\n"
        "from django.utils import translation\n"
        "from contactcentre.models import Case\n"
        "case = Case.objects.filter(status__in=['new', 'in_progress', 'waiting']).first()\n"
        "with translation.override('en'):\n"
        "    kwargs = {'reference': case.reference, 'token': case.status_token()}\n"
        "    print(reverse('case_status', kwargs=kwargs))\n"
    )
    return run_in_site(site, script)


def test_a_wizard_step_sent_without_the_csrf_cookie_shows_our_page_in_swedish(site, page):
    page.goto(site["url"] + "/allmanna-fragor/fraga-kontaktcenter/starta/")
    page.context.clear_cookies(name="csrftoken")
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.locator("main form button[type=submit]:not([name=wizard_save])").first.click()
    assert posted.value.status == 403
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h1").inner_text() == "Formuläret kunde inte skickas"
    assert page.locator("main a[href^='tel:']").count() == 1
    assert_no_axe_violations(page, "403 (CSRF)")


def test_an_answer_sent_without_the_csrf_cookie_shows_our_page_in_english(site, page, english_status_path):
    first = page.goto(site["url"] + english_status_path)
    assert first.status == 200
    page.context.clear_cookies(name="csrftoken")
    page.locator("textarea[name=message]").fill("The lamp is by the bus stop.")
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.locator("main form[method=post] button[type=submit]").first.click()
    assert posted.value.status == 403
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "The form could not be sent"
    assert_no_axe_violations(page, "403 (CSRF), English")


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [("/finns-inte/", "sv", "Sidan finns inte"), ("/en/nowhere/", "en", "Page not found")],
)
def test_404(site, page, path, lang, heading):
    response = page.goto(site["url"] + path)
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").inner_text() == heading
    assert_no_axe_violations(page, path)


def test_429_after_too_many_failed_look_ups(site, page):
    path = "/en/case/KC-1999-000001/00000000000000000000000000000000/"
    for _ in range(25):  # the limit is 20 failures in ten minutes per address
        if page.context.request.get(site["url"] + path).status == 429:
            break
    response = page.goto(site["url"] + path)
    assert response.status == 429
    assert int(response.headers["retry-after"]) > 0
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Too many attempts"
    assert_no_axe_violations(page, "429")
