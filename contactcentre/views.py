"""Citizen-facing views: the case status page and its look-up form."""

from django import forms
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from contactcentre.status import case_for_citizen, public_events


class LookupForm(forms.Form):
    template_name = "eservices/forms/form.html"

    reference = forms.CharField(
        label=_("Case reference"), max_length=20, help_text=_("For example KC-2026-000123.")
    )
    token = forms.CharField(label=_("Code from your receipt"), max_length=64)


@never_cache
def case_lookup(request):
    form = LookupForm(request.GET or None)
    if form.is_valid():
        return redirect(
            "case_status",
            reference=form.cleaned_data["reference"].strip().upper(),
            token=form.cleaned_data["token"].strip(),
        )
    return TemplateResponse(request, "contactcentre/case_lookup.html", {"form": form})


@never_cache
def case_status(request, reference, token):
    case = case_for_citizen(reference, token)
    return TemplateResponse(
        request,
        "contactcentre/case_status.html",
        {"case": case, "events": public_events(case)},
    )
