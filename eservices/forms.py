"""Form base classes for e-service steps: GOV.UK-style errors, sensitive-data hints."""

from django import forms
from django.utils.translation import gettext_lazy as _

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

    default_error_messages = {"required": _("Enter a personal identity number.")}

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


class PhotoField(forms.FileField):
    """An image, checked by its content."""

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        if uploaded and hasattr(uploaded, "read"):
            check_image(uploaded)
        return uploaded


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
