"""Pages that list reusable content: FAQ and the blanketter library."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from pages.models.snippets import FAQ, Blankett, BlankettCategory, ServiceArea, with_specific_eservice_pages
from pages.search_query import citizen_query, typed_text


class FAQPage(Page):
    """ "Vanliga frågor och svar", grouped by service area and searchable."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("FAQ page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = typed_text(request.GET.get("q", ""))
        faqs = FAQ.objects.filter(locale_id=self.locale_id).select_related("service_area")
        if query:
            search_query = citizen_query(query, self.locale.language_code)
            context["results"] = list(faqs.search(search_query)) if search_query else []
        else:
            areas = {}
            for faq in faqs:
                areas.setdefault(faq.service_area, []).append(faq)
            context["groups"] = list(areas.items())
        context["query"] = query
        return context


class BlankettLibraryPage(Page):
    """The blanketter: downloadable forms, filterable by category and area."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("forms library")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        blanketter = Blankett.objects.filter(locale_id=self.locale_id).select_related(
            "document", "category", "service_area", "eservice_page"
        )
        categories = BlankettCategory.objects.filter(locale_id=self.locale_id)
        areas = ServiceArea.objects.filter(locale_id=self.locale_id)
        category = _int_or_none(request.GET.get("kategori"))
        area = _int_or_none(request.GET.get("omrade"))
        query = typed_text(request.GET.get("q", ""))
        if category:
            blanketter = blanketter.filter(category_id=category)
        if area:
            blanketter = blanketter.filter(service_area_id=area)
        if query:
            search_query = citizen_query(query, self.locale.language_code)
            blanketter = blanketter.search(search_query) if search_query else blanketter.none()
        context.update(
            blanketter=with_specific_eservice_pages(list(blanketter)),
            categories=categories,
            areas=areas,
            selected_category=category,
            selected_area=area,
            query=query,
        )
        return context


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
