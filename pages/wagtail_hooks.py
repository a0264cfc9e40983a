"""Admin menus for the content editors keep current, content review ("Content to review") and the
report of translations out of sync."""

from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from pages.locales import active_locale
from pages.models import (
    FAQ,
    Blankett,
    BlankettCategory,
    Committee,
    Department,
    ElectedOfficial,
    OpeningHours,
    Party,
    ServiceArea,
)
from pages.review import may_review_content
from pages.review_views import ContentReviewPanel, content_review_viewset
from pages.rich_text import LanguageAwarePageLinkHandler
from pages.translation_status_views import translations_out_of_sync_viewset


class ServiceAreaViewSet(SnippetViewSet):
    model = ServiceArea
    icon = "list-ol"
    list_display = ["name", "menu_digit", "default_department", "confidential"]


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    list_display = ["name", "committee", "phone", "email"]
    search_fields = ["name"]


class FAQViewSet(SnippetViewSet):
    model = FAQ
    icon = "help"
    list_display = ["question", "service_area", "updated_at"]
    list_filter = ["service_area"]


class BlankettViewSet(SnippetViewSet):
    model = Blankett
    icon = "doc-full"
    list_display = ["title", "code", "category", "service_area", "updated_at"]
    list_filter = ["category", "service_area"]


class BlankettCategoryViewSet(SnippetViewSet):
    model = BlankettCategory
    icon = "folder-open-inverse"


class OpeningHoursViewSet(SnippetViewSet):
    model = OpeningHours
    icon = "time"
    list_display = ["label", "channel", "updated_at"]


class ContactCentreContentGroup(SnippetViewSetGroup):
    items = (
        ServiceAreaViewSet,
        DepartmentViewSet,
        FAQViewSet,
        BlankettViewSet,
        BlankettCategoryViewSet,
        OpeningHoursViewSet,
    )
    menu_icon = "site"
    menu_label = _("Municipality content")
    menu_name = "municipality-content"


class ElectedOfficialViewSet(SnippetViewSet):
    model = ElectedOfficial
    icon = "user"
    list_display = ["__str__", "party"]
    list_filter = ["party"]


class PartyViewSet(SnippetViewSet):
    model = Party
    icon = "tag"


class CommitteeViewSet(SnippetViewSet):
    model = Committee
    icon = "group"


class OfficialsGroup(SnippetViewSetGroup):
    items = (ElectedOfficialViewSet, PartyViewSet, CommitteeViewSet)
    menu_icon = "user"
    menu_label = _("Elected officials")
    menu_name = "elected-officials"


register_snippet(ContactCentreContentGroup)
register_snippet(OfficialsGroup)


@hooks.register("before_serve_page")
def serve_pages_in_their_own_language(page, request, serve_args, serve_kwargs):
    """A page asked for in a language it has no translation in goes to the language it has.

    Without this, /en/… would show Swedish content inside an English interface with
    lang="en", which misleads screen readers; the language switcher lists only real
    translations.
    """
    # The locale by id from pages.locales' memory: no query for the page's locale on every request.
    locale = active_locale()
    if locale is None or page.locale_id != locale.pk:
        url = page.get_url(request)
        if url and url != request.path:
            return redirect(url)
    return None


# --- Content review: flags on pages and FAQ, pages past their review date -------------------------


@hooks.register("register_admin_viewset")
def register_content_review_viewset():
    return content_review_viewset


@hooks.register("construct_homepage_panels")
def add_content_review_panel(request, panels):
    if may_review_content(request.user):
        panels.append(ContentReviewPanel(request))


# --- Translations out of sync: what is left after a Swedish page or snippet changed ---------------


@hooks.register("register_admin_viewset")
def register_translations_out_of_sync_viewset():
    return translations_out_of_sync_viewset


@hooks.register("register_rich_text_features", order=100)
def mark_links_to_untranslated_pages(features):
    """After Wagtail's own (order 0): page links in rich text carry hreflang when they lead to
    a page in another language than the text's (pages/rich_text.py)."""
    features.register_link_type(LanguageAwarePageLinkHandler)
