"""Security events: one structured (JSON) line each on the ``kommunportal.security`` logger.

Who, what, when and from where, for the events an incident review asks about: staff
logins and failed logins, lockouts, second-factor enrolment, denied access, rate-limit
hits, registerutdrag, personnummer views and retention runs. Personal data never goes in
clear: free text passes through ``core.masking.mask`` and the client's address is kept
as the rate limits keep it (a keyed hash), so the log itself needs no gallring.

    security_log.event("login.failed", request, username="anna")
"""

from __future__ import annotations

import json
import logging

from django.utils import timezone

from core.masking import mask
from core.ratelimit import client_key

logger = logging.getLogger("kommunportal.security")

# Fields whose value is a name or id that an investigator needs as typed (never a free text).
UNMASKED_FIELDS = frozenset({"event", "at", "user", "user_id", "client", "path", "method", "case", "scope"})


def _who(request, user):
    user = user if user is not None else getattr(request, "user", None)
    if user is not None and getattr(user, "is_authenticated", False):
        return user.get_username(), user.pk
    return None, None


def describe(kind: str, request=None, user=None, **fields) -> dict:
    """The event as a dict: what ``event`` writes, for tests and for other sinks."""
    username, user_id = _who(request, user)
    record = {"event": kind, "at": timezone.now().isoformat(timespec="seconds")}
    if username is not None:
        record.update(user=username, user_id=user_id)
    if request is not None:
        client = client_key(request, "security").split(":", 1)[1]
        record.update(client=client, method=request.method, path=mask(request.path))
    for name, value in fields.items():
        if value is None:
            continue
        if name not in UNMASKED_FIELDS and isinstance(value, str):
            value = mask(value)
        record[name] = value
    return record


def event(kind: str, request=None, user=None, level: int = logging.INFO, **fields) -> dict:
    """Log one security event; returns what was logged."""
    record = describe(kind, request, user, **fields)
    logger.log(level, json.dumps(record, ensure_ascii=False, default=str), extra={"security_event": record})
    return record
