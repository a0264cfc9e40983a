"""Load: 200 submissions sent at once through the API become 200 cases with unique references.

Threads, each with its own client and database connection, against the committed database
(a transactional test). Run on PostgreSQL as CI does (``DATABASE_URL=postgresql://…``); on
SQLite, which writes one transaction at a time, with a smaller count.
"""

import random
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

from django.db import connection, connections
from django.test import Client

import pytest

from contactcentre.models import Case
from contactcentre.models.cases import Channel
from eservices.models import EServicePage
from tests.api.conftest import submit
from tests.api.test_submissions import FRAGA
from tests.factories import build_minimal_site

SUBMISSIONS = 200
ON_SQLITE = 20
REPLAYS = 50  # of the same submissions, with the same Idempotency-Key, sent among them
THREADS = 16


@pytest.mark.reads_minimal_site
@pytest.mark.django_db(transaction=True)
def test_submissions_sent_at_once_get_one_case_each_with_unique_references(settings):
    if not EServicePage.objects.exists():
        build_minimal_site()  # an earlier transactional test emptied the database
    # One client address sends them all: the limit per client is lifted for this test.
    limits = settings.RATE_LIMITS
    settings.RATE_LIMITS = {scope: (10**9, window) for scope, (_limit, window) in limits.items()}
    count = SUBMISSIONS if connection.vendor == "postgresql" else ON_SQLITE
    replays = REPLAYS * count // SUBMISSIONS
    keys = [str(uuid.uuid4()) for _ in range(count)]
    sends = list(range(count)) + list(range(replays))
    random.Random(13).shuffle(sends)

    def send(n):
        try:
            body = {**FRAGA, "fraga": {**FRAGA["fraga"], "subject": f"Fråga nummer {n}"}}
            response = submit(Client(), "fraga-kontaktcenter", body, HTTP_IDEMPOTENCY_KEY=keys[n])
            return n, response.status_code, response.json().get("reference")
        finally:
            connections.close_all()  # this thread's own connection

    # Cases another transactional test of this worker committed are not this test's.
    before = set(Case.objects.values_list("pk", flat=True))
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(send, sends))
    elapsed = time.monotonic() - started
    print(f"\n{len(sends)} submissions ({replays} replays) in {elapsed:.1f} s on {connection.vendor}")  # noqa: T201

    assert sorted(status for _n, status, _ref in results) == [200] * replays + [201] * count
    references = {}
    for n, _status, reference in results:
        assert references.setdefault(n, reference) == reference  # a replay got the first one's case
    cases = Case.objects.filter(channel=Channel.API).exclude(pk__in=before)
    assert cases.count() == count
    assert len(set(cases.values_list("reference", flat=True))) == count
    assert set(cases.values_list("reference", flat=True)) == set(references.values())
