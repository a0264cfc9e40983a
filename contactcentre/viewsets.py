"""The contact centre's admin screens as Wagtail viewsets: URLs, namespaces and menu items in one place.

``CaseViewSet`` holds the queue, a case and its actions, the contact log and the tally form under
``/admin/arenden/`` (namespace ``contactcentre_admin``); ``StatisticsViewSet`` the managers' page
under ``/admin/arenden/statistik/`` (namespace ``contactcentre_statistics``). Who sees each menu
item is the same question the views ask: ``contactcentre.permissions.case_permission_policy``.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.base import ViewSet

from contactcentre.admin_views import attachments, case_actions
from contactcentre.admin_views import search as queue_search
from contactcentre.admin_views.contact_log import ContactLogView
from contactcentre.admin_views.detail import CaseDetailView, RevealIdentityNumbersView
from contactcentre.admin_views.flags import FlagContentView
from contactcentre.admin_views.listing import CaseListingView
from contactcentre.admin_views.next_case import NextCaseView
from contactcentre.admin_views.registerutdrag import RegisterutdragView
from contactcentre.admin_views.statistics import StatisticsView
from contactcentre.admin_views.tally import TallyView
from contactcentre.permissions import VIEW, VIEW_STATISTICS, case_permission_policy
from core.permissions import policy_menu_item


class CaseViewSet(ViewSet):
    name = "arenden"
    url_namespace = "contactcentre_admin"
    icon = "tasks"
    menu_label = _("Cases")
    menu_name = "cases"
    menu_order = 150
    add_to_admin_menu = True
    menu_item_class = policy_menu_item(case_permission_policy, VIEW)
    permission_policy = case_permission_policy

    def get_urlpatterns(self):
        return [
            path("", CaseListingView.as_view(), name="index"),
            path("results/", CaseListingView.as_view(results_only=True), name="index_results"),
            path("sok/", queue_search.search, name="search"),
            path("ny/", ContactLogView.as_view(), name="add"),
            path("nasta/", NextCaseView.as_view(), name="next"),
            # The CSV of the filtered queue keeps its old address; ``?export=xlsx`` gives XLSX.
            path("export/", CaseListingView.as_view(default_export_format="csv"), name="export"),
            path("tally/", TallyView.as_view(), name="tally"),
            path("registerutdrag/", RegisterutdragView.as_view(), name="registerutdrag"),
            path("<int:pk>/", CaseDetailView.as_view(), name="detail"),
            path("<int:pk>/visa-personnummer/", RevealIdentityNumbersView.as_view(), name="reveal"),
            path("<int:pk>/ta/", case_actions.ClaimView.as_view(), name="claim"),
            path("<int:pk>/tilldela/", case_actions.AssignView.as_view(), name="assign"),
            path("<int:pk>/status/", case_actions.StatusView.as_view(), name="status"),
            path("<int:pk>/anteckning/", case_actions.NoteView.as_view(), name="note"),
            path("<int:pk>/svar/", case_actions.ReplyView.as_view(), name="reply"),
            path("<int:pk>/vidarebefordra/", case_actions.ForwardView.as_view(), name="forward"),
            path("<int:pk>/los/", case_actions.ResolveView.as_view(), name="resolve"),
            path("<int:pk>/diarium/", case_actions.RegistryView.as_view(), name="registry"),
            path("<int:pk>/sekretess/", case_actions.SecrecyView.as_view(), name="secrecy"),
            path("<int:pk>/atgardad/", case_actions.ClearAttentionView.as_view(), name="clear_attention"),
            path("<int:pk>/flagga/", FlagContentView.as_view(), name="flag"),
            path("<int:pk>/bilagor/<int:attachment_pk>/", attachments.download, name="attachment"),
        ]


class StatisticsViewSet(ViewSet):
    name = "statistik"
    url_prefix = "arenden/statistik"
    url_namespace = "contactcentre_statistics"
    icon = "table"
    menu_label = _("Statistics")
    menu_name = "statistics"
    menu_order = 160
    add_to_admin_menu = True
    menu_item_class = policy_menu_item(case_permission_policy, VIEW_STATISTICS)

    def get_urlpatterns(self):
        return [path("", StatisticsView.as_view(), name="index")]


case_viewset = CaseViewSet()
statistics_viewset = StatisticsViewSet()
