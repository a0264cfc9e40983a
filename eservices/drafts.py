"""Save and continue later, without e-identification.

The citizen's answers so far are kept on the server as a draft; a resume link goes
to their e-mail. The link is single-use, expires, and its secret is derived (not
stored), like a case's status link. Expired drafts are deleted by
``delete_expired_drafts``.
"""

import datetime as dt
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from core.enqueue import enqueue
from eservices.draft_tokens import resume_token
from eservices.models import Draft
from eservices.tasks import send_resume_link

KEEP_DAYS = 30


def save_draft(*, page, eservice, run, storage_data: dict, email: str, language: str) -> Draft:

    with transaction.atomic():
        Draft.objects.filter(run_id=run).delete()  # saving again replaces the earlier draft
        draft = Draft.objects.create(
            page=page,
            eservice=eservice.slug,
            revision=eservice.revision,
            run_id=run,
            storage=storage_data,
            email=email,
            language=language,
            secret=secrets.token_hex(16),
            expires_at=timezone.now() + dt.timedelta(days=KEEP_DAYS),
        )
        enqueue(send_resume_link, draft.pk)
    return draft


def take_draft(draft_id: int, token: str) -> Draft | None:
    """The draft for a valid, unexpired link, removed so the link works once."""
    with transaction.atomic():
        draft = Draft.objects.select_for_update().filter(pk=draft_id, expires_at__gt=timezone.now()).first()
        if draft is None or not constant_time_compare(resume_token(draft), token):
            return None
        draft.delete()
    return draft


def delete_expired(now=None) -> int:
    count, _ = Draft.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return count


def referenced_upload_names() -> set[str]:
    """Temporary upload names that live drafts still need."""
    names = set()
    for storage in Draft.objects.filter(expires_at__gt=timezone.now()).values_list("storage", flat=True):
        for step_files in (storage.get("step_files") or {}).values():
            names.update(f["tmp_name"] for f in step_files.values())
    return names
