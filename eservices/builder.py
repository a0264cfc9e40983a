"""An e-service built by editors (an ``EServicePage``'s content) as the ``EService`` the wizard runs.

The wizard, the API's JSON Schema, the printable PDF and the case snapshot all read an
``EService``; this module makes one from a page revision, so content-built and coded
e-services share one form engine. A built e-service is keyed by its revision
(``slug@r<revision id>``): a citizen's run keeps the revision it started with
(``eservices.versions``), whatever an editor publishes meanwhile.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation

from eservices import validators
from eservices.conditions import Condition
from eservices.forms import NoticeStepForm
from eservices.questions import (
    ConsentBlock,
    EmailBlock,
    IdentityNumberBlock,
    PhoneBlock,
    ServiceAreaBlock,
    ShortTextBlock,
    question_blocks,
)
from eservices.registry import DataProtection, EService, Step

# "{kind}: {about|area}": answers by machine name (or step.name); a|b is the first one answered.
TITLE_PLACEHOLDER = re.compile(r"\{([a-z0-9_.|]+)\}")
TITLE_ANSWER_LENGTH = 120


class ExitForm(NoticeStepForm):
    """An exit page: the citizen stops here. Sent through the API, the body is refused with its text."""

    is_exit = True
    exit_title = ""
    exit_text = ""

    def clean(self):
        raise ValidationError(self.exit_title, code="exit")


def build(page, *, revision: int | None, fingerprint: str = "", version: int = 1) -> EService:
    """The e-service of ``page`` (an ``EServicePage`` as in ``revision``); ``version``: its form's number."""
    steps, asked = [], {}
    for child in page.steps:
        value = child.value
        condition = _condition(value.get("condition"), asked)
        if child.block_type == "exit":
            form_class = type(
                f"Exit_{value['name']}",
                (ExitForm,),
                {"exit_title": value["title"], "exit_text": value["text"], "notice": ()},
            )
        else:
            form_class = _step_form(value)
            for field_name, found in questions_of(value).items():
                asked[field_name] = asked[f"{value['name']}.{field_name}"] = found
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
        slug=page.eservice_slug or page.slug,
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
        schema_version=version,
        revision=revision,
        fingerprint=fingerprint,
        sensitive=page.sensitive,
        first_contact_possible=page.first_contact_possible,
        statistics_answer=_located(page.statistics_question, first_asked(page)),
        describe=Describer.of(working_language_version(page)),
    )


def questions_of(step_value) -> dict:
    """Field name → (step name, question block, its value) of one step."""
    return {
        field_name: (step_value["name"], block, question)
        for block, question in question_blocks(step_value["questions"])
        for field_name in block.names(question)
    }


def first_asked(page) -> dict:
    """Field name (and step.name) → (step, block, value): where each is first asked."""
    found = {}
    for child in page.steps:
        if child.block_type == "step":
            for field_name, where in questions_of(child.value).items():
                found.setdefault(field_name, where)
                found.setdefault(f"{child.value['name']}.{field_name}", where)
    return found


def _condition(value, asked) -> Condition | None:
    if not value or not value.get("question") or value["question"] not in asked:
        return None
    step, block, _question = asked[value["question"]]
    name = value["question"].rsplit(".", 1)[-1]
    wanted = value.get("answer") or ""
    if isinstance(block, ConsentBlock):
        wanted = wanted == "yes"
    elif isinstance(block, ServiceAreaBlock) and str(wanted).isdigit():
        wanted = int(wanted)
    return Condition(step, name, value.get("operator") or "is", wanted)


def _located(question: str, where) -> tuple[str, str] | None:
    if question and question in where:
        return where[question][0], question.rsplit(".", 1)[-1]
    return None


def working_language_version(page):
    """The page in the municipality's working language, whose texts make case titles and statistics.

    A case opened from the English e-service gets the same Swedish title as one from the Swedish.
    """
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return page
    source = (
        type(page)
        .objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE)
        .first()
    )
    return source or page


CONTACT_KINDS = (
    ("email", lambda block, question: isinstance(block, EmailBlock) and not question.get("someone_else")),
    ("phone", lambda block, question: isinstance(block, PhoneBlock) and not question.get("someone_else")),
    (
        "name",
        lambda block, question: isinstance(block, ShortTextBlock) and question.get("autocomplete") == "name",
    ),
    ("identity_number", lambda block, question: isinstance(block, IdentityNumberBlock)),
    ("service_area_digit", lambda block, question: isinstance(block, ServiceAreaBlock)),
)


class Describer:
    """The case title, contact details and routing from the answers, as a coded ``describe`` gives them.

    Contact details: the first e-mail, phone, name (a short text asking for the citizen's name)
    and personal identity number asked. Routing: a service-area question's answer. The title:
    the page's case title with its placeholders filled in, in the working language.
    """

    def __init__(self, title, template, where, picked):
        self.title, self.template, self.where, self.picked = title, template, where, picked

    @classmethod
    def of(cls, page):
        where = first_asked(page)
        picked = {}
        for field_name, (step, block, question) in where.items():
            for kind, matches in CONTACT_KINDS:
                if "." not in field_name and kind not in picked and matches(block, question):
                    picked[kind] = (step, field_name)
        return cls(page.title, page.case_title, where, picked)

    def __call__(self, answers: dict) -> dict:
        described = {"name": "", "email": "", "phone": ""}
        for kind, (step, name) in self.picked.items():
            answer = (answers.get(step) or {}).get(name)
            if kind == "service_area_digit":
                if answer not in (None, ""):
                    described[kind] = answer
            else:
                described[kind] = str(answer or "")
        with translation.override(settings.LANGUAGE_CODE):
            described["title"] = self.title_of(answers)
        return described

    def title_of(self, answers) -> str:
        if not self.template:
            return str(self.title)
        return TITLE_PLACEHOLDER.sub(
            lambda match: self.placeholder(match.group(1), answers), self.template
        ).strip()

    def placeholder(self, names: str, answers) -> str:
        for name in names.split("|"):
            if name not in self.where:
                continue
            step, block, question = self.where[name]
            answer = (answers.get(step) or {}).get(name.rsplit(".", 1)[-1])
            if answer not in (None, "", []):
                return shorten(block.title_text(question, answer), TITLE_ANSWER_LENGTH)
        return ""


def title_names(template: str) -> list[str]:
    """The machine names a case title's placeholders use."""
    return [name for group in TITLE_PLACEHOLDER.findall(template or "") for name in group.split("|")]


def shorten(text: str, length: int = 80) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


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
    attributes = {**fields, "notice": tuple(notice), "rules": tuple(rule.name for rule in rules)}
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
