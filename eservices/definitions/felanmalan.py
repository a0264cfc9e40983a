"""Felanmälan: a fault in a street, the lighting, a park, water, waste or something else → Teknik."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import messages
from eservices.definitions.common import NoticeStepForm, answer, filled, label_of, shorten
from eservices.definitions.contact_fields import EMAIL_FORMAT, PHONE_FORMAT, contact_of
from eservices.forms import NO_SENSITIVE_DETAILS, PhoneNumberField, PhotoField, StepForm
from eservices.registry import DataProtection, EService, Step, register

KINDS = [
    ("street", _("Street, pavement or cycle path")),
    ("lighting", _("Street lighting")),
    ("park", _("Park or playground")),
    ("water", _("Water and sewage")),
    ("waste", _("Waste and recycling")),
    ("other", _("Something else")),
]


class FaultForm(NoticeStepForm):
    notice = (
        _(
            "Is the fault dangerous, for example a fallen cable, a deep hole in the road or traffic "
            "lights that do not work? Call the technical on-call service on 08-465 004 90, day and "
            "night. If someone is hurt, call 112."
        ),
    )

    kind = forms.ChoiceField(
        label=_("What kind of fault is it?"),
        choices=KINDS,
        widget=forms.RadioSelect,
        error_messages=messages(_("Select what kind of fault it is")),
    )
    description = forms.CharField(
        label=_("Describe the fault"),
        max_length=2000,
        error_messages=messages(_("Describe the fault")),
        help_text=NO_SENSITIVE_DETAILS,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class PlaceForm(StepForm):
    location = forms.CharField(
        label=_("Where is the fault?"),
        max_length=300,
        error_messages=messages(_("Enter where the fault is")),
        help_text=_(
            "An address, the nearest crossing or a description of the place. For street lighting, "
            "the number on the lamp post helps us find it."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


PHOTO_HINT = _(
    "Optional. A JPEG, PNG or WebP picture of at most 8 MB. Try not to show people's faces or number plates."
)


class PhotosForm(StepForm):
    photo_1 = PhotoField(label=_("Photo 1"), required=False, help_text=PHOTO_HINT)
    photo_2 = PhotoField(label=_("Photo 2"), required=False)
    photo_3 = PhotoField(label=_("Photo 3"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["accept"] = "image/jpeg,image/png,image/webp,image/heic"


class ReporterForm(StepForm):
    """Optional: who reported, and whether they want to hear when the fault is fixed."""

    wants_feedback = forms.BooleanField(
        label=_("Tell me when the fault has been fixed"),
        required=False,
        help_text=_("Then we need your e-mail address or phone number."),
        error_messages=messages(_("Tick the box if you want to be told when the fault has been fixed")),
    )
    name = forms.CharField(
        label=_("Your name"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages=messages(_("Enter your name")),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("We send the receipt here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages=messages(_("Enter your e-mail address"), invalid=EMAIL_FORMAT),
    )
    phone = PhoneNumberField(
        label=_("Phone number"),
        required=False,
        error_messages=messages(_("Enter your phone number"), invalid=PHONE_FORMAT),
    )

    schema_rules = [
        {"if": answer("wants_feedback", True), "then": {"anyOf": [filled("email"), filled("phone")]}}
    ]

    def clean(self):
        """To be told when the fault is fixed (wants_feedback), give an e-mail address or a phone number."""
        cleaned = super().clean()
        if cleaned.get("wants_feedback") and not cleaned.get("email") and not cleaned.get("phone"):
            if "email" not in self.errors:
                self.add_error(
                    "email",
                    ValidationError(
                        _(
                            "Enter an e-mail address or a phone number, so that we can tell you when "
                            "the fault has been fixed."
                        ),
                        code="required",
                    ),
                )
        return cleaned


def describe(answers):
    fault = answers["fel"]
    place = answers["plats"]
    return {
        "title": f"{label_of(KINDS, fault['kind'])}: {shorten(place['location'], 120)}",
        **contact_of(answers),
    }


FELANMALAN = register(
    EService(
        slug="felanmalan",
        title=_("Report a fault"),
        summary=_(
            "Report a fault in a street, the street lighting, a park or playground, water and sewage or "
            "waste collection. You can add photos."
        ),
        service_area_digit=4,
        department="Teknik",
        steps=(
            Step("fel", FaultForm, _("What is wrong?")),
            Step("plats", PlaceForm, _("Where is it?")),
            Step("bilder", PhotosForm, _("Photos")),
            Step("kontakt", ReporterForm, _("Your contact details")),
        ),
        data_protection=DataProtection(
            data_collected=_(
                "The fault, where it is and your photos; and, only if you give them, your name, e-mail "
                "address and phone number."
            ),
            purpose=_(
                "To repair the fault, to ask you about it if we need to and, if you want, to tell you "
                "when it has been fixed."
            ),
            legal_basis=_(
                "Public interest (GDPR article 6.1 e): the municipality's upkeep of streets, parks, "
                "lighting, water and waste."
            ),
            controller=_("Tekniska nämnden"),
        ),
        handling_time=_(
            "Dangerous faults are made safe the same day. Holes in the road are usually repaired "
            "within a week and street lighting within two weeks."
        ),
        next_steps=_(
            "Teknik reads your report and plans the repair. If you asked us to, we tell you when the "
            "fault has been fixed."
        ),
        retention_days=2 * 365,
        retention_rule=_("Kept for two years, then removed (retention decision TN 2025:3)."),
        describe=describe,
    )
)
