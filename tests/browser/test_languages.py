"""The site in every language the demo has translated: axe-core, keyboard only, reflow, the switcher.

The languages are found at run time: for each language of ``settings.LANGUAGES`` besides Swedish,
the live pages the seeded demo has in it. A language without any is skipped, so these tests grow
by themselves when its translator's file (demo/data/translations/<code>.po) arrives.
"""

import json
import re
from pathlib import Path

from django.conf import settings

import pytest

from tests.browser.conftest import ROOT, run_in_site
from tests.browser.test_accessibility import assert_no_axe_violations
from tests.browser.test_eservices import tab_to

LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
RIGHT_TO_LEFT = set(settings.LANGUAGES_BIDI)
# One page of every page type, by what the visitor sees; the e-service is "Fråga kontaktcenter".
PAGE_TYPES = {
    "home": "HomePage",
    "contact": "ContactCentrePage",
    "service-area": "ServiceAreaPage",
    "service": "ServicePage",
    "blanketter": "BlankettLibraryPage",
    "eservice": "EServicePage",
    "accessibility-statement": "AccessibilityStatementPage",
    "faq": "FAQPage",
    "privacy": "PrivacyNoticePage",
    "departments": "DepartmentDirectoryPage",
    "officials": "OfficialsRegisterPage",
    "information": "InformationPage",
}
ESERVICE = "fraga-kontaktcenter"  # its steps: "fraga", "kontakt", then "kontrollera" and the receipt
UNTRANSLATED = "teletal"  # a Swedish page the demo leaves untranslated
# 320 px; and 1 280 px at 200 % zoom, which is 640 CSS px at twice the device pixels.
SCREENS = [
    ("320px", {"width": 320, "height": 640}, 1),
    ("1280px at 200 %", {"width": 640, "height": 400}, 2),
]
SCREENSHOTS = ROOT / "var" / "screenshots"

DISCOVER = """
import json
from django.conf import settings
from wagtail.models import Page
from pages.models import EasyReadPage, OtherLanguagePage

types = %(types)r
eservice, untranslated = %(eservice)r, %(untranslated)r
live = Page.objects.live().filter(depth__gt=1).select_related("locale", "content_type")
source = Page.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
found = {"languages": {}, "groups": []}
for code, _name in settings.LANGUAGES:
    if code == settings.LANGUAGE_CODE:
        continue
    pages = live.filter(locale__language_code=code).order_by("path")
    if not pages.exists():
        continue
    urls = {}
    for key, model in types.items():
        page = pages.filter(content_type__model=model.lower()).first()
        if page:
            urls[key] = page.get_url()
    fraga = source.filter(slug=eservice).first()
    fraga = fraga and pages.filter(translation_key=fraga.translation_key).first()
    if fraga:
        urls["eservice"] = fraga.get_url()
    found["languages"][code] = {"urls": urls, "pages": pages.count()}
groups = {}
for page in live.order_by("path"):
    groups.setdefault(str(page.translation_key), {})[page.locale.language_code] = page.get_url()
found["groups"] = [group for group in groups.values() if len(group) > 1]
found["easy_read"] = [page.get_url() for page in EasyReadPage.objects.live().order_by("path")]
page = OtherLanguagePage.objects.live().first()
found["other_language"] = page and [page.get_url(), page.language, page.direction]
page = source.filter(slug=untranslated).first()
found["untranslated"] = page and page.get_url()
print(json.dumps(found))
"""


@pytest.fixture(scope="session")
def translated(site):
    """What the seeded demo has in each language: {"languages": {code: {"urls": {type: path}}}, …}."""
    script = DISCOVER % {"types": PAGE_TYPES, "eservice": ESERVICE, "untranslated": UNTRANSLATED}
    return json.loads(run_in_site(site, script))


def language(translated, code):
    """The language's pages, or skip: the demo has not translated anything into it (yet)."""
    found = translated["languages"].get(code)
    if not found:
        pytest.skip(f"the demo has no live pages in {code!r} (no demo/data/translations/{code}.po yet)")
    return found["urls"]


