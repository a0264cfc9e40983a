"""Versions of the site's information for people who read Swedish with difficulty, or not at all.

Lättläst (easy-to-read Swedish) is a child page of the page it explains, not a translation:
it is Swedish, it says less than the original and in other words, and editors write it to the
Swedish easy-to-read guidelines (docs/decisions/0009-easy-read-and-other-languages.md). The
original links to it. Information in other languages (Somali, Tigrinya, …) is a short page in a
language the site is not translated into, marked with its own ``lang`` and direction.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from pages.blocks import ServiceBodyBlock

# The municipality's common languages besides those the site is translated into (ISO 639-1),
# with their names in themselves; the right-to-left ones.
OTHER_LANGUAGES = [
    ("so", "Soomaali"),
    ("ti", "ትግርኛ"),
    ("fa", "فارسی"),
    ("pl", "Polski"),
    ("bs", "Bosanski / Hrvatski / Српски"),
    ("uk", "Українська"),
    ("ku", "Kurdî"),
    ("es", "Español"),
]
RIGHT_TO_LEFT = {"fa", "ar", "ckb"}


def route_taken(parent, slug: str) -> bool:
    """Whether ``parent`` answers ``<slug>/`` itself: a routable page (an e-service's ``starta/``,
    ``steg/``…) resolves its own routes before its children, so a child there would never be shown."""
    parent = parent.specific if parent is not None else None
    if not slug or not isinstance(parent, RoutablePageMixin):
        return False
    try:
        parent.resolve_subpage(f"/{slug}/")
    except Http404:
        return False
    return True


ROUTE_TAKEN = _(
    "The page above uses the address “%(slug)s/” itself. Choose another slug, such as “lattlast”."
)


class EasyReadPageForm(WagtailAdminPageForm):
    """In the admin a new page is not in the tree yet, so its parent comes from the form."""

    def clean(self):
        cleaned_data = super().clean()
        slug = cleaned_data.get("slug")
        if route_taken(self.parent_page, slug):
            self.add_error("slug", ROUTE_TAKEN % {"slug": slug})
        return cleaned_data


class EasyReadPage(Page):
    """Lättläst: the page above it, in easy-to-read Swedish."""

    intro = models.TextField(_("summary"), blank=True)
    body = StreamField(ServiceBodyBlock(), verbose_name=_("body"), blank=True)
    # An easy-to-read page is rewritten, not translated: nothing tells it that its original changed,
    # so the editor records when they last compared the two (pages.translation_status lists it after).
    reviewed_against_original = models.DateField(
        _("compared with the original on"),
        null=True,
        blank=True,
        help_text=_(
            "The day you last read this page against the page above it and brought it up to date. "
            "When the page above is published after this day, “Translations out of sync” lists this "
            "page. Empty: the day this page was first published."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("reviewed_against_original"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = [
        "pages.HomePage",
        "pages.ContactCentrePage",
        "pages.ServiceAreaPage",
        "pages.ServicePage",
        "pages.InformationPage",
        "eservices.EServicePage",
    ]
    subpage_types = []
    template = "pages/easy_read_page.html"
    base_form_class = EasyReadPageForm

    class Meta:
        verbose_name = _("easy-to-read page (lättläst)")

    def clean(self):
        super().clean()
        if route_taken(self.get_parent(), self.slug):
            raise ValidationError({"slug": ROUTE_TAKEN % {"slug": self.slug}})


class OtherLanguagePage(Page):
    """Short information in a language the site is not translated into: how to reach us, interpreting."""

    language = models.CharField(_("language"), max_length=10, choices=OTHER_LANGUAGES)
    intro = models.TextField(_("summary"), blank=True)
    body = StreamField(ServiceBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("language"), FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["pages.InformationPage"]
    subpage_types = []
    template = "pages/other_language_page.html"

    class Meta:
        verbose_name = _("page in another language")

    @property
    def direction(self) -> str:
        return "rtl" if self.language in RIGHT_TO_LEFT else "ltr"

    @property
    def language_name(self) -> str:
        return dict(OTHER_LANGUAGES).get(self.language, self.language)
