"""Template tags for the site chrome (language switcher, breadcrumbs) and the page templates."""

import html
import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import translate_url
from django.utils import timezone
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, get_language_info

from wagtail.models import Page

from core import page_cache
from pages import chrome
from pages.hours import clock as format_clock
from pages.models import OpeningHours

register = template.Library()


UNTRANSLATED = "oversattning-saknas"  # the query that asks the home page to say why the visitor is there


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Every other language, named in itself: this page in it, or else that language's home page.

    A page without a translation leads to the home page in that language, which then says so
    (``UNTRANSLATED``): never Swedish text under another language's address.
    """
    request = context["request"]
    page = context.get("page")
    current = get_language()
    links = []
    if isinstance(page, Page) and page.pk:
        translated = {
            translation.locale.language_code: translation.get_url(request)
            for translation in _translations(request, page)
            if translation.pk != page.pk
        }
        homes = {code: home.get_url(request) for code, home in chrome.language_homes().items()}
        for code, _name in settings.LANGUAGES:
            if code == current:
                continue
            if translated.get(code):
                links.append((code, translated[code], False))
            elif homes.get(code):
                links.append((code, f"{homes[code]}?{UNTRANSLATED}=1", True))
    else:
        path = request.get_full_path()
        for code, _name in settings.LANGUAGES:
            if code != current:
                links.append((code, translate_url(path, code), False))
    return {
        "links": [
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "untranslated": untranslated,
            }
            for code, url, untranslated in links
            if url
        ]
    }


@register.simple_tag(takes_context=True)
def alternates(context):
    """(language, absolute URL) of this page in every language it is published in, for hreflang."""
    page = context.get("page")
    request = context.get("request")
    if not (isinstance(page, Page) and page.pk):
        return []
    return [
        (translation.locale.language_code, translation.get_full_url(request))
        for translation in _translations(request, page)
        if translation.get_full_url(request)
    ]


def _translations(request, page):
    """The live translations of ``page``, itself included: one query for hreflang and the switcher."""
    memo = getattr(request, "_page_translations", None)
    if memo is None or memo[0] != page.pk:
        translations = list(page.get_translations(inclusive=True).live().select_related("locale"))
        memo = (page.pk, translations)
        if request is not None:
            request._page_translations = memo
    return memo[1]


@register.simple_tag(takes_context=True)
def came_untranslated(context) -> bool:
    """Did the visitor follow the switcher from a page not translated into this language?"""
    request = context.get("request")
    return bool(request and request.GET.get(UNTRANSLATED))


@register.simple_tag
def breadcrumb_pages(page):
    """The page's ancestors from the home page down, for the breadcrumb trail."""
    if not (isinstance(page, Page) and page.path and page.depth):
        return []
    # Titles and URLs only (no specific pages); the upper levels from the site chrome's cache.
    paths = [page.path[: page.steplen * depth] for depth in range(2, page.depth)]
    known = chrome.upper_pages()
    missing = [path for path in paths if path not in known]
    found = {ancestor.path: ancestor for ancestor in Page.objects.filter(path__in=missing)} if missing else {}
    return [known.get(path) or found[path] for path in paths if path in known or path in found]


@register.filter
def localized(obj):
    """The version of a translatable object in the active language, if there is one."""
    return chrome.localized(obj)


@register.simple_tag
def link_lang(page, text=""):
    """`` hreflang`` for a link to a page in another language than the one shown (a page not yet
    translated is linked in Swedish), with ``lang``/``dir`` when the link shows that page's own
    title rather than a ``text`` of its own."""
    code = chrome.language_of(page)
    if not code:
        return ""
    if text:
        return format_html(' hreflang="{}"', code)
    return format_html(' hreflang="{}"{}', code, lang_attrs(code))


@register.simple_tag
def untranslated_content_language():
    """The site's source language when another is shown, else "": for editors' text that is
    written in Swedish only (opening-hours notes and seasons), which ``lang_attrs`` then marks."""
    return settings.LANGUAGE_CODE if get_language() != settings.LANGUAGE_CODE else ""


@register.simple_tag
def lang_attrs(code):
    """`` lang="…" dir="…"`` for a part in language ``code`` (WCAG 3.1.2), or nothing without one."""
    if not code:
        return ""
    return format_html(' lang="{}" dir="{}"', code, "rtl" if get_language_info(code)["bidi"] else "ltr")


# --- Helpers for the page templates ---------------------------------------

# The same escapes as Django's json_script: nothing in the data can close the <script>.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


# Search engines show about this many characters of a description.
DESCRIPTION_LENGTH = 160


@register.simple_tag(takes_context=True)
def meta_description(context):
    """The page's search description, else its introduction, else the home page's, as plain text.

    Editors set it under "Promote" (search description); views outside the page tree
    (search, case look-up) describe the site with the home page's.
    """
    page = context.get("page")
    if not isinstance(page, Page):
        page = page_of_type("pages.HomePage")
    text = getattr(page, "search_description", "") or str(getattr(page, "intro", "") or "")
    text = " ".join(html.unescape(strip_tags(text)).split())
    return Truncator(text).chars(DESCRIPTION_LENGTH)


