"""A run that was already sent, sent again with changed answers.

The run id is unique on the case, so a second send can never make a second case by
itself: the citizen is shown what changed against the sent case and chooses to send
the changes as a new case or as a message on the sent one. Nothing typed is dropped
without them knowing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from contactcentre import actions
from contactcentre.models import Case, CaseEvent
from contactcentre.models.cases import Status
from eservices import answers as answer_tools

# The statuses in which a citizen's message is taken (as on the status page).
TAKES_MESSAGES = {Status.NEW, Status.IN_PROGRESS, Status.WAITING, Status.FORWARDED}


@dataclass(frozen=True)
class Change:
    step: str
    field: str
    label: str
    sent: str
    now: str


def changes(eservice, case: Case, forms_by_step: dict, applicable: list[str]) -> list[Change]:
    """What differs between the sent case's answers and the valid ``forms_by_step``, in the active language.

    ``applicable``: the steps that apply to the answers now; a sent step that no longer
    applies is an answer taken back. A step that applies but has no answer here (the
    session lost it) is unknown, not changed. A file not uploaded again is unchanged:
    the case has it, and browsers never fill a file input back in.
    """
    found = []
    for name in applicable:
        form = forms_by_step.get(name)
        if form is None:
            continue
        sent_step = case.answers.get(name, {})
        for field_name, field in form.fields.items():
            value = form.cleaned_data.get(field_name)
            if isinstance(field, forms.FileField) and not _uploaded(value):
                continue
            sent = sent_step.get(field_name)
            if answer_tools.json_value(value) == sent:
                continue
            found.append(
                Change(
                    step=name,
                    field=field_name,
                    label=str(field.label or field_name),
                    sent=answer_tools.display_value(field, sent),
                    now=answer_tools.display_value(field, value),
                )
            )
    for name, sent_step in case.answers.items():
        if name in applicable:
            continue
        for field_name, sent in sent_step.items():
            if sent in (None, "", [], False):
                continue
            sent_field = _sent_field(case, name, field_name)
            label, display = sent_field.get("label", field_name), sent_field.get("display", "–")
            found.append(Change(step=name, field=field_name, label=label, sent=display, now="–"))
    return found


def _uploaded(value) -> bool:
    values = value if isinstance(value, list | tuple) else [value]
    return any(isinstance(v, UploadedFile) for v in values)


def _sent_field(case, step_name, field_name) -> dict:
    """A field of the case's snapshot: its label and answer as they were sent."""
    for step in case.form_snapshot.get("steps", []):
        for field in step["fields"] if step["name"] == step_name else ():
            if field["name"] == field_name:
                return field
    return {}


def message_text(case: Case, found: list[Change]) -> str:
    """The changes as the staff read them."""
    lines = [_("Changed answers, sent after the form %(reference)s:") % {"reference": case.reference}]
    lines += [f"{change.label}: {change.sent} → {change.now}" for change in found]
    return "\n".join(lines)


def add_as_message(eservice, case: Case, forms_by_step: dict, applicable: list[str], *, actor=None):
    """The changes as an incoming message on the sent case, as a reply on the status page is.

    In the municipality's working language, with any file uploaded again. Sending the same
    changes twice (a double click) adds one message. None when there is nothing to add.
    """
    with translation.override(settings.LANGUAGE_CODE):
        found = changes(eservice, case, forms_by_step, applicable)
        text = message_text(case, found)
        changed_steps = {change.step for change in found}
        _answers, _snapshot, files = answer_tools.collect(
            eservice, {name: form for name, form in forms_by_step.items() if name in changed_steps}
        )
    changed_fields = {(change.step, change.field) for change in found}
    file_steps = {field: name for name, form in forms_by_step.items() for field in form.fields}
    attachments = [a for a in files if (file_steps.get(a.field), a.field) in changed_fields]
    if not found:
        return None
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if locked.status not in TAKES_MESSAGES:
            return None
        if locked.events.filter(kind=CaseEvent.CITIZEN_MESSAGE, text=text).exists():
            return None
        return actions.citizen_message(locked, text, attachments, actor=actor)


def copy_sent_files(case: Case, eservice, step_files: dict, applicable: list[str], file_storage) -> dict:
    """``step_files`` completed with the sent case's files for the file fields not uploaded again.

    A sent run's wizard copies are deleted once the case has them; a new case made from
    its changed answers gets the same files back from the case.
    """
    completed = {step: dict(files) for step, files in step_files.items()}
    file_fields = {
        field_name: step.name
        for step in eservice.steps
        if step.name in applicable
        for field_name, field in step.form_class.base_fields.items()
        if isinstance(field, forms.FileField)
    }
    for attachment in case.attachments.filter(field__in=file_fields):
        step = file_fields[attachment.field]
        key = f"{step}-{attachment.field}"  # formtools keys a file by the field's prefixed name
        if key in completed.get(step, {}):
            continue  # uploaded again
        with attachment.file.open("rb") as content:
            tmp_name = file_storage.save(attachment.original_name, File(content))
        completed.setdefault(step, {})[key] = {
            "tmp_name": tmp_name,
            "name": attachment.original_name,
            "content_type": attachment.content_type,
            "size": attachment.size,
            "charset": None,
        }
    return completed
