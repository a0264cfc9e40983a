"""Flagging a page or FAQ from a case, and what the contact centre tells content review.

The flag is content review's (``pages.review``); the contact centre adds who may flag
(whoever may see the case), where the flag came from (the case's reference and its admin
link, as data: content knows nothing of cases) and, through the ``content_review_usage``
hook (registered in ``wagtail_hooks.py``), how often the FAQ answered cases and counted contacts.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef
from django.urls import reverse

from contactcentre import access
from contactcentre.models import Case, Tally
from pages import review


def flag_source(case) -> dict:
    """The flag's fields that say it came from ``case``."""
    return {"source": case.reference, "source_url": reverse("contactcentre_admin:detail", args=[case.pk])}


def flag_from_case(user, case, *, page=None, faq=None, reason, comment):
    """Only someone who may see the case flags from it: the flag names the case."""
    if not access.can_view(user, case):
        raise PermissionDenied
    return review.flag_content(user, page=page, faq=faq, reason=reason, comment=comment, **flag_source(case))


def flags_from_case(case):
    """The flags made from this case, for its page (one query)."""
    return review.flags_from(case.reference)


def faq_usage(ref: str, since: dt.datetime) -> dict:
    """Annotations: cases resolved with the FAQ and tallies that used it since ``since``."""
    return {
        "faq_cases": review.count_subquery(
            Case.objects.filter(resolved_faq=OuterRef(ref), resolved_at__gte=since), "resolved_faq"
        ),
        "faq_tallies": review.count_subquery(
            Tally.objects.filter(faq=OuterRef(ref), created_at__gte=since), "faq"
        ),
    }
