"""The content API: what the public site shows, as JSON, for headless front ends.

Lists answer in the request's language (``?lang=``, else ``Accept-Language``, else Swedish) and are
paginated with ``limit`` and ``offset``. What is public is decided in one place,
``pages.api.public``; answers carry an ETag and a short ``Cache-Control`` (``pages.api.caching``).
"""

from typing import Literal

from django.apps import apps
from django.db.models import Case, IntegerField, Prefetch, Q, When
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page, Site

from ninja import Path, Query, Router
from ninja.decorators import decorate_view
from ninja.responses import Status

from core.api import ErrorOut, ValidationErrorOut
from pages.api import public, schemas, serializers
from pages.api.caching import publicly_cached
from pages.api.preview import SECURITY, HeadlessClientToken, mark_private, refused
from pages.api.streamfield import page_ref
from pages.models import Assignment, ElectedOfficial, ServiceAreaPage
from pages.search_query import citizen_query, typed_text

router = Router(tags=["content"])

MAX_LIMIT = 100
MAX_OFFSET = 100_000
MAX_ID = 2**63 - 1  # beyond it a database refuses the number (a 500, not a 404)
Language = Literal[tuple(public.LANGUAGES)]
LANG = Query(None, description="The content's language; else Accept-Language, else Swedish.")
LIMIT = Query(20, ge=1, le=MAX_LIMIT, description=f"Items per page of results (at most {MAX_LIMIT}).")
OFFSET = Query(0, ge=0, le=MAX_OFFSET, description="Items to skip.")
LIST_ERRORS = {422: ValidationErrorOut}
PREVIEW = Query(
    False, description="The latest draft instead of the published page: needs a token that may preview."
)


def _paged(items, limit: int, offset: int, to_out, **extra) -> dict:
    return {
        "count": len(items) if isinstance(items, list) else items.count(),
        "limit": limit,
        "offset": offset,
        "items": [to_out(item) for item in items[offset : offset + limit]],
        **extra,
    }


def _language(request) -> str:
    return request.LANGUAGE_CODE if request.LANGUAGE_CODE in public.LANGUAGES else public.LANGUAGES[0]


def _invalid(location: str, message: str) -> Status:
    return Status(422, {"detail": [{"loc": ["query", location], "msg": message, "type": "value_error"}]})


# --- pages --------------------------------------------------------------------------------------


@router.get(
    "/pages",
    response={200: schemas.PageListOut, 304: None, **LIST_ERRORS},
    summary="Public pages",
    description=(
        "Every live, public page of the site in the request's language, in the tree's order (by "
        "relevance with `search`). Pages with a view restriction (private pages) and their "
        "children never appear. Filter by page type (`pages.ServicePage`) and by parent page."
    ),
)
@decorate_view(publicly_cached)
def pages(
    request,
    lang: Language | None = LANG,
    type: str | None = Query(
        None, max_length=100, description="app_label.ModelName, such as pages.ServicePage."
    ),  # noqa: A002
    child_of: int | None = Query(None, ge=1, le=MAX_ID, description="Only the children of this page."),
    search: str | None = Query(None, max_length=200, description="Words the pages must contain."),
    limit: int = LIMIT,
    offset: int = OFFSET,
):
    language = _language(request)
    found = public.public_pages().filter(locale__language_code=language).order_by("path")
    if type:
        try:
            model = apps.get_model(type)
        except (LookupError, ValueError):
            model = None
        if model is None or not issubclass(model, Page) or model is Page:
            return _invalid("type", _("Not a page type."))
        found = found.type(model)
    if child_of is not None:
        parent = Page.objects.filter(pk=child_of).first()
        found = found.child_of(parent) if parent else found.none()
    if search:
        query = citizen_query(typed_text(search), language)
        ranked = [page.pk for page in Page.objects.live().search(query)[:1000]] if query else []
        order = Case(*(When(pk=pk, then=n) for n, pk in enumerate(ranked)), output_field=IntegerField())
        found = found.filter(pk__in=ranked).order_by(order) if ranked else found.none()
    found = found.select_related("locale")
    items = list(found[offset : offset + limit])
    parents = serializers.parent_ids(items)
    return {
        "count": found.count(),
        "limit": limit,
        "offset": offset,
        "items": [serializers.page_summary(page, parents.get(page.path[: -Page.steplen])) for page in items],
    }


