"""ETag and a short shared-cache lifetime for the content API's public answers.

The ETag is a hash of the body: a client or proxy asking again with ``If-None-Match`` gets a
304 without the body as long as nothing it shows changed. ``max-age`` is short
(``CONTENT_API_CACHE_SECONDS``, 60): there is no purge of what others keep. Answers marked
``private`` or ``no-store`` (previews) and errors are left alone. The API is never put in the
page cache (core/page_cache.py): that stores Wagtail pages only.
"""

import functools
import hashlib

from django.conf import settings
from django.http import HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.http import parse_etags

KEPT_ON_304 = ("ETag", "Cache-Control", "Vary", "Content-Language")


def max_age() -> int:
    return getattr(settings, "CONTENT_API_CACHE_SECONDS", 60)


def publicly_cached(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        cache_control = response.get("Cache-Control", "")
        if "private" in cache_control or "no-store" in cache_control:
            return response
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        response["ETag"] = etag
        patch_cache_control(response, public=True, max_age=max_age())
        if _matches(request.headers.get("If-None-Match", ""), etag):
            not_modified = HttpResponseNotModified()
            for header in KEPT_ON_304:
                if header in response:
                    not_modified[header] = response[header]
            return not_modified
        return response

    return wrapper


def _matches(if_none_match: str, etag: str) -> bool:
    # Weak comparison (RFC 9110 13.1.2): gzip turns our ETag into W/"…" on the way out.
    candidates = [tag.removeprefix("W/") for tag in parse_etags(if_none_match)]
    return "*" in candidates or etag in candidates
