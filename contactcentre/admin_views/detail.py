"""The case page: what arrived, from whom, its timeline, and the forms of the actions."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from contactcentre import access, audit, canned, identity_numbers, service_levels, workflow
from contactcentre.admin_views import forms
from contactcentre.admin_views.flag_form import case_page_context
from contactcentre.models import Case, CaseEvent, SecrecyMarking
from contactcentre.models.cases import Status
from pages.models import Department

# Answers hidden for a person with protected identity (skyddade personuppgifter).
ADDRESS_FIELDS = {"address", "postal_address", "street_address", "postal_code", "postcode", "city"}


def is_address_field(name: str) -> bool:
    return name in ADDRESS_FIELDS or (name.endswith("address") and "mail" not in name)


def case_for(user, pk) -> Case:
    """The case, or 404 alike for one that does not exist and one this user may not see."""
    queryset = Case.objects.select_related(
        "service_area", "department", "committee", "assignee", "resolved_faq", "opened_by"
    )
    return get_object_or_404(access.visible_cases(user, queryset), pk=pk)


@dataclass
class AnswerStep:
    title: str
    fields: list = field(default_factory=list)


@dataclass
class Answer:
    label: str
    display: str
    secret: bool = False
    # A personnummer shown masked (19850101-****) until "Show" is pressed.
    masked: bool = False


def is_identity_number(answer: dict) -> bool:
    display = str(answer.get("display", ""))
    return answer.get("type") == identity_numbers.SNAPSHOT_TYPE or (
        bool(display) and identity_numbers.looks_like(display)
    )


def answer_steps(case: Case, secret_targets: set[str], reveal: bool = False) -> tuple[list[AnswerStep], bool]:
    """The labelled answers from the case's own snapshot, so it reads without its e-service.

    A personnummer is masked unless ``reveal`` (a recorded "Show"). Returns the steps and
    whether address answers were hidden (protected identity).
    """
    steps, hid_address = [], False
    for step in case.form_snapshot.get("steps", []):
        shown = AnswerStep(title=step.get("title") or step.get("name", ""))
        for answer in step.get("fields", []):
            name = answer.get("name", "")
            if case.protected_identity and is_address_field(name):
                hid_address = True
                continue
            display = answer.get("display", "")
            masked = bool(display) and not reveal and is_identity_number(answer)
            shown.fields.append(
                Answer(
                    label=answer.get("label") or name,
                    display=identity_numbers.masked(display) if masked else display,
                    secret=f"answer:{step.get('name')}.{name}" in secret_targets,
                    masked=masked,
                )
            )
        steps.append(shown)
    return steps, hid_address


@dataclass
class TimelineEntry:
    event: CaseEvent
    internal: bool
    detail: str = ""


def timeline(events: list[CaseEvent]) -> list[TimelineEntry]:
    """The timeline with what each entry's data points at, named (one query per kind of reference)."""
    assigned_ids = {e.data.get("to") for e in events if e.kind == CaseEvent.ASSIGNED and e.data.get("to")}
    forwarded_ids = {e.data.get("to") for e in events if e.kind == CaseEvent.FORWARDED and e.data.get("to")}
    people = get_user_model().objects.in_bulk(assigned_ids)
    departments = Department.objects.in_bulk(forwarded_ids)
    entries = []
    for event in events:
        detail = ""
        if event.kind == CaseEvent.STATUS_CHANGED:
            detail = gettext("%(old)s → %(new)s") % {
                "old": _status_label(event.data.get("from")),
                "new": _status_label(event.data.get("to")),
            }
        elif event.kind == CaseEvent.ASSIGNED:
            person = people.get(event.data.get("to"))
            detail = (
                gettext("To %(name)s") % {"name": get_user_display_name(person)}
                if person
                else gettext("Unassigned")
            )
        elif event.kind == CaseEvent.FORWARDED and event.data.get("to") in departments:
            detail = gettext("To %(department)s") % {"department": departments[event.data["to"]]}
        entries.append(TimelineEntry(event=event, internal=event.kind == CaseEvent.NOTE, detail=detail))
    return entries


def _status_label(code) -> str:
    try:
        return str(Status(code).label)
    except ValueError:
        return code or "–"


def action_forms(user, case: Case) -> dict:
    """The forms of the actions that can apply now, keyed by action; each posts to its own URL."""
    allowed = workflow.allowed(case.status)
    found = {}
    if case.status != Status.CLOSED and case.assignee_id != user.pk:
        found["claim"] = forms.ClaimForm(prefix="claim")
    found["assign"] = forms.AssignForm(case=case, prefix="assign")
    if allowed:
        found["status"] = forms.StatusForm(case=case, prefix="status")
    found["note"] = forms.NoteForm(prefix="note")
    found["reply"] = forms.ReplyForm(prefix="reply")
    if Status.FORWARDED in allowed or case.status == Status.FORWARDED:
        found["forward"] = forms.ForwardForm(prefix="forward")
    if Status.RESOLVED in allowed:
        found["resolve"] = forms.ResolveForm(prefix="resolve", case=case)
    if case.needs_attention:
        found["attention"] = forms.ClearAttentionForm(prefix="attention")
    if access.can(user, access.REGISTER, case):
        found["registry"] = forms.RegistryForm(
            prefix="registry",
            initial={"registry_number": case.registry_number, "protected_identity": case.protected_identity},
        )
        found["secrecy"] = forms.SecrecyForm(case=case, prefix="secrecy")
    return found


