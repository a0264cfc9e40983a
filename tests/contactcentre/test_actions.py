"""Staff actions and the citizen's answer: transitions, timeline entries, e-mail."""

from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from contactcentre import actions, workflow
from contactcentre.models import CaseEvent
from contactcentre.models.cases import Status
from contactcentre.services import Attachment
from pages.models import FAQ
from tests.contactcentre.conftest import department

pytestmark = pytest.mark.django_db


def test_claim_assigns_and_starts_work(staff, cases):
    case = actions.claim(staff["agent"], cases["lamp"])
    assert case.assignee == staff["agent"]
    assert case.status == Status.IN_PROGRESS
    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds[-2:] == [CaseEvent.STATUS_CHANGED, CaseEvent.ASSIGNED]


def test_nobody_acts_on_a_case_they_may_not_see(staff, cases):
    with pytest.raises(PermissionDenied):
        actions.claim(staff["agent"], cases["social"])
    with pytest.raises(PermissionDenied):
        actions.add_note(staff["outsider"], cases["lamp"], "hej")


def test_transitions_are_enforced():
    assert Status.CLOSED not in workflow.allowed(Status.CLOSED)
    with pytest.raises(ValidationError):
        workflow.check(Status.CLOSED, Status.IN_PROGRESS)
    workflow.check(Status.NEW, Status.RESOLVED)


def test_a_closed_case_cannot_be_reopened(staff, cases):
    actions.change_status(staff["agent"], cases["lamp"], Status.CLOSED)
    with pytest.raises(ValidationError):
        actions.change_status(staff["agent"], cases["lamp"], Status.IN_PROGRESS)


def test_reply_is_public_emailed_and_counts_as_first_response(staff, cases):
    mail.outbox.clear()
    event = actions.reply(staff["agent"], cases["lamp"], "Vi lagar lampan i veckan.", wait_for_citizen=True)
    case = event.case
    case.refresh_from_db()
    assert event.public and event.direction == CaseEvent.OUTGOING
    assert case.first_response_at == event.created_at
    assert case.status == Status.WAITING
    assert len(mail.outbox) == 1
    assert "Vi lagar lampan i veckan." in mail.outbox[0].body


def test_no_email_to_a_person_with_protected_identity(staff, cases):
    case = cases["lamp"]
    case.protected_identity = True
    case.save()
    mail.outbox.clear()
    actions.reply(staff["agent"], case, "Svar")
    assert mail.outbox == []


def test_internal_notes_never_reach_the_citizen(staff, cases):
    from contactcentre.status import public_events

    actions.add_note(staff["agent"], cases["lamp"], "Ring Teknik om detta")
    assert not public_events(cases["lamp"]).filter(kind=CaseEvent.NOTE).exists()


def test_forwarding_to_another_committee_records_outgoing_and_incoming(staff, cases):
    building = department("Bygg och miljö")
    assert building.committee != department("Teknik").committee
    case = actions.forward(staff["agent"], cases["lamp"], building, note="Gäller bygglov")
    assert case.status == Status.FORWARDED
    assert case.department == building and case.committee == building.committee
    forwarded = list(case.events.filter(kind=CaseEvent.FORWARDED).values_list("direction", flat=True))
    assert forwarded == [CaseEvent.OUTGOING, CaseEvent.INCOMING]
    assert case.received_at == cases["lamp"].received_at


def test_forwarding_within_one_committee_is_one_working_entry(staff, cases):
    teknik = department("Teknik")
    same_committee = (
        type(teknik).objects.filter(committee=teknik.committee, locale=teknik.locale).exclude(pk=teknik.pk)
    )
    target = same_committee.first() or teknik
    case = actions.forward(staff["agent"], cases["lamp"], target)
    assert list(case.events.filter(kind=CaseEvent.FORWARDED).values_list("direction", flat=True)) == [
        CaseEvent.WORKING
    ]


def test_resolve_records_first_contact_and_the_faq_used(staff, cases):
    faq = FAQ.objects.first()
    case = actions.resolve(staff["agent"], cases["lamp"], first_contact=True, faq=faq)
    assert case.status == Status.RESOLVED
    assert case.resolved_at_first_contact is True
    assert case.resolved_faq == faq
    assert case.resolved_at is not None


def test_the_citizens_answer_puts_the_case_back_in_the_queue(staff, cases, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    actions.reply(staff["agent"], cases["lamp"], "Var exakt står lampan?", wait_for_citizen=True)
    event = actions.citizen_message(
        cases["lamp"], "Vid busshållplatsen.", [Attachment("karta.png", "image/png", b"\x89PNG...")]
    )
    case = event.case
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS
    assert event.public and event.direction == CaseEvent.INCOMING
    stored = case.attachments.get(field=f"message:{event.pk}")
    assert stored.file.path.startswith(str(tmp_path))


def test_a_closed_case_takes_no_reply(staff, cases):
    actions.change_status(staff["agent"], cases["lamp"], Status.CLOSED)
    with pytest.raises(ValidationError):
        actions.reply(staff["agent"], cases["lamp"], "Svar")
    assert not cases["lamp"].events.filter(kind=CaseEvent.REPLY).exists()


def test_the_department_records_registry_details(staff, cases):
    case = actions.update_registry(
        staff["teknik"], cases["lamp"], registry_number="TN/2026/0042", protected_identity=True
    )
    assert case.registry_number == "TN/2026/0042" and case.protected_identity
    event = case.events.get(kind=CaseEvent.REGISTRY_UPDATED)
    assert event.data["registry_number"] == ["", "TN/2026/0042"]
    with pytest.raises(PermissionDenied):
        actions.update_registry(staff["agent"], cases["lamp"], registry_number="X", protected_identity=False)


def test_secrecy_marks_one_answer_once_with_who_and_when(staff, cases):
    marking = actions.mark_secrecy(
        staff["teknik"],
        cases["lamp"],
        target="answer:arende.beskrivning",
        legal_basis="Sekretess enligt OSL 26 kap. 1 §",
    )
    again = actions.mark_secrecy(
        staff["teknik"], cases["lamp"], target="answer:arende.beskrivning", legal_basis="x"
    )
    assert again.pk == marking.pk and marking.marked_by == staff["teknik"] and marking.marked_at
    assert cases["lamp"].events.filter(kind=CaseEvent.SECRECY_MARKED).count() == 1


def test_clearing_the_attention_flag_is_on_the_timeline(staff, cases):
    from contactcentre.models import Case

    Case.objects.filter(pk=cases["lamp"].pk).update(
        needs_attention=True, attention_reason="receipt e-mail could not be sent"
    )
    case = actions.clear_attention(staff["agent"], cases["lamp"])
    assert not case.needs_attention and case.attention_reason == ""
    assert (
        case.events.get(kind=CaseEvent.ATTENTION_CLEARED).data["reason"] == "receipt e-mail could not be sent"
    )
