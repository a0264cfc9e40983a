"""Pages the law asks for: the accessibility statement and the privacy notice."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from pages.blocks import ServiceBodyBlock
from pages.models.mixins import ReviewedMixin

TEXT_FEATURES = ["h3", "bold", "italic", "link", "ul", "ol"]
# DIGG supervises the law on accessibility of digital public services (DOS-lagen).
DIGG_COMPLAINT_URL = "https://www.digg.se/tdosanmalan"
IMY_URL = "https://www.imy.se"


class AccessibilityStatementPage(Page):
    """Tillgänglighetsredogörelse, with the parts DIGG requires."""

    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"
    COMPLIANCE = [
        (FULL, _("fully compliant")),
        (PARTIAL, _("partially compliant")),
        (NONE, _("not compliant")),
    ]
    SELF_ASSESSMENT = "self"
    THIRD_PARTY = "third_party"
    METHODS = [(SELF_ASSESSMENT, _("self-assessment")), (THIRD_PARTY, _("assessment by a third party"))]

    intro = RichTextField(_("introduction"), features=TEXT_FEATURES, blank=True)
    compliance_status = models.CharField(
        _("compliance with WCAG 2.1 AA"), max_length=20, choices=COMPLIANCE, default=PARTIAL
    )
    non_compliance = RichTextField(
        _("content that is not accessible: non-compliance with the law"), features=TEXT_FEATURES, blank=True
    )
    disproportionate_burden = RichTextField(
        _("content that is not accessible: disproportionate burden"), features=TEXT_FEATURES, blank=True
    )
    outside_scope = RichTextField(
        _("content outside the scope of the law"), features=TEXT_FEATURES, blank=True
    )
    report_email = models.EmailField(_("e-mail for reporting accessibility problems"))
    report_phone = models.CharField(
        _("phone for reporting accessibility problems"), max_length=40, blank=True
    )
    # A whole sentence, so a translator words it freely: the page shows it as it is.
    response_time = models.CharField(
        _("how soon we answer"),
        max_length=120,
        blank=True,
        default=_("We answer within two working days."),
        help_text=_("A whole sentence, for example: We answer within two working days."),
    )
    assessment_method = models.CharField(
        _("assessment method"), max_length=20, choices=METHODS, default=SELF_ASSESSMENT
    )
    assessment_description = RichTextField(_("how we assessed"), features=TEXT_FEATURES, blank=True)
    assessed_on = models.DateField(_("last assessed"))
    published_on = models.DateField(_("website published"), null=True, blank=True)
    statement_updated_on = models.DateField(_("statement last updated"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("compliance_status"),
        MultiFieldPanel(
            [
                FieldPanel("non_compliance"),
                FieldPanel("disproportionate_burden"),
                FieldPanel("outside_scope"),
            ],
            heading=_("Content that is not accessible"),
        ),
        MultiFieldPanel(
            [FieldPanel("report_email"), FieldPanel("report_phone"), FieldPanel("response_time")],
            heading=_("Reporting problems"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("assessment_method"),
                FieldPanel("assessment_description"),
                FieldPanel("assessed_on"),
                FieldPanel("published_on"),
                FieldPanel("statement_updated_on"),
            ],
            heading=_("How we assessed the website"),
        ),
    ]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")

    @property
    def digg_complaint_url(self):
        return DIGG_COMPLAINT_URL


class PrivacyNoticePage(ReviewedMixin, Page):
    """How the municipality processes personal data, and the data subject's rights."""

    intro = models.TextField(_("summary"), blank=True)
    body = StreamField(ServiceBodyBlock(), verbose_name=_("body"), blank=True)
    controller = models.CharField(
        _("controller"), max_length=200, help_text=_("The committee (nämnd) responsible for the data.")
    )
    dpo_email = models.EmailField(_("data protection officer's e-mail"))
    dpo_phone = models.CharField(_("data protection officer's phone"), max_length=40, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("controller"), FieldPanel("dpo_email"), FieldPanel("dpo_phone")],
            heading=_("Responsibility"),
        ),
        *ReviewedMixin.review_panels,
    ]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("privacy notice")

    @property
    def imy_url(self):
        return IMY_URL
