"""Turning an e-service's valid step forms into a case: shared by the wizard and the API.

Whatever the channel, the case gets the same answers, snapshot, title, contact details,
routing and retention, built here and opened through ``contactcentre.services.open_case``.
"""

from __future__ import annotations

import uuid

from django.conf import settings

from contactcentre.services import NewCase, open_case
from eservices import answers as answer_tools
from eservices.identity import identity_verified
from pages.models import Department, ServiceArea


def resolve_service_area(eservice, digit: int | None = None):
    """The service area (in the working language) whose phone-menu digit the e-service names.

    ``digit``: the area the citizen chose instead, for an e-service routed by area.
    """

    return (
        ServiceArea.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, menu_digit=digit or eservice.service_area_digit
        )
        .select_related("default_department")
        .first()
    )


def resolve_department(eservice):
    """The department the e-service names, or None for the service area's default department."""

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
    request=None,
) -> NewCase:
    """The NewCase for the valid forms of the steps that applied, in step order.

    ``describe()`` may return ``service_area_digit``: an e-service routed by area (Synpunkter
    och klagomål) lets the citizen choose the area, and the case goes to that area and its
    default department. It may return ``identity_number``: the case is identity-verified only
    if the citizen signed in with e-ID as that person (eservices/identity.py; not yet built).
    """
    answers, snapshot, attachments = answer_tools.collect(eservice, forms_by_step)
    details = eservice.describe({name: form.cleaned_data for name, form in forms_by_step.items()})
    service_area = service_area if service_area is not None else resolve_service_area(eservice)
    department = department if department is not None else resolve_department(eservice)
    chosen_digit = details.get("service_area_digit")
    if chosen_digit and chosen_digit != eservice.service_area_digit:
        service_area = resolve_service_area(eservice, chosen_digit)
        department = None  # open_case takes the chosen area's default department
    return NewCase(
        title=details.get("title") or str(eservice.title),
        eservice=eservice.slug,
        **eservice.case_facts(answers),
        answers=answers,
        form_snapshot=snapshot,
        channel=channel,
        language=language or settings.LANGUAGE_CODE,
        service_area=service_area,
        department=department,
        contact_name=details.get("name", ""),
        contact_email=details.get("email", ""),
        contact_phone=details.get("phone", ""),
        identity_verified=identity_verified(request, details.get("identity_number", "")),
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
