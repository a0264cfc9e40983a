"""How far citizens get in each e-service: runs started, reaching each step, and sent, per day.

Drop-off statistics without personal data: a row holds only an e-service's slug, a step's
machine name, a day and a count. No run id, session key, address or answer is stored; the
wizard remembers which steps of a run it has counted in the citizen's own session, so a
reload or a step back is not counted twice.
"""

import datetime as dt

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    STARTED = "started", _("Runs started")
    STEP = "step", _("Reached a step")
    SENT = "sent", _("Runs sent")


class StepCount(models.Model):
    # Nothing here is worth Wagtail's reference index.
    wagtail_reference_index_ignore = True

    eservice = models.CharField(_("e-service"), max_length=80)  # as on Case.eservice
    day = models.DateField(_("day"))
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices, default=Stage.STEP)
    step = models.CharField(_("step"), max_length=100, blank=True)  # blank when started or sent
    # The step's place in its e-service (1 for the first), so the statistics list the steps in
    # order without asking eservices; the latest run's place wins after an editor moves a step.
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    runs = models.PositiveIntegerField(_("runs"), default=0)

    class Meta:
        verbose_name = _("e-service step count")
        verbose_name_plural = _("e-service step counts")
        constraints = [
            models.UniqueConstraint(fields=["eservice", "stage", "step", "day"], name="unique_step_count")
        ]
        indexes = [models.Index(fields=["day", "eservice"])]

    def __str__(self):
        return f"{self.eservice} {self.step or self.stage} {self.day}: {self.runs}"


def count(eservice_slug: str, stage: str, step: str = "", position: int = 0, day: dt.date | None = None):
    """One more run on this row; concurrent runs add up (an F() update, the row made once)."""
    day = day or timezone.localdate()
    key = {"eservice": eservice_slug, "stage": stage, "step": step, "day": day}
    if StepCount.objects.filter(**key).update(runs=F("runs") + 1, position=position):
        return
    _row, created = StepCount.objects.get_or_create(**key, defaults={"runs": 1, "position": position})
    if not created:  # another request made the row between the update and here
        StepCount.objects.filter(**key).update(runs=F("runs") + 1, position=position)


def count_started(eservice_slug: str, day: dt.date | None = None):
    count(eservice_slug, Stage.STARTED, day=day)


def count_step(eservice_slug: str, step: str, position: int = 0, day: dt.date | None = None):
    count(eservice_slug, Stage.STEP, step, position, day)


def count_sent(eservice_slug: str, day: dt.date | None = None):
    count(eservice_slug, Stage.SENT, day=day)
