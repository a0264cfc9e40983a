"""Synpunkter och klagomål: praise, a suggestion or a complaint, routed to the area it concerns.

The citizen chooses the service area; ``describe()`` returns its phone-menu digit as
``service_area_digit``, so the case goes to that area and its default department (this
e-service names no department of its own). A citizen may be anonymous: then there is
no contact step, and no answer.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import messages
from eservices.definitions.common import (
    NO,
    YES,
    NoticeStepForm,
    answer,
    answered,
    filled,
    label_of,
    shorten,
    yes_no,
)
from eservices.definitions.contact_fields import ANSWER_CHANNELS, ContactDetailsForm, contact_of
from eservices.forms import NO_SENSITIVE_DETAILS, StepForm
from eservices.registry import DataProtection, EService, Step, register
from eservices.schema import answer_is

KINDS = [
    ("praise", _("Praise")),
    ("suggestion", _("Suggestion")),
    ("complaint", _("Complaint")),
]

# The six service areas of the phone menu, by their digit (pages.ServiceArea.menu_digit).
AREAS = [
    (1, _("Elderly care and disability")),
    (2, _("Social services")),
    (3, _("Preschool, school and education")),
    (4, _("Building and environment, roads, water, sewage and waste")),
    (5, _("Culture and leisure")),
    (9, _("Something else, or I do not know")),
]

ANONYMOUS_GETS_NO_ANSWER = _("Anonymous messages get no answer, since we cannot reach you.")


class MessageForm(NoticeStepForm):
    notice = (
        _(
            "Your message becomes an official record (allmän handling): anyone may ask to read it, "
            "unless secrecy applies."
        ),
        _("You may be anonymous, but anonymous messages get no answer, since we cannot reach you."),
        _(
            "Do you want to change a decision about yourself, for example about support or a building "
            "permit? Then appeal the decision instead: the decision tells you how."
        ),
    )

    kind = forms.ChoiceField(
        label=_("What kind of message is it?"),
        choices=KINDS,
        widget=forms.RadioSelect,
        error_messages=messages(_("Select what kind of message it is")),
    )
    area = forms.TypedChoiceField(
        label=_("Which area is it about?"),
        choices=AREAS,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages=messages(_("Select which area your message is about")),
        help_text=_("We send your message to the part of the municipality that is responsible."),
    )
    about = forms.CharField(
        label=_("Which service or place is it about?"),
        required=False,
        max_length=200,
        error_messages=messages(_("Enter which service or place it is about")),
        help_text=_("For example a school, a library or a street."),
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=4000,
        error_messages=messages(_("Enter your message")),
        help_text=NO_SENSITIVE_DETAILS,
        widget=forms.Textarea(attrs={"rows": 7}),
    )


class AnonymityForm(StepForm):
    anonymous = forms.ChoiceField(
        label=_("Do you want to be anonymous?"),
        choices=[
            (NO, _("No, I give my name and can get an answer")),
            (YES, _("Yes, I want to be anonymous")),
        ],
        widget=forms.RadioSelect,
        help_text=ANONYMOUS_GETS_NO_ANSWER,
        error_messages=messages(_("Select whether you want to be anonymous")),
    )


class FeedbackContactForm(ContactDetailsForm):
    """Name and, for an answer, how to answer and the detail that needs."""

    wants_answer = yes_no(_("Do you want an answer?"), _("Select yes if you want an answer"))
    answer_by = forms.ChoiceField(
        label=_("How do you want the answer?"),
        choices=ANSWER_CHANNELS,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Only if you want an answer."),
        error_messages=messages(_("Select how you want the answer")),
    )
    field_order = ["name", "wants_answer", "answer_by", "email", "phone", "address"]
    schema_rules = [
        {
            "if": answer("wants_answer", YES),
            "then": {
                "allOf": [
                    filled("answer_by"),
                    *[
                        {"if": answer("answer_by", channel), "then": filled(detail)}
                        for channel, detail in (("email", "email"), ("phone", "phone"), ("letter", "address"))
                    ],
                ]
            },
        }
    ]

    def clean(self):
        """For an answer (wants_answer "yes"), choose answer_by and give its detail: email, phone or
        address (for a letter). Without an answer, answer_by is ignored."""
        cleaned = self.cleaned_data
        if cleaned.get("wants_answer") != YES:
            cleaned["answer_by"] = ""
            return cleaned
        if not cleaned.get("answer_by"):
            self.add_error(
                "answer_by", ValidationError(_("Choose how you want the answer."), code="required")
            )
            return cleaned
        return super().clean()


def is_named(answers):
    """The citizen is not anonymous (anonym.anonymous is "no")."""
    return answered(answers, "anonym", "anonymous", NO)


def describe(answers):
    message = answers["synpunkt"]
    subject = message.get("about") or label_of(AREAS, message["area"])
    details = {
        "title": f"{label_of(KINDS, message['kind'])}: {shorten(subject, 120)}",
        # Routing by area: the case goes to the area the citizen chose (eservices.submission.build_new_case).
        "service_area_digit": message["area"],
    }
    if is_named(answers):
        details.update(contact_of(answers))
    return details


SYNPUNKTER = register(
    EService(
        slug="synpunkter-och-klagomal",
        # The statistics count comments and complaints by their kind, per committee.
        statistics_answer=("synpunkt", "kind"),
        title=_("Comments and complaints"),
        summary=_(
            "Give praise, a suggestion or a complaint about the municipality's services. You may be "
            "anonymous."
        ),
        service_area_digit=9,  # until the citizen chooses an area; department: that area's default
        steps=(
            Step("synpunkt", MessageForm, _("Your message")),
            Step("anonym", AnonymityForm, _("Anonymous or not")),
            Step(
                "kontakt",
                FeedbackContactForm,
                _("Your contact details"),
                condition=is_named,
                schema_if=answer_is("anonym", "anonymous", NO),
            ),
        ),
        data_protection=DataProtection(
            data_collected=_(
                "Your message and, unless you are anonymous, your name and the contact details you give."
            ),
            purpose=_(
                "To deal with your message, answer you if you want, and follow up what the municipality "
                "needs to improve."
            ),
            legal_basis=_(
                "Public interest (GDPR article 6.1 e): the municipality's duty to give service and to "
                "handle comments and complaints."
            ),
            controller=_("Kommunstyrelsen"),
        ),
        handling_time=_("If you want an answer, you get it within ten working days."),
        next_steps=_(
            "We send your message to the service it concerns, which reads it and, if you asked for an "
            "answer, answers you in the way you chose. Every year the committees go through all "
            "messages to see what needs to improve."
        ),
        retention_days=None,
        retention_rule=_(
            "Kept: comments and complaints are official records, and the municipality's records plan "
            "keeps them."
        ),
        describe=describe,
    )
)
