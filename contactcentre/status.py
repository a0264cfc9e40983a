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


def files_sent_by_citizen(case: Case) -> dict[int, list[str]]:
    """The names of the files the citizen sent with each of their messages, by event id.

    Only names: the files themselves stay in private storage for staff.
    """
    names: dict[int, list[str]] = {}
    for field, name in case.attachments.filter(field__startswith="message:").values_list(
        "field", "original_name"
    ):
        event_id = field.partition(":")[2]
        if event_id.isdigit():
            names.setdefault(int(event_id), []).append(name)
    return names
