"""The in-process half of ``bench/run``: run by ``bench/runner.py`` in a child process whose
environment is the site's (settings, database), it prints one ``BENCH-INPROCESS`` JSON line.

    python -m bench.inprocess site           the paths to load and the SQL queries of each page
    python -m bench.inprocess queue RUNS     the staff queue's p50 and p99 over RUNS requests

Both use Django's test client: no server, no network. Pages are counted as a new anonymous
visitor's second request (start-up caches such as the site's root paths warm), with the page
cache off (the runner sets ``PAGE_CACHE_SECONDS=0`` here).
"""

import json
import statistics
import sys
import time

from bench.queue_statistics import _drain

MARKER = "BENCH-INPROCESS "
HOST = "127.0.0.1"
QUEUE_PATH = "/admin/arenden/"
QUEUE_USER = "agent"  # the demo's kommunvägledare: the queue's everyday user
ESERVICE = "fraga-kontaktcenter"
SEARCH_PATH = "/sok/?q=bygglov"


def site():
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from wagtail.models import Locale

    from eservices.models import EServicePage
    from pages import models as m

    locale = Locale.get_default()

    def first_live(model, **filters):
        page = model.objects.live().filter(locale=locale, **filters).order_by("path").first()
        return page.get_url() if page else None

    eservice = first_live(EServicePage, eservice_slug=ESERVICE)
    paths = {
        "static": staticfiles_storage.url("css/portal.css"),
        "home": first_live(m.HomePage),
        "service": first_live(m.ServicePage, slug="bygglov") or first_live(m.ServicePage),
        "contact": first_live(m.ContactCentrePage),
        "search": SEARCH_PATH,
        "eservice": eservice,
    }
    client = Client(HTTP_HOST=HOST)
    queries = {}
    for key in ("home", "service", "contact", "search"):
        if paths[key] is None:
            continue
        _drain(client.get(paths[key]))
        client.cookies.clear()  # every visitor of the load is new and anonymous
        with CaptureQueriesContext(connection) as captured:
            response = client.get(paths[key])
            _drain(response)
        client.cookies.clear()
        queries[key] = len(captured.captured_queries) if response.status_code == 200 else None
    return {"paths": paths, "queries": queries}


def queue(runs):
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from bench.report import nearest_rank
    from contactcentre.models import Case

    if settings.DEBUG:
        raise SystemExit("DEBUG is on: every query would be recorded and the timings meaningless")
    user = get_user_model().objects.get(username=QUEUE_USER)
    # Staff who handle cases need a second factor: sign in as if the code had been given.
    device, _created = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    warm = client.get(QUEUE_PATH)
    _drain(warm)
    if warm.status_code != 200:
        raise SystemExit(f"{QUEUE_PATH} answered {warm.status_code} to {QUEUE_USER}")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(QUEUE_PATH)
        _drain(response)
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as captured:
        _drain(client.get(QUEUE_PATH))
    times.sort()
    return {
        "path": QUEUE_PATH,
        "user": QUEUE_USER,
        "cases": Case.objects.count(),
        "runs": runs,
        "p50_ms": statistics.median(times),
        "p99_ms": nearest_rank(times, 0.99),
        "queries": len(captured.captured_queries),
    }


def main(argv):
    import django

    django.setup()
    if argv[0] == "site":
        result = site()
    elif argv[0] == "queue":
        result = queue(int(argv[1]))
    else:
        raise SystemExit(f"unknown command {argv[0]!r}")
    print(MARKER + json.dumps(result), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
