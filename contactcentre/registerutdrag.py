"""Registerutdrag (GDPR art. 15): everything the municipality's cases hold about one person, as a ZIP.

The person is found through the personnummer index (``contactcentre.identity_numbers``): every
case whose answers hold the number. The ZIP holds a summary and one JSON file per case with its
details, answers, attachments (names, types and sizes; the files stay in private storage),
messages and events. Only the cases the exporting staff member may see go in; the summary
counts the others, so the extract is completed by someone who may see them. Staff check the
extract before it is sent: parts of it may be secret (OSL).

Each case included gets a "registerutdrag" event, and the export a security event
(``registerutdrag.exported``) with the number masked.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from wagtail.admin.utils import get_user_display_name

from contactcentre import access, identity_numbers
from contactcentre.models import Case, CaseEvent
from core import security_log

MESSAGE_KINDS = {CaseEvent.REPLY, CaseEvent.CITIZEN_MESSAGE}


@dataclass
class Extract:
    filename: str
    content: bytes
    cases: list[Case]
    not_included: int


def _when(value):
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def _name(value):
    return str(value) if value is not None else None


def _event(event: CaseEvent) -> dict:
    return {
        "at": _when(event.created_at),
        "kind": event.kind,
        "label": str(event.get_kind_display()),
        "by": get_user_display_name(event.actor) if event.actor else None,
        "text": event.text,
        "shown_to_citizen": event.public,
        "direction": str(event.get_direction_display()),
    }


def case_record(case: Case) -> dict:
    """One case as the extract gives it."""
    events = list(case.events.select_related("actor"))
    return {
        "reference": case.reference,
        "registry_number": case.registry_number,
        "title": case.form_snapshot.get("title") or case.title,
        "e_service": case.eservice,
        "channel": str(case.get_channel_display()),
        "language": case.language,
        "service_area": _name(case.service_area),
        "department": _name(case.department),
        "committee": _name(case.committee),
        "status": str(case.get_status_display()),
        "received_at": _when(case.received_at),
        "resolved_at": _when(case.resolved_at),
        "keep_until": case.retain_until.isoformat() if case.retain_until else None,
        "identity_verified": case.identity_verified,
        "protected_identity": case.protected_identity,
        "contact": {"name": case.contact_name, "email": case.contact_email, "phone": case.contact_phone},
        "answers": [
            {
                "step": step.get("title") or step.get("name", ""),
                "fields": [
                    {
                        "question": field.get("label") or field.get("name", ""),
                        "answer": field.get("display", ""),
                    }
                    for field in step.get("fields", [])
                ],
            }
            for step in case.form_snapshot.get("steps", [])
        ],
        "answers_as_sent": case.answers,
        "attachments": [
            {
                "name": attachment.original_name,
                "type": attachment.content_type,
                "size": attachment.size,
                "received_at": _when(attachment.created_at),
            }
            for attachment in case.attachments.all()
        ],
        "messages": [_event(event) for event in events if event.kind in MESSAGE_KINDS],
        "events": [_event(event) for event in events],
        "secrecy_markings": [
            {"part": marking.target, "legal_basis": marking.legal_basis}
            for marking in case.secrecy_markings.all()
        ],
    }


def export(request, digits: str) -> Extract:
    """The extract for the person with the 12-digit number ``digits``, recorded on each case and logged."""
    user = request.user
    everything = identity_numbers.cases_of(digits, Case.objects.all())
    cases = list(
        access.visible_cases(user, everything)
        .select_related("service_area", "department", "committee")
        .order_by("received_at", "pk")
    )
    not_included = everything.count() - len(cases)
    now = timezone.localtime()
    summary = {
        "registerutdrag": "GDPR art. 15",
        "personnummer": identity_numbers.formatted(digits),
        "exported_at": now.isoformat(timespec="seconds"),
        "exported_by": get_user_display_name(user),
        "cases": [
            {
                "reference": case.reference,
                "title": case.form_snapshot.get("title") or case.title,
                "received_at": _when(case.received_at),
                "department": _name(case.department),
                "file": f"{case.reference}.json",
            }
            for case in cases
        ],
        "cases_not_included": not_included,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("sammanfattning.json", _json(summary))
        for case in cases:
            archive.writestr(f"{case.reference}.json", _json(case_record(case)))
    with transaction.atomic():
        CaseEvent.objects.bulk_create(
            [
                CaseEvent(
                    case=case,
                    kind=CaseEvent.REGISTERUTDRAG,
                    actor=user,
                    direction=CaseEvent.WORKING,
                    data={"cases": len(cases)},
                )
                for case in cases
            ]
        )
    security_log.event(
        "registerutdrag.exported",
        request,
        personnummer=identity_numbers.masked(digits),
        cases=[case.reference for case in cases],
        not_included=not_included,
    )
    return Extract(f"registerutdrag-{now:%Y%m%d-%H%M}.zip", buffer.getvalue(), cases, not_included)


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)
