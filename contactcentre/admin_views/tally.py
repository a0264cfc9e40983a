"""Tallies (kontaktstatistik): count a simple contact in one click, from the admin home page.

The form lives in a panel on the Wagtail dashboard (``TallyPanel``, added by the
``construct_homepage_panels`` hook) and posts to ``/admin/arenden/tally/``. "Count it"
records a tally; "Needs follow-up: make it a case" records the tally as not answered
directly and opens a case with the channel and service area filled in, through
``open_case`` like every other case. Only agents (``contactcentre.work_queue``) count.
A tally holds no personal data and no reference.
"""

import datetime as dt

from django import forms
from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin

from contactcentre import access
from contactcentre.admin_views.forms import YES_NO, working_language
from contactcentre.models import Tally
from contactcentre.models.cases import Channel
from contactcentre.models.tallies import TALLY_CHANNELS
from contactcentre.permissions import COUNT, case_permission_policy
from contactcentre.services import NewCase, open_case
from pages.models import FAQ, ServiceArea

FOLLOW_UP = "follow_up"  # the name of the "make it a case" button


def yes_no(label, initial="yes"):
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        initial=initial,
        widget=forms.RadioSelect,
    )


class TallyForm(forms.Form):
    prefix = "tally"  # the dashboard has other forms
    channel = forms.ChoiceField(
        label=_("Channel"), choices=TALLY_CHANNELS, initial=Channel.PHONE, widget=forms.RadioSelect
    )
    service_area = forms.ModelChoiceField(
        label=_("Service area (phone menu digit)"),
        queryset=working_language(ServiceArea.objects.order_by("menu_digit")),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    simple_question = yes_no(_("Simple question?"))
    answered_directly = yes_no(_("Answered directly?"))
    faq = forms.ModelChoiceField(
        label=_("FAQ used (optional)"),
        queryset=working_language(FAQ.objects.only("pk", "question").order_by("question")),
        required=False,
        empty_label=_("None"),
    )

    def tally(self, user, *, follow_up=False) -> Tally:
        data = self.cleaned_data
        return Tally(
            agent=user,
            channel=data["channel"],
            service_area=data["service_area"],
            simple_question=data["simple_question"],
            # A contact that needs follow-up was not answered directly, whatever the radio said.
            answered_directly=data["answered_directly"] and not follow_up,
            faq=data["faq"],
        )

    def new_case(self, user) -> NewCase:
        data = self.cleaned_data
        area = data["service_area"]
        with translation.override(settings.LANGUAGE_CODE):
            channel = str(dict(Channel.choices)[data["channel"]])
            title = gettext("Follow-up of a counted contact (%(channel)s): %(area)s") % {
                "channel": channel,
                "area": area.name,
            }
            fields = [
                (
                    "simple_question",
                    gettext("Simple question?"),
                    gettext("Yes") if data["simple_question"] else gettext("No"),
                ),
                ("faq", gettext("FAQ used (optional)"), data["faq"].question if data["faq"] else ""),
            ]
            snapshot = {
                "version": "tally-follow-up@1",
                "title": gettext("Counted contact that needs follow-up"),
                "steps": [
                    {
                        "name": "tally",
                        "title": gettext("Contact"),
                        "fields": [
                            {"name": name, "label": label, "type": "CharField", "display": display}
                            for name, label, display in fields
                        ],
                    }
                ],
            }
        return NewCase(
            title=title,
            answers={
                "tally": {
                    "simple_question": data["simple_question"],
                    "faq": data["faq"].pk if data["faq"] else None,
                }
            },
            form_snapshot=snapshot,
            channel=data["channel"],
            language=settings.LANGUAGE_CODE,
            service_area=area,
            opened_by=user,
        )


def counted_today(user) -> int:
    start = timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time.min))
    return Tally.objects.filter(agent=user, created_at__gte=start).count()


class TallyPanel(Component):
    """The one-click tally form on the admin home page, for agents."""

    name = "contactcentre_tally"
    template_name = "contactcentre/admin/tally_panel.html"
    order = 50  # first on the dashboard: agents use it all day

    def __init__(self, request, form=None):
        self.request = request
        self.form = form

    def get_context_data(self, parent_context):
        return {
            "form": self.form or TallyForm(),
            "count_today": counted_today(self.request.user),
            "csrf_token": parent_context.get("csrf_token"),
            "request": self.request,
        }


class TallyView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Posted to by the dashboard panel; shown on its own only when the form has an error."""

    template_name = "contactcentre/admin/tally.html"
    form_class = TallyForm
    page_title = _("Count a contact")
    header_icon = "tasks"
    permission_policy = case_permission_policy
    permission_required = COUNT

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["count_today"] = counted_today(self.request.user)
        return context

    def form_valid(self, form):
        user = self.request.user
        if FOLLOW_UP not in self.request.POST:
            form.tally(user).save()
            messages.success(
                self.request,
                gettext("Counted. You have counted %(count)s contacts today.")
                % {"count": counted_today(user)},
            )
            return redirect("wagtailadmin_home")
        with transaction.atomic():
            case, _created = open_case(form.new_case(user))
            tally = form.tally(user, follow_up=True)
            tally.case = case
            tally.save()
        if not access.can_view(user, case):
            # A confidential area: the case went straight to its department.
            messages.success(
                self.request,
                gettext("Counted, and %(reference)s is handed over to its department.")
                % {"reference": case.reference},
            )
            return redirect("contactcentre_admin:index")
        messages.success(
            self.request,
            gettext("Counted, and %(reference)s is opened: add what it is about.")
            % {"reference": case.reference},
        )
        return redirect("contactcentre_admin:detail", pk=case.pk)

    def form_invalid(self, form):
        messages.validation_error(self.request, gettext("The contact was not counted: check the form."), form)
        return super().form_invalid(form)
