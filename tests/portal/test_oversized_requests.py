"""Oversized bodies and uploads: a clear, translated message (beside the field for a photo,
the 413 page for a whole body, JSON from the API), never a 500."""

import io
import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.http.multipartparser import MultiPartParser
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.utils import translation
from django.utils.html import escape
from django.utils.module_loading import import_string
from django.utils.translation import gettext

import pytest

from contactcentre.models import Case
from core import uploads
from core.request_limits import TooLargeUpload
from eservices.models import EServicePage
from tests.api.conftest import submit as api_submit
from tests.eservices.test_wizard_engine import CONTACT, QUESTION, SLUG
from tests.eservices.wizard_helpers import WizardRun, image_file

pytestmark = pytest.mark.django_db


def heading_413(language):
    with translation.override(language):
        return escape(gettext("What you sent was too large"))


@pytest.fixture
def small_limits(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 20_000
    settings.REQUEST_MAX_BODY_SIZE = 200_000
    settings.UPLOAD_MAX_FILE_SIZE = 50_000
    return settings


def strict_client():
    # CSRF enforced, as in a browser: the middleware then reads the body before any view does.
    return Client(enforce_csrf_checks=True, raise_request_exception=False)


def csrf_token(client, url):
    client.get(url)
    return client.cookies["csrftoken"].value


def page(slug):
    return EServicePage.objects.get(eservice_slug=slug, locale__language_code="sv")


def test_the_limits_fit_the_forms(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 2_621_440
    assert settings.UPLOAD_MAX_FILE_SIZE >= uploads.MAX_BYTES  # a kept stand-in is always "too large"
    assert settings.REQUEST_MAX_BODY_SIZE >= 5 * 8 * 1024 * 1024  # five photos of 8 MB
    assert settings.FILE_UPLOAD_HANDLERS[0] == "core.request_limits.LimitedUploadHandler"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_text_answer_over_djangos_limit_gets_the_413_page(small_limits, language):
    client = strict_client()
    run = WizardRun(client, page(SLUG))
    prefix = "" if language == "sv" else "/en"
    url = prefix + run.url("fraga") if language != "sv" else run.url("fraga")
    token = csrf_token(client, run.first_url)
    body = {
        "csrfmiddlewaretoken": token,
        f"{run.prefix}-current_step": "fraga",
        "fraga-subject": "Hej",
        "fraga-question": "x" * 30_000,
    }
    response = client.post(url, body)
    assert response.status_code == 413
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert f"<h1>{heading_413(language)}</h1>" in html


def test_a_multipart_body_over_the_limit_gets_the_413_page_before_it_is_read(small_limits):
    client = strict_client()
    run = WizardRun(client, page("felanmalan"))
    token = csrf_token(client, run.first_url)
    photos = {f"bilder-photo_{n}": image_file(f"p{n}.png") for n in (1, 2, 3)}
    padding = {"bilder-padding": "x" * 10_000}
    big = image_file("stor.png", size=(400, 400))
    big.file.write(b"\0" * 250_000)  # trailing bytes: a 250 kB "photo"
    big.file.seek(0)
    response = client.post(
        run.url("bilder"),
        {
            "csrfmiddlewaretoken": token,
            f"{run.prefix}-current_step": "bilder",
            **photos,
            **padding,
            "bilder-photo_1": big,
        },
    )
    assert response.status_code == 413
    assert f"<h1>{heading_413('sv')}</h1>" in response.content.decode()


def test_a_photo_over_the_file_limit_is_said_beside_its_field(small_limits, monkeypatch):
    # As in production, a photo's own limit is below the file limit: 8 MB, 20 MB.
    monkeypatch.setattr("core.uploads.MAX_BYTES", 20_000)
    client = Client()
    run = WizardRun(client, page("felanmalan"))
    run.answer("fel", {"kind": "lighting", "description": "Lampan lyser inte."}, then="plats")
    run.answer("plats", {"location": "Storgatan 12"}, then="bilder")
    big = image_file("stor.png")
    big.file.seek(0, 2)
    big.file.write(b"\0" * 120_000)  # past UPLOAD_MAX_FILE_SIZE, under REQUEST_MAX_BODY_SIZE
    big.file.seek(0)
    response = run.post("bilder", {"photo_1": big})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_bilder-photo_1_error"' in html
    with translation.override("sv"):
        too_large = escape(gettext("The file is too large: %(size)s. A photo can be at most %(max)s."))
    assert too_large.split(":")[0] in html


def test_the_api_answers_an_oversized_body_in_json(client, small_limits):
    # The API reads its body itself, with a limit of its own (eservices.schema.body_limit).
    body = {"fraga": {**QUESTION, "question": "x" * 1_100_000}, "kontakt": CONTACT}
    response = api_submit(client, SLUG, body)
    assert response.status_code == 413
    assert "detail" in response.json()
    # A multipart body to the API, over every limit: JSON too, never a 500 (nor the HTML page).
    response = client.post(
        f"/api/v1/eservices/{SLUG}/submissions",
        {"f": "x" * 300_000, "photo": image_file()},
        content_type=MULTIPART_CONTENT,
    )
    assert response.status_code in {413, 422}, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    json.loads(response.content)
    assert not Case.objects.exists()


def test_a_file_over_the_limit_is_counted_not_kept(small_limits):
    """What the upload handlers give a form for a 120 kB file when 50 kB is the limit."""
    body = encode_multipart(
        BOUNDARY, {"note": "hej", "photo": SimpleUploadedFile("stor.jpg", b"\xff" * 120_000)}
    )
    meta = {"CONTENT_TYPE": MULTIPART_CONTENT, "CONTENT_LENGTH": str(len(body))}
    handlers = [import_string(path)() for path in small_limits.FILE_UPLOAD_HANDLERS]
    post, files = MultiPartParser(meta, io.BytesIO(body), handlers).parse()
    assert post["note"] == "hej"
    photo = files["photo"]
    assert isinstance(photo, TooLargeUpload)
    assert (photo.name, photo.size, photo.read()) == ("stor.jpg", 120_000, b"")
