"""Who looked at a case's personal data, and when: the "viewed" entries of its timeline,
and every personnummer shown in clear (also a security event, ``personal_data.viewed``)."""

import datetime as dt

from django.utils import timezone

from contactcentre.models import Case, CaseEvent
from core import security_log

# One entry per person and case in this window: enough to answer "who saw it, when",
# without a page reload or an action's redirect filling the timeline.
VIEW_LOG_INTERVAL = dt.timedelta(minutes=15)


def record_view(user, case: Case) -> bool:
    """Log that ``user`` opened ``case``, unless they already did in the last 15 minutes.

    Returns whether an entry was written.
    """
    since = timezone.now() - VIEW_LOG_INTERVAL
    if CaseEvent.objects.filter(case=case, kind=CaseEvent.VIEWED, actor=user, created_at__gte=since).exists():
        return False
    CaseEvent.objects.create(case=case, kind=CaseEvent.VIEWED, actor=user, direction=CaseEvent.WORKING)
    return True


def record_identity_shown(request, case: Case) -> CaseEvent:
    """Record that the user saw the case's personnummer in clear: on the case and as a security event."""
    event = CaseEvent.objects.create(
        case=case, kind=CaseEvent.IDENTITY_SHOWN, actor=request.user, direction=CaseEvent.WORKING
    )
    security_log.event("personal_data.viewed", request, case=case.reference, what="identity_number")
    return event
