"""Rate limits: ``hit(key, limit, window_seconds) -> (allowed, retry_after)``.

Fixed windows of ``window_seconds``. Two backends, chosen by the settings:

- the database (the default, no Redis needed): one ``RateLimitBucket`` row per key and
  window, counted with ``UPDATE … SET count = count + 1`` inside a transaction, so it
  is atomic across processes on SQLite and PostgreSQL; ``prune_rate_limits`` (one of the
  periodic jobs) deletes the rows of windows that have ended;
- the cache, when ``CACHE_URL`` (Redis) is set: ``cache.add`` then ``cache.incr``, which
  Redis does atomically; the keys expire by themselves.

Keys never hold a client's address in clear: ``client_key`` hashes it with the secret key;
a limit per recipient (``check(request, scope, value=address)``) keeps the address as a keyed
hash too. The first refusal of a window is logged as the security event ``ratelimit.hit``.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from core.models import RateLimitBucket

CACHE_PREFIX = "ratelimit"


class RateLimited(Exception):
    """Raised by ``check``; the API answers it with 429 and ``Retry-After``."""

    def __init__(self, retry_after: int):
        super().__init__(retry_after)
        self.retry_after = retry_after


def hit(key: str, limit: int, window_seconds: int, now: float | None = None) -> tuple[bool, int]:
    """Count one attempt for ``key``: ``(allowed, seconds until the window ends if not)``."""
    count, retry_after = _count(key, window_seconds, now)
    if count <= limit:
        return True, 0
    return False, retry_after


def _count(key: str, window_seconds: int, now: float | None = None) -> tuple[int, int]:
    """(attempts in the current window, this one included; seconds until the window ends)."""
    now = time.time() if now is None else now
    window_start = int(now // window_seconds) * window_seconds
    if settings.CACHE_URL:
        count = _hit_cache(key, window_start, window_seconds)
    else:
        count = _hit_database(key, window_start, window_seconds)
    return count, max(1, math.ceil(window_start + window_seconds - now))


def _hit_database(key: str, window_start: int, window_seconds: int) -> int:
    start = dt.datetime.fromtimestamp(window_start, tz=dt.UTC)
    bucket = RateLimitBucket.objects.filter(key=key, window_start=start)
    with transaction.atomic():
        # The UPDATE locks the row until commit, so the count read after it is ours.
        if not bucket.update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    RateLimitBucket.objects.create(
                        key=key,
                        window_start=start,
                        expires_at=start + dt.timedelta(seconds=window_seconds),
                        count=1,
                    )
                return 1
            except IntegrityError:
                # Another process created the window's row a moment earlier.
                bucket.update(count=F("count") + 1)
        return bucket.values_list("count", flat=True).get()


def _hit_cache(key: str, window_start: int, window_seconds: int) -> int:
    cache_key = f"{CACHE_PREFIX}:{key}:{window_start}"
    # Kept past the window's end, so an incr never meets a key that just expired.
    timeout = 2 * window_seconds
    if cache.add(cache_key, 1, timeout=timeout):
        return 1
    try:
        return cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=timeout)
        return 1


def prune(now: dt.datetime | None = None) -> int:
    """Delete the database buckets of windows that have ended; returns how many."""
    deleted, _by_model = RateLimitBucket.objects.filter(expires_at__lt=now or timezone.now()).delete()
    return deleted


# --- per client ----------------------------------------------------------------
def client_ip(request) -> str:
    """The client's address: ``REMOTE_ADDR``, or the address the trusted proxies saw.

    With ``TRUSTED_PROXY_COUNT`` = N proxies in front of the app, each appending to
    ``X-Forwarded-For``, the client is the N-th address from the right.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [part.strip() for part in request.headers.get("X-Forwarded-For", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_key(request, scope: str) -> str:
    """``scope`` and a keyed hash of the client's address (an IPv6 client counts by its /64)."""
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        pass
    else:
        if parsed.version == 6:
            address = str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    digest = salted_hmac("contactcentre.ratelimit", address, algorithm="sha256").hexdigest()[:32]
    return f"{scope}:{digest}"


def value_key(scope: str, value: str) -> str:
    """``scope`` and a keyed hash of ``value`` (an e-mail address, lower-cased): never the value."""
    digest = salted_hmac("core.ratelimit.value", value.strip().lower(), algorithm="sha256").hexdigest()[:32]
    return f"{scope}:{digest}"


def check(request, scope: str, value: str | None = None) -> None:
    """Count an attempt against ``settings.RATE_LIMITS[scope]``; raises RateLimited past the limit.

    Per client by default; with ``value`` (a recipient's address) per value, from any client.
    """
    limit, window_seconds = settings.RATE_LIMITS[scope]
    key = client_key(request, scope) if value is None else value_key(scope, value)
    count, retry_after = _count(key, window_seconds)
    if count <= limit:
        return
    if count == limit + 1:
        # Once per key and window: a flood must not flood the security log as well.
        from core import security_log  # security_log imports client_key from here: a cycle

        security_log.event("ratelimit.hit", request, scope=scope, per="recipient" if value else "client")
    raise RateLimited(retry_after)


def too_many_requests(request, error: RateLimited):
    """The site's 429 page (portal/templates/429.html) with ``Retry-After``, for web views."""
    minutes = max(1, math.ceil(error.retry_after / 60))
    response = TemplateResponse(request, "429.html", {"retry_minutes": minutes}, status=429)
    response["Retry-After"] = str(error.retry_after)
    return response
