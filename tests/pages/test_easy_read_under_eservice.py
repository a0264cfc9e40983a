"""Lättläst under an e-service: allowed there, but never at an address the e-service answers itself."""

from django.core.exceptions import ValidationError

from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from eservices.models import EServicePage
from pages.models import EasyReadPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def eservice():
    return EServicePage.objects.filter(locale__language_code="sv").first()


def test_an_easy_read_page_may_be_a_child_of_an_eservice_page():
    assert EasyReadPage in EServicePage.allowed_subpage_models()
    assert EServicePage in EasyReadPage.allowed_parent_page_models()


def test_a_child_at_an_address_the_eservice_routes_itself_is_refused(eservice):
    # "steg/" alone is no route (a step is steg/<run>/<step>/), so a child could live there.
    for slug in ("starta", "utskrift", "besok"):
        page = EasyReadPage(title="Lättläst", slug=slug)
        with pytest.raises(ValidationError) as raised:
            eservice.add_child(instance=page)
        assert "slug" in raised.value.message_dict
    eservice.add_child(instance=EasyReadPage(title="Lättläst", slug="lattlast"))
    assert EasyReadPage.objects.child_of(eservice).filter(slug="lattlast").exists()


def test_the_page_editor_says_so_beside_the_slug(admin_client, eservice):
    data = nested_form_data({"title": "Lättläst", "slug": "starta", "intro": "", "body": streamfield([])})
    response = admin_client.post(f"/admin/pages/add/pages/easyreadpage/{eservice.pk}/", data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "slug" in errors and "starta/" in errors["slug"][0]
    assert not EasyReadPage.objects.child_of(eservice).exists()
