"""The demo municipality is an app of its own: data files, installed everywhere but production."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from demo.bodies import parse_body
from demo.content import page_tree
from pages.models import Blankett

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 20 + "-production-secret-key-for-the-demo-check-0123456789"


def manage(settings_module, *args):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    env.update(DJANGO_SETTINGS_MODULE=settings_module, SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="portal.example")
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def installed_apps(settings_module):
    code = "from django.conf import settings; print(' '.join(settings.INSTALLED_APPS))"
    result = manage(settings_module, "shell", "--no-imports", "-c", code)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1].split()


def test_production_does_not_install_the_demo():
    assert "demo" not in installed_apps("portal.settings.production")
    result = manage("portal.settings.production", "help", "seed_demo")
    assert result.returncode != 0
    assert "Unknown command" in result.stderr


def test_dev_and_test_settings_install_the_demo():
    assert "demo" in installed_apps("portal.settings.dev")
    assert "demo" in installed_apps("portal.settings.test")


def test_the_production_apps_hold_no_demo_and_never_import_it():
    for app in ("pages", "eservices", "contactcentre", "portal"):
        for path in (ROOT / app).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"^\s*(from|import) demo\b", text, re.MULTILINE), path
            assert "demo" not in path.stem, path


def test_a_body_in_markdown_becomes_the_blocks_of_a_service_page():
    body = parse_body(
        "## Så ansöker du\n\n"
        "Du kan **ansöka** på [webben](page:bygglov) eller med\nblanketten [BoM-101](doc:BOM-101).\n\n"
        "- en rad,\n- en till.\n\n"
        "::: warning Vid nödsituation\nRing 112.\n:::\n\n"
        "::: steps Steg\n1. **Först** detta,\n   på två rader.\n2. Sedan det.\n\n   Och mer.\n:::\n\n"
        "::: links Läs också\n- [Bygglov](page:bygglov)\n- [Boverket](https://www.boverket.se)\n:::\n\n"
        "::: paragraph\nEtt stycke för sig.\n:::\n"
    )
    # List items carry ids of their own (Wagtail's block format, which wagtail-localize translates).
    lists = [body[3]["value"]["steps"], body[4]["value"]["links"]]
    ids = [item.pop("id") for items in lists for item in items]
    assert len(set(ids)) == 4 and all(ids)
    for items in lists:
        items[:] = [item.pop("value") for item in items if item.pop("type") == "item"]
    assert body == [
        {"type": "heading", "value": {"text": "Så ansöker du", "level": "h2"}},
        {
            "type": "paragraph",
            "value": '<p>Du kan <b>ansöka</b> på <a href="page:bygglov">webben</a> eller med blanketten '
            '<a href="doc:BOM-101">BoM-101</a>.</p><ul><li>en rad,</li><li>en till.</li></ul>',
        },
        {
            "type": "notice",
            "value": {"kind": "warning", "heading": "Vid nödsituation", "text": "<p>Ring 112.</p>"},
        },
        {
            "type": "steps",
            "value": {
                "heading": "Steg",
                "steps": ["<p><b>Först</b> detta, på två rader.</p>", "<p>Sedan det.</p><p>Och mer.</p>"],
            },
        },
        {
            "type": "links",
            "value": {
                "heading": "Läs också",
                "links": [
                    {"page": "page:bygglov", "url": "", "text": "Bygglov"},
                    {"page": None, "url": "https://www.boverket.se", "text": "Boverket"},
                ],
            },
        },
        {"type": "paragraph", "value": "<p>Ett stycke för sig.</p>"},
    ]


@pytest.mark.parametrize(
    "text", ["::: steps\n1. Ett steg\n", "::: table\n:::\n", "::: links\nBygglov\n:::\n"]
)
def test_a_malformed_body_says_what_is_wrong(text):
    with pytest.raises(ValueError):
        parse_body(text)


def test_a_translation_is_a_file_beside_its_original(tmp_path):
    (tmp_path / "page.sv.yaml").write_text("type: InformationPage\nslug: om\ntitle: Om kommunen\n", "utf-8")
    (tmp_path / "body.sv.md").write_text("## Historia\n", "utf-8")
    (tmp_path / "page.en.yaml").write_text("type: InformationPage\nslug: om\ntitle: About us\n", "utf-8")
    (tmp_path / "body.en.md").write_text("## History\n", "utf-8")
    assert page_tree("en", tmp_path)["title"] == "About us"
    for slug, position in (("karta", 2), ("historia", 1)):
        child = tmp_path / slug
        child.mkdir()
        (child / "page.sv.yaml").write_text(
            f"type: InformationPage\nslug: {slug}\ntitle: {slug}\nposition: {position}\n", "utf-8"
        )

    swedish = page_tree("sv", tmp_path)
    assert swedish["title"] == "Om kommunen"
    assert swedish["fields"]["body"] == [{"type": "heading", "value": {"text": "Historia", "level": "h2"}}]
    assert [page["slug"] for page in swedish["children"]] == ["historia", "karta"]


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
def test_the_blanketter_are_tagged_fillable_pdf_files_in_swedish():
    blanketter = Blankett.objects.filter(locale__language_code="sv").select_related("document")
    assert blanketter.count() >= 19
    for blankett in blanketter:
        with blankett.document.file.open("rb") as handle:
            reader = PdfReader(io.BytesIO(handle.read()))
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root, blankett.code  # tagged: screen readers can read it
        assert root["/Lang"] == "sv-SE", blankett.code
        assert reader.get_fields(), blankett.code  # fillable on a computer
        assert reader.metadata.title == f"{blankett.title} ({blankett.code})"
