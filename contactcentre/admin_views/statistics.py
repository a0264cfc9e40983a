"""The statistics page, its CSV exports and the managers' panel on the admin home page.

Everything shown is an aggregate: no case, name or reference appears, so the page is for
anyone with ``contactcentre.view_statistics`` (the contact centre's manager) whatever the
departments they work for.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin

from contactcentre.permissions import VIEW_STATISTICS, case_permission_policy
from contactcentre.statistics import measures
from contactcentre.statistics.period import PRESETS, PeriodForm, default_period, this_month


def cache_key(period) -> str:
    return f"contactcentre:statistics:{get_language()}:{period.start}:{period.end}"


def cached(period):
    return cache.get(cache_key(period)) if settings.STATISTICS_CACHE_SECONDS else None


def computed(period):
    """The period's sections and when they were counted, kept ``STATISTICS_CACHE_SECONDS``."""
    found = cached(period)
    if found is None:
        now = timezone.now()
        found = (measures.all_sections(period, now), now)
        if settings.STATISTICS_CACHE_SECONDS:
            cache.set(cache_key(period), found, settings.STATISTICS_CACHE_SECONDS)
    return found


class StatisticsView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "contactcentre/admin/statistics.html"
    page_title = _("Contact-centre statistics")
    header_icon = "table"
    permission_policy = case_permission_policy
    permission_required = VIEW_STATISTICS

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        asked = "from" in request.GET or "to" in request.GET
        form = PeriodForm(request.GET) if asked else None
        if form is None:
            period = default_period()
            form = PeriodForm(initial={"start": period.start, "end": period.end})
        elif form.is_valid():
            period = form.period
        else:
            period = None  # the page shows the errors and what was typed, and no numbers
        key = request.GET.get("csv")
        if key:
            if period is None:
                raise Http404
            return self.csv(key, period)
        today = timezone.localdate()
        sections, counted_at = computed(period) if period else ([], None)
        context = self.get_context_data(
            form=form,
            period=period,
            sections=sections,
            counted_at=counted_at,
            presets=[(label, preset(today)) for label, preset in PRESETS],
            centre_missing=measures.targets().department_id is None,
            settings_url=reverse("wagtailsettings:edit", args=["contactcentre", "contactcentresettings"]),
        )
        return self.render_to_response(context)

    def csv(self, key, period):
        if measures.builder_of(key) is None:
            raise Http404
        found = cached(period)
        if found is None:  # only the table's own section is counted
            table = measures.table(key, period, timezone.now())
        else:
            tables = (table for section in found[0] for table in section.tables)
            table = next((table for table in tables if table.key == key), None)
        if table is None:  # an e-service without runs in the period
            raise Http404
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"statistik-{key}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        table.write_csv(response)
        return response


class StatisticsPanel(Component):
    """This month so far, for the manager's admin home page: the numbers asked for most."""

    name = "contactcentre_statistics"
    template_name = "contactcentre/admin/statistics_panel.html"
    order = 60

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        now = timezone.now()
        period = this_month(timezone.localdate(now))
        settings = measures.targets()
        resolution = measures.first_contact_resolution(period)
        email = measures.email_section(period, now).figures[0]
        backlog = measures.backlog_section(period, now).figures
        return {
            "period": period,
            "figures": [
                measures.Figure(
                    gettext("Resolved at first contact"), resolution, settings.first_contact_resolution_target
                ),
                email,
                *backlog,
            ],
            "url": reverse("contactcentre_statistics:index"),
        }
