"""The site's error pages: 400, 403 (and a failed CSRF check), 404, 413, 429 and 500.

Each is a template of its own (``400.html`` …) on one layout, ``errors/layout.html``,
in the language of the URL. None of the views reads ``request.POST``: Django's default
ones do (their CSRF decorator), so a body Django refuses to decode (a form declared as
latin-1 or UTF-16) raised again inside the 400 page and the server answered a bare 500.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import uploads
from pages.models import MunicipalitySettings

logger = logging.getLogger(__name__)

CONTACT_CACHE_KEY = "portal:error-page-contact"


@dataclass(frozen=True)
class Contact:
    """What an error page tells the visitor about the municipality: its name and phone."""

    name: str
    phone: str = ""
    phone_href: str = ""


def contact_details(request=None) -> Contact:
    """The municipality's name and phone from its settings (content), or the last ones read.

    The 500 page needs this when the database is down: the last good answer is kept in
    the cache; with neither, the page names the municipality from the settings file.
    """
    try:
        municipality = MunicipalitySettings.load(request_or_site=request)
        contact = Contact(municipality.name, municipality.phone, municipality.phone_href)
    except Exception:  # the database, its tables or the settings row: anything may be missing
        logger.warning("Error page without the municipality's settings", exc_info=True)
        try:
            contact = cache.get(CONTACT_CACHE_KEY)
        except Exception:  # a cache server that is down as well
            contact = None
        return contact or Contact(str(settings.PORTAL_MUNICIPALITY_NAME))
    try:
        cache.set(CONTACT_CACHE_KEY, contact, timeout=None)
    except Exception:  # noqa: S110 - the page matters more than remembering the number
        pass
    return contact


def home_url() -> str:
    language = get_language() or settings.LANGUAGE_CODE
    return "/" if language == settings.LANGUAGE_CODE else f"/{language}/"


def render_error(request, template_name, status, context=None):
    """An error page, rendered now (no later middleware can make it fail another way)."""
    response = TemplateResponse(request, template_name, context or {}, status=status)
    return response.render()


def bad_request(request, exception=None):
    if isinstance(exception, RequestDataTooBig):
        return request_too_large(request)
    return render_error(request, "400.html", 400)


def request_too_large(request):
    """413: a body over Django's field limit or ours (core/request_limits.py), said plainly."""
    limits = {
        "photo": filesizeformat(uploads.MAX_BYTES),
        "total": filesizeformat(settings.REQUEST_MAX_BODY_SIZE),
    }
    if request.path.startswith("/api/"):
        message = _("The request is too large: at most %(size)s.") % {"size": limits["total"]}
        return JsonResponse({"detail": message}, status=413)
    return render_error(request, "413.html", 413, limits)


def permission_denied(request, exception=None):
    return render_error(request, "403.html", 403)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without its cookie, or from an old page."""
    return render_error(request, "403_csrf.html", 403)


def page_not_found(request, exception=None):
    return render_error(request, "404.html", 404)


def server_error(request):
    return render_error(request, "500.html", 500)
