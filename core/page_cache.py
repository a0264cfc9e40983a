"""Whole public pages from a shared cache, for anonymous visitors, until content changes.

A municipality's portal has its peaks when a storm cuts the power or the preschool queue
opens: thousands of people read the same few pages. Wagtail 8 has no page cache of its own
(wagtail-cache does not support it), so this is one on Django's cache framework:

- **What is stored**: a Wagtail page's 200 answer to an anonymous ``GET``/``HEAD`` without a
  query string, in the cache alias ``pages`` (Redis when ``CACHE_URL`` is set, a folder shared
  by the server's processes otherwise). Only pages marked by ``mark_cacheable`` (Wagtail's
  ``before_serve_page`` hook; a restricted page never answers a cookieless visitor with a
  storable 200), and only when the answer
  sets no cookie, did not put a CSRF token in the page, and is not ``private``/``no-store``
  (every e-service route past the start page is ``never_cache``).
- **Who gets it**: a request without a session or a messages cookie. A signed-in editor, a
  citizen in the middle of an e-service or someone about to see "Thank you for your answer"
  always gets the page rendered for them.
- **How long**: ``PAGE_CACHE_SECONDS`` (300), never past the next local midnight (what the
  pages show by date: the officials register, special opening days), and never past the next
  change of an "open now" status a page shows (``expires_by``): the status is never wrong.
- **Until what**: any publish, unpublish, move or delete of a page, any change of a snippet,
  a setting, an image, a document, a site or a view restriction starts a new *generation*:
  every stored page is from then on unknown, on every server sharing the cache
  (``invalidate``). Whole-site, because a service page shows its area's menu, FAQ,
  blanketter and the footer's opening hours: no per-page bookkeeping to get wrong.

- **Where**: in the shared cache, and the pages a server process served lately also in that
  process (``PAGE_CACHE_LOCAL_SECONDS``, 1 s, and ``PAGE_CACHE_LOCAL_PAGES``, 500): for that
  long the process trusts the generation it last read and answers without a round trip, so an
  editor's change reaches the other servers' processes at most a second later (the process
  that made the change forgets at once). 0 turns it off (the test settings).

``wagtail.contrib.frontend_cache`` purges a CDN or proxy in front when configured
(docs/deploy.md); the ``Cache-Control`` given here lets such a cache keep a page a minute.
"""

import datetime as dt
import hashlib
import threading
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

from asgiref.local import Local

ALIAS = "pages"
GENERATION_KEY = "page-cache:generation"
# The answer's headers that are the page's own; the outer middleware adds security headers,
# CSP and the like to every answer, cached or not.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "X-Frame-Options", "Link")
# Cookies that make an answer someone's own: the session (staff, a citizen's e-service) and
# the one-off messages ("Thank you for your answer") kept in a cookie.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
SHARED_CACHE_SECONDS = 60


def cache():
    return caches[ALIAS]


def generation() -> str:
    """The token of the current content; stored pages of another token are never served."""
    current = cache().get(GENERATION_KEY)
    if current is None:
        current = uuid.uuid4().hex
        # add(): two servers starting at once agree on one token.
        if not cache().add(GENERATION_KEY, current, timeout=None):
            current = cache().get(GENERATION_KEY) or current
    return current


_request_memo = Local()

# This process's copy of the pages it served lately: key -> stored page (with its generation),
# and the generation last read from the shared cache with the monotonic time it was read.
_local_pages: OrderedDict = OrderedDict()
_local_generation = {"token": None, "read_at": 0.0}
_local_lock = threading.Lock()  # gunicorn's threads (GUNICORN_THREADS) share the copies


def _trusted_generation() -> str | None:
    """The generation this process read less than ``PAGE_CACHE_LOCAL_SECONDS`` ago, or None."""
    seconds = settings.PAGE_CACHE_LOCAL_SECONDS
    if seconds <= 0 or time.monotonic() - _local_generation["read_at"] >= seconds:
        return None
    return _local_generation["token"]


def _remember_generation(token: str) -> None:
    _local_generation["token"], _local_generation["read_at"] = token, time.monotonic()


def _keep_locally(key: str, stored: dict) -> None:
    if settings.PAGE_CACHE_LOCAL_SECONDS <= 0:
        return
    with _local_lock:
        _local_pages[key] = stored
        _local_pages.move_to_end(key)
        while len(_local_pages) > settings.PAGE_CACHE_LOCAL_PAGES:
            _local_pages.popitem(last=False)


def forget_local() -> None:
    """Forget this process's copies and the generation it trusts (a change made here)."""
    with _local_lock:
        _local_pages.clear()
    _local_generation["token"], _local_generation["read_at"] = None, 0.0


def current_generation() -> str:
    """``generation()``, read once per request: the site chrome asks for it a dozen times a page.

    Outside a request (a task worker, a management command) it is read at every asking: nothing
    there would forget it, and a worker would go on counting in last week's opening hours.
    """
    if not getattr(_request_memo, "in_request", False):
        return generation()
    token = getattr(_request_memo, "token", None)
    if token is None:
        token = _request_memo.token = generation()
    return token


def _forget_memo(**kwargs) -> None:
    _request_memo.token = None


def _request_started(**kwargs) -> None:
    _request_memo.token = None
    _request_memo.in_request = True


def _request_finished(**kwargs) -> None:
    _request_memo.token = None
    _request_memo.in_request = False


def invalidate() -> None:
    """Forget every stored page, now and again after the transaction that changed content commits.

    Now: the editor who published sees the change at once. After the commit: a request that
    read the old content between the change and its commit cannot leave it stored.
    """
    cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    _forget_memo()
    forget_local()
    transaction.on_commit(_new_generation)


