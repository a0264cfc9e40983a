"""The forms of the case page's actions and of "Log a contact".

Choices shown are narrowed to what makes sense for the case (the allowed transitions, the
people who may see it), but a posted value is left for ``contactcentre.actions`` to refuse:
the rule lives there, and its message is the one the agent reads.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.utils import get_user_display_name

from contactcentre import access, actions, workflow
from contactcentre.models.cases import Channel, Status
from contactcentre.services import NewCase
from pages.models import FAQ, Department, ServiceArea

LOGGED_CHANNELS = [
    (code, label)
    for code, label in Channel.choices
    if code in {Channel.PHONE, Channel.EMAIL, Channel.LETTER, Channel.VISIT, Channel.CHAT, Channel.SMS}
]
YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def working_language(queryset):
    """Cases point at the service areas, departments and FAQ of the working language (Swedish)."""
    return queryset.filter(locale__language_code=settings.LANGUAGE_CODE)


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return get_user_display_name(obj)


class ServiceAreaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        if obj.confidential:
            return gettext("%(area)s (confidential: goes straight to the department)") % {"area": obj}
        return str(obj)


class ClaimForm(forms.Form):
    """Nothing to fill in: the button is the form."""


class AssignForm(forms.Form):
    assignee = UserChoiceField(
        label=_("Assign to"),
        queryset=get_user_model().objects.filter(is_active=True),
        required=False,
        empty_label=_("Nobody (unassigned)"),
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["assignee"].queryset = access.staff_who_can_view(case).order_by(
                "first_name", "last_name", "username"
            )
            self.fields["assignee"].initial = case.assignee_id


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Status.choices)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            allowed = workflow.allowed(case.status)
            self.fields["status"].choices = [
                (code, label) for code, label in Status.choices if code in allowed
            ]


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Internal note"),
        help_text=_("Working material for colleagues; never shown to the citizen."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Reply to the citizen"),
        help_text=_("Shown on the citizen's status page; the citizen is told by e-mail when allowed."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    wait_for_citizen = forms.BooleanField(label=_("Wait for the citizen's answer"), required=False)


class ForwardForm(forms.Form):
    department = forms.ModelChoiceField(
        label=_("Forward to department"),
        queryset=working_language(Department.objects.all()),
    )
    note = forms.CharField(
        label=_("Note for the department"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ResolveForm(forms.Form):
    first_contact = forms.TypedChoiceField(
        label=_("Resolved at first contact?"),
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    faq = forms.ModelChoiceField(
        label=_("FAQ that answered it"),
        queryset=working_language(FAQ.objects.only("pk", "question")),
        required=False,
        empty_label=_("None"),
    )

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        if case is not None and not actions.could_be_first_contact(case):
            # Only "no" is true of it; the statistics count on that (actions.resolve refuses "yes").
            field = self.fields["first_contact"]
            field.choices = [("no", _("No"))]
            field.initial = "no"
            field.help_text = _(
                "Forwarded, waited for the citizen's answer, or a call-back: not resolved at first contact."
            )


class ContactLogForm(forms.Form):
    """A phone call, e-mail, letter or visit that needs follow-up, in a few keystrokes."""

    channel = forms.ChoiceField(
        label=_("How did they get in touch?"),
        choices=LOGGED_CHANNELS,
        initial=Channel.PHONE,
        widget=forms.RadioSelect,
    )
    service_area = ServiceAreaChoiceField(
        label=_("Service area"),
        queryset=working_language(ServiceArea.objects.select_related("default_department")),
        help_text=_("The case goes to the area's department."),
    )
    title = forms.CharField(label=_("Subject"), max_length=200)
    description = forms.CharField(label=_("What it is about"), widget=forms.Textarea(attrs={"rows": 5}))
    contact_name = forms.CharField(label=_("Name"), max_length=200, required=False)
    contact_phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    contact_email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("The citizen gets a receipt with a link to follow the case."),
    )
    resolved_now = forms.BooleanField(
        label=_("Resolved now"),
        required=False,
        help_text=_("Recorded as resolved at first contact."),
    )
    faq = forms.ModelChoiceField(
        label=_("FAQ used"),
        queryset=working_language(FAQ.objects.only("pk", "question")),
        required=False,
        empty_label=_("None"),
    )

    def new_case(self, user) -> NewCase:
        data = self.cleaned_data
        # Like an e-service's snapshot: labels in the working language, so the case reads on its own.
        with translation.override(settings.LANGUAGE_CODE):
            snapshot = {
                "version": "logged-contact@1",
                "title": gettext("Logged contact"),
                "steps": [
                    {
                        "name": "contact",
                        "title": gettext("Contact"),
                        "fields": [
                            {
                                "name": "description",
                                "label": gettext("What it is about"),
                                "type": "CharField",
                                "display": data["description"],
                            }
                        ],
                    }
                ],
            }
        return NewCase(
            title=data["title"],
            answers={"contact": {"description": data["description"]}},
            form_snapshot=snapshot,
            channel=data["channel"],
            language=settings.LANGUAGE_CODE,
            service_area=data["service_area"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            opened_by=user,
        )


class RegistryForm(forms.Form):
    registry_number = forms.CharField(
        label=_("Registry number"),
        max_length=40,
        required=False,
        help_text=_("The diarienummer, for example KS/2026/0123."),
    )
    protected_identity = forms.BooleanField(
        label=_("Protected identity"),
        required=False,
        help_text=_("Hides the address and stops e-mail and SMS to this person."),
    )


class SecrecyForm(forms.Form):
    target = forms.ChoiceField(label=_("What is secret"))
    legal_basis = forms.CharField(
        label=_("Legal basis"), max_length=200, initial="Sekretess enligt OSL 26 kap. 1 §"
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("case", _("The whole case"))]
        for step in case.form_snapshot.get("steps", []):
            for field in step.get("fields", []):
                choices.append(
                    (f"answer:{step['name']}.{field['name']}", f"{step['title']}: {field['label']}")
                )
        for attachment in case.attachments.all():
            choices.append(
                (
                    f"attachment:{attachment.pk}",
                    _("Attachment: %(name)s") % {"name": attachment.original_name},
                )
            )
        self.fields["target"].choices = choices


class ClearAttentionForm(forms.Form):
    """Nothing to fill in: the button says it."""
