"""Counting site searches that found nothing, without keeping personal data.

A citizen may type a personnummer, a phone number, a case reference or an e-mail address
into the search box. Those are masked before anything is stored (``core.masking``), and a query left
with nothing but masks is not stored at all. Recording is best effort: the search page
must answer even when the count cannot be written.
"""

import datetime as dt
import logging
from typing import NamedTuple

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from core.masking import mask
from pages.models.search_log import KEEP_DAYS, SearchMiss

logger = logging.getLogger(__name__)

MAX_LENGTH = SearchMiss._meta.get_field("query").max_length


class Miss(NamedTuple):
    query: str
    language: str
    hits: int


def normalise(query: str) -> str:
    """The query as stored: lower case, single spaces, masked, at most 100 characters.

    Empty when nothing but masks (or punctuation) is left: such a query is not worth keeping.
    """
    text = mask(" ".join(query.lower().split()))
    text = " ".join(text.split())[:MAX_LENGTH].strip()
    if not any(character.isalnum() for character in text):
        return ""
    return text


def record_miss(query: str, language: str) -> None:
    """Count one search for ``query`` that found nothing today. Never raises."""
    try:
        text = normalise(query)
        if not text:
            return
        with transaction.atomic():  # a failure rolls back only this, not the caller's work
            _increment(timezone.localdate(), language[:10], text)
    except Exception:
        # The query itself is left out of the log: it may hold what the masks missed.
        logger.exception("Could not record a search without results")


def _increment(day: dt.date, language: str, query: str) -> None:
    misses = SearchMiss.objects.filter(day=day, language=language, query=query)
    if misses.update(hits=F("hits") + 1):
        return
    try:
        with transaction.atomic():
            SearchMiss.objects.create(day=day, language=language, query=query, hits=1)
    except IntegrityError:
        # Another request created today's row between our update and create.
        misses.update(hits=F("hits") + 1)


def top_misses(start_date: dt.date, end_date: dt.date, limit: int = 50) -> list[Miss]:
    """The queries that found nothing most often from ``start_date`` to ``end_date``, inclusive."""
    rows = (
        SearchMiss.objects.filter(day__gte=start_date, day__lte=end_date)
        .values("query", "language")
        .annotate(total=Sum("hits"))
        .order_by("-total", "query", "language")[:limit]
    )
    return [Miss(row["query"], row["language"], row["total"]) for row in rows]


def prune(today: dt.date | None = None) -> int:
    """Delete the days older than ``KEEP_DAYS``; returns how many rows went."""
    cutoff = (today or timezone.localdate()) - dt.timedelta(days=KEEP_DAYS)
    deleted, _by_model = SearchMiss.objects.filter(day__lt=cutoff).delete()
    return deleted
