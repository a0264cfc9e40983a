"""Small behaviours shared by page types and snippets."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search.queryset import SearchableQuerySetMixin

from pages.locales import active_locale


class SearchableQuerySet(SearchableQuerySetMixin, models.QuerySet):
    """Lets ``Model.objects.filter(...).search(q)`` work on snippets, as it does on pages."""


class LocalizedQuerySetMixin:
    """``Model.in_active_locale()``: the rows of the language being shown."""

    @classmethod
    def in_active_locale(cls):

        return cls.objects.filter(locale=active_locale())


class ReviewedMixin(models.Model):
    """Who keeps a page current and when it was last checked."""

    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("The date an editor last checked that the information is correct."),
    )
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_(
            "The date by which an editor checks the page again; after it the page is listed for review."
        ),
    )
    responsible_editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible editor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    review_panels = [
        MultiFieldPanel(
            [FieldPanel("last_reviewed"), FieldPanel("review_by"), FieldPanel("responsible_editor")],
            heading=_("Keeping this page current"),
        )
    ]

    class Meta:
        abstract = True
