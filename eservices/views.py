"""Save-and-continue views around the wizard: ask for an e-mail address, resume from a link."""

from django import forms
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

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
    form = SaveDraftForm(request.POST or None)
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
    )


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
