import pytest

from eservices.models import EServicePage


@pytest.fixture
def eservice_page(db):
    """The page of an e-service (by its id), in Swedish: the minimal site and the demo have all six."""

    def make(slug, digit=None):
        return EServicePage.objects.get(eservice_slug=slug, locale__language_code="sv")

    return make
