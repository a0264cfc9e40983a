"""A photo that is also HTML: stored, named and served to staff as the picture it was detected as.

A JPEG with HTML appended passes Pillow's check (it is a JPEG); called ``poly.html`` it used to be
downloaded to staff as ``poly.html``, which a browser would open as a page in the admin's origin.
"""

import io
import re
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents.models import Document

import pytest
from PIL import Image

from contactcentre.models import Case
from contactcentre.services import Attachment
from core.uploads import check_image, display_name, download_name
from tests.api.conftest import file_object, submit
from tests.eservices.test_felanmalan import FAULT, PLACE, REPORTER
from tests.eservices.wizard_helpers import WizardRun
from tests.factories import UserFactory
from tests.factories import case as open_a_case

pytestmark = pytest.mark.django_db

HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"
STORED = re.compile(r"[0-9a-f]{32}\.jpg")


def polyglot() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (10, 200, 10)).save(buffer, format="JPEG")
    return buffer.getvalue() + HTML


def test_the_polyglot_is_a_jpeg_to_pillow():
    # What makes it dangerous: the content check alone lets it through.
    checked = check_image(SimpleUploadedFile("poly.html", polyglot(), content_type="text/html"))
    assert (checked.content_type, checked.extension) == ("image/jpeg", "jpg")


def assert_stored_as_jpeg(case):
    attachment = case.attachments.get()
    assert (attachment.original_name, attachment.content_type) == ("poly.jpg", "image/jpeg")
    assert STORED.fullmatch(Path(attachment.file.name).name), attachment.file.name
    return attachment


def assert_served_as_jpeg_attachment(client, case, attachment):
    url = reverse("contactcentre_admin:attachment", args=[case.pk, attachment.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == polyglot()
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == 'attachment; filename="poly.jpg"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert "no-store" in response["Cache-Control"]


def misnamed_events(caplog):
    return [
        record.security_event
        for record in caplog.records
        if getattr(record, "security_event", {}).get("event") == "upload.misnamed"
    ]


def test_a_polyglot_through_the_wizard_is_stored_and_served_as_a_jpeg(
    client, eservice_page, private_root, caplog
):
    caplog.set_level("INFO", logger="kommunportal.security")
    run = WizardRun(client, eservice_page("felanmalan"))
    run.answer("fel", FAULT)
    run.answer("plats", PLACE)
    photo = SimpleUploadedFile("poly.html", polyglot(), content_type="text/html")
    run.answer("bilder", {"photo_1": photo})
    run.answer("kontakt", REPORTER)
    run.send()

    case = Case.objects.get()
    assert case.answers["bilder"]["photo_1"] == "poly.jpg"
    attachment = assert_stored_as_jpeg(case)
    assert ".html" not in repr(case.form_snapshot)
    [event] = misnamed_events(caplog)
    assert (event["case"], event["claimed_extension"], event["detected_type"]) == (
        case.reference,
        "html",
        "image/jpeg",
    )

    client.force_login(UserFactory(username="teknik"))
    assert_served_as_jpeg_attachment(client, case, attachment)


def test_a_polyglot_through_the_api_is_stored_and_served_as_a_jpeg(client, private_root):
    body = {
        "fel": FAULT,
        "plats": PLACE,
        "bilder": {"photo_1": file_object(polyglot(), "poly.html", "text/html")},
        "kontakt": {"wants_feedback": True, "email": "tolvan@example.com"},
    }
    response = submit(client, "felanmalan", body)
    assert response.status_code == 201, response.content
    case = Case.objects.get()
    assert case.answers["bilder"]["photo_1"] == "poly.jpg"
    attachment = assert_stored_as_jpeg(case)

    client.force_login(UserFactory(username="teknik"))
    assert_served_as_jpeg_attachment(client, case, attachment)


def test_an_older_attachment_named_html_is_served_under_its_detected_type(signed_in_admin, private_root):
    """Rows stored before names came from the type keep the citizen's name: the download ignores it."""
    case = open_a_case()
    attachment = case.attachments.create(
        original_name="poly.html", content_type="text/html", size=len(polyglot()), field="photo_1"
    )
    attachment.file.save("poly.html", io.BytesIO(polyglot()))
    response = signed_in_admin.get(reverse("contactcentre_admin:attachment", args=[case.pk, attachment.pk]))
    # Not a type we detect: served as bytes, saved as .bin, never as text/html.
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == 'attachment; filename="poly.bin"'


def test_a_photo_named_as_its_type_is_not_an_event(private_root, caplog):
    caplog.set_level("INFO", logger="kommunportal.security")
    for name in ("IMG_0412.JPEG", "lykta.jpg", "bild.jfif"):
        open_a_case(attachments=[Attachment(name, "image/jpeg", polyglot(), field="photo_1")])
    assert misnamed_events(caplog) == []
    open_a_case(attachments=[Attachment("bild.svg", "image/jpeg", polyglot(), field="photo_1")])
    assert [event["claimed_extension"] for event in misnamed_events(caplog)] == ["svg"]


@pytest.mark.parametrize(
    ("name", "shown", "saved"),
    [
        ("poly.html", "poly.html", "poly.jpg"),
        ("../../etc/passwd", "passwd", "passwd.jpg"),
        ("C:\\Users\\tolvan\\lykta.png", "lykta.png", "lykta.jpg"),
        ("bild\u202egpj.exe", "bildgpj.exe", "bildgpj.jpg"),  # right-to-left override: shown as bildexe.jpg
        ("rad\nbrytning\t.jpeg", "radbrytning.jpeg", "radbrytning.jpg"),
        (".html", "html", "html.jpg"),
        ("", "", "bilaga.jpg"),
    ],
)
def test_the_citizens_file_name_is_display_text_only(name, shown, saved):
    assert display_name(name) == shown
    assert download_name(name, "image/jpeg") == saved


@pytest.fixture
def signed_in_admin(client):
    client.force_login(UserFactory(username="admin"))
    return client


def test_wagtail_documents_refuse_an_html_file(signed_in_admin):
    page = b"<html><script>alert(1)</script></html>"
    response = signed_in_admin.post(
        reverse("wagtaildocs:add"),
        {"title": "Protokoll", "file": SimpleUploadedFile("protokoll.html", page, content_type="text/html")},
    )
    assert response.status_code == 200  # the form again, with its error
    assert not Document.objects.filter(title="Protokoll").exists()
    assert "file" in response.context["form"].errors
    # A name on the allowlist goes through: it is the extension that is refused.
    response = signed_in_admin.post(
        reverse("wagtaildocs:add"),
        {"title": "Protokoll", "file": SimpleUploadedFile("protokoll.txt", b"Protokoll")},
    )
    assert response.status_code == 302
    assert Document.objects.filter(title="Protokoll").exists()
