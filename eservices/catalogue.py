"""Every e-service a citizen or an API client can use: the coded ones and those built in the admin.

The API lists and looks up e-services here. A built e-service is a live ``EServicePage`` without
a coded ``eservice``, in the active language (else the default language), known by its slug.
"""

from django.conf import settings
from django.utils import translation

from eservices import registry
from eservices.models import EServicePage


def built_pages():
    language = translation.get_language() or settings.LANGUAGE_CODE
    pages = {}
    for code in dict.fromkeys([settings.LANGUAGE_CODE, language]):
        for page in EServicePage.objects.live().filter(eservice="", locale__language_code=code).specific():
            pages[page.translation_key] = page
    return list(pages.values())


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
