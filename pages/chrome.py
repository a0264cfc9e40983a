"""The site chrome every public page shows, computed once per content generation and language.

Header and footer links, the language switcher's home pages, the lättläst versions, the
service areas that need "Leave this page quickly" and the week's opening hours are the same
for every visitor and change only when an editor changes content. They are kept in Django's
cache under the page cache's *generation* token (``core.page_cache``): any publish, unpublish,
move or delete of a page and any change of a snippet, setting, image, document, site or
locale starts a new generation, so the next request shows an editor's change at once, on
every server. Never anything of a user or a session.

What changes with the clock is not kept: "open now" is computed per request from the cached
hours (``OpeningHours.status``). Decision 0016 and docs/performance.md give the figures.
"""

from django.core.cache import cache
from django.utils.functional import cached_property
from django.utils.translation import get_language

from core import page_cache

# A generation nobody asks for any longer falls out of the cache after a day at most.
TIMEOUT = 24 * 60 * 60
_MISSING = object()
# This process's copy of the current generation's values: a page asks for a dozen, and a round
# trip to Redis each cost a sixth of an uncached page. Keyed by the generation like the shared
# ones, so never staler than they are; emptied when the generation changes. Values are shared
# by the requests of the process: treat them as read-only.
_local: dict = {}
_local_generation = [None]


def cached(name: str, compute):
    """``compute()``, kept under ``name`` for this generation and language."""
    generation = page_cache.current_generation()
    key = f"chrome:{generation}:{get_language()}:{name}"
    if _local_generation[0] != generation:
        _local.clear()
        _local_generation[0] = generation
    value = _local.get(key, _MISSING)
    if value is not _MISSING:
        return value
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, TIMEOUT)
    _local[key] = value
    return value


def public(pages):
    """``pages.public()`` without its query: the restricted pages' paths are kept in the cache.

    The same rule as Wagtail's ``PageQuerySet.public()`` (a restricted page and everything below
    it); a view restriction's change starts a new generation (settings.PAGE_CACHE_INVALIDATED_BY).
    """
    from django.db.models import Q

    from wagtail.models import PageViewRestriction

    paths = cached(
        "restricted-paths", lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True))
    )
    restricted = Q()
    for path in paths:
        restricted |= Q(path__startswith=path)
    return pages.exclude(restricted) if paths else pages


def upper_pages() -> dict:
    """path -> page, for every page at depth 2 and 3 (the home pages and the sections below them)."""
    from wagtail.models import Page

    return cached("upper-pages", lambda: {page.path: page for page in Page.objects.filter(depth__in=(2, 3))})


def municipality():
    """The MunicipalitySettings, with the pages it links (contact, emergency…) loaded."""
    from pages.models import MunicipalitySettings

    return cached("municipality", MunicipalitySettings.load)


def linked_page(field_name: str):
    """A page the MunicipalitySettings link (``contact_page``…) in the language shown, or None."""
    from pages.locales import localized

    return cached(f"linked:{field_name}", lambda: localized(getattr(municipality(), field_name)))


def page_of_type(model_label: str):
    """The live public page of a type ("pages.FAQPage") in the language shown, or None."""
    from django.apps import apps

    from pages.locales import active_locale, localized

    def compute():
        pages = public(apps.get_model(model_label).objects.live())
        locale = active_locale()
        page = pages.filter(locale=locale).first() if locale else None
        return page if page is not None else localized(pages.first())

    return cached(f"of-type:{model_label}", compute)


def localized(obj):
    """``obj`` in the language shown: a query only on the first asking in a generation."""
    from pages.locales import active_locale
    from pages.locales import localized as localize

    locale = active_locale()
    locale_id = getattr(obj, "locale_id", None)
    if obj is None or locale is None or locale_id is None or locale_id == locale.pk:
        return obj
    return cached(f"localized:{obj._meta.label_lower}:{obj.pk}", lambda: localize(obj))


def language_of(obj) -> str:
    """The language of a translatable ``obj`` when it is not the one shown (an untranslated
    page's title, say), else ""; no query but one per generation for the locales' codes."""
    from wagtail.models import Locale

    from pages.locales import active_locale

    locale = active_locale()
    locale_id = getattr(obj, "locale_id", None)
    if locale is None or locale_id is None or locale_id == locale.pk:
        return ""
    codes = cached("locale-codes", lambda: dict(Locale.objects.values_list("pk", "language_code")))
    return codes.get(locale_id, "")


def language_homes() -> dict:
    """language code -> that language's live home page."""
    from wagtail.models import Page

    return cached(
        "language-homes",
        lambda: {
            home.locale.language_code: home
            for home in Page.objects.filter(depth=2).live().select_related("locale")
        },
    )


def easy_read_versions() -> dict:
    """A page's path -> its lättläst version (a live, public child page of that type)."""
    from pages.models import EasyReadPage

    def compute():
        versions = {}
        for easy_read in public(EasyReadPage.objects.live()).order_by("path"):
            parent_path = easy_read.path[: -EasyReadPage.steplen]
            versions.setdefault(parent_path, easy_read)
        return versions

    return cached("easy-read", compute)


def other_languages_page():
    """The page that lists the information in other languages: the parent of those pages, in the
    language shown when it is translated."""
    from pages.locales import localized
    from pages.models import OtherLanguagePage

    def compute():
        first = public(OtherLanguagePage.objects.live()).first()
        return localized(first.get_parent()) if first else None

    return cached("other-languages", compute)


def service_area_of_path(path: str):
    """The ServiceArea of the nearest service area page at or above the page at ``path``, or None."""
    from pages.models import ServiceArea, ServiceAreaPage

    def compute():
        areas = {area.pk: area for area in ServiceArea.objects.all()}
        return {
            page.path: areas.get(page.service_area_id)
            for page in ServiceAreaPage.objects.only("path", "service_area")
        }

    by_path = cached("service-area-pages", compute)
    for end in range(len(path), 0, -ServiceAreaPage.steplen):
        if path[:end] in by_path:
            return by_path[path[:end]]
    return None


def service_areas() -> dict:
    """ServiceArea id -> ServiceArea, every language."""
    from pages.models import ServiceArea

    return cached("service-areas", lambda: {area.pk: area for area in ServiceArea.objects.all()})


def opening_hours() -> list:
    """Every channel's OpeningHours with its rows: the week, seasons, exceptions, phone-menu areas."""
    from pages.models import OpeningHours

    return cached(
        "opening-hours",
        lambda: list(
            OpeningHours.objects.prefetch_related("weekly", "seasonal", "exceptions", "service_areas")
        ),
    )


def hours_of_channel(channel: str):
    """The first OpeningHours of a channel, or None."""
    return next((hours for hours in opening_hours() if hours.channel == channel), None)


class _TemplateChrome:
    """``chrome`` in templates: ``{{ chrome.municipality.name }}`` from the cache, no query."""

    @cached_property
    def municipality(self):
        return municipality()


def context_processor(request):
    return {"chrome": _TemplateChrome()}
