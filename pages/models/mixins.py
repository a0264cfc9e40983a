"""Small behaviours shared by page types and snippets."""

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search.queryset import SearchableQuerySetMixin

from pages.locales import active_locale

# Content links the page that runs an e-service by its model's name, never by importing it: the
# chooser offers only those pages and the form refuses any other (docs/decisions/0005-layers.md).
ESERVICE_PAGE = "eservices.EServicePage"
ESERVICE_PAGE_CHOICES = {"content_type__app_label": "eservices", "content_type__model": "eservicepage"}


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


class LeaveQuickly(models.TextChoices):
    AREA = "area", _("As the service area: shown when the area is confidential")
    SHOW = "show", _("Show")
    HIDE = "hide", _("Do not show")


class LeaveQuicklyMixin(models.Model):
    """The "Leave this page quickly" button, for pages a visitor may need to hide from someone.

    Editors choose per page; by default it follows the page's service area, so every page of a
    confidential area (Socialtjänst, for example) has it without anyone remembering to switch it on.
    """

    leave_quickly = models.CharField(
        _("“Leave this page quickly” button"),
        max_length=8,
        choices=LeaveQuickly.choices,
        default=LeaveQuickly.AREA,
        help_text=_(
            "A button at the top of the page that takes the visitor straight to a neutral site. "
            "Use it on pages about violence, abuse or other things a visitor may need to hide."
        ),
    )

    leave_quickly_panels = [FieldPanel("leave_quickly")]

    class Meta:
        abstract = True

    @cached_property
    def shows_leave_quickly(self) -> bool:
        if self.leave_quickly == LeaveQuickly.SHOW:
            return True
        if self.leave_quickly == LeaveQuickly.HIDE:
            return False
        return self.leave_quickly_by_default()

    def leave_quickly_by_default(self) -> bool:
        area = self.confidentiality_area()
        return bool(area and area.confidential)

    def confidentiality_area(self):
        """The service area of this page: its own, or that of the nearest service area page above it."""
        # From the site chrome's cache (pages.chrome): no query on a public page.
        from pages import chrome  # chrome imports the models (cycle)

        area_id = getattr(self, "service_area_id", None)
        if area_id is not None:
            return chrome.service_areas().get(area_id)
        return chrome.service_area_of_path(self.path) if self.pk else None
