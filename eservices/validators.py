"""Rules that need code, as named validators an editor picks for a step from a list.

A validator looks at a step's cleaned answers and adds errors next to the fields they concern;
it declares the same rule for the API as a JSON Schema fragment (``schema``), or says in prose
why it has none (``prose``). A developer adds one here, with a test; editors then find it in
the step's "Rules" list.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from eservices.forms import PhoneNumberField


@dataclass(frozen=True)
class Validator:
    name: str
    label: str  # what the editor reads in the list
    check: Callable  # (form, cleaned_data) → None; adds errors with form.add_error
    schema: Callable | None = None  # (step's field names) → a JSON Schema fragment for the step
    prose: str = ""  # why there is no schema, or what the rule is, for the API's description


VALIDATORS: dict[str, Validator] = {}


def validator(name, label, *, schema=None, prose=""):
    def register(check):
        VALIDATORS[name] = Validator(name, label, check, schema, prose)
        return check

    return register


def choices():
    return [(found.name, found.label) for found in VALIDATORS.values()]


def _first(form, field_class) -> str | None:
    return next((name for name, field in form.fields.items() if isinstance(field, field_class)), None)


# --- "Answer me by e-mail or phone": at least one of the two ------------------------------------------


def _email_and_phone(form):
    return _first(form, forms.EmailField), _first(form, PhoneNumberField)


def _email_or_phone_schema(form) -> dict:
    email, phone = _email_and_phone(form)
    if not (email and phone):
        return {}
    return {
        "anyOf": [
            {"required": [email], "properties": {email: {"minLength": 1}}},
            {"required": [phone], "properties": {phone: {"minLength": 1}}},
        ]
    }


@validator("email_or_phone", _("An e-mail address or a phone number is given"), schema=_email_or_phone_schema)
def email_or_phone(form, cleaned):
    """Give an e-mail address or a phone number (the step's first of each), so that we can answer."""
    email, phone = _email_and_phone(form)
    if email and phone and not cleaned.get(email) and not cleaned.get(phone) and email not in form.errors:
        form.add_error(
            email,
            ValidationError(
                _("Enter an e-mail address or a phone number, so that we can answer you."), code="required"
            ),
        )
