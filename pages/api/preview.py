"""Drafts for an authorised headless client: ``?preview=true`` with ``Authorization: Bearer <token>``.

Without a token the content API is public and shows only published content. A token that is
sent must be a headless client's active token (else 401), and a preview needs a client that may
read drafts (else 403). Tokens are made by ``manage.py api_client`` (docs/api.md); the database
keeps their SHA-256 only. A preview is ``private, no-store``: no shared cache keeps a draft.
"""

from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from ninja.responses import Status
from ninja.security import HttpBearer

from pages.models import HeadlessClient


class Anonymous:
    """No token sent: the public API (truthy, so ninja lets the request through)."""

    can_preview = False


ANONYMOUS = Anonymous()
# Added to the operation's security (ninja extends the list): the token is optional.
SECURITY = {"security": [{}]}


class HeadlessClientToken(HttpBearer):
    """Optional bearer token; when one is sent it must be valid."""

    openapi_description = "A headless client's token (manage.py api_client); needed only for ?preview=true."

    def __call__(self, request):
        if not request.headers.get(self.header):
            return ANONYMOUS
        return super().__call__(request)

    def authenticate(self, request, token):
        client = HeadlessClient.for_token(token)
        if client is not None:
            HeadlessClient.objects.filter(pk=client.pk).update(last_used_at=timezone.now())
        return client


def refused(request, response) -> Status | None:
    """Why the request may not read drafts (401 or 403), or None when it may."""
    client = request.auth
    if client is ANONYMOUS or client is None:
        response["WWW-Authenticate"] = 'Bearer realm="api"'
        return Status(401, {"detail": _("A preview needs a headless client's token.")})
    if not client.can_preview:
        return Status(403, {"detail": _("This client may not read drafts.")})
    return None


def mark_private(response) -> None:
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
