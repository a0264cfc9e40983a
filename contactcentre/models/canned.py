"""Svarsmallar: canned replies staff insert into a reply to a citizen."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class CannedReply(TranslatableMixin, index.Indexed, models.Model):
    """A reply text with optional placeholders, for one service area or for all of them."""

    title = models.CharField(_("title"), max_length=150)
    body = models.TextField(
        _("text"),
        help_text=_(
            "Placeholders: {reference} (the case's reference), {name} (the citizen's name) and "
            "{department} (the department handling the case). Anything else is left as written."
        ),
    )
    service_area = models.ForeignKey(
        "pages.ServiceArea",
        verbose_name=_("service area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: offered for cases of every area."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [FieldPanel("title"), FieldPanel("body"), FieldPanel("service_area")]
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("body"),
        index.AutocompleteField("title"),
        index.FilterField("locale_id"),
        index.FilterField("service_area_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["title"]
        verbose_name = _("canned reply")
        verbose_name_plural = _("canned replies")

    def __str__(self):
        return self.title
