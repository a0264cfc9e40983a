"""What an editor previews before publishing: every step and the check page at once, and the receipt.

Wagtail's preview panel shows one page; an e-service is several. The "steps" mode renders
each step's form as the citizen sees it (unbound), says when a conditional step or an exit
page is shown and which rules apply, then the check page with every question; the "receipt"
mode renders the receipt for a made-up reference. Nothing is stored and no run is started.
"""

from types import SimpleNamespace

from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from eservices import validators
from eservices.forms import ConfirmForm

PREVIEW_REFERENCE = "KC-0000-000000"


def render(request, page, mode):
    eservice = page.definition
    if mode == "receipt":
        case = SimpleNamespace(
            reference=PREVIEW_REFERENCE, received_at=timezone.now(), form_snapshot={}, contact_email="preview"
        )
        context = {
            "page": page,
            "eservice": eservice,
            "case": case,
            "status_token": "preview",
            "status_code": "0000-0000",
        }
        return TemplateResponse(request, "eservices/receipt.html", context)
    steps = [_step(eservice, step, number) for number, step in enumerate(eservice.steps, start=1)]
    check = [
        {"title": entry["title"], "labels": [field.label for field in entry["form"].fields.values()]}
        for entry in steps
        if not entry["is_exit"] and entry["form"].fields
    ]
    context = {"page": page, "eservice": eservice, "steps": steps, "check": check, "confirm": ConfirmForm()}
    return TemplateResponse(request, "eservices/preview_steps.html", context)


def _step(eservice, step, number):
    form = step.form_class(prefix=step.name)
    return {
        "number": number,
        "name": step.name,
        "title": step.title,
        "form": form,
        "is_exit": getattr(form, "is_exit", False),
        "shown_when": describe_condition(eservice, step.condition) if step.condition else "",
        "rules": [str(validators.VALIDATORS[name].label) for name in getattr(step.form_class, "rules", ())],
    }


def describe_condition(eservice, condition) -> str:
    """A step's condition in words: “Is it urgent?” is “Yes”."""
    question, answer = getattr(condition, "question", ""), getattr(condition, "value", "")
    try:
        field = eservice.step(condition.step).form_class().fields[question]
    except (AttributeError, KeyError, StopIteration):
        return _("A condition set in code")
    labels = {str(key): label for key, label in getattr(field, "choices", [])}
    shown = labels.get(str(answer), _("Yes") if answer is True else _("No") if answer is False else answer)
    template = {
        "is": _("Shown when “%(question)s” is “%(answer)s”."),
        "is_not": _("Shown when “%(question)s” is not “%(answer)s”."),
        "includes": _("Shown when “%(question)s” includes “%(answer)s”."),
    }[condition.operator]
    return template % {"question": field.label, "answer": shown}
