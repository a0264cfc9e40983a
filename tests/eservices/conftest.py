import pytest

from eservices.models import EServicePage
from pages.models import ServiceAreaPage


@pytest.fixture
def eservice_page(db):
    """The page for an e-service, under its service area: created if the demo lacks it."""

    def make(slug, digit):
        existing = EServicePage.objects.filter(eservice=slug).first()
        if existing:
            return existing
        parent = ServiceAreaPage.objects.get(service_area__menu_digit=digit, locale__language_code="sv")
        page = EServicePage(title=slug.replace("-", " ").capitalize(), slug=slug, eservice=slug)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    return make
