"""A condition declared once, as data — question, operator, value — and read two ways.

The wizard asks ``holds(answers)`` to decide whether a step is shown; the API publishes
``schema()`` as the JSON Schema ``if`` of the same rule. Before, each coded e-service wrote
both by hand (a callable and ``schema_if``) and they could drift apart.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from eservices import schema

IS, IS_NOT, INCLUDES = "is", "is_not", "includes"
OPERATORS = [(IS, _("is")), (IS_NOT, _("is not")), (INCLUDES, _("includes (multiple choice)"))]


@dataclass(frozen=True)
class Condition:
    step: str  # the step that asks the question
    question: str  # the question's machine name
    operator: str
    value: object  # a choice's machine value, "yes"/"no", or True/False for consent

    def holds(self, answers: dict) -> bool:
        """``answers``: cleaned data by step, as the wizard and the API hold them."""
        given = (answers.get(self.step) or {}).get(self.question)
        if self.operator == INCLUDES:
            return self.value in (given or [])
        if self.operator == IS_NOT:
            return given != self.value
        return given == self.value

    def schema(self) -> dict:
        if self.operator == INCLUDES:
            return schema.answer_includes(self.step, self.question, self.value)
        fragment = schema.answer_is(self.step, self.question, self.value)
        return {"not": fragment} if self.operator == IS_NOT else fragment

    def __call__(self, answers: dict) -> bool:
        return self.holds(answers)
