"""Site searches that found nothing, counted per day: what citizens look for and do not find.

Only the words are kept, never who searched. Digit runs that could be a personnummer, a
phone number or a case reference are masked before anything is stored, and the periodic
job ``prune_search_misses`` deletes days older than ``KEEP_DAYS``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

KEEP_DAYS = 400  # a year and a bit: this quarter against the same quarter last year


class SearchMiss(models.Model):
    day = models.DateField(_("day"), db_index=True)
    language = models.CharField(_("language"), max_length=10)
    query = models.CharField(_("search words"), max_length=100)
    hits = models.PositiveIntegerField(_("searches"), default=1)

    class Meta:
        ordering = ["-day", "-hits"]
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(fields=["day", "language", "query"], name="one_search_miss_per_day")
        ]

    def __str__(self):
        return f"{self.day} {self.query} ({self.hits})"
