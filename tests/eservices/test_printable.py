"""Each e-service's paper version comes from its own definition, as a tagged PDF."""

import io
import re

from django.utils import translation

import pytest
from pypdf import PdfReader

from pages.models import Blankett
from tests.eservices import demo_forms

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", demo_forms.SLUGS)
def test_printable_pdf_is_tagged_and_lists_every_field(client, eservice_page, slug):
    page = eservice_page(slug)
    eservice = page.definition
    response = client.get(page.url + "utskrift/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root  # tagged for assistive technology
    assert root["/Lang"] == "sv"
    assert reader.metadata.title == str(eservice.title)
    text = " ".join(page.extract_text() for page in reader.pages)
    with translation.override("sv"):
        for step in eservice.steps:
            for field in step.form_class().fields.values():
                assert str(field.label)[:20] in text.replace("\n", " ")


@pytest.mark.usefixtures("demo")
def test_blankett_replaced_by_an_eservice_links_to_its_printable_version(client, eservice_page):
    page = eservice_page("fraga-kontaktcenter", 9)
    blankett = Blankett.objects.filter(locale__language_code="sv").first()
    Blankett.objects.filter(pk=blankett.pk).update(eservice_page=page)
    html = client.get("/blanketter/").content.decode()
    assert page.url + "utskrift/" in html
    assert page.url in html


@pytest.mark.parametrize("slug", demo_forms.SLUGS)
def test_printable_pdf_ends_each_sentence_once(client, eservice_page, slug):
    """The data-protection box shows each text under its label, not run into "Legal basis: ….."."""
    page = eservice_page(slug)
    eservice = page.definition
    reader = PdfReader(io.BytesIO(client.get(page.url + "utskrift/").content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert re.findall(r".{30}(?<!\.)\.\.(?!\.)", text) == []
    squeezed = "".join(text.split())
    assert "".join(str(eservice.data_protection.legal_basis).split())[:40] in squeezed