def assert_language(page, code):
    assert page.locator("html").get_attribute("lang") == code
    assert page.locator("html").get_attribute("dir") == ("rtl" if code in RIGHT_TO_LEFT else "ltr")


def press_and_wait(page, key="Enter"):
    with page.expect_navigation():
        page.keyboard.press(key)


def submit_step(page):
    tab_to(page, ".form-actions button[type=submit]:not([name])")
    press_and_wait(page)


# --- 1. axe-core on every page type, in every language ----------------------


@pytest.mark.parametrize("kind", PAGE_TYPES)
@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_type_has_no_axe_violations_in_every_language(site, translated, page, code, kind):
    path = language(translated, code).get(kind)
    assert path, f"the demo translates a {kind} page into {code}, but none is live"
    response = page.goto(site["url"] + path)
    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert_language(page, code)
    assert_no_axe_violations(page, f"{code} {kind} {path}")


def test_easy_read_pages_have_no_axe_violations(site, translated, page):
    """Every lättläst page, those under the e-services' start pages among them."""
    if not translated["easy_read"]:
        pytest.skip("the demo has no live easy-to-read (lättläst) page")
    for path in translated["easy_read"]:
        assert page.goto(site["url"] + path).status == 200
        assert page.locator("html").get_attribute("lang") == "sv"
        assert_no_axe_violations(page, f"lättläst {path}")


def test_other_language_page_has_no_axe_violations(site, translated, page):
    if not translated["other_language"]:
        pytest.skip("the demo has no live page in another language")
    path, code, direction = translated["other_language"]
    assert page.goto(site["url"] + path).status == 200
    # The page's text is marked with its own language and direction (WCAG 3.1.2).
    part = page.locator(f"main [lang='{code}']").first
    assert part.get_attribute("dir") == direction
    # So is its title in the breadcrumb trail, outside <main>.
    crumb = page.locator(".breadcrumbs [aria-current=page]")
    assert (crumb.get_attribute("lang"), crumb.get_attribute("dir")) == (code, direction)
    assert_no_axe_violations(page, f"{code} {path}")


# --- 1 and 2. "Fråga kontaktcenter" with the keyboard alone, axe on every step -----------


@pytest.mark.parametrize("code", LANGUAGES)
def test_ask_the_contact_centre_with_the_keyboard_alone_in_every_language(site, translated, page, code):
    path = language(translated, code).get("eservice")
    assert path, f"{ESERVICE} is not live in {code}"
    checked = []

    def check(step):
        assert_language(page, code)
        assert_no_axe_violations(page, f"{code} {ESERVICE}: {step}")
        checked.append(step)

    page.goto(site["url"] + path)
    check("start page")
    tab_to(page, "a.button--start")
    press_and_wait(page)
    assert "/steg/" in page.url and page.url.endswith("/fraga/")
    check("fraga")

    # Sent empty: the error state, with focus on its summary.
    submit_step(page)
    assert page.locator(".error-summary").count() == 1
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    check("fraga with errors")

    # Back up to the summary and down again (Shift+Tab), then fill the fields.
    tab_to(page, "#id_fraga-subject")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_fraga-subject"
    page.keyboard.type("Parkeringstillstånd")
    page.keyboard.press("Tab")
    page.keyboard.type("Hur lång tid tar det att få ett beslut?")
    submit_step(page)
    assert page.url.endswith("/kontakt/")
    check("kontakt")

    tab_to(page, "#id_kontakt-name")
    page.keyboard.type("Tolvan Tolvansson")
    # Tab reaches the radio group once; the arrow keys move within it, Space chooses.
    tab_to(page, "#id_kontakt-answer_by_0")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Space")
    assert page.locator("#id_kontakt-answer_by_0").is_checked()
    tab_to(page, "#id_kontakt-email")
    page.keyboard.type("tolvan@example.com")
    submit_step(page)
    assert page.url.endswith("/kontrollera/")
    assert "Parkeringstillstånd" in page.content()
    check("kontrollera")

    submit_step(page)
    page.wait_for_selector(".reference")
    assert page.locator(".reference").inner_text().strip().startswith("KC-")
    check("receipt")
    assert checked == ["start page", "fraga", "fraga with errors", "kontakt", "kontrollera", "receipt"]


