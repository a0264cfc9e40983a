"""The demo's data files (``demo/data/``), read into the shapes the builder uses.

A file named ``<name>.<language>.yaml`` holds text in that language; ``<name>.yaml`` holds
what a translation does not change. Each page is a folder under ``data/pages/`` (its path
is the page's URL path): ``page.<language>.yaml`` with its fields and ``body.<language>.md``
with its body (``demo/bodies.py``). A translation will be the same files with its own
language code beside them; only Swedish is loaded for now. The format: ``demo/README.md``.
"""

from pathlib import Path

import yaml

from demo.bodies import parse_body

DATA = Path(__file__).resolve().parent / "data"
LANGUAGE = "sv"
# Keys of a page file that say where and what the page is; every other key is a field of its model.
PAGE_KEYS = ("type", "slug", "title", "position", "area", "department", "reviewed", "blanketter", "faqs")
# The C loader when PyYAML has one: the same result, several times faster.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(name, language=LANGUAGE):
    """The data of ``<name>.<language>.yaml``, or of ``<name>.yaml`` when it has no language."""
    for path in (DATA / f"{name}.{language}.yaml", DATA / f"{name}.yaml"):
        if path.exists():
            return _read(path)
    raise FileNotFoundError(f"No demo data file {name}.{language}.yaml or {name}.yaml in {DATA}")


def page_tree(language=LANGUAGE, folder=DATA / "pages"):
    """The page in ``folder`` and, in ``position`` order, the pages in its subfolders."""
    data = _read(folder / f"page.{language}.yaml")
    spec = {key: data.pop(key) for key in PAGE_KEYS if key in data}
    spec["fields"] = data
    body = folder / f"body.{language}.md"
    if body.exists():
        spec["fields"]["body"] = parse_body(body.read_text(encoding="utf-8"))
    children = [page_tree(language, child) for child in folder.iterdir() if child.is_dir()]
    spec["children"] = sorted(children, key=lambda child: child["position"])
    return spec


def _read(path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506 -- a safe loader


# --- The names the builder uses --------------------------------------------------------

_municipality = load("municipality")
MUNICIPALITY = _municipality["name"]
OTHER_LANGUAGES = _municipality["other_languages"]
# Host name and port come from SITE_BASE_URL (pages.base_url.site_address).
SITE = {"site_name": MUNICIPALITY}
SETTINGS = _municipality["settings"]
DEPARTMENT_GROUPS = _municipality["department_groups"]
TWO_FACTOR_GROUPS = _municipality["two_factor_groups"]
USERS = _municipality["users"]
RESPONSIBLE_EDITOR = _municipality["responsible_editor"]
COMMITTEES = _municipality["committees"]
DEPARTMENTS = _municipality["departments"]
SERVICE_AREAS = _municipality["service_areas"]
OPENING_HOURS = _municipality["opening_hours"]

_officials = load("officials")
PARTIES = _officials["parties"]
TERMS = _officials["terms"]
OFFICIALS = _officials["officials"]

# key -> (menu digit, question, answer as rich text)
FAQS = {key: (faq["area"], faq["question"], faq["answer"]) for key, faq in load("faq").items()}

_blanketter = load("blanketter")
BLANKETT_CATEGORIES = _blanketter["categories"]
BLANKETT_EDITION = _blanketter["edition"]
BLANKETTER = _blanketter["blanketter"]
BLANKETT_TEXTS = {key: _blanketter[key] for key in ("labels", "instructions", "privacy", "signature")}

# The home page, with every page of the site below it.
HOME = page_tree()
