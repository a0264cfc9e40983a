"""The case page in the Wagtail admin: who may open it, what it shows, the access log, each action."""

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest

from contactcentre.models import CaseEvent, SecrecyMarking
from contactcentre.models.cases import Status
from contactcentre.services import Attachment, NewCase, open_case
from pages.models import FAQ
from tests.contactcentre.conftest import area, department

pytestmark = pytest.mark.django_db


def detail_url(case):
    return reverse("contactcentre_admin:detail", args=[case.pk])


def action_url(name, case):
    return reverse(f"contactcentre_admin:{name}", args=[case.pk])


def messages_of(response):
    return [str(message.message) for message in get_messages(response.wsgi_request)]


# --- seeing a case ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "lamp", "social"),
    [("agent", 200, 404), ("teknik", 200, 404), ("social", 404, 200), ("admin", 200, 200)],
)
def test_the_case_page_opens_only_for_those_who_may_see_it(signed_in, cases, role, lamp, social):
    client = signed_in(role)
    assert client.get(detail_url(cases["lamp"])).status_code == lamp
    assert client.get(detail_url(cases["social"])).status_code == social


def test_a_case_that_does_not_exist_looks_like_one_that_is_not_yours(signed_in, cases):
    client = signed_in("teknik")
    missing = client.get(reverse("contactcentre_admin:detail", args=[10**9]))
    hidden = client.get(detail_url(cases["social"]))
    assert missing.status_code == hidden.status_code == 404


def test_the_case_page_shows_the_answers_labelled_from_its_snapshot(signed_in, answered_case):
    response = signed_in("agent").get(detail_url(answered_case))
    page = response.content.decode()
    assert response.status_code == 200
    for text in (
        answered_case.reference,
        "Vad är fel?",
        "Typ av fel",
        "Gatlampa",
        "Dina uppgifter",
        "Postadress",
        "Storgatan 1",
        "Tolvan Tolvansson",
        answered_case.department.name,
        answered_case.committee.name,
    ):
        assert text in page, text


def test_protected_identity_hides_the_address_and_says_so(signed_in, answered_case):
    answered_case.protected_identity = True
    answered_case.save()
    response = signed_in("agent").get(detail_url(answered_case))
    page = response.content.decode()
    assert "Storgatan 1" not in page
    assert "Postadress" not in page
    assert "Gatlampa" in page
    assert response.context["hid_address"]
    assert response.context["reply_notice"]
    assert 'class="help-block help-warning" role="note"' in page


def test_secrecy_markings_are_shown(signed_in, staff, answered_case):
    SecrecyMarking.objects.create(case=answered_case, target="case", marked_by=staff["teknik"])
    SecrecyMarking.objects.create(
        case=answered_case, target="answer:fel.description", marked_by=staff["teknik"]
    )
    response = signed_in("teknik").get(detail_url(answered_case))
    assert "Sekretess enligt OSL 26 kap. 1 §" in response.content.decode()
    secret = [answer.label for step in response.context["steps"] for answer in step.fields if answer.secret]
    assert secret == ["Beskriv felet"]


def test_the_timeline_marks_internal_notes(signed_in, staff, cases):
    from contactcentre import actions

    actions.add_note(staff["agent"], cases["lamp"], "Ring Teknik först")
    actions.reply(staff["agent"], cases["lamp"], "Vi lagar lampan.")
    response = signed_in("agent").get(detail_url(cases["lamp"]))
    entries = {entry.event.kind: entry for entry in response.context["timeline"]}
    assert entries[CaseEvent.NOTE].internal
    assert not entries[CaseEvent.REPLY].internal
    assert CaseEvent.VIEWED not in entries
    page = response.content.decode()
    assert "Ring Teknik först" in page and "Vi lagar lampan." in page


def test_viewing_is_logged_once_per_person_in_fifteen_minutes(signed_in, staff, cases):
    lamp = cases["lamp"]
    client = signed_in("agent")
    client.get(detail_url(lamp))
    client.get(detail_url(lamp))
    viewed = lamp.events.filter(kind=CaseEvent.VIEWED)
    assert viewed.count() == 1
    assert viewed.get().actor == staff["agent"]

    signed_in("teknik").get(detail_url(lamp))
    assert viewed.count() == 2

    viewed.update(created_at=timezone.now() - dt.timedelta(minutes=16))
    response = signed_in("agent").get(detail_url(lamp))
    assert viewed.filter(actor=staff["agent"]).count() == 2
    assert len(response.context["views"]) == 3


