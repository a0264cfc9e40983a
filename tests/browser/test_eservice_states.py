"""Every state of every demo e-service in every language: axe-core, reflow at 320 px, language, no Swedish.

For each e-service × language the walker (``eservice_walk``) goes from the start page through
every step (as shown, sent empty, then filled in) to the check page and the receipt. At each
state: no axe-core violations (WCAG 2.1 A and AA), no sideways scrolling at 320 px, ``<html
lang dir>`` right, and under en, ar and fi no Swedish interface text and no Swedish step title,
question or message the translated e-service does not have itself. The states checked are
counted in var/eservice_states.json ("e-service states × languages checked by axe").
"""

import json
import re

from django.conf import settings
from django.utils import translation

import pytest
import yaml

from tests.browser.conftest import ROOT, run_in_site
from tests.browser.eservice_walk import EServiceWalk, State
from tests.browser.test_accessibility import assert_no_axe_violations

LANGUAGES = [code for code, _name in settings.LANGUAGES]
RIGHT_TO_LEFT = set(settings.LANGUAGES_BIDI)
ESERVICES = sorted(
    yaml.safe_load(path.read_text())["eservice_slug"]
    for path in (ROOT / "demo" / "data" / "eservices").glob("*.sv.yaml")
)
# The templates a citizen sees in an e-service; their {% translate %} strings are the interface.
TEMPLATES = [
    "eservices/templates/eservices/eservice_page.html",
    "eservices/templates/eservices/includes/data_protection.html",
    "eservices/templates/eservices/step.html",
    "eservices/templates/eservices/forms/field.html",
    "eservices/templates/eservices/receipt.html",
    "eservices/templates/eservices/includes/error_summary.html",
]
REPORT = ROOT / "var" / "eservice_states.json"
NARROW = {"width": 320, "height": 640}
WIDE = {"width": 1280, "height": 800}

DISCOVER = """
import json
from django.conf import settings
from eservices.models import EServicePage

found = {}
for source in EServicePage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE):
    pages = EServicePage.objects.live().filter(translation_key=source.translation_key)
    for page in pages.select_related("locale"):
        texts = [page.title]
        for step in page.steps:
            texts.append(step.value.get("title") or "")
            if step.block_type != "step":
                continue
            for question in step.value["questions"]:
                value = question.value
                texts += [value.get(key) or "" for key in ("label", "hint", "required_message", "why")]
                texts += [value.get(key) or "" for key in ("text", "invalid_message", "placeholder")]
                texts.append(value.get("none_of_these") or "")
                texts += [option.get("label") or "" for option in value.get("options") or []]
        found.setdefault(source.eservice_slug, {})[page.locale.language_code] = {
            "url": page.get_url(),
            "texts": sorted({str(text).strip() for text in texts if str(text).strip()}),
        }
print(json.dumps(found))
"""


@pytest.fixture(scope="module")
def eservices(site):
    """{eservice_slug: {language: {"url": start page, "texts": its titles, questions and messages}}}."""
    return json.loads(run_in_site(site, DISCOVER))


@pytest.fixture(scope="module")
def counts():
    """States checked, by language and e-service; written to var/eservice_states.json at the end."""
    found: dict[str, dict[str, int]] = {}
    yield found
    if not found:
        return
    report = {
        "states": found,
        "per_language": {code: sum(by.values()) for code, by in found.items()},
        "total": sum(sum(by.values()) for by in found.values()),
    }
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\ne-service states × languages checked by axe: {report['total']} {report['per_language']}")


def interface_msgids() -> list[str]:
    msgids = []
    for template in TEMPLATES:
        text = (ROOT / template).read_text()
        msgids += re.findall(r'{% translate "([^"]+)" %}', text)
    return sorted(set(msgids))


def swedish_leftovers(code: str, content: dict) -> tuple[list[re.Pattern], set[str]]:
    """What would be Swedish left behind under ``code``: interface patterns, and whole content texts."""
    patterns = []
    for msgid in interface_msgids():
        with translation.override(settings.LANGUAGE_CODE):
            swedish = translation.gettext(msgid)
        with translation.override(code):
            own = translation.gettext(msgid)
        if swedish != own and len(swedish) >= 4:
            patterns.append(re.compile(rf"(?<!\w){re.escape(swedish)}(?!\w)"))
    with translation.override(settings.LANGUAGE_CODE):
        patterns.append(re.compile(r"\bSteg \d+ av \d+\b"))  # "Step {number} of {count}"
    texts = set(content[settings.LANGUAGE_CODE]["texts"]) - set(content[code]["texts"])
    return patterns, texts


# Each element's own text (not its children's), outside the language switcher and outside any part
# marked as another language: labels, hints, messages, buttons, headings, one by one.
OWN_TEXTS = """
() => {
  const lang = document.documentElement.lang, found = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest(".language-switcher, script, style, template")) continue;
    const marked = el.closest("[lang]");
    if (marked && marked.lang !== lang) continue;
    const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join(" ");
    const text = own.replace(/\\s+/g, " ").trim();
    if (text) found.push(text);
  }
  return found;
}
"""

