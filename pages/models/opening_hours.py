"""Opening hours per contact channel, edited in the admin, computed by ``pages.hours``."""

import datetime as dt

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from pages import hours

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]
MONTHS = [
    (1, _("January")),
    (2, _("February")),
    (3, _("March")),
    (4, _("April")),
    (5, _("May")),
    (6, _("June")),
    (7, _("July")),
    (8, _("August")),
    (9, _("September")),
    (10, _("October")),
    (11, _("November")),
    (12, _("December")),
]
SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# The longest a cached status may live even if nothing changes sooner.
MAX_STATUS_CACHE_SECONDS = 6 * 60 * 60


class OpeningHours(ClusterableModel):
    """The opening hours of one channel: the phone, phone-menu lines, or visits."""

    PHONE = "phone"
    PHONE_MENU = "phone_menu"
    VISIT = "visit"
    ELDERLY_LINE = "elderly_line"
    CHANNELS = [
        (PHONE, _("Phone")),
        (PHONE_MENU, _("Phone menu options")),
        (VISIT, _("Visits")),
        (ELDERLY_LINE, _("Äldre direkt (the line for older people)")),
    ]

    channel = models.CharField(_("channel"), max_length=20, choices=CHANNELS)
    service_areas = ParentalManyToManyField(
        "pages.ServiceArea",
        verbose_name=_("phone menu options"),
        blank=True,
        help_text=_("For phone-menu hours: the options these hours apply to."),
    )
    closed_on_public_holidays = models.BooleanField(_("closed on public holidays"), default=True)
    closed_on_eves = models.BooleanField(
        _("closed on midsummer eve, Christmas eve and New Year's eve"), default=True
    )
    sort_order = models.PositiveSmallIntegerField(_("order on the page"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("channel"),
        FieldPanel("service_areas"),
        FieldPanel("sort_order"),
        InlinePanel("weekly", heading=_("Regular weekly hours"), label=_("row")),
        InlinePanel(
            "seasonal",
            heading=_("Seasonal hours"),
            label=_("row"),
            help_text=_("Between its dates a season replaces the regular weekly hours."),
        ),
        MultiFieldPanel(
            [FieldPanel("closed_on_public_holidays"), FieldPanel("closed_on_eves")],
            heading=_("Holidays"),
        ),
        InlinePanel(
            "exceptions",
            heading=_("Exceptions on single dates"),
            label=_("exception"),
            help_text=_("An exception wins over everything else, holidays included."),
        ),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return str(self.label)

    @property
    def label(self):
        if self.channel == self.PHONE_MENU and self.pk:
            digits = [str(area.menu_digit) for area in self.service_areas.all()]
            if digits:
                return _("Phone menu options %(digits)s") % {"digits": get_text_list(digits, _("and"))}
        return self.get_channel_display()

    def schedule(self) -> hours.Schedule:
        return hours.Schedule(
            weekly=tuple(row.rule() for row in self.weekly.all()),
            seasons=tuple(row.rule() for row in self.seasonal.all()),
            exceptions={row.date: row.exception() for row in self.exceptions.all()},
            closed_on_public_holidays=self.closed_on_public_holidays,
            closed_on_eves=self.closed_on_eves,
        )

    def status(self, at: dt.datetime | None = None) -> hours.Status:
        """The current status, cached until the moment it next changes."""
        if at is not None:
            return self.schedule().status(at)
        key = f"opening-hours:{self.pk}:{self.updated_at.timestamp() if self.updated_at else 0}"
        now = timezone.now()
        status = cache.get(key)
        if status is None or (status.next_change and status.next_change <= now):
            status = self.schedule().status(now)
            timeout = MAX_STATUS_CACHE_SECONDS
            if status.next_change:
                timeout = max(1, min(timeout, int((status.next_change - now).total_seconds())))
            cache.set(key, status, timeout)
        return status

    def opening_hours_specification(self, today: dt.date | None = None) -> list[dict]:
        """schema.org OpeningHoursSpecification: weekly rows, seasons, and special days."""
        today = today or timezone.localdate()
        specs = [row.schema() for row in self.weekly.all()]
        for row in self.seasonal.all():
            spec = row.schema()
            start, end = row.next_period(today)
            spec.update(validFrom=start.isoformat(), validThrough=end.isoformat())
            specs.append(spec)
        for day in self.schedule().special_days(today, days=365):
            if day.is_closed:
                specs.append(_closed_on(day.date))
            for interval in day.intervals:
                specs.append(
                    {
                        "@type": "OpeningHoursSpecification",
                        "opens": interval.opens.strftime("%H:%M"),
                        "closes": interval.closes.strftime("%H:%M"),
                        "validFrom": day.date.isoformat(),
                        "validThrough": day.date.isoformat(),
                    }
                )
        return specs


def _closed_on(day: dt.date) -> dict:
    return {
        "@type": "OpeningHoursSpecification",
        "opens": "00:00",
        "closes": "00:00",
        "validFrom": day.isoformat(),
        "validThrough": day.isoformat(),
    }


class WeeklyRowBase(models.Model):
    first_day = models.PositiveSmallIntegerField(_("from"), choices=WEEKDAYS)
    last_day = models.PositiveSmallIntegerField(_("to"), choices=WEEKDAYS)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [FieldPanel("first_day"), FieldPanel("last_day"), FieldPanel("opens"), FieldPanel("closes")]

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.days_label} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        super().clean()
        errors = {}
        if self.first_day is not None and self.last_day is not None and self.last_day < self.first_day:
            errors["last_day"] = _("The last day must come after the first day.")
        if self.opens and self.closes and self.closes <= self.opens:
            errors["closes"] = _("Closing time must be later than opening time.")
        if errors:
            raise ValidationError(errors)

    def schema(self) -> dict:
        return {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [
                f"https://schema.org/{SCHEMA_DAYS[d]}" for d in range(self.first_day, self.last_day + 1)
            ],
            "opens": self.opens.strftime("%H:%M"),
            "closes": self.closes.strftime("%H:%M"),
        }

    @property
    def days_label(self):
        if self.first_day == self.last_day:
            return capfirst(self.get_first_day_display())
        return f"{capfirst(self.get_first_day_display())}–{str(self.get_last_day_display()).lower()}"


class WeeklyHours(Orderable, WeeklyRowBase):
    opening_hours = ParentalKey(OpeningHours, on_delete=models.CASCADE, related_name="weekly")

    class Meta(Orderable.Meta):
        verbose_name = _("weekly hours")

    def rule(self) -> hours.WeeklyRule:
        return hours.WeeklyRule(self.first_day, self.last_day, self.opens, self.closes)


class SeasonalHours(Orderable, WeeklyRowBase):
    opening_hours = ParentalKey(OpeningHours, on_delete=models.CASCADE, related_name="seasonal")
    name = models.CharField(_("season"), max_length=80, help_text=_('For example "Summer hours".'))
    start_month = models.PositiveSmallIntegerField(_("starts (month)"), choices=MONTHS)
    start_day = models.PositiveSmallIntegerField(_("starts (day)"))
    end_month = models.PositiveSmallIntegerField(_("ends (month)"), choices=MONTHS)
    end_day = models.PositiveSmallIntegerField(_("ends (day)"))

    panels = [
        FieldPanel("name"),
        FieldPanel("start_month"),
        FieldPanel("start_day"),
        FieldPanel("end_month"),
        FieldPanel("end_day"),
        *WeeklyRowBase.panels,
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("seasonal hours")

    def clean(self):
        super().clean()
        for month_field, day_field in (("start_month", "start_day"), ("end_month", "end_day")):
            try:
                # 2024 is a leap year, so 29 February is accepted.
                dt.date(2024, getattr(self, month_field), getattr(self, day_field))
            except (TypeError, ValueError):
                raise ValidationError({day_field: _("Enter a day that exists in that month.")}) from None

    def rule(self) -> hours.SeasonRule:
        return hours.SeasonRule(
            self.first_day,
            self.last_day,
            self.opens,
            self.closes,
            start=(self.start_month, self.start_day),
            end=(self.end_month, self.end_day),
            name=self.name,
        )

    def next_period(self, today: dt.date) -> tuple[dt.date, dt.date]:
        """The current or next occurrence of this season, as real dates."""
        year = today.year
        start = _safe_date(year, self.start_month, self.start_day)
        end = _safe_date(year, self.end_month, self.end_day)
        if end < start:  # wraps over New Year
            end = _safe_date(year + 1, self.end_month, self.end_day)
        if end < today:
            start = _safe_date(year + 1, self.start_month, self.start_day)
            end = _safe_date(end.year + 1, self.end_month, self.end_day)
        return start, end

    @property
    def period_label(self):
        start = dt.date(2024, self.start_month, self.start_day)
        end = dt.date(2024, self.end_month, self.end_day)
        return start, end


def _safe_date(year, month, day):
    try:
        return dt.date(year, month, day)
    except ValueError:  # 29 February in a common year
        return dt.date(year, month, 28)


class OpeningHoursException(Orderable):
    opening_hours = ParentalKey(OpeningHours, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("date"))
    closed = models.BooleanField(_("closed all day"), default=True)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    note = models.CharField(
        _("note"), max_length=120, blank=True, help_text=_('For example "Staff training".')
    )

    panels = [
        FieldPanel("date"),
        FieldPanel("closed"),
        FieldPanel("opens"),
        FieldPanel("closes"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("exception")

    def clean(self):
        super().clean()
        if not self.closed:
            if not self.opens or not self.closes:
                raise ValidationError(
                    {"opens": _('Give opening and closing times, or tick "closed all day".')}
                )
            if self.closes <= self.opens:
                raise ValidationError({"closes": _("Closing time must be later than opening time.")})

    def exception(self) -> hours.DatedException:
        intervals = () if self.closed else (hours.Interval(self.opens, self.closes),)
        return hours.DatedException(self.date, intervals, self.note)
