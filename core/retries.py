"""Retries for background tasks: django-tasks 0.12 has none of its own, so a task re-enqueues itself."""

import datetime as dt

from django.utils import timezone

from core.enqueue import enqueue

MAX_ATTEMPTS = 5


def retry_delay(attempt: int) -> dt.timedelta:
    """1, 4, 16, 64 minutes: long enough for a mail server to come back."""
    return dt.timedelta(minutes=4 ** (attempt - 1))


def retry_later(task_, object_id: int, attempt: int) -> bool:
    """Enqueue the next attempt after a back-off; False once the attempts are used up.

    Each e-mail task calls this on failure, with its own task and the id it was given.
    """
    if attempt >= MAX_ATTEMPTS:
        return False
    enqueue(task_.using(run_after=timezone.now() + retry_delay(attempt)), object_id, attempt + 1)
    return True