# --- 3. No sideways scrolling at 320 px, nor at 1 280 px zoomed to 200 % ------------------


@pytest.mark.parametrize("name, viewport, scale", SCREENS, ids=[screen[0] for screen in SCREENS])
@pytest.mark.parametrize("code", LANGUAGES)
def test_home_and_an_eservice_step_reflow_in_every_language(
    site, translated, browser, code, name, viewport, scale
):
    urls = language(translated, code)
    context = browser.new_context(viewport=viewport, device_scale_factor=scale)
    page = context.new_page()
    try:
        # The e-service's first step: its "starta/" address begins a run and redirects to the step.
        for what, path in [("home", urls["home"]), ("e-service step", urls["eservice"] + "starta/")]:
            page.goto(site["url"] + path)
            assert_language(page, code)
            if what == "e-service step":
                assert "/steg/" in page.url
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{code} {what} ({path}) scrolls sideways by {overflow}px at {name}"
    finally:
        context.close()


# --- 4. The language switcher --------------------------------------------------------


def switcher_links(page):
    """{language: href} of the switcher's links."""
    links = page.locator(".language-switcher a")
    return {link.get_attribute("hreflang"): link.get_attribute("href") for link in links.all()}


def fetch_lang(page, url):
    """Status and <html lang> of a page, fetched without leaving the current one."""
    response = page.request.get(url)
    found = re.search(r'<html[^>]*\blang="([^"]+)"', response.text())
    return response.status, found and found.group(1)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_switcher_leads_to_each_translation(site, translated, page, code):
    """Every translated page: from it to each other language, and from the Swedish page to it."""
    language(translated, code)
    groups = [group for group in translated["groups"] if code in group]
    assert groups
    for group in groups:
        path = group[code]
        page.goto(site["url"] + path)
        assert_language(page, code)
        links = switcher_links(page)
        assert code not in links, f"{path} offers its own language"
        for other, other_path in group.items():
            if other == code:
                continue
            href = links.get(other)
            assert href == other_path, f"on {path} the {other} link is {href}, not {other_path}"
            status, lang = fetch_lang(page, site["url"] + href)
            assert (status, lang) == (200, other), f"{href} from {path}"
        source = group[settings.LANGUAGE_CODE]
        page.goto(site["url"] + source)
        href = switcher_links(page).get(code)
        assert href == path, f"on {source} the {code} link is {href}, not {path}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_switcher_on_an_untranslated_page_leads_to_that_languages_home(site, translated, page, code):
    urls = language(translated, code)
    path = translated["untranslated"]
    assert path, f"the Swedish page {UNTRANSLATED!r} is missing"
    page.goto(site["url"] + path)
    link = page.locator(f".language-switcher a[hreflang='{code}']")
    assert link.get_attribute("href").startswith(urls["home"] + "?")
    link.focus()
    press_and_wait(page)
    assert_language(page, code)
    assert page.url.split("?")[0] == site["url"] + urls["home"]
    notice = page.locator("main .notice.notice--info")
    assert notice.count() == 1 and notice.is_visible()
    assert_no_axe_violations(page, f"{code} home with the untranslated notice")


# --- 5. Screenshots in Arabic ----------------------------------------------------------


def test_screenshots_in_arabic(site, translated, browser):
    urls = language(translated, "ar")
    folder = SCREENSHOTS / "ar"
    folder.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        shots = [
            ("home", urls["home"]),
            ("service", urls["service"]),
            ("eservice-step", urls["eservice"] + "starta/"),
        ]
        for name, path in shots:
            page.goto(site["url"] + path)
            assert_language(page, "ar")
            page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
            assert Path(folder / f"{name}.png").stat().st_size > 0
    finally:
        context.close()
