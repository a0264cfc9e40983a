"""Drop-off per step: the wizard counts each citizen's run once per step; the statistics page shows it.

Counts made by hand live in 2025, before any run of the test's own, so the two never mix.
"""

import datetime as dt
import re

from django.contrib.auth.models import Permission
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from contactcentre.models import StepCount
from contactcentre.models.dropoff import Stage, count_sent, count_started, count_step
from contactcentre.statistics import dropoff
from contactcentre.statistics.period import Period
from eservices.wizard import CHECK_STEP
from tests.eservices.conftest import eservice_page  # noqa: F401  (a fixture)
from tests.eservices.wizard_helpers import WizardRun

pytestmark = pytest.mark.django_db

URL = reverse("contactcentre_statistics:index")
SLUG = "fraga-kontaktcenter"
QUESTION = {"subject": "Bygglov", "question": "Hur söker jag?"}
CONTACT = {"name": "Anna", "answer_by": "email", "email": "anna@example.se"}
DECEMBER = Period(dt.date(2025, 12, 1), dt.date(2025, 12, 31))
DAY = dt.date(2025, 12, 3)


@pytest.fixture
def manager(django_user_model):
    user = django_user_model.objects.create_user(username="test-chef", password="x")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_statistics")
    )
    return user


def counted() -> dict:
    """{step name, or the stage for started and sent: runs} of today's counts of the e-service."""
    rows = StepCount.objects.filter(eservice=SLUG, day=timezone.localdate())
    return {row.step or row.stage: row.runs for row in rows}


def funnel(started=10, fraga=10, kontakt=6, check=5, sent=4, day=DAY):
    for _run in range(started):
        count_started(SLUG, day=day)
    for step, position, runs in [("fraga", 1, fraga), ("kontakt", 2, kontakt), (CHECK_STEP, 3, check)]:
        for _run in range(runs):
            count_step(SLUG, step, position, day=day)
    for _run in range(sent):
        count_sent(SLUG, day=day)


# --- counting in the wizard -----------------------------------------------------------------------


def test_a_run_counts_once_per_step_however_often_it_is_shown(client, eservice_page):  # noqa: F811
    run = WizardRun(client, eservice_page(SLUG, 9))
    assert counted() == {}  # "starta/" only makes the run: nothing is shown yet
    assert client.get(run.first_url).status_code == 200
    assert client.get(run.first_url).status_code == 200  # a reload
    assert counted() == {Stage.STARTED: 1, "fraga": 1}
    run.answer("fraga", QUESTION, then="kontakt")
    assert client.get(run.url("kontakt")).status_code == 200
    assert client.get(run.url("fraga")).status_code == 200  # back
    run.answer("fraga", QUESTION, then="kontakt")
    client.get(run.url("kontakt"))
    run.answer("kontakt", CONTACT, then=CHECK_STEP)
    run.check_page()
    client.get(run.url("kontakt") + "?andra=1")  # a change from the check page
    run.answer("kontakt", CONTACT, then=CHECK_STEP)
    run.check_page()
    assert counted() == {Stage.STARTED: 1, "fraga": 1, "kontakt": 1, CHECK_STEP: 1}
    run.send()
    client.get(run.url("fraga"))  # back after sending: not a new visit to the step
    assert counted() == {Stage.STARTED: 1, "fraga": 1, "kontakt": 1, CHECK_STEP: 1, Stage.SENT: 1}
    positions = dict(StepCount.objects.filter(stage=Stage.STEP).values_list("step", "position"))
    assert positions == {"fraga": 1, "kontakt": 2, CHECK_STEP: 3}


def test_each_run_counts_and_one_left_halfway_is_not_sent(client, eservice_page):  # noqa: F811
    page = eservice_page(SLUG, 9)
    first = WizardRun(client, page)
    client.get(first.first_url)
    first.answer("fraga", QUESTION, then="kontakt")
    client.get(first.url("kontakt"))  # and leaves
    second = WizardRun(client, page)
    client.get(second.first_url)
    assert counted() == {Stage.STARTED: 2, "fraga": 2, "kontakt": 1}
    assert StepCount.objects.count() == 3  # one row per step and day, whatever the number of runs


def test_a_draft_resumed_in_another_browser_is_not_counted_again(client, eservice_page):  # noqa: F811
    run = WizardRun(client, eservice_page(SLUG, 9))
    client.get(run.first_url)
    run.answer("fraga", QUESTION, then="kontakt")
    client.get(run.url("kontakt"))
    payload = {f"{run.prefix}-current_step": "kontakt", "kontakt-name": "Anna", "wizard_save": "1"}
    response = client.post(run.url("kontakt"), payload)
    assert client.post(response["Location"], {"email": "anna@example.se"}).status_code == 200
    link = re.search(r"https?://\S+/fortsatt/\d+/\w+/", mail.outbox[-1].body).group(0)
    other_browser = Client()
    response = other_browser.get(re.sub(r"^https?://[^/]+", "", link))
    assert other_browser.get(response["Location"]).status_code == 200  # the kontakt step again
    assert counted() == {Stage.STARTED: 1, "fraga": 1, "kontakt": 1}


