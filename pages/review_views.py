"""Content review in the admin: "Content to review" (a Wagtail report), its viewset and dashboard panel.

The rules (who is told, the counts, who may review) are in ``pages.review``; these views read
the request and call it. The report exports the flagged items as CSV or XLSX for an editors'
meeting: titles, editors and counts, never the agents' comments (they may quote a citizen).
"""

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View

from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.models import Page

from core.permissions import OneActionPolicy, policy_menu_item
from pages import review
from pages.models import FAQ, ContentFlag

MINE, ALL = "mina", "alla"  # the list's ?visa= filter, in the admin's language like its URLs
REVIEW = "review"


# One action, ``review``: see the flags and past-due pages, mark flags handled.
content_review_policy = OneActionPolicy(ContentFlag, REVIEW, review.may_review_content)


class EditorsOnlyMixin(PermissionCheckedMixin):
    permission_policy = content_review_policy
    permission_required = REVIEW


class ContentReviewView(EditorsOnlyMixin, ReportView):
    results_template_name = "pages/admin/content_review_results.html"
    page_title = _("Content to review")
    header_icon = "clipboard-list"
    index_url_name = "content_review:index"
    paginate_by = None  # an editor's list is short; every flag on one page
    export_filename = "innehall-att-se-over"
    list_export = [
        "kind_label",
        "title",
        "editor_name",
        "open_flags",
        "flagging_cases",
        "faq_cases",
        "faq_tallies",
        "latest_reason_label",
        "latest_at",
    ]
    export_headings = {
        "kind_label": _("Page or FAQ"),
        "title": _("Title"),
        "editor_name": _("Responsible editor"),
        "open_flags": _("Open flags"),
        "flagging_cases": _("Cases that flagged it"),
        "faq_cases": _("Cases resolved with the FAQ"),
        "faq_tallies": _("Counted contacts that used the FAQ"),
        "latest_reason_label": _("Latest flag"),
        "latest_at": _("Latest flag on"),
    }

    @property
    def mine(self):
        return self.request.GET.get("visa") == MINE

    def get_queryset(self):
        return review.flagged_items(editor=self.request.user if self.mine else None)

    def to_row_dict(self, item):
        derived = {
            "kind_label": gettext("FAQ question") if item.kind == "faq" else gettext("Page"),
            "editor_name": get_user_display_name(item.editor) if item.editor else "",
        }
        return {
            field: derived[field] if field in derived else getattr(item, field) for field in self.list_export
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        base = reverse("content_review:index")
        context.update(
            mine=self.mine,
            filter_value=MINE if self.mine else ALL,
            mine_url=f"{base}?{urlencode({'visa': MINE})}",
            all_url=base,
            items=context["object_list"],
            overdue=review.pages_past_review(self.request.user),
            usage_days=review.USAGE_DAYS,
            default_language=settings.LANGUAGE_CODE,
        )
        return context


class MarkHandledView(EditorsOnlyMixin, View):
    """Marks every open flag of one page or FAQ as handled, then back to the list."""

    http_method_names = ["post"]

    def post(self, request):
        kind, pk = request.POST.get("kind"), request.POST.get("pk", "")
        if kind not in ("page", "faq") or not pk.isdigit():
            messages.error(request, gettext("Nothing was marked: the item is unknown."))
            return redirect("content_review:index")
        item = get_object_or_404(FAQ if kind == "faq" else Page, pk=pk)
        count = review.mark_handled(request.user, item)
        title = item.question if kind == "faq" else item.title
        messages.success(
            request,
            gettext("“%(title)s”: %(count)s flags marked as handled.") % {"title": title, "count": count},
        )
        back = reverse("content_review:index")
        if request.POST.get("visa") == MINE:
            back += "?" + urlencode({"visa": MINE})
        return redirect(back)


class ContentReviewPanel(Component):
    """On the admin home page for editors: how much of their content needs a look."""

    name = "content_review"
    template_name = "pages/admin/content_review_panel.html"
    order = 60  # after the agents' tally form

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        return {
            "my_flags": review.open_flag_count(editor=user),
            "my_overdue": review.past_review_count(editor=user),
            "all_flags": review.open_flag_count(),
            "all_overdue": review.past_review_count(),
            "mine_url": reverse("content_review:index") + "?" + urlencode({"visa": MINE}),
            "all_url": reverse("content_review:index"),
        }


class ContentReviewViewSet(ViewSet):
    name = "content_review"
    url_prefix = "innehall-att-se-over"
    icon = "clipboard-list"
    menu_label = _("Content to review")
    menu_name = "content-review"
    menu_order = 160
    add_to_admin_menu = True
    menu_item_class = policy_menu_item(content_review_policy, REVIEW)

    def get_urlpatterns(self):
        return [
            path("", ContentReviewView.as_view(), name="index"),
            path("hanterad/", MarkHandledView.as_view(), name="handled"),
        ]


content_review_viewset = ContentReviewViewSet()
