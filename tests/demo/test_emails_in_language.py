"""The citizen's e-mails come in the case's language: the receipt, the reply notice, the resume link.

Each is driven the way a citizen and an agent cause it (the translated e-service "Fråga
kontaktcenter", the agent's reply in the admin, "save and continue later"), and read in the outbox.
"""

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

import pytest

from contactcentre.models import Case
from eservices.models import EServicePage
from tests.eservices.test_wizard_engine import CONTACT, QUESTION
from tests.eservices.wizard_helpers import WizardRun

pytestmark = pytest.mark.usefixtures("demo")
LANGUAGES = ["en", "ar"]
DO_NOT_REPLY = (
    "Please do not reply to this e-mail. To answer us, use the link above or call the contact centre."
)


def in_language(code, msgid, **params):
    with translation.override(code):
        text = translation.gettext(msgid)
    return text % params if params else text


def eservice(code):
    swedish = EServicePage.objects.get(slug="fraga-kontaktcenter", locale__language_code="sv")
    return swedish.get_translation(Locale.objects.get(language_code=code)).specific


def send_case(client, code, django_capture_on_commit_callbacks):
    run = WizardRun(client, eservice(code))
    run.answer("fraga", QUESTION, then="kontakt")
    run.answer("kontakt", CONTACT)
    with django_capture_on_commit_callbacks(execute=True):
        run.send()
    return Case.objects.latest("pk")


def assert_not_swedish(code, text, msgid):
    """The message is in ``code``, and its Swedish wording is nowhere in ``text``."""
    assert in_language(code, msgid) in text
    assert in_language("sv", msgid) not in text


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_receipt_comes_in_the_case_language(client, code, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    case = send_case(client, code, django_capture_on_commit_callbacks)
    assert case.language == code
    [receipt] = mail.outbox
    subject = in_language(code, "We have received your case %(reference)s", reference=case.reference)
    assert receipt.subject == subject
    assert_not_swedish(code, receipt.body, "Follow your case here (do not share the link):")
    assert_not_swedish(code, receipt.body, "Status code")
    # The links lead to the status page and the look-up form in that language.
    assert re.search(rf"https?://[^/\s]+/{code}/\S+", receipt.body)
    assert not re.search(r"https?://[^/\s]+/arende/", receipt.body)
    # What happens next: the translated e-service's own words, not the Swedish page's.
    page = eservice(code)
    assert page.next_steps and page.next_steps in receipt.body
    swedish = page.get_translation(Locale.objects.get(language_code="sv")).specific
    assert swedish.next_steps not in receipt.body


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_reply_notice_comes_in_the_case_language(client, code, django_capture_on_commit_callbacks):
    case = send_case(client, code, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    client.force_login(get_user_model().objects.get(username="agent"))
    url = reverse("contactcentre_admin:reply", args=[case.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reply-text": "Reply text as the agent wrote it."})
    assert response.status_code == 302
    [notice] = mail.outbox
    assert notice.to == [CONTACT["email"]]
    reference = case.reference
    assert notice.subject == in_language(code, "An answer about your case %(reference)s", reference=reference)
    first_line = in_language(code, "We have answered you about your case %(reference)s.", reference=reference)
    assert notice.body.startswith(first_line)
    assert_not_swedish(code, notice.body, DO_NOT_REPLY)
    assert re.search(rf"https?://[^/\s]+/{code}/\S+", notice.body)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_resume_link_comes_in_the_language_the_form_was_filled_in(client, code):
    page = eservice(code)
    run = WizardRun(client, page)
    run.answer("fraga", QUESTION, then="kontakt")
    payload = {f"{run.prefix}-current_step": "kontakt", "wizard_save": "1", "kontakt-name": "Tolvan"}
    response = client.post(run.url("kontakt"), payload)
    assert response.status_code == 302 and "/spara/" in response["Location"]
    mail.outbox.clear()
    response = client.post(response["Location"], {"email": "tolvan@example.com"})
    assert response.status_code == 200
    [message] = mail.outbox
    assert message.subject == in_language(code, "Continue your form: %(title)s", title=page.title)
    assert_not_swedish(code, message.body, "Continue here:")
    assert_not_swedish(code, message.body, "If you did not ask for this, you can ignore this e-mail.")
    # The link resumes the translated e-service, under its language's address.
    assert re.search(rf"https?://[^/\s]+{re.escape(page.url)}fortsatt/\d+/\w+/", message.body)
    assert page.url.startswith(f"/{code}/")
