"""Every e-service a citizen or an API client can use: the coded ones and those built in the admin.

The API lists and looks up e-services here. A built e-service is a live ``EServicePage`` without
a coded ``eservice``, in the active language (else the default language), known by its slug.
"""

from django.conf import settings
from django.utils import translation

from core import page_cache
from eservices import registry
from eservices.models import EServicePage

# language -> the live built e-service pages of the content generation in ``_BUILT_GENERATION``:
# kept in this process (with their built forms, ``EServicePage.definition``), and forgotten as
# soon as any content change starts a new generation.
_BUILT: dict = {}
_BUILT_GENERATION = [None]


def built_pages():
    language = translation.get_language() or settings.LANGUAGE_CODE
    generation = page_cache.current_generation()
    if _BUILT_GENERATION[0] != generation:
        _BUILT.clear()
        _BUILT_GENERATION[0] = generation
    if language not in _BUILT:
        pages = {}
        for code in dict.fromkeys([settings.LANGUAGE_CODE, language]):
            for page in (
                EServicePage.objects.live().filter(eservice="", locale__language_code=code).specific()
            ):
                pages[page.translation_key] = page
        _BUILT[language] = list(pages.values())
    return _BUILT[language]


def all_eservices():
    built = [page.definition for page in built_pages()]
    return sorted([*registry.all_eservices(), *built], key=lambda eservice: str(eservice.title))


def get(slug: str):
    """The e-service with ``slug``; KeyError when there is none."""
    try:
        return registry.get(slug)
    except KeyError:
        for page in built_pages():
            if (page.eservice_slug or page.slug) == slug:
                return page.definition
        raise
