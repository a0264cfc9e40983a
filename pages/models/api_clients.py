"""Headless clients of the content API: who may read drafts (``?preview=true``).

A client holds a random token; the database keeps only its SHA-256, so a copy of the database
opens nothing. Tokens are made by ``manage.py api_client`` and shown once.
"""

import hashlib
import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

TOKEN_BYTES = 32


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class HeadlessClient(models.Model):
    """A front end (a headless site, a kiosk, an app) that reads the content API with a token."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    can_preview = models.BooleanField(
        _("may read drafts"),
        default=False,
        help_text=_("Lets the client read the latest unpublished changes of a page, for editors' previews."),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("headless client")
        verbose_name_plural = _("headless clients")

    def __str__(self):
        return self.name

    def new_token(self) -> str:
        """A new token for this client (the old one stops working); the only time it is seen."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        self.token_digest = token_digest(token)
        return token

    @classmethod
    def for_token(cls, token: str):
        if not token:
            return None
        return cls.objects.filter(token_digest=token_digest(token), active=True).first()
