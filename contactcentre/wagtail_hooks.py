"""The contact centre in the Wagtail admin: the queue, tallies, statistics, canned replies, service levels,
and what it tells content review. The only module of this app that Wagtail loads for hooks."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from contactcentre import access, content_flags
from contactcentre.admin_views.bulk import AssignCasesBulkAction, ChangeStatusCasesBulkAction
from contactcentre.admin_views.statistics import StatisticsPanel
from contactcentre.admin_views.tally import TallyPanel
from contactcentre.models import CannedReply, ServiceLevel
from contactcentre.permissions import can_see_statistics
from contactcentre.viewsets import case_viewset, statistics_viewset
from pages.review import USAGE_HOOK


@hooks.register("register_admin_viewset")
def register_case_viewsets():
    return [case_viewset, statistics_viewset]


hooks.register("register_bulk_action", AssignCasesBulkAction)
hooks.register("register_bulk_action", ChangeStatusCasesBulkAction)


# --- The admin home page: the agents' tally form and the managers' statistics panel ---------------


@hooks.register("construct_homepage_panels")
def add_tally_panel(request, panels):
    if access.is_agent(request.user):
        panels.append(TallyPanel(request))


@hooks.register("construct_homepage_panels")
def add_statistics_panel(request, panels):
    if can_see_statistics(request.user):
        panels.append(StatisticsPanel(request))


# --- Canned replies (svarsmallar) and service levels (under Settings) ----------------------------


class CannedReplyViewSet(SnippetViewSet):
    model = CannedReply
    icon = "openquote"
    menu_label = _("Canned replies")
    menu_name = "canned-replies"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["title", "service_area", "updated_at"]
    list_filter = ["service_area"]


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


register_snippet(CannedReplyViewSet)
register_snippet(ServiceLevelViewSet)


# --- Content review (pages): how the contact centre used each FAQ ---------------------------------

hooks.register(USAGE_HOOK, content_flags.faq_usage)
