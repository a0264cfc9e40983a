"""Service levels in the Wagtail admin (Settings). Imported from ``ContactcentreConfig.ready()``."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from contactcentre.models import ServiceLevel


class ServiceLevelViewSet(SnippetViewSet):
    model = ServiceLevel
    icon = "time"
    menu_label = _("Service levels")
    menu_name = "service-levels"
    add_to_settings_menu = True
    list_display = [
        "service_area",
        "first_response_working_hours",
        "resolution_working_days",
        "email_first_response_working_days",
    ]


register_snippet(ServiceLevelViewSet)
