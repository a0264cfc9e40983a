"""Facts about the municipality shown in the header, footer and contact pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="site")
class MunicipalitySettings(BaseGenericSetting):
    name = models.CharField(_("municipality"), max_length=100, default="Exempelkommun")
    phone = models.CharField(_("contact centre phone"), max_length=40, blank=True)
    voice_switchboard_phone = models.CharField(
        _("voice-controlled switchboard"),
        max_length=40,
        blank=True,
        help_text=_("For callers who know whom they want to reach."),
    )
    elderly_line_phone = models.CharField(
        _("Äldre direkt phone"),
        max_length=40,
        blank=True,
        help_text=_(
            "One number for older people and their relatives, with no phone menu: a person answers. "
            "Its opening hours are the channel “Äldre direkt” under Opening hours."
        ),
    )
    email = models.EmailField(_("official e-mail address"), blank=True)
    visiting_address = models.CharField(_("visiting address"), max_length=255, blank=True)
    postal_address = models.CharField(_("postal address"), max_length=255, blank=True)
    organisation_number = models.CharField(_("organisation number"), max_length=20, blank=True)
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("contact page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    emergency_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("emergencies and fault reports page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    web_editor_email = models.EmailField(
        _("web editors' e-mail address"),
        blank=True,
        help_text=_("Content flagged as outdated or wrong goes here when it has no responsible editor."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("voice_switchboard_phone"),
                FieldPanel("elderly_line_phone"),
                FieldPanel("email"),
                FieldPanel("visiting_address"),
                FieldPanel("postal_address"),
                FieldPanel("organisation_number"),
            ],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_page"),
                FieldPanel("emergency_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("privacy_page"),
            ],
            heading=_("Pages linked from every page"),
        ),
        FieldPanel("web_editor_email"),
    ]

    # Every page links these (header, footer): loaded with the settings, in one query.
    select_related = ["contact_page", "emergency_page", "accessibility_page", "privacy_page"]

    class Meta:
        verbose_name = _("municipality")

    @property
    def phone_href(self):
        return "tel:+46" + "".join(ch for ch in self.phone if ch.isdigit())[1:] if self.phone else ""
