"""Content reused across pages: service areas, departments, committees, FAQ, blanketter."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from .mixins import ESERVICE_PAGE, ESERVICE_PAGE_CHOICES, LocalizedQuerySetMixin, SearchableQuerySet

MENU_DIGITS = [(n, str(n)) for n in range(10)]
FAQ_ANSWER_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class Committee(index.Indexed, models.Model):
    """A nämnd: the elected body responsible for a department's work."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    description = models.TextField(_("description"), blank=True)

    objects = SearchableQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def __str__(self):
        return self.name


class Department(LocalizedQuerySetMixin, TranslatableMixin, index.Indexed, models.Model):
    """A förvaltning, with the contact details the contact centre hands out."""

    name = models.CharField(_("name"), max_length=150)
    committee = models.ForeignKey(
        Committee,
        verbose_name=_("committee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="departments",
    )
    description = models.TextField(_("what the department does"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    postal_address = models.CharField(_("postal address"), max_length=255, blank=True)
    visiting_address = models.CharField(_("visiting address"), max_length=255, blank=True)

    objects = SearchableQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("committee"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("postal_address"),
                FieldPanel("visiting_address"),
            ],
            heading=_("Contact details"),
        ),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self):
        return self.name


class ServiceArea(LocalizedQuerySetMixin, TranslatableMixin, models.Model):
    """An area of the phone menu (talsvar), which also decides where cases are routed."""

    name = models.CharField(_("name"), max_length=150)
    menu_digit = models.PositiveSmallIntegerField(
        _("phone menu digit"),
        choices=MENU_DIGITS,
        help_text=_("The digit callers press in the phone menu."),
    )
    summary = models.CharField(_("summary"), max_length=255, blank=True)
    default_department = models.ForeignKey(
        Department,
        verbose_name=_("default department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Cases in this area go here unless the e-service names another department."),
    )
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_(
            "Cases in a confidential area (for example social services) go straight to the "
            "department and are hidden from the contact centre's queue."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("menu_digit"),
        FieldPanel("summary"),
        FieldPanel("default_department"),
        FieldPanel("confidential"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["menu_digit"]
        verbose_name = _("service area")
        verbose_name_plural = _("service areas")
        constraints = [
            models.UniqueConstraint(fields=["locale", "menu_digit"], name="unique_menu_digit_per_locale"),
        ]

    def __str__(self):
        return f"{self.menu_digit}. {self.name}"


class FAQ(LocalizedQuerySetMixin, TranslatableMixin, index.Indexed, models.Model):
    """A question from "Vanliga frågor och svar", reused on pages and by staff."""

    question = models.CharField(_("question"), max_length=255)
    answer = RichTextField(_("answer"), features=FAQ_ANSWER_FEATURES)
    service_area = models.ForeignKey(
        ServiceArea,
        verbose_name=_("service area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="faqs",
    )
    responsible_editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible editor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Gets the contact centre's flags when the answer is outdated or wrong."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SearchableQuerySet.as_manager()

    panels = [
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldPanel("service_area"),
        FieldPanel("responsible_editor"),
    ]
    search_fields = [
        index.SearchField("question", boost=3),
        index.SearchField("answer"),
        index.AutocompleteField("question"),
        index.FilterField("locale_id"),
        index.FilterField("service_area_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["service_area__menu_digit", "question"]
        verbose_name = _("FAQ")
        verbose_name_plural = _("FAQ")

    def __str__(self):
        return self.question

    @property
    def anchor(self):
        return f"fraga-{self.translation_key}"


class FAQFeedback(models.Model):
    """One answer to "Did this answer your question?"."""

    faq = models.ForeignKey(FAQ, on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField(_("helpful"))
    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(_("given"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("FAQ feedback")
        verbose_name_plural = _("FAQ feedback")

    def __str__(self):
        return f"{self.faq_id}: {'+' if self.helpful else '-'}"


class BlankettCategory(LocalizedQuerySetMixin, TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=120)

    panels = [FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("form category")
        verbose_name_plural = _("form categories")

    def __str__(self):
        return self.name


class Blankett(LocalizedQuerySetMixin, TranslatableMixin, index.Indexed, models.Model):
    """A downloadable form, optionally replaced by an e-service ("Fill in online")."""

    title = models.CharField(_("title"), max_length=200)
    code = models.CharField(_("form number"), max_length=40, blank=True, help_text=_("For example SOC-101."))
    description = models.TextField(_("description"), blank=True)
    category = models.ForeignKey(
        BlankettCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="blanketter",
    )
    service_area = models.ForeignKey(
        ServiceArea,
        verbose_name=_("service area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="blanketter",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    eservice_page = models.ForeignKey(
        "wagtailcore.Page",
        # Named, not imported: content knows no e-service code (docs/decisions/0005-layers.md).
        limit_choices_to=ESERVICE_PAGE_CHOICES,
        verbose_name=_("e-service that replaces it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_('Shows a "Fill in online" link beside the download.'),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SearchableQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("code"),
        FieldPanel("description"),
        FieldPanel("category"),
        FieldPanel("service_area"),
        FieldPanel("document"),
        PageChooserPanel("eservice_page", page_type=ESERVICE_PAGE),
    ]
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("code", boost=2),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        index.FilterField("locale_id"),
        index.FilterField("category_id"),
        index.FilterField("service_area_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["title"]
        verbose_name = _("form (blankett)")
        verbose_name_plural = _("forms (blanketter)")

    def __str__(self):
        return f"{self.title} ({self.code})" if self.code else self.title


def with_specific_eservice_pages(blanketter):
    """The blanketter, each e-service page loaded as its specific type: one query, not one each."""
    from wagtail.models import Page

    ids = {blankett.eservice_page_id for blankett in blanketter if blankett.eservice_page_id}
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()} if ids else {}
    for blankett in blanketter:
        if blankett.eservice_page_id in pages:
            blankett.eservice_page = pages[blankett.eservice_page_id]
    return blanketter
