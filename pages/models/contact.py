from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from pages import chrome
from pages.models.services import ServiceAreaPage
from pages.models.snippets import Department, ServiceArea

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class ContactCentrePage(Page):
    """ "Kontakta oss": channels, phone menu, opening hours, Teletal and 112."""

    intro = RichTextField(_("introduction"), features=TEXT_FEATURES, blank=True)
    visit_text = RichTextField(_("visiting the contact centre"), features=TEXT_FEATURES, blank=True)
    teletal_text = RichTextField(_("Teletal"), features=TEXT_FEATURES, blank=True)
    teletal_url = models.URLField(_("Teletal link"), blank=True, default="https://www.teletal.se")
    department_directory = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("department directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    feedback_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("comments and complaints page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    faq_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("FAQ page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("visit_text"),
        MultiFieldPanel([FieldPanel("teletal_text"), FieldPanel("teletal_url")], heading=_("Teletal")),
        MultiFieldPanel(
            [FieldPanel("department_directory"), FieldPanel("feedback_page"), FieldPanel("faq_page")],
            heading=_("Related pages"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("visit_text"),
        index.SearchField("teletal_text"),
    ]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.InformationPage", "pages.EasyReadPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact centre page")

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        area_pages = {
            page.service_area_id: page
            for page in chrome.public(ServiceAreaPage.objects.live()).filter(locale_id=self.locale_id)
        }
        context["phone_menu"] = [
            (area, area_pages.get(area.pk)) for area in ServiceArea.objects.filter(locale_id=self.locale_id)
        ]
        context["opening_hours"] = chrome.opening_hours()
        # The three related pages in one query rather than one each.
        related = ("department_directory", "feedback_page", "faq_page")
        ids = [getattr(self, f"{name}_id") for name in related]
        pages = Page.objects.in_bulk([pk for pk in ids if pk])
        for name, pk in zip(related, ids, strict=True):
            if pk in pages:
                setattr(self, name, pages[pk])
        return context


class DepartmentDirectoryPage(Page):
    """ "Kontaktuppgifter förvaltningar": every department's contact details."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage", "pages.ContactCentrePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("department directory")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["departments"] = Department.objects.filter(locale_id=self.locale_id).select_related(
            "committee"
        )
        return context
