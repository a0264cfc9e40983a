"""The JSON Schema (draft 2020-12) of an e-service's API submission, generated from its step forms.

The body of ``POST /api/v1/eservices/{slug}/submissions`` is an object with one member
per step, each an object of that step's fields. The schema is built from the same form
classes that validate the submission, so the two cannot drift apart; titles and labels
are in the active language.

What JSON Schema cannot say is written in ``description``: the check digit of a
personnummer, the rules of a form's ``clean()``, a step condition without a
``schema_if``. Authors of e-services can make the schema more exact:

- ``Step(..., condition=..., schema_if=answer_is("step", "field", "value"))`` gives a
  conditional step's condition as a JSON Schema fragment over the whole body; the step is
  then required (``then``) or forbidden (``else``) by the schema as it is by the server.
  Without ``schema_if``, a docstring on the condition function is shown instead.
- A form class may set ``schema_rules`` (a list of JSON Schema fragments applied to the
  step's object, for the cross-field rules of its ``clean()``) and ``schema_notes``
  (prose, a lazy translated string). Without ``schema_notes``, the docstring of an
  overridden ``clean()`` is shown, or a general sentence.
"""

from __future__ import annotations

import inspect
import math
import types

from django import forms
from django.forms.utils import pretty_name
from django.template.defaultfilters import filesizeformat
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from core.uploads import MAX_BYTES
from eservices.forms import IdentityNumberField, PhoneNumberField

DIALECT = "https://json-schema.org/draft/2020-12/schema"
# Files per multiple-file field when the field does not say (``max_files`` on the field).
DEFAULT_MAX_FILES = 3
FILE_NAME_MAX_LENGTH = 200
# Room in a request body for everything but files.
TEXT_BODY_BYTES = 1024 * 1024
IDENTITY_NUMBER_PATTERN = r"^\s*(?:\d\s*){6}(?:(?:\d\s*){2})?(?:[-+]\s*)?(?:\d\s*){4}$"


# --- helpers for Step.schema_if ------------------------------------------------
def answer_is(step: str, field: str, value) -> dict:
    """``schema_if`` for "``step`` answered ``field`` with ``value``" (a choice's value, True, …)."""
    return _answer(step, field, {"const": value})


def answer_in(step: str, field: str, values) -> dict:
    """``schema_if`` for "``step`` answered ``field`` with one of ``values``"."""
    return _answer(step, field, {"enum": list(values)})


def answer_includes(step: str, field: str, value) -> dict:
    """``schema_if`` for "``value`` is among the choices ticked in ``step``'s multiple-choice ``field``"."""
    return _answer(step, field, {"type": "array", "contains": {"const": value}})


def all_of(*fragments: dict) -> dict:
    return {"allOf": list(fragments)}


def any_of(*fragments: dict) -> dict:
    return {"anyOf": list(fragments)}


def _answer(step: str, field: str, condition: dict) -> dict:
    return {
        "required": [step],
        "properties": {step: {"required": [field], "properties": {field: condition}}},
    }


# --- sizes -----------------------------------------------------------------------
def base64_length(size: int) -> int:
    return 4 * math.ceil(size / 3)


def file_slots(field: forms.Field) -> int:
    if not isinstance(field, forms.FileField):
        return 0
    if multiple_files(field):
        return getattr(field, "max_files", None) or DEFAULT_MAX_FILES
    return 1


def body_limit(eservice) -> int:
    """The largest request body the API reads for this e-service, in bytes."""
    fields = [field for step in eservice.steps for field in step.form_class.base_fields.values()]
    slots = sum(file_slots(field) for field in fields)
    return TEXT_BODY_BYTES + slots * (base64_length(MAX_BYTES) + 1024)


def multiple_files(field: forms.Field) -> bool:
    return bool(getattr(field.widget, "allow_multiple_selected", False))


# --- the schema ------------------------------------------------------------------
def submission_schema(eservice) -> dict:
    """The JSON Schema of a submission's body, in the active language."""
    properties, required, conditions = {}, [], []
    for step in eservice.steps:
        schema, needed = step_schema(step)
        properties[step.name] = schema
        if step.condition is None:
            if needed:
                required.append(step.name)
        elif step.schema_if is not None:
            rule = {"if": step.schema_if, "else": {"not": {"required": [step.name]}}}
            if needed:
                rule["then"] = {"required": [step.name]}
            conditions.append(rule)
    description = [str(eservice.summary)]
    if body_limit(eservice) > TEXT_BODY_BYTES:
        description.append(
            _("Files are sent as base64; each can be at most %(max)s.") % {"max": filesizeformat(MAX_BYTES)}
        )
    schema = {
        "$schema": DIALECT,
        "title": str(eservice.title),
        "description": " ".join(part for part in description if part),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
        "x-schema-version": eservice.version,
        "x-max-body-bytes": body_limit(eservice),
    }
    if conditions:
        schema["allOf"] = conditions
    return schema


