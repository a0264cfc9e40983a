"""Contact-detail fields shared by the e-services."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import messages
from eservices.forms import PhoneNumberField, StepForm

ANSWER_BY_EMAIL = "email"
ANSWER_BY_PHONE = "phone"
ANSWER_BY_LETTER = "letter"
ANSWER_CHANNELS = [
    (ANSWER_BY_EMAIL, _("E-mail")),
    (ANSWER_BY_PHONE, _("Phone")),
    (ANSWER_BY_LETTER, _("Letter")),
]


EMAIL_FORMAT = _("Enter your e-mail address in the right format, like namn@exempel.se")
PHONE_FORMAT = _("Enter a phone number we can call you on, like 070-123 45 67 or +46 70 123 45 67")


class ContactDetailsForm(StepForm):
    """Name, and the details that the chosen way of answering needs."""

    answer_by_field = "answer_by"

    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages=messages(_("Enter your name")),
    )
    answer_by = forms.ChoiceField(
        label=_("How do you want the answer?"),
        choices=ANSWER_CHANNELS,
        widget=forms.RadioSelect,
        error_messages=messages(_("Select how you want the answer")),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("We send the receipt and the answer here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages=messages(_("Enter your e-mail address"), invalid=EMAIL_FORMAT),
    )
    phone = PhoneNumberField(
        label=_("Phone number"),
        required=False,
        error_messages=messages(_("Enter your phone number"), invalid=PHONE_FORMAT),
    )
    address = forms.CharField(
        label=_("Postal address"),
        required=False,
        max_length=300,
        error_messages=messages(_("Enter your postal address")),
        help_text=_("Street, postcode and town."),
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
    )

    def clean(self):
        cleaned = super().clean()
        needed = {
            ANSWER_BY_EMAIL: (
                "email",
                _("Enter your e-mail address, or choose another way to get the answer."),
            ),
            ANSWER_BY_PHONE: (
                "phone",
                _("Enter your phone number, or choose another way to get the answer."),
            ),
            ANSWER_BY_LETTER: (
                "address",
                _("Enter your postal address, or choose another way to get the answer."),
            ),
        }
        choice = cleaned.get("answer_by")
        if choice in needed:
            field, message = needed[choice]
            if not cleaned.get(field):
                self.add_error(field, ValidationError(message, code="required"))
        return cleaned


def contact_of(answers: dict, step: str = "kontakt") -> dict:
    """The name, e-mail and phone a case needs, from a contact step's cleaned data."""
    contact = answers.get(step) or {}
    return {
        "name": contact.get("name", ""),
        "email": contact.get("email", ""),
        "phone": contact.get("phone", ""),
    }
