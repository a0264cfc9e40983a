"""Begär ut allmän handling: a request for an official document → Kontaktcenter, which forwards it.

Anyone may ask anonymously and need not say why (tryckfrihetsförordningen 2 kap. 18 §).
So no personal detail is ever required for its own sake, only what the chosen way of
getting the document needs:
- read it on site, or pick up a paper copy at the contact centre: nothing (the citizen
  shows the case reference from the receipt);
- a copy by e-mail: an e-mail address, used to send the copy (and the receipt);
- a copy by post: a postal address, and a name for the envelope, so a copy by post
  cannot be anonymous: the form says so and offers the other ways.
A postal address typed for another way of delivery is not kept (data minimisation).
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
    in_working_language,
    shorten,
)
from eservices.definitions.contact_fields import EMAIL_FORMAT, PHONE_FORMAT
from eservices.forms import PhoneNumberField, StepForm
from eservices.registry import DataProtection, EService, Step, register
from eservices.schema import answer_is

READ_ON_SITE = "read_on_site"
PICK_UP = "pick_up"
BY_EMAIL = "email"
BY_POST = "post"
DELIVERY = [
    (READ_ON_SITE, _("Read it on site at the contact centre, Stadshuset")),
    (PICK_UP, _("Pick up a paper copy at the contact centre")),
    (BY_EMAIL, _("Get a copy by e-mail")),
    (BY_POST, _("Get a paper copy by post")),
]


class DocumentForm(NoticeStepForm):
    notice = (
        _(
            "You do not have to tell us who you are or why you want the document. Requests are "
            "handled promptly, normally the same working day."
        ),
    )

    description = forms.CharField(
        label=_("Which document do you want?"),
        max_length=3000,
        error_messages=messages(_("Describe the document you want")),
        help_text=_(
            "Describe it as well as you can: what it is about, who wrote or sent it, or what kind of "
            "document it is, for example minutes, a decision or a letter."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    reference_number = forms.CharField(
        label=_("Case number (diarienummer)"),
        required=False,
        max_length=60,
        error_messages=messages(_("Enter the case number")),
        help_text=_("If you know it, for example KS 2026/123."),
    )
    date_hint = forms.CharField(
        label=_("Date or period"),
        required=False,
        max_length=100,
        error_messages=messages(_("Enter the date or period")),
        help_text=_("If you know it, for example 12 March 2026 or spring 2025."),
    )
    department_hint = forms.CharField(
        label=_("Department or committee that has the document"),
        required=False,
        max_length=200,
        error_messages=messages(_("Enter the department or committee")),
        help_text=_("If you know it."),
    )


class DeliveryForm(StepForm):
    delivery = forms.ChoiceField(
        label=_("How do you want to get the document?"),
        choices=DELIVERY,
        widget=forms.RadioSelect,
        error_messages=messages(_("Select how you want to get the document")),
        help_text=_(
            "Reading it on site is free, and so are up to nine pages of copies. Larger copies cost "
            "50 kronor for the tenth page and 2 kronor for each page after that."
        ),
    )
    anonymous = forms.ChoiceField(
        label=_("Do you want to be anonymous?"),
        choices=[
            (NO, _("No, I give my name")),
            (YES, _("Yes, I want to be anonymous")),
        ],
        widget=forms.RadioSelect,
        error_messages=messages(_("Select whether you want to be anonymous")),
        help_text=_(
            "If the document may contain secret information, we may need to ask who you are to decide "
            "whether we can give it to you."
        ),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_(
            "Needed for a copy by e-mail: we use it only to send the copy and the receipt. Otherwise "
            "optional."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages=messages(_("Enter your e-mail address"), invalid=EMAIL_FORMAT),
    )
    postal_address = forms.CharField(
        label=_("Postal address"),
        required=False,
        max_length=300,
        error_messages=messages(_("Enter your postal address")),
        help_text=_("Only for a copy by post: street, postcode and town."),
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
    )

    schema_rules = [
        {"if": answer("delivery", BY_EMAIL), "then": filled("email")},
        {
            "if": answer("delivery", BY_POST),
            "then": {"allOf": [filled("postal_address"), answer("anonymous", NO)]},
        },
    ]

    def clean(self):
        """A copy by e-mail needs email; a copy by post needs postal_address and cannot be anonymous.
        For other ways of delivery a postal address is not kept."""
        cleaned = super().clean()
        delivery = cleaned.get("delivery")
        if delivery == BY_EMAIL and not cleaned.get("email") and "email" not in self.errors:
            self.add_error(
                "email",
                ValidationError(
                    _("Enter the e-mail address we send the copy to, or choose another way to get it."),
                    code="required",
                ),
            )
        if delivery == BY_POST:
            if not cleaned.get("postal_address"):
                self.add_error(
                    "postal_address",
                    ValidationError(
                        _("Enter the address we send the copy to, or choose another way to get it."),
                        code="required",
                    ),
                )
            if cleaned.get("anonymous") == YES:
                self.add_error(
                    "anonymous",
                    ValidationError(
                        _(
                            "A copy by post needs your name and address, so you cannot be anonymous. "
                            "Choose to give your name, or get the document by e-mail, pick it up or "
                            "read it on site."
                        ),
                        code="anonymous_post",
                    ),
                )
        elif delivery:
            cleaned["postal_address"] = ""  # not needed: not kept
        return cleaned


class RequesterForm(StepForm):
    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages=messages(_("Enter your name")),
    )
    phone = PhoneNumberField(
        label=_("Phone number"),
        required=False,
        help_text=_("If we need to ask you about your request."),
        error_messages=messages(_("Enter your phone number"), invalid=PHONE_FORMAT),
    )


def is_named(answers):
    """The requester is not anonymous (utlamning.anonymous is "no")."""
    return answered(answers, "utlamning", "anonymous", NO)


def describe(answers):
    document = answers["handling"]
    delivery = answers["utlamning"]
    requester = answers.get("kontakt") if is_named(answers) else {}
    requester = requester or {}
    what = shorten(document.get("reference_number") or document["description"], 120)
    return {
        "title": in_working_language(_("Official document: %(what)s")) % {"what": what},
        "name": requester.get("name", ""),
        "email": delivery.get("email", ""),
        "phone": requester.get("phone", ""),
    }


ALLMAN_HANDLING = register(
    EService(
        slug="begar-ut-allman-handling",
        title=_("Request an official document"),
        summary=_(
            "Ask to read or get a copy of an official document, for example minutes, a decision or a "
            "letter. You may be anonymous."
        ),
        service_area_digit=9,
        department="Kontaktcenter",
        steps=(
            Step("handling", DocumentForm, _("The document")),
            Step("utlamning", DeliveryForm, _("How you get it")),
            Step(
                "kontakt",
                RequesterForm,
                _("Your name"),
                condition=is_named,
                schema_if=answer_is("utlamning", "anonymous", NO),
            ),
        ),
        data_protection=DataProtection(
            data_collected=_(
                "What you ask for and how you want to get it; and only the details that this needs or "
                "that you choose to give: e-mail address, postal address, name and phone number."
            ),
            purpose=_("To find the document, decide whether it can be released and give it to you."),
            legal_basis=_(
                "Legal obligation (GDPR article 6.1 c): the right of access to official documents "
                "(tryckfrihetsförordningen chapter 2)."
            ),
            controller=_("Kommunstyrelsen"),
        ),
        handling_time=_(
            "Requests are handled promptly (skyndsamt), normally the same working day. If the "
            "document has to be checked for secrecy, it can take a few days."
        ),
        next_steps=_(
            "The contact centre sends your request to the department that has the document. The "
            "department checks whether anything in it is secret and gives it to you in the way you "
            "chose. If we cannot give you all of it, you can ask for a written decision, which you "
            "can appeal to the administrative court of appeal."
        ),
        retention_days=2 * 365,
        retention_rule=_("Kept for two years, then removed (retention decision KS 2025:12)."),
        describe=describe,
    )
)
