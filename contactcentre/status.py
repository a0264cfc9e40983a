"""What a citizen may see of their case: its status and the public replies."""

from django.http import Http404

from contactcentre.models import Case, CaseEvent
from contactcentre.tokens import check_status_token


def case_for_citizen(reference: str, token: str) -> Case:
    """The case, or Http404 alike for an unknown reference and a wrong token."""
    case = Case.objects.filter(reference=reference.strip().upper()).first()
    if case is None or not check_status_token(case, token.strip()):
        raise Http404
    return case


def public_events(case: Case):
    return case.events.filter(public=True).exclude(kind=CaseEvent.VIEWED)
