"""What staff and citizens do to a case. Views only read the request and call these.

Each action checks the access rules, enforces the allowed transitions, and writes
the timeline entry in the same transaction as the change.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from contactcentre import access, service_levels, workflow
from contactcentre.models import Case, CaseEvent, SecrecyMarking
from contactcentre.models.cases import Status
from contactcentre.services import contact_centre_department, store_attachment
from contactcentre.tasks import send_reply_email
from core.enqueue import enqueue


def _require(user, action, case):
    if not access.can(user, action, case):
        raise PermissionDenied


def _event(case, kind, actor=None, **fields):
    return CaseEvent.objects.create(case=case, kind=kind, actor=actor, **fields)


def _set_status(case, new, actor):
    if case.status == new:
        return
    workflow.check(case.status, new)
    old = case.status
    case.status = new
    if new == Status.RESOLVED:
        case.resolved_at = timezone.now()
        case.resolution_working_seconds = service_levels.working_seconds_to(case, case.resolved_at)
    _event(case, CaseEvent.STATUS_CHANGED, actor, data={"from": old, "to": new})


@transaction.atomic
def claim(user, case: Case) -> Case:
    _require(user, access.CLAIM, case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    case.assignee = user
    if case.status in (Status.NEW, Status.FORWARDED):
        _set_status(case, Status.IN_PROGRESS, user)
    case.save()
    _event(case, CaseEvent.ASSIGNED, user, data={"to": user.pk})
    return case


@transaction.atomic
def assign(user, case: Case, assignee) -> Case:
    _require(user, access.ASSIGN, case)
    if assignee is not None and not access.can_view(assignee, case):
        raise ValidationError(
            _("%(name)s may not see this case.") % {"name": assignee.get_full_name() or assignee}
        )
    case = Case.objects.select_for_update().get(pk=case.pk)
    case.assignee = assignee
    case.save()
    _event(case, CaseEvent.ASSIGNED, user, data={"to": assignee.pk if assignee else None})
    return case


@transaction.atomic
def change_status(user, case: Case, new: str) -> Case:
    _require(user, access.CHANGE_STATUS, case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    _set_status(case, new, user)
    case.save()
    return case


def add_note(user, case: Case, text: str) -> CaseEvent:
    """An internal note: working material, never shown to the citizen."""
    _require(user, access.NOTE, case)
    return _event(case, CaseEvent.NOTE, user, text=text, direction=CaseEvent.WORKING)


@transaction.atomic
def reply(user, case: Case, text: str, *, wait_for_citizen=False) -> CaseEvent:
    """A reply to the citizen: on the status page, and by e-mail unless that is barred."""

    _require(user, access.REPLY, case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status == Status.CLOSED:
        raise ValidationError(_("The case is closed: reopening is not possible, open a new case instead."))
    event = _event(
        case,
        CaseEvent.REPLY,
        user,
        text=text,
        public=True,
        direction=CaseEvent.OUTGOING,
        description=_("Reply to the citizen"),
    )
    if case.first_response_at is None:
        case.first_response_at = event.created_at
        case.first_response_working_seconds = service_levels.working_seconds_to(case, event.created_at)
    if wait_for_citizen:
        _set_status(case, Status.WAITING, user)
    elif case.status == Status.NEW:
        _set_status(case, Status.IN_PROGRESS, user)
    case.save()
    if case.contact_email and not case.protected_identity:
        enqueue(send_reply_email, event.pk)
    return event


@transaction.atomic
def forward(user, case: Case, department, note: str = "") -> Case:
    """Hand the case to another department. Another committee: an outgoing and an incoming entry."""
    _require(user, access.FORWARD, case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    old_department, old_committee = case.department, case.committee
    case.department = department
    case.committee = department.committee or old_committee
    if not case.handled_by_contact_centre:
        centre = contact_centre_department()
        case.handled_by_contact_centre = centre is not None and centre.pk == department.pk
    case.assignee = None
    _set_status(case, Status.FORWARDED, user)
    case.save()
    data = {"from": old_department.pk if old_department else None, "to": department.pk}
    if old_committee and case.committee and old_committee != case.committee:
        _event(
            case,
            CaseEvent.FORWARDED,
            user,
            text=note,
            direction=CaseEvent.OUTGOING,
            data=data,
            description=_("Forwarded to %(committee)s") % {"committee": case.committee},
        )
        _event(
            case,
            CaseEvent.FORWARDED,
            user,
            direction=CaseEvent.INCOMING,
            data=data,
            description=_("Received from %(committee)s") % {"committee": old_committee},
        )
    else:
        _event(case, CaseEvent.FORWARDED, user, text=note, data=data)
    return case


def could_be_first_contact(case: Case) -> bool:
    """Resolved in the same contact: never forwarded, never waiting for the citizen, and of a kind
    that can be (a call-back cannot: its e-service said so when the case opened)."""
    if not case.first_contact_possible:
        return False
    waited = CaseEvent.objects.filter(
        case=case, kind=CaseEvent.STATUS_CHANGED, data__to=Status.WAITING
    ).exists()
    return not waited and not CaseEvent.objects.filter(case=case, kind=CaseEvent.FORWARDED).exists()


@transaction.atomic
def resolve(user, case: Case, *, first_contact: bool, faq=None) -> Case:
    _require(user, access.RESOLVE, case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if first_contact and not could_be_first_contact(case):
        raise ValidationError(
            _(
                "A case that was forwarded, a call-back or one that waited for the citizen was not "
                "resolved at first contact."
            )
        )
    _set_status(case, Status.RESOLVED, user)
    case.resolved_at_first_contact = first_contact
    case.resolved_faq = faq
    case.save()
    return case


@transaction.atomic
def citizen_message(case: Case, text: str, attachments=(), *, actor=None) -> CaseEvent:
    """The citizen answers on the status page: onto the timeline and back into the queue.

    ``actor``: the staff member who typed it in for a walk-in visitor (assisted mode).
    """

    case = Case.objects.select_for_update().get(pk=case.pk)
    event = _event(
        case,
        CaseEvent.CITIZEN_MESSAGE,
        actor,
        text=text,
        public=True,
        direction=CaseEvent.INCOMING,
        description=_("Message from the citizen"),
    )
    for attachment in attachments:
        store_attachment(case, attachment, field=f"message:{event.pk}")
    if case.status in (Status.WAITING, Status.RESOLVED):
        _set_status(case, Status.IN_PROGRESS, None)
        case.save()
    return event


@transaction.atomic
def update_registry(user, case: Case, *, registry_number: str, protected_identity: bool) -> Case:
    """The registrar's details: the diarienummer and the protected-identity flag."""
    _require(user, access.REGISTER, case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    changes = {}
    if case.registry_number != registry_number:
        changes["registry_number"] = [case.registry_number, registry_number]
        case.registry_number = registry_number
    if case.protected_identity != protected_identity:
        changes["protected_identity"] = [case.protected_identity, protected_identity]
        case.protected_identity = protected_identity
    if changes:
        case.save()
        _event(case, CaseEvent.REGISTRY_UPDATED, user, data=changes)
    return case


@transaction.atomic
def mark_secrecy(user, case: Case, *, target: str, legal_basis: str):
    """Mark the case, one answer or one attachment as secret (who and when are recorded)."""

    _require(user, access.MARK_SECRECY, case)
    marking, created = SecrecyMarking.objects.get_or_create(
        case=case, target=target, defaults={"legal_basis": legal_basis, "marked_by": user}
    )
    if created:
        _event(case, CaseEvent.SECRECY_MARKED, user, data={"target": target, "legal_basis": legal_basis})
    return marking


@transaction.atomic
def clear_attention(user, case: Case) -> Case:
    """Staff have dealt with what flagged the case (for example an e-mail that could not be sent)."""
    _require(user, access.NOTE, case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.needs_attention:
        reason = case.attention_reason
        case.needs_attention = False
        case.attention_reason = ""
        case.save()
        _event(case, CaseEvent.ATTENTION_CLEARED, user, data={"reason": reason})
    return case
