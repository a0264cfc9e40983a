"""The report "Translations out of sync" (Översättningar i otakt): a Wagtail report in a viewset.

The rules (what is out of sync, who sees which rows) are in ``pages.translation_status``; this view
reads the filters and calls it. The report exports as CSV or XLSX, with the filters in force.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.models import Page

import django_filters

from core.permissions import OneActionPolicy, policy_menu_item
from pages import translation_status as ts

SEE = "see"


# One action, ``see``: whoever may add, change or publish pages.
translation_status_policy = OneActionPolicy(Page, SEE, ts.may_see_report)


class OutOfSyncFilterSet(WagtailFilterSet):
    # The filtering is the service's (pages.translation_status.out_of_sync): these only read the form.
    sprak = django_filters.ChoiceFilter(
        label=_("Language"), choices=ts.translated_languages, method="keep", empty_label=_("All")
    )
    typ = django_filters.ChoiceFilter(label=_("Kind"), choices=ts.KINDS, method="keep", empty_label=_("All"))
    status = django_filters.ChoiceFilter(
        label=_("What is left to do"), choices=ts.STATUSES, method="keep", empty_label=_("All")
    )

    def keep(self, rows, name, value):
        return rows


class OutOfSyncView(ReportView):
    permission_policy = translation_status_policy
    permission_required = SEE
    results_template_name = "pages/admin/translations_out_of_sync_results.html"
    page_title = _("Translations out of sync")
    header_icon = "site"
    index_url_name = "translations_out_of_sync:index"
    index_results_url_name = "translations_out_of_sync:results"
    filterset_class = OutOfSyncFilterSet
    paginate_by = 100
    export_filename = "oversattningar-i-otakt"
    list_export = [
        "kind_label",
        "title",
        "translated_title",
        "type_label",
        "language",
        "status_label",
        "changed_at",
        "synced_at",
        "untranslated",
    ]
    export_headings = {
        "kind_label": _("Kind"),
        "title": _("Swedish original"),
        "translated_title": _("Translation or easy-to-read page"),
        "type_label": _("Type"),
        "language": _("Language"),
        "status_label": _("What is left to do"),
        "changed_at": _("Swedish original changed"),
        "synced_at": _("Translation last synchronised (easy-to-read: compared)"),
        "untranslated": _("Untranslated strings"),
    }

    def get_filterset_kwargs(self):
        # The filterset only validates the form; its queryset is never used.
        return {**super().get_filterset_kwargs(), "queryset": Page.objects.none()}

    def get_filter_values(self) -> dict:
        filters = self.filters
        if filters is None or not filters.is_valid():
            return {}
        data = filters.form.cleaned_data
        return {
            "language": data.get("sprak") or None,
            "kind": data.get("typ") or None,
            "status": data.get("status") or None,
        }

    def get_queryset(self):
        return ts.out_of_sync(self.request.user, back=self.back_url(), **self.get_filter_values())

    def back_url(self) -> str:
        """Where wagtail-localize's sync view returns: this report, with the filters in force."""
        query = self.request.GET.copy()
        for name in ("export", "_w_filter_fragment", self.page_kwarg):
            query.pop(name, None)
        index = reverse(self.index_url_name)
        return f"{index}?{query.urlencode()}" if query else index

    def filter_queryset(self, queryset):
        return queryset  # filtered by the service in get_queryset

    def to_row_dict(self, item):
        return {field: getattr(item, field) for field in self.list_export}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        index = reverse(self.index_url_name)
        context.update(
            rows=context["object_list"],
            missing=[
                {
                    "code": code,
                    "name": dict(ts.translated_languages())[code],
                    "count": count,
                    "url": f"{index}?typ={ts.MISSING}&sprak={code}",
                }
                for code, count in ts.missing_counts(user).items()
            ],
            may_sync=ts.may_sync(user),
        )
        return context


class TranslationsOutOfSyncViewSet(ViewSet):
    name = "translations_out_of_sync"
    url_prefix = "oversattningar-i-otakt"
    icon = "site"
    menu_label = _("Translations out of sync")
    menu_name = "translations-out-of-sync"
    menu_order = 8900  # before wagtail-localize's own "Translations" (9000)
    menu_hook = "register_reports_menu_item"
    menu_item_class = policy_menu_item(translation_status_policy, SEE)

    def get_urlpatterns(self):
        return [
            path("", OutOfSyncView.as_view(), name="index"),
            path("resultat/", OutOfSyncView.as_view(results_only=True), name="results"),
        ]


translations_out_of_sync_viewset = TranslationsOutOfSyncViewSet()
