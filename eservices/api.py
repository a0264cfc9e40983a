"""API: the e-services with the JSON Schema of their submissions, and submissions.

A submission is validated by the same step forms as the web wizard, step by step in
order, with each step's condition evaluated on the cleaned data of the steps before it;
a valid one becomes a case through the same code as the wizard (eservices.submission).
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections import OrderedDict
from typing import Annotated, Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.serializers.json import DjangoJSONEncoder
from django.forms.forms import NON_FIELD_ERRORS
from django.http import Http404
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from ninja import Field, Header, Router, Schema, Status

from contactcentre.models.cases import Channel
from contactcentre.services import open_case
from contactcentre.tasks import lookup_url, status_url
from contactcentre.tokens import status_code
from core import ratelimit
from core.api import ErrorOut, ValidationErrorOut
from eservices import catalogue
from eservices.schema import FILE_NAME_MAX_LENGTH, body_limit, multiple_files, submission_schema
from eservices.submission import build_new_case
from pages.models import ServiceArea

router = Router(tags=["e-services"])

# An Idempotency-Key becomes the case's run id in this namespace, together with the
# e-service: a client's key can never name a web wizard's run or another e-service's case.
IDEMPOTENCY_NAMESPACE = uuid.UUID("5b3958a5-fd08-47ad-8a35-414b77c4985e")


class ServiceAreaOut(Schema):
    digit: int
    name: str


class EServiceOut(Schema):
    slug: str
    title: str
    service_area: ServiceAreaOut
    body_schema: dict[str, Any] = Field(
        ...,
        alias="schema",
        description="JSON Schema (draft 2020-12) of the body of a submission to this e-service.",
    )


class SubmissionOut(Schema):
    reference: str = Field(..., description="The case reference, asked for by the status look-up.")
    token: str = Field(..., description="The status code, asked for by the status look-up (spaces optional).")
    status_code: str = Field(..., description="The same code in groups of four, as receipts print it.")
    status_url: str = Field(..., description="The secret status page, as in the receipt e-mail.")
    lookup_url: str = Field(..., description="The status look-up, which asks for the reference and the code.")


SUBMISSION_BODY = {
    "required": True,
    "description": (
        "One member per step of the e-service, each an object of that step's fields, as described by "
        "the `schema` of the e-service in `GET /eservices`. Steps that do not apply to the answers "
        "must be left out. Files are objects with `name`, `content_type` and `content_base64`."
    ),
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "additionalProperties": {"type": "object"},
            },
            "example": {
                "fraga": {"subject": "Parkeringstillstånd", "question": "Hur lång tid tar en ansökan?"},
                "kontakt": {"name": "Tolvan Tolvansson", "answer_by": "email", "email": "tolvan@example.com"},
            },
        }
    },
}


# --- listing -----------------------------------------------------------------------
@router.get(
    "/eservices",
    response=list[EServiceOut],
    by_alias=True,
    summary="Every e-service with the JSON Schema of its submissions",
)
def list_eservices(request):
    names = _service_area_names()
    return [_eservice_out(eservice, names) for eservice in catalogue.all_eservices()]


@router.get(
    "/eservices/{slug}",
    response={200: EServiceOut, 404: ErrorOut},
    by_alias=True,
    summary="One e-service with the JSON Schema of its submissions",
)
def get_eservice(request, slug: str):
    return _eservice_out(_eservice_or_404(slug), _service_area_names())


def _eservice_out(eservice, names: dict[int, str]) -> dict:
    return {
        "slug": eservice.slug,
        "title": str(eservice.title),
        "service_area": {
            "digit": eservice.service_area_digit,
            "name": names.get(eservice.service_area_digit, ""),
        },
        "schema": submission_schema(eservice),
    }


def _service_area_names() -> dict[int, str]:
    """Phone-menu digit → the area's name in the active language, else in the working language."""

    language = translation.get_language() or settings.LANGUAGE_CODE
    names: dict[int, str] = {}
    for code in dict.fromkeys([settings.LANGUAGE_CODE, language]):
        for area in ServiceArea.objects.filter(locale__language_code=code):
            names[area.menu_digit] = area.name
    return names


def _eservice_or_404(slug: str):
    try:
        return catalogue.get(slug)
    except KeyError:
        raise Http404 from None