# The error state as GOV.UK describes it: each line of the summary leads to a field on the page,
# and each field in error says why beside itself.
ERROR_STATE = """
() => {
  const problems = [];
  for (const link of document.querySelectorAll(".error-summary a[href^='#']")) {
    const target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) problems.push("no target: " + link.href);
  }
  for (const field of document.querySelectorAll(".field--error")) {
    const message = field.querySelector(".field__error");
    const text = message && message.textContent.trim();
    if (!text) problems.push("no message beside " + field.textContent.trim());
  }
  return problems;
}
"""


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("slug", ESERVICES)
def test_every_state_of_the_eservice(site, browser, eservices, counts, tmp_path, slug, code):
    content = eservices.get(slug)
    assert content, f"the demo e-service {slug!r} has no live page"
    if code not in content:
        pytest.fail(f"{slug} is not live in {code}: the demo translates every e-service")
    patterns, swedish_texts = [], set()
    if code != settings.LANGUAGE_CODE:
        patterns, swedish_texts = swedish_leftovers(code, content)
    # One context per walk, with its own client address: the receipts do not share one rate limit
    # (the test server trusts one proxy, TRUSTED_PROXY_COUNT=1; tests/browser/conftest.py).
    number = ESERVICES.index(slug) * len(LANGUAGES) + LANGUAGES.index(code) + 1
    client = {"X-Forwarded-For": f"198.51.100.{number}"}
    context = browser.new_context(viewport=WIDE, extra_http_headers=client)
    page = context.new_page()

    def check(state: State):
        where = f"{code} {slug}: {state}"
        html = page.locator("html")
        assert html.get_attribute("lang") == code, where
        assert html.get_attribute("dir") == ("rtl" if code in RIGHT_TO_LEFT else "ltr"), where
        assert page.locator("h1").count() == 1, where
        if state.kind == "errors":
            assert page.title().startswith(translated("Error:", code)), where
            assert page.evaluate(ERROR_STATE) == [], where
        if patterns or swedish_texts:
            texts = [page.title(), *page.evaluate(OWN_TEXTS)]
            left = [text for text in texts if text in swedish_texts]
            left += [text for text in texts for pattern in patterns if pattern.search(text)]
            assert not left, f"{where}: Swedish text under {code}: {left}"
        assert_no_axe_violations(page, where)
        page.set_viewport_size(NARROW)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        page.set_viewport_size(WIDE)
        assert overflow <= 0, f"{where}: scrolls sideways by {overflow}px at 320 px"

    try:
        walk = EServiceWalk(page, site["url"], content[code]["url"], check, tmp_path)
        states = walk.run()
    finally:
        context.close()
    kinds = [state.kind for state in states]
    assert kinds[0] == "start" and kinds[-1] == "receipt", kinds
    assert {"step", "errors", "check"} <= set(kinds), kinds
    assert walk.reference, "the receipt shows no case reference"
    counts.setdefault(code, {})[slug] = len(states)


def translated(msgid: str, code: str) -> str:
    with translation.override(code):
        return translation.gettext(msgid)


# An e-service an editor built with an exit page: a copy of "Fråga kontaktcenter" that stops a
# citizen who wants the answer by e-mail. The walker sees the exit page, goes back and chooses again.
WITH_EXIT = """
from eservices.models import EServicePage

source = EServicePage.objects.get(eservice_slug="fraga-kontaktcenter", locale__language_code="sv")
page = source.copy(
    update_attrs={"slug": "prov-med-utgang", "title": "Prov med utgång", "eservice_slug": "prov-med-utgang"},
    keep_live=False,
)
steps = list(page.steps.raw_data)
exit_page = {
    "title": "Vi svarar inte med e-post i dag",
    "text": "<p>Ring kontaktcenter på 08-465 004 00.</p>",
    "condition": {"question": "answer_by", "operator": "is", "answer": "email"},
    "name": "utgang",
}
steps.insert(2, {"type": "exit", "value": exit_page})
page.steps = steps
page.save_revision().publish()
print(page.get_url())
"""
DELETE = """
from eservices.models import EServicePage

EServicePage.objects.filter(slug=%r).delete()
print("deleted")
"""


@pytest.fixture
def eservice_with_exit(site):
    path = run_in_site(site, WITH_EXIT)
    yield path
    run_in_site(site, DELETE % "prov-med-utgang")


def test_the_walk_visits_an_exit_page_and_chooses_again(site, browser, eservice_with_exit, tmp_path):
    context = browser.new_context(viewport=WIDE, extra_http_headers={"X-Forwarded-For": "198.51.100.200"})
    page = context.new_page()
    seen = []

    def check(state: State):
        if state.kind == "exit":
            assert page.locator(".exit-page").inner_text().startswith("Ring kontaktcenter")
            assert_no_axe_violations(page, f"exit page {state}")
        seen.append(state)

    try:
        walk = EServiceWalk(page, site["url"], eservice_with_exit, check, tmp_path)
        walk.run()
    finally:
        context.close()
    kinds = [state.kind for state in seen]
    assert kinds.count("exit") == 1 and kinds[-1] == "receipt", kinds
    assert kinds.index("exit") < kinds.index("check")
