"""The queue's filters, as a Wagtail filterset (the admin's filter drop-down and active-filter pills)."""

import datetime as dt

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.widgets import BooleanRadioSelect

import django_filters

from contactcentre import access, service_levels
from contactcentre.admin_views.forms import working_language
from contactcentre.models import Case
from contactcentre.models.cases import Channel, Status
from pages.models import Department, ServiceArea

OPEN = "open"
STATUS_CHOICES = [(OPEN, _("Open (not resolved or closed)")), *Status.choices]

MINE = "mine"
UNASSIGNED = "none"

TODAY = "today"
WEEK = "week"
OLDER_THAN_WEEK = "older_week"
OLDER_THAN_MONTH = "older_month"
AGE_CHOICES = [
    (TODAY, _("Received today")),
    (WEEK, _("Within 7 days")),
    (OLDER_THAN_WEEK, _("Older than 7 days")),
    (OLDER_THAN_MONTH, _("Older than 30 days")),
]

DUE_OVERDUE = "overdue"
DUE_TODAY = "today"
DUE_THIS_WEEK = "week"
DUE_CHOICES = [
    (DUE_OVERDUE, _("Overdue")),
    (DUE_TODAY, _("Due today")),
    (DUE_THIS_WEEK, _("Due this week")),
]


def needs_attention_q() -> Q:
    """Flagged (an e-mail that could not be sent), or the citizen wrote after our last reply.

    Uses the ``citizen_waiting`` annotation of the listing's queryset.
    """
    return Q(needs_attention=True) | Q(citizen_waiting=True)


class CaseFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=STATUS_CHOICES,
        method="filter_status",
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    service_area = django_filters.ModelChoiceFilter(
        label=_("Service area"),
        queryset=working_language(ServiceArea.objects.all()),
    )
    department = django_filters.ModelChoiceFilter(
        label=_("Department"),
        queryset=working_language(Department.objects.all()),
    )
    assignee = django_filters.ChoiceFilter(
        label=_("Assignee"),
        method="filter_assignee",
        empty_label=_("Anyone"),
    )
    channel = django_filters.ChoiceFilter(
        label=_("Channel"),
        choices=Channel.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=settings.LANGUAGES,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    age = django_filters.ChoiceFilter(
        label=_("Received"),
        choices=AGE_CHOICES,
        method="filter_age",
        empty_label=_("Any time"),
        widget=forms.RadioSelect,
    )
    due = django_filters.ChoiceFilter(
        label=_("Due"),
        choices=DUE_CHOICES,
        method="filter_due",
        empty_label=_("Any time"),
        widget=forms.RadioSelect,
    )
    attention = django_filters.BooleanFilter(
        label=_("Needs attention"),
        method="filter_attention",
        widget=BooleanRadioSelect,
    )

    class Meta:
        model = Case
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Choices per request: "mine" needs the user, and the staff list changes.
        people = [
            (str(person.pk), get_user_display_name(person))
            for person in access.case_staff().order_by("first_name", "last_name", "username")
        ]
        self.filters["assignee"].extra["choices"] = [
            (MINE, _("Assigned to me")),
            (UNASSIGNED, _("Unassigned")),
            *people,
        ]

    def filter_status(self, queryset, name, value):
        if value == OPEN:
            return queryset.exclude(status__in=[Status.RESOLVED, Status.CLOSED])
        return queryset.filter(status=value)

    def filter_assignee(self, queryset, name, value):
        if value == MINE:
            return queryset.filter(assignee=self.request.user)
        if value == UNASSIGNED:
            return queryset.filter(assignee__isnull=True)
        return queryset.filter(assignee_id=value)

    def filter_age(self, queryset, name, value):
        now = timezone.now()
        if value == TODAY:
            midnight = timezone.make_aware(dt.datetime.combine(timezone.localdate(now), dt.time.min))
            return queryset.filter(received_at__gte=midnight)
        if value == WEEK:
            return queryset.filter(received_at__gte=now - dt.timedelta(days=7))
        if value == OLDER_THAN_WEEK:
            return queryset.filter(received_at__lt=now - dt.timedelta(days=7))
        if value == OLDER_THAN_MONTH:
            return queryset.filter(received_at__lt=now - dt.timedelta(days=30))
        return queryset

    def filter_attention(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(needs_attention_q()) if value else queryset.exclude(needs_attention_q())

    def filter_due(self, queryset, name, value):
        """Open cases by their stored due dates: past, or falling before the end of today / this week.

        "Due today" and "due this week" leave out what is already overdue.
        """
        now = timezone.now()
        if value == DUE_OVERDUE:
            return queryset.filter(service_levels.overdue_q(now))
        today = timezone.localdate(now)
        if value == DUE_TODAY:
            end = today + dt.timedelta(days=1)
        elif value == DUE_THIS_WEEK:
            end = today + dt.timedelta(days=7 - today.weekday())  # next Monday
        else:
            return queryset
        midnight = timezone.make_aware(dt.datetime.combine(end, dt.time.min))
        return queryset.filter(service_levels.due_before_q(now, midnight))
