"""Housekeeping: uploads of abandoned runs are deleted, a saved draft's uploads are kept."""

import datetime as dt
import os
import time
import uuid

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

import pytest

from eservices.models import Draft, EServicePage
from eservices.wizard import WizardFileStorage
from pages.models import SearchMiss
from pages.models.search_log import KEEP_DAYS

pytestmark = pytest.mark.django_db


def age(storage, name, hours):
    path = storage.path(name)
    old = time.time() - hours * 3600
    os.utime(path, (old, old))


def test_abandoned_uploads_are_deleted_and_draft_uploads_kept(settings, tmp_path, eservice_page):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    storage = WizardFileStorage()
    abandoned = storage.save("abandoned.png", ContentFile(b"x"))
    recent = storage.save("recent.png", ContentFile(b"x"))
    saved = storage.save("in-a-draft.png", ContentFile(b"x"))
    age(storage, abandoned, 72)
    age(storage, saved, 72)
    page = eservice_page("felanmalan", 4)
    Draft.objects.create(
        page=page,
        eservice="felanmalan",
        run_id=uuid.uuid4(),
        storage={"step_files": {"bilder": {"photo_1": {"tmp_name": saved}}}},
        email="tolvan@example.com",
        language="sv",
        secret="s",
        expires_at=timezone.now() + dt.timedelta(days=3),
    )
    call_command("delete_abandoned_uploads", verbosity=0)
    assert not storage.exists(abandoned)
    assert storage.exists(recent)
    assert storage.exists(saved)
    assert str(tmp_path) in storage.path(recent)
    assert EServicePage.objects.filter(pk=page.pk).exists()


def test_run_periodic_jobs_runs_every_job(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("run_periodic_jobs", verbosity=0)


def test_run_periodic_jobs_prunes_old_search_misses(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    oldest_kept = timezone.localdate() - dt.timedelta(days=KEEP_DAYS)
    old = SearchMiss.objects.create(day=oldest_kept - dt.timedelta(days=1), language="sv", query="sotning")
    kept = SearchMiss.objects.create(day=oldest_kept, language="sv", query="sotning")
    call_command("run_periodic_jobs", verbosity=0)
    assert not SearchMiss.objects.filter(pk=old.pk).exists()
    assert SearchMiss.objects.filter(pk=kept.pk).exists()
