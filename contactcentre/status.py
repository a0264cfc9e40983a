"""What a citizen may see of their case: its status and the public replies.

The status link (reference and token in the path) is a capability that reaches the access
logs of every proxy it passes. It is therefore used once per click: ``grant`` exchanges it
for a short session bound to that case, and the status page itself lives at an address
without the token (``granted_case`` reads the session).
"""

import time

from django.conf import settings
from django.http import Http404

from contactcentre.models import Case, CaseEvent
from contactcentre.tokens import check_status_token

SESSION_KEY = "case_status_grants"


def grant_seconds() -> int:
    # Kept short (30 minutes): a shared computer at a library should not keep a case open for long.
    return settings.CASE_STATUS_SESSION_SECONDS


def case_for_citizen(reference: str, token: str) -> Case:
    """The case, or Http404 alike for an unknown reference and a wrong token."""
    case = Case.objects.filter(reference=reference.strip().upper()).first()
    if case is None or not check_status_token(case, token.strip()):
        raise Http404
    return case


def _live_grants(session, now: float) -> dict:
    return {ref: g for ref, g in session.get(SESSION_KEY, {}).items() if g.get("until", 0) > now}


def grant(request, case: Case) -> None:
    """Let this browser session see ``case`` (and only it, by its reference) for a while.

    A new session key each time, so a key fixed by someone else before never carries a grant.
    Other cases' grants in the same session stay: two status links in two tabs both work.
    """
    now = time.time()
    grants = _live_grants(request.session, now)
    request.session.cycle_key()
    grants[case.reference] = {"case": case.pk, "until": now + grant_seconds()}
    request.session[SESSION_KEY] = grants


def granted_case(request, reference: str) -> Case | None:
    """The case this session was granted under ``reference``, or None; each use extends the grant."""
    now = time.time()
    grants = _live_grants(request.session, now)
    entry = grants.get(reference)
    case = Case.objects.filter(pk=entry["case"], reference=reference).first() if entry else None
    if case is None:
        grants.pop(reference, None)
    else:
        entry["until"] = now + grant_seconds()
    if grants != request.session.get(SESSION_KEY, {}) or case is not None:
        request.session[SESSION_KEY] = grants
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
