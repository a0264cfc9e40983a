"""Content review in the admin: "Content to review" and its dashboard panel.

The rules (who is told, the counts, who may review) are in ``pages.review``; these views read
the request and call it.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Page

from pages import review
from pages.models import FAQ

MINE, ALL = "mina", "alla"  # the list's ?visa= filter, in the admin's language like its URLs


class EditorsOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not review.may_review_content(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ContentReviewView(EditorsOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "pages/admin/content_review.html"
    page_title = _("Content to review")
    header_icon = "clipboard-list"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        mine = self.request.GET.get("visa") == MINE
        base = reverse("content_review")
        context.update(
            mine=mine,
            filter_value=MINE if mine else ALL,
            mine_url=f"{base}?{urlencode({'visa': MINE})}",
            all_url=base,
            items=review.flagged_items(editor=user if mine else None),
            overdue=review.pages_past_review(user),
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
            return redirect("content_review")
        item = get_object_or_404(FAQ if kind == "faq" else Page, pk=pk)
        count = review.mark_handled(request.user, item)
        title = item.question if kind == "faq" else item.title
        messages.success(
            request,
            gettext("“%(title)s”: %(count)s flags marked as handled.") % {"title": title, "count": count},
        )
        back = reverse("content_review")
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
            "mine_url": reverse("content_review") + "?" + urlencode({"visa": MINE}),
            "all_url": reverse("content_review"),
        }