# --- submitting ----------------------------------------------------------------------
@router.post(
    "/eservices/{slug}/submissions",
    response={
        200: SubmissionOut,
        201: SubmissionOut,
        404: ErrorOut,
        409: ErrorOut,
        413: ErrorOut,
        422: ValidationErrorOut,
        429: ErrorOut,
    },
    summary="Send an e-service: the case's reference, status token and status page",
    description=(
        "Validated by the same forms as the web form; errors come per field with status 422, "
        '`loc` being `["body", step, field]`. With an `Idempotency-Key` header (a UUID of your '
        "choice) a retried request returns the same case: 201 the first time, 200 with the same "
        "body after that; a key used for a different submission gets 409. Submissions are limited "
        "per client address (429 with Retry-After)."
    ),
    openapi_extra={"requestBody": SUBMISSION_BODY},
)
def submit(
    request,
    slug: str,
    # Not "| None": the header is left out or a UUID, never null (the OpenAPI says so).
    idempotency_key: Annotated[
        uuid.UUID,
        Header(
            alias="Idempotency-Key",
            description="A UUID; repeating a request with the same key returns the same case.",
        ),
    ] = None,
):
    ratelimit.check(request, "submission")
    eservice = _eservice_or_404(slug)
    limit = body_limit(eservice)
    raw = _read_body(request, limit)
    if raw is None:
        too_large = _("The request is too large: at most %(size)s.") % {"size": filesizeformat(limit)}
        return Status(413, {"detail": too_large})
    try:
        body = json.loads(raw)
    except ValueError:
        return Status(422, {"detail": [_error(["body"], _("The body is not valid JSON."), "json_invalid")]})
    forms_by_step, errors = validate_submission(eservice, body)
    if errors:
        return Status(422, {"detail": errors})
    run_id = None
    if idempotency_key:
        run_id = uuid.uuid5(IDEMPOTENCY_NAMESPACE, f"{eservice.slug}:{idempotency_key}")
    new = build_new_case(
        eservice,
        forms_by_step,
        channel=Channel.API,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        run_id=run_id,
    )
    case, created = open_case(new)
    if not created and not _same_submission(case, new):
        return Status(
            409,
            {
                "detail": _(
                    "This Idempotency-Key was used for another submission: use a new key for a new one."
                )
            },
        )
    return Status(201 if created else 200, receipt(case))


def receipt(case) -> dict:

    # The same things the receipt page and the receipt e-mail give.
    return {
        "reference": case.reference,
        "token": case.status_token(),
        "status_code": status_code(case),
        "status_url": status_url(case),
        "lookup_url": lookup_url(case),
    }


def _same_submission(case, new) -> bool:
    answers = json.loads(json.dumps(new.answers, cls=DjangoJSONEncoder))
    return case.eservice == new.eservice and case.channel == new.channel and case.answers == answers


