"""Drive an e-service's wizard with the test client, one step at a time."""

import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape

from PIL import Image

from eservices.wizard import CHECK_STEP, DONE_STEP


class WizardRun:
    """One run of an e-service page's wizard: ``answer`` each step, then ``send``."""

    def __init__(self, client, page):
        self.client = client
        self.page = page
        response = client.get(page.url + "starta/")
        assert response.status_code == 302
        self.first_url = response["Location"]  # .../steg/<run>/<first step>/
        self.base = self.first_url.rstrip("/").rsplit("/", 1)[0]
        run = self.base.rsplit("/", 1)[1]
        self.prefix = f"{page.eservice or page.eservice_slug or page.slug}_{run.replace('-', '')}"

    def url(self, step):
        return f"{self.base}/{step}/"

    def post(self, step, data=None):
        payload = {f"{self.prefix}-current_step": step}
        payload.update({f"{step}-{key}": value for key, value in (data or {}).items()})
        return self.client.post(self.url(step), payload)

    def answer(self, step, data=None, then=None):
        """Post a step that must be valid; ``then``: the step it must lead to."""
        response = self.post(step, data)
        assert response.status_code == 302, field_errors(response)
        if then:
            assert response["Location"].endswith(f"/{then}/"), response["Location"]
        return response

    def check_page(self):
        response = self.client.get(self.url(CHECK_STEP))
        assert response.status_code == 200
        return response.content.decode()

    def send(self):
        response = self.post(CHECK_STEP)
        assert response.status_code == 302, field_errors(response)
        assert response["Location"].endswith(f"/{DONE_STEP}/")
        return self.client.get(response["Location"], follow=True)


def field_errors(response) -> list[str]:
    """The error messages shown beside fields, for assertion messages."""
    html = response.content.decode() if hasattr(response, "content") else ""
    return re.findall(r'class="field__error" id="([^"]+)"', html)


def in_swedish(text, params=None) -> str:
    """A message (its English msgid, or a lazy string) as the Swedish site shows it, HTML-escaped."""
    with translation.override("sv"):
        message = translation.gettext(text) if isinstance(text, str) else str(text)
    return escape(message % params if params else message)


def assert_field_error(response, field_id, message, params=None):
    """A message beside the field, and a link to the field in the error summary."""
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert f'href="#{field_id}' in html, field_errors(response)
    match = re.search(rf'<p class="field__error" id="{re.escape(field_id)}_error">(.*?)</p>', html, re.S)
    assert match, f"no error beside {field_id}: {field_errors(response)}"
    assert in_swedish(message, params) in match.group(1), match.group(1)


def image_file(name="foto.png", image_format="PNG", size=(40, 30), color=(200, 120, 40)):
    """A small real picture, made with Pillow."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=image_format)
    content_type = {"PNG": "image/png", "JPEG": "image/jpeg"}[image_format]
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)
