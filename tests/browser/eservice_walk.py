"""Walk an e-service in a real browser through every state a citizen sees.

The start page; each step as first shown, sent empty (the error state) and sent filled in; the
check page; the receipt; and an exit page when the answers lead to one. Answers are chosen from
what the step's form says about its fields in the DOM (input type, inputmode, autocomplete, the
options of a radio group or a list), so an e-service an editor builds is walked as well as the
demo's. When a step's rules refuse an answer (a child's personnummer, a start date within 12
months), the walker tries the field's next candidate answer, as a citizen would correct it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from eservices.personnummer import luhn_ok
from tests.browser.test_eservices import tiny_png

SUBMIT = ".form-actions button[type=submit]:not([name])"
STEP_URL = re.compile(r"/steg/[0-9a-f-]{36}/(?P<step>[\w-]+)/")
CHECK_STEP, DONE_STEP = "kontrollera", "skickat"  # eservices.wizard.CHECK_STEP, DONE_STEP
MAX_STATES = 60  # a loop guard: the demo's longest walk has 16


@dataclass(frozen=True)
class State:
    """One state the citizen sees: ``kind`` is start, step, errors, check, receipt or exit."""

    kind: str
    step: str = ""

    def __str__(self):
        return f"{self.step} ({self.kind})" if self.step else self.kind


def identity_number(born: dt.date, serial: str = "239") -> str:
    """A personnummer born on ``born``, with its Luhn check digit: no real person's number is typed."""
    nine = born.strftime("%y%m%d") + serial
    check = next(digit for digit in range(10) if luhn_ok(f"{nine}{digit}"))
    return f"{born:%Y%m%d}-{serial}{check}"


def candidates(today: dt.date) -> dict[str, list[str]]:
    """Answers by kind of field, the first tried first; the next after a refusal."""
    child = today.replace(year=today.year - 3, day=min(today.day, 28))
    return {
        # A three-year-old first (förskoleplats asks for a child under six), then Tolvan, an adult.
        "identity": [identity_number(child), "19121212-1212"],
        "date": [(today + dt.timedelta(days=30)).isoformat(), (today - dt.timedelta(days=30)).isoformat()],
        "email": ["tolvan@example.com"],
        "tel": ["070-174 06 12", "+46 8 123 456 78"],
        "postal-code": ["123 45"],
        "address-line1": ["Storgatan 1"],
        "address-level2": ["Exempelstad"],
        "name": ["Tolvan Tolvansson"],
        "street-address": ["Storgatan 1, 123 45 Exempelstad"],
        "text": ["Gatlampan vid busshållplatsen lyser inte."],
    }


# What a field asks for, read from its input element: (kind of answer, its candidates' key).
FIELD_KIND = """
(el) => {
  const tag = el.tagName.toLowerCase(), type = (el.getAttribute("type") || "").toLowerCase();
  const mode = el.getAttribute("inputmode") || "", auto = el.getAttribute("autocomplete") || "";
  if (tag === "select") return "select";
  if (type === "radio" || type === "checkbox" || type === "file" || type === "date" || type === "email"
      || type === "number") return type;
  if (mode === "tel" || type === "tel") return "tel";
  if (auto === "postal-code") return "postal-code";
  if (mode === "numeric" && el.getAttribute("spellcheck") === "false") return "identity";
  if (["name", "address-line1", "address-level2", "street-address"].includes(auto)) return auto;
  return "text";
}
"""


