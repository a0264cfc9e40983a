"""core.ratelimit: fixed windows in the database by default, in the cache with Redis."""

import datetime as dt
import threading

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory, override_settings
from django.utils import timezone

import pytest

from core import ratelimit
from core.models import RateLimitBucket
from portal.management.commands.run_periodic_jobs import JOBS

NOW = 1_800_000_000  # a window boundary for windows of 100 seconds


@pytest.mark.django_db
def test_the_database_counts_attempts_per_key_and_window():
    assert [ratelimit.hit("k", 3, 100, now=NOW + n) for n in range(3)] == [(True, 0)] * 3
    assert ratelimit.hit("k", 3, 100, now=NOW + 40) == (False, 60)
    assert ratelimit.hit("k", 3, 100, now=NOW + 99.5) == (False, 1)
    assert ratelimit.hit("other", 3, 100, now=NOW + 50) == (True, 0)
    # A new window starts afresh.
    assert ratelimit.hit("k", 3, 100, now=NOW + 100) == (True, 0)
    counts = dict(RateLimitBucket.objects.filter(key="k").values_list("window_start", "count"))
    start = dt.datetime.fromtimestamp(NOW, tz=dt.UTC)
    assert counts == {start: 5, start + dt.timedelta(seconds=100): 1}


@pytest.mark.django_db
def test_ended_windows_are_pruned_by_a_periodic_job():
    now = timezone.now().timestamp()
    ratelimit.hit("old", 5, 60, now=now - 3600)
    ratelimit.hit("current", 5, 600, now=now)
    call_command("prune_rate_limits", verbosity=0)
    assert list(RateLimitBucket.objects.values_list("key", flat=True)) == ["current"]
    assert ("prune_rate_limits", {}) in JOBS


@pytest.mark.django_db
@override_settings(CACHE_URL="redis://127.0.0.1:6379/1")
def test_with_a_cache_url_the_cache_counts_and_the_database_is_untouched():
    cache.clear()
    assert [ratelimit.hit("k", 2, 100, now=NOW + n)[0] for n in range(3)] == [True, True, False]
    assert ratelimit.hit("k", 2, 100, now=NOW + 100) == (True, 0)
    assert not RateLimitBucket.objects.exists()


def test_client_keys_hash_the_address_and_trust_only_configured_proxies(settings):
    factory = RequestFactory()
    plain = factory.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.1")
    key = ratelimit.client_key(plain, "case-status")
    assert key.startswith("case-status:") and "203.0.113.9" not in key
    assert ratelimit.client_ip(plain) == "203.0.113.9"  # no trusted proxy: the header is ignored
    settings.TRUSTED_PROXY_COUNT = 1
    proxied = factory.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.1")
    assert ratelimit.client_ip(proxied) == "198.51.100.1"
    settings.TRUSTED_PROXY_COUNT = 0
    # An IPv6 client counts by its /64, which one household usually has.
    first = factory.get("/", REMOTE_ADDR="2001:db8:1:2::10")
    second = factory.get("/", REMOTE_ADDR="2001:db8:1:2:ffff::1")
    elsewhere = factory.get("/", REMOTE_ADDR="2001:db8:1:3::10")
    assert ratelimit.client_key(first, "s") == ratelimit.client_key(second, "s")
    assert ratelimit.client_key(first, "s") != ratelimit.client_key(elsewhere, "s")


@pytest.mark.django_db(transaction=True)
def test_parallel_attempts_are_all_counted():
    if connection.vendor == "sqlite":
        assert "memory" not in str(connection.settings_dict["NAME"]), "the test database must be a file"
    results, errors = [], []

    def attempts():
        try:
            for _ in range(5):
                results.append(ratelimit.hit("parallel", 25, 3600, now=NOW))
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempts) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(allowed for allowed, _retry in results) == 25
    assert RateLimitBucket.objects.get(key="parallel").count == 40
