"""Is this app server ready for traffic? The checks behind ``/readyz``.

``/healthz`` answers "is the process alive and does the database answer" (liveness);
``/readyz`` also asks whether this release's migrations are applied, whether the task
workers keep up and whether the cache answers. Each check returns ``None`` when fine and a
short reason otherwise: names and counts only, never anything from a case.
"""

import datetime as dt

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Q
from django.utils import timezone

from django_tasks import task_backends


def database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "unavailable"
    return None


def migrations():
    """A new release's code on an old schema answers errors: not ready until ``migrate`` ran."""
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        return "unavailable"
    return f"{len(plan)} unapplied" if plan else None


def _waiting_too_long_db(cutoff, limit):
    from django_tasks_db.models import DBTaskResult, get_date_max

    # Due since before the cutoff: enqueued then without a run_after, or a retry due then.
    due_long_ago = Q(run_after=get_date_max(), enqueued_at__lt=cutoff) | Q(run_after__lt=cutoff)
    return DBTaskResult.objects.ready().filter(due_long_ago).values("pk")[: limit + 1].count()


def _waiting_too_long_rq(backend, cutoff, limit):
    import django_rq

    waiting = 0
    for name in sorted(backend.queues):
        queue = django_rq.get_queue(name)
        # A queue is first in, first out: its first jobs waited longest.
        for job in queue.get_jobs(0, limit + 1):
            if job.enqueued_at is not None and job.enqueued_at.replace(tzinfo=dt.UTC) < cutoff:
                waiting += 1
    return waiting


def tasks():
    """More than TASKS_BACKLOG_MAX tasks ready for TASKS_BACKLOG_MINUTES: the workers are down or behind."""
    backend = task_backends["default"]
    cutoff = timezone.now() - dt.timedelta(minutes=settings.TASKS_BACKLOG_MINUTES)
    limit = settings.TASKS_BACKLOG_MAX
    try:
        if type(backend).__module__.startswith("django_tasks_rq"):
            waiting = _waiting_too_long_rq(backend, cutoff, limit)
        elif type(backend).__module__.startswith("django_tasks_db"):
            waiting = _waiting_too_long_db(cutoff, limit)
        else:
            return None  # the immediate and dummy backends keep no queue
    except Exception:  # Redis down, say: the backlog cannot be known, so not ready
        return "unavailable"
    return f"backlog over {limit}" if waiting > limit else None


def cache():
    """Only with CACHE_URL: sessions, rate limits and the page cache live there."""
    if not settings.CACHE_URL:
        return None
    try:
        store = caches["default"]
        store.set("readyz", "1", 10)
        if store.get("readyz") != "1":
            return "not storing"
    except Exception:
        return "unavailable"
    return None


CHECKS = {"database": database, "migrations": migrations, "tasks": tasks, "cache": cache}


def run_checks() -> dict[str, str]:
    """Each check's name with "ok" or its reason; the database first, since the others need it."""
    results = {"database": database() or "ok"}
    for name, check in CHECKS.items():
        if name == "database":
            continue
        if results["database"] != "ok" and name in {"migrations", "tasks"}:
            results[name] = "not checked"
            continue
        results[name] = check() or "ok"
    return results
