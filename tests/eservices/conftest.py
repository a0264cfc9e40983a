import pytest

from contactcentre.models import CaseAttachment
from core.storage import PrivateStorage
from eservices.models import EServicePage
from eservices.wizard import EServiceWizard, WizardFileStorage


@pytest.fixture
def eservice_page(db):
    """The page of an e-service (by its id), in Swedish: the minimal site and the demo have all six."""

    def make(slug, digit=None):
        return EServicePage.objects.get(eservice_slug=slug, locale__language_code="sv")

    return make


@pytest.fixture
def private_root(settings, tmp_path, monkeypatch):
    """Photos of this test go under tmp_path: the wizard's uploads and the cases' attachments."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    # Both storages are built once, at import, with the location of that moment, so
    # changing the setting alone would not move them: build them again from it.
    monkeypatch.setattr(EServiceWizard, "file_storage", WizardFileStorage())
    monkeypatch.setattr(CaseAttachment._meta.get_field("file"), "storage", PrivateStorage())
    return settings.PRIVATE_MEDIA_ROOT
