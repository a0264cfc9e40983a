"""The contact centre's queue in the Wagtail admin: its menu item, its URLs and its bulk action."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from contactcentre import access
from contactcentre.admin_views import urls as queue_urls
from contactcentre.admin_views.bulk import AssignCasesBulkAction, ChangeStatusCasesBulkAction


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
    from contactcentre.admin_views.tally import TallyView

    return [path("arenden/tally/", TallyView.as_view(), name="contactcentre_tally")]


@hooks.register("construct_homepage_panels")
def add_tally_panel(request, panels):
    from contactcentre.admin_views.tally import TallyPanel

    if access.is_agent(request.user):
        panels.append(TallyPanel(request))


# --- Statistics: the page, its menu item and the managers' panel on the admin home page ----------


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        from contactcentre.admin_views.statistics import can_see_statistics

        return can_see_statistics(request.user)


@hooks.register("register_admin_urls")
def register_statistics_urls():
    from contactcentre.admin_views.statistics import StatisticsView

    return [path("arenden/statistik/", StatisticsView.as_view(), name="contactcentre_statistics")]


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(
        _("Statistics"), reverse("contactcentre_statistics"), name="statistics", icon_name="table", order=160
    )


@hooks.register("construct_homepage_panels")
def add_statistics_panel(request, panels):
    from contactcentre.admin_views.statistics import StatisticsPanel, can_see_statistics

    if can_see_statistics(request.user):
        panels.append(StatisticsPanel(request))
