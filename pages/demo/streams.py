"""Small helpers that keep the demo texts readable.

Texts are written as wrapped triple-quoted strings; ``t()`` folds the line breaks
and indentation into single spaces. The block helpers return StreamField data
in Wagtail's raw JSON form (``{"type": ..., "value": ...}``).

Links to other pages and documents are written as references that the builder
resolves once everything exists:

* ``"page:<slug>"`` as a link target in :func:`links` or :func:`link`;
* ``<a href="page:<slug>">`` and ``<a href="doc:<form number>">`` inside rich text.
"""

PAGE_REF = "page:"
DOC_REF = "doc:"


def t(text):
    """Fold a wrapped, indented string into one line."""
    return " ".join(text.split())


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": t(text), "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": t(html)}


def notice(html, heading="", kind="info"):
    return {"type": "notice", "value": {"kind": kind, "heading": t(heading), "text": t(html)}}


def warning(html, heading=""):
    return notice(html, heading=heading, kind="warning")


def steps(items, heading=""):
    return {"type": "steps", "value": {"heading": t(heading), "steps": [t(item) for item in items]}}


def link(text, target):
    """A LinkBlock value: ``target`` is ``"page:<slug>"`` or an absolute URL."""
    if target.startswith(PAGE_REF):
        return {"page": target, "url": "", "text": t(text)}
    return {"page": None, "url": target, "text": t(text)}


def links(items, heading=""):
    return {
        "type": "links",
        "value": {"heading": t(heading), "links": [link(text, target) for text, target in items]},
    }
