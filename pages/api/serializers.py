"""Pages and reusable content as the dictionaries ``pages.api.schemas`` describes."""

import datetime as dt

from django.db import models
from django.utils import translation

from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from pages.api import public
from pages.api.streamfield import absolute, page_ref, page_url, rich_text_html, stream
from pages.locales import localized
from pages.models import FAQ, Blankett, FAQPage, ServiceAreaPage, ServicePage

# Fields of our page types that are the editors' bookkeeping, not content, or have their own member.
NOT_CONTENT = {
    "page_ptr",
    "responsible_editor",
    "last_reviewed",
    "review_by",
    "leave_quickly",
    "body",
    "service_area",
    "contact_department",
    "eservice_page",
}


def page_type(page) -> str:
    model = page.content_type.model_class() if page.content_type_id else type(page)
    return f"{model._meta.app_label}.{model.__name__}"


def page_summary(page, parent_id=None) -> dict:
    path = page.url or ""
    return {
        "id": page.pk,
        "type": page_type(page),
        "locale": page.locale.language_code,
        "title": page.title,
        "slug": page.slug,
        "url": absolute(path) or "",
        "html_path": path,
        "parent_id": parent_id,
        "search_description": page.search_description,
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
    }


def parent_ids(pages) -> dict[str, int]:
    """The id of each page's parent, by the parent's tree path, in one query."""
    # The tree's root (depth 1) is no page of the site: a site's home page has no parent here.
    paths = {page.path[: -Page.steplen] for page in pages if page.depth > 2}
    return dict(Page.objects.filter(path__in=paths).values_list("path", "pk"))


def page_detail(page, *, draft: bool = False) -> dict:
    """``page`` (specific; a draft's revision object in a preview) with everything it shows."""
    language = page.locale.language_code
    with translation.override(language):
        parent = page.get_parent() if page.depth > 2 else None
        area = _service_area(page)
        return {
            **page_summary(page, parent.pk if parent else None),
            "seo_title": page.seo_title,
            "draft": draft,
            "shows_leave_quickly": bool(getattr(page, "shows_leave_quickly", False)),
            "fields": content_fields(page),
            "body": stream(page.body) if isinstance(getattr(page, "body", None), StreamValue) else [],
            "service_area": service_area_ref(area),
            "contact_department": department(page.contact_department)
            if getattr(page, "contact_department", None)
            else None,
            "eservice": page_ref(getattr(page, "eservice_page", None)),
            "children": [
                {"id": child.pk, "title": child.title, "url": page_url(child)}
                for child in public.public_pages().child_of(page)
            ],
            "faqs": [faq_out(faq, _faq_page_url(language)) for faq in _faqs_shown(page, area)],
            "blanketter": [blankett_out(blankett) for blankett in _blanketter_shown(page, area)],
            "translations": [
                {"locale": other.locale.language_code, "id": other.pk, "url": absolute(other.url)}
                for other in public.public_pages()
                .filter(translation_key=page.translation_key)
                .exclude(pk=page.pk)
            ],
        }


def content_fields(page) -> dict:
    """The page type's own fields, for our page types (other apps' pages may hold configuration)."""
    if page._meta.app_label != "pages":
        return {}
    fields = {}
    for field in page._meta.concrete_fields:
        if field.model is Page or field.name in NOT_CONTENT or field.name.endswith("_ptr"):
            continue
        value = getattr(page, field.name)
        if isinstance(field, StreamField):
            fields[field.name] = stream(value)
        elif isinstance(field, RichTextField):
            fields[field.name] = rich_text_html(value)
        elif isinstance(field, models.ForeignKey):
            if issubclass(field.related_model, Page):
                fields[field.name] = page_ref(value)
        elif isinstance(value, dt.date):
            fields[field.name] = value.isoformat()
        else:
            fields[field.name] = value
    return fields


def _service_area(page):
    finder = getattr(page, "confidentiality_area", None)
    return localized(finder()) if finder else None


def _faqs_shown(page, area):
    if isinstance(page, ServicePage):
        return [link.faq for link in page.related_faqs.select_related("faq__service_area").all()]
    if isinstance(page, ServiceAreaPage) and area is not None:
        return list(FAQ.objects.filter(service_area=area).select_related("service_area"))
    return []


def _blanketter_shown(page, area):
    visible = Blankett.objects.exclude(public.restricted_documents_q()).select_related(
        "document", "category", "service_area"
    )
    if isinstance(page, ServicePage):
        ids = [link.blankett_id for link in page.related_blanketter.all()]
        by_id = visible.in_bulk(ids)
        return [by_id[pk] for pk in ids if pk in by_id]
    if isinstance(page, ServiceAreaPage) and area is not None:
        return list(visible.filter(service_area=area))
    return []


def _faq_page_url(language: str) -> str | None:
    page = public.public_pages_of(FAQPage, language).first()
    return page_url(page) if page else None


# --- reusable content -----------------------------------------------------------------------------


def service_area_ref(area) -> dict | None:
    return {"digit": area.menu_digit, "name": area.name} if area else None


def department(dept) -> dict:
    return {
        "id": dept.pk,
        "name": dept.name,
        "committee": dept.committee.name if dept.committee_id else None,
        "description": dept.description,
        "phone": dept.phone,
        "email": dept.email,
        "postal_address": dept.postal_address,
        "visiting_address": dept.visiting_address,
    }


def faq_out(faq, faq_page_url: str | None) -> dict:
    return {
        "id": faq.pk,
        "locale": faq.locale.language_code,
        "translation_key": str(faq.translation_key),
        "question": faq.question,
        "answer": rich_text_html(faq.answer),
        "service_area": service_area_ref(faq.service_area),
        "url": f"{faq_page_url}#{faq.anchor}" if faq_page_url else None,
        "updated_at": faq.updated_at,
    }


def blankett_out(blankett) -> dict:
    doc = blankett.document
    return {
        "id": blankett.pk,
        "locale": blankett.locale.language_code,
        "title": blankett.title,
        "code": blankett.code,
        "description": blankett.description,
        "category": blankett.category.name if blankett.category_id else None,
        "service_area": service_area_ref(blankett.service_area),
        "document": {
            "id": doc.pk,
            "title": doc.title,
            "url": absolute(doc.url),
            "file_size": doc.get_file_size(),
            "file_extension": doc.file_extension,
            "content_type": doc.content_type,
        },
        "fill_in_online": page_ref(blankett.eservice_page),
        "updated_at": blankett.updated_at,
    }


def service_area_out(area, page) -> dict:
    return {
        "digit": area.menu_digit,
        "locale": area.locale.language_code,
        "name": area.name,
        "summary": area.summary,
        "page": {"id": page.pk, "title": page.title, "url": page_url(page)},
    }


def official_out(official) -> dict:
    return {
        "id": official.pk,
        "first_name": official.first_name,
        "last_name": official.last_name,
        "party": {"name": official.party.name, "abbreviation": official.party.abbreviation}
        if official.party_id
        else None,
        "district": official.district,
        "email": official.email,
        "assignments": [
            {
                "committee": assignment.committee.name,
                "role": assignment.role,
                "role_label": str(assignment.get_role_display()),
                "term_start": assignment.term_start,
                "term_end": assignment.term_end,
            }
            for assignment in official.assignments.all()
        ],
    }
