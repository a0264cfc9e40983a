"""Flagging content from a case: the view the case page's flag form posts to.

Who may flag is ``contactcentre.content_flags``; the flags themselves and what editors see
of them are content review's (``pages.review``).
"""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext

from wagtail.admin import messages

from contactcentre import content_flags
from contactcentre.admin_views.detail import CaseDetailView, case_for
from contactcentre.admin_views.flag_form import FlagForm
from pages import review


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
        flag = content_flags.flag_from_case(
            request.user,
            case,
            page=data["page"],
            faq=data["faq"],
            reason=data["reason"],
            comment=data["comment"],
        )
        title = flag.faq.question if flag.faq else flag.page.title
        if review.recipient(page=flag.page, faq=flag.faq):
            message = gettext("“%(title)s” is flagged, and its editor is told by e-mail.")
        else:
            message = gettext("“%(title)s” is flagged. No editor to e-mail: it waits in the editors' list.")
        messages.success(request, message % {"title": title})
        return redirect(reverse("contactcentre_admin:detail", args=[case.pk]) + "#flags-heading")