DETAIL_RESPONSES = {
    200: schemas.PageDetailOut,
    304: None,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    422: ValidationErrorOut,
}
DETAIL_DESCRIPTION = (
    "A public page with its content: its own fields, the body block by block (`type`, `id`, "
    "`value`), rich text as HTML with public addresses, and what the page shows (FAQ, blanketter, "
    "child pages, translations). A page that is not live, is private or not in the site is 404. "
    "With `preview=true` and `Authorization: Bearer <token>` of a headless client that may "
    "preview: the latest draft, also of a page never published (401 without a valid token, 403 "
    "for a client that may not preview); a preview is never cached."
)


@router.get(
    "/pages/find",
    response=DETAIL_RESPONSES,
    summary="A public page by its address",
    description=DETAIL_DESCRIPTION,
    auth=HeadlessClientToken(),
    openapi_extra=SECURITY,
)
@decorate_view(publicly_cached)
def page_by_path(
    request,
    response: HttpResponse,
    html_path: str = Query(..., max_length=1000, description="The page's path, such as /en/contact-us/."),
    preview: bool = PREVIEW,
):
    return _page(request, response, _page_id_for_path(html_path), preview)


@router.get(
    "/pages/{page_id}",
    response=DETAIL_RESPONSES,
    summary="A public page",
    description=DETAIL_DESCRIPTION,
    auth=HeadlessClientToken(),
    openapi_extra=SECURITY,
)
@decorate_view(publicly_cached)
def page_detail(
    request,
    response: HttpResponse,
    page_id: int = Path(..., ge=1, le=MAX_ID),
    preview: bool = PREVIEW,
):
    return _page(request, response, page_id, preview)


def _page(request, response, page_id, preview: bool):
    if preview:
        denied = refused(request, response)
        if denied is not None:
            return denied
        page = public.site_pages().filter(pk=page_id).first()
        if page is None:
            raise Http404
        mark_private(response)
        page = page.specific.get_latest_revision_as_object()
    else:
        page = public.public_page_or_none(page_id)
        if page is None:
            raise Http404
        page = page.specific
    response["Content-Language"] = page.locale.language_code
    return serializers.page_detail(page, draft=preview)


def _page_id_for_path(html_path: str) -> int | None:
    # typed_text: no control characters (PostgreSQL refuses a NUL in a query).
    segments = [segment for segment in typed_text(html_path).split("?")[0].split("/") if segment]
    language = public.LANGUAGES[0]
    if segments and segments[0] in public.LANGUAGES[1:]:
        language = segments.pop(0)
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    translations = site.root_page.get_translations(inclusive=True) if site else Page.objects.none()
    root = translations.filter(locale__language_code=language).first()
    if root is None:
        return None
    url_path = root.url_path + "".join(f"{segment}/" for segment in segments)
    return public.site_pages().filter(url_path=url_path).values_list("pk", flat=True).first()


# --- reusable content ---------------------------------------------------------------------------


@router.get(
    "/service-areas",
    response={200: schemas.ServiceAreaListOut, 304: None, **LIST_ERRORS},
    summary="The service areas (the phone menu's)",
    description="The areas whose page is public, by phone-menu digit, with their page.",
)
@decorate_view(publicly_cached)
def service_areas(request, lang: Language | None = LANG, limit: int = LIMIT, offset: int = OFFSET):
    area_pages = (
        public.public_pages_of(ServiceAreaPage, _language(request))
        .select_related("service_area__locale", "locale")
        .order_by("service_area__menu_digit", "path")
    )
    return _paged(
        area_pages, limit, offset, lambda page: serializers.service_area_out(page.service_area, page)
    )