@dataclass(frozen=True)
class ActionPanel:
    """How the case page shows one action's form: its URL, heading and button."""

    key: str  # in action_forms()
    url_name: str
    heading: str
    submit_label: str
    primary: bool = False


# In the order of the page: the everyday actions first, the registrar's last.
ACTION_PANELS = [
    ActionPanel("claim", "claim", _("Claim"), _("Claim: handle it myself"), primary=True),
    ActionPanel("reply", "reply", _("Reply to the citizen"), _("Send reply"), primary=True),
    ActionPanel("note", "note", _("Internal note"), _("Add note")),
    ActionPanel("assign", "assign", _("Assign"), _("Assign")),
    ActionPanel("status", "status", _("Change status"), _("Change status")),
    ActionPanel("forward", "forward", _("Forward"), _("Forward")),
    ActionPanel("resolve", "resolve", _("Resolve"), _("Resolve"), primary=True),
    ActionPanel("attention", "clear_attention", _("Needs attention"), _("Mark as dealt with")),
    ActionPanel("registry", "registry", _("Registry"), _("Save registry details")),
    ActionPanel("secrecy", "secrecy", _("Secrecy"), _("Mark as secret")),
]


def action_panels(case: Case, found: dict, notice: str) -> list[dict]:
    """The action forms in ``found`` with what the page needs to draw each one."""
    return [
        {
            "key": panel.key,
            "form": found[panel.key],
            "action_url": reverse(f"contactcentre_admin:{panel.url_name}", args=[case.pk]),
            "heading": panel.heading,
            "heading_id": f"{panel.key}-heading",
            "submit_label": panel.submit_label,
            "button_class": "" if panel.primary else "button-secondary",
            "notice": notice if panel.key == "reply" else "",
        }
        for panel in ACTION_PANELS
        if panel.key in found
    ]


def reply_notice(case: Case) -> str:
    """Why no e-mail goes with a reply, if none does."""
    if case.protected_identity:
        return gettext("Protected identity: no e-mail is sent. The reply is shown on the status page only.")
    if not case.contact_email:
        return gettext("No e-mail address: the citizen reads the reply on the status page.")
    return ""


class CaseDetailView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "contactcentre/admin/detail.html"
    header_icon = "tasks"
    # Personnummer in clear: only in the answer to a "Show" post (RevealIdentityNumbersView).
    reveal_identity_numbers = False

    def get(self, request, *args, **kwargs):
        self.case = case_for(request.user, kwargs["pk"])
        audit.record_view(request.user, self.case)
        # After the view is logged, so the access log includes this visit.
        prefetch_related_objects(
            [self.case],
            Prefetch("events", queryset=CaseEvent.objects.select_related("actor")),
            "attachments",
            Prefetch("secrecy_markings", queryset=SecrecyMarking.objects.select_related("marked_by")),
        )
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return self.case.reference

    @cached_property
    def header_buttons(self):
        url = reverse("contactcentre_admin:next") + f"?efter={self.case.pk}"
        return [HeaderButton(_("Next case"), url=url, icon_name="arrow-right")]

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("contactcentre_admin:index"), "label": gettext("Cases")},
            {"url": "", "label": self.case.reference},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.case
        markings = list(case.secrecy_markings.all())
        secret_targets = {marking.target for marking in markings}
        steps, hid_address = answer_steps(case, secret_targets, reveal=self.reveal_identity_numbers)
        events = list(case.events.all())
        context.update(
            case=case,
            steps=steps,
            hid_address=hid_address,
            identity_numbers_shown=self.reveal_identity_numbers,
            case_markings=[m for m in markings if m.target == "case"],
            attachments=[
                (attachment, f"attachment:{attachment.pk}" in secret_targets)
                for attachment in case.attachments.all()
            ],
            timeline=timeline([e for e in events if e.kind != CaseEvent.VIEWED]),
            views=[e for e in events if e.kind == CaseEvent.VIEWED],
            language=dict(settings.LANGUAGES).get(case.language, case.language),
            forms=action_forms(self.request.user, case),
            reply_notice=reply_notice(case),
            due_dates=service_levels.due_dates(case),
        )
        self.add_canned_replies(context, case)
        self.add_content_flags(context, case)
        context["action_panels"] = action_panels(case, context["forms"], context["reply_notice"])
        return context

    def add_content_flags(self, context, case):
        """The flag form (bound after an invalid post to it) and the flags made from this case."""

        context.update(case_page_context(case, getattr(self, "flag_form", None)))

    def add_canned_replies(self, context, case):
        """A canned reply chosen with ?svarsmall=<id> becomes the reply's starting text (no script needed)."""
        replies = list(canned.for_case(case))
        context["canned_replies"] = replies
        chosen = self.request.GET.get("svarsmall", "")
        reply_form = context["forms"].get("reply")
        for reply in replies:
            if str(reply.pk) == chosen and reply_form is not None:
                reply_form.initial["text"] = canned.render(reply, case)
                context["chosen_canned_reply"] = reply.pk


class RevealIdentityNumbersView(CaseDetailView):
    """ "Show" on the case page: the page once more with the personnummer in clear, recorded.

    A POST (a button, no script), answered with the page itself rather than a redirect, so the
    numbers are shown for this one page view and a reload or a link shows them masked again.
    """

    http_method_names = ["post"]
    reveal_identity_numbers = True

    def post(self, request, pk):
        case = case_for(request.user, pk)
        audit.record_identity_shown(request, case)
        response = self.get(request, pk=pk)
        response["Cache-Control"] = "no-store"
        return response
