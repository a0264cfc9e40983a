"""Background work for cases; each e-mail task retries itself (``core.retries``)."""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_noop

from django_tasks import task

from contactcentre import service_levels
from contactcentre.models import Case, CaseEvent
from contactcentre.tokens import status_code
from core.retries import retry_later
from pages.base_url import absolute_url

logger = logging.getLogger(__name__)
RECEIPT_FAILED = gettext_noop("The receipt e-mail could not be sent.")
REPLY_FAILED = gettext_noop("The reply e-mail could not be sent.")


def _in_working_language(message: str) -> str:
    """Staff read the attention reason in the queue, in the municipality's working language."""
    with translation.override(settings.LANGUAGE_CODE):
        return translation.gettext(message)


def status_url(case: Case) -> str:
    with translation.override(case.language):
        path = reverse("case_status", kwargs={"reference": case.reference, "token": case.status_token()})
    return absolute_url(path)


def lookup_url(case: Case) -> str:
    """The look-up form, where the reference and the status code open the case."""
    with translation.override(case.language):
        path = reverse("case_lookup")
    return absolute_url(path)


@task()
def send_reply_email(event_id: int, attempt: int = 1) -> str:
    """Tell the citizen a reply is waiting; the reply itself is read on the status page."""

    event = CaseEvent.objects.select_related("case").get(pk=event_id)
    case = event.case
    if not case.contact_email or case.protected_identity:
        return "not sent"
    with translation.override(case.language):
        # A confidential case's reply is read behind the link, never sent in the e-mail itself.
        context = {"case": case, "event": event, "status_url": status_url(case)}
        subject = render_to_string("contactcentre/email/reply_subject.txt", context).strip()
        body = render_to_string("contactcentre/email/reply.txt", context)
    try:
        EmailMessage(subject, body, to=[case.contact_email]).send()
    except Exception as error:
        logger.warning("Reply e-mail for %s failed (attempt %s): %s", case.reference, attempt, error)
        if retry_later(send_reply_email, event_id, attempt):
            return "retry"
        Case.objects.filter(pk=case.pk).update(
            needs_attention=True, attention_reason=_in_working_language(REPLY_FAILED)
        )
        return "gave up"
    CaseEvent.objects.create(
        case=case, kind=CaseEvent.EMAIL_SENT, data={"template": "reply", "event": event_id}
    )
    return "sent"


def receipt_message_id(case: Case) -> str:
    """The same Message-ID on every attempt, so a mail client can tell a repeat for what it is."""
    domain = urlsplit(settings.SITE_BASE_URL).hostname or "localhost"
    return f"<receipt.{case.reference}@{domain}>"


@task()
def send_receipt_email(case_id: int, attempt: int = 1) -> str:
    """Send the receipt once: the EMAIL_SENT event is the mark, written right after the server took it.

    Send, then mark: a worker killed before the server's "250 OK" leaves no mark, and the task,
    run again (``requeue_stale_tasks``), sends the one receipt. Mark, then send, would lose it
    instead. Only a crash in the moment between the server's answer and the mark's commit gives
    a second copy, with the same Message-ID; a missing receipt would be worse than that.
    """
    case = Case.objects.get(pk=case_id)
    if not case.contact_email:
        return "no address"
    if case.events.filter(kind=CaseEvent.EMAIL_SENT, data__template="receipt").exists():
        return "already sent"
    with translation.override(case.language):
        context = {
            "case": case,
            "status_url": status_url(case),
            # What the look-up form asks for, as the receipt page shows them.
            "lookup_url": lookup_url(case),
            "status_code": status_code(case),
            "snapshot": case.form_snapshot,
        }
        subject = render_to_string("contactcentre/email/receipt_subject.txt", context).strip()
        body = render_to_string("contactcentre/email/receipt.txt", context)
    message = EmailMessage(
        subject, body, to=[case.contact_email], headers={"Message-ID": receipt_message_id(case)}
    )
    try:
        message.send()
    except Exception as error:
        return _failed(case, attempt, error)
    CaseEvent.objects.create(case=case, kind=CaseEvent.EMAIL_SENT, data={"template": "receipt"})
    return "sent"


def _failed(case: Case, attempt: int, error: Exception) -> str:
    logger.warning("Receipt e-mail for %s failed (attempt %s): %s", case.reference, attempt, error)
    with transaction.atomic():
        if retry_later(send_receipt_email, case.pk, attempt):
            return "retry"
        Case.objects.filter(pk=case.pk).update(
            needs_attention=True, attention_reason=_in_working_language(RECEIPT_FAILED)
        )
        CaseEvent.objects.create(
            case=case, kind=CaseEvent.EMAIL_FAILED, data={"attempts": attempt, "error": str(error)[:200]}
        )
    return "gave up"


@task()
def recompute_open_due_dates(area_translation_key: str = "") -> int:
    """After a service level or the contact centre's opening hours change: the open cases' due dates.

    Finished cases keep the dates they were measured against.
    """

    cases = Case.objects.filter(service_levels.open_q())
    if area_translation_key:
        cases = cases.filter(service_area__translation_key=area_translation_key)
    return service_levels.recompute_due_dates(cases)
