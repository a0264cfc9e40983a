"""Log a phone call, e-mail, letter or visit as a case, through the same service as web cases."""

from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin import messages
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin

from contactcentre import access, actions
from contactcentre.admin_views.forms import ContactLogForm
from contactcentre.permissions import ADD, case_permission_policy
from contactcentre.services import open_case


class ContactLogView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "contactcentre/admin/contact_log.html"
    form_class = ContactLogForm
    page_title = _("Log a contact")
    header_icon = "tasks"
    permission_policy = case_permission_policy
    permission_required = ADD

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("contactcentre_admin:index"), "label": gettext("Cases")},
            {"url": "", "label": self.get_page_title()},
        ]

    def form_valid(self, form):
        user = self.request.user
        with transaction.atomic():
            case, _created = open_case(form.new_case(user))
            may_see = access.can_view(user, case)
            resolved = form.cleaned_data["resolved_now"] and may_see
            if resolved:
                actions.resolve(user, case, first_contact=True, faq=form.cleaned_data["faq"])
        if not may_see:
            # A confidential area: the case went straight to its department.
            message = gettext("%(reference)s is logged and handed over to its department.") % {
                "reference": case.reference
            }
            if form.cleaned_data["resolved_now"]:
                message += " " + gettext("The department records how it was resolved.")
            messages.success(self.request, message)
            return redirect("contactcentre_admin:index")
        if resolved:
            message = gettext("%(reference)s is logged and resolved at first contact.")
        else:
            message = gettext("%(reference)s is logged.")
        messages.success(self.request, message % {"reference": case.reference})
        return redirect("contactcentre_admin:detail", pk=case.pk)

    def form_invalid(self, form):
        messages.validation_error(
            self.request, gettext("The contact could not be logged: check the form."), form
        )
        return super().form_invalid(form)