def step_schema(step) -> tuple[dict, bool]:
    """(the step's object schema, whether it has a required field)."""
    form = step.form_class()
    properties, required = {}, []
    for name, field in form.fields.items():
        properties[name] = field_schema(name, field)
        field_rule = _own_doc(getattr(type(form), f"clean_{name}", None))
        if field_rule:
            properties[name]["description"] = " ".join(
                part for part in (properties[name].get("description"), field_rule) if part
            )
        if field.required:
            required.append(name)
    schema = {
        "type": "object",
        "title": str(step.title),
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = required
    description = []
    if step.condition is not None and step.schema_if is None:
        description.append(_condition_prose(step.condition))
    notes = _form_notes(form)
    if notes:
        description.append(notes)
    if description:
        schema["description"] = " ".join(description)
    rules = getattr(form, "schema_rules", None)
    if rules:
        schema["allOf"] = list(rules)
    return schema, bool(required)


def field_schema(name: str, field: forms.Field) -> dict:
    schema = _type_schema(field)
    schema["title"] = str(field.label or pretty_name(name))
    description = [strip_tags(str(field.help_text)).strip()] if field.help_text else []
    if "description" in schema:  # what a file object is
        description.append(schema.pop("description"))
    if isinstance(field, IdentityNumberField):
        description.append(
            _(
                "A Swedish personal identity number (personnummer) or coordination number "
                "(samordningsnummer), YYYYMMDD-NNNN; the date and the check digit are validated."
            )
        )
    if isinstance(field, PhoneNumberField):
        description.append(
            _(
                "A phone number we can dial: a Swedish number as usually written (070-123 45 67), a "
                "number abroad with + and its country code. It is kept in E.164 form (+46701234567)."
            )
        )
    if description:
        schema["description"] = " ".join(part for part in description if part)
    return schema


def _type_schema(field: forms.Field) -> dict:
    if isinstance(field, forms.FileField):
        if multiple_files(field):
            schema = {
                "type": "array",
                "items": file_object_schema(),
                "maxItems": file_slots(field),
            }
            if field.required:
                schema["minItems"] = 1
            return schema
        return file_object_schema()
    if isinstance(field, forms.NullBooleanField):
        return {"type": ["boolean", "null"]}
    if isinstance(field, forms.BooleanField):
        # A required checkbox must be ticked.
        return {"type": "boolean", "const": True} if field.required else {"type": "boolean"}
    if isinstance(field, forms.MultipleChoiceField):
        values, labels = _choices(field)
        schema = {"type": "array", "items": {"type": "string", "enum": values}, "uniqueItems": True}
        if field.required:
            schema["minItems"] = 1
        schema["x-labels"] = labels
        return schema
    if isinstance(field, forms.ChoiceField):
        values, labels = _choices(field)
        if isinstance(field, forms.TypedChoiceField) and field.coerce is int:
            return {"type": "integer", "enum": [int(value) for value in values], "x-labels": labels}
        return {"type": "string", "enum": values, "x-labels": labels}
    if isinstance(field, forms.DecimalField | forms.FloatField):
        return _bounds({"type": "number"}, field)
    if isinstance(field, forms.IntegerField):
        return _bounds({"type": "integer"}, field)
    if isinstance(field, forms.DateTimeField):
        return {"type": "string", "format": "date-time"}
    if isinstance(field, forms.DateField):
        return {"type": "string", "format": "date"}
    if isinstance(field, forms.TimeField):
        return {"type": "string", "format": "time"}
    if isinstance(field, forms.UUIDField):
        return {"type": "string", "format": "uuid"}
    schema = {"type": "string"}
    if isinstance(field, forms.EmailField):
        schema["format"] = "email"
    elif isinstance(field, forms.URLField):
        schema["format"] = "uri"
    elif isinstance(field, IdentityNumberField):
        schema["pattern"] = IDENTITY_NUMBER_PATTERN
    if isinstance(field, forms.CharField):
        if field.max_length is not None:
            schema["maxLength"] = field.max_length
        min_length = field.min_length or (1 if field.required else None)
        if min_length:
            schema["minLength"] = min_length
    return schema


def file_object_schema() -> dict:
    return {
        "type": "object",
        "description": _(
            "A file: its name and its content in base64 (without line breaks), at most %(max)s "
            "decoded. Its type is decided by its content, not by its name or content_type."
        )
        % {"max": filesizeformat(MAX_BYTES)},
        "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": FILE_NAME_MAX_LENGTH},
            "content_type": {"type": "string", "maxLength": 100},
            "content_base64": {
                "type": "string",
                "contentEncoding": "base64",
                "minLength": 1,
                "maxLength": base64_length(MAX_BYTES),
            },
        },
        "required": ["name", "content_base64"],
        "additionalProperties": False,
    }


def _bounds(schema: dict, field: forms.Field) -> dict:
    keywords = {"min_value": "minimum", "max_value": "maximum", "step_size": "multipleOf"}
    for attribute, keyword in keywords.items():
        value = getattr(field, attribute, None)
        if value is not None:
            schema[keyword] = int(value) if value == int(value) else float(value)
    return schema


def _choices(field: forms.ChoiceField) -> tuple[list[str], dict[str, str]]:
    values, labels = [], {}
    for key, label in _flat_choices(field.choices):
        value = str(key)
        if value == "":
            continue  # the "choose one" placeholder
        values.append(value)
        labels[value] = str(label)
    return values, labels


def _flat_choices(choices):
    for key, label in choices:
        if isinstance(label, list | tuple):
            yield from label
        else:
            yield key, label


def _condition_prose(condition) -> str:
    explanation = _own_doc(condition) if isinstance(condition, types.FunctionType) else None
    if explanation:
        return _("Sent only when: %(condition)s. Leave the step out otherwise.") % {
            "condition": explanation.rstrip(".")
        }
    return _("Only for some answers to the earlier steps, as in the web form; leave the step out otherwise.")


def _form_notes(form) -> str:
    notes = getattr(form, "schema_notes", None)
    if notes:
        return str(notes)
    for klass in type(form).__mro__:
        if "clean" in vars(klass):
            if klass in (forms.Form, forms.BaseForm):
                return ""
            return _own_doc(vars(klass)["clean"]) or _(
                "Further rules that involve several of these fields are checked when the form is sent."
            )
    return ""


def _own_doc(function) -> str:
    """A function's own docstring (not one inherited from the method it overrides)."""
    doc = getattr(function, "__doc__", None)
    return inspect.cleandoc(doc) if isinstance(doc, str) else ""
