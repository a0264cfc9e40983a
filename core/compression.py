"""Gzip for the answers where compressing cannot leak a secret.

BREACH: when an answer holds a secret (a CSRF token, someone's case) next to text an attacker
chooses (a search term, a reflected field), the compressed length tells the attacker, guess
by guess, whether the guess matched the secret. So only answers that hold no secret of anyone
are compressed:

- ``GET`` and ``HEAD`` only (an answer to a form is someone's own);
- no session cookie in the request (staff, a citizen in an e-service or reading a case);
- no CSRF token put in the page (Django's ``get_token()`` marks the request);
- no cookie set by the answer, and not a streamed file (whitenoise serves its own
  precompressed static files).

That is every public page, cached or not, the search (whose term is reflected but which holds
no secret) and the content API; not the admin, the e-service steps or a case's status page.
Django's ``GZipMiddleware`` also pads each answer with random bytes (length hiding).
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware


def holds_no_secret(request, response) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.cookies
        and not response.streaming
    )


class CompressPublicAnswersMiddleware(GZipMiddleware):
    """Django's gzip, for the answers ``holds_no_secret`` lets through."""

    def process_response(self, request, response):
        if not holds_no_secret(request, response):
            return response
        return super().process_response(request, response)
