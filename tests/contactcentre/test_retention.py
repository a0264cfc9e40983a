"""Gallring: a case is removed, files and all, when its e-service's retention period has run out."""

import datetime as dt
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
