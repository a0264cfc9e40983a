"""The project's own model: which staff groups must sign in with a second factor."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class GroupSecurity(models.Model):
    """Per staff group: must its members verify a second factor (TOTP) before using the admin?

    An administrator decides per group in the admin (Settings → second factor per group) or with
    ``manage.py second_factor_groups``; a group without a row requires none.
    """

    group = models.OneToOneField(
        Group, on_delete=models.CASCADE, related_name="security", verbose_name=_("group")
    )
    requires_two_factor = models.BooleanField(
        _("requires two-factor authentication"),
        default=False,
        help_text=_("Members must confirm a code from an authenticator app after their password."),
    )

    class Meta:
        verbose_name = _("group security")
        verbose_name_plural = _("group security")
        ordering = ["group__name"]

    def __str__(self):
        return self.group.name
