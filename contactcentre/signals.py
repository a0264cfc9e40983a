"""Open cases follow their targets: a changed service level or phone opening hours recounts their due dates.

The recount runs as a background task once the change is committed (the opening hours'
rows are saved after the snippet itself), so saving in the admin stays fast.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from contactcentre.models import ServiceLevel
from contactcentre.tasks import recompute_open_due_dates
from pages.models import OpeningHours


def _recount(area_translation_key=""):

    transaction.on_commit(lambda: recompute_open_due_dates.enqueue(area_translation_key))


def service_level_changed(sender, instance, **kwargs):
    try:
        _recount(str(instance.service_area.translation_key))
    except ObjectDoesNotExist:  # the area itself is being deleted: recount every open case
        _recount()


def opening_hours_changed(sender, instance, **kwargs):
    if instance.channel == instance.PHONE:  # the contact centre's working time (working_hours.py)
        _recount()


def connect():

    for name, signal in (("save", post_save), ("delete", post_delete)):
        signal.connect(service_level_changed, sender=ServiceLevel, dispatch_uid=f"recount.level.{name}")
        signal.connect(opening_hours_changed, sender=OpeningHours, dispatch_uid=f"recount.hours.{name}")
