"""The page cache in Chromium: a vote on a cached page counts, its thanks stay the voter's own,
and a change published by another process reaches the next visitor (core/page_cache.py).

The server and ``run_in_site`` share the cache folder, as two production servers share Redis.
"""

from tests.browser.conftest import run_in_site

FAQ_PATH = "/vanliga-fragor/"
THANKS = "Tack för ditt svar"


def votes(site):
    return int(run_in_site(site, "from pages.models import FAQFeedback\nprint(FAQFeedback.objects.count())"))


def test_a_vote_on_a_cached_page_counts_and_its_thanks_are_the_voters_own(site, browser):
    first, voter = browser.new_context(), browser.new_context()
    try:
        warm = first.new_page()
        warm.goto(site["url"] + FAQ_PATH)  # stores the page
        page = voter.new_page()
        response = page.goto(site["url"] + FAQ_PATH)
        assert response.headers["x-page-cache"] == "hit"
        assert not voter.cookies(), "a page that only shows FAQ sets no cookie"
        before = votes(site)
        with page.expect_navigation():
            # Chromium sends Origin and Sec-Fetch-Site with the form, and no CSRF token is needed.
            # The last question: other browser tests vote on the first from the same address.
            page.locator("form.faq-feedback button[value='yes']").last.click()
        assert THANKS in page.locator("[role=status]").first.inner_text()
        assert votes(site) == before + 1

        again = warm.goto(site["url"] + FAQ_PATH)
        assert again.headers["x-page-cache"] == "hit"
        assert THANKS not in warm.content()
    finally:
        first.close()
        voter.close()


def retitle(site, title):
    run_in_site(
        site,
        "from wagtail.models import Page\n"
        "page = Page.objects.get(slug='vanliga-fragor', locale__language_code='sv').specific\n"
        f"page.title = {title!r}\n"
        "page.save_revision().publish()\n"
        "print('ok')",
    )


def test_a_change_published_elsewhere_reaches_the_next_visitor(site, page):
    page.goto(site["url"] + FAQ_PATH)
    assert page.goto(site["url"] + FAQ_PATH).headers["x-page-cache"] == "hit"
    original = page.locator("h1").inner_text()
    retitle(site, "Vanliga frågor och svar")
    try:
        response = page.goto(site["url"] + FAQ_PATH)
        assert response.headers["x-page-cache"] == "miss"
        assert page.locator("h1").inner_text() == "Vanliga frågor och svar"
    finally:
        retitle(site, original)
