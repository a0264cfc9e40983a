"""Browser tests: the real site in a server process, driven by Debian's chromium.

The server runs from its own database (a SQLite file, or a throw-away PostgreSQL
database when the suite runs on PostgreSQL), migrated and seeded once per run, so
the browser sees exactly what ``./scripts/run`` serves.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEMO_PASSWORD = "Demo-lösenord-2026"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def _skip_or_fail_without_chromium():
    if os.environ.get("SKIP_BROWSER_TESTS") == "1":
        pytest.skip("SKIP_BROWSER_TESTS=1")
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: apt-get install chromium, or set SKIP_BROWSER_TESTS=1")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_database_url(tmp_path):
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        base, _, database = url.rpartition("/")
        # Named after the suite's database, so two checkouts' runs on one server never collide.
        name = f"{database.split('?')[0] or 'kommunportal'}_browser"
        # And after the xdist worker, should browser tests ever run on two workers at once.
        if os.environ.get("PYTEST_XDIST_WORKER"):
            name += "_" + os.environ["PYTEST_XDIST_WORKER"]
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"{base}/{name}"
    return f"sqlite:///{tmp_path / 'browser.sqlite3'}"


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """Base URL of a running, seeded portal, and its environment."""
    _skip_or_fail_without_chromium()
    tmp_path = tmp_path_factory.mktemp("site")
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": _server_database_url(tmp_path),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        # The server and run_in_site share the page cache, as a production's servers do.
        "PAGE_CACHE_DIR": str(tmp_path / "page-cache"),
        "PYTHONUNBUFFERED": "1",
        "SITE_BASE_URL": base_url,  # seed_demo's Site and every absolute link name this server
        # As behind one proxy: a test that sends X-Forwarded-For is its own client for the rate
        # limits (test_eservice_states sends two dozen forms); without it, REMOTE_ADDR counts.
        "TRUSTED_PROXY_COUNT": "1",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "seed_demo", "--password", DEMO_PASSWORD, "-v0"], env=env, check=True, cwd=ROOT)
    log = open(tmp_path / "server.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base_url}/healthz", timeout=2)  # noqa: S310
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError((tmp_path / "server.log").read_text()) from None
                time.sleep(0.2)
        yield {"url": base_url, "env": env, "manage": manage}
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def page_urls(site):
    """One live page of every page type in the pages app, per language: {(model, lang): path}."""
    script = (
        "import json\n"
        "from wagtail.models import Page, get_page_models\n"
        "found = {}\n"
        "for model in get_page_models():\n"
        "    if model._meta.app_label not in ('pages', 'eservices'):\n"
        "        continue\n"
        "    for page in model.objects.live().select_related('locale'):\n"
        "        key = f'{model.__name__}:{page.locale.language_code}'\n"
        "        found.setdefault(key, page.get_url())\n"
        "print(json.dumps(found))\n"
    )
    return json.loads(run_in_site(site, script))


def run_in_site(site, script: str) -> str:
    """Run a Python script against the live site's database; the last line it printed."""
    out = subprocess.run(
        [*site["manage"], "shell", "--no-imports", "-c", script],
        env=site["env"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return out.strip().splitlines()[-1]


# Per module: Playwright's event loop runs while its browser is open, and Django refuses database
# access from a thread with a running loop; with xdist the worker runs database tests afterwards.
@pytest.fixture(scope="module")
def browser():
    _skip_or_fail_without_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