def _read_body(request, limit: int) -> bytes | None:
    """The raw body, or None past ``limit`` bytes (read here: Django's own limit is for forms)."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > limit:
        return None
    raw = request.read(limit + 1)
    return None if len(raw) > limit else raw


# --- validation by the step forms ------------------------------------------------------
def validate_submission(eservice, body) -> tuple[OrderedDict, list[dict]]:
    """(valid forms of the steps that apply, in order; errors as ``{"loc", "msg", "type"}``)."""
    errors: list[dict] = []
    forms_by_step: OrderedDict = OrderedDict()
    if not isinstance(body, dict):
        message = _("Send a JSON object with one member per step.")
        return forms_by_step, [_error(["body"], message, "object_type")]
    known = {step.name for step in eservice.steps}
    for name in body:
        if name not in known:
            message = _("This e-service has no step of this name.")
            errors.append(_error(["body", name], message, "extra_forbidden"))
    answers: dict = {}
    for step in eservice.steps:
        payload = body.get(step.name)
        if not _applies(step, answers, lenient=bool(errors)):
            # As in the wizard: a step that does not apply counts as answered with nothing.
            answers[step.name] = {}
            if payload is not None:
                errors.append(
                    _error(
                        ["body", step.name],
                        _("This step does not apply to your other answers: leave it out."),
                        "step_not_applicable",
                    )
                )
            continue
        if payload is None:
            payload = {}
        if not isinstance(payload, dict):
            answers[step.name] = {}
            errors.append(
                _error(["body", step.name], _("Send this step as an object of its fields."), "object_type")
            )
            continue
        form, binding_errors = bind_step(step, payload)
        errors += binding_errors
        if form.is_valid():
            forms_by_step[step.name] = form
            answers[step.name] = form.cleaned_data
        else:
            # A field that could not be bound already has its error; the form would only add "required".
            reported = {tuple(error["loc"][:3]) for error in binding_errors}
            errors += [error for error in form_errors(step, form) if tuple(error["loc"]) not in reported]
            answers[step.name] = dict(getattr(form, "cleaned_data", {}))
    return forms_by_step, errors


def _applies(step, answers: dict, lenient: bool) -> bool:
    try:
        return step.applies(answers)
    except Exception:
        # A condition may expect the earlier steps' answers to be complete; with errors
        # already found, the submission is refused anyway.
        if lenient:
            return False
        raise


def bind_step(step, payload: dict) -> tuple[forms.Form, list[dict]]:
    """The step's form bound to the JSON object's fields, with the wizard's prefix."""
    probe = step.form_class(prefix=step.name)
    data: dict = {}
    files = MultiValueDict()
    errors: list[dict] = []
    for name, value in payload.items():
        loc = ["body", step.name, name]
        field = probe.fields.get(name)
        if field is None:
            errors.append(_error(loc, _("This step has no field of this name."), "extra_forbidden"))
            continue
        key = probe.add_prefix(name)
        if not isinstance(field, forms.FileField):
            if isinstance(value, dict) or (
                isinstance(value, list) and not isinstance(field, forms.MultipleChoiceField)
            ):
                # A form would take str() of it; the schema says a single value. The field's own
                # message, so the error names the field as the web form's would.
                errors.append(_error(loc, _field_message(field, "invalid"), "invalid"))
                continue
            data[key] = value
            continue
        if value is None:
            continue
        if multiple_files(field):
            if not isinstance(value, list):
                errors.append(_error(loc, _("Send a list of files."), "list_type"))
                continue
            uploads = [_uploaded_file(item, [*loc, index], errors) for index, item in enumerate(value)]
            files.setlist(key, [upload for upload in uploads if upload is not None])
        else:
            upload = _uploaded_file(value, loc, errors)
            if upload is not None:
                files[key] = upload
    return step.form_class(data=data, files=files, prefix=step.name), errors


def _uploaded_file(value, loc: list, errors: list) -> SimpleUploadedFile | None:
    if (
        not isinstance(value, dict)
        or not isinstance(value.get("name"), str)
        or not value["name"].strip()
        or not isinstance(value.get("content_base64"), str)
    ):
        message = _("Send a file as an object with its name and its content in base64.")
        errors.append(_error(loc, message, "invalid_file"))
        return None
    try:
        content = base64.b64decode(value["content_base64"], validate=True)
    except (binascii.Error, ValueError):
        errors.append(
            _error([*loc, "content_base64"], _("The file's content is not valid base64."), "invalid_base64")
        )
        return None
    content_type = value.get("content_type") if isinstance(value.get("content_type"), str) else ""
    # The name is kept for the case only; the type is decided by the content (core.uploads).
    return SimpleUploadedFile(
        value["name"].strip()[:FILE_NAME_MAX_LENGTH],
        content,
        content_type=content_type or "application/octet-stream",
    )


def form_errors(step, form) -> list[dict]:
    errors = []
    for field, error_list in form.errors.as_data().items():
        loc = ["body", step.name] if field == NON_FIELD_ERRORS else ["body", step.name, field]
        for error in error_list:
            errors.append(_error(loc, " ".join(str(message) for message in error.messages), error.code))
    return errors


def _field_message(field: forms.Field, code: str) -> str:
    message = field.error_messages.get(code) or field.error_messages["required"]
    return str(message) % {"value": ""} if "%(value)" in str(message) else str(message)


def _error(loc: list, msg: str, type_: str | None) -> dict:
    return {"loc": loc, "msg": str(msg), "type": type_ or "invalid"}
