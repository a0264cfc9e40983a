"""The queue's admin URLs, under /admin/arenden/ (namespace ``contactcentre_admin``)."""

from django.urls import path

from contactcentre.admin_views import attachments, case_actions
from contactcentre.admin_views.contact_log import ContactLogView
from contactcentre.admin_views.detail import CaseDetailView
from contactcentre.admin_views.export import CaseExportView
from contactcentre.admin_views.flags import FlagContentView
from contactcentre.admin_views.listing import CaseListingView
from contactcentre.admin_views.next_case import next_case

app_name = "contactcentre_admin"

urlpatterns = [
    path("", CaseListingView.as_view(), name="index"),
    path("results/", CaseListingView.as_view(results_only=True), name="index_results"),
    path("ny/", ContactLogView.as_view(), name="add"),
    path("nasta/", next_case, name="next"),
    path("export/", CaseExportView.as_view(), name="export"),
    path("<int:pk>/", CaseDetailView.as_view(), name="detail"),
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
