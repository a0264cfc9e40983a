"""Phone numbers in every e-service: dialable (phonenumbers, Sweden by default), kept as E.164.

Whatever a stranger types in a phone field, the web form and the API answer with the
field's message, never with a server error.
"""

import copy
import datetime as dt
from unittest import mock

from django.utils import timezone

import phonenumbers
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from eservices import call_back
from eservices.call_back import NEXT_MORNING
from eservices.forms import PhoneNumberField, national_phone
from tests.api.conftest import API
from tests.eservices import demo_forms
from tests.eservices.wizard_helpers import WizardRun

CALL = {"phone": "070-174 06 12", "name": "Tolvan Tolvansson", "window": NEXT_MORNING, "about": "Bygglov"}
CALL_BACK = "ring-upp-mig"
THURSDAY_MORNING = dt.datetime(2026, 11, 26, 9, tzinfo=timezone.get_default_timezone())
# Text of every kind, and text that looks like a phone number.
TYPED = st.text(max_size=60) | st.from_regex(r"\A\+?[0-9 ()./-]{0,30}\Z")
ANYTHING = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.django_db
@pytest.mark.parametrize("slug", demo_forms.SLUGS)
def test_every_phone_field_is_checked_by_phonenumbers(slug):
    fields = [
        field
        for step in demo_forms.eservice(slug).steps
        for name, field in step.form_class.base_fields.items()
        if "phone" in name or field.widget.attrs.get("inputmode") == "tel"
    ]
    for field in fields:
        check_phone_field(field)


def check_phone_field(field):
    assert isinstance(field, PhoneNumberField)
    field = copy.deepcopy(field)
    field.required = False
    assert field.clean("070-174 06 12") == "+46701740612"
    assert field.clean("+44 20 7946 0958") == "+442079460958"
    assert field.clean("") == ""


def test_a_stored_number_reads_as_people_write_it():
    assert national_phone("+46701740612") == "070-174 06 12"
    assert national_phone("+442079460958") == "+44 20 7946 0958"
    assert national_phone("not a number") == "not a number"


@ANYTHING
@given(TYPED)
@example("0" * 41)  # longer than the field: once Django's own "at most 40 characters"
def test_a_typed_phone_number_is_dialable_or_refused_with_the_fields_message(value):
    field = PhoneNumberField()
    try:
        number = field.clean(value)
    except Exception as error:  # noqa: BLE001 -- anything but the field's message fails
        assert error.__class__.__name__ == "ValidationError", repr(error)
        assert error.messages in (
            [str(field.error_messages["invalid"])],
            [str(field.error_messages["required"])],  # only spaces
        )
        return
    assert number.startswith("+")
    assert phonenumbers.is_valid_number(phonenumbers.parse(number))


@pytest.mark.django_db
@ANYTHING
@given(value=TYPED)
def test_the_web_form_never_fails_on_a_typed_phone_number(client, eservice_page, value):
    page = eservice_page(CALL_BACK)
    with mock.patch.object(call_back, "now", return_value=THURSDAY_MORNING):
        run = WizardRun(client, page)
        response = run.post("ring", {**CALL, "phone": value})
    assert response.status_code in (200, 302), response.status_code


@pytest.mark.django_db
@ANYTHING
@given(value=TYPED)
def test_the_api_never_fails_on_a_typed_phone_number(client, value):
    with (
        mock.patch.object(call_back, "now", return_value=THURSDAY_MORNING),
        mock.patch("eservices.api.ratelimit.check"),  # sixty requests from one address
    ):
        response = client.post(
            f"{API}/eservices/{CALL_BACK}/submissions",
            {"ring": {**CALL, "phone": value}},
            content_type="application/json",
        )
    assert response.status_code in (201, 422), response.content[:300]
    if response.status_code == 422:
        [error] = response.json()["detail"]
        assert error["loc"] == ["body", "ring", "phone"]


@pytest.mark.django_db
def test_the_call_back_form_keeps_the_number_in_e164():
    with mock.patch.object(call_back, "now", return_value=THURSDAY_MORNING):
        form = demo_forms.form_class(CALL_BACK, "ring")(data={**CALL, "phone": "08-465 004 00"})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == "+46846500400"
