"""``/readyz``: may this app server take traffic? Database, migrations, task backlog, cache."""

import datetime as dt
from unittest import mock

from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from contactcentre.tasks import send_receipt_email

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASKS_BACKLOG_MINUTES = 10
    settings.TASKS_BACKLOG_MAX = 2


def waiting_tasks(count, minutes):
    for number in range(count):
        send_receipt_email.enqueue(number)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - dt.timedelta(minutes=minutes))


def test_ready(client, database_tasks):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "migrations": "ok", "tasks": "ok", "cache": "ok"},
    }
    assert "no-store" in response["Cache-Control"]


def test_an_unapplied_migration_is_not_ready(client, database_tasks):
    """A new release's code before ``migrate`` ran: the load balancer keeps it out."""
    latest = MigrationRecorder(connection).applied_migrations()
    app, name = max(key for key in latest if key[0] == "contactcentre")
    MigrationRecorder.Migration.objects.filter(app=app, name=name).delete()
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == "1 unapplied"
    assert response.json()["status"] == "error"


def test_a_task_backlog_is_not_ready(client, database_tasks):
    waiting_tasks(3, minutes=11)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["tasks"] == "backlog over 2"


def test_tasks_enqueued_just_now_or_few_are_no_backlog(client, database_tasks):
    waiting_tasks(3, minutes=2)  # a burst the workers are still taking
    assert client.get("/readyz").status_code == 200
    DBTaskResult.objects.all().delete()
    waiting_tasks(2, minutes=60)  # late, but within the limit
    assert client.get("/readyz").status_code == 200


def test_a_cache_that_does_not_answer_is_not_ready(client, settings, database_tasks):
    settings.CACHE_URL = "redis://127.0.0.1:6379/1"
    with mock.patch("portal.readiness.caches") as caches:
        caches.__getitem__.return_value.set.side_effect = ConnectionError("refused")
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "unavailable"


def test_a_database_that_does_not_answer_is_not_ready(client, database_tasks):
    from django.db import OperationalError

    with mock.patch("portal.readiness.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unavailable"


def test_readyz_refuses_writes(client):
    assert client.post("/readyz").status_code == 405


def test_probes_answer_a_load_balancer_by_address_over_http(client, settings, database_tasks):
    """A probe's Host is the server's address and its scheme http: neither may fail it."""
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["www.exempelkommun.se"]
    for path in ("/healthz", "/readyz"):
        response = client.get(path, HTTP_HOST="10.0.3.17:8000")
        assert response.status_code == 200, path
    # Every other address is still refused by host and redirected to https.
    assert client.get("/robots.txt", HTTP_HOST="10.0.3.17:8000").status_code == 400
