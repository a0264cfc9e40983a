"""Ansökan om förskoleplats: guardians, the child, start date, preschools, language, support → Utbildning.

Nobody signs in yet, so the case is "identity not verified" and Utbildningsförvaltningen
confirms guardianship. ``describe()`` returns guardian 1's number as ``identity_number``:
when an e-ID broker exists (see eservices/identity.py), a guardian signed in as that
person makes the case verified without any change here.
"""

import calendar
import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import messages
from eservices.definitions.common import NoticeStepForm, answered, filled, in_working_language, yes_no
from eservices.definitions.contact_fields import EMAIL_FORMAT, PHONE_FORMAT
from eservices.forms import DateInput, IdentityNumberField, PhoneNumberField, StepForm
from eservices.personnummer import parse as parse_identity_number
from eservices.registry import DataProtection, EService, Step, register
from eservices.schema import answer_is

CHILD_MAX_AGE_YEARS = 6
LATEST_START_MONTHS = 12


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


# Fictional preschools of Exempelkommun (proper names: not translated).
PRESCHOOLS = [
    ("blaklockan", "Blåklockans förskola, Centrum"),
    ("bjorkhagen", "Björkhagens förskola, Centrum"),
    ("ekorren", "Ekorrens förskola, Norrby"),
    ("solrosen", "Solrosens förskola, Söderby"),
    ("tallbacken", "Tallbackens förskola, Västerby"),
    ("appelgarden", "Äppelgårdens förskola, Österby"),
]
PRESCHOOL_NAMES = dict(PRESCHOOLS)
CHOICE_FIELDS = ["first_choice", "second_choice", "third_choice"]

MINORITY_LANGUAGES = [
    ("none", _("No")),
    ("finska", _("Yes, in Finnish")),
    ("meankieli", _("Yes, in Meänkieli")),
    ("samiska", _("Yes, in Sami")),
    ("romani", _("Yes, in Romani chib")),
    ("jiddisch", _("Yes, in Yiddish")),
]


class GuardianForm(StepForm):
    name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages=messages(_("Enter your full name")),
    )
    personal_number = IdentityNumberField(
        label=_("Personal identity number or coordination number"),
        error_messages=messages(_("Enter your personal identity number or coordination number")),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("We send the receipt and the offer of a place here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages=messages(_("Enter your e-mail address"), invalid=EMAIL_FORMAT),
    )
    phone = PhoneNumberField(
        label=_("Phone number"),
        error_messages=messages(
            _("Enter your phone number"),
            invalid=PHONE_FORMAT,
        ),
    )
    address = forms.CharField(
        label=_("Address where you are registered (folkbokföringsadress)"),
        max_length=300,
        error_messages=messages(_("Enter the address where you are registered")),
        help_text=_("Street, postcode and town."),
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
    )


class FirstGuardianForm(NoticeStepForm, GuardianForm):
    notice = (
        _(
            "You are not signed in with e-identification, so Utbildningsförvaltningen checks that you "
            "are the child's guardian before we offer a place."
        ),
    )

    second_guardian = yes_no(
        _("Does the child have another guardian?"),
        _("Select yes if the child has another guardian"),
        help_text=_("If the child has two guardians, we ask the other one to confirm the application."),
    )


class SecondGuardianForm(GuardianForm):
    name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages=messages(_("Enter the other guardian's full name")),
    )
    personal_number = IdentityNumberField(
        label=_("Personal identity number or coordination number"),
        error_messages=messages(
            _("Enter the other guardian's personal identity number or coordination number")
        ),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        error_messages=messages(
            _("Enter the other guardian's e-mail address"),
            invalid=_("Enter the other guardian's e-mail address in the right format, like namn@exempel.se"),
        ),
    )
    phone = PhoneNumberField(
        label=_("Phone number"),
        required=False,
        help_text=_("An e-mail address or a phone number, so that we can reach the other guardian."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages=messages(
            _("Enter the other guardian's phone number"),
            invalid=_("Enter a phone number we can call the other guardian on, like 070-123 45 67"),
        ),
    )
    address = forms.CharField(
        label=_("Address where the other guardian is registered"),
        required=False,
        max_length=300,
        error_messages=messages(_("Enter the address where the other guardian is registered")),
        help_text=_("Only if it is not the same as yours."),
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "off"}),
    )

    schema_rules = [{"anyOf": [filled("email"), filled("phone")]}]

    def clean(self):
        """Give the other guardian's e-mail address or phone number (or both)."""
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone") and "email" not in self.errors:
            self.add_error(
                "email",
                ValidationError(
                    _("Enter the other guardian's e-mail address or phone number."), code="required"
                ),
            )
        return cleaned


