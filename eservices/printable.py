"""The paper version of an e-service, drawn from the same definition as the web form.

One definition makes both, so paper and web never disagree. WeasyPrint writes a
tagged PDF (PDF/UA-1) with the document language, so screen readers can read it.
"""

from django import forms
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

CACHE_SECONDS = 24 * 60 * 60


def field_spec(field: forms.Field, name: str) -> dict:
    """How a field is drawn on paper: lines to write on, or boxes to tick."""
    kind = "text"
    options = []
    if isinstance(field, forms.BooleanField):
        kind = "checkbox"
    elif isinstance(field, forms.ChoiceField):
        kind = "choices"
        options = [str(label) for value, label in field.choices if value not in ("", None)]
    elif isinstance(field, forms.FileField):
        kind = "attachment"
    elif isinstance(field.widget, forms.Textarea):
        kind = "textarea"
    return {
        "name": name,
        "label": str(field.label or name),
        "help_text": str(field.help_text or ""),
        "required": field.required,
        "kind": kind,
        "options": options,
        "multiple": isinstance(field, forms.MultipleChoiceField),
    }


def printable_context(eservice, page=None) -> dict:
    steps = []
    for step in eservice.steps:
        form = step.form_class()
        steps.append(
            {
                "title": str(step.title),
                "conditional": step.condition is not None,
                "notice": [str(text) for text in getattr(form, "notice", ())],
                "fields": [field_spec(field, name) for name, field in form.fields.items()],
            }
        )
    return {"eservice": eservice, "steps": steps, "page": page, "language": get_language()}


def render_pdf(eservice, page=None, base_url=None) -> bytes:
    # Not a cycle: WeasyPrint loads the system's Pango (and takes a while), so only a process
    # that makes a PDF pays for it, and the rest of the site runs where Pango is missing.
    from weasyprint import HTML

    key = f"printable:{eservice.version}:{get_language()}:{page.pk if page else 0}"
    pdf = cache.get(key)
    if pdf is None:
        html = render_to_string("eservices/printable.html", printable_context(eservice, page))
        pdf = HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1", custom_metadata=True)
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf


def filename(eservice) -> str:
    return f"blankett-{eservice.slug}.pdf"


def title(eservice) -> str:
    return _("%(title)s – form to print") % {"title": eservice.title}
