"""Ring upp mig: the citizen asks the contact centre to call them back in a time window.

The window is a day (today or the next working day) and a half day (08–12 or 12–16.45),
which is what a contact centre can plan its call-backs by. ``describe()`` turns it into a
date, so the case title in the queue reads "Ring upp 27/11 08–12: Bygglov" without a
new column; the answers and the form snapshot hold the choice as well.

Working days are the days the contact centre's phone is open (``contactcentre.working_hours``),
so weekends, public holidays, the eves it keeps closed and the days an editor closed in the
opening hours are skipped.
"""

import datetime as dt
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contactcentre.working_hours import MAX_CLOSED_DAYS, contact_centre_schedule, is_working_day
from eservices.definitions.common import shorten
from eservices.forms import NO_SENSITIVE_DETAILS, StepForm
from eservices.registry import DataProtection, EService, Step, register
from pages.hours import Schedule

SLUG = "ring-upp-mig"
TODAY_MORNING = "today_morning"
TODAY_AFTERNOON = "today_afternoon"
NEXT_MORNING = "next_morning"
NEXT_AFTERNOON = "next_afternoon"
WINDOWS = [
    (TODAY_MORNING, _("Today, 08–12")),
    (TODAY_AFTERNOON, _("Today, 12–16.45")),
    (NEXT_MORNING, _("Next working day, 08–12")),
    (NEXT_AFTERNOON, _("Next working day, 12–16.45")),
]
# When each half day ends (the phone's opening hours; Fridays the phone closes at 16.00).
HOURS = {"morning": ("08–12", dt.time(12)), "afternoon": ("12–16.45", dt.time(16, 45))}

PHONE_PATTERN = re.compile(r"^\+?[\d\s-]+$")


def next_working_day(day: dt.date, schedule: Schedule | None = None) -> dt.date:
    """The first day after ``day`` on which the contact centre is open."""
    schedule = schedule or contact_centre_schedule()
    for offset in range(1, MAX_CLOSED_DAYS + 1):
        candidate = day + dt.timedelta(days=offset)
        if is_working_day(candidate, schedule):
            return candidate
    return day + dt.timedelta(days=1)  # closed for a year: the agent sorts it out


def window_of(choice: str, now: dt.datetime | None = None) -> tuple[dt.date, str]:
    """The date and the hours a window choice means, counted from ``now``."""
    today = timezone.localdate(now) if now else timezone.localdate()
    day = today if choice.startswith("today") else next_working_day(today)
    hours, _ends = HOURS["morning" if choice.endswith("morning") else "afternoon"]
    return day, hours


def window_has_passed(choice: str, now: dt.datetime | None = None) -> bool:
    """Is a "today" window over, or is the contact centre closed today, so nobody calls?"""
    if not choice.startswith("today"):
        return False
    local = timezone.localtime(now) if now else timezone.localtime()
    _hours, ends = HOURS["morning" if choice.endswith("morning") else "afternoon"]
    if local.weekday() == 4 and choice.endswith("afternoon"):
        ends = dt.time(16)
    return local.time() >= ends or not is_working_day(local.date())


def clean_phone(value: str) -> str:
    """Digits, spaces, + and - only, with 6 to 15 digits; kept as typed, trimmed."""
    value = " ".join(value.split())
    digits = sum(character.isdigit() for character in value)
    if not PHONE_PATTERN.match(value) or not 6 <= digits <= 15:
        raise ValidationError(
            _("Enter a phone number with 6 to 15 digits, for example 070-123 45 67."), code="invalid"
        )
    return value


class CallBackForm(StepForm):
    phone = forms.CharField(
        label=_("Phone number we call"),
        max_length=40,
        help_text=_("For example 070-123 45 67 or +46 70 123 45 67."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    window = forms.ChoiceField(
        label=_("When should we call you?"),
        choices=WINDOWS,
        widget=forms.RadioSelect,
        help_text=_("Working days. On Fridays we call until 16.00."),
    )
    about = forms.CharField(
        label=_("What is it about?"),
        max_length=150,
        help_text=NO_SENSITIVE_DETAILS,
    )

    def clean_phone(self):
        return clean_phone(self.cleaned_data["phone"])

    def clean_window(self):
        choice = self.cleaned_data["window"]
        if window_has_passed(choice):
            raise ValidationError(
                _("That time has passed or we are closed that day: choose the next working day."),
                code="passed",
            )
        return choice


def describe(answers):
    call = answers["ring"]
    day, hours = window_of(call["window"])
    return {
        "title": f"Ring upp {day.day}/{day.month} {hours}: {shorten(call['about'], 120)}",
        "name": call["name"],
        "phone": call["phone"],
        "email": "",
    }


RING_UPP_MIG = register(
    EService(
        slug=SLUG,
        title=_("Call me back"),
        summary=_("Ask the contact centre to call you back at a time that suits you."),
        service_area_digit=9,
        department="Kontaktcenter",
        # A call-back is a second contact by its nature.
        first_contact_possible=False,
        steps=(Step("ring", CallBackForm, _("Your number and a time")),),
        data_protection=DataProtection(
            data_collected=_("Your name, your phone number, the time you chose and what it is about."),
            purpose=_("To call you back and answer your question."),
            legal_basis=_("Public interest (GDPR article 6.1 e): the municipality's duty to give service."),
            controller=_("Kommunstyrelsen"),
        ),
        handling_time=_("We call you in the time you chose."),
        next_steps=_(
            "A contact-centre advisor calls you from 08-465 004 00. If you do not answer, we try once more."
        ),
        retention_days=90,
        retention_rule=_("Kept for 90 days, then removed."),
        describe=describe,
    )
)
