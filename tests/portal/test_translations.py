"""The gettext catalogues are complete, compiled and not stale."""

import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.test import override_settings
from django.utils import translation

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted((ROOT / "locales").glob("*/LC_MESSAGES/django.po"))
SWEDISH = ROOT / "locales" / "sv" / "LC_MESSAGES" / "django.po"


def test_every_language_but_english_has_a_catalogue():
    languages = {path.parts[-3] for path in CATALOGUES}
    assert {code for code, _name in settings.LANGUAGES} - {"en"} <= languages


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_catalogue_is_complete(path):
    catalogue = polib.pofile(str(path))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not missing, f"untranslated in {path.parts[-3]}: {missing[:20]}"
    assert not fuzzy, f"fuzzy in {path.parts[-3]}: {fuzzy[:20]}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_compiled_catalogue_matches_the_po_file(path):
    po = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in polib.pofile(str(path)) if not e.obsolete
    }
    mo = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in polib.mofile(str(path.with_suffix(".mo")))
    }
    mo.pop((None, ""), None)
    po = {key: value for key, value in po.items() if value}
    assert po == mo, "run: .venv/bin/python scripts/translations compile"


@pytest.mark.skipif(not shutil.which("xgettext"), reason="xgettext (Debian's gettext) is not installed")
def test_catalogue_is_not_stale(tmp_path):
    """Every string in the code is in the Swedish catalogue, and nothing is left that the code dropped."""
    copy = tmp_path / "locales"
    shutil.copytree(ROOT / "locales", copy)
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "translations"), "extract", "--locale-dir", str(copy)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    fresh = {
        (e.msgctxt, e.msgid) for e in polib.pofile(str(copy / "sv/LC_MESSAGES/django.po")) if not e.obsolete
    }
    committed = {(e.msgctxt, e.msgid) for e in polib.pofile(str(SWEDISH)) if not e.obsolete}
    assert fresh - committed == set(), "new strings: run scripts/translations extract and translate them"
    assert committed - fresh == set(), "strings the code no longer uses: run scripts/translations extract"


@override_settings(LANGUAGE_CODE="sv")
def test_swedish_is_shown_for_interface_strings():
    with translation.override("sv"):
        assert translation.gettext("Skip to content") == "Hoppa till innehållet"
        assert translation.gettext("search/") == "sok/"
