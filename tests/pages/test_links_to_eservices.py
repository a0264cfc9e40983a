"""Content links an e-service only through a page of that type, and a link always leads somewhere."""

from django.core.exceptions import ValidationError
from django.forms import modelform_factory

from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page

import pytest

from pages.blocks import LinkBlock
from pages.models import Blankett, ServicePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [ServicePage, Blankett])
def test_only_an_eservice_page_can_be_chosen_as_the_eservice(model):
    form = modelform_factory(model, fields=["eservice_page"])()
    choices = form.fields["eservice_page"].queryset
    eservice_pages = Page.objects.filter(content_type__model="eservicepage")
    assert eservice_pages.exists()
    assert set(choices) == set(eservice_pages)
    home = Page.objects.get(depth=2)
    with pytest.raises(ValidationError):
        form.fields["eservice_page"].clean(home.pk)


def test_the_service_page_chooser_offers_only_eservice_pages():
    from wagtail.admin.widgets import AdminPageChooser

    chooser = next(p for p in ServicePage.content_panels if getattr(p, "field_name", None) == "eservice_page")
    widget = chooser.bind_to_model(ServicePage).get_form_options()["widgets"]["eservice_page"]
    assert isinstance(widget, AdminPageChooser)
    assert [m._meta.label for m in widget.target_models] == ["eservices.EServicePage"]


def test_a_link_with_neither_page_nor_address_is_refused():
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"page": None, "url": "", "text": "Läs mer"}))
    assert set(error.value.block_errors) == {"page", "url"}


def test_a_link_to_an_address_or_a_page_is_kept():
    block = LinkBlock()
    assert block.clean(block.to_python({"url": "https://www.boverket.se", "text": "Boverket"}))["url"]
    home = Page.objects.get(depth=2)
    assert block.clean(block.to_python({"page": home.pk, "text": ""}))["page"] == home
