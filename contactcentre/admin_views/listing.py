"""The queue: the cases this user may see, with filters, search, sorting, pagination and export.

The export (CSV or XLSX, through Wagtail's ``SpreadsheetExportMixin``) takes the same filters
and access rules as the listing and names no person: registrars and managers take lists out,
so no contact details, no answers, no personnummer leave this way.
"""

import csv
import re

from django.core.exceptions import PermissionDenied
from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models import Case as SQLCase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import (
    BulkActionsCheckboxColumn,
    Column,
    DateColumn,
    StatusTagColumn,
    TitleColumn,
)
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic import BaseListingView, PermissionCheckedMixin
from wagtail.admin.views.mixins import Echo, SpreadsheetExportMixin
from wagtail.admin.widgets.button import HeaderButton

from contactcentre import access, identity_numbers, service_levels
from contactcentre.admin_views import search as queue_search
from contactcentre.admin_views.filters import CaseFilterSet
from contactcentre.admin_views.pagination import CappedCountPaginator
from contactcentre.admin_views.registerutdrag import PERMISSION as REGISTERUTDRAG_PERMISSION
from contactcentre.models import Case, CaseEvent
from contactcentre.models.cases import Status
from contactcentre.permissions import EXPORT, VIEW, case_permission_policy

# Workflow order, so "sort by status" reads new → in progress → … → closed.
STATUS_ORDER = [
    Status.NEW,
    Status.IN_PROGRESS,
    Status.WAITING,
    Status.FORWARDED,
    Status.RESOLVED,
    Status.CLOSED,
]
REFERENCE_ONLY_SHOWN = 20
REFERENCE = re.compile(r"KC-\d{4}-\d{6,}")


def _latest(kind):
    return (
        CaseEvent.objects.filter(case=OuterRef("pk"), kind=kind)
        .order_by("-created_at")
        .values("created_at")[:1]
    )


def queue_queryset():
    """Cases with what the listing shows and filters on, in one query (no per-row look-ups)."""
    return (
        Case.objects.select_related("service_area", "department", "assignee")
        .annotate(
            last_citizen_message_at=Subquery(_latest(CaseEvent.CITIZEN_MESSAGE)),
            last_reply_at=Subquery(_latest(CaseEvent.REPLY)),
            status_rank=SQLCase(
                *(When(status=code, then=Value(rank)) for rank, code in enumerate(STATUS_ORDER)),
                output_field=IntegerField(),
            ),
        )
        .annotate(
            # The citizen wrote after our last reply (or we never replied).
            citizen_waiting=ExpressionWrapper(
                Q(last_citizen_message_at__isnull=False)
                & (Q(last_reply_at__isnull=True) | Q(last_citizen_message_at__gt=F("last_reply_at"))),
                output_field=BooleanField(),
            )
        )
    )


def attention_reason(case) -> str:
    if case.needs_attention:
        return case.attention_reason or str(_("Needs attention"))
    if case.citizen_waiting:
        return str(_("The citizen has written"))
    return ""


class AttentionColumn(Column):
    cell_template_name = "contactcentre/admin/cells/attention.html"


class DueColumn(Column):
    """The resolution due date, tagged "Overdue" or "Due soon" (from ``mark_due_states``)."""

    cell_template_name = "contactcentre/admin/cells/due.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["state"] = getattr(instance, "due_state", service_levels.OK)
        context["state_label"] = getattr(instance, "due_state_label", "")
        return context


def _name(related) -> str:
    return related.name if related else ""


def _yes_no(value) -> str:
    return {True: _("Yes"), False: _("No"), None: ""}[value]


# The export's columns: key → (heading, value of a case). Received is local time, so the file
# reads as the office's clock, to the minute; XLSX gets a naive local datetime it can sort.
EXPORT_COLUMNS = {
    "reference": (_("Reference"), lambda case: case.reference),
    "registry_number": (_("Registry number"), lambda case: case.registry_number),
    "received_at": (
        _("Received"),
        lambda case: timezone.localtime(case.received_at).replace(tzinfo=None, second=0, microsecond=0),
    ),
    "status": (_("Status"), lambda case: case.get_status_display()),
    "channel": (_("Channel"), lambda case: case.get_channel_display()),
    "service_area": (_("Service area"), lambda case: _name(case.service_area)),
    "department": (_("Department"), lambda case: _name(case.department)),
    "committee": (_("Committee"), lambda case: _name(case.committee)),
    "resolved_at_first_contact": (
        _("Resolved at first contact"),
        lambda case: _yes_no(case.resolved_at_first_contact),
    ),
}


