"""API: a case's status and public replies, for the citizen who holds its reference and token."""

import datetime as dt

from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from ninja import Header, Router, Schema

from contactcentre.status import case_for_citizen, public_events
from core import ratelimit
from core.api import ErrorOut

router = Router(tags=["cases"])


class EventOut(Schema):
    kind: str
    label: str
    at: dt.datetime
    text: str


class CaseStatusOut(Schema):
    reference: str
    received_at: dt.datetime
    status: str
    status_label: str
    title: str
    handling_time: str
    events: list[EventOut]


@router.get(
    "/cases/{reference}",
    response={200: CaseStatusOut, 404: ErrorOut, 429: ErrorOut},
    summary="A case's status and public replies",
    description=(
        "The reference and the token are on the citizen's receipt. The token goes in the "
        "`X-Status-Token` header, never in the address, so it stays out of access logs; a token in the "
        "query string is not read. An unknown reference and a wrong or missing token get the same 404. "
        "Attempts are limited per client address (429 with Retry-After)."
    ),
)
def case_status(
    request,
    response: HttpResponse,
    reference: str,
    token: str = Header("", alias="X-Status-Token", description="The status code from the receipt."),
):
    ratelimit.check(request, "case-status")
    case = case_for_citizen(reference, token)
    add_never_cache_headers(response)
    return {
        "reference": case.reference,
        "received_at": timezone.localtime(case.received_at),
        "status": case.status,
        "status_label": str(case.get_status_display()),
        # As on the status page: the e-service's title, not the citizen's own words.
        "title": case.form_snapshot.get("title") or case.title,
        "handling_time": case.form_snapshot.get("handling_time", ""),
        "events": [
            {
                "kind": event.kind,
                "label": str(event.get_kind_display()),
                "at": timezone.localtime(event.created_at),
                "text": event.text,
            }
            for event in public_events(case)
        ],
    }
