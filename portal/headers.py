"""Security headers on every response: which policy, which caching, and no server details.

The public site gets ``CONTENT_SECURITY_POLICY`` (no inline script or style at all); the
admin gets ``PORTAL_ADMIN_CSP``, as strict as Wagtail's own templates allow. A Wagtail
preview (the public page rendered for the editor's iframe) may be framed by the admin, every
other response by no one. Admin responses are never stored by a browser or a proxy: they
show cases and personal data. The values live in ``portal/settings/base.py`` ("Security
headers"); docs/security.md lists what each response type carries.
"""

from django.conf import settings
from django.utils.cache import add_never_cache_headers

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts

# Headers that name the software and its version: an attacker's first look-up.
SERVER_DETAILS = ("Server", "X-Powered-By")


def is_admin(request) -> bool:
    return request.path_info.startswith(tuple(settings.PORTAL_ADMIN_PATH_PREFIXES))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp, choosing the admin's policy on the admin's paths and letting previews be framed."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        # A view's own @csp_override (parts.config) wins; otherwise the admin has its own policy.
        if parts.config is None and is_admin(request):
            parts.config = settings.PORTAL_ADMIN_CSP
        # Wagtail renders a preview through the middleware again, on a request it marks is_preview;
        # that response is what the admin's preview iframe shows.
        if getattr(request, "is_preview", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts


class SecurityHeadersMiddleware:
    """Permissions-Policy, no-store on the admin, no server details.

    Cross-Origin-Opener-Policy comes from Django's SecurityMiddleware
    (``SECURE_CROSS_ORIGIN_OPENER_POLICY``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PORTAL_PERMISSIONS_POLICY)
        if is_admin(request):
            add_never_cache_headers(response)
        for name in SERVER_DETAILS:
            if name in response:
                del response[name]
        return response
