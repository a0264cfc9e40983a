"""An e-service's steps as StreamField content: questions, a condition, rules, exit pages.

``StepsBlock.clean`` refuses an inconsistent form with a message next to the step it concerns:
two questions with one machine name, a condition on a question that no longer exists (or is
asked only later), a condition value that is not one of the question's options. The admin then
shows the error before anything is saved or published.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from eservices import validators
from eservices.conditions import INCLUDES, OPERATORS
from eservices.questions import (
    ConsentBlock,
    MachineNameBlock,
    MultipleChoiceBlock,
    QuestionsBlock,
    machine_name,
    question_blocks,
)


class ConditionBlock(blocks.StructBlock):
    question = MachineNameBlock(
        label=_("When the question"),
        required=False,
        max_length=81,
        help_text=_(
            "The machine name of a question on an earlier step (or step.question when two steps ask "
            "one name). Leave empty: always shown."
        ),
    )
    operator = blocks.ChoiceBlock(label=_("Operator"), choices=OPERATORS, default="is", required=False)
    answer = MachineNameBlock(
        label=_("Has the answer"),
        required=False,
        max_length=40,
        help_text=_("The machine value of an option, or yes / no."),
    )

    class Meta:
        icon = "decision"
        form_classname = "eservice-condition"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step title"), max_length=120)
    questions = QuestionsBlock(label=_("Questions"))
    condition = ConditionBlock(label=_("Show this step only when"), required=False)
    rules = blocks.MultipleChoiceBlock(
        label=_("Rules"),
        choices=validators.choices,
        required=False,
        help_text=_("Checks that need more than one answer, written by the developers."),
    )
    name = MachineNameBlock(label=_("Machine name"), required=False, max_length=40)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("name"):
            value["name"] = machine_name(value["title"])
        if not len(value["questions"]):
            raise StructBlockValidationError(
                block_errors={"questions": ValidationError(_("A step needs at least one question or text."))}
            )
        return value

    class Meta:
        icon = "form"
        label = _("Step")


class ExitBlock(blocks.StructBlock):
    """A page where the citizen stops: "if it is urgent, call 112" (GOV.UK "exit page")."""

    title = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "link", "ul"])
    condition = ConditionBlock(label=_("Shown when"))
    name = MachineNameBlock(label=_("Machine name"), required=False, max_length=40)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("name"):
            value["name"] = machine_name(value["title"])
        if not value["condition"].get("question"):
            raise StructBlockValidationError(
                block_errors={
                    "condition": ValidationError(_("An exit page needs the answer that leads to it."))
                }
            )
        return value

    class Meta:
        icon = "warning"
        label = _("Exit page")


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()
    exit = ExitBlock()

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        asked = {}  # machine name → (question block, value), in the order the citizen meets them
        step_names = set()
        for index, child in enumerate(value):
            found = check_child(child, asked, step_names)
            if found:
                errors[index] = ValidationError(found)
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        if not any(child.block_type == "step" for child in value):
            raise StreamBlockValidationError(non_block_errors=[ValidationError(_("Add at least one step."))])
        return value

    class Meta:
        block_counts = {}


def check_child(child, asked: dict, step_names: set) -> str:
    """The first inconsistency of one step or exit page, given what was asked before it; "" if none.

    ``asked`` maps each machine name, and each ``step.name``, to the question asked last under it.
    """
    name = child.value["name"]
    if name in step_names:
        return _("Two steps are named “%(name)s”: give one another title or machine name.") % {"name": name}
    step_names.add(name)
    condition = child.value.get("condition") or {}
    question = condition.get("question")
    if question:
        _use_machine_names(condition, asked)
        found = _check_condition(condition, asked)
        if found:
            return found
    if child.block_type == "step":
        here = {}
        for block, question_value in question_blocks(child.value["questions"]):
            for field_name in block.names(question_value):
                if field_name in here:
                    return _(
                        "Two questions on this step have the machine name “%(name)s”: change one of them."
                    ) % {"name": field_name}
                here[field_name] = (block, question_value)
        for rule in child.value.get("rules") or []:
            found_rule = validators.VALIDATORS.get(rule)
            missing = [needed for needed in found_rule.needs if needed not in here] if found_rule else []
            if missing:
                return _("The rule “%(rule)s” needs the questions %(names)s on this step.") % {
                    "rule": found_rule.label,
                    "names": ", ".join(missing),
                }
        for field_name, found in here.items():
            asked[field_name] = found
            asked[f"{name}.{field_name}"] = found
    return ""


def _use_machine_names(condition, asked):
    """An editor may type the question's label and the option's text: store their machine names."""
    question = condition["question"].strip()
    if question not in asked:
        by_label = {
            str(value["label"]).casefold(): name for name, (_block, value) in asked.items() if "." not in name
        }
        question = by_label.get(question.casefold()) or machine_name(question)
        if question in asked:
            condition["question"] = question
    if question not in asked:
        return
    block, value = asked[question]
    wanted = str(condition.get("answer") or "").strip()
    options = {str(key): str(label) for key, label in block.answer_options(value)}
    if isinstance(block, ConsentBlock):  # ticked or not, written yes / no
        options = {"yes": str(_("Yes")), "no": str(_("No"))}
    if wanted and wanted not in options:
        by_text = {label.casefold(): key for key, label in options.items()}
        condition["answer"] = by_text.get(wanted.casefold(), wanted)


def _check_condition(condition, asked) -> str:
    question = condition["question"]
    if question not in asked:
        return _(
            "The condition names the question “%(name)s”, which no earlier step asks. "
            "Choose a question from an earlier step."
        ) % {"name": question}
    block, question_value = asked[question]
    operator = condition.get("operator") or "is"
    if operator == INCLUDES and not isinstance(block, MultipleChoiceBlock):
        return _("“includes” is for multiple-choice questions.")
    options = [str(option) for option, _label in block.answer_options(question_value)]
    wanted = condition.get("answer") or ""
    if isinstance(block, ConsentBlock):
        options = ["yes", "no"]
    if options and wanted not in options:
        return _("The answer “%(value)s” is not one of the question's options: %(options)s.") % {
            "value": wanted,
            "options": ", ".join(options),
        }
    return ""
