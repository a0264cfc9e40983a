"""Enqueue a background task so that no worker can run it before its data is committed.

With the database backend (django-tasks-db) the task is a row in the same database: enqueued
inside the transaction, it commits with the case or not at all, which is what we want. A
queue outside the database (django-tasks-rq on Redis) would hand the task to a worker on
another machine at once, before the case it names is committed (the worker finds no case)
or even when the transaction is then rolled back (an e-mail about a case that never was).
There the task is enqueued on commit instead, and a rolled-back transaction enqueues nothing.
"""

from django.db import transaction

from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db.backend import DatabaseBackend


def enqueue(task, *args, **kwargs):
    """``task.enqueue(*args, **kwargs)``, on commit unless the task commits with the data.

    Returns the task result when it was enqueued now, ``None`` when it waits for the commit.
    The immediate backend (tests) runs the task at once, as before.
    """
    backend = task.get_backend()
    if isinstance(backend, DatabaseBackend | ImmediateBackend):
        return task.enqueue(*args, **kwargs)
    # Not robust: a Redis that is down raises after the commit, so the request fails loudly and
    # the error is logged, instead of a task lost in silence.
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs))
    return None
