"""Requests Django cannot read are a 400, never a 500."""

import codecs

from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.utils.translation import gettext as _


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
