"""Page links in rich text that say when they lead to a page in another language."""

from django.utils.html import escape

from wagtail.rich_text.pages import PageLinkHandler

from pages import chrome


class LanguageAwarePageLinkHandler(PageLinkHandler):
    """Wagtail's page link (to the page in the language shown where it is translated) with
    ``hreflang`` when it is not: an English text's link to a page only in Swedish says so."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        tags = []
        for page in cls.get_many(attrs_list):
            if page is None:
                tags.append("<a>")
                continue
            target = page.localized
            code = chrome.language_of(target)
            hreflang = f' hreflang="{escape(code)}"' if code else ""
            tags.append(f'<a href="{escape(target.url)}"{hreflang}>')
        return tags
