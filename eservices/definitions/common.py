"""Small building blocks shared by the e-service definitions."""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from core.forms import messages
from eservices.forms import StepForm

YES = "yes"
NO = "no"
YES_NO = [(YES, _("Yes")), (NO, _("No"))]


def yes_no(label, ask, help_text="", **kwargs):
    """A required yes/no question as two radio buttons; ``ask``: its message ("Select yes if …")."""
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages=messages(ask),
        **kwargs,
    )


def filled(field: str) -> dict:
    """A JSON Schema fragment for a step's ``schema_rules``: ``field`` is given and not empty."""
    return {"required": [field], "properties": {field: {"minLength": 1}}}


def answer(field: str, value) -> dict:
    """A JSON Schema fragment for a step's ``schema_rules``: ``field`` is ``value``."""
    return {"required": [field], "properties": {field: {"const": value}}}


def answered(answers: dict, step: str, field: str, value=YES) -> bool:
    """For Step.condition: did ``step`` answer ``field`` with ``value``?"""
    return (answers.get(step) or {}).get(field) == value


class NoticeStepForm(StepForm):
    """A step that shows a short notice (GOV.UK "inset text") above its fields.

    The notice is part of the form's own HTML, so the step template needs nothing new.
    """

    notice: tuple = ()  # paragraphs (lazy strings)

    def render(self, template_name=None, context=None, renderer=None):
        fields = super().render(template_name=template_name, context=context, renderer=renderer)
        if not self.notice:
            return fields
        paragraphs = format_html_join("", "<p>{}</p>", ((text,) for text in self.notice))
        return format_html('<div class="notice">{}</div>{}', paragraphs, fields)

    # Django binds these to RenderableMixin.render itself, so they must be bound again here.
    __str__ = render
    __html__ = render


def label_of(choices, value) -> str:
    """A choice's label in the municipality's working language, for a case title."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(dict(choices).get(value, value))


def in_working_language(text) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return str(text)


def shorten(text: str, length: int = 80) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
