"""The page that places an e-service in the site tree."""

import uuid

from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from eservices import printable, registry
from eservices.wizard import remember_run, start_assisted_run, wizard_view
from pages.models import ServiceArea
from pages.models.mixins import LeaveQuicklyMixin

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class EServicePage(LeaveQuicklyMixin, RoutablePageMixin, Page):
    """An e-service: the start page with what the citizen needs to know, then its steps."""

    eservice = models.CharField(_("e-service"), max_length=80, choices=registry.choices)
    intro = RichTextField(_("introduction"), features=TEXT_FEATURES, blank=True)
    before_you_start = RichTextField(
        _("before you start"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("What the citizen needs at hand, for example photos or a personal identity number."),
    )
    help_text = RichTextField(
        _("help"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Shown beside every step: where to get help filling in the form."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("eservice"),
        FieldPanel("intro"),
        FieldPanel("before_you_start"),
        FieldPanel("help_text"),
    ]
    promote_panels = Page.promote_panels + LeaveQuicklyMixin.leave_quickly_panels
    template = "eservices/eservice_page.html"
    parent_page_types = ["pages.ServiceAreaPage", "pages.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("e-service page")

    @cached_property
    def definition(self):
        return registry.get(self.eservice)

    def leave_quickly_by_default(self) -> bool:
        # An e-service also follows the area its cases go to, wherever the page is placed.
        definition = self.definition
        area_is_confidential = ServiceArea.objects.filter(
            menu_digit=definition.service_area_digit, confidential=True
        ).exists()
        return definition.sensitive or super().leave_quickly_by_default() or area_is_confidential

    # --- routes ---------------------------------------------------------------
    @path("")
    def start_page(self, request):
        return self.render(request, context_overrides={"eservice": self.definition})

    @path("utskrift/", name="printable")
    def printable(self, request):
        response = HttpResponse(
            printable.render_pdf(self.definition, page=self, base_url=request.build_absolute_uri("/")),
            content_type="application/pdf",
        )
        response["Content-Disposition"] = f'inline; filename="{printable.filename(self.definition)}"'
        return response

    @property
    def printable_url(self):
        """The paper version; the blankett library links here for a blankett this page replaces."""
        return self.url + self.reverse_subpage("printable")

    @path("starta/", name="start")
    def start(self, request):
        run = uuid.uuid4()
        remember_run(request, run)
        return redirect(self.url + self.reverse_subpage("step", args=(run, self.definition.steps[0].name)))

    @path("besok/", name="assisted")
    def start_assisted(self, request):
        """Staff fill in the e-service with a walk-in visitor: each visitor a new run."""
        user = request.user
        if not (user.is_authenticated and (user.is_superuser or user.has_perm("contactcentre.work_queue"))):
            return redirect_to_login(request.get_full_path(), login_url="wagtailadmin_login")
        run = uuid.uuid4()
        start_assisted_run(request, run)
        return redirect(self.url + self.reverse_subpage("step", args=(run, self.definition.steps[0].name)))

    @path("spara/<uuid:run>/", name="save")
    def save_for_later(self, request, run):
        from eservices.views import save_draft_view  # views import drafts, which import Draft from here

        return save_draft_view(request, self, run)

    @path("fortsatt/<int:draft_id>/<str:token>/", name="resume")
    def resume_draft(self, request, draft_id, token):
        from eservices.views import resume_draft_view  # views -> drafts -> Draft here: a cycle

        return resume_draft_view(request, self, draft_id, token)

    @path("steg/<uuid:run>/<slug:step>/", name="step")
    def step(self, request, run, step):
        return wizard_view(self.definition)(request, run=run, step=step, page=self)


class Draft(models.Model):
    """An unfinished e-service run, kept so the citizen can continue later."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    eservice = models.CharField(max_length=80)
    run_id = models.UUIDField(unique=True)
    storage = models.JSONField(default=dict)
    email = models.EmailField()
    language = models.CharField(max_length=10)
    secret = models.CharField(max_length=32)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("saved e-service draft")

    def __str__(self):
        return f"{self.eservice} draft {self.pk}"
