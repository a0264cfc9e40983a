"""Hypothesis against every form open to the internet: never a 500, and form errors come with a summary.

Every step form of the six e-services, the citizen's answer on the status page, the search
box, the FAQ vote, the case look-up and the language parameters get text a browser would
rarely send: control characters and NUL bytes, any unicode but lone surrogates, quotes,
right-to-left marks, huge strings. Bounded for CI (``FUZZ_EXAMPLES``, default below); a larger
run: ``FUZZ_EXAMPLES=300 bench/fuzz_forms`` (docs/security.md, "Fuzzing and load").
"""

import os

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signals import request_started
from django.test import Client
from django.urls import reverse
from django.utils import translation

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contactcentre.models.cases import Status
from eservices.models import EServicePage
from eservices.wizard import CHECK_STEP
from tests import factories
from tests.api.test_submissions import EXAMPLES, preschool_day  # noqa: F401 (an autouse fixture)
from tests.eservices.demo_forms import form_class, steps
from tests.eservices.wizard_helpers import WizardRun
from tests.pages.test_faq_votes import FROM_OUR_PAGE

pytestmark = pytest.mark.django_db

EXAMPLES_PER_FORM = int(os.environ.get("FUZZ_EXAMPLES", "20"))
FUZZ = settings(
    max_examples=EXAMPLES_PER_FORM,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

SPECIAL = [
    "\x00",
    "a\x00b",
    "'",
    '"',
    "' OR '1'='1' --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}{% debug %}",
    "%(value)s %s {0}",
    "\u202eevil\u202c",  # right-to-left override
    "\u200f\u200e\u061c",  # RTL, LTR and Arabic letter marks
    "\ufeff",
    "مرحبا بالعالم",
    "١٢٣٤-٥٦",
    "19121212-1212",
    "😀👩‍👩‍👧",
    "../../../etc/passwd",
    "\r\n\r\nSet-Cookie: x=1",
    " ",
    "",
]
TEXT = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=120),  # any unicode but lone surrogates
    st.text(st.characters(max_codepoint=0x1F), max_size=30),  # control characters, NUL included
    st.sampled_from(SPECIAL),
    st.builds(lambda piece, times: piece * times, st.sampled_from(SPECIAL[:12]), st.integers(500, 50_000)),
)

REQUESTS = {"count": 0}


def _count(**kwargs):
    REQUESTS["count"] += 1


@pytest.fixture(scope="module", autouse=True)
def count_requests():
    """The number of requests this file made, printed at its end (the figure docs/security.md gives)."""
    request_started.connect(_count, dispatch_uid="fuzz-count")
    yield
    request_started.disconnect(dispatch_uid="fuzz-count")
    print(f"\nfuzzed requests: {REQUESTS['count']}")  # noqa: T201


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    """Every limit lifted: the fuzzer is one client sending far more than a citizen would."""
    limits = settings.RATE_LIMITS
    settings.RATE_LIMITS = {scope: (10**9, window) for scope, (_limit, window) in limits.items()}


def assert_answered_well(response):
    """Never a server error; a form shown again with errors has the error summary above them."""
    assert response.status_code < 500, response.content[:500]
    if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
        html = response.content.decode()
        if 'class="field__error"' in html:
            assert 'class="error-summary"' in html
            assert html.index('class="error-summary"') < html.index('class="field__error"')


# --- e-service steps -------------------------------------------------------------------------------
# The web form's answers: the API's examples without their files (photos are optional).
WIZARD_ANSWERS = {
    slug: {
        step: {field: value for field, value in fields.items() if not isinstance(value, dict)}
        for step, fields in body.items()
    }
    for slug, body in EXAMPLES.items()
}
# Answers that make a conditional step apply, to reach it.
REACH = {
    ("forskoleplats", "vardnadshavare2"): ("vardnadshavare", {"second_guardian": "yes"}),
    ("forskoleplats", "stodbehov"): ("stod", {"needs_support": "yes"}),
    ("begar-ut-allman-handling", "kontakt"): ("utlamning", {"anonymous": "no"}),
}


def reach(client, slug, target) -> WizardRun:
    """A run of ``slug`` with every step before ``target`` answered, now at ``target``."""
    page = EServicePage.objects.get(eservice_slug=slug, locale__language_code="sv")
    run = WizardRun(client, page)
    answers = {step: dict(fields) for step, fields in WIZARD_ANSWERS[slug].items()}
    if (slug, target) in REACH:
        step, changes = REACH[slug, target]
        answers[step].update(changes)
    location = run.first_url
    while not location.endswith(f"/{target}/"):
        step = location.rstrip("/").rsplit("/", 1)[1]
        assert step != CHECK_STEP, f"{target} of {slug} not reached"
        location = run.answer(step, answers.get(step, {}))["Location"]
    return run


