"""The one way a case is opened, whatever the channel."""

import datetime as dt
import logging
import uuid
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from contactcentre import access, identity_numbers, service_levels
from contactcentre.models import Case, CaseAttachment, CaseEvent, ContactCentreSettings
from contactcentre.models.cases import Channel
from contactcentre.references import take_reference
from contactcentre.tasks import send_receipt_email
from core import security_log
from core.enqueue import enqueue
from core.uploads import download_name, name_disagrees, stored_name
from pages import chrome

logger = logging.getLogger(__name__)


@dataclass
class Attachment:
    """A file already checked by content (see core.uploads)."""

    name: str
    content_type: str
    content: bytes
    field: str = ""


@dataclass
class NewCase:
    title: str
    eservice: str = ""
    # Declared by the e-service (eservices.registry.case_facts): the case layer never looks it up.
    first_contact_possible: bool = True
    statistics_category: str = ""
    answers: dict = field(default_factory=dict)
    form_snapshot: dict = field(default_factory=dict)
    channel: str = Channel.WEB
    language: str = "sv"
    service_area: object = None
    department: object = None
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    identity_verified: bool = False
    run_id: uuid.UUID | None = None
    opened_by: object = None
    visitor_consent: bool = False
    retain_for_days: int | None = None
    attachments: list[Attachment] = field(default_factory=list)


def store_attachment(case: Case, attachment: Attachment, field: str | None = None) -> CaseAttachment:
    """Keep a checked file with its case, under a random name in private storage.

    The name on disk comes from the detected type (``CaseAttachment.file``'s ``upload_to``); the
    citizen's name is kept as display text only, sanitised and with the detected type's extension
    (core.uploads.download_name): ``poly.html`` that is a JPEG is shown and saved as ``poly.jpg``.
    """
    stored = CaseAttachment(
        case=case,
        original_name=download_name(attachment.name, attachment.content_type),
        content_type=attachment.content_type,
        size=len(attachment.content),
        field=attachment.field if field is None else field,
    )
    stored.file.save(stored_name(attachment.content_type), ContentFile(attachment.content), save=False)
    stored.save()
    claimed = name_disagrees(attachment.name, attachment.content_type)
    if claimed is not None:
        # A photo named .html or .svg is how a polyglot arrives: worth a look, harmless as stored.
        security_log.event(
            "upload.misnamed",
            case=case.reference,
            claimed_extension=claimed,
            detected_type=attachment.content_type,
            field=stored.field,
        )
    return stored


def open_case(new: NewCase) -> tuple[Case, bool]:
    """Write the case, its attachments, its first event and its receipt e-mail in one transaction.

    Returns ``(case, created)``. A run that already made a case gets that case back,
    so a double click, the back button or two tabs never make a second one.
    """
    if new.run_id:
        existing = Case.objects.filter(run_id=new.run_id).first()
        if existing:
            return existing, False
    try:
        with transaction.atomic():
            if new.run_id and Case.objects.filter(run_id=new.run_id).exists():
                return Case.objects.get(run_id=new.run_id), False
            case = _create(new)
    except IntegrityError:
        # Another request finished the same run a moment earlier and won the unique run_id.
        if new.run_id:
            existing = Case.objects.filter(run_id=new.run_id).first()
            if existing:
                return existing, False
        raise
    return case, True


def contact_centre_department():

    return ContactCentreSettings.load().department


def contact_centre_department_id():
    """The contact centre's department's id, kept per content generation (it is a setting)."""
    return chrome.cached("contact-centre-department", lambda: ContactCentreSettings.load().department_id)


def handled_by_contact_centre(opened_by, department) -> bool:
    """A kommunvägledare logged it, or it was routed to the contact centre's department."""

    if opened_by is not None and access.is_agent(opened_by):
        return True
    centre_id = contact_centre_department_id()
    return centre_id is not None and department is not None and department.pk == centre_id


def _create(new: NewCase) -> Case:

    received_at = timezone.now()
    area = new.service_area
    department = new.department or (area.default_department if area else None)
    case = Case(
        reference=take_reference(timezone.localtime(received_at).year),
        run_id=new.run_id,
        received_at=received_at,
        eservice=new.eservice,
        first_contact_possible=new.first_contact_possible,
        statistics_category=new.statistics_category[:40],
        title=new.title[:200],
        channel=new.channel,
        language=new.language,
        service_area=area,
        department=department,
        confidential=bool(area and area.confidential),
        committee_id=department.committee_id if department else None,
        answers=new.answers,
        form_snapshot=new.form_snapshot,
        contact_name=new.contact_name,
        contact_email=new.contact_email,
        contact_phone=new.contact_phone,
        identity_verified=new.identity_verified,
        opened_by=new.opened_by,
        handled_by_contact_centre=handled_by_contact_centre(new.opened_by, department),
        visitor_consent=new.visitor_consent,
        retain_until=(
            timezone.localdate(received_at) + dt.timedelta(days=new.retain_for_days)
            if new.retain_for_days
            else None
        ),
    )
    # Written with the case (one INSERT): a case never exists without its due dates.
    for name, value in service_levels.counted_times(case).items():
        setattr(case, name, value)
    case.save()
    # So a registerutdrag finds the case by the person's number without reading every case.
    identity_numbers.index_case(case, new=True)
    for attachment in new.attachments:
        store_attachment(case, attachment)
    CaseEvent.objects.create(
        case=case,
        kind=CaseEvent.CREATED,
        actor=new.opened_by,
        public=True,
        direction=CaseEvent.INCOMING,
        # For the registry: what arrived and how, never who or what they wrote.
        description=f"{new.form_snapshot.get('title') or new.eservice or 'Kontakt'} ({new.channel})"[:200],
        data={"channel": new.channel},
    )
    if case.contact_email:
        # With the database backend the task commits with the case; on Redis it waits for the commit.
        enqueue(send_receipt_email, case.pk)
    return case
