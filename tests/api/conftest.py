"""Helpers for the API tests: the OpenAPI document, response checks, a test e-service."""

import base64
import io

from django import forms
from django.test import Client

import pytest
from jsonschema import Draft202012Validator
from PIL import Image

from eservices import registry
from eservices.forms import IdentityNumberField, PhotoField, StepForm
from eservices.registry import DataProtection, EService, Step
from eservices.schema import answer_is

API = "/api/v1"


@pytest.fixture(scope="session")
def openapi():
    response = Client().get(f"{API}/openapi.json")
    assert response.status_code == 200
    return response.json()


def check_response(openapi, response, path: str, method: str = "get"):
    """The response's status is documented for the operation, and its body matches that schema."""
    operation = openapi["paths"][f"{API}{path}"][method]
    documented = operation["responses"]
    assert str(response.status_code) in documented, (response.status_code, response.content[:500])
    schema = documented[str(response.status_code)]["content"]["application/json"]["schema"]
    validator = Draft202012Validator(
        {**schema, "components": openapi["components"]}, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(response.json())
    return response.json()


def schema_errors(schema: dict, body) -> list[str]:
    """Where ``body`` breaks the published JSON Schema of a submission (empty: it is valid)."""
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(body)]


def png_bytes(size=(8, 8)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def file_object(content: bytes, name="bild.png", content_type="image/png") -> dict:
    return {"name": name, "content_type": content_type, "content_base64": base64.b64encode(content).decode()}


# --- a test e-service with every kind of field and both kinds of conditional step -----
class ApplicantForm(StepForm):
    personal_number = IdentityNumberField(label="Personnummer")
    kind = forms.ChoiceField(
        label="Kind", choices=[("a", "Kind A"), ("b", "Kind B")], widget=forms.RadioSelect
    )
    has_second = forms.BooleanField(label="There is a second person", required=False)
    start = forms.DateField(label="Start")
    units = forms.MultipleChoiceField(
        label="Units", choices=[("x", "Unit X"), ("y", "Unit Y")], widget=forms.CheckboxSelectMultiple
    )
    children = forms.IntegerField(label="Children", min_value=1, max_value=10)
    agree = forms.BooleanField(label="I agree")
    email = forms.EmailField(label="E-mail", required=False)


class SecondForm(StepForm):
    personal_number = IdentityNumberField(label="Second personnummer")


class ExtraForm(StepForm):
    needs = forms.CharField(label="Needs", max_length=50)


class PhotoForm(StepForm):
    photo = PhotoField(label="Photo", required=False)


def has_second(answers):
    return bool((answers.get("sokande") or {}).get("has_second"))


def wants_kind_b(answers):
    """the applicant chose kind B"""
    return (answers.get("sokande") or {}).get("kind") == "b"


TEST_ESERVICE = EService(
    slug="api-test",
    title="API test",
    summary="An e-service for the API tests.",
    service_area_digit=9,
    department="Kontaktcenter",
    steps=(
        Step("sokande", ApplicantForm, "Applicant"),
        Step(
            "andra",
            SecondForm,
            "Second person",
            condition=has_second,
            schema_if=answer_is("sokande", "has_second", True),
        ),
        Step("extra", ExtraForm, "Extra", condition=wants_kind_b),
        Step("foto", PhotoForm, "Photo"),
    ),
    data_protection=DataProtection(
        data_collected="Test", purpose="Test", legal_basis="Test", controller="Test"
    ),
    describe=lambda answers: {"title": "API test", "email": answers["sokande"].get("email", "")},
)


@pytest.fixture
def test_eservice(monkeypatch):
    monkeypatch.setitem(registry._REGISTRY, TEST_ESERVICE.slug, TEST_ESERVICE)
    return TEST_ESERVICE


def submit(client, slug, body, query="", **headers):
    import json

    return client.post(
        f"{API}/eservices/{slug}/submissions{query}",
        json.dumps(body),
        content_type="application/json",
        **headers,
    )


# --- the content API: a small public site with a private corner, in Swedish and English -------
@pytest.fixture
def content_site(db):
    """Public and private pages in two languages, and headless clients' tokens (test_content_*)."""
    from types import SimpleNamespace

    from wagtail.models import Page, PageViewRestriction

    import wagtail_factories

    from pages import models as m
    from pages.models import HeadlessClient
    from tests import factories as f

    sv, en = f.locale("sv"), f.locale("en")
    home = m.HomePage.objects.get(locale=sv)
    area_page = m.ServiceAreaPage.objects.get(locale=sv, service_area__menu_digit=4)
    area = area_page.service_area
    document = wagtail_factories.DocumentFactory(title="Ansökan om bygglov")
    private = f.publish(f.InformationPageFactory(parent=home, title="Intern rutin", slug="intern-rutin"))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="hemligt")
    private_child = f.publish(f.InformationPageFactory(parent=private, title="Hemlig bilaga", slug="bilaga"))
    other = f.publish(f.InformationPageFactory(parent=home, title="Om webbplatsen", slug="om-webbplatsen"))
    service = f.ServicePageFactory(
        parent=area_page,
        title="Bygglov",
        slug="bygglov",
        intro="Du behöver bygglov för att bygga nytt.",
        locale=sv,
        body=_stream(
            ("heading", {"text": "Så här ansöker du", "level": "h2"}),
            (
                "paragraph",
                f'<p>Läs <a linktype="page" id="{other.pk}">om webbplatsen</a> och '
                f'<a linktype="document" id="{document.pk}">blanketten</a>.</p>',
            ),
            ("notice", {"kind": "warning", "heading": "Viktigt", "text": "<p>Börja inte bygga.</p>"}),
            ("steps", {"heading": "Så går det till", "steps": ["<p>Ansök.</p>", "<p>Vänta.</p>"]}),
            (
                "links",
                {
                    "heading": "Mer",
                    "links": [
                        {"page": other.pk, "url": "", "text": ""},
                        {"page": private.pk, "url": "", "text": "Hemligt"},
                        {"page": None, "url": "https://www.boverket.se", "text": "Boverket"},
                    ],
                },
            ),
        ),
    )
    service = f.publish(service)
    blankett = f.BlankettFactory(
        title="Ansökan om bygglov", code="SBF-101", service_area=area, document=document
    )
    faq = f.FAQFactory(question="Hur lång tid tar ett bygglov?", service_area=area)
    m.ServicePageFAQ.objects.create(page=service, faq=faq)
    m.ServicePageBlankett.objects.create(page=service, blankett=blankett)
    unpublished = f.InformationPageFactory(parent=home, title="Kommer snart", slug="kommer-snart", live=False)
    unpublished.save_revision()

    home_en = f.publish(home.copy_for_translation(en))
    other_en = other.copy_for_translation(en)
    other_en.title = "About this website"
    other_en.slug = "about-this-website"
    other_en = f.publish(other_en)

    preview_token = HeadlessClient(name="Förhandsvisning", can_preview=True)
    token = preview_token.new_token()
    preview_token.save()
    reader = HeadlessClient(name="Läsare")
    reader_token = reader.new_token()
    reader.save()
    return SimpleNamespace(
        home=home,
        home_en=home_en,
        area_page=area_page,
        area=area,
        service=service,
        other=other,
        other_en=other_en,
        private=private,
        private_child=private_child,
        unpublished=Page.objects.get(pk=unpublished.pk),
        document=document,
        blankett=blankett,
        faq=faq,
        preview_token=token,
        reader_token=reader_token,
    )


def _stream(*blocks) -> str:
    import json

    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])
