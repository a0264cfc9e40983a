"""Every absolute link names ``SITE_BASE_URL``: the address the portal is served at.

The sitemap and the printable PDFs take their host from the Wagtail ``Site`` (``seed_demo``
points it at ``SITE_BASE_URL``); e-mails and API receipts take it from the setting itself.
"""

import io
import os
import re
import subprocess
import uuid
from pathlib import Path

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest
from pypdf import PdfReader

from contactcentre import tasks as case_tasks
from contactcentre.models import Case
from eservices import tasks as eservice_tasks
from eservices.models import Draft, EServicePage
from pages import review
from pages.models import ContentFlag, ServicePage
from tests.conftest import DEMO_PASSWORD

# seed_demo runs again here, at another address: it completes the demo, as ./scripts/run does.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

SERVED_AT = "http://kommun.test:8123"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def served_at(settings):
    """The portal served at ``SERVED_AT``, seeded there as ``./scripts/run`` does."""
    settings.SITE_BASE_URL = SERVED_AT
    call_command("seed_demo", password=DEMO_PASSWORD, no_index=True, verbosity=0)
    return SERVED_AT


def test_seed_demo_points_the_site_at_the_base_url(served_at):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("kommun.test", 8123, SERVED_AT)


def test_the_sitemap_lists_pages_on_the_base_url(client, served_at):
    body = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>(.*?)</loc>", body)
    assert locations
    assert all(location.startswith(SERVED_AT + "/") for location in locations), locations[:3]


def test_the_printable_pdf_links_to_the_form_on_the_base_url(client, served_at):
    page = EServicePage.objects.live().filter(locale__language_code="sv").first()
    reader = PdfReader(io.BytesIO(client.get(page.url + "utskrift/").content))
    text = "".join(p.extract_text() for p in reader.pages).replace("\n", "")
    assert SERVED_AT + page.url in text
    assert "localhost" not in text


def test_the_status_link_in_e_mails_and_api_receipts_is_on_the_base_url(served_at):
    case = Case.objects.exclude(reference="").first()
    assert case_tasks.status_url(case).startswith(f"{SERVED_AT}/")


def test_the_resume_link_of_a_saved_draft_is_on_the_base_url(served_at):
    page = EServicePage.objects.live().filter(locale__language_code="sv").first()
    draft = Draft.objects.create(
        page=page,
        eservice=page.eservice,
        run_id=uuid.uuid4(),
        email="tolvan@example.com",
        language="sv",
        secret="x" * 32,
        expires_at=timezone.now() + timezone.timedelta(days=1),
    )
    assert eservice_tasks.resume_url(draft).startswith(f"{SERVED_AT}{page.url}")


def test_the_content_flag_e_mail_links_to_the_page_on_the_base_url(served_at):
    page = ServicePage.objects.live().get(slug="bygglov", locale__language_code="sv")
    flag = ContentFlag.objects.create(page=page, reason="outdated", comment="Avgiften har ändrats.")
    mail.outbox.clear()
    review.send_content_flag_email.call(flag.pk)
    assert f"{SERVED_AT}{page.url}" in mail.outbox[0].body


def test_scripts_run_exports_the_base_url_from_host_and_port():
    """``./scripts/run``'s address lines, run on their own: the server's children see the URL."""
    lines = [
        line
        for line in (ROOT / "scripts" / "run").read_text().splitlines()
        if re.match(r"(export )?(HOST|PORT|SITE_BASE_URL)=", line)
    ]
    script = "\n".join([*lines, "python3 -c \"import os; print(os.environ['SITE_BASE_URL'])\""])
    env = {key: value for key, value in os.environ.items() if key not in {"HOST", "PORT", "SITE_BASE_URL"}}

    def run(**extra):
        result = subprocess.run(["bash", "-c", script], env={**env, **extra}, capture_output=True, text=True)  # noqa: S603, S607
        return result.stdout.strip()

    assert run() == "http://127.0.0.1:8000"
    assert run(PORT="8123") == "http://127.0.0.1:8123"
    assert run(HOST="0.0.0.0", PORT="9000") == "http://0.0.0.0:9000"  # noqa: S104


def test_scripts_run_passes_a_demo_password_that_starts_with_a_dash():
    """``token_urlsafe`` may start with "-": as a separate argument argparse took it for an option."""
    from demo.management.commands.seed_demo import Command

    line = next(
        line for line in (ROOT / "scripts" / "run").read_text().splitlines() if "manage.py seed_demo" in line
    )
    argument = re.search(r"--password\S*", line).group(0)
    assert argument.startswith("--password=")
    parser = Command().create_parser("manage.py", "seed_demo")
    assert parser.parse_args(["--password=-_jiR6Cd"]).password == "-_jiR6Cd"