def test_a_refused_view_is_not_logged(signed_in, cases):
    signed_in("agent").get(detail_url(cases["social"]))
    assert not cases["social"].events.filter(kind=CaseEvent.VIEWED).exists()


# --- actions through the case page --------------------------------------------------------------


def test_claim(signed_in, staff, cases):
    lamp = cases["lamp"]
    response = signed_in("agent").post(action_url("claim", lamp))
    assert response.status_code == 302 and response.url == detail_url(lamp)
    lamp.refresh_from_db()
    assert lamp.assignee == staff["agent"] and lamp.status == Status.IN_PROGRESS
    assert lamp.reference in messages_of(response)[0]


def test_actions_are_posts_only(signed_in, cases):
    assert signed_in("agent").get(action_url("claim", cases["lamp"])).status_code == 405


def test_assign_to_someone_who_may_see_the_case(signed_in, staff, cases):
    lamp = cases["lamp"]
    client = signed_in("agent")
    page = client.get(detail_url(lamp))
    choices = {user.pk for user in page.context["forms"]["assign"].fields["assignee"].queryset}
    assert staff["teknik"].pk in choices and staff["social"].pk not in choices

    client.post(action_url("assign", lamp), {"assign-assignee": staff["teknik"].pk})
    lamp.refresh_from_db()
    assert lamp.assignee == staff["teknik"]

    refused = client.post(action_url("assign", lamp), {"assign-assignee": staff["social"].pk})
    lamp.refresh_from_db()
    assert lamp.assignee == staff["teknik"]
    assert refused.url == detail_url(lamp)
    assert "error" in list(get_messages(refused.wsgi_request))[-1].tags

    client.post(action_url("assign", lamp), {"assign-assignee": ""})
    lamp.refresh_from_db()
    assert lamp.assignee is None


def test_change_status_offers_the_allowed_transitions_and_refuses_others(signed_in, cases):
    lamp = cases["lamp"]
    client = signed_in("agent")
    offered = {
        code
        for code, _label in client.get(detail_url(lamp)).context["forms"]["status"].fields["status"].choices
    }
    assert offered == {Status.IN_PROGRESS, Status.WAITING, Status.FORWARDED, Status.RESOLVED, Status.CLOSED}

    client.post(action_url("status", lamp), {"status-status": Status.CLOSED})
    lamp.refresh_from_db()
    assert lamp.status == Status.CLOSED

    refused = client.post(action_url("status", lamp), {"status-status": Status.IN_PROGRESS})
    lamp.refresh_from_db()
    assert lamp.status == Status.CLOSED
    assert "error" in list(get_messages(refused.wsgi_request))[-1].tags
    assert "status" not in client.get(detail_url(lamp)).context["forms"]


def test_note(signed_in, cases):
    lamp = cases["lamp"]
    signed_in("agent").post(action_url("note", lamp), {"note-text": "Kontrollera med Teknik"})
    note = lamp.events.get(kind=CaseEvent.NOTE)
    assert note.text == "Kontrollera med Teknik" and not note.public


def test_an_empty_note_is_refused(signed_in, cases):
    response = signed_in("agent").post(action_url("note", cases["lamp"]), {"note-text": ""})
    assert response.url == detail_url(cases["lamp"])
    assert not cases["lamp"].events.filter(kind=CaseEvent.NOTE).exists()
    assert "error" in next(iter(get_messages(response.wsgi_request))).tags


def test_reply_sends_an_email_and_can_wait_for_the_citizen(signed_in, cases):
    lamp = cases["lamp"]
    mail.outbox.clear()
    signed_in("agent").post(
        action_url("reply", lamp), {"reply-text": "Vi lagar lampan i veckan.", "reply-wait_for_citizen": "on"}
    )
    lamp.refresh_from_db()
    assert lamp.status == Status.WAITING
    assert lamp.events.get(kind=CaseEvent.REPLY).public
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["tolvan@example.com"]


def test_forward(signed_in, cases):
    lamp = cases["lamp"]
    building = department("Bygg och miljö")
    response = signed_in("agent").post(
        action_url("forward", lamp), {"forward-department": building.pk, "forward-note": "Gäller bygglov"}
    )
    lamp.refresh_from_db()
    assert lamp.department == building and lamp.status == Status.FORWARDED
    assert response.url == detail_url(lamp)


def test_forwarding_away_from_ones_own_department_leads_back_to_the_queue(signed_in, cases):
    lamp = cases["lamp"]
    response = signed_in("teknik").post(
        action_url("forward", lamp), {"forward-department": department("Bygg och miljö").pk}
    )
    assert response.url == reverse("contactcentre_admin:index")


