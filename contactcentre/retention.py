"""Gallring: remove cases whose e-service's retention period has run out."""

import logging

from django.db import transaction
from django.utils import timezone

from contactcentre.models import Case, CaseAttachment

logger = logging.getLogger(__name__)


def remove_expired_cases(today=None) -> int:
    """Delete cases kept until a date that has passed, with their files. Returns how many."""
    today = today or timezone.localdate()
    expired = Case.objects.filter(retain_until__lt=today)
    count = 0
    for case in expired.iterator():
        files = [a.file.name for a in CaseAttachment.objects.filter(case=case)]
        with transaction.atomic():
            case.delete()
        for name in files:
            CaseAttachment.file.field.storage.delete(name)
        count += 1
        logger.info("Removed case %s under its retention rule", case.reference)
    return count