@register.simple_tag
def page_of_type(model_label):
    """The live page of a type ("pages.FAQPage") in the language being shown, or None."""
    return chrome.page_of_type(model_label)


@register.simple_tag
def linked_page(field_name, fallback_type=None):
    """A page the municipality's settings link ("contact_page"), else the page of ``fallback_type``."""
    page = chrome.linked_page(field_name)
    if page is None and fallback_type:
        page = chrome.page_of_type(fallback_type)
    return page


@register.filter
def clock(value):
    """A clock time the way the active language writes it (Swedish 16.45, English 16:45)."""
    return format_clock(value) if value else ""


@register.filter
def tel_href(number):
    """A tel: address in international form for a Swedish number such as "0123-45 67 89"."""
    digits = "".join(ch for ch in str(number or "") if ch.isdigit())
    if not digits:
        return ""
    if str(number).strip().startswith("+"):
        return f"tel:+{digits}"
    return f"tel:+46{digits[1:]}" if digits.startswith("0") else f"tel:{digits}"


@register.simple_tag(takes_context=True)
def open_status(context, opening_hours):
    """The channel's "open now" status; a stored copy of the page lasts no longer than it does."""
    status = opening_hours.status()
    page_cache.expires_by(context.get("request"), status.next_change)
    return status


@register.simple_tag
def special_days(opening_hours, days=60):
    """Days in the coming ``days`` whose hours differ from the weekly rows (holidays, exceptions)."""
    return opening_hours.schedule().special_days(timezone.localdate(), days)


@register.simple_tag(takes_context=True)
def contact_centre_jsonld(context, page, opening_hours):
    """schema.org GovernmentOffice for the contact centre, as a JSON-LD <script>.

    Visiting hours are the office's opening hours; the phone's hours go on its ContactPoint.
    """

    request = context.get("request")
    municipality = chrome.municipality()
    by_channel = {}
    for hours in opening_hours:
        by_channel.setdefault(hours.channel, hours)
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOffice",
        "name": f"{municipality.name} – {page.title}",
        "url": page.get_full_url(request),
        "parentOrganization": {"@type": "GovernmentOrganization", "name": municipality.name},
    }
    if municipality.phone:
        data["telephone"] = _e164(municipality.phone)
    if municipality.email:
        data["email"] = municipality.email
    if municipality.visiting_address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": municipality.visiting_address,
            "addressCountry": "SE",
        }
    if "visit" in by_channel:
        data["openingHoursSpecification"] = by_channel["visit"].opening_hours_specification()
    contact_points = []
    if municipality.phone:
        point = {
            "@type": "ContactPoint",
            "contactType": "customer service",
            "telephone": _e164(municipality.phone),
        }
        if municipality.email:
            point["email"] = municipality.email
        if "phone" in by_channel:
            point["hoursAvailable"] = by_channel["phone"].opening_hours_specification()
        contact_points.append(point)
    if municipality.voice_switchboard_phone:
        contact_points.append(
            {
                "@type": "ContactPoint",
                "contactType": "switchboard",
                "telephone": _e164(municipality.voice_switchboard_phone),
            }
        )
    if contact_points:
        data["contactPoint"] = contact_points
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308


def _e164(number):
    return tel_href(number).removeprefix("tel:")


@register.simple_tag
def elided_page_range(page_obj):
    """Page numbers around the current one, with "…" for the gaps (Paginator.ELLIPSIS)."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1))


@register.simple_tag
def hours_for_channel(opening_hours, channel):
    """The first OpeningHours of a channel ("phone", "visit", "phone_menu") from a list, or None."""
    return next((hours for hours in opening_hours if hours.channel == channel), None)


@register.filter
def document_size(document):
    """A document's size in bytes, or None; reads the file only if the size was never stored."""
    if document is None:
        return None
    if document.file_size is not None:
        return document.file_size
    try:
        return document.file.size
    except (OSError, ValueError):
        return None


@register.simple_tag
def linked_page_ids(stream):
    """The ids of the pages a StreamField of link blocks points to (in the active language)."""
    ids = set()
    for block in stream or ():
        page = block.value.get("page") if hasattr(block.value, "get") else None
        if page is not None:
            ids.add(chrome.localized(page).pk)
    return ids


@register.simple_tag
def pages_of_types(*model_labels, exclude=()):
    """``page_of_type`` for several types at once, skipping missing pages and the ids in ``exclude``."""
    pages = (page_of_type(label) for label in model_labels)
    return [page for page in pages if page is not None and page.pk not in exclude]


@register.simple_tag
def easy_read_version(page):
    """The page's lättläst version (a live child page of that type), if it has one."""
    if not (isinstance(page, Page) and page.pk):
        return None
    return chrome.easy_read_versions().get(page.path)


@register.simple_tag
def other_languages_page():
    """The page that lists the information in other languages, in the municipality's language."""
    return chrome.other_languages_page()


@register.simple_tag
def elderly_line_hours():
    """The opening hours of Äldre direkt, if an editor has entered them."""
    return chrome.hours_of_channel(OpeningHours.ELDERLY_LINE)
