"""Save-and-continue views around the wizard: ask for an e-mail address, resume from a link."""

import math

from django import forms
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from core import honeypot, ratelimit
from core.forms import messages
from eservices import drafts, versions
from eservices.forms import StepForm
from eservices.wizard import owns_run, remember_run, session_key


class SaveDraftForm(StepForm):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send a link here. It works once, for 30 days."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages=messages(
            _("Enter the e-mail address we should send the link to"),
            invalid=_("Enter an e-mail address in the right format, like namn@exempel.se"),
        ),
    )


def _step_url(page, run, step):
    return page.url + page.reverse_subpage("step", args=(run, step))


@never_cache
def save_draft_view(request, page, run):
    eservice = versions.for_run(request, page, run)
    if not owns_run(request, run):
        return redirect(page.url + page.reverse_subpage("start"))
    stored = request.session.get(session_key(eservice, run)) or {}
    current_step = stored.get("step") or eservice.steps[0].name
    if honeypot.triggered(request, f"save-for-later:{eservice.slug}"):
        return honeypot.refused(request)
    form = SaveDraftForm(request.POST or None)
    retry_after = None
    if request.method == "POST" and form.is_valid():
        retry_after = _resume_mails_refused(request, form.cleaned_data["email"])
        if retry_after:
            # Said beside the address; the run and its answers stay in the session.
            form.add_error("email", _wait_message(retry_after))
    if request.method == "POST" and form.is_valid():
        draft = drafts.save_draft(
            page=page,
            eservice=eservice,
            run=run,
            storage_data=stored,
            email=form.cleaned_data["email"],
            language=get_language(),
        )
        return TemplateResponse(
            request,
            "eservices/draft_saved.html",
            {
                "page": page,
                "eservice": eservice,
                "draft": draft,
                "continue_url": _step_url(page, run, current_step),
            },
        )
    return TemplateResponse(
        request,
        "eservices/draft_save.html",
        {"page": page, "eservice": eservice, "form": form, "back_url": _step_url(page, run, current_step)},
        status=429 if retry_after else 200,
        headers={"Retry-After": str(retry_after)} if retry_after else None,
    )


def _wait_message(retry_after: int) -> str:
    minutes = max(1, math.ceil(retry_after / 60))
    return ngettext(
        "We have sent several links in a short while. Wait %(minutes)s minute and try again, "
        "or go back and continue filling in the form now.",
        "We have sent several links in a short while. Wait %(minutes)s minutes and try again, "
        "or go back and continue filling in the form now.",
        minutes,
    ) % {"minutes": minutes}


def _resume_mails_refused(request, email) -> int | None:
    """Seconds to wait when this client or this address has had its resume links for now, else None.

    Per client, so one connection cannot mail many people; per address (kept as a keyed hash),
    so many connections cannot bomb one person.
    """
    try:
        ratelimit.check(request, "resume-email")
        ratelimit.check(request, "resume-email-address", value=email)
    except ratelimit.RateLimited as error:
        return error.retry_after
    return None


@never_cache
def resume_draft_view(request, page, draft_id, token):
    draft = drafts.take_draft(draft_id, token)
    if draft is None or draft.page_id != page.pk:
        return TemplateResponse(request, "eservices/draft_invalid.html", {"page": page}, status=404)
    remember_run(request, draft.run_id)
    if draft.revision is not None:
        request.session[versions.SESSION_REVISIONS] = {
            **request.session.get(versions.SESSION_REVISIONS, {}),
            str(draft.run_id): draft.revision,
        }
    eservice = versions.for_run(request, page, draft.run_id)
    request.session[session_key(eservice, draft.run_id)] = draft.storage
    step = draft.storage.get("step") or eservice.steps[0].name
    return redirect(_step_url(page, draft.run_id, step))