class CaseListingView(PermissionCheckedMixin, SpreadsheetExportMixin, BaseListingView):
    template_name = "contactcentre/admin/listing.html"
    results_template_name = "contactcentre/admin/listing_results.html"
    page_title = _("Cases")
    header_icon = "tasks"
    index_url_name = "contactcentre_admin:index"
    index_results_url_name = "contactcentre_admin:index_results"
    paginate_by = 50
    paginator_class = CappedCountPaginator
    is_searchable = True
    # Never a personnummer: the listing searches and shows only these.
    search_fields = ["reference", "registry_number", "contact_name"]
    default_ordering = "-received_at"
    filterset_class = CaseFilterSet
    verbose_name = _("case")
    verbose_name_plural = _("cases")
    permission_policy = case_permission_policy
    permission_required = VIEW
    list_export = list(EXPORT_COLUMNS)
    custom_field_preprocess = {
        "received_at": {SpreadsheetExportMixin.FORMAT_CSV: lambda value: value.strftime("%Y-%m-%d %H:%M")}
    }
    # The ``export/`` address answers with this format when ``?export=`` names none.
    default_export_format = None
    columns = [
        BulkActionsCheckboxColumn("bulk_actions", obj_type="case"),
        TitleColumn(
            "reference",
            label=_("Reference"),
            url_name="contactcentre_admin:detail",
            sort_key="reference",
            get_title_id=lambda case: f"case_{case.pk}_title",
        ),
        Column("title", label=_("Title")),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            sort_key="status_rank",
            primary=lambda case: case.status == Status.NEW,
        ),
        Column("service_area", label=_("Service area"), accessor="service_area.name"),
        Column("department", label=_("Department"), accessor="department.name"),
        Column(
            "assignee",
            label=_("Assignee"),
            accessor=lambda case: get_user_display_name(case.assignee) if case.assignee else "",
        ),
        Column("channel", label=_("Channel"), accessor="get_channel_display"),
        DateColumn("received_at", label=_("Received"), sort_key="received_at"),
        DueColumn("resolution_due", label=_("Due"), sort_key="resolution_due"),
        AttentionColumn("attention", label=_("Attention"), accessor=attention_reason),
    ]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.export_format = request.GET.get("export", self.default_export_format)
        self.is_export = self.export_format in self.FORMATS

    def get(self, request, *args, **kwargs):
        if identity_numbers.looks_like(request.GET.get("q", "")):
            # A personnummer typed into an address (an old link, a script): this request is already
            # in the access log, but the next ones and the browser's history get the key instead.
            params = request.GET.copy()
            params["q"] = queue_search.address_query(request, params["q"])
            return redirect(f"{request.path}?{params.urlencode()}")
        if self.is_export:
            if not self.user_has_permission(EXPORT):
                raise PermissionDenied
            queryset = self.get_queryset().select_related("committee")
            return self.as_spreadsheet(queryset.iterator(chunk_size=1000), self.export_format)
        return super().get(request, *args, **kwargs)

    def get_filename(self):
        return f"arenden-{timezone.localtime():%Y%m%d-%H%M}"

    def get_heading(self, queryset, field):
        return str(EXPORT_COLUMNS[field][0])

    def to_row_dict(self, item):
        return {field: value(item) for field, (_heading, value) in EXPORT_COLUMNS.items()}

    def stream_csv(self, queryset):
        # A byte-order mark so spreadsheet programs read UTF-8, and ";" as Swedish Excel expects.
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=";")
        yield "\ufeff".encode() + writer.writerow(
            {field: self.get_heading(None, field) for field in self.list_export}
        )
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def get_base_queryset(self):
        return access.visible_cases(self.request.user, queue_queryset())

    def search_queryset(self, queryset):
        # A whole reference is looked up by equality on its unique index, not a substring
        # search through every case (docs/performance.md).
        query = (self.search_query or "").strip().upper() if self.is_searching else ""
        if REFERENCE.fullmatch(query):
            return queryset.filter(reference=query)
        if self.identity_number_search is not None:
            # A personnummer posted to the search box: its key found here, its cases through the index.
            digits = identity_numbers.normalise(self.identity_number_search)
            return identity_numbers.cases_of(digits, queryset) if digits else queryset.none()
        if self.is_searching and self.search_query.startswith(queue_search.KEY_PREFIX):
            return queryset.none()  # a key this session does not hold (another browser, an old session)
        return super().search_queryset(queryset)

    @cached_property
    def identity_number_search(self) -> str | None:
        return queue_search.recall(self.request, self.search_query) if self.is_searching else None

    def order_queryset(self, queryset):
        # The primary key breaks ties, so pages never repeat or skip a case.
        tie_break = "pk" if self.ordering.startswith("-") else "-pk"
        return queryset.order_by(self.ordering, tie_break)

    def get_table(self, object_list):
        # Iterating the page's queryset fills its cache: the table reuses the same rows.
        service_levels.mark_due_states(object_list)
        return super().get_table(object_list)

    def get_table_kwargs(self):
        return {**super().get_table_kwargs(), "caption": _("Cases you may see")}

    @cached_property
    def header_buttons(self):
        buttons = [
            HeaderButton(_("Next case"), url=reverse("contactcentre_admin:next"), icon_name="arrow-right"),
            HeaderButton(_("Log a contact"), url=reverse("contactcentre_admin:add"), icon_name="plus"),
        ]
        if self.request.user.has_perm(REGISTERUTDRAG_PERMISSION):
            buttons.append(
                HeaderButton(
                    _("Registerutdrag"),
                    url=reverse("contactcentre_admin:registerutdrag"),
                    icon_name="download",
                )
            )
        return buttons

    @cached_property
    def show_export_buttons(self):
        return self.user_has_permission(EXPORT)

    def get_export_url(self, format):
        # Always the full queue's address with the current filters, also from the results view.
        params = self.request.GET.copy()
        params["export"] = format
        return f"{reverse(self.index_url_name)}?{params.urlencode()}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["queue_search_params"] = queue_search.kept_params(self.request)
        if self.identity_number_search is not None:
            context["identity_number_search"] = identity_numbers.masked(self.identity_number_search)
        if not self.results_only:
            context["reference_only"] = access.reference_only_cases(self.request.user).order_by(
                "-received_at"
            )[:REFERENCE_ONLY_SHOWN]
        return context
