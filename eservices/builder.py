"""An e-service built by editors (an ``EServicePage``'s content) as the ``EService`` the wizard runs.

The wizard, the API's JSON Schema, the printable PDF and the case snapshot all read an
``EService``; this module makes one from a page revision, so content-built and coded
e-services share one form engine. A built e-service is keyed by its revision
(``slug@r<revision id>``): a citizen's run keeps the revision it started with
(``eservices.versions``), whatever an editor publishes meanwhile.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation

from eservices import validators
from eservices.conditions import Condition
from eservices.definitions.common import NoticeStepForm, shorten
from eservices.questions import ConsentBlock, EmailBlock, PhoneBlock, ShortTextBlock, question_blocks
from eservices.registry import DataProtection, EService, Step


class ExitForm(NoticeStepForm):
    """An exit page: the citizen stops here. Sent through the API, the body is refused with its text."""

    is_exit = True
    exit_title = ""
    exit_text = ""

    def clean(self):
        raise ValidationError(self.exit_title, code="exit")


def build(page, *, revision: int | None, fingerprint: str = "") -> EService:
    """The e-service of ``page`` (an ``EServicePage`` as it is in ``revision``)."""
    steps, where = [], {}
    for child in page.steps:
        value = child.value
        condition = _condition(value.get("condition"), where)
        if child.block_type == "exit":
            form_class = type(
                f"Exit_{value['name']}",
                (ExitForm,),
                {"exit_title": value["title"], "exit_text": value["text"], "notice": ()},
            )
        else:
            form_class = _step_form(value)
            for block, question in question_blocks(value["questions"]):
                for field_name in block.names(question):
                    where[field_name] = (value["name"], block, question)
        steps.append(
            Step(
                value["name"],
                form_class,
                value["title"],
                condition=condition,
                schema_if=condition.schema() if condition else None,
            )
        )
    area = page.service_area
    return EService(
        slug=page.slug,
        title=page.title,
        summary=page.summary,
        service_area_digit=area.menu_digit if area else 9,
        steps=tuple(steps),
        data_protection=DataProtection(
            data_collected=page.data_collected,
            purpose=page.purpose,
            legal_basis=page.legal_basis,
            controller=page.controller,
        ),
        department=page.department.name if page.department_id else "",
        handling_time=page.handling_time,
        next_steps=page.next_steps,
        retention_days=page.retention_days,
        retention_rule=page.retention_rule,
        schema_version=page.schema_version,
        revision=revision,
        fingerprint=fingerprint,
        sensitive=page.sensitive,
        first_contact_possible=page.first_contact_possible,
        statistics_answer=_located(page.statistics_question, where),
        describe=Describer(page.title, _located(page.title_question, where), _contact_fields(where)),
    )


def _condition(value, where) -> Condition | None:
    if not value or not value.get("question") or value["question"] not in where:
        return None
    step, block, _question = where[value["question"]]
    wanted = value.get("answer") or ""
    if isinstance(block, ConsentBlock):
        wanted = wanted == "yes"
    return Condition(step, value["question"], value.get("operator") or "is", wanted)


def _located(question: str, where) -> tuple[str, str] | None:
    if question and question in where:
        return where[question][0], question
    return None


def _contact_fields(where) -> dict:
    """(step, field) of the case's contact name, e-mail and phone: the first of each kind asked."""
    found = {}
    for field_name, (step, block, question) in where.items():
        kind = None
        if isinstance(block, EmailBlock):
            kind = "email"
        elif isinstance(block, PhoneBlock):
            kind = "phone"
        elif isinstance(block, ShortTextBlock) and question.get("autocomplete") == "name":
            kind = "name"
        if kind and kind not in found:
            found[kind] = (step, field_name)
    return found


class Describer:
    """The case title and contact details from the answers, as coded e-services' ``describe`` does."""

    def __init__(self, title, title_answer, contact):
        self.title, self.title_answer, self.contact = title, title_answer, contact

    def __call__(self, answers: dict) -> dict:
        described = {
            kind: str((answers.get(step) or {}).get(name) or "")
            for kind, (step, name) in self.contact.items()
        }
        with translation.override(settings.LANGUAGE_CODE):
            title = str(self.title)
        if self.title_answer:
            step, name = self.title_answer
            answer = (answers.get(step) or {}).get(name)
            if answer:
                title = f"{title}: {shorten(str(answer), 120)}"
        return {"title": title, **described}


def _step_form(value):
    fields, notice = {}, []
    for child in value["questions"]:
        if child.block_type == "information":
            notice.append(child.value["text"])
        else:
            fields.update(child.block.fields(child.value))
    rules = [
        validators.VALIDATORS[name] for name in value.get("rules") or [] if name in validators.VALIDATORS
    ]
    attributes = {**fields, "notice": tuple(notice)}
    if rules:
        attributes["clean"] = _clean_with(rules)
        attributes["schema_rules"] = property(
            lambda form: [fragment for rule in rules if rule.schema and (fragment := rule.schema(form))]
        )
    return type(f"Step_{value['name']}", (NoticeStepForm,), attributes)


def _clean_with(rules):
    def clean(self):
        cleaned = super(type(self), self).clean()
        for rule in rules:
            rule.check(self, cleaned)
        return cleaned

    clean.__doc__ = " ".join(str(rule.check.__doc__ or rule.label) for rule in rules)
    return clean
