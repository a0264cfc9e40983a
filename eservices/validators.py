"""Rules that need code, as named validators an editor picks for a step from a list.

A validator looks at a step's cleaned answers and adds errors next to the fields they concern;
it declares the same rule for the API as a JSON Schema fragment (``schema``), or says in prose
why it has none (its docstring, shown in the API's description). It names the questions it
reads (``needs``, machine names on the same step): the admin refuses the rule on a step without
them. A developer adds one here, with a test; editors then find it in the step's "Rules" list.
"""

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from eservices.forms import PhoneNumberField
from eservices.personnummer import parse as parse_identity_number


@dataclass(frozen=True)
class Validator:
    name: str
    label: str  # what the editor reads in the list
    check: Callable  # (form, cleaned_data) → None; adds errors with form.add_error
    schema: Callable | None = None  # (the step's form) → a JSON Schema fragment for the step
    needs: tuple[str, ...] = ()  # machine names of the questions on the step it reads


VALIDATORS: dict[str, Validator] = {}


def validator(name, label, *, schema=None, needs=()):
    def register(check):
        VALIDATORS[name] = Validator(name, label, check, schema, tuple(needs))
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
    if email and phone and not cleaned.get(email) and not cleaned.get(phone):
        _required(form, email, _("Enter an e-mail address or a phone number, so that we can answer you."))


# --- JSON Schema fragments ----------------------------------------------------------------------------


def filled(field: str) -> dict:
    """``field`` is given and not empty."""
    return {"required": [field], "properties": {field: {"minLength": 1}}}


def answer(field: str, value) -> dict:
    """``field`` is ``value``."""
    return {"required": [field], "properties": {field: {"const": value}}}


def _required(form, field, message, code="required"):
    if field not in form.errors:
        form.add_error(field, ValidationError(message, code=code))


# --- "How do you want the answer?": the chosen way needs its detail --------------------------------------

CHANNEL_DETAILS = (("email", "email"), ("phone", "phone"), ("letter", "address"))
CHANNEL_MESSAGES = {
    "email": _("Enter your e-mail address, or choose another way to get the answer."),
    "phone": _("Enter your phone number, or choose another way to get the answer."),
    "letter": _("Enter your postal address, or choose another way to get the answer."),
}


def _answer_channel_schema(form) -> dict:
    channels = {
        "allOf": [{"if": answer("answer_by", way), "then": filled(detail)} for way, detail in CHANNEL_DETAILS]
    }
    if "wants_answer" not in form.fields:
        return channels
    return {"if": answer("wants_answer", "yes"), "then": {"allOf": [filled("answer_by"), channels]}}


@validator(
    "answer_channel",
    _("The way to answer that the citizen chose has its detail (answer_by: email, phone or letter)"),
    schema=_answer_channel_schema,
    needs=("answer_by", "email", "phone", "address"),
)
def answer_channel(form, cleaned):
    """The chosen way to answer (answer_by) needs its detail: email for e-mail, phone for phone,
    address for a letter. With a question wants_answer, only when it is "yes"; without an answer,
    answer_by is not kept."""
    if "wants_answer" in form.fields:
        if cleaned.get("wants_answer") != "yes":
            cleaned["answer_by"] = ""
            return
        if not cleaned.get("answer_by"):
            _required(form, "answer_by", _("Choose how you want the answer."))
            return
    for way, detail in CHANNEL_DETAILS:
        if cleaned.get("answer_by") == way and not cleaned.get(detail):
            _required(form, detail, CHANNEL_MESSAGES[way])


# --- Felanmälan: "tell me when it has been fixed" needs a way to tell -----------------------------------


@validator(
    "told_when_fixed",
    _("A ticked “tell me when it has been fixed” needs an e-mail address or a phone number"),
    schema=lambda form: {
        "if": answer("wants_feedback", True),
        "then": {"anyOf": [filled("email"), filled("phone")]},
    },
    needs=("wants_feedback", "email", "phone"),
)
def told_when_fixed(form, cleaned):
    """To be told when the fault is fixed (wants_feedback), give an e-mail address or a phone number."""
    if cleaned.get("wants_feedback") and not cleaned.get("email") and not cleaned.get("phone"):
        _required(
            form,
            "email",
            _(
                "Enter an e-mail address or a phone number, so that we can tell you when the fault has "
                "been fixed."
            ),
        )


# --- Begär ut allmän handling: the way of delivery needs its details ------------------------------------


