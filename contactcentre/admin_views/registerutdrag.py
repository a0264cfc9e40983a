"""The registerutdrag page: a personnummer posted (never in an address), a ZIP back."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from contactcentre import identity_numbers, registerutdrag

PERMISSION = "contactcentre.export_registerutdrag"


class RegisterutdragForm(forms.Form):
    personnummer = forms.CharField(
        label=_("Personal identity number"),
        max_length=20,
        help_text=_("YYYYMMDD-NNNN. A samordningsnummer works too."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "inputmode": "numeric"}),
        error_messages={"required": _("Enter the personal identity number of the person who asked.")},
    )

    def clean_personnummer(self):
        digits = identity_numbers.normalise(self.cleaned_data["personnummer"])
        if digits is None:
            raise forms.ValidationError(
                _("This is not a valid personal identity number: check the date and the last four digits.")
            )
        return digits


class RegisterutdragView(WagtailAdminTemplateMixin, FormView):
    template_name = "contactcentre/admin/registerutdrag.html"
    form_class = RegisterutdragForm
    page_title = _("Registerutdrag")
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("contactcentre_admin:index"), "label": gettext("Cases")},
            {"url": "", "label": self.get_page_title()},
        ]

    def form_valid(self, form):
        extract = registerutdrag.export(self.request, form.cleaned_data["personnummer"])
        response = HttpResponse(extract.content, content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{extract.filename}"'
        response["Cache-Control"] = "no-store"
        return response

    def form_invalid(self, form):
        messages.validation_error(self.request, gettext("No extract was made: check the number."), form)
        return super().form_invalid(form)
