"""A flag on a service page or FAQ that someone found outdated or wrong, for its editor.

Where the flag came from (a contact-centre case) is kept as data, a label and an admin link,
so content knows nothing of cases (docs/decisions/0005-layers.md).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ContentFlag(models.Model):
    OUTDATED = "outdated"
    WRONG = "wrong"
    UNCLEAR = "unclear"
    REASONS = [
        (OUTDATED, _("Outdated")),
        (WRONG, _("Wrong")),
        (UNCLEAR, _("Hard to understand")),
    ]

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    faq = models.ForeignKey(
        "pages.FAQ",
        verbose_name=_("FAQ"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    source = models.CharField(
        _("flagged from"),
        max_length=40,
        blank=True,
        db_index=True,
        help_text=_("Where the flag came from, for example a case reference."),
    )
    source_url = models.CharField(_("link to where it came from"), max_length=200, blank=True)
    reason = models.CharField(_("reason"), max_length=10, choices=REASONS, default=OUTDATED)
    comment = models.TextField(
        _("what is wrong"),
        blank=True,
        help_text=_("What the editor needs to know. No personal data: the editor may not see the case."),
    )
    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("flagged by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("flagged"), auto_now_add=True, db_index=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("content flag")
        verbose_name_plural = _("content flags")
        constraints = [
            models.CheckConstraint(
                condition=Q(page__isnull=False, faq__isnull=True) | Q(page__isnull=True, faq__isnull=False),
                name="content_flag_names_one_item",
            )
        ]
        indexes = [models.Index(fields=["handled_at", "created_at"])]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.page_id or self.faq_id}"
