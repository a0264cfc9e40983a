"""Wagtail's reference index ("Usage") for the rows inline on a page, updated through their page.

Wagtail queues one ``update_reference_index_task`` per saved row, the inline rows of a page
(its FAQ, its blanketter) included, with the row's id. modelcluster and wagtail-localize replace
those rows whenever the page is saved or a translation synced, so by the time the worker runs
the task the row is gone and the task fails (94 failed tasks for one translated demo tree).
The page's own task indexes its inline rows too, so a saved inline row queues its page's task,
once the transaction has committed, instead of its own.
"""

from django.db import transaction
from django.db.models.signals import post_migrate, post_save

from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import reference_index_auto_update_disabled, update_reference_index_on_save
from wagtail.tasks import update_reference_index_task

from modelcluster.fields import ParentalKey


def inline_models():
    """The models Wagtail tracks only as rows of another (through a ParentalKey)."""
    return [model for model in ReferenceIndex.tracked_models if model not in ReferenceIndex.indexed_models]


def parent_of(instance):
    """The object whose index holds ``instance``'s references: its page, through nested rows."""
    while instance is not None:
        keys = [field for field in instance._meta.get_fields() if isinstance(field, ParentalKey)]
        if not keys:
            return instance
        instance = getattr(instance, keys[0].name, None)
    return None


def index_parent_on_save(sender, instance, raw=False, **kwargs):
    if raw or getattr(reference_index_auto_update_disabled, "value", False):
        return
    parent = parent_of(instance)
    if parent is None or parent.pk is None:
        return
    meta = parent._meta
    transaction.on_commit(
        lambda: update_reference_index_task.enqueue(meta.app_label, meta.model_name, str(parent.pk))
    )


def route_inline_rows_through_their_page(**kwargs):
    """Replace Wagtail's handler for inline rows; again after a migration, which reconnects it."""
    for model in inline_models():
        post_save.disconnect(update_reference_index_on_save, sender=model)
        post_save.connect(
            index_parent_on_save, sender=model, dispatch_uid=f"index_parent_{model._meta.label}"
        )


def connect():
    """From ``CoreConfig.ready``, which runs after Wagtail's (core follows wagtail in INSTALLED_APPS)."""
    route_inline_rows_through_their_page()
    post_migrate.connect(
        route_inline_rows_through_their_page, dispatch_uid="route_inline_rows_through_their_page"
    )
