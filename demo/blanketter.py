"""Printable blanketter as small, fillable, tagged PDF files, drawn with WeasyPrint.

Each form has the municipality's name, the department, the form number, labelled boxes
(also real form fields, so it can be filled in on a computer), the address to send it
to and a short note on personal data. Like the e-services' printable forms
(``eservices/printable.py``) it is written as PDF/UA-1: a structure tree, the document
language (sv-SE), its title, author, subject and keywords. The words come from
``demo/data/blanketter.sv.yaml``; the layout is ``demo/templates/demo/blankett.html``.
"""

import re
import unicodedata
from collections import Counter

from django.template.loader import render_to_string

LINE_MM = 6  # the height of a line to write on, in a box for longer answers


def render_blankett(spec, *, municipality, department, postal_address, phone, email, edition, texts):
    """Return the PDF for one blankett as bytes."""
    from weasyprint import HTML  # loads Pango; only the seed needs it

    sections = list(spec["sections"])
    if spec.get("signature", True):
        sections.append(texts["signature"])
    names = Counter()
    context = {
        "spec": spec,
        "sections": [
            {"heading": section["heading"], "items": [_item(item, names) for item in section["items"]]}
            for section in sections
        ],
        "municipality": municipality,
        "department": department,
        "postal_address": postal_address,
        "phone": phone,
        "email": email,
        "edition": edition,
        "texts": texts,
        "keywords": ", ".join(["blankett", spec["code"], spec["category"], municipality]),
    }
    html = render_to_string("demo/blankett.html", context)
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", pdf_forms=True, custom_metadata=True)


def _item(item, names):
    """One item of a section, with unique field names for the PDF's form fields."""
    if "field" in item:
        return {"kind": "field", "fields": [_field(item["field"], names)]}
    if "pair" in item:
        return {"kind": "pair", "fields": [_field(label, names) for label in item["pair"]]}
    if "area" in item:
        return {"kind": "area", "fields": [_field(item["area"], names)], "height": item["lines"] * LINE_MM}
    if "choice" in item:
        question = item["choice"]
        options = [
            {"label": option, "name": _field_name(f"{question} {option}", names)}
            for option in item["options"]
        ]
        return {"kind": "choice", "question": question, "options": options}
    if "text" in item:
        return {"kind": "text", "text": item["text"]}
    raise ValueError(f"Unknown form item {item!r}")


def _field(label, names):
    return {"label": label, "name": _field_name(label, names)}


def _field_name(label, names):
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "_", ascii_label.lower()).strip("_")[:40] or "falt"
    names[base] += 1
    count = names[base]
    return base if count == 1 else f"{base}_{count}"
