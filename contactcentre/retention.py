"""Gallring: remove cases whose e-service's retention period has run out.

Each run is a security event, ``retention.run``, with how many cases went per e-service:
counts and e-service names only, never a reference or anything about a person.
"""

import logging
from collections import Counter

from django.db import transaction
from django.utils import timezone

from contactcentre.models import Case, CaseAttachment
from core import security_log

logger = logging.getLogger(__name__)


def remove_expired_cases(today=None) -> int:
    """Delete cases kept until a date that has passed, with their files. Returns how many."""
    today = today or timezone.localdate()
    expired = Case.objects.filter(retain_until__lt=today)
    count = 0
    removed = Counter()
    for case in expired.iterator():
        files = [a.file.name for a in CaseAttachment.objects.filter(case=case)]
        with transaction.atomic():
            case.delete()
        for name in files:
            CaseAttachment.file.field.storage.delete(name)
        count += 1
        # Cases logged by staff have no e-service: counted under their channel.
        removed[case.eservice or f"({case.channel})"] += 1
        logger.info("Removed case %s under its retention rule", case.reference)
    # Nothing is anonymised yet: a case is kept whole or removed whole.
    security_log.event(
        "retention.run", removed=dict(sorted(removed.items())), removed_total=count, anonymised={}
    )
    return count
