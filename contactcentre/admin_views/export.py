"""The queue as a spreadsheet: the same filters and access rules as the listing, no personal data.

Registrars and managers take lists out; what leaves the system names no person: no
contact details, no answers, no personnummer.
"""

import csv

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from contactcentre.admin_views.listing import CaseListingView


class CaseExportView(CaseListingView):
    def get(self, request, *args, **kwargs):
        queryset = self.get_queryset().select_related("service_area", "department", "committee")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="arenden-{stamp}.csv"'
        response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
        writer = csv.writer(response, delimiter=";")
        writer.writerow(
            [
                _("Reference"),
                _("Registry number"),
                _("Received"),
                _("Status"),
                _("Channel"),
                _("Service area"),
                _("Department"),
                _("Committee"),
                _("Resolved at first contact"),
            ]
        )
        for case in queryset.iterator(chunk_size=1000):
            writer.writerow(
                [
                    case.reference,
                    case.registry_number,
                    timezone.localtime(case.received_at).strftime("%Y-%m-%d %H:%M"),
                    case.get_status_display(),
                    case.get_channel_display(),
                    case.service_area.name if case.service_area else "",
                    case.department.name if case.department else "",
                    case.committee.name if case.committee else "",
                    {True: _("Yes"), False: _("No"), None: ""}[case.resolved_at_first_contact],
                ]
            )
        return response
