"""What the public site shows, the only thing the content API shows.

A page is public when it is live, has no view restriction on it or above it (a private
page, its content and its children never appear), lies in the default site's tree (its root or
a translation of it) and is in one of the site's languages. Reusable content (FAQ, blanketter,
departments, the officials) is public when a public page shows it: the page that lists it in
that language, a service area's page, or a service page that links it.
"""

from django.conf import settings
from django.db.models import Q

from wagtail.models import CollectionViewRestriction, Page, Site

from pages.models import (
    FAQ,
    Blankett,
    BlankettLibraryPage,
    Department,
    DepartmentDirectoryPage,
    FAQPage,
    OfficialsRegisterPage,
    ServiceArea,
    ServiceAreaPage,
    ServicePage,
    ServicePageBlankett,
    ServicePageFAQ,
)

LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def site_tree_q() -> Q:
    """Pages at or below the default site's root page or one of its translations."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return Q(pk__in=[])
    q = Q()
    for root in site.root_page.get_translations(inclusive=True):
        q |= Q(path__startswith=root.path)
    return q


def site_pages():
    """Pages in the site's tree and its languages, live or not, with no view restriction."""
    return Page.objects.filter(site_tree_q(), locale__language_code__in=LANGUAGES).public()


def public_pages():
    return site_pages().live()


def public_pages_of(model, language: str):
    return model.objects.filter(site_tree_q(), locale__language_code=language).live().public()


def shows(model, language: str) -> bool:
    """Whether a public page of ``model`` (the FAQ page, the blanketter…) exists in ``language``."""
    return public_pages_of(model, language).exists()


def public_service_areas(language: str):
    """The areas whose page is public: the home page lists those."""
    area_ids = public_pages_of(ServiceAreaPage, language).values("service_area_id")
    return ServiceArea.objects.filter(locale__language_code=language, pk__in=area_ids)


def public_faqs(language: str):
    faqs = FAQ.objects.filter(locale__language_code=language)
    if shows(FAQPage, language):
        return faqs
    linked = ServicePageFAQ.objects.filter(page__in=public_pages_of(ServicePage, language)).values("faq_id")
    return faqs.filter(Q(service_area__in=public_service_areas(language)) | Q(pk__in=linked))


def public_blanketter(language: str):
    blanketter = Blankett.objects.filter(locale__language_code=language).exclude(restricted_documents_q())
    if shows(BlankettLibraryPage, language):
        return blanketter
    linked = ServicePageBlankett.objects.filter(page__in=public_pages_of(ServicePage, language)).values(
        "blankett_id"
    )
    return blanketter.filter(Q(service_area__in=public_service_areas(language)) | Q(pk__in=linked))


def restricted_documents_q() -> Q:
    """Blanketter whose document lies in a collection with a view restriction (no visitor may download it)."""
    q = Q()
    for restriction in CollectionViewRestriction.objects.select_related("collection"):
        q |= Q(document__collection__path__startswith=restriction.collection.path)
    return q if q else Q(pk__in=[])


def public_departments(language: str):
    if not shows(DepartmentDirectoryPage, language):
        return Department.objects.none()
    return Department.objects.filter(locale__language_code=language)


def officials_page(language: str):
    return public_pages_of(OfficialsRegisterPage, language).first()


def public_page_or_none(page_id) -> Page | None:
    if page_id is None:
        return None
    return public_pages().filter(pk=page_id).first()