def _new_generation() -> None:
    cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    _forget_memo()
    forget_local()


def mark_cacheable(request) -> None:
    request.page_cache_allowed = True


def expires_by(request, moment: dt.datetime | None) -> None:
    """The page shows something that changes at ``moment`` (an "open now"): keep it no longer."""
    if request is None or moment is None:
        return
    current = getattr(request, "page_cache_expires", None)
    if current is None or moment < current:
        request.page_cache_expires = moment


def _key(request) -> str:
    # The host and the path name the site and the language (/en/…); a HEAD shares the GET's
    # page (the server sends no body for it). The generation is kept inside the stored page,
    # so a hit reads the token and the page in one round trip (one MGET on Redis).
    path = hashlib.sha256(f"{request.get_host()}{request.path}".encode()).hexdigest()
    return f"page-cache:page:{path}"


def _lookup_allowed(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
    )


def _store_allowed(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        getattr(request, "page_cache_allowed", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        # get_token() marks the request: the page holds a CSRF token, someone's own.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in cache_control
        and "no-store" not in cache_control
        and not getattr(request, "is_preview", False)
    )


def _seconds_to_keep(request, now: dt.datetime) -> int:
    local = timezone.localtime(now)
    midnight = timezone.make_aware(dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time()))
    until = min(now + dt.timedelta(seconds=settings.PAGE_CACHE_SECONDS), midnight)
    until = min(until, getattr(request, "page_cache_expires", None) or until)
    return int((until - now).total_seconds())


class PageCacheMiddleware:
    """Serve a stored page before the session, CSRF and Wagtail are touched; store what may be.

    Sits near the top of ``MIDDLEWARE`` (after whitenoise): on the way out it sees the answer
    as the session and CSRF middleware left it, cookies and all.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _lookup_allowed(request):
            return self.get_response(request)
        key = _key(request)
        trusted = _trusted_generation()
        local = _local_pages.get(key) if trusted else None
        if local is not None and local["generation"] == trusted and local["until"] > time.time():
            return self._from_store(request, local)
        found = cache().get_many([GENERATION_KEY, key])
        token = found.get(GENERATION_KEY) or generation()
        _remember_generation(token)
        _request_memo.token = token  # the site chrome's fragments ask for it again (pages/chrome.py)
        stored = found.get(key)
        if stored is not None and stored.get("generation") == token:
            _keep_locally(key, stored)
            return self._from_store(request, stored)
        response = self.get_response(request)
        if _store_allowed(request, response):
            self._store(request, response, key, token)
        return response

    def _store(self, request, response, key, token):
        now = timezone.now()
        seconds = _seconds_to_keep(request, now)
        if seconds <= 0:
            return
        response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
        self._public_headers(response, seconds)
        headers = {name: response[name] for name in (*KEPT_HEADERS, "ETag") if name in response}
        stored = {
            "content": response.content,
            "headers": headers,
            "until": now.timestamp() + seconds,
            "generation": token,
        }
        cache().set(key, stored, timeout=seconds)
        _keep_locally(key, stored)
        response["X-Page-Cache"] = "miss"

    def _from_store(self, request, stored):
        from django.http import HttpResponse, HttpResponseNotModified

        seconds = max(int(stored["until"] - timezone.now().timestamp()), 0)
        etag = stored["headers"].get("ETag")
        if etag and etag in parse_etags(request.headers.get("If-None-Match", "")):
            response = HttpResponseNotModified()
            response["ETag"] = etag
        else:
            response = HttpResponse(stored["content"])
            for name, value in stored["headers"].items():
                response[name] = value
        self._public_headers(response, seconds)
        response["X-Page-Cache"] = "hit"
        return response

    @staticmethod
    def _public_headers(response, seconds):
        # A browser asks again each time (and gets a 304 on its ETag); a shared cache in front
        # may keep the page a minute, never longer than this cache would.
        response["Cache-Control"] = f"public, max-age=0, s-maxage={min(seconds, SHARED_CACHE_SECONDS)}"
        patch_vary_headers(response, ("Cookie",))


def invalidating_models():
    """What a public page can show besides pages: snippets, settings, images, documents, sites."""
    from django.apps import apps

    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.snippets.models import get_snippet_models

    extra = [apps.get_model(label) for label in settings.PAGE_CACHE_INVALIDATED_BY]
    return {*get_snippet_models(), *settings_registry, get_image_model(), get_document_model(), *extra}


def _content_saved(sender, **kwargs):
    if sender in invalidating_models():
        invalidate()


def _deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page) or sender in invalidating_models():
        invalidate()


def _page_changed(sender, **kwargs):
    invalidate()


def connect() -> None:
    """Listen to every change a public page can show (called once, from ``CoreConfig.ready``).

    A page's draft is not among them: it changes nothing a visitor sees until it is published.
    """
    from django.db.models.signals import post_delete, post_save

    from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

    for name, signal in {
        "page_published": page_published,
        "page_unpublished": page_unpublished,
        "post_page_move": post_page_move,
        "published": published,  # a snippet with drafts
        "unpublished": unpublished,
    }.items():
        signal.connect(_page_changed, dispatch_uid=f"page-cache-{name}")
    post_save.connect(_content_saved, dispatch_uid="page-cache-save")
    request_started.connect(_request_started, dispatch_uid="page-cache-memo-start")
    request_finished.connect(_request_finished, dispatch_uid="page-cache-memo-finish")
    post_delete.connect(_deleted, dispatch_uid="page-cache-delete")
