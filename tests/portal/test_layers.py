"""The import contract of docs/decisions/0005-layers.md holds, and it breaks on a forbidden import."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["core", "pages", "contactcentre", "eservices", "demo", "portal"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture
def copy_of_the_apps(tmp_path):
    for app in APPS:
        shutil.copytree(ROOT / app, tmp_path / app, ignore=shutil.ignore_patterns("__pycache__", "templates"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_apps_keep_their_layers():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "forbidden"),
    [
        ("pages/hours.py", "from contactcentre import access"),  # content knows nothing of cases
        ("contactcentre/actions.py", "from eservices import registry"),  # cases never ask e-services
        ("core/masking.py", "from pages import hours"),  # the base app knows no app
        ("pages/hours.py", "import demo.content"),  # production never needs the demo
        ("contactcentre/actions.py", "from portal import roles"),  # no app imports the project
    ],
)
def test_a_forbidden_import_breaks_the_contract(copy_of_the_apps, module, forbidden):
    path = copy_of_the_apps / module
    path.write_text(path.read_text() + f"\n{forbidden}  # noqa\n")
    result = lint_imports(copy_of_the_apps)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
    assert module.removesuffix(".py").replace("/", ".") in result.stdout
