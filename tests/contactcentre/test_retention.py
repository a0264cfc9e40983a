"""Gallring: a case is removed, files and all, when its e-service's retention period has run out."""

import datetime as dt
import json
import logging
import os

from django.core.management import call_command
from django.utils import timezone

import pytest

from contactcentre.models import Case, CaseEvent
from contactcentre.services import Attachment, NewCase, open_case

pytestmark = pytest.mark.django_db


def test_expired_cases_go_with_their_files_and_kept_ones_stay(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    expiring, _ = open_case(
        NewCase(title="Fråga", retain_for_days=30, attachments=[Attachment("a.png", "image/png", b"png")])
    )
    kept, _ = open_case(NewCase(title="Synpunkt"))  # no retention period: an official record, kept
    assert kept.retain_until is None
    assert expiring.retain_until == timezone.localdate(expiring.received_at) + dt.timedelta(days=30)
    path = expiring.attachments.get().file.path
    Case.objects.filter(pk=expiring.pk).update(retain_until=timezone.localdate() - dt.timedelta(days=1))

    call_command("apply_retention", verbosity=0)

    assert not Case.objects.filter(pk=expiring.pk).exists()
    assert not CaseEvent.objects.filter(case_id=expiring.pk).exists()
    assert not os.path.exists(path)
    assert Case.objects.filter(pk=kept.pk).exists()


def test_a_case_within_its_period_is_kept(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    case, _ = open_case(NewCase(title="Fråga", retain_for_days=30))
    call_command("apply_retention", verbosity=0)
    assert Case.objects.filter(pk=case.pk).exists()


def test_each_run_is_logged_with_counts_per_eservice_and_no_personal_data(settings, tmp_path, caplog):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    for eservice, name in (("bygglov", "Tolvan Tolvansson"), ("bygglov", "Nils"), ("felanmalan", "Nils")):
        case, _ = open_case(
            NewCase(title="Fråga", eservice=eservice, contact_name=name, contact_email="tolvan@example.com")
        )
        Case.objects.filter(pk=case.pk).update(retain_until=yesterday)
    logged, _ = open_case(NewCase(title="Samtal", channel="phone", retain_for_days=1))
    Case.objects.filter(pk=logged.pk).update(retain_until=yesterday)
    kept, _ = open_case(NewCase(title="Synpunkt", eservice="synpunkter"))
    caplog.set_level(logging.INFO, logger="kommunportal.security")

    call_command("apply_retention", verbosity=0)

    (record,) = [r for r in caplog.records if r.name == "kommunportal.security"]
    event = json.loads(record.getMessage())
    assert event["event"] == "retention.run"
    assert event["removed"] == {"(phone)": 1, "bygglov": 2, "felanmalan": 1}
    assert event["removed_total"] == 4
    assert event["anonymised"] == {}
    text = record.getMessage()
    assert "Tolvan" not in text and "example.com" not in text and "KC-" not in text
    assert Case.objects.filter(pk=kept.pk).exists()


def test_a_run_that_removes_nothing_is_logged_too(caplog):
    caplog.set_level(logging.INFO, logger="kommunportal.security")
    call_command("apply_retention", verbosity=0)
    (record,) = [r for r in caplog.records if r.name == "kommunportal.security"]
    assert json.loads(record.getMessage())["removed_total"] == 0
