"""Service-level targets per service area, edited in the admin (Settings → Service levels)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

# Used for a case whose area has no row (and for a case without an area).
DEFAULT_FIRST_RESPONSE_WORKING_HOURS = 8
DEFAULT_RESOLUTION_WORKING_DAYS = 10
# E-mails get a first answer within one working day (Kommunens kvalitet i korthet).
DEFAULT_EMAIL_FIRST_RESPONSE_WORKING_DAYS = 1


class ServiceLevel(models.Model):
    """How soon a case of one service area gets a first response and a resolution, in working time."""

    service_area = models.OneToOneField(
        "pages.ServiceArea",
        verbose_name=_("service area"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Applies to cases of this area in every language."),
    )
    first_response_working_hours = models.PositiveSmallIntegerField(
        _("first response within (working hours)"),
        default=DEFAULT_FIRST_RESPONSE_WORKING_HOURS,
        validators=[MinValueValidator(1), MaxValueValidator(2000)],
    )
    resolution_working_days = models.PositiveSmallIntegerField(
        _("resolution within (working days)"),
        default=DEFAULT_RESOLUTION_WORKING_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(250)],
    )
    email_first_response_working_days = models.PositiveSmallIntegerField(
        _("e-mails: first answer within (working days)"),
        default=DEFAULT_EMAIL_FIRST_RESPONSE_WORKING_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(250)],
        help_text=_("An e-mail's first response is due at whichever comes first: this or the hours above."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("service_area"),
        FieldPanel("first_response_working_hours"),
        FieldPanel("resolution_working_days"),
        FieldPanel("email_first_response_working_days"),
    ]

    class Meta:
        ordering = ["service_area__menu_digit", "pk"]
        verbose_name = _("service level")
        verbose_name_plural = _("service levels")

    def __str__(self):
        return str(self.service_area)
