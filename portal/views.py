"""Project-level views: the health and readiness checks."""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from portal import readiness


@require_safe
@never_cache
def healthz(request):
    """200 when the database answers, 503 when it does not: for load balancers and monitors."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
@never_cache
def readyz(request):
    """200 when this server may take traffic, 503 naming the check that failed (portal/readiness.py)."""
    checks = readiness.run_checks()
    ready = all(result == "ok" for result in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "error", "checks": checks}, status=200 if ready else 503
    )
