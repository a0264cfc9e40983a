"""Versions of the site's information for people who read Swedish with difficulty, or not at all.

Lättläst (easy-to-read Swedish) is a child page of the page it explains, not a translation:
it is Swedish, it says less than the original and in other words, and editors write it to the
Swedish easy-to-read guidelines (docs/decisions/0009-easy-read-and-other-languages.md). The
original links to it. Information in other languages (Somali, Tigrinya, …) is a short page in a
language the site is not translated into, marked with its own ``lang`` and direction.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
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


class EasyReadPage(Page):
    """Lättläst: the page above it, in easy-to-read Swedish."""

    intro = models.TextField(_("summary"), blank=True)
    body = StreamField(ServiceBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
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

    class Meta:
        verbose_name = _("easy-to-read page (lättläst)")


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
