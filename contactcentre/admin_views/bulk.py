"""Bulk assign and bulk status change from the queue (Wagtail bulk actions), each case through its action."""

from django import forms as django_forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.bulk_action import BulkAction

from contactcentre import access, actions
from contactcentre.admin_views.forms import UserChoiceField
from contactcentre.admin_views.listing import CaseListingView
from contactcentre.models import Case
from contactcentre.models.cases import Status


class BulkAssignForm(django_forms.Form):
    assignee = UserChoiceField(label=_("Assign to"), queryset=access.case_staff())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Fresh per form: who works cases changes while the server runs.
        self.fields["assignee"].queryset = access.case_staff().order_by("first_name", "last_name", "username")


class AssignCasesBulkAction(BulkAction):
    display_name = _("Assign")
    action_type = "assign"
    aria_label = _("Assign the selected cases")
    template_name = "contactcentre/admin/bulk_actions/confirm_assign.html"
    action_priority = 10
    form_class = BulkAssignForm
    models = [Case]

    def get_queryset(self, model, object_ids):
        # Cases this user may not see are left out, not listed as refused: not even their reference shows.
        return list(
            access.visible_cases(self.request.user)
            .filter(pk__in=object_ids)
            .select_related("assignee")
            .order_by("-received_at")
        )

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all in listing": the listing's own query, with its filters and search.

        view = CaseListingView()
        view.setup(self.request)
        return view.get_queryset().values_list("pk", flat=True)

    def check_perm(self, obj):
        return access.can(self.request.user, access.ASSIGN, obj)

    def get_execution_context(self):
        return {"view": self, "assignee": self.cleaned_form.cleaned_data["assignee"]}

    @classmethod
    def execute_action(cls, objects, view=None, assignee=None, **kwargs):
        view.assigned, view.refused = [], []
        for case in objects:
            try:
                actions.assign(view.request.user, case, assignee)
            except (ValidationError, PermissionDenied):
                # The assignee may not see this case (a confidential one, another department's).
                view.refused.append(case)
            else:
                view.assigned.append(case)
        return len(view.assigned), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        name = get_user_display_name(self.cleaned_form.cleaned_data["assignee"])
        if self.refused:
            messages.warning(
                self.request,
                ngettext(
                    "Not assigned, as %(name)s may not see it: %(references)s.",
                    "Not assigned, as %(name)s may not see them: %(references)s.",
                    len(self.refused),
                )
                % {"name": name, "references": ", ".join(case.reference for case in self.refused)},
            )
        if not num_parent_objects:
            return None
        return ngettext(
            "%(count)d case assigned to %(name)s.",
            "%(count)d cases assigned to %(name)s.",
            num_parent_objects,
        ) % {"count": num_parent_objects, "name": name}


# The statuses a whole selection can move to; waiting and forwarding need a message or a department.
BULK_STATUSES = [Status.IN_PROGRESS, Status.RESOLVED, Status.CLOSED]


class BulkStatusForm(django_forms.Form):
    status = django_forms.ChoiceField(
        label=_("New status"),
        choices=[(status.value, status.label) for status in BULK_STATUSES],
        widget=django_forms.RadioSelect,
    )


class ChangeStatusCasesBulkAction(AssignCasesBulkAction):
    """Close the day's resolved cases, or take a batch into work, in one go (``actions.change_status``)."""

    display_name = _("Change status")
    action_type = "status"
    aria_label = _("Change the status of the selected cases")
    template_name = "contactcentre/admin/bulk_actions/confirm_status.html"
    action_priority = 20
    form_class = BulkStatusForm

    def check_perm(self, obj):
        return access.can(self.request.user, access.CHANGE_STATUS, obj)

    def get_execution_context(self):
        return {"view": self, "status": self.cleaned_form.cleaned_data["status"]}

    @classmethod
    def execute_action(cls, objects, view=None, status=None, **kwargs):
        view.changed, view.refused = [], []
        for case in objects:
            if case.status == status:
                continue
            try:
                actions.change_status(view.request.user, case, status)
            except (ValidationError, PermissionDenied):
                # Not a transition the workflow allows, such as reopening a closed case.
                view.refused.append(case)
            else:
                view.changed.append(case)
        return len(view.changed), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        label = Status(self.cleaned_form.cleaned_data["status"]).label
        if self.refused:
            messages.warning(
                self.request,
                ngettext(
                    "Not changed, as a case cannot go from its status to %(status)s: %(references)s.",
                    "Not changed, as these cases cannot go from their status to %(status)s: %(references)s.",
                    len(self.refused),
                )
                % {"status": label, "references": ", ".join(case.reference for case in self.refused)},
            )
        if not num_parent_objects:
            return None
        return ngettext(
            "%(count)d case is now %(status)s.",
            "%(count)d cases are now %(status)s.",
            num_parent_objects,
        ) % {"count": num_parent_objects, "status": label}
