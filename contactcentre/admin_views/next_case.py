""" "Next case": straight to the most urgent unassigned case of the queue, without scanning the list.

Most urgent is the earliest due date still to meet (first response, then resolution), then
the oldest arrival. Staff of a department (agents are staff of the contact centre's) get
their departments' cases; others get every case they may see.
"""

from django.db.models import F
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.views import View

from wagtail.admin import messages
from wagtail.admin.views.generic import PermissionCheckedMixin

from contactcentre import access
from contactcentre.models.cases import Status
from contactcentre.permissions import VIEW, case_permission_policy

WAITING_FOR_SOMEONE = (Status.NEW, Status.FORWARDED)


def next_case_for(user, *, after=None):
    cases = access.visible_cases(user).filter(assignee__isnull=True, status__in=WAITING_FOR_SOMEONE)
    departments = access.department_ids(user)
    if departments:
        cases = cases.filter(department_id__in=departments)
    if after is not None:
        cases = cases.exclude(pk=after)
    return (
        cases.annotate(due=Coalesce("first_response_due", "resolution_due"))
        .order_by(F("due").asc(nulls_last=True), "received_at", "pk")
        .only("pk")
        .first()
    )


class NextCaseView(PermissionCheckedMixin, View):
    permission_policy = case_permission_policy
    permission_required = VIEW

    def get(self, request):
        after = request.GET.get("efter", "")
        case = next_case_for(request.user, after=int(after) if after.isdigit() else None)
        if case is None:
            messages.success(request, gettext("No unassigned case is waiting for you."))
            return redirect("contactcentre_admin:index")
        return redirect("contactcentre_admin:detail", pk=case.pk)