def test_runs_filled_in_by_staff_for_a_visitor_are_not_counted(client, eservice_page, django_user_model):  # noqa: F811
    page = eservice_page(SLUG, 9)
    agent = django_user_model.objects.create_user("besok-agent", password="x")
    agent.user_permissions.add(Permission.objects.get(codename="work_queue"))
    client.force_login(agent)
    response = client.get(page.url + "besok/")
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    assert "fraga" in response["Location"]
    assert counted() == {}


def test_nothing_that_identifies_a_person_or_a_run_is_stored(client, eservice_page):  # noqa: F811
    fields = {field.name for field in StepCount._meta.get_fields()}
    assert fields == {"id", "eservice", "day", "stage", "step", "position", "runs"}
    run = WizardRun(client, eservice_page(SLUG, 9))
    client.get(run.first_url)
    run.answer("fraga", QUESTION)
    client.get(run.url("kontakt"))
    run.answer("kontakt", CONTACT)
    run.check_page()
    run.send()
    stored = repr(list(StepCount.objects.values_list()))
    run_id = run.base.rsplit("/", 1)[1]
    for personal in ["Anna", "anna@example.se", "Hur söker jag?", run_id, run_id.replace("-", "")]:
        assert personal not in stored
    assert client.session.session_key not in stored


def test_the_counter_adds_to_one_row_per_step_and_day():
    count_step(SLUG, "fraga", 1, day=DAY)
    count_step(SLUG, "fraga", 1, day=DAY)
    count_step(SLUG, "fraga", 1, day=DAY + dt.timedelta(days=1))
    assert list(StepCount.objects.filter(day=DAY).values_list("step", "runs")) == [("fraga", 2)]
    assert StepCount.objects.count() == 2


# --- the numbers ---------------------------------------------------------------------------------


def test_the_funnel_gives_each_steps_share_of_started_and_the_drop():
    funnel()
    funnel(started=2, fraga=2, kontakt=1, check=1, sent=1, day=DAY + dt.timedelta(days=1))
    funnel(day=dt.date(2026, 1, 2))  # outside the period
    section = dropoff.dropoff_section(DECEMBER, timezone.now())
    [table] = section.tables
    assert table.key == f"dropoff-{SLUG}"
    rows = [(row.label, row.values[0], row.values[1].percent, row.values[2]) for row in table.rows]
    assert rows == [
        ("Påbörjade", 12, 100.0, None),
        ("fraga", 12, 100.0, 0),
        ("kontakt", 7, pytest.approx(58.33, abs=0.01), 5),
        (CHECK_STEP, 6, 50.0, 1),
        ("Skickade", 5, pytest.approx(41.67, abs=0.01), 1),
    ]
    assert table.rows[2].values[3].percent == pytest.approx(100 * 5 / 12)
    started, sent = section.figures
    assert started.value == 12 and sent.value.percent == pytest.approx(100 * 5 / 12)
    [chart] = section.charts
    assert chart.items[0] == ("Påbörjade", 100.0)


def test_an_eservice_without_runs_in_the_period_has_no_table():
    funnel(day=dt.date(2026, 1, 2))
    section = dropoff.dropoff_section(DECEMBER, timezone.now())
    assert section.tables == [] and section.charts == []


# --- the page, the CSV, who may see them ---------------------------------------------------------


def test_the_statistics_page_shows_the_drop_off_table(client, manager):
    funnel()
    client.force_login(manager)
    response = client.get(URL, {"from": "2025-12-01", "to": "2025-12-31"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="dropoff-heading"' in html and "Bortfall per steg" in html
    assert f'id="table-dropoff-{SLUG}"' in html and f'id="chart-dropoff-{SLUG}-title"' in html
    assert "Påbörjade" in html and "Andel av påbörjade" in html
    assert f"csv=dropoff-{SLUG}" in html
    # The chart comes just before its own table.
    assert html.index(f'id="chart-dropoff-{SLUG}-title"') < html.index(f'id="table-dropoff-{SLUG}"')


def test_the_drop_off_table_downloads_as_csv(client, manager):
    funnel(started=10, fraga=10, kontakt=8, check=4, sent=4)
    client.force_login(manager)
    query = {"from": "2025-12-01", "to": "2025-12-31"}
    response = client.get(URL, {**query, "csv": f"dropoff-{SLUG}"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert f"statistik-dropoff-{SLUG}-20251201-20251231.csv" in response["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Steg;")
    assert lines[1:] == [
        "Påbörjade;10;100,0;;",
        "fraga;10;100,0;0;0,0",
        "kontakt;8;80,0;2;20,0",
        f"{CHECK_STEP};4;40,0;4;50,0",
        "Skickade;4;40,0;0;0,0",
    ]
    assert client.get(URL, {**query, "csv": "dropoff-finns-inte"}).status_code == 404


def test_only_managers_see_the_drop_off(client, manager, django_user_model):
    funnel()
    agent = django_user_model.objects.create_user(username="test-agent", password="x")
    agent.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="work_queue")
    )
    client.force_login(agent)
    query = {"from": "2025-12-01", "to": "2025-12-31"}
    assert client.get(URL, query)["Location"] == reverse("wagtailadmin_home")
    response = client.get(URL, {**query, "csv": f"dropoff-{SLUG}"})
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    client.logout()
    assert client.get(URL, {**query, "csv": f"dropoff-{SLUG}"}).status_code == 302
