"""Requests Django cannot read are a 400, never a 500; refusals are logged as security events."""

import codecs
import logging

from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.utils.translation import gettext as _

from core import security_log


class UnreadableCharsetMiddleware:
    """A body declared in a charset Python finds but cannot decode text with is refused.

    Django ignores a charset it cannot look up, but some that look up fail on every use, deep
    in the form parser: Python's ``undefined`` codec, and codecs that are not text encodings
    (``base64``). Found by hypothesis in ``tests/eservices/test_bad_requests.py``. The API
    answers in JSON, as its OpenAPI document says; the site with its 400 page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        charset = request.content_params.get("charset") if request.method == "POST" else None
        if charset and not readable(charset):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": _("The body's charset cannot be read.")}, status=400)
            raise BadRequest("unreadable charset")
        return self.get_response(request)


def readable(charset: str) -> bool:
    try:
        codecs.lookup(charset)
    except LookupError:
        return True  # unknown to Python: Django reads the body in DEFAULT_CHARSET
    try:
        b"a".decode(charset)
    except UnicodeDecodeError:
        return True  # a real text encoding that wants more bytes (utf-16, utf-32)
    except (UnicodeError, LookupError, TypeError):
        return False  # "undefined", or not a text encoding ("base64", "zlib")
    return True


class DeniedAccessLogMiddleware:
    """Every refusal goes to the security log as ``access.denied``.

    Access is decided in many views (``contactcentre/access.py`` is asked by each), but a refusal
    always leaves as a response: 401 or 403 for anyone, and 404 for a signed-in user in the admin,
    where a case outside their department answers "not found" so as not to confirm it exists.
    Reading the status here logs all of them, from one place, whatever view refused. Wagtail's
    admin turns a refusal into a redirect to the dashboard with a message instead of a 403:
    ``log_wagtail_permission_denied`` logs those.
    """

    ADMIN_PREFIXES = ("/admin/", "/django-admin/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self.denied(request, response.status_code):
            security_log.event("access.denied", request, level=logging.WARNING, status=response.status_code)
        return response

    def denied(self, request, status: int) -> bool:
        if status in (401, 403):
            return True
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        return status == 404 and signed_in and request.path.startswith(self.ADMIN_PREFIXES)


def log_wagtail_permission_denied():
    """Log ``access.denied`` where Wagtail's admin answers a refusal with a redirect, not a 403.

    Wagtail's ``require_admin_access`` catches ``PermissionDenied`` from every admin view and
    calls ``wagtail.admin.auth.permission_denied``, a module global looked up at call time, so
    wrapping it here reaches every admin view. Called once, from ``CoreConfig.ready``.
    """
    from wagtail.admin import auth

    if getattr(auth.permission_denied, "logs_security_event", False):
        return
    original = auth.permission_denied

    def permission_denied(request):
        security_log.event("access.denied", request, level=logging.WARNING, status=403)
        return original(request)

    permission_denied.logs_security_event = True
    auth.permission_denied = permission_denied