@pytest.mark.usefixtures("demo")
def test_resolve_with_the_faq_that_answered_it(signed_in, cases):
    lamp = cases["lamp"]
    faq = FAQ.objects.filter(locale__language_code="sv").first()
    signed_in("agent").post(
        action_url("resolve", lamp), {"resolve-first_contact": "yes", "resolve-faq": faq.pk}
    )
    lamp.refresh_from_db()
    assert lamp.status == Status.RESOLVED
    assert lamp.resolved_at_first_contact is True
    assert lamp.resolved_faq == faq


def test_resolve_needs_the_first_contact_answer(signed_in, cases):
    signed_in("agent").post(action_url("resolve", cases["lamp"]), {"resolve-faq": ""})
    cases["lamp"].refresh_from_db()
    assert cases["lamp"].status == Status.NEW


@pytest.mark.parametrize("name", ["claim", "assign", "status", "note", "reply", "forward", "resolve"])
def test_no_action_on_a_case_one_may_not_see(signed_in, cases, name):
    response = signed_in("agent").post(action_url(name, cases["social"]), {})
    assert response.status_code == 404
    assert cases["social"].events.count() == 1


# --- attachments --------------------------------------------------------------------------------


@pytest.fixture
def photo_case(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    case, _ = open_case(
        NewCase(
            title="Trasig skylt",
            service_area=area(4),
            attachments=[Attachment("skylt.png", "image/png", b"\x89PNG fake", field="bilder")],
        )
    )
    return case


def test_an_attachment_is_downloaded_from_private_storage(signed_in, photo_case, tmp_path):
    attachment = photo_case.attachments.get()
    path = Path(attachment.file.path).resolve()
    assert path.is_relative_to((tmp_path / "private").resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())

    client = signed_in("agent")
    page = client.get(detail_url(photo_case)).content.decode()
    url = reverse("contactcentre_admin:attachment", args=[photo_case.pk, attachment.pk])
    assert url in page
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\x89PNG fake"
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="skylt.png"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_attachment_is_refused_to_those_who_may_not_see_the_case(signed_in, photo_case, cases):
    attachment = photo_case.attachments.get()
    url = reverse("contactcentre_admin:attachment", args=[photo_case.pk, attachment.pk])
    assert signed_in("social").get(url).status_code == 404
    # Another case's number in the address does not open the attachment either.
    wrong_case = reverse("contactcentre_admin:attachment", args=[cases["lamp"].pk, attachment.pk])
    assert signed_in("agent").get(wrong_case).status_code == 404


def test_the_department_saves_registry_details_from_the_case_page(client, staff, cases):
    client.force_login(staff["teknik"])
    case = cases["lamp"]
    page = client.get(f"/admin/arenden/{case.pk}/").content.decode()
    assert "/diarium/" in page and "/sekretess/" in page
    response = client.post(
        f"/admin/arenden/{case.pk}/diarium/",
        {"registry-registry_number": "TN/2026/0007", "registry-protected_identity": "on"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.registry_number == "TN/2026/0007" and case.protected_identity
    response = client.post(
        f"/admin/arenden/{case.pk}/sekretess/", {"secrecy-target": "case", "secrecy-legal_basis": "OSL 26:1"}
    )
    assert response.status_code == 302
    assert case.secrecy_markings.get().target == "case"


def test_the_contact_centre_gets_no_registry_forms(client, staff, cases):
    client.force_login(staff["agent"])
    page = client.get(f"/admin/arenden/{cases['lamp'].pk}/").content.decode()
    assert "/diarium/" not in page
    response = client.post(f"/admin/arenden/{cases['lamp'].pk}/diarium/", {"registry-registry_number": "X"})
    cases["lamp"].refresh_from_db()
    assert cases["lamp"].registry_number == ""
    assert response.status_code in (302, 403)


@pytest.mark.usefixtures("demo")
def test_a_canned_reply_fills_the_reply_with_the_case_details(client, staff, cases):
    from contactcentre import canned

    client.force_login(staff["agent"])
    case = cases["lamp"]
    reply = canned.for_case(case)[0]
    page = client.get(f"/admin/arenden/{case.pk}/", {"svarsmall": reply.pk}).content.decode()
    assert 'name="svarsmall"' in page
    expected = canned.render(reply, case)
    assert expected.split("\n")[0][:40] in page.replace("&#x27;", "'").replace("&quot;", '"')
