"""Turn a finished wizard's forms into a case's answers and its self-contained snapshot.

The answers are JSON values for machines (the API, statistics); the snapshot holds
each field's label and the answer as display text, in the municipality's working
language, so a case reads the same after the e-service changes or is retired.
"""

import datetime as dt
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils import formats, translation
from django.utils.translation import gettext as _

from contactcentre.services import Attachment
from core.uploads import check_image, download_name
from eservices.forms import PhoneNumberField, national_phone


def file_name(uploaded: UploadedFile) -> str:
    """The citizen's file name as the case keeps it: sanitised, with the detected type's extension."""
    content_type = getattr(uploaded, "checked_content_type", None) or check_image(uploaded).content_type
    return download_name(uploaded.name, content_type)


def json_value(value):
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, UploadedFile):
        return file_name(value)
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    if hasattr(value, "pk"):
        return value.pk
    return value


def display_value(field: forms.Field, value) -> str:
    if value in (None, "", [], ()):
        return "–"
    if isinstance(field, PhoneNumberField):
        return national_phone(value)  # kept as +46701740612, read as 070-174 06 12
    if isinstance(field, forms.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(field, forms.MultipleChoiceField):
        labels = dict(_flat_choices(field))
        return ", ".join(str(labels.get(v, v)) for v in value)
    if isinstance(field, forms.ChoiceField):
        return str(dict(_flat_choices(field)).get(value, value))
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return formats.localize(value)
    if isinstance(value, UploadedFile):
        return file_name(value)
    if isinstance(value, list | tuple):
        return ", ".join(display_value(field, v) for v in value)
    return str(value)


def _flat_choices(field):
    for key, label in field.choices:
        if isinstance(label, list | tuple):
            yield from label
        else:
            yield key, label


def collect(eservice, forms_by_step: dict) -> tuple[dict, dict, list[Attachment]]:
    """(answers, snapshot, attachments) from the valid forms of the steps that applied."""
    answers, steps, attachments = {}, [], []
    with translation.override(settings.LANGUAGE_CODE):
        for name, form in forms_by_step.items():
            step = eservice.step(name)
            if not form.fields:
                continue
            answers[name] = {}
            fields = []
            for field_name, field in form.fields.items():
                value = form.cleaned_data.get(field_name)
                answers[name][field_name] = json_value(value)
                fields.append(
                    {
                        "name": field_name,
                        "label": str(field.label or field_name),
                        "type": type(field).__name__,
                        "display": display_value(field, value),
                    }
                )
                for uploaded in value if isinstance(value, list | tuple) else [value]:
                    if isinstance(uploaded, UploadedFile):
                        attachments.append(_attachment(uploaded, field_name))
            steps.append({"name": name, "title": str(step.title), "fields": fields})
        snapshot = {
            "version": eservice.version,
            "title": str(eservice.title),
            "steps": steps,
            "handling_time": str(eservice.handling_time),
            "next_steps": str(eservice.next_steps),
        }
    return answers, snapshot, attachments


def _attachment(uploaded: UploadedFile, field_name: str) -> Attachment:
    checked = check_image(uploaded)
    uploaded.seek(0)
    return Attachment(
        name=uploaded.name, content_type=checked.content_type, content=uploaded.read(), field=field_name
    )