def field_values(field):
    if isinstance(field, forms.FileField):
        return st.just("")  # files: tests/eservices/test_upload_safety.py and the API's fuzzing
    values = TEXT
    choices = [str(key) for key, _label in getattr(field, "choices", [])]
    if choices:
        values = st.one_of(st.sampled_from(choices), TEXT)
    if isinstance(field, forms.MultipleChoiceField):
        values = st.lists(values, max_size=4)
    return values


@pytest.mark.parametrize(("slug", "step"), steps())
def test_no_eservice_step_form_post_is_a_500(slug, step):
    client = Client()
    run = reach(client, slug, step)
    fields = form_class(slug, step)().fields

    @FUZZ
    @given(st.fixed_dictionaries({name: field_values(field) for name, field in fields.items()}))
    def post(answers):
        assert_answered_well(run.post(step, answers))

    post()


# --- the status page's answer ----------------------------------------------------------------------
@FUZZ
@given(message=TEXT, photo=st.one_of(st.none(), st.binary(max_size=300)), name=TEXT)
def test_no_citizen_answer_on_the_status_page_is_a_500(message, photo, name):
    with translation.override("sv"):
        case = factories.case(contact_email="tolvan@example.com")
        assert case.status in {Status.NEW, Status.IN_PROGRESS}
        url = reverse("case_status", kwargs={"reference": case.reference, "token": case.status_token()})
    client = Client()
    # Wherever the status link leads (a session exchange may redirect), answer there.
    page = client.get(url, follow=True)
    assert page.status_code == 200
    target = page.redirect_chain[-1][0] if page.redirect_chain else url
    data = {"message": message}
    if photo is not None:
        data["photo"] = SimpleUploadedFile(name.replace("\x00", "")[:100] or "x", photo)
    response = client.post(target, data)
    assert_answered_well(response)


# --- search, FAQ vote, case look-up, language ------------------------------------------------------
@FUZZ
@given(query=TEXT, page=st.one_of(TEXT, st.integers(-(10**20), 10**20).map(str)))
def test_no_search_is_a_500(client, query, page):
    assert_answered_well(client.get("/sok/", {"q": query, "sida": page}))
    assert_answered_well(client.get("/en/search/", {"q": query}))


@FUZZ
@given(helpful=st.one_of(st.sampled_from(["yes", "no"]), TEXT), next_url=TEXT, faq_id=st.integers(0, 10**30))
def test_no_faq_vote_is_a_500(helpful, next_url, faq_id):
    faq = factories.FAQFactory()
    client = Client()
    for headers in (FROM_OUR_PAGE, {}):  # a browser that says where it posts from, and one that does not
        answer = {"helpful": helpful, "next": next_url}
        assert_answered_well(client.post(f"/faq/{faq.pk}/feedback/", answer, **headers))
        assert_answered_well(client.post(f"/faq/{faq_id}/feedback/", {"helpful": helpful}, **headers))


@pytest.mark.parametrize("next_url", ["0", "search", "javascript:alert(1)", "//evil.example/", "\\evil"])
def test_a_faq_vote_whose_next_is_not_a_path_here_goes_home(client, next_url):
    """Found by the fuzzing above: ``next=0`` was read as a view's name, a 500."""
    faq = factories.FAQFactory()
    response = client.post(f"/faq/{faq.pk}/feedback/", {"helpful": "yes", "next": next_url}, **FROM_OUR_PAGE)
    assert response.status_code == 302
    assert response["Location"] == f"/#{faq.anchor}"


@FUZZ
@given(reference=st.one_of(TEXT, st.just("KC-2026-000001")), token=TEXT)
def test_no_case_lookup_is_a_500(client, reference, token):
    assert_answered_well(client.get("/arende/", {"reference": reference, "token": token}))


@FUZZ
@given(language=st.one_of(st.sampled_from(["sv", "en", "ar", "fi", "sv-x-easy"]), TEXT), next_url=TEXT)
def test_no_language_parameter_is_a_500(client, language, next_url):
    assert_answered_well(client.post("/i18n/setlang/", {"language": language, "next": next_url}))
    assert_answered_well(client.get("/api/v1/opening-hours", {"lang": language}))
    header = language.encode("latin-1", "replace").decode("latin-1").replace("\r", "").replace("\n", "")
    assert_answered_well(client.get("/", HTTP_ACCEPT_LANGUAGE=header))
