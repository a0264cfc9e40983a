"""Every error message names its field (GOV.UK): none of Django's generic messages, in any e-service.

The test walks every registered e-service, every step (conditional ones too) and the check
step, fills each form wrongly in several ways, and reads the messages in Swedish and English.
An error summary lists one line per field, so two fields of one form may not share a message.
"""

import inspect
import re

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import fields as django_fields
from django.utils import translation

import pytest

from contactcentre.views import CitizenMessageForm, LookupForm
from eservices.forms import AssistedConfirmForm, ConfirmForm
from eservices.views import SaveDraftForm
from tests.api.conftest import API
from tests.eservices import demo_forms

LANGUAGES = ("sv", "en")


def _generic_messages() -> list:
    """Django's own messages: every form field's defaults and every validator's message."""
    found = []
    for _name, klass in inspect.getmembers(django_fields, inspect.isclass):
        if issubclass(klass, forms.Field):
            for base in klass.__mro__:
                found += list(getattr(base, "default_error_messages", {}).values())
    for _name, klass in inspect.getmembers(validators, inspect.isclass):
        message = getattr(klass, "message", None)
        if message is not None:
            found.append(message)
    return found


class _Every(dict):
    """Format parameters for any message: every placeholder is the number ``n``."""

    def __init__(self, n):
        super().__init__()
        self.n = n

    def __missing__(self, key):
        return self.n


def _patterns(message) -> list[re.Pattern]:
    # A plural message (ngettext_lazy) needs its number: read it with 1 and with 987654, and
    # let each placeholder match anything.
    found = []
    for n in (1, 987654):
        text = str(message % _Every(n)) if "%(" in str(message) or not str(message) else str(message)
        if not text.strip():
            continue
        parts = re.split(rf"(?<!\d){n}(?!\d)", text)
        found.append(re.compile(".*".join(re.escape(part) for part in parts), re.S))
    return found


GENERIC = {}
for language in LANGUAGES:
    with translation.override(language):
        GENERIC[language] = [pattern for message in _generic_messages() for pattern in _patterns(message)]


def generic(message: str, language: str) -> bool:
    return any(pattern.fullmatch(message.strip()) for pattern in GENERIC[language])


def every_form():
    for slug, step in demo_forms.steps():
        yield pytest.param((slug, step), id=f"{slug}-{step}")
    yield pytest.param(ConfirmForm, id="check-step")
    yield pytest.param(AssistedConfirmForm, id="check-step-assisted")
    # The other forms a citizen fills in on the way: save for later, the status look-up and answer.
    yield pytest.param(SaveDraftForm, id="save-for-later")
    yield pytest.param(LookupForm, id="status-lookup")
    yield pytest.param(CitizenMessageForm, id="status-answer")


def _wrong(field: forms.Field):
    """A value a stranger might send that this field refuses (None: the field takes anything)."""
    if isinstance(field, forms.FileField):
        return SimpleUploadedFile("inte-en-bild.png", b"just some text", content_type="image/png")
    if isinstance(field, forms.MultipleChoiceField):
        return ["finns-inte"]
    if isinstance(field, forms.ChoiceField):
        return "finns-inte"
    if isinstance(field, forms.BooleanField):
        return ""
    if isinstance(field, forms.DateField):
        return "31 februari"
    if isinstance(field, forms.EmailField):
        return "inte en adress"
    if field.__class__.__name__ in ("PhoneNumberField", "IdentityNumberField"):
        return "123 abc"
    return None


def _too_long(field: forms.Field):
    if isinstance(field, forms.CharField) and field.max_length:
        return "1" * (field.max_length + 1)
    return None


def _empty_file(field: forms.Field):
    if isinstance(field, forms.FileField):
        return SimpleUploadedFile("tom.png", b"", content_type="image/png")
    return None


def _null_character(field: forms.Field):
    if isinstance(field, forms.CharField):
        return "a\x00b"
    return None


SCENARIOS = {
    "empty": lambda field: None,
    "null character": _null_character,
    "wrong": _wrong,
    "too long": _too_long,
    "empty file": _empty_file,
}


