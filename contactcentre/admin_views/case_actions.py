"""One POST view per action on the case page: read the form, call ``contactcentre.actions``, redirect back.

A case this user may not see is a 404, as on the case page; an action the rules refuse
(``PermissionDenied``) is Wagtail's "no permission" response; a refused value (an illegal
transition, an assignee who may not see the case) is an error message on the case page.
"""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.views import View

from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name

from contactcentre import access, actions
from contactcentre.admin_views import forms
from contactcentre.admin_views.detail import case_for, reply_notice
from contactcentre.models.cases import Status


class CaseActionView(View):
    http_method_names = ["post"]
    form_class = forms.ClaimForm
    prefix = ""
    needs_case = False

    def post(self, request, pk):
        case = case_for(request.user, pk)
        form_kwargs = {"case": case} if self.needs_case else {}
        form = self.form_class(request.POST, prefix=self.prefix, **form_kwargs)
        if not form.is_valid():
            messages.error(request, self.invalid_message(form))
            return redirect("contactcentre_admin:detail", pk=case.pk)
        try:
            message = self.perform(request.user, case, form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, message)
        if access.can_view(request.user, case):
            return redirect("contactcentre_admin:detail", pk=case.pk)
        # Forwarded out of this user's departments: the queue is where they go on from.
        return redirect(reverse("contactcentre_admin:index"))

    def invalid_message(self, form) -> str:
        problems = [
            f"{form.fields[name].label}: {' '.join(errors)}" if name in form.fields else " ".join(errors)
            for name, errors in form.errors.items()
        ]
        return gettext("Nothing was changed. %(problems)s") % {"problems": " ".join(problems)}

    def perform(self, user, case, data) -> str:
        raise NotImplementedError


class ClaimView(CaseActionView):
    prefix = "claim"

    def perform(self, user, case, data):
        actions.claim(user, case)
        return gettext("You are now handling %(reference)s.") % {"reference": case.reference}


class AssignView(CaseActionView):
    form_class = forms.AssignForm
    prefix = "assign"
    needs_case = True

    def perform(self, user, case, data):
        assignee = data["assignee"]
        actions.assign(user, case, assignee)
        if assignee is None:
            return gettext("%(reference)s is unassigned.") % {"reference": case.reference}
        return gettext("%(reference)s is assigned to %(name)s.") % {
            "reference": case.reference,
            "name": get_user_display_name(assignee),
        }


class StatusView(CaseActionView):
    form_class = forms.StatusForm
    prefix = "status"
    needs_case = True

    def perform(self, user, case, data):
        actions.change_status(user, case, data["status"])
        return gettext("%(reference)s is now: %(status)s.") % {
            "reference": case.reference,
            "status": Status(data["status"]).label,
        }


class NoteView(CaseActionView):
    form_class = forms.NoteForm
    prefix = "note"

    def perform(self, user, case, data):
        actions.add_note(user, case, data["text"])
        return gettext("Internal note added.")


class ReplyView(CaseActionView):
    form_class = forms.ReplyForm
    prefix = "reply"

    def perform(self, user, case, data):
        actions.reply(user, case, data["text"], wait_for_citizen=data["wait_for_citizen"])
        notice = reply_notice(case)
        return " ".join(filter(None, [gettext("Reply sent."), notice]))


class ForwardView(CaseActionView):
    form_class = forms.ForwardForm
    prefix = "forward"

    def perform(self, user, case, data):
        actions.forward(user, case, data["department"], note=data["note"])
        return gettext("%(reference)s is forwarded to %(department)s.") % {
            "reference": case.reference,
            "department": data["department"],
        }


class ResolveView(CaseActionView):
    form_class = forms.ResolveForm
    prefix = "resolve"
    needs_case = True

    def perform(self, user, case, data):
        actions.resolve(user, case, first_contact=data["first_contact"], faq=data["faq"])
        return gettext("%(reference)s is resolved.") % {"reference": case.reference}


class RegistryView(CaseActionView):
    form_class = forms.RegistryForm
    prefix = "registry"

    def perform(self, user, case, data):
        actions.update_registry(
            user,
            case,
            registry_number=data["registry_number"].strip(),
            protected_identity=data["protected_identity"],
        )
        return gettext("The registry details of %(reference)s are saved.") % {"reference": case.reference}


class SecrecyView(CaseActionView):
    form_class = forms.SecrecyForm
    prefix = "secrecy"
    needs_case = True

    def perform(self, user, case, data):
        actions.mark_secrecy(user, case, target=data["target"], legal_basis=data["legal_basis"])
        return gettext("The secrecy marking is saved.")


class ClearAttentionView(CaseActionView):
    form_class = forms.ClearAttentionForm
    prefix = "attention"

    def perform(self, user, case, data):
        actions.clear_attention(user, case)
        return gettext("%(reference)s no longer needs attention.") % {"reference": case.reference}
