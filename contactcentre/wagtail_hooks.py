"""The contact centre in the Wagtail admin: the queue, tallies, statistics, canned replies, service levels,
and what it tells content review. The only module of this app that Wagtail loads for hooks."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from contactcentre import access, content_flags
from contactcentre.admin_views import urls as queue_urls
from contactcentre.admin_views.bulk import AssignCasesBulkAction, ChangeStatusCasesBulkAction
from contactcentre.admin_views.statistics import StatisticsPanel, StatisticsView, can_see_statistics
from contactcentre.admin_views.tally import TallyPanel, TallyView
from contactcentre.models import CannedReply, ServiceLevel
from pages.review import USAGE_HOOK


class CaseQueueMenuItem(MenuItem):
    def is_shown(self, request):
        # Superusers, agents (contactcentre.work_queue) and members of a department's staff group.
        return access.works_cases(request.user)


@hooks.register("register_admin_urls")
def register_queue_urls():
    return [path("arenden/", include(queue_urls, namespace="contactcentre_admin"))]


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return CaseQueueMenuItem(
        _("Cases"), reverse("contactcentre_admin:index"), name="cases", icon_name="tasks", order=150
    )


hooks.register("register_bulk_action", AssignCasesBulkAction)
hooks.register("register_bulk_action", ChangeStatusCasesBulkAction)


# --- Tallies (kontaktstatistik): the one-click form on the admin home page -----------------------


@hooks.register("register_admin_urls")
def register_tally_urls():
    return [path("arenden/tally/", TallyView.as_view(), name="contactcentre_tally")]


@hooks.register("construct_homepage_panels")
def add_tally_panel(request, panels):
    if access.is_agent(request.user):
        panels.append(TallyPanel(request))


# --- Statistics: the page, its menu item and the managers' panel on the admin home page ----------


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_statistics(request.user)


@hooks.register("register_admin_urls")
def register_statistics_urls():
    return [path("arenden/statistik/", StatisticsView.as_view(), name="contactcentre_statistics")]


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(
        _("Statistics"), reverse("contactcentre_statistics"), name="statistics", icon_name="table", order=160
    )


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