def bound(form_class, scenario):
    fields = form_class().fields
    data, files = {}, {}
    for name, field in fields.items():
        value = SCENARIOS[scenario](field)
        if value is None:
            continue
        if isinstance(field, forms.FileField):
            files[name] = value
        elif isinstance(value, list):
            data[name] = value[0]
        else:
            data[name] = value
    return form_class(data=data, files=files)


def field_messages(form, language) -> list[tuple[str, str]]:
    with translation.override(language):
        form.is_valid()
        return [
            (field, str(message))
            for field, errors in form.errors.items()
            if field != "__all__"
            for message in errors
        ]


@pytest.mark.django_db
@pytest.mark.parametrize("scenario", list(SCENARIOS))
@pytest.mark.parametrize("form_class", list(every_form()))
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_names_its_field(form_class, scenario, language):
    if isinstance(form_class, tuple):  # a step of a demo e-service, built from its page
        form_class = demo_forms.form_class(*form_class)
    form = bound(form_class, scenario)
    messages = field_messages(form, language)
    assert not [(field, m) for field, m in messages if generic(m, language)], "Django's generic message"
    by_message = {}
    for field, message in messages:
        by_message.setdefault(message, set()).add(field)
    shared = {message: names for message, names in by_message.items() if len(names) > 1}
    assert not shared, "two fields share one message"


@pytest.mark.django_db
def test_every_required_field_states_its_own_message():
    """The model for editor-built questions: a required field always comes with its message."""
    for form_class in [demo_forms.form_class(slug, step) for slug, step in demo_forms.steps()]:
        for name, field in form_class().fields.items():
            for code in ("required", "invalid", "invalid_choice", "max_length"):
                if code in field.error_messages:
                    with translation.override("en"):
                        message = str(field.error_messages[code])
                    assert not generic(message, "en"), (form_class.__name__, name, code, message)


def test_the_check_for_generic_messages_can_fail():
    with translation.override("sv"):
        required = str(forms.CharField().error_messages["required"])
        try:
            forms.CharField(max_length=3).clean("abcde")
        except ValidationError as error:
            too_long = error.messages[0]
    assert required.startswith("Det här fältet är obligatoriskt")
    assert generic(required, "sv") and generic(too_long, "sv")
    assert not generic("Skriv ditt namn", "sv")


@pytest.mark.django_db
@pytest.mark.parametrize("slug", demo_forms.SLUGS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_api_errors_carry_the_same_messages(client, slug, language):
    """An empty body and a body of wrong values: the API says what the web form says, beside each field."""
    eservice = demo_forms.eservice(slug)
    for scenario in ("empty", "wrong"):
        body = {}
        for step in eservice.steps:
            payload = {}
            for name, field in step.form_class().fields.items():
                if isinstance(field, forms.FileField):
                    continue  # files come as objects; tests/api covers their messages
                value = SCENARIOS[scenario](field)
                if value is not None:
                    payload[name] = value
            if step.condition is None:
                body[step.name] = payload
        response = client.post(
            f"{API}/eservices/{slug}/submissions",
            body,
            content_type="application/json",
            HTTP_ACCEPT_LANGUAGE=language,
        )
        assert response.status_code == 422
        detail = response.json()["detail"]
        assert detail
        for error in detail:
            assert not generic(error["msg"], language), error
        # The web form's message for the same field, in the same words.
        for error in detail:
            if len(error["loc"]) != 3:
                continue
            step = eservice.step(error["loc"][1])
            form = bound(step.form_class, scenario)
            web = dict(field_messages(form, language))
            if error["loc"][2] in web:
                assert error["msg"] == web[error["loc"][2]], error
    # A field sent as an object is refused with the field's message too.
    step = eservice.steps[0]
    name, field = next(iter(step.form_class().fields.items()))
    response = client.post(
        f"{API}/eservices/{slug}/submissions",
        {step.name: {name: {"a": 1}}},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    error = next(e for e in response.json()["detail"] if e["loc"] == ["body", step.name, name])
    assert not generic(error["msg"], language), error
