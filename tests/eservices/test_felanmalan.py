"""Felanmälan: a fault report with photos, checked by content and kept in private storage."""

import datetime as dt
import re
from pathlib import Path

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

import pytest

from contactcentre.models import Case, CaseEvent
from core.uploads import check_image
from tests.eservices.demo_forms import choices, form_class, label_of
from tests.eservices.wizard_helpers import WizardRun, assert_field_error, image_file, in_swedish

pytestmark = pytest.mark.django_db
SLUG = "felanmalan"

FAULT = {"kind": "lighting", "description": "Lampan lyser inte på kvällarna."}
PLACE = {"location": "Storgatan 12, lyktstolpe 4711"}
REPORTER = {
    "wants_feedback": "on",
    "name": "Tolvan Tolvansson",
    "email": "tolvan@example.com",
    "phone": "",
}


@pytest.fixture
def page(eservice_page):
    return eservice_page(SLUG, 4)


@pytest.mark.usefixtures("demo")
def test_start_page_says_what_happens_and_what_is_collected(client, page):
    html = client.get(page.url).content.decode()
    assert in_swedish("Tekniska nämnden") in html
    assert "teknisk jour" in html  # the demo page's "before you start"


def test_a_fault_with_two_photos_becomes_a_case_for_teknik(client, page, private_root, settings):
    run = WizardRun(client, page)
    first = client.get(run.first_url).content.decode()
    assert "08-465 004 90" in first and "112" in first  # emergencies are not for this form

    run.answer("fel", FAULT, then="plats")
    run.answer("plats", PLACE, then="bilder")
    run.answer(
        "bilder",
        {"photo_1": image_file("lykta.png", "PNG"), "photo_2": image_file("gatan.jpg", "JPEG")},
        then="kontakt",
    )
    run.answer("kontakt", REPORTER, then="kontrollera")
    check = run.check_page()
    assert "Storgatan 12" in check and "lykta.png" in check and "gatan.jpg" in check
    response = run.send()

    case = Case.objects.get()
    assert case.reference in response.content.decode()
    assert case.eservice == SLUG
    assert case.title == f"{label_of(SLUG, 'fel', 'kind', 'lighting')}: Storgatan 12, lyktstolpe 4711"
    assert case.service_area.menu_digit == 4
    assert case.department.name == "Teknik"
    assert not case.confidential
    assert case.answers["fel"] == FAULT
    assert case.answers["plats"] == PLACE
    assert case.answers["bilder"] == {"photo_1": "lykta.png", "photo_2": "gatan.jpg", "photo_3": None}
    assert case.answers["kontakt"]["wants_feedback"] is True
    assert case.form_snapshot["version"] == "felanmalan@1"
    assert [s["name"] for s in case.form_snapshot["steps"]] == ["fel", "plats", "bilder", "kontakt"]
    assert case.form_snapshot["steps"][0]["fields"][0]["display"] == in_swedish(
        choices(SLUG, "fel", "kind")[1][1]
    )
    assert (case.contact_name, case.contact_email, case.contact_phone) == (
        "Tolvan Tolvansson",
        "tolvan@example.com",
        "",
    )
    assert not case.identity_verified
    assert case.retain_until == timezone.localdate(case.received_at) + dt.timedelta(days=730)
    assert case.events.filter(kind=CaseEvent.CREATED).exists()

    # The photos: checked by content, kept under random names in private storage.
    attachments = list(case.attachments.order_by("field"))
    assert [(a.field, a.original_name, a.content_type) for a in attachments] == [
        ("photo_1", "lykta.png", "image/png"),
        ("photo_2", "gatan.jpg", "image/jpeg"),
    ]
    for attachment in attachments:
        path = Path(attachment.file.path)
        assert path.is_relative_to(private_root)
        assert not path.is_relative_to(Path(settings.MEDIA_ROOT))
        assert "lykta" not in path.name and "gatan" not in path.name
        # A uuid4 in hex and the detected type's extension, never the citizen's.
        assert re.fullmatch(r"[0-9a-f]{32}\.(png|jpg)", path.name), path.name
        assert path.suffix == {"image/png": ".png", "image/jpeg": ".jpg"}[attachment.content_type]
        assert attachment.size == path.stat().st_size
        with attachment.file.open("rb") as stored:
            check_image(stored)
    # The wizard's own copies are gone once the case has them.
    wizard_uploads = private_root / "wizard-uploads"
    assert not wizard_uploads.exists() or not any(wizard_uploads.iterdir())

    assert len(mail.outbox) == 1
    assert case.reference in mail.outbox[0].subject
    assert "Storgatan" not in mail.outbox[0].body


