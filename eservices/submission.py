"""Turning an e-service's valid step forms into a case: shared by the wizard and the API.

Whatever the channel, the case gets the same answers, snapshot, title, contact details,
routing and retention, built here and opened through ``contactcentre.services.open_case``.
"""

from __future__ import annotations

import uuid

from django.conf import settings

from contactcentre.services import NewCase, open_case
from eservices import answers as answer_tools


def resolve_service_area(eservice):
    """The service area (in the working language) whose phone-menu digit the e-service names."""
    from pages.models import ServiceArea

    return (
        ServiceArea.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, menu_digit=eservice.service_area_digit
        )
        .select_related("default_department")
        .first()
    )


def resolve_department(eservice):
    """The department the e-service names, or None for the service area's default department."""
    from pages.models import Department

    if eservice.department:
        return Department.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, name=eservice.department
        ).first()
    return None


def build_new_case(
    eservice,
    forms_by_step: dict,
    *,
    channel: str,
    language: str,
    run_id: uuid.UUID | None = None,
    service_area=None,
    department=None,
    opened_by=None,
    visitor_consent: bool = False,
) -> NewCase:
    """The NewCase for the valid forms of the steps that applied, in step order."""
    answers, snapshot, attachments = answer_tools.collect(eservice, forms_by_step)
    details = eservice.describe({name: form.cleaned_data for name, form in forms_by_step.items()})
    return NewCase(
        title=details.get("title") or str(eservice.title),
        eservice=eservice.slug,
        answers=answers,
        form_snapshot=snapshot,
        channel=channel,
        language=language or settings.LANGUAGE_CODE,
        service_area=service_area if service_area is not None else resolve_service_area(eservice),
        department=department if department is not None else resolve_department(eservice),
        contact_name=details.get("name", ""),
        contact_email=details.get("email", ""),
        contact_phone=details.get("phone", ""),
        run_id=run_id,
        opened_by=opened_by,
        visitor_consent=visitor_consent,
        retain_for_days=eservice.retention_days,
        attachments=attachments,
    )


def submit(eservice, forms_by_step: dict, *, channel: str, language: str, run_id=None, **kwargs):
    """Open the case for a finished e-service: ``(case, created)``, as ``open_case`` returns."""
    return open_case(
        build_new_case(eservice, forms_by_step, channel=channel, language=language, run_id=run_id, **kwargs)
    )
