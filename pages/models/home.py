from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from pages import chrome
from pages.blocks import LinkBlock
from pages.models.opening_hours import OpeningHours
from pages.models.services import ServiceAreaPage


class HomePage(Page):
    """The way in: top tasks, search, the phone menu's areas, 112 and whether we are open."""

    intro = models.TextField(_("introduction"), blank=True)
    top_tasks = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("top tasks"),
        blank=True,
        help_text=_("The things most people come to do. Keep it to six or fewer."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("top_tasks")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.ServiceAreaPage",
        "pages.ContactCentrePage",
        "pages.DepartmentDirectoryPage",
        "pages.FAQPage",
        "pages.BlankettLibraryPage",
        "pages.OfficialsRegisterPage",
        "pages.AccessibilityStatementPage",
        "pages.PrivacyNoticePage",
        "pages.InformationPage",
        "eservices.EServicePage",
        "pages.EasyReadPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        context["service_area_pages"] = (
            chrome.public(ServiceAreaPage.objects.child_of(self).live())
            .select_related("service_area")
            .order_by("service_area__menu_digit")
        )
        context["phone_hours"] = chrome.hours_of_channel(OpeningHours.PHONE)
        return context
