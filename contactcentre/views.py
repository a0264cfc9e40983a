"""Citizen-facing views: the case status page, its look-up form, and the citizen's answer."""

import re

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import get_resolver, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from contactcentre import actions, service_levels, status
from contactcentre.models.cases import Status
from contactcentre.services import Attachment
from contactcentre.status import case_for_citizen, files_sent_by_citizen, public_events
from contactcentre.tokens import code_from_input
from core import honeypot, ratelimit
from core.forms import ErrorSummaryMixin
from core.forms import messages as field_messages
from core.uploads import check_image

ANSWERABLE = {Status.WAITING, Status.IN_PROGRESS, Status.NEW, Status.FORWARDED}


REFERENCE_PATTERN = re.compile(r"([a-z]{2})[\s-]*(\d{4})[\s-]*(\d{1,6})", re.IGNORECASE | re.ASCII)


class LookupForm(ErrorSummaryMixin, forms.Form):
    """Asks for the two things every receipt (page, e-mail, API) gives: the reference and the code."""

    template_name = "eservices/forms/form.html"

    reference = forms.CharField(
        label=gettext_lazy("Case reference"),
        max_length=40,
        help_text=gettext_lazy("On your receipt and in the receipt e-mail, for example KC-2026-000123."),
        error_messages=field_messages(gettext_lazy("Enter the case reference from your receipt.")),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    token = forms.CharField(
        label=gettext_lazy("Status code"),
        max_length=400,
        help_text=gettext_lazy(
            "32 letters and digits, under the case reference on your receipt and in the receipt "
            "e-mail. Spaces do not matter. You can also paste the whole status link."
        ),
        error_messages=field_messages(gettext_lazy("Enter the status code from your receipt.")),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_reference(self):
        match = REFERENCE_PATTERN.fullmatch(self.cleaned_data["reference"].strip())
        if not match:
            raise forms.ValidationError(
                _("Enter the case reference as it is on your receipt, for example KC-2026-000123.")
            )
        prefix, year, number = match.groups()
        return f"{prefix.upper()}-{year}-{int(number):06d}"

    def clean_token(self):
        code = code_from_input(self.cleaned_data["token"])
        if not code:
            raise forms.ValidationError(
                _("Enter the status code as it is on your receipt: 32 letters and digits.")
            )
        return code


class CitizenMessageForm(ErrorSummaryMixin, forms.Form):
    template_name = "eservices/forms/form.html"

    message = forms.CharField(
        label=gettext_lazy("Your answer"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("Do not write sensitive details here unless we have asked for them."),
        error_messages=field_messages(gettext_lazy("Write your answer")),
    )
    photo = forms.FileField(
        label=gettext_lazy("Photo"),
        required=False,
        help_text=gettext_lazy("A JPEG, PNG or WebP picture, at most 8 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        error_messages=field_messages(
            gettext_lazy("Upload a photo"),
            invalid=gettext_lazy("The photo must be a JPEG, PNG or WebP picture that is not empty"),
        ),
    )

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo:
            checked = check_image(photo)
            photo.checked_content_type = checked.content_type
        return photo


def _case_or_404(request, reference, token):
    try:
        return case_for_citizen(reference, token)
    except Http404:
        # Only failures count, so a shared address (a library, a school) never locks out readers.
        ratelimit.check(request, "case-lookup-failure")
        raise


def _status_page(request, case):
    """Exchange a checked link or code for this session's grant and leave the token behind (303)."""
    status.grant(request, case)
    response = HttpResponseRedirect(reverse("case_status_page", args=[case.reference]), status=303)
    # The address just used carries the token: no referrer at all from here.
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
def case_lookup(request):
    # A POST, so the code typed never lands in an address (and an access log).
    form = LookupForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        reference, token = form.cleaned_data["reference"], form.cleaned_data["token"]
        try:
            case = _case_or_404(request, reference, token)
        except ratelimit.RateLimited as error:
            return ratelimit.too_many_requests(request, error)
        except Http404:
            # Said beside the fields, not as a bare 404, so the citizen can check what they typed.
            form.add_error(
                "reference",
                _("We found no case with this reference and status code. Check both against your receipt."),
            )
        else:
            return _status_page(request, case)
    return TemplateResponse(request, "contactcentre/case_lookup.html", {"form": form})


@never_cache
def case_status(request, reference, token):
    """The status link from the receipt and the e-mails: every click exchanges it again."""
    try:
        case = _case_or_404(request, reference, token)
    except ratelimit.RateLimited as error:
        response = ratelimit.too_many_requests(request, error)
    except Http404 as error:
        response = get_resolver().resolve_error_handler(404)(request, error)
    else:
        return _status_page(request, case)
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
def case_status_page(request, reference):
    """The status page, for a session that opened this case with its link or code."""
    case = status.granted_case(request, reference)
    if case is None:
        if request.method == "POST":
            messages.warning(
                request,
                _(
                    "Your status page closed after a while without use. Open the link in your e-mail again "
                    "or enter the reference and the status code. Your answer was not sent."
                ),
            )
        else:
            messages.info(
                request,
                _("Open the link in your e-mail again or enter the reference and the status code."),
            )
        return redirect("case_lookup")
    form = None
    if case.status in ANSWERABLE:
        form = CitizenMessageForm(request.POST or None, request.FILES or None)
        if request.method == "POST":
            if honeypot.triggered(request, "citizen-message"):
                return honeypot.refused(request)
            try:
                ratelimit.check(request, "citizen-message")
            except ratelimit.RateLimited as error:
                return ratelimit.too_many_requests(request, error)
            if form.is_valid():
                photo = form.cleaned_data.get("photo")
                attachments = []
                if photo:
                    photo.seek(0)
                    attachments.append(
                        Attachment(photo.name, photo.checked_content_type, photo.read(), "message")
                    )
                actions.citizen_message(case, form.cleaned_data["message"], attachments)
                messages.success(request, _("Thank you. Your answer has been added to your case."))
                return redirect(request.path)
    elif request.method == "POST":
        messages.warning(
            request, _("This case is finished and takes no more answers. Contact us to reopen it.")
        )
        return redirect(request.path)
    files = files_sent_by_citizen(case)
    events = list(public_events(case))
    for event in events:
        event.citizen_files = files.get(event.pk, [])
    response = TemplateResponse(
        request,
        "contactcentre/case_status.html",
        {
            "case": case,
            "events": events,
            # A confidential case (social services, for example) is as sensitive as its pages.
            "leave_quickly": case.confidential,
            "form": form,
            "waiting": case.status == Status.WAITING,
            "expected_answer_by": service_levels.expected_answer_by(case),
        },
    )
    # The page's address holds no secret, but the case's reference stays out of other sites'
    # referrers. A <meta name="referrer" content="no-referrer"> would also make Chromium post the
    # answer with "Origin: null", which Django's CSRF check refuses (403).
    response["Referrer-Policy"] = "same-origin"
    return response