@router.get(
    "/faq",
    response={200: schemas.FAQListOut, 304: None, **LIST_ERRORS},
    summary="Questions and answers (FAQ)",
    description="The questions a public page shows, with the answer as HTML; filter by service area.",
)
@decorate_view(publicly_cached)
def faq(
    request,
    lang: Language | None = LANG,
    service_area: int | None = Query(None, ge=0, le=9, description="The service area's phone-menu digit."),
    limit: int = LIMIT,
    offset: int = OFFSET,
):
    language = _language(request)
    faqs = public.public_faqs(language).select_related("service_area", "locale")
    if service_area is not None:
        faqs = faqs.filter(service_area__menu_digit=service_area)
    page_url = serializers._faq_page_url(language)
    return _paged(faqs, limit, offset, lambda item: serializers.faq_out(item, page_url))


@router.get(
    "/blanketter",
    response={200: schemas.BlankettListOut, 304: None, **LIST_ERRORS},
    summary="Forms to download (blanketter)",
    description=(
        "The forms a public page shows, each with its document's address, size and type, and the "
        "e-service that replaces it; filter by service area."
    ),
)
@decorate_view(publicly_cached)
def blanketter(
    request,
    lang: Language | None = LANG,
    service_area: int | None = Query(None, ge=0, le=9, description="The service area's phone-menu digit."),
    limit: int = LIMIT,
    offset: int = OFFSET,
):
    found = public.public_blanketter(_language(request)).select_related(
        "document", "category", "service_area", "locale", "eservice_page"
    )
    if service_area is not None:
        found = found.filter(service_area__menu_digit=service_area)
    return _paged(found, limit, offset, serializers.blankett_out)


@router.get(
    "/departments",
    response={200: schemas.DepartmentListOut, 304: None, **LIST_ERRORS},
    summary="The departments (förvaltningar) and their contact details",
    description="As the public department directory shows them (none when it is not public).",
)
@decorate_view(publicly_cached)
def departments(request, lang: Language | None = LANG, limit: int = LIMIT, offset: int = OFFSET):
    found = public.public_departments(_language(request)).select_related("committee")
    return _paged(found, limit, offset, serializers.department)


@router.get(
    "/officials",
    response={200: schemas.OfficialListOut, 304: None, **LIST_ERRORS},
    summary="The register of elected officials (förtroendemannaregister)",
    description=(
        "As the public register shows it: officials with an assignment in the current term, or in "
        "any term with `all_terms=true`; filter by party, committee and name. Empty when the register "
        "page is not public in the request's language."
    ),
)
@decorate_view(publicly_cached)
def officials(
    request,
    lang: Language | None = LANG,
    party: int | None = Query(None, ge=1, le=MAX_ID),
    committee: int | None = Query(None, ge=1, le=MAX_ID),
    q: str | None = Query(None, max_length=100, description="Words of the name."),
    all_terms: bool = Query(False, description="Earlier terms too."),
    limit: int = LIMIT,
    offset: int = OFFSET,
):
    register = public.officials_page(_language(request))
    if register is None:
        return _paged([], limit, offset, serializers.official_out, register_page=None)
    today = timezone.localdate()
    assignments = Assignment.objects.select_related("committee")
    if not all_terms:
        assignments = assignments.filter(term_start__lte=today, term_end__gte=today)
    if committee:
        assignments = assignments.filter(committee_id=committee)
    found = ElectedOfficial.objects.select_related("party").filter(pk__in=assignments.values("official_id"))
    if party:
        found = found.filter(party_id=party)
    for word in typed_text(q or "").split():
        found = found.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    found = found.prefetch_related(Prefetch("assignments", queryset=assignments))
    return _paged(
        found,
        limit,
        offset,
        serializers.official_out,
        register_page=page_ref(register),
    )
