"""Whether a POST came from one of our own pages, as the browser tells it.

A public page that carries a form only for a vote ("Did this answer your question?") should
not carry a CSRF token: the token makes the page someone's own (a ``csrftoken`` cookie on
every answer), so no cache may keep it. What the token protects against is a form on another
site posting in the visitor's name; every browser since 2020 says where a POST came from
(``Sec-Fetch-Site``, ``Origin``), so such a form is told apart without a token. When the
browser says nothing (an old browser, a privacy tool that strips headers), the view asks the
visitor to confirm on a page of its own, with a token (``pages.views.faq_feedback``).
"""

from urllib.parse import urlsplit

from django.conf import settings


def is_same_origin(request) -> bool | None:
    """True from our own pages, False from anywhere else, None when the browser does not say."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site == "same-origin"
    ours = f"{request.scheme}://{request.get_host()}"
    origin = request.headers.get("Origin")
    if origin:
        return origin == ours or origin in settings.CSRF_TRUSTED_ORIGINS
    referer = request.headers.get("Referer")
    if referer:
        parts = urlsplit(referer)
        return f"{parts.scheme}://{parts.netloc}" == ours
    return None
