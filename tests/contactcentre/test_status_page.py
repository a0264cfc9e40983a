"""The citizen's status page: the secret link exchanged for a session, public replies, and answering us."""

import io
import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from PIL import Image

from contactcentre import actions
from contactcentre.models import CaseEvent
from contactcentre.models.cases import Status

pytestmark = pytest.mark.django_db


def status_url(case, token=None):
    return reverse("case_status", kwargs={"reference": case.reference, "token": token or case.status_token()})


def open_link(client, case):
    """Follow the e-mailed link as a browser does: it answers 303 to the page without the token."""
    response = client.get(status_url(case))
    assert response.status_code == 303
    page = reverse("case_status_page", args=[case.reference])
    assert response["Location"] == page
    return page


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return SimpleUploadedFile("lampa.png", buffer.getvalue(), content_type="image/png")


def test_status_shows_public_replies_but_not_internal_notes(client, staff, cases):
    actions.add_note(staff["agent"], cases["lamp"], "Internt: ring Teknik")
    actions.reply(staff["agent"], cases["lamp"], "Vi lagar lampan på fredag.")
    response = client.get(open_link(client, cases["lamp"]))
    html = response.content.decode()
    assert "Vi lagar lampan på fredag." in html
    assert "Internt" not in html
    # The header keeps the secret link out of referrers; a <meta> one would break answering.
    assert response["Referrer-Policy"] == "same-origin"
    assert 'name="referrer"' not in html


def test_wrong_token_and_unknown_reference_look_the_same(client, cases):
    wrong = client.get(status_url(cases["lamp"], token="0" * 32))
    unknown = client.get(reverse("case_status", kwargs={"reference": "KC-1999-000001", "token": "0" * 32}))
    assert wrong.status_code == unknown.status_code == 404


def test_failed_lookups_are_rate_limited(client, cases, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "case-lookup-failure": (3, 600)}
    codes = [client.get(status_url(cases["lamp"], token=f"{n:032d}")).status_code for n in range(5)]
    assert codes == [404, 404, 404, 429, 429]
    # A correct look-up is never counted or refused.
    assert client.get(status_url(cases["lamp"])).status_code == 303


def test_the_citizen_answers_with_a_photo_and_the_case_returns_to_the_queue(
    client, staff, cases, settings, tmp_path
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    actions.reply(staff["agent"], cases["lamp"], "Var står lampan?", wait_for_citizen=True)
    url = open_link(client, cases["lamp"])
    assert 'name="message"' in client.get(url).content.decode()
    response = client.post(url, {"message": "Vid busshållplatsen Storgatan.", "photo": png()})
    assert response.status_code == 302
    case = cases["lamp"]
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS
    message = case.events.get(kind=CaseEvent.CITIZEN_MESSAGE)
    assert message.text == "Vid busshållplatsen Storgatan."
    assert case.attachments.get(field=f"message:{message.pk}").content_type == "image/png"


def test_an_empty_answer_or_a_fake_photo_gets_a_message_and_keeps_the_text(client, staff, cases):
    actions.reply(staff["agent"], cases["lamp"], "Var?", wait_for_citizen=True)
    url = open_link(client, cases["lamp"])
    response = client.post(url, {"message": ""})
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    fake = SimpleUploadedFile("bild.jpg", b"not a picture", content_type="image/jpeg")
    response = client.post(url, {"message": "Här är bilden", "photo": fake})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Här är bilden" in html
    assert not cases["lamp"].events.filter(kind=CaseEvent.CITIZEN_MESSAGE).exists()


def test_a_closed_case_takes_no_more_answers(client, staff, cases):
    actions.change_status(staff["agent"], cases["lamp"], Status.CLOSED)
    url = open_link(client, cases["lamp"])
    assert 'name="message"' not in client.get(url).content.decode()
    client.post(url, {"message": "Hallå?"})
    assert not cases["lamp"].events.filter(kind=CaseEvent.CITIZEN_MESSAGE).exists()


def test_the_link_leaves_its_token_behind_and_works_on_every_click(client, cases):
    link = status_url(cases["lamp"])
    response = client.get(link)
    assert response.status_code == 303
    assert cases["lamp"].status_token() not in response["Location"]
    # The address with the token sends no referrer anywhere, not even to our own pages.
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]
    first_session = client.session.session_key
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert cases["lamp"].reference in page.content.decode()
    # A second click (another day, another tab) exchanges the link again, under a new session key.
    assert client.get(link).status_code == 303
    assert client.session.session_key != first_session
    assert client.get(response["Location"]).status_code == 200


def test_a_wrong_link_sends_no_referrer_either(client, cases):
    response = client.get(status_url(cases["lamp"], token="0" * 32))
    assert response.status_code == 404
    assert response["Referrer-Policy"] == "no-referrer"


def test_the_page_without_the_token_needs_the_session(client, cases):
    page = reverse("case_status_page", args=[cases["lamp"].reference])
    # Another browser, never given the link: sent to the look-up, shown nothing of the case.
    response = client.get(page)
    assert response.status_code == 302
    assert response["Location"] == reverse("case_lookup")


def test_a_session_for_one_case_does_not_open_another(client, cases):
    open_link(client, cases["lamp"])
    other = reverse("case_status_page", args=[cases["social"].reference])
    assert client.get(other).status_code == 302


def test_two_links_in_one_browser_each_keep_their_case(client, cases):
    lamp, social = open_link(client, cases["lamp"]), open_link(client, cases["social"])
    assert cases["lamp"].reference in client.get(lamp).content.decode()
    assert cases["social"].reference in client.get(social).content.decode()


def test_the_session_ends_after_a_while_without_use(client, cases, settings, monkeypatch):
    settings.CASE_STATUS_SESSION_SECONDS = 60
    page = open_link(client, cases["lamp"])
    later = time.time() + 61
    monkeypatch.setattr(time, "time", lambda: later)
    response = client.post(page, {"message": "Hallå?"})
    assert response.status_code == 302
    assert response["Location"] == reverse("case_lookup")
    assert not cases["lamp"].events.filter(kind=CaseEvent.CITIZEN_MESSAGE).exists()
