"""StreamField content as typed JSON: each block as ``{"type", "id", "value"}``.

Rich text comes as HTML the public site would show: Wagtail's rich-text expansion turns the stored
``<a linktype="page" id="…">`` and document links into their public addresses, made absolute on
``SITE_BASE_URL``. A link to a page that is not public is left out, as the public site's own link
lists do with a page a visitor cannot reach. Block types the schema does not name yet (a new
block) still come through generically: structs as objects, lists as arrays.
"""

import re

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText, expand_db_html

from pages.api.public import public_page_or_none
from pages.base_url import absolute_url
from pages.blocks import LinkBlock
from pages.locales import localized

RENDITIONS = {"small": "max-400x400", "medium": "max-800x800", "large": "max-1600x1600"}
_RELATIVE = re.compile(r'\b(href|src)="(/(?!/)[^"]*)"')


def absolute(url: str | None) -> str | None:
    if url and url.startswith("/") and not url.startswith("//"):
        return absolute_url(url)
    return url


def rich_text_html(value) -> str:
    """Stored rich text (a RichText or its source) as public HTML with absolute links."""
    source = value.source if isinstance(value, RichText) else (value or "")
    html = expand_db_html(source)
    return _RELATIVE.sub(lambda match: f'{match[1]}="{absolute_url(match[2])}"', html)


def page_url(page) -> str | None:
    page = localized(page)
    return absolute(page.url) if page is not None else None


def stream(value) -> list[dict]:
    """A StreamValue as a list of blocks, without those left empty (a link to a private page)."""
    found = (
        {"type": child.block_type, "id": child.id, "value": block_value(child.block, child.value)}
        for child in value
    )
    return [block for block in found if block["value"] is not None]


def block_value(block, value):
    if isinstance(block, blocks.StreamBlock):
        return stream(value)
    if isinstance(block, LinkBlock):
        return link(value)
    if isinstance(block, blocks.StructBlock):
        return {name: block_value(child, value.get(name)) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.ListBlock):
        items = [block_value(block.child_block, item) for item in value]
        return [item for item in items if item is not None]
    if isinstance(block, blocks.RichTextBlock):
        return rich_text_html(value)
    if isinstance(block, blocks.PageChooserBlock):
        return page_ref(value)
    if isinstance(block, DocumentChooserBlock):
        return document(value)
    if isinstance(block, ImageChooserBlock):
        return image(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def link(value) -> dict | None:
    """A link to a public page (its current title when the editor gave no text) or an address."""
    page = public_page_or_none(getattr(value.get("page"), "pk", None))
    if page is not None:
        page = localized(page.specific)
        return {"text": value.get("text") or page.title, "url": page_url(page), "page_id": page.pk}
    if value.get("url"):
        return {"text": value.get("text") or value["url"], "url": value["url"], "page_id": None}
    return None


def page_ref(page) -> dict | None:
    page = public_page_or_none(getattr(page, "pk", None))
    if page is None:
        return None
    page = localized(page)
    return {"id": page.pk, "title": page.title, "url": page_url(page)}


def document(doc) -> dict | None:
    if doc is None:
        return None
    return {
        "id": doc.pk,
        "title": doc.title,
        "url": absolute(doc.url),
        "file_size": doc.get_file_size(),
        "file_extension": doc.file_extension,
        "content_type": doc.content_type,
    }


def image(img) -> dict | None:
    if img is None:
        return None
    return {
        "id": img.pk,
        "alt": getattr(img, "contextual_alt_text", None) or img.default_alt_text,
        "width": img.width,
        "height": img.height,
        "renditions": {name: absolute(img.get_rendition(spec).url) for name, spec in RENDITIONS.items()},
    }
