"""Form base classes and fields for e-service steps: GOV.UK-style errors, sensitive-data hints."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

import phonenumbers

from core.forms import ErrorSummaryMixin
from core.uploads import check_image
from eservices.personnummer import parse as parse_identity_number

NO_SENSITIVE_DETAILS = _(
    "Do not write sensitive details here, such as health, religion or someone else's personal "
    "identity number."
)


class StepForm(ErrorSummaryMixin, forms.Form):
    """One step of an e-service. Renders every field with its label, hint and error."""

    template_name = "eservices/forms/form.html"
    required_css_class = "field--required"
    error_css_class = "field--error"


class NoticeStepForm(StepForm):
    """A step that shows short notices (GOV.UK "inset text", an editor's information texts) above its fields.

    The notice is part of the form's own HTML, so the step template needs nothing new.
    """

    notice: tuple = ()  # paragraphs

    def render(self, template_name=None, context=None, renderer=None):
        fields = super().render(template_name=template_name, context=context, renderer=renderer)
        if not self.notice:
            return fields
        paragraphs = format_html_join("", "<p>{}</p>", ((text,) for text in self.notice))
        return format_html('<div class="notice">{}</div>{}', paragraphs, fields)

    # Django binds these to RenderableMixin.render itself, so they must be bound again here.
    __str__ = render
    __html__ = render


class ConfirmForm(StepForm):
    """The "check your answers" step: nothing to fill in, the answers are shown above it."""


class AssistedConfirmForm(ConfirmForm):
    """The check step when staff fill in the form for a walk-in visitor."""

    visitor_consent = forms.BooleanField(
        label=_("The visitor has checked the answers and agrees that I send the form on their behalf"),
        error_messages={"required": _("Ask the visitor to agree before you send the form.")},
    )


class IdentityNumberField(forms.CharField):
    """A personnummer or samordningsnummer, checked by date and check digit, kept as YYYYMMDD-NNNN."""

    default_error_messages = {"required": _("Enter a personal identity number")}

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 15)
        kwargs.setdefault("help_text", _("12 digits, for example 19121212-1212."))
        super().__init__(**kwargs)
        self.widget.attrs.update({"autocomplete": "off", "inputmode": "numeric", "spellcheck": "false"})

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        return parse_identity_number(value).formatted


PHONE_CHARACTERS = re.compile(r"[0-9 +()./-]+")


class PhoneNumberField(forms.CharField):
    """A phone number we can dial: Swedish unless it starts with + or 00; kept as E.164 (+46701234567).

    Checked by phonenumbers (Google's libphonenumber data), so a number of the wrong
    length for its series, or an unknown series, is refused while the citizen is there.
    """

    default_error_messages = {
        "invalid": _("Enter a phone number we can call, like 070-123 45 67 or +46 70 123 45 67"),
        "null_characters_not_allowed": _(
            "Enter a phone number we can call, like 070-123 45 67 or +46 70 123 45 67"
        ),
        # No number is that long: the same advice as for any number we cannot call.
        "max_length": _("Enter a phone number we can call, like 070-123 45 67 or +46 70 123 45 67"),
    }
    region = "SE"

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 40)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("autocomplete", "tel")
        self.widget.attrs["inputmode"] = "tel"

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        number = None
        # phonenumbers reads letters as a keypad's (070 abc → 070 222): a call-back needs digits.
        if PHONE_CHARACTERS.fullmatch(value):
            try:
                number = phonenumbers.parse(value, self.region)
            except phonenumbers.NumberParseException:
                pass
        if number is None or not phonenumbers.is_valid_number(number):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def national_phone(e164: str) -> str:
    """A stored number as people write it: 070-174 06 12 in Sweden, +44 20 … abroad."""
    try:
        number = phonenumbers.parse(e164, PhoneNumberField.region)
    except phonenumbers.NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(number) == PhoneNumberField.region:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


class PhotoField(forms.FileField):
    """An image, checked by its content. Every message starts with the field's label ("Photo 2: …"),
    since a step may have several photo fields and the error summary must tell them apart."""

    default_error_messages = {
        "required": _("Upload a photo"),
        "invalid": _("Upload the photo again: it did not arrive"),
        "missing": _("Upload the photo again: it did not arrive"),
        "empty": _("The file is empty: upload another picture"),
        "max_length": _("The file name is too long: rename the file to at most %(max)d characters"),
        "contradiction": _("Upload a photo or remove it, not both"),
    }

    def clean(self, data, initial=None):
        try:
            uploaded = super().clean(data, initial)
            if uploaded and hasattr(uploaded, "read"):
                # Kept on the file: its answer and its attachment are named after the detected type.
                uploaded.checked_content_type = check_image(uploaded).content_type
        except ValidationError as error:
            raise ValidationError(
                [
                    ValidationError(
                        _("%(field)s: %(message)s") % {"field": self.label, "message": message},
                        code=item.code,
                    )
                    for item in error.error_list
                    for message in item
                ]
            ) from None
        return uploaded


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
