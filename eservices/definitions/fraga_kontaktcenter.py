"""Fråga kontaktcenter: a general question, answered by e-mail, phone or letter."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import messages
from eservices.definitions.contact_fields import ContactDetailsForm, contact_of
from eservices.forms import NO_SENSITIVE_DETAILS, StepForm
from eservices.registry import DataProtection, EService, Step, register


class QuestionForm(StepForm):
    subject = forms.CharField(
        label=_("What is your question about?"),
        max_length=150,
        error_messages=messages(_("Enter what your question is about")),
    )
    question = forms.CharField(
        label=_("Your question"),
        max_length=4000,
        error_messages=messages(_("Enter your question")),
        help_text=NO_SENSITIVE_DETAILS,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


def describe(answers):
    return {"title": answers["fraga"]["subject"], **contact_of(answers)}


FRAGA_KONTAKTCENTER = register(
    EService(
        slug="fraga-kontaktcenter",
        title=_("Ask the contact centre"),
        summary=_(
            "Ask a question about the municipality's services and get an answer by e-mail, phone or letter."
        ),
        service_area_digit=9,
        department="Kontaktcenter",
        steps=(
            Step("fraga", QuestionForm, _("Your question")),
            Step("kontakt", ContactDetailsForm, _("How we answer you")),
        ),
        data_protection=DataProtection(
            data_collected=_("Your name, your question and the contact details you give."),
            purpose=_("To answer your question and keep a record of it."),
            legal_basis=_("Public interest (GDPR article 6.1 e): the municipality's duty to give service."),
            controller=_("Kommunstyrelsen"),
        ),
        handling_time=_("We answer within two working days."),
        next_steps=_("A contact-centre advisor reads your question and answers it in the way you chose."),
        retention_days=2 * 365,
        retention_rule=_("Kept for two years, then removed (retention decision KS 2025:12)."),
        describe=describe,
    )
)
