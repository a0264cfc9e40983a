"""A tally (kontaktstatistik): one simple contact counted in one click.

A contact centre takes tens of thousands of calls a month; most are answered on the spot
and never become a case. A tally records only what the statistics need: when, which
agent, the channel, the service area, whether it was a simple question, whether it was
answered directly and which FAQ helped. No personal data and no reference, by design:
there is nothing here that identifies the person who got in touch.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contactcentre.models.cases import Channel

# The channels an agent counts: the ones where a person answers (not the web or the API).
TALLY_CHANNELS = [
    (code, label)
    for code, label in Channel.choices
    if code in {Channel.PHONE, Channel.EMAIL, Channel.VISIT, Channel.CHAT, Channel.SMS, Channel.LETTER}
]


class Tally(models.Model):
    # Nothing in a tally is worth Wagtail's reference index.
    wagtail_reference_index_ignore = True

    created_at = models.DateTimeField(_("counted at"), default=timezone.now, db_index=True)
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("agent"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    channel = models.CharField(_("channel"), max_length=10, choices=TALLY_CHANNELS, default=Channel.PHONE)
    service_area = models.ForeignKey(
        "pages.ServiceArea",
        verbose_name=_("service area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    simple_question = models.BooleanField(_("simple question"), default=True)
    answered_directly = models.BooleanField(_("answered directly"), default=True)
    faq = models.ForeignKey(
        "pages.FAQ",
        verbose_name=_("FAQ used"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # "Needs follow-up": the case the contact became. The statistics count the contact once, here.
    case = models.OneToOneField(
        "contactcentre.Case",
        verbose_name=_("follow-up case"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tally",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("tally")
        verbose_name_plural = _("tallies")
        indexes = [
            # "Today's tallies" for an agent, and the statistics by channel over a period.
            models.Index(fields=["agent", "created_at"]),
            models.Index(fields=["channel", "created_at"]),
        ]

    def __str__(self):
        return f"{self.get_channel_display()} {self.created_at:%Y-%m-%d %H:%M}"
