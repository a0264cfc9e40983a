"""The JSON API under /api/v1/: one NinjaAPI, a router per app.

Every operation answers in the request's language: ``?lang=`` if given, else the best of
``Accept-Language``, else Swedish (LANGUAGE_CODE).
"""

import functools

from django.conf import settings
from django.http import Http404
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header

from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from contactcentre.api import router as cases_router
from core.ratelimit import RateLimited
from eservices.api import router as eservices_router
from pages.api import router as pages_router

DESCRIPTION = """\
The municipality's e-services, the status of a case, the contact centre's opening hours, and
the site's content for headless front ends: pages with their content block by block, service
areas, FAQ, blanketter, departments and the register of elected officials, only as the public
site shows them (docs/api.md).

Texts (titles, labels, error messages) are in the request's language: `?lang=sv` or `?lang=en`,
else the `Accept-Language` header, else Swedish. Content lists are in that language too.
"""


def request_language(request) -> str:
    candidates = [request.GET.get("lang", "")]
    accepted = parse_accept_lang_header(request.headers.get("Accept-Language", ""))
    candidates += [code for code, _quality in accepted]
    for candidate in candidates:
        if not candidate or candidate == "*":
            continue
        try:
            return translation.get_supported_language_variant(candidate)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def in_request_language(run):
    @functools.wraps(run)
    def wrapper(request, *args, **kwargs):
        language = request_language(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = run(request, *args, **kwargs)
        # A page in the content API answers in its own language and says so itself.
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Accept-Language"])
        return response

    return wrapper


api = NinjaAPI(title="Kommunportal API", version="1", urls_namespace="api", description=DESCRIPTION)
api.add_decorator(in_request_language, mode="view")
api.add_router("", eservices_router)
api.add_router("", cases_router)
api.add_router("", pages_router)


@api.exception_handler(Http404)
def not_found(request, exc):
    # One body for every 404: an unknown case and a wrong token must look the same.
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(RateLimited)
def rate_limited(request, exc):
    response = api.create_response(
        request, {"detail": _("Too many attempts. Wait a while and try again.")}, status=429
    )
    response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(AuthenticationError)
def unauthorised(request, exc):
    # A token was sent and is no headless client's (pages/api/preview.py).
    response = api.create_response(request, {"detail": _("The token is not valid.")}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response
