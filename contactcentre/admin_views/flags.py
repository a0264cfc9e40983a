"""Content flags in the admin: the form on the case page, "Content to review" and its dashboard panel.

The rules (who may flag, who is told, the counts) are in ``contactcentre.flags``; these
views read the request and call it.
"""

from django import forms
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

from contactcentre import flags
from contactcentre.admin_views.detail import CaseDetailView, case_for
from contactcentre.admin_views.forms import working_language
from contactcentre.models import ContentFlag
from pages.models import FAQ

PREFIX = "flag"
MINE, ALL = "mina", "alla"  # the list's ?visa= filter, in the admin's language like its URLs


class PageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class FlagForm(forms.Form):
    page = PageChoiceField(
        label=_("Service or information page"), queryset=Page.objects.none(), required=False, empty_label="–"
    )
    faq = forms.ModelChoiceField(
        label=_("or FAQ"), queryset=FAQ.objects.none(), required=False, empty_label="–"
    )
    reason = forms.ChoiceField(
        label=_("What is the problem?"),
        choices=ContentFlag.REASONS,
        initial=ContentFlag.OUTDATED,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("What is wrong"),
        max_length=2000,
        help_text=_("What the editor needs to know. No personal data: the editor may not see the case."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", PREFIX)
        super().__init__(*args, **kwargs)
        # Set here, not at import: choosing pages by type asks the database for content types.
        self.fields["page"].queryset = flags.flaggable_pages().only("pk", "title")
        faqs = working_language(FAQ.objects.only("pk", "question"))
        self.fields["faq"].queryset = faqs.order_by("question")

    def clean(self):
        data = super().clean()
        page, faq = data.get("page"), data.get("faq")
        if page and faq:
            raise forms.ValidationError(_("Choose a page or an FAQ, not both: flag them one at a time."))
        if not page and not faq and "page" not in self.errors and "faq" not in self.errors:
            raise forms.ValidationError(_("Choose the page or the FAQ that is outdated or wrong."))
        return data


def case_page_context(case, form=None) -> dict:
    """What the case page's flag section needs: the form and the flags made from this case."""
    return {"flag_form": form or FlagForm(), "case_flags": list(flags.flags_from_case(case))}


class FlagContentView(CaseDetailView):
    """Posted to from the case page; an invalid form shows the case page again with its errors."""

    http_method_names = ["post"]
    flag_form = None

    def post(self, request, pk):
        case = case_for(request.user, pk)
        form = FlagForm(request.POST)
        if not form.is_valid():
            messages.validation_error(request, gettext("Nothing was flagged: check the form."), form)
            self.flag_form = form
            return self.get(request, pk=pk)
        data = form.cleaned_data
        flag = flags.flag_content(
            request.user,
            case,
            page=data["page"],
            faq=data["faq"],
            reason=data["reason"],
            comment=data["comment"],
        )
        title = flag.faq.question if flag.faq else flag.page.title
        if flags.recipient(page=flag.page, faq=flag.faq):
            message = gettext("“%(title)s” is flagged, and its editor is told by e-mail.")
        else:
            message = gettext("“%(title)s” is flagged. No editor to e-mail: it waits in the editors' list.")
        messages.success(request, message % {"title": title})
        return redirect(reverse("contactcentre_admin:detail", args=[case.pk]) + "#flags-heading")


# --- Content to review -------------------------------------------------------------------------------


class EditorsOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not flags.may_review_content(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ContentReviewView(EditorsOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "contactcentre/admin/flags_review.html"
    page_title = _("Content to review")
    header_icon = "clipboard-list"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        mine = self.request.GET.get("visa") == MINE
        base = reverse("contactcentre_content_review")
        context.update(
            mine=mine,
            filter_value=MINE if mine else ALL,
            mine_url=f"{base}?{urlencode({'visa': MINE})}",
            all_url=base,
            items=flags.flagged_items(editor=user if mine else None),
            overdue=flags.pages_past_review(user),
            usage_days=flags.USAGE_DAYS,
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
            return redirect("contactcentre_content_review")
        item = get_object_or_404(FAQ if kind == "faq" else Page, pk=pk)
        count = flags.mark_handled(request.user, item)
        title = item.question if kind == "faq" else item.title
        messages.success(
            request,
            gettext("“%(title)s”: %(count)s flags marked as handled.") % {"title": title, "count": count},
        )
        back = reverse("contactcentre_content_review")
        if request.POST.get("visa") == MINE:
            back += "?" + urlencode({"visa": MINE})
        return redirect(back)


class ContentReviewPanel(Component):
    """On the admin home page for editors: how much of their content needs a look."""

    name = "contactcentre_content_review"
    template_name = "contactcentre/admin/flags_panel.html"
    order = 60  # after the agents' tally form

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        return {
            "my_flags": flags.open_flag_count(editor=user),
            "my_overdue": flags.past_review_count(editor=user),
            "all_flags": flags.open_flag_count(),
            "all_overdue": flags.past_review_count(),
            "mine_url": reverse("contactcentre_content_review") + "?" + urlencode({"visa": MINE}),
            "all_url": reverse("contactcentre_content_review"),
        }
