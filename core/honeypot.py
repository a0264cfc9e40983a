"""A honeypot field on the public forms: a text box people never meet and form-filling robots do.

The box (``components/honeypot.html``) is moved off the screen by the stylesheet, hidden from
assistive technology (``aria-hidden``), out of the tab order (``tabindex="-1"``) and closed to
autofill (``autocomplete="off"``, a name no autofill heuristic matches). A robot that fills every
input fills it; a person cannot. Why our own few lines: docs/decisions/0011-honeypot.md.

    if honeypot.triggered(request, "faq-vote"):
        return honeypot.refused(request)
"""

from django.template.response import TemplateResponse

from core import security_log

FIELD_NAME = "kp_homepage"


def triggered(request, form: str) -> bool:
    """Whether the posted honeypot is filled in; logs ``honeypot.triggered`` if so."""
    if request.method != "POST" or not request.POST.get(FIELD_NAME, "").strip():
        return False
    security_log.event("honeypot.triggered", request, form=form)
    return True


def refused(request):
    """A generic answer that tells a robot nothing: the site's 400 page ("we could not read it")."""
    return TemplateResponse(request, "400.html", {}, status=400)