def test_an_anonymous_report_without_photos_has_no_contact_details(client, page, private_root):
    run = WizardRun(client, page)
    run.answer("fel", {"kind": "park", "description": "Gungan på lekplatsen är trasig."})
    run.answer("plats", {"location": "Lekplatsen i Norrparken"})
    run.answer("bilder", {})
    run.answer("kontakt", {}, then="kontrollera")
    run.send()
    case = Case.objects.get()
    assert case.title.endswith("Lekplatsen i Norrparken")
    assert (case.contact_name, case.contact_email, case.contact_phone) == ("", "", "")
    assert case.attachments.count() == 0
    assert case.answers["bilder"] == {"photo_1": None, "photo_2": None, "photo_3": None}
    assert mail.outbox == []


def test_a_text_file_named_jpg_is_not_a_photo(client, page, private_root):
    run = WizardRun(client, page)
    run.answer("fel", FAULT)
    run.answer("plats", PLACE)
    fake = SimpleUploadedFile("foto.jpg", b"Det har ar ingen bild, bara text.\n", content_type="image/jpeg")
    response = run.post("bilder", {"photo_1": fake, "photo_2": image_file("riktig.png")})
    assert_field_error(
        response,
        "id_bilder-photo_1",
        "The file is not a photo we can read. Choose a JPEG, PNG or WebP picture.",
    )
    assert Case.objects.count() == 0
    # The earlier answers are kept: the check step is still out of reach, the first step is filled.
    assert "Storgatan 12" in client.get(run.url("plats")).content.decode()


def test_missing_answers_get_a_message_beside_each_field(client, page):
    run = WizardRun(client, page)
    response = run.post("fel", {"description": "Något är trasigt"})
    assert_field_error(response, "id_fel-kind", "Välj vilket slags fel det är")
    assert "Något är trasigt" in response.content.decode()  # what was typed is kept
    run.answer("fel", FAULT)
    response = run.post("plats", {"location": "  "})
    assert_field_error(response, "id_plats-location", "Skriv var felet är")
    assert Case.objects.count() == 0


def test_feedback_needs_an_email_address_or_a_phone_number(client, page):
    run = WizardRun(client, page)
    run.answer("fel", FAULT)
    run.answer("plats", PLACE)
    run.answer("bilder", {})
    response = run.post("kontakt", {"wants_feedback": "on", "name": "Tolvan Tolvansson"})
    assert_field_error(
        response,
        "id_kontakt-email",
        "Enter an e-mail address or a phone number, so that we can tell you when the fault has been fixed.",
    )
    assert 'value="Tolvan Tolvansson"' in response.content.decode()
    response = run.post("kontakt", {"wants_feedback": "on", "email": "inte-en-adress"})
    assert_field_error(
        response, "id_kontakt-email", "Enter your e-mail address in the right format, like namn@exempel.se"
    )
    run.answer("kontakt", {"wants_feedback": "on", "phone": "070-000 00 00"}, then="kontrollera")
    assert Case.objects.count() == 0


def test_the_reporter_form_alone():
    ReporterForm = form_class(SLUG, "kontakt")  # noqa: N806 -- a class
    assert ReporterForm(data={}).is_valid()
    assert not ReporterForm(data={"wants_feedback": "on"}).is_valid()
    assert ReporterForm(data={"wants_feedback": "on", "email": "a@example.com"}).is_valid()


def test_the_translated_eservice_runs_in_english_and_its_case_reads_in_swedish(client, in_english):
    """A translator's work (wagtail-localize) is the English e-service: texts in English, same answers."""
    english = in_english(SLUG)
    run = WizardRun(client, english)
    first = client.get(run.first_url).content.decode()
    assert 'lang="en"' in first
    assert "What kind of fault is it?" in first and "Street lighting" in first
    assert "Vilket slags fel" not in first
    response = run.post("fel", {"kind": "lighting"})
    assert "Describe the fault" in response.content.decode()  # its own message, in English
    run.answer("fel", FAULT, then="plats")
    run.answer("plats", PLACE, then="bilder")
    run.answer("bilder", {}, then="kontakt")
    run.answer("kontakt", REPORTER, then="kontrollera")
    run.send()
    case = Case.objects.get()
    assert case.language == "en"
    assert case.eservice == SLUG  # one e-service in both languages
    assert case.title == "Gatubelysning: Storgatan 12, lyktstolpe 4711"  # the queue's language
