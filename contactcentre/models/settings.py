"""The contact centre's own settings: which department it is, and the targets it is measured by."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


def percent(verbose_name, default, help_text=""):
    return models.PositiveSmallIntegerField(
        verbose_name,
        default=default,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=help_text,
    )


@register_setting(icon="group")
class ContactCentreSettings(BaseGenericSetting):
    department = models.ForeignKey(
        "pages.Department",
        verbose_name=_("the contact centre's department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Cases routed here are the contact centre's own contacts in the statistics; cases "
            "routed to other departments straight from an e-service are reported separately."
        ),
    )
    first_contact_resolution_target = percent(
        _("target: resolved at first contact (%)"),
        70,
        _("The share of the contact centre's contacts resolved in the same contact (lösningsgrad)."),
    )
    email_one_working_day_target = percent(
        _("target: e-mails answered within one working day (%)"),
        90,
    )
    service_level_target = percent(
        _("target: cases within their service level (%)"),
        90,
        _(
            "A service area misses its service level when a smaller share of its cases got their "
            "first response, or their resolution, by the due date."
        ),
    )

    panels = [
        FieldPanel("department"),
        MultiFieldPanel(
            [
                FieldPanel("first_contact_resolution_target"),
                FieldPanel("email_one_working_day_target"),
                FieldPanel("service_level_target"),
            ],
            heading=_("Targets"),
        ),
    ]

    class Meta:
        verbose_name = _("contact centre")
