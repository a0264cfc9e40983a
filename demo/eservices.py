"""The demo municipality's e-services, a ``seed_demo`` builder extension: content, not code.

The pages are data in ``demo/data/eservices.sv.yaml`` (where each sits, what it links); each
e-service's form — steps, questions, conditions, rules, handling and data-protection facts —
is ``demo/data/eservices/<id>.sv.yaml``, in the shape an editor builds on the page's Form and
Handling tabs (``eservices.steps``, ``eservices.questions``). An e-service with a folder
``demo/data/eservices/lattlast/<id>/`` has a lättläst child page, a page folder like those under
``data/pages/``. Their translations come with the
rest of the demo's (``demo/translations.py``).
"""

import uuid

from demo.content import DATA, load, page_tree
from eservices.models import EServicePage
from pages.models import Blankett, Department, ServiceArea, ServicePage

_data = load("eservices")  # demo/data/eservices.sv.yaml
EXAMPLES = _data["eservices"]
HELP_TEXT = _data["help_text"]
EASY_READ = DATA / "eservices" / "lattlast"  # lättläst versions of the start pages, by form
# Block ids made from names, so that a seed is the same each time (and so are translators' files).
ID_NAMESPACE = uuid.UUID("5f0c9a53-6f0e-4c39-9d69-4f1b0b3c2a11")


def build_eservice_pages(builder):
    for example in EXAMPLES:
        parent = builder.pages[example["parent"]]
        page = builder.page(
            parent,
            {
                "type": EServicePage,
                "slug": example["slug"],
                "title": example["title"],
                "fields": {
                    **form_fields(example["form"], builder.locale),
                    "intro": example["intro"],
                    "before_you_start": example["before_you_start"],
                    "help_text": HELP_TEXT,
                },
            },
        )
        if (EASY_READ / example["form"]).is_dir():
            builder.page(page, page_tree(folder=EASY_READ / example["form"]))
        for slug in example["service_pages"]:
            service_page = ServicePage.objects.filter(slug=slug, locale=builder.locale).first()
            if service_page and service_page.eservice_page_id is None:
                # Through a revision, so the link is also in what editors open next.
                service_page.eservice_page = page
                service_page.save_revision().publish()
                builder.mark_updated(service_page)
        for code in example["blanketter"]:
            blankett = Blankett.objects.filter(code=code, locale=builder.locale).first()
            if blankett and blankett.eservice_page_id is None:
                Blankett.objects.filter(pk=blankett.pk).update(eservice_page=page)
                builder.mark_updated(blankett)
    builder.publish_new_pages()


def example(form: str) -> dict:
    """The page entry of ``demo/data/eservices.sv.yaml`` whose form is ``form``."""
    return next(entry for entry in EXAMPLES if entry["form"] == form)


def form_fields(form: str, locale) -> dict:
    """An ``EServicePage``'s Form and Handling fields from ``demo/data/eservices/<form>.sv.yaml``."""
    data = dict(load(f"eservices/{form}"))
    digit = data.pop("service_area")
    department = data.pop("department")
    data["service_area"] = ServiceArea.objects.get(menu_digit=digit, locale=locale)
    data["department"] = (
        Department.objects.filter(name=department, locale=locale).first() if department else None
    )
    data["steps"] = [_child(form, step) for step in data.pop("steps")]
    return data


def _child(form, step):
    """One step or exit page as StreamField data, its questions and options with ids of their own."""
    step = dict(step)
    kind = step.pop("type")
    path = f"{form}/{step['name']}"
    if kind == "step":
        step["questions"] = [
            _question(path, index, question) for index, question in enumerate(step["questions"])
        ]
        step.setdefault("rules", [])
    step["condition"] = {"question": "", "operator": "is", "answer": "", **(step.get("condition") or {})}
    return {"type": kind, "value": step, "id": _id(path)}


def _question(path, index, question):
    question = dict(question)
    kind = question.pop("type")
    path = f"{path}/{question.get('name', index)}"
    if "options" in question:
        question["options"] = [
            {"type": "item", "value": option, "id": _id(f"{path}/{number}")}
            for number, option in enumerate(question["options"])
        ]
    return {"type": kind, "value": question, "id": _id(path)}


def _id(path) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, path))