@validator(
    "document_delivery",
    _("Official document: a copy by e-mail needs an address; by post a postal address and a name"),
    schema=lambda form: {
        "allOf": [
            {"if": answer("delivery", "email"), "then": filled("email")},
            {
                "if": answer("delivery", "post"),
                "then": {"allOf": [filled("postal_address"), answer("anonymous", "no")]},
            },
        ]
    },
    needs=("delivery", "anonymous", "email", "postal_address"),
)
def document_delivery(form, cleaned):
    """A copy by e-mail needs email; a copy by post needs postal_address and cannot be anonymous.
    For other ways of delivery a postal address is not kept."""
    delivery = cleaned.get("delivery")
    if delivery == "email" and not cleaned.get("email"):
        _required(
            form, "email", _("Enter the e-mail address we send the copy to, or choose another way to get it.")
        )
    if delivery == "post":
        if not cleaned.get("postal_address"):
            _required(
                form,
                "postal_address",
                _("Enter the address we send the copy to, or choose another way to get it."),
            )
        if cleaned.get("anonymous") == "yes":
            _required(
                form,
                "anonymous",
                _(
                    "A copy by post needs your name and address, so you cannot be anonymous. Choose to give "
                    "your name, or get the document by e-mail, pick it up or read it on site."
                ),
                code="anonymous_post",
            )
    elif delivery:
        cleaned["postal_address"] = ""  # not needed: not kept (data minimisation)


# --- Förskoleplats: the preschool rules -----------------------------------------------------------------

CHILD_MAX_AGE_YEARS = 6
LATEST_START_MONTHS = 12
PRESCHOOL_CHOICES = ("first_choice", "second_choice", "third_choice")


def today() -> dt.date:
    """Today in Stockholm. One function, so that tests can set the day.

    The tests may use only Skatteverket's published example numbers, and those are
    adults. 20121212-1212 (Tolvan's digits, born in 2012) is only a child on some days,
    so the tests set today to 2015-06-01 and the child checks here ask this function.
    """
    return timezone.localdate()


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def months_after(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@validator(
    "other_guardian_reachable",
    _("Förskoleplats: the other guardian's e-mail address or phone number"),
    schema=lambda form: {"anyOf": [filled("email"), filled("phone")]},
    needs=("email", "phone"),
)
def other_guardian_reachable(form, cleaned):
    """Give the other guardian's e-mail address or phone number (or both)."""
    if not cleaned.get("email") and not cleaned.get("phone"):
        _required(form, "email", _("Enter the other guardian's e-mail address or phone number."))


@validator(
    "child_under_six",
    _("Förskoleplats: the child is younger than six (from the personal identity number)"),
    needs=("personal_number",),
)
def child_under_six(form, cleaned):
    """The child must be younger than six (born within the last six years); the API cannot check
    this in JSON Schema, since it depends on today's date."""
    number = cleaned.get("personal_number")
    if not number:
        return
    born = parse_identity_number(number).birth_date
    now = today()
    if born > now:
        form.add_error(
            "personal_number",
            ValidationError(_("The personal identity number has a date in the future."), code="future"),
        )
    elif born <= years_before(now, CHILD_MAX_AGE_YEARS):
        form.add_error(
            "personal_number",
            ValidationError(
                _(
                    "The child must be younger than six. Preschool is for children from one year of age "
                    "until they start preschool class (förskoleklass)."
                ),
                code="too_old",
            ),
        )


@validator(
    "preschool_start_date",
    _("Förskoleplats: the start date is from today and within 12 months"),
    needs=("start_date",),
)
def preschool_start_date(form, cleaned):
    """The start date is not in the past, and at most 12 months ahead (depends on today's date)."""
    start = cleaned.get("start_date")
    if not start:
        return
    now = today()
    if start < now:
        form.add_error("start_date", ValidationError(_("The start date cannot be in the past."), code="past"))
    elif start > months_after(now, LATEST_START_MONTHS):
        form.add_error(
            "start_date",
            ValidationError(
                _("Choose a start date within the next 12 months. You can apply later for a later date."),
                code="too_late",
            ),
        )


@validator(
    "preschool_choices",
    _("Förskoleplats: the chosen preschools differ, and a third choice needs a second"),
    schema=lambda form: {"if": filled("third_choice"), "then": filled("second_choice")},
    needs=PRESCHOOL_CHOICES,
)
def preschool_choices(form, cleaned):
    """The chosen preschools must differ, and a third choice needs a second."""
    if cleaned.get("third_choice") and not cleaned.get("second_choice"):
        form.add_error(
            "second_choice",
            ValidationError(
                _("Choose a second choice before a third, or leave the third choice empty."), code="gap"
            ),
        )
    seen = set()
    for name in PRESCHOOL_CHOICES:
        value = cleaned.get(name)
        if not value:
            continue
        if value in seen:
            label = dict(form.fields[name].choices).get(value, value)
            form.add_error(
                name,
                ValidationError(
                    _("You have already chosen %(preschool)s. Choose another preschool or none.")
                    % {"preschool": label},
                    code="duplicate",
                ),
            )
        seen.add(value)