class EServiceWalk:
    """Walks one e-service in one browser page, calling ``check(state)`` at every state.

    ``start_path`` is the e-service's start page; ``tmp_path`` holds the photo it uploads.
    ``option`` picks which option of a radio group or list to choose first (0: the first),
    so a second walk can take the other branch of a condition.
    """

    def __init__(self, page, base_url: str, start_path: str, check: Callable[[State], None], tmp_path: Path):
        self.page = page
        self.base_url = base_url
        self.start_path = start_path
        self.check = check
        self.photo = tiny_png(tmp_path / "walk.png")
        self.answers = candidates(dt.date.today())
        self.states: list[State] = []
        self.reference = ""

    # --- the walk -----------------------------------------------------------------------------
    def run(self) -> list[State]:
        response = self.page.goto(self.base_url + self.start_path)
        assert response.status == 200, f"{self.start_path}: {response.status}"
        self.seen(State("start"))
        self.navigate(lambda: self.page.locator("a.button--start").first.click())
        while len(self.states) < MAX_STATES:
            step = self.current_step()
            if step == DONE_STEP:
                self.page.wait_for_selector(".reference")
                self.reference = self.page.locator(".reference").inner_text().strip()
                self.seen(State("receipt"))
                return self.states
            if self.page.locator(".exit-page").count():
                # An exit page: seen, then back to the step before it for another choice.
                self.seen(State("exit", step))
                assert not self.page.locator(SUBMIT).count(), f"{step}: an exit page with a form"
                self.navigate(lambda: self.page.locator("a.back-link").click())
                self.answer_step(self.current_step(), other_choice=True)
                continue
            if step == CHECK_STEP:
                self.seen(State("check", step))
                self.submit()
                continue
            self.seen(State("step", step))
            self.submit()
            if self.current_step() != step:
                # Every question optional, and the step took no answer: back, to answer it after all
                # (a photo, "tell me when it is fixed" and its ways to tell have states of their own).
                assert self.page.locator(".error-summary").count() == 0, f"{step}: errors on the next step"
                self.navigate(lambda: self.page.locator("a.back-link").click())
                assert self.current_step() == step, f"{step}: the back link leads to {self.page.url}"
            else:
                assert self.page.locator(".error-summary").count() == 1, f"{step}: sent empty, no summary"
                self.seen(State("errors", step))
            self.answer_step(step)
        raise AssertionError(f"{self.start_path}: no receipt after {MAX_STATES} states: {self.states}")

    def seen(self, state: State):
        self.states.append(state)
        self.check(state)

    def current_step(self) -> str:
        found = STEP_URL.search(self.page.url)
        assert found, f"not a step of the e-service: {self.page.url}"
        return found["step"]

    def navigate(self, action):
        with self.page.expect_navigation():
            action()

    def submit(self):
        self.navigate(lambda: self.page.locator(SUBMIT).click())

    # --- answers ------------------------------------------------------------------------------
    def answer_step(self, step: str, other_choice: bool = False):
        """Fill every field with its first candidate; on a refusal, the refused fields' next one.

        ``other_choice``: each radio group and list takes its next option (the first led to an exit).
        """
        tried: dict[str, int] = {}
        if other_choice:
            choices = self.page.locator("form input[type=radio], form select").evaluate_all(
                "els => [...new Set(els.map(el => el.name))]"
            )
            tried = dict.fromkeys(choices, 1)
        for _attempt in range(4):
            self.fill(tried)
            self.submit()
            if self.current_step() != step:
                return
            refused = self.page.locator(".field--error :is(input, select, textarea)").evaluate_all(
                "els => [...new Set(els.map(el => el.name))]"
            )
            for name in refused:
                tried[name] = tried.get(name, 0) + 1
        errors = self.page.locator(".error-summary li").all_inner_texts()
        raise AssertionError(f"{step}: the walker's answers were refused: {errors}")

    def fill(self, tried: dict[str, int]):
        form = self.page.locator("form:has(.form-actions)")
        selects_seen = 0
        for field in form.locator(".field").all():
            inputs = field.locator("input:not([type=hidden]), select, textarea")
            first = inputs.first
            kind = first.evaluate(FIELD_KIND)
            name = first.get_attribute("name")
            attempt = tried.get(name, 0)
            if kind == "radio":
                options = inputs.all()
                options[attempt % len(options)].check()
            elif kind == "checkbox":
                inputs.first.check()
            elif kind == "select":
                values = [v for v in first.locator("option").evaluate_all("os => os.map(o => o.value)") if v]
                # Each list on a step its own option: preschool choices must differ.
                first.select_option(values[(selects_seen + attempt) % len(values)])
                selects_seen += 1
            elif kind == "file":
                first.set_input_files(str(self.photo))
            elif kind == "number":
                first.fill(first.get_attribute("min") or "1")
            else:
                options = self.answers[kind]
                first.fill(options[min(attempt, len(options) - 1)])
