"""The page that places an e-service in the site tree."""

import uuid

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from wagtail_localize.fields import SynchronizedField

from eservices import builder, preview, printable, registry, versions
from eservices.steps import StepsBlock
from eservices.wizard import remember_run, start_assisted_run, wizard_view
from pages import chrome
from pages.models.mixins import LeaveQuicklyMixin

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class EServicePage(LeaveQuicklyMixin, RoutablePageMixin, Page):
    """An e-service: the start page with what the citizen needs to know, then its steps."""

    eservice = models.CharField(
        _("coded e-service"),
        max_length=80,
        choices=registry.choices,
        blank=True,
        help_text=_(
            "Only for the e-services still written by developers. Leave empty to build it on the Form tab."
        ),
    )
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

    # --- the form built in the admin (eservices.builder), when ``eservice`` is empty ------------
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences: what the citizen can do here.")
    )
    steps = StreamField(StepsBlock(), blank=True, verbose_name=_("steps"))
    eservice_slug = models.SlugField(
        _("e-service id"),
        max_length=80,
        blank=True,
        help_text=_(
            "Its name in the API and on its cases, for example “felanmalan”. Made from the page's slug "
            "the first time you save; keep it once cases exist."
        ),
    )
    case_title = models.CharField(
        _("case title"),
        max_length=200,
        blank=True,
        help_text=_(
            "How its cases are titled in the queue, with answers in braces by their machine name, for "
            "example “{kind}: {location}”; “{about|area}” takes the first one answered. Empty: the page "
            "title."
        ),
    )
    service_area = models.ForeignKey(
        "pages.ServiceArea",
        verbose_name=_("service area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    department = models.ForeignKey(
        "pages.Department",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where its cases go. Empty: the service area's department."),
    )
    handling_time = models.TextField(_("handling time"), blank=True)
    next_steps = models.TextField(_("what happens next"), blank=True)
    first_contact_possible = models.BooleanField(
        _("can be resolved at first contact"),
        default=True,
        help_text=_("Untick for cases that always need a case officer, such as a call-back."),
    )
    statistics_question = models.CharField(
        _("statistics by the question"),
        max_length=40,
        blank=True,
        help_text=_("The machine name of a choice question the statistics count the cases by."),
    )
    data_collected = models.TextField(_("personal data collected"), blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    controller = models.CharField(_("controller (committee)"), max_length=200, blank=True)
    retention_days = models.PositiveIntegerField(
        _("keep cases for (days)"),
        null=True,
        blank=True,
        help_text=_("Empty: cases are kept (official records)."),
    )
    retention_rule = models.CharField(
        _("retention decision"),
        max_length=300,
        blank=True,
        help_text=_("For example “Kept for two years, then removed (retention decision KS 2025:12).”"),
    )
    sensitive = models.BooleanField(
        _("sensitive"), default=False, help_text=_("Shows “Leave this page quickly” on every step.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("eservice"),
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldPanel("before_you_start"),
        FieldPanel("help_text"),
    ]
    form_panels = [
        FieldPanel("steps"),
        FieldPanel("case_title"),
        FieldPanel("eservice_slug"),
    ]
    handling_panels = [
        FieldPanel("service_area"),
        FieldPanel("department"),
        FieldPanel("handling_time"),
        FieldPanel("next_steps"),
        FieldPanel("first_contact_possible"),
        FieldPanel("statistics_question"),
        MultiFieldPanel(
            [
                FieldPanel("data_collected"),
                FieldPanel("purpose"),
                FieldPanel("legal_basis"),
                FieldPanel("controller"),
                FieldPanel("retention_days"),
                FieldPanel("retention_rule"),
                FieldPanel("sensitive"),
            ],
            heading=_("Data protection and retention"),
        ),
    ]
    promote_panels = Page.promote_panels + LeaveQuicklyMixin.leave_quickly_panels
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(form_panels, heading=_("Form")),
            ObjectList(handling_panels, heading=_("Handling")),
            ObjectList(promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    # Machine names are keys in the answers: the same in every language.
    override_translatable_fields = [
        SynchronizedField("eservice"),
        SynchronizedField("eservice_slug"),
        SynchronizedField("case_title"),
        SynchronizedField("statistics_question"),
    ]
    template = "eservices/eservice_page.html"
    # What an editor checks before publishing (Wagtail's preview panel lists these).
    preview_modes = [
        ("", _("Start page")),
        ("steps", _("Every step and the check page")),
        ("receipt", _("Receipt")),
        ("printable", _("Printable PDF")),
    ]
    parent_page_types = ["pages.ServiceAreaPage", "pages.HomePage"]
    subpage_types = ["pages.EasyReadPage"]

    class Meta:
        verbose_name = _("e-service page")

    @cached_property
    def definition(self):
        """What the wizard, the API and the printable PDF run: coded, or built from this page."""
        if self.eservice:
            return registry.get(self.eservice)
        return versions.built(self)

    def clean(self):
        super().clean()
        if not self.eservice and not len(self.steps):
            raise ValidationError({"steps": _("Build the form's steps here, or choose a coded e-service.")})
        if self.eservice:
            return
        if not self.eservice_slug:
            self.eservice_slug = self.slug
        asked = versions.question_names(self)
        names = {
            "case_title": builder.title_names(self.case_title),
            "statistics_question": [self.statistics_question],
        }
        for field, found in names.items():
            for name in found:
                if name and name not in asked:
                    raise ValidationError(
                        {field: _("No question has the machine name “%(name)s”.") % {"name": name}}
                    )
        twin = (
            EServicePage.objects.filter(eservice_slug=self.eservice_slug, locale_id=self.locale_id)
            .exclude(translation_key=self.translation_key)
            .first()
        )
        if twin:
            raise ValidationError(
                {"eservice_slug": _("The e-service “%(title)s” already has this id.") % {"title": twin.title}}
            )

    def confidentiality_area(self):
        """The area the page is placed under: its own ``service_area`` says where its cases go."""
        # From the site chrome's cache (pages.chrome): no query on a public page.
        return chrome.service_area_of_path(self.path) if self.pk else None

    def leave_quickly_by_default(self) -> bool:
        # The place of the page (the mixin), and also the area its cases go to, wherever it is placed.
        definition = self.definition
        area_is_confidential = any(
            area.menu_digit == definition.service_area_digit and area.confidential
            for area in chrome.service_areas().values()
        )
        return definition.sensitive or super().leave_quickly_by_default() or area_is_confidential

    def serve_preview(self, request, mode_name):
        """The start page, every step (with its condition), the check page, the receipt or the PDF."""
        if mode_name == "printable":
            return self.printable(request)
        if mode_name in ("steps", "receipt"):
            return preview.render(request, self, mode_name)
        return super().serve_preview(request, mode_name)

    # --- routes ---------------------------------------------------------------
    # Every route past the start page holds a citizen's answers, a receipt or a draft link:
    # never_cache (no-store, private), so no shared computer's back button or proxy keeps them.
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
    @method_decorator(never_cache)
    def start(self, request):
        run = uuid.uuid4()
        remember_run(request, run)
        versions.pin(request, run, self.definition)
        return redirect(self.url + self.reverse_subpage("step", args=(run, self.definition.steps[0].name)))

    @path("besok/", name="assisted")
    @method_decorator(never_cache)
    def start_assisted(self, request):
        """Staff fill in the e-service with a walk-in visitor: each visitor a new run."""
        user = request.user
        if not (user.is_authenticated and (user.is_superuser or user.has_perm("contactcentre.work_queue"))):
            return redirect_to_login(request.get_full_path(), login_url="wagtailadmin_login")
        run = uuid.uuid4()
        start_assisted_run(request, run)
        versions.pin(request, run, self.definition)
        return redirect(self.url + self.reverse_subpage("step", args=(run, self.definition.steps[0].name)))

    @path("spara/<uuid:run>/", name="save")
    @method_decorator(never_cache)
    def save_for_later(self, request, run):
        from eservices.views import save_draft_view  # views import drafts, which import Draft from here

        return save_draft_view(request, self, run)

    @path("fortsatt/<int:draft_id>/<str:token>/", name="resume")
    @method_decorator(never_cache)
    def resume_draft(self, request, draft_id, token):
        from eservices.views import resume_draft_view  # views -> drafts -> Draft here: a cycle

        return resume_draft_view(request, self, draft_id, token)

    @path("steg/<uuid:run>/<slug:step>/", name="step")
    @method_decorator(never_cache)
    def step(self, request, run, step):
        return wizard_view(versions.for_run(request, self, run))(request, run=run, step=step, page=self)


class FormVersion(models.Model):
    """One shape of an e-service's form, numbered: the ``@n`` of its API schema and of its cases' snapshot.

    The shape is what a client of the form depends on — steps, machine names, question types,
    required, options, conditions, rules — and not the texts, so a corrected hint or a
    translation keeps the number while a removed question gets the next one
    (docs/decisions/0008-eservice-versions.md). Recorded when a revision is published.
    """

    translation_key = models.UUIDField(db_index=True)  # the e-service in every language
    shape = models.CharField(max_length=64)
    number = models.PositiveIntegerField()
    revision = models.PositiveIntegerField(null=True, blank=True)  # the first revision with this shape
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("e-service form version")
        constraints = [
            models.UniqueConstraint(fields=["translation_key", "shape"], name="one_number_per_shape"),
            models.UniqueConstraint(fields=["translation_key", "number"], name="one_shape_per_number"),
        ]

    def __str__(self):
        return f"{self.translation_key}@{self.number}"


class Draft(models.Model):
    """An unfinished e-service run, kept so the citizen can continue later."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    eservice = models.CharField(max_length=80)
    # The revision of an e-service built in the admin that the run was pinned to (eservices.versions).
    revision = models.PositiveIntegerField(null=True, blank=True)
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
