"""Svarsmallar in the Wagtail admin. Imported from ``ContactcentreConfig.ready()``."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from contactcentre.models import CannedReply


class CannedReplyViewSet(SnippetViewSet):
    model = CannedReply
    icon = "openquote"
    menu_label = _("Canned replies")
    menu_name = "canned-replies"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["title", "service_area", "updated_at"]
    list_filter = ["service_area"]


register_snippet(CannedReplyViewSet)
