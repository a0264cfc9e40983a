"""Förtroendemannaregister: elected officials, their parties and committee seats."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from pages.models.libraries import _int_or_none
from pages.models.snippets import Committee


class Party(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    abbreviation = models.CharField(_("abbreviation"), max_length=10)

    panels = [FieldPanel("name"), FieldPanel("abbreviation")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def __str__(self):
        return f"{self.name} ({self.abbreviation})"


class ElectedOfficial(index.Indexed, ClusterableModel):
    first_name = models.CharField(_("first name"), max_length=80)
    last_name = models.CharField(_("last name"), max_length=80)
    party = models.ForeignKey(
        Party,
        verbose_name=_("party"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="officials",
    )
    district = models.CharField(_("home district"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    panels = [
        FieldPanel("first_name"),
        FieldPanel("last_name"),
        FieldPanel("party"),
        FieldPanel("district"),
        FieldPanel("email"),
        InlinePanel("assignments", heading=_("Assignments"), label=_("assignment")),
    ]
    search_fields = [
        index.SearchField("first_name"),
        index.SearchField("last_name", boost=2),
        index.AutocompleteField("last_name"),
    ]

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("elected official")
        verbose_name_plural = _("elected officials")

    def __str__(self):
        return f"{self.first_name} {self.last_name}"


class Assignment(Orderable):
    """A seat on a committee for one term (mandatperiod)."""

    CHAIR = "chair"
    FIRST_VICE_CHAIR = "first_vice_chair"
    SECOND_VICE_CHAIR = "second_vice_chair"
    MEMBER = "member"
    DEPUTY = "deputy"
    ROLES = [
        (CHAIR, _("Chair")),
        (FIRST_VICE_CHAIR, _("First vice chair")),
        (SECOND_VICE_CHAIR, _("Second vice chair")),
        (MEMBER, _("Member")),
        (DEPUTY, _("Deputy member")),
    ]

    official = ParentalKey(ElectedOfficial, on_delete=models.CASCADE, related_name="assignments")
    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.PROTECT, related_name="assignments"
    )
    role = models.CharField(_("role"), max_length=20, choices=ROLES, default=MEMBER)
    term_start = models.DateField(_("term starts"))
    term_end = models.DateField(_("term ends"))

    panels = [FieldPanel("committee"), FieldPanel("role"), FieldPanel("term_start"), FieldPanel("term_end")]

    class Meta(Orderable.Meta):
        verbose_name = _("assignment")

    def __str__(self):
        return f"{self.official} – {self.committee} ({self.get_role_display()})"


class OfficialsRegisterPage(Page):
    """The register of elected officials, filterable by name, party and committee."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("register of elected officials")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        party = _int_or_none(request.GET.get("parti"))
        committee = _int_or_none(request.GET.get("namnd"))
        query = request.GET.get("q", "").strip()[:100]
        show_all_terms = request.GET.get("tidigare") == "1"

        assignments = Assignment.objects.select_related("committee")
        if not show_all_terms:
            assignments = assignments.filter(term_start__lte=today, term_end__gte=today)
        if committee:
            assignments = assignments.filter(committee_id=committee)
        officials = ElectedOfficial.objects.select_related("party").filter(
            pk__in=assignments.values("official_id")
        )
        if party:
            officials = officials.filter(party_id=party)
        if query:
            for word in query.split():
                officials = officials.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
        officials = officials.prefetch_related(models.Prefetch("assignments", queryset=assignments))
        context.update(
            officials=officials,
            parties=Party.objects.all(),
            committees=Committee.objects.all(),
            selected_party=party,
            selected_committee=committee,
            query=query,
            show_all_terms=show_all_terms,
        )
        return context
