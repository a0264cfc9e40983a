from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey

from pages import chrome
from pages.blocks import ServiceBodyBlock
from pages.models.mixins import ESERVICE_PAGE, ESERVICE_PAGE_CHOICES, LeaveQuicklyMixin, ReviewedMixin
from pages.models.snippets import FAQ, Blankett, with_specific_eservice_pages


class ServiceAreaPage(LeaveQuicklyMixin, Page):
    """One area of the phone menu, listing its services, FAQ and forms."""

    service_area = models.ForeignKey(
        "pages.ServiceArea", verbose_name=_("service area"), on_delete=models.PROTECT, related_name="+"
    )
    intro = models.TextField(_("introduction"), blank=True)
    shows_elderly_line = models.BooleanField(
        _("show Äldre direkt"),
        default=False,
        help_text=_("The phone line for older people, for the area of elderly care."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("service_area"),
        FieldPanel("intro"),
        FieldPanel("shows_elderly_line"),
    ]
    promote_panels = Page.promote_panels + LeaveQuicklyMixin.leave_quickly_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = [
        "pages.ServicePage",
        "pages.InformationPage",
        "eservices.EServicePage",
        "pages.EasyReadPage",
    ]

    class Meta:
        verbose_name = _("service area page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.service_area_id in chrome.service_areas():
            self.service_area = chrome.service_areas()[self.service_area_id]
        context["services"] = chrome.public(self.get_children().live()).specific()
        context["faqs"] = FAQ.objects.filter(service_area_id=self.service_area_id)
        blanketter = Blankett.objects.filter(service_area_id=self.service_area_id).select_related("document")
        context["blanketter"] = with_specific_eservice_pages(list(blanketter))
        return context


class ServicePage(LeaveQuicklyMixin, ReviewedMixin, Page):
    """One public service, such as "Bygglov" or "Förskoleplats"."""

    intro = models.TextField(
        _("summary"), help_text=_("One or two sentences: what the service is and who it is for.")
    )
    body = StreamField(ServiceBodyBlock(), verbose_name=_("body"), blank=True)
    contact_department = models.ForeignKey(
        "pages.Department",
        verbose_name=_("department to contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_text = models.TextField(
        _("contact note"), blank=True, help_text=_("For example who to ask for, or when to call.")
    )
    eservice_page = models.ForeignKey(
        "wagtailcore.Page",
        # Named, not imported: content knows no e-service code (docs/decisions/0005-layers.md).
        limit_choices_to=ESERVICE_PAGE_CHOICES,
        verbose_name=_("e-service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The e-service citizens use to apply or report."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        PageChooserPanel("eservice_page", page_type=ESERVICE_PAGE),
        MultiFieldPanel([FieldPanel("contact_department"), FieldPanel("contact_text")], heading=_("Contact")),
        InlinePanel("related_blanketter", heading=_("Forms (blanketter)"), label=_("form")),
        InlinePanel("related_faqs", heading=_("Questions and answers"), label=_("question")),
        *ReviewedMixin.review_panels,
    ]
    promote_panels = Page.promote_panels + LeaveQuicklyMixin.leave_quickly_panels
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]

    parent_page_types = ["pages.ServiceAreaPage"]
    subpage_types = ["pages.EasyReadPage"]

    class Meta:
        verbose_name = _("service page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The rows as the page has them (a preview's unsaved ones too), their snippets in one query
        # each, however many there are.
        blankett_rows = list(self.related_blanketter.all())
        blanketter = Blankett.objects.select_related("document")
        prefetch_related_objects(blankett_rows, Prefetch("blankett", blanketter))
        with_specific_eservice_pages([row.blankett for row in blankett_rows])
        faq_rows = list(self.related_faqs.all())
        prefetch_related_objects(faq_rows, "faq")
        context.update(blankett_rows=blankett_rows, faq_rows=faq_rows)
        return context

    @property
    def service_area_page(self):
        return self.get_parent().specific


class ServicePageBlankett(Orderable):
    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="related_blanketter")
    blankett = models.ForeignKey(Blankett, verbose_name=_("form"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("blankett")]


class ServicePageFAQ(Orderable):
    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="related_faqs")
    faq = models.ForeignKey(FAQ, verbose_name=_("question"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("faq")]


class InformationPage(LeaveQuicklyMixin, ReviewedMixin, Page):
    """Plain information that is not a service, such as "Teletal" or "Om webbplatsen"."""

    intro = models.TextField(_("summary"), blank=True)
    body = StreamField(ServiceBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        *ReviewedMixin.review_panels,
    ]
    promote_panels = Page.promote_panels + LeaveQuicklyMixin.leave_quickly_panels
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["pages.InformationPage", "pages.EasyReadPage", "pages.OtherLanguagePage"]

    class Meta:
        verbose_name = _("information page")