class ChildForm(StepForm):
    name = forms.CharField(
        label=_("The child's full name"),
        max_length=200,
        error_messages=messages(_("Enter the child's full name")),
    )
    personal_number = IdentityNumberField(
        label=_("The child's personal identity number or coordination number"),
        error_messages=messages(_("Enter the child's personal identity number or coordination number")),
    )

    def clean_personal_number(self):
        """The child must be younger than six (born within the last six years)."""
        number = self.cleaned_data["personal_number"]
        born = parse_identity_number(number).birth_date
        now = today()
        if born > now:
            raise ValidationError(_("The personal identity number has a date in the future."), code="future")
        if born <= years_before(now, CHILD_MAX_AGE_YEARS):
            raise ValidationError(
                _(
                    "The child must be younger than six. Preschool is for children from one year of "
                    "age until they start preschool class (förskoleklass)."
                ),
                code="too_old",
            )
        return number


class WishesForm(StepForm):
    start_date = forms.DateField(
        label=_("When do you want the child to start?"),
        widget=DateInput,
        error_messages=messages(
            _("Enter the date you want the child to start"),
            invalid=_("Enter the start date as a real date, for example 2027-03-01"),
        ),
        help_text=_(
            "We must offer a place within four months of receiving your application, so apply at least "
            "four months ahead if you can. Choose a date within the next 12 months."
        ),
    )
    first_choice = forms.ChoiceField(
        label=_("First choice of preschool"),
        choices=[("", _("Choose a preschool"))] + PRESCHOOLS,
        error_messages=messages(_("Select your first choice of preschool")),
    )
    second_choice = forms.ChoiceField(
        label=_("Second choice of preschool"),
        required=False,
        choices=[("", _("No second choice"))] + PRESCHOOLS,
        error_messages=messages(_("Select your second choice of preschool, or no second choice")),
    )
    third_choice = forms.ChoiceField(
        label=_("Third choice of preschool"),
        required=False,
        choices=[("", _("No third choice"))] + PRESCHOOLS,
        error_messages=messages(_("Select your third choice of preschool, or no third choice")),
    )
    minority_language = forms.ChoiceField(
        label=_("Do you want preschool in a national minority language?"),
        choices=MINORITY_LANGUAGES,
        widget=forms.RadioSelect,
        error_messages=messages(_("Select whether you want preschool in a national minority language")),
        help_text=_(
            "Children of the national minorities have a right to preschool where all or part of the "
            "work is in their language."
        ),
    )

    schema_rules = [{"if": filled("third_choice"), "then": filled("second_choice")}]

    def clean_start_date(self):
        """Not in the past, and at most 12 months ahead."""
        start = self.cleaned_data["start_date"]
        now = today()
        if start < now:
            raise ValidationError(_("The start date cannot be in the past."), code="past")
        if start > months_after(now, LATEST_START_MONTHS):
            raise ValidationError(
                _("Choose a start date within the next 12 months. You can apply later for a later date."),
                code="too_late",
            )
        return start

    def clean(self):
        """The chosen preschools must differ, and a third choice needs a second."""
        cleaned = super().clean()
        if cleaned.get("third_choice") and not cleaned.get("second_choice"):
            self.add_error(
                "second_choice",
                ValidationError(
                    _("Choose a second choice before a third, or leave the third choice empty."),
                    code="gap",
                ),
            )
        seen = {}
        for name in CHOICE_FIELDS:
            value = cleaned.get(name)
            if not value:
                continue
            if value in seen:
                self.add_error(
                    name,
                    ValidationError(
                        _("You have already chosen %(preschool)s. Choose another preschool or none.")
                        % {"preschool": PRESCHOOL_NAMES[value]},
                        code="duplicate",
                    ),
                )
            else:
                seen[value] = name
        return cleaned


class SupportForm(StepForm):
    needs_support = yes_no(
        _("Does the child need special support?"),
        _("Select yes if the child needs special support"),
        help_text=_(
            "For example because of a disability or an illness. It does not affect the child's place in "
            "the queue."
        ),
    )


class SupportNeedsForm(StepForm):
    needs = forms.CharField(
        label=_("Describe the support the child needs"),
        max_length=2000,
        error_messages=messages(_("Describe the support the child needs")),
        help_text=_(
            "Write only what the preschool needs to know to plan for your child, not more. What you "
            "write is handled confidentially."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
    )


def has_second_guardian(answers):
    """The child has another guardian (vardnadshavare.second_guardian is "yes")."""
    return answered(answers, "vardnadshavare", "second_guardian")


def needs_support(answers):
    """The child needs special support (stod.needs_support is "yes")."""
    return answered(answers, "stod", "needs_support")


def describe(answers):
    guardian = answers["vardnadshavare"]
    start = answers["onskemal"]["start_date"]
    return {
        "title": in_working_language(_("Preschool place from %(date)s")) % {"date": start.isoformat()},
        "name": guardian["name"],
        "email": guardian["email"],
        "phone": guardian["phone"],
        # For an e-ID login, when one exists: see eservices/identity.py.
        "identity_number": guardian["personal_number"],
    }


FORSKOLEPLATS = register(
    EService(
        slug="forskoleplats",
        title=_("Apply for a preschool place"),
        summary=_(
            "Apply for a place in preschool for a child from one year of age. You can wish for up to "
            "three preschools."
        ),
        service_area_digit=3,
        department="Utbildningsförvaltningen",
        steps=(
            Step("vardnadshavare", FirstGuardianForm, _("You, the guardian")),
            Step(
                "vardnadshavare2",
                SecondGuardianForm,
                _("The other guardian"),
                condition=has_second_guardian,
                schema_if=answer_is("vardnadshavare", "second_guardian", "yes"),
            ),
            Step("barnet", ChildForm, _("The child")),
            Step("onskemal", WishesForm, _("Start date and preschools")),
            Step("stod", SupportForm, _("Special support")),
            Step(
                "stodbehov",
                SupportNeedsForm,
                _("The support the child needs"),
                condition=needs_support,
                schema_if=answer_is("stod", "needs_support", "yes"),
            ),
        ),
        data_protection=DataProtection(
            data_collected=_(
                "The guardians' names, personal identity numbers and contact details; the child's name "
                "and personal identity number; your wishes for start date, preschools and language; and, "
                "if you tell us, the support the child needs."
            ),
            purpose=_("To place the child in the preschool queue, offer a place and plan the child's start."),
            legal_basis=_(
                "Legal obligation (GDPR article 6.1 c): the municipality must offer preschool under the "
                "Education Act (skollagen 2010:800, chapter 8). Details of the child's need for support "
                "are covered by secrecy (offentlighets- och sekretesslagen)."
            ),
            controller=_("Barn- och utbildningsnämnden"),
        ),
        handling_time=_("We offer a place within four months of receiving your application."),
        next_steps=_(
            "Utbildningsförvaltningen checks that you are the child's guardian and, if there is one, asks "
            "the other guardian to confirm. The child is then placed in the queue. You get the offer of a "
            "place by e-mail: answer it within ten days."
        ),
        retention_days=None,
        retention_rule=_(
            "Kept until the application has been moved into Utbildningsförvaltningen's own records; "
            "from then on Barn- och utbildningsnämnden's records plan applies."
        ),
        describe=describe,
    )
)
