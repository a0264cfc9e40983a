"""The contact centre's queue and statistics pages at 1 000 000 cases and 5 000 000 tallies (PostgreSQL).

Run from the project root (PostgreSQL on 127.0.0.1:5432, user postgres, trust auth)::

    .venv/bin/python bench/queue_statistics.py --fresh     # first time: create, migrate, seed, fill, time
    .venv/bin/python bench/queue_statistics.py             # again: top up if needed, then time

What it does:

1. ``--fresh``: drops and creates the database of ``--database-url`` (only a database whose
   name contains "bench"), then ``migrate`` and ``seed_demo``: areas, departments, the demo
   users, FAQs, about 300 cases and 2 000 tallies.
2. Fills the tables up to ``--cases`` cases (with their timelines) and ``--tallies`` tallies
   with server-side ``INSERT ... SELECT ... FROM generate_series(...)``, over the past three
   years, using the seeded areas, departments, committees, users and FAQs. Batches commit one
   by one, so an interrupted fill is topped up by the next run. Then ``VACUUM (ANALYZE)``.
3. Times, in-process with Django's test client (``DEBUG`` off, ``portal.settings.dev``), the
   queue (``/admin/arenden/``) as the demo ``agent`` and ``admin`` unfiltered and filtered
   (for the agent also ``/admin/arenden/results/``, what a filter change fetches), and the
   statistics page (``/admin/arenden/statistik/``) as ``admin`` for last month, last quarter
   and the last twelve months, with each of its CSV exports for the twelve months. Each URL:
   one warm-up request, then the median and p90 of ``--runs`` requests, and the SQL queries
   of one more request. Prints a Markdown table, the CPU share other programs used, and the
   command line.
4. For every URL slower than ``--slow-ms``, writes ``EXPLAIN (ANALYZE, BUFFERS)`` of its
   slowest query to ``bench/results/`` (not committed) and prints the path and a hint.

The data is load, not truth: due dates and working times are approximations in SQL of what
``contactcentre.service_levels`` computes (see ``docs/performance.md``). Only the database
named in ``--database-url`` is written; media files go to ``var/bench-statistics/``.
"""

import sys
from pathlib import Path

# Python puts the folder of the script it runs first on sys.path: keep bench/ off it, or
# ``bench/pages.py`` would stand in for the ``pages`` app.
if __name__ == "__main__":
    _bench = Path(__file__).resolve().parent
    sys.path[:] = [entry for entry in sys.path if entry and Path(entry).resolve() != _bench]

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import html  # noqa: E402
import math  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import re  # noqa: E402
import shlex  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
import unicodedata  # noqa: E402
from urllib.parse import urlencode, urljoin  # noqa: E402

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS_DIR = BASE_DIR / "bench" / "results"
MEDIA_DIR = BASE_DIR / "var" / "bench-statistics"
DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/kommunportal_bench_statistics"
QUEUE_URL = "/admin/arenden/"
# What the listing fetches when a filter changes: the table without the page around it.
QUEUE_RESULTS_URL = "/admin/arenden/results/"
STATISTICS_URL = "/admin/arenden/statistik/"
YEARS = 3
CASE_BATCH = 100_000
TALLY_BATCH = 500_000
TZ = "Europe/Stockholm"

# --- The mixes (weights, not exact shares) ---------------------------------------------------

CHANNELS = [("web", 45), ("phone", 30), ("email", 15), ("visit", 5), ("chat", 3), ("letter", 2)]
# Channels an agent works in office hours (the rest arrive around the clock).
OFFICE_CHANNELS = ("phone", "visit", "chat", "letter")
# Web cases: (e-service slug, weight, the area's menu digit, or None for the citizen's choice).
# Synpunkter och klagomål: 11 % of the web's 45 %, about 5 % of all cases.
ESERVICES = [
    ("felanmalan", 30, 4),
    ("fraga-kontaktcenter", 27, 9),
    ("synpunkter-och-klagomal", 11, None),
    ("forskoleplats", 12, 3),
    ("begar-ut-allman-handling", 10, 9),
    ("ring-upp-mig", 10, 9),
]
# Service areas by menu digit (the demo's talsvar weights).
AREAS = [(9, 32), (4, 26), (3, 16), (5, 10), (1, 8), (2, 8)]
# How often an agent logs a contact of a channel (the rest come to a department directly).
# With the web's contact-centre e-services, about 60 % of all cases are the contact centre's.
LOGGED_BY_AGENT = {"phone": 0.6, "email": 0.3, "visit": 0.8, "chat": 1.0, "letter": 0.2}
# An agent's case stays with the contact centre this often, else it is forwarded.
KEPT_BY_CONTACT_CENTRE = 0.7
# Of the cases kept and finished: resolved at first contact (about 45 % of all handled ones).
FIRST_CONTACT = 0.53
OPEN_STATUSES = [("new", 35), ("in_progress", 35), ("waiting", 10), ("forwarded", 20)]
# Agents: the demo's agent, agent2 and chef (a manager who takes a few calls).
AGENTS = [("agent", 50), ("agent2", 45), ("chef", 5)]
TALLY_AGENTS = [("agent", 45), ("agent2", 45), ("chef", 10)]
TALLY_CHANNELS = [("phone", 68), ("email", 12), ("visit", 9), ("chat", 6), ("sms", 3), ("letter", 2)]
# A calendar second per working second: 168 hours a week against 5 x 8.75 open hours.
CALENDAR_PER_WORKING = 168 / 43.75
WORKING_DAY_SECONDS = 8.75 * 3600

TITLES = [
    "Fråga om bygglov för altan",
    "Gatlampa släckt",
    "Hål i vägen",
    "Faktura för vatten och avlopp",
    "Plats i förskola",
    "Sophämtning har uteblivit",
    "Parkeringstillstånd",
    "Busskort för skolelev",
    "Hyra lokal i kulturhuset",
    "Färdtjänst",
    "Buller från byggarbete",
    "Synpunkt på snöröjningen",
    "Begäran om allmän handling",
    "Ring upp mig",
    "Fråga om hemtjänst",
    "Klotter på skolan",
]


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


class BenchError(Exception):
    """A failure that ends the run with a message (exit status 1)."""


# --- The environment and the database --------------------------------------------------------


def bench_environment(database_url, timeout_seconds):
    """The environment of this process and its children: dev settings with DEBUG off."""
    env = dict(os.environ)
    for name in ("CACHE_URL", "CSRF_TRUSTED_ORIGINS", "BEHIND_TLS_PROXY"):
        env.pop(name, None)  # local-memory cache, as bench/pages.py
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DEBUG": "0",  # DEBUG records every query: slow, and not what production does
            # Every timed request counts its numbers: the page's cache would time a dictionary look-up.
            "STATISTICS_CACHE_SECONDS": "0",
            "DATABASE_URL": database_url,
            "ALLOWED_HOSTS": "127.0.0.1",
            "MEDIA_ROOT": str(MEDIA_DIR / "media"),
            "STATIC_ROOT": str(MEDIA_DIR / "static"),  # whitenoise warns when it is missing
            "PRIVATE_MEDIA_ROOT": str(MEDIA_DIR / "private"),
            "LOG_LEVEL": "WARNING",
            # libpq: no statement of a page may run away with the machine (the fill lifts it).
            "PGOPTIONS": f"-c statement_timeout={int(timeout_seconds * 1000)}",
        }
    )
    return env


def database_settings(database_url):
    import dj_database_url

    config = dj_database_url.parse(database_url)
    if config["ENGINE"] != "django.db.backends.postgresql":
        raise BenchError(f"--database-url must be PostgreSQL, not {config['ENGINE']}")
    return config


def recreate_database(config):
    """Drop and create the bench database, connected to the server's ``postgres`` database."""
    import psycopg
    from psycopg import sql

    name = config["NAME"]
    if "bench" not in name or name in {"test", "postgres"}:
        raise BenchError(f"--fresh drops the database: refusing {name!r} (its name must contain 'bench')")
    with psycopg.connect(
        dbname="postgres",
        host=config.get("HOST") or None,
        port=config.get("PORT") or None,
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        autocommit=True,
    ) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    shutil.rmtree(MEDIA_DIR, ignore_errors=True)
    log(f"database {name} created")


def manage(env, *args):
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    if result.returncode != 0:
        raise BenchError(f"manage.py {args[0]} failed:\n{(result.stdout + result.stderr)[-3000:]}")
    log(f"manage.py {args[0]}: {time.monotonic() - started:.1f} s")


# --- SQL helpers ----------------------------------------------------------------------------


def pick(uniform, weights):
    """SQL: the 1-based index of the bucket the uniform number falls in, by ``weights``."""
    total = sum(weights)
    bound, whens = 0, []
    for index, weight in enumerate(weights[:-1], 1):
        bound += weight
        whens.append(f"WHEN {uniform} < {bound / total:.6f} THEN {index}")
    return f"(CASE {' '.join(whens)} ELSE {len(weights)} END)"


def add_working_days(day, days):
    """SQL: the weekday ``days`` working days after the weekday ``day`` (holidays ignored)."""
    return f"({day} + ({days}) + 2 * ((extract(isodow FROM {day})::int - 1 + ({days})) / 5))"


def closing(day):
    """SQL: 16.45 in Stockholm on ``day`` (the fallback schedule's closing time)."""
    return f"(({day} + time '16:45') AT TIME ZONE '{TZ}')"


def office_days_between(first, last):
    """Weekdays from ``first`` (a Monday) to ``last``, both included."""
    days = (last - first).days + 1
    return days // 7 * 5 + min(days % 7, 5)


# --- What the seed made: the ids the fill uses -------------------------------------------------


def read_catalogue():
    """Ids of the seeded areas, departments, committees, users and FAQs, as SQL array parameters."""
    from django.contrib.auth import get_user_model

    from wagtail.models import Locale

    from contactcentre.models import ContactCentreSettings, DepartmentGroup, ServiceLevel
    from contactcentre.models.service_levels import (
        DEFAULT_EMAIL_FIRST_RESPONSE_WORKING_DAYS,
        DEFAULT_FIRST_RESPONSE_WORKING_HOURS,
        DEFAULT_RESOLUTION_WORKING_DAYS,
    )
    from pages.models import FAQ, Department, ServiceArea

    locale = Locale.get_default()
    areas = {area.menu_digit: area for area in ServiceArea.objects.filter(locale=locale)}
    missing = [digit for digit, _ in AREAS if digit not in areas]
    if missing:
        raise BenchError(f"no service area with menu digit {missing}: run with --fresh (seed_demo)")
    centre = ContactCentreSettings.load().department
    if centre is None:
        raise BenchError("the contact centre's department is not set: run with --fresh (seed_demo)")
    users = {user.username: user.pk for user in get_user_model().objects.all()}
    for name in {name for name, _ in AGENTS + TALLY_AGENTS} | {"admin"}:
        if name not in users:
            raise BenchError(f"no demo user {name!r}: run with --fresh (seed_demo)")
    levels = {level.service_area_id: level for level in ServiceLevel.objects.all()}
    committees = dict(Department.objects.values_list("pk", "committee_id"))
    max_department = max(committees) if committees else 0
    # One case officer per department (the first member of its staff group), not for the centre.
    officers = [0] * max_department
    for link in DepartmentGroup.objects.select_related("group").order_by("pk"):
        member = link.group.user_set.order_by("pk").first()
        if member and link.department_id != centre.pk and not officers[link.department_id - 1]:
            officers[link.department_id - 1] = member.pk
    faqs, faq_start, faq_count = [], [], []
    ordered = [areas[digit] for digit, _ in AREAS]
    for area in ordered:
        ids = list(FAQ.objects.filter(service_area=area).order_by("pk").values_list("pk", flat=True))
        faq_start.append(len(faqs) + 1)
        faq_count.append(len(ids))
        faqs.extend(ids)

    def level(area, field, default):
        found = levels.get(area.pk)
        return getattr(found, field) if found else default

    slot_of_digit = {digit: index for index, (digit, _) in enumerate(AREAS, 1)}
    return {
        "area_ids": [area.pk for area in ordered],
        "area_departments": [area.default_department_id or centre.pk for area in ordered],
        "area_confidential": [area.confidential for area in ordered],
        "area_first_response_hours": [
            level(area, "first_response_working_hours", DEFAULT_FIRST_RESPONSE_WORKING_HOURS)
            for area in ordered
        ],
        "area_resolution_days": [
            level(area, "resolution_working_days", DEFAULT_RESOLUTION_WORKING_DAYS) for area in ordered
        ],
        "area_email_days": [
            level(area, "email_first_response_working_days", DEFAULT_EMAIL_FIRST_RESPONSE_WORKING_DAYS)
            for area in ordered
        ],
        "eservices": [slug for slug, _, _ in ESERVICES],
        "eservice_area_slots": [slot_of_digit.get(digit, 0) for _, _, digit in ESERVICES],
        "centre": centre.pk,
        "committees": [committees.get(pk) or 0 for pk in range(1, max_department + 1)],
        "officers": officers,
        "agents": [users[name] for name, _ in AGENTS],
        "tally_agents": [users[name] for name, _ in TALLY_AGENTS],
        "faqs": faqs or [0],
        "faq_start": faq_start,
        "faq_count": faq_count,
        "titles": TITLES,
        "first_names": _demo_names("FIRST_NAMES"),
        "last_names": _demo_names("LAST_NAMES"),
        "channels": [code for code, _ in CHANNELS],
        "open_statuses": [code for code, _ in OPEN_STATUSES],
        "tally_channels": [code for code, _ in TALLY_CHANNELS],
    }


def _demo_names(name):
    from demo import cases as demo

    return list(getattr(demo, name))


# --- The fill -----------------------------------------------------------------------------------

CASE_COLUMNS = """
    reference, run_id, token_salt, received_at, eservice, title, channel, language, confidential,
    status, priority, answers, form_snapshot, contact_name, contact_email, contact_phone,
    identity_verified, visitor_consent, resolved_at_first_contact, needs_attention, attention_reason,
    retain_until, created_at, updated_at, assignee_id, department_id, opened_by_id, service_area_id,
    committee_id, first_response_at, protected_identity, registry_number, resolved_at, resolved_faq_id,
    first_response_due, resolution_due, first_response_working_seconds, handled_by_contact_centre,
    resolution_working_seconds, working_day_1_ends, working_day_2_ends, first_contact_possible,
    statistics_category
"""


def case_sql():
    """One batch of cases, rows ``first``..``last`` of ``total`` spread in time order over the span.

    Each step is a CTE of its own so the later ones can use what the earlier computed; the first
    (with random()) is materialised by PostgreSQL, so every row keeps one draw of each number.
    """
    channel = pick("r_channel", [w for _, w in CHANNELS])
    eservice = pick("r_eservice", [w for _, w, _ in ESERVICES])
    area = pick("r_area", [w for _, w in AREAS])
    open_status = pick("r_status", [w for _, w in OPEN_STATUSES])
    agent = pick("r_agent", [w for _, w in AGENTS])
    logged = " ".join(f"WHEN '{code}' THEN {share}" for code, share in LOGGED_BY_AGENT.items())
    office = ", ".join(f"'{code}'" for code in OFFICE_CHANNELS)
    email_due = closing(add_working_days("wd1", "(%(area_email_days)s::int[])[a] - 1"))
    return f"""
WITH g AS (
    SELECT k, random() AS r_channel, random() AS r_eservice, random() AS r_area, random() AS r_agent,
           random() AS r_logged, random() AS r_kept, random() AS r_open, random() AS r_status,
           random() AS r_fcr, random() AS r_first, random() AS r_resolve, random() AS r_jitter,
           random() AS r_given, random() AS r_family, random() AS r_anon, random() AS r_title,
           random() AS r_faq, random() AS r_misc
    FROM generate_series(%(first)s::bigint, %(last)s::bigint) AS k
),
ch AS MATERIALIZED (
    SELECT g.*, (%(channels)s::text[])[{channel}] AS channel, {eservice} AS es,
           (k - 0.5) / %(total)s::float8 AS pos
    FROM g
),
ar AS MATERIALIZED (
    SELECT ch.*,
        CASE WHEN channel = 'web' THEN (%(eservices)s::text[])[es] ELSE '' END AS eservice,
        CASE WHEN channel = 'web' AND (%(eservice_area_slots)s::int[])[es] > 0
             THEN (%(eservice_area_slots)s::int[])[es] ELSE {area} END AS a,
        channel <> 'web' AND r_logged < (CASE channel {logged} ELSE 0 END) AS by_agent,
        CASE WHEN channel IN ({office}) THEN
            -- office channels: weekdays 08.00-16.45 in Stockholm
            least(
                (((%(monday)s::date + (floor(pos * %(office_days)s)::int / 5) * 7
                   + mod(floor(pos * %(office_days)s)::int, 5))
                  + make_interval(secs => 28800 + (pos * %(office_days)s - floor(pos * %(office_days)s))
                                          * 31500)) AT TIME ZONE '{TZ}'),
                %(now)s::timestamptz - interval '1 minute')
        ELSE
            least(%(start)s::timestamptz + make_interval(secs => pos * %(span)s + (r_jitter - 0.5) * 3600),
                  %(now)s::timestamptz - interval '1 minute')
        END AS received_at
    FROM ch
),
dep AS MATERIALIZED (
    SELECT ar.*,
        (%(area_confidential)s::boolean[])[a] AS confidential,
        CASE WHEN by_agent AND NOT (%(area_confidential)s::boolean[])[a] AND r_kept < {KEPT_BY_CONTACT_CENTRE}
             THEN %(centre)s::bigint ELSE (%(area_departments)s::bigint[])[a] END AS department_id,
        received_at AT TIME ZONE '{TZ}' AS local_at,
        extract(epoch FROM (%(now)s::timestamptz - received_at)) AS age
    FROM ar
),
st AS MATERIALIZED (
    SELECT dep.*,
        by_agent OR department_id = %(centre)s AS handled,
        -- a few thousand open: most of the last weeks' arrivals, a handful of stuck old ones
        r_open < CASE WHEN age > 30 * 86400 THEN 0.002
                      ELSE least(0.9, exp(-age / 86400 / 4.0)) END AS is_open,
        CASE WHEN local_at::time < time '08:00' THEN local_at::date ELSE local_at::date + 1 END AS day1
    FROM dep
),
st2 AS MATERIALIZED (
    SELECT st.*,
        CASE WHEN is_open THEN (%(open_statuses)s::text[])[{open_status}]
             WHEN r_status < (CASE WHEN age < 30 * 86400 THEN 0.6 ELSE 0.1 END) THEN 'resolved'
             ELSE 'closed' END AS status,
        NOT is_open AND handled AND department_id = %(centre)s AND r_fcr < {FIRST_CONTACT} AS fcr,
        day1 + CASE extract(isodow FROM day1)::int WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END AS wd1
    FROM st
),
tm AS MATERIALIZED (
    SELECT st2.*,
        CASE WHEN status = 'new' THEN NULL
             WHEN fcr THEN least(60 + r_first * 840, age * 0.9)
             ELSE least(power(r_first, 2) * 60000 * {CALENDAR_PER_WORKING}, age * 0.9) END AS first_s
    FROM st2
),
tm2 AS MATERIALIZED (
    SELECT tm.*,
        CASE WHEN is_open THEN NULL
             WHEN fcr THEN first_s
             ELSE greatest(first_s, least(first_s + power(r_resolve, 2) * 12 * {WORKING_DAY_SECONDS}
                                          * {CALENDAR_PER_WORKING}, age * 0.95)) END AS resolve_s,
        CASE WHEN status IN ('new', 'forwarded') THEN NULL
             WHEN department_id = %(centre)s THEN (%(agents)s::int[])[{agent}]
             ELSE nullif((%(officers)s::int[])[department_id::int], 0) END AS assignee_id,
        CASE WHEN by_agent THEN (%(agents)s::int[])[{agent}]
             WHEN channel = 'web' THEN NULL
             ELSE nullif((%(officers)s::int[])[department_id::int], 0) END AS opened_by_id,
        CASE WHEN r_anon < 0.08 THEN NULL
             ELSE (%(first_names)s::text[])[1 + floor(r_given * cardinality(%(first_names)s::text[]))::int]
        END AS given,
        (%(last_names)s::text[])[1 + floor(r_family * cardinality(%(last_names)s::text[]))::int] AS family
    FROM tm
)
INSERT INTO contactcentre_case ({CASE_COLUMNS})
SELECT
    'KC-' || extract(year FROM local_at)::int || '-' || lpad(k::text, 7, '0'),
    NULL,
    md5('bench-salt-' || k || '-' || r_misc),
    received_at,
    eservice,
    (%(titles)s::text[])[1 + floor(r_title * cardinality(%(titles)s::text[]))::int],
    channel,
    CASE WHEN r_misc < 0.05 THEN 'en' ELSE 'sv' END,
    confidential,
    status,
    CASE WHEN r_misc < 0.04 THEN 3 WHEN r_misc > 0.97 THEN 1 ELSE 2 END,
    '{{}}'::jsonb,
    '{{}}'::jsonb,
    coalesce(given || ' ' || family, ''),
    CASE WHEN given IS NOT NULL AND channel IN ('web', 'email')
         THEN lower(translate(given || '.' || family, 'åäöÅÄÖéü', 'aaoAAOeu')) || '@example.com'
         ELSE '' END,
    CASE WHEN channel = 'phone' OR eservice = 'ring-upp-mig'
         THEN '070-' || lpad(mod(k * 7919, 10000000)::text, 7, '0') ELSE '' END,
    false,
    channel = 'visit',
    CASE WHEN is_open THEN NULL ELSE fcr END,
    is_open AND r_misc > 0.995,
    CASE WHEN is_open AND r_misc > 0.995 THEN 'E-postmeddelandet kunde inte skickas' ELSE '' END,
    NULL,
    received_at,
    received_at + make_interval(secs => coalesce(resolve_s, first_s, 0)),
    assignee_id,
    department_id,
    opened_by_id,
    (%(area_ids)s::bigint[])[a],
    nullif((%(committees)s::bigint[])[department_id::int], 0),
    received_at + make_interval(secs => first_s),
    false,
    CASE WHEN eservice = 'begar-ut-allman-handling' OR (channel = 'letter' AND r_misc < 0.5)
         THEN 'KS/' || extract(year FROM local_at)::int || '/' || lpad(mod(k, 10000)::text, 4, '0')
         ELSE '' END,
    received_at + make_interval(secs => resolve_s),
    CASE WHEN fcr AND r_faq < 0.3 AND (%(faq_count)s::int[])[a] > 0
         THEN (%(faqs)s::bigint[])[(%(faq_start)s::int[])[a]
                                   + floor(r_faq / 0.3 * (%(faq_count)s::int[])[a])::int]
         END,
    CASE WHEN channel = 'email'
         THEN least(received_at + make_interval(secs => (%(area_first_response_hours)s::int[])[a] * 3600
                                                         * {CALENDAR_PER_WORKING}), {email_due})
         ELSE received_at + make_interval(secs => (%(area_first_response_hours)s::int[])[a] * 3600
                                                  * {CALENDAR_PER_WORKING}) END,
    {closing(add_working_days("wd1", "(%(area_resolution_days)s::int[])[a] - 1"))},
    CASE WHEN fcr THEN round(first_s) ELSE round(first_s / {CALENDAR_PER_WORKING}) END,
    handled,
    CASE WHEN fcr THEN round(resolve_s) ELSE round(resolve_s / {CALENDAR_PER_WORKING}) END,
    {closing("wd1")},
    {closing(add_working_days("wd1", "1"))},
    -- A call-back needs a second contact (eservices.registry); synpunkter are counted by kind.
    eservice <> 'ring-upp-mig',
    CASE WHEN eservice = 'synpunkter-och-klagomal'
         THEN (ARRAY['complaint', 'suggestion', 'praise'])[1 + floor(r_misc * 3)::int] ELSE '' END
FROM tm2
"""


# The timeline of the cases just added: received, forwarded, first reply, a citizen's message
# (some after our last reply, so the queue's "the citizen has written" shows), resolved, closed.
EVENT_SQL = """
INSERT INTO contactcentre_caseevent
    (kind, created_at, text, public, data, actor_id, case_id, description, direction)
SELECT kind, created_at, text, public, data, actor_id, case_id, '', direction FROM (
    SELECT 'created' AS kind, received_at AS created_at, '' AS text, true AS public, '{}'::jsonb AS data,
           opened_by_id AS actor_id, id AS case_id, 'incoming' AS direction
    FROM contactcentre_case WHERE id > %(after)s
    UNION ALL
    SELECT 'forwarded', received_at + (coalesce(first_response_at, received_at) - received_at) / 2,
           '', false, jsonb_build_object('to', department_id), opened_by_id, id, 'outgoing'
    FROM contactcentre_case
    WHERE id > %(after)s AND handled_by_contact_centre AND department_id <> %(centre)s
    UNION ALL
    SELECT 'reply', first_response_at, 'Tack för att du hörde av dig.', true, '{}'::jsonb,
           assignee_id, id, 'outgoing'
    FROM contactcentre_case WHERE id > %(after)s AND first_response_at IS NOT NULL
    UNION ALL
    SELECT 'citizen_message',
           first_response_at + (coalesce(resolved_at, %(now)s::timestamptz) - first_response_at)
                               * CASE WHEN resolved_at IS NULL THEN 0.7 ELSE 0.5 END,
           'Tack, jag har en följdfråga.', true, '{}'::jsonb, NULL, id, 'incoming'
    FROM contactcentre_case
    WHERE id > %(after)s AND first_response_at IS NOT NULL
      AND (mod(id, 10) = 0 OR (resolved_at IS NULL AND mod(id, 4) = 0))
    UNION ALL
    SELECT 'status_changed', resolved_at, '', false, '{"to": "resolved"}'::jsonb, assignee_id, id, 'working'
    FROM contactcentre_case WHERE id > %(after)s AND resolved_at IS NOT NULL
    UNION ALL
    SELECT 'status_changed', resolved_at + interval '2 days', '', false, '{"to": "closed"}'::jsonb,
           assignee_id, id, 'working'
    FROM contactcentre_case WHERE id > %(after)s AND status = 'closed'
) AS timeline
"""

# The "needs follow-up" tally of a phone, visit or chat contact an agent logged as a case.
LINKED_TALLY_SQL = """
INSERT INTO contactcentre_tally
    (created_at, channel, simple_question, answered_directly, agent_id, faq_id, service_area_id, case_id)
SELECT received_at, channel, false, false, opened_by_id, NULL, service_area_id, id
FROM contactcentre_case
WHERE id > %(after)s AND channel IN ('phone', 'visit', 'chat') AND opened_by_id = ANY(%(agents)s::int[])
  AND resolved_at_first_contact IS NOT TRUE AND mod(id, 4) = 0
"""


def tally_sql():
    agent = pick("r_agent", [w for _, w in TALLY_AGENTS])
    channel = pick("r_channel", [w for _, w in TALLY_CHANNELS])
    area = pick("r_area", [w for _, w in AREAS])
    return f"""
WITH g AS (
    SELECT k, (k - 0.5) / %(total)s::float8 * %(office_days)s AS b, random() AS r_agent,
           random() AS r_channel, random() AS r_area, random() AS r_simple, random() AS r_answered,
           random() AS r_faq
    FROM generate_series(%(first)s::bigint, %(last)s::bigint) AS k
),
t AS (
    SELECT g.*, {area} AS a, r_simple < 0.75 AS simple,
           r_answered < CASE WHEN r_simple < 0.75 THEN 0.84 ELSE 0.32 END AS answered
    FROM g
)
INSERT INTO contactcentre_tally
    (created_at, channel, simple_question, answered_directly, agent_id, faq_id, service_area_id, case_id)
SELECT
    least(((%(monday)s::date + (floor(b)::int / 5) * 7 + mod(floor(b)::int, 5))
           + make_interval(secs => 28800 + (b - floor(b)) * 31500)) AT TIME ZONE '{TZ}',
          %(now)s::timestamptz - interval '1 minute'),
    (%(tally_channels)s::text[])[{channel}],
    simple,
    answered,
    (%(tally_agents)s::int[])[{agent}],
    CASE WHEN answered AND r_faq < 0.35 AND (%(faq_count)s::int[])[a] > 0
         THEN (%(faqs)s::bigint[])[(%(faq_start)s::int[])[a]
                                   + floor(r_faq / 0.35 * (%(faq_count)s::int[])[a])::int]
         END,
    (%(area_ids)s::bigint[])[a],
    NULL
FROM t
"""


def span_parameters(now):
    """The three years the fill spreads rows over, and their weekdays for the office channels."""
    from django.utils import timezone

    start = now - dt.timedelta(days=365 * YEARS)
    first_day = timezone.localtime(start).date() + dt.timedelta(days=1)
    monday = first_day + dt.timedelta(days=(7 - first_day.weekday()) % 7)
    # Office channels end with the last finished office day, so nothing lands later today.
    local = timezone.localtime(now)
    last_day = local.date() if local.time() >= dt.time(16, 45) else local.date() - dt.timedelta(days=1)
    return {
        "now": now,
        "start": start,
        "span": (now - start).total_seconds(),
        "monday": monday,
        "office_days": office_days_between(monday, last_day),
    }


def scalar(cursor, query, params=None):
    cursor.execute(query, params)
    return cursor.fetchone()[0]


def fill(target_cases, target_tallies):
    """Top the cases (with timelines) and the tallies up to the targets; returns seconds taken."""
    from django.db import DatabaseError, connection, transaction
    from django.utils import timezone

    catalogue = read_catalogue()
    now = timezone.now()
    params = {**catalogue, **span_parameters(now)}
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 0")
        cursor.execute("SET synchronous_commit = off")
        cursor.execute("SET work_mem = '256MB'")
        try:
            # The foreign keys are DEFERRABLE INITIALLY DEFERRED: each inserted row queues a check
            # per key until commit. The ids come from the seeded tables, so skip the checks.
            cursor.execute("SET session_replication_role = replica")
        except DatabaseError:  # not a superuser: slower, still correct
            log("cannot skip foreign-key triggers (not a superuser); the fill will be slower")
        try:
            cases = scalar(cursor, "SELECT count(*) FROM contactcentre_case")
            bench_last = scalar(
                cursor,
                "SELECT coalesce(max(right(reference, 7)::int), 0) FROM contactcentre_case "
                "WHERE reference LIKE 'KC-____-_______'",
            )
            needed = max(0, target_cases - cases)
            total = bench_last + needed
            log(f"cases: {cases:,} there, {needed:,} to add")
            first = bench_last + 1
            while first <= total:
                last = min(first + CASE_BATCH - 1, total)
                batch_started = time.monotonic()
                with transaction.atomic():
                    after = scalar(cursor, "SELECT coalesce(max(id), 0) FROM contactcentre_case")
                    cursor.execute(case_sql(), {**params, "first": first, "last": last, "total": total})
                    cursor.execute(EVENT_SQL, {"after": after, "centre": params["centre"], "now": now})
                    cursor.execute(LINKED_TALLY_SQL, {"after": after, "agents": params["agents"]})
                seconds = time.monotonic() - batch_started
                log(f"cases {first:,}-{last:,} of {total:,} with their timelines: {seconds:.1f} s")
                first = last + 1

            tallies = scalar(cursor, "SELECT count(*) FROM contactcentre_tally")
            needed = max(0, target_tallies - tallies)
            log(f"tallies: {tallies:,} there, {needed:,} to add")
            first, total = tallies + 1, tallies + needed
            while first <= total:
                last = min(first + TALLY_BATCH - 1, total)
                batch_started = time.monotonic()
                with transaction.atomic():
                    cursor.execute(tally_sql(), {**params, "first": first, "last": last, "total": total})
                log(f"tallies {first:,}-{last:,}: {time.monotonic() - batch_started:.1f} s")
                first = last + 1
        finally:
            cursor.execute("RESET session_replication_role")
            cursor.execute("RESET work_mem")
            cursor.execute("RESET synchronous_commit")
        filled = time.monotonic() - started
        analysed = time.monotonic()
        # VACUUM as well as ANALYZE: autovacuum would do it in the next minutes and change the
        # plans (index-only scans need the visibility map) in the middle of the timings.
        cursor.execute("VACUUM (ANALYZE) contactcentre_case, contactcentre_caseevent, contactcentre_tally")
        log(f"VACUUM (ANALYZE): {time.monotonic() - analysed:.1f} s")
    return filled, time.monotonic() - analysed


def describe_data():
    """What the tables hold: the figures that matter for the timings, measured, not planned."""
    from django.db import connection
    from django.utils import timezone

    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT count(*),
                   count(*) FILTER (WHERE status NOT IN ('resolved', 'closed')),
                   count(*) FILTER (WHERE status = 'new'),
                   avg(handled_by_contact_centre::int),
                   avg(resolved_at_first_contact::int) FILTER (WHERE handled_by_contact_centre),
                   avg((eservice = 'synpunkter-och-klagomal')::int),
                   min(received_at), max(received_at),
                   count(*) FILTER (WHERE status NOT IN ('resolved', 'closed') AND (
                       (first_response_at IS NULL AND first_response_due < %(now)s)
                       OR resolution_due < %(now)s))
            FROM contactcentre_case
            """,
            {"now": timezone.now()},
        )
        total, open_, new, handled, fcr, synpunkter, oldest, newest, overdue = cursor.fetchone()
        cursor.execute(
            "SELECT channel, count(*) * 100.0 / sum(count(*)) OVER () FROM contactcentre_case "
            "GROUP BY 1 ORDER BY 2 DESC"
        )
        channels = ", ".join(f"{code} {share:.0f} %" for code, share in cursor.fetchall())
        cursor.execute(
            "SELECT count(*), avg((NOT answered_directly)::int), count(faq_id), count(case_id) "
            "FROM contactcentre_tally"
        )
        tallies, not_direct, with_faq, linked = cursor.fetchone()
        events = scalar(cursor, "SELECT count(*) FROM contactcentre_caseevent")
        cursor.execute(
            "SELECT relname, pg_size_pretty(pg_total_relation_size(oid)) FROM pg_class "
            "WHERE relname IN ('contactcentre_case', 'contactcentre_caseevent', 'contactcentre_tally') "
            "ORDER BY relname"
        )
        sizes = ", ".join(f"{name} {size}" for name, size in cursor.fetchall())
        settings = {}
        for name in ("server_version", "shared_buffers", "work_mem", "effective_cache_size"):
            settings[name] = scalar(cursor, f"SHOW {name}")
    n = number
    return [
        f"cases: {n(total)} ({oldest:%Y-%m-%d} to {newest:%Y-%m-%d}); open {n(open_)} (new {n(new)}, "
        f"overdue {n(overdue)}); handled by the contact centre {handled:.0%}, of those resolved at "
        f"first contact {fcr or 0:.0%}; synpunkter och klagomål {synpunkter:.1%}",
        f"channels: {channels}",
        f"case events: {n(events)}",
        f"tallies: {n(tallies)}; not answered directly {not_direct or 0:.0%}; with an FAQ {n(with_faq)}; "
        f"linked to a case {n(linked)}",
        f"sizes (with indexes): {sizes}",
        "PostgreSQL {server_version}, shared_buffers {shared_buffers}, work_mem {work_mem}, "
        "effective_cache_size {effective_cache_size}".format(**settings),
    ]


# --- The timings ---------------------------------------------------------------------------------


def last_periods(today):
    """Last full month, last full quarter, the last twelve full months: (label, from, to)."""
    month_end = today.replace(day=1) - dt.timedelta(days=1)
    month_start = month_end.replace(day=1)
    quarter_end = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1) - dt.timedelta(days=1)
    quarter_start = _add_months(quarter_end.replace(day=1), -2)
    year_start = _add_months(month_start, -11)
    return [
        ("last month", month_start, month_end),
        ("last quarter", quarter_start, quarter_end),
        ("last 12 months", year_start, month_end),
    ]


def _add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return day.replace(year=index // 12, month=index % 12 + 1, day=1)


def queue_targets(agent_area, department, reference, name):
    """(label, query string) of the queue's views, in the order of the table."""
    return [
        ("unfiltered, first page", {}),
        ("unfiltered, page 50", {"p": 50}),
        ("status: new", {"status": "new"}),
        ("status: open", {"status": "open"}),
        (f"area: {agent_area[1]}", {"service_area": agent_area[0]}),
        (f"department: {department[1]}", {"department": department[0]}),
        ("due: overdue", {"due": "overdue"}),
        ("assignee: mine", {"assignee": "mine"}),
        ("channel: phone", {"channel": "phone"}),
        ("search: a reference", {"q": reference}),
        ("search: a name", {"q": name}),
    ]


def nearest_rank(sorted_values, share):
    return sorted_values[max(0, math.ceil(share * len(sorted_values)) - 1)]


def _drain(response):
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
        response.close()
        return body
    return response.content


def measure(client, url, runs):
    """Warm up, time ``runs`` requests, then count the queries of one more."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    warm = client.get(url)
    body = _drain(warm)
    if warm.status_code != 200:
        return {"status": warm.status_code, "body": body}
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        _drain(response)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            return {"status": response.status_code, "body": b""}
    with CaptureQueriesContext(connection) as captured:
        _drain(client.get(url))
    queries = captured.captured_queries
    slowest = max(queries, key=lambda query: float(query["time"]), default=None)
    times.sort()
    return {
        "status": 200,
        "body": body,
        "median": statistics.median(times),
        "p90": nearest_rank(times, 0.9),
        "queries": len(queries),
        "slowest_sql": slowest["sql"] if slowest else "",
        "slowest_ms": float(slowest["time"]) * 1000 if slowest else 0.0,
    }


# What the plans of the slow queries showed at 1 000 000 cases, and what would help. First match wins.
HINTS = [
    (
        lambda sql, plan: "NOT (SubPlan" in plan,
        "NOT IN (subquery) over most of the table: too large for work_mem to hash, so PostgreSQL "
        "scans the subquery again for every row. No index helps: write the condition itself "
        "negated (or NOT EXISTS) instead of excluding pk__in=<queryset>",
    ),
    (
        lambda sql, plan: "LIKE UPPER(" in sql and "contactcentre_case" in sql,
        "substring search (icontains) on reference, registry number and name reads every case: "
        "trigram indexes (CREATE EXTENSION pg_trgm; GIN on UPPER(reference), UPPER(registry_number) "
        "and UPPER(contact_name) with gin_trgm_ops); and a query shaped like a reference "
        "(KC-YYYY-NNNNNN) looked up by equality on the unique index",
    ),
    (
        lambda sql, plan: sql.lstrip().upper().startswith("SELECT COUNT(*)") and "Seq Scan" in plan,
        "the paginator's COUNT(*) reads every visible case: no index makes counting most of a "
        "table cheap; count open cases only, cap the count, or show an estimate",
    ),
    (
        lambda sql, plan: "GROUP BY" in sql and re.search(r"rows=\d{6,} loops", plan) is not None,
        "an aggregate over hundreds of thousands of rows, one of several over the same rows per "
        "request: no index removes the work; one GROUP BY per table for all of the page's "
        "breakdowns, a daily summary table, or a cache per period",
    ),
    (
        lambda sql, plan: "external merge" in plan,
        "the sort spills to disk: an index in the ORDER BY order, or more work_mem",
    ),
    (
        lambda sql, plan: "Seq Scan on contactcentre_" in plan,
        "a table read in full: an index leading with the filtered column (then received_at)",
    ),
]


def hint(sql, plan):
    found = [text for test, text in HINTS if test(sql, plan)]
    return found[0] if found else "see the plan"


def explain(sql, path):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)  # no parameters: % stays as it is
        plan = "\n".join(row[0] for row in cursor.fetchall())
    path.write_text(f"-- {sql}\n\n{plan}\n")
    return plan


def slug(text):
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:60]


def statistics_csv_urls(page_url, body):
    """The statistics page's CSV links (one per table), as the page writes them."""
    found = []
    for href in re.findall(rb'href="([^"]+)"', body):
        url = urljoin(page_url, html.unescape(href.decode()))
        if (
            url.startswith(STATISTICS_URL)
            and re.search(r"csv|export", url, re.IGNORECASE)
            and url not in found
        ):
            found.append(url)
    return found


def run_timings(args, stamp):
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from wagtail.models import Locale

    from pages.models import Department, ServiceArea

    if settings.DEBUG:
        raise BenchError("DEBUG is on: queries would be recorded and the timings meaningless")
    users = {user.username: user for user in get_user_model().objects.filter(username__in=["agent", "admin"])}
    locale = Locale.get_default()
    area = ServiceArea.objects.filter(locale=locale, menu_digit=4).first()
    department = Department.objects.filter(locale=locale, name="Teknik").first() or Department.objects.first()
    with connection.cursor() as cursor:
        # A bench case from the middle of the span, and a name as common as most.
        cursor.execute(
            "SELECT reference, contact_name FROM contactcentre_case "
            "WHERE id >= (SELECT (min(id) + max(id)) / 2 FROM contactcentre_case) "
            "AND contact_name <> '' AND NOT confidential ORDER BY id LIMIT 1"
        )
        row = cursor.fetchone() or ("KC-2026-000001", "Anna Andersson")
    reference, name = row
    targets = queue_targets((area.pk, area.name), (department.pk, department.name), reference, name)
    rows, slow = [], []

    def record(label, username, url, result):
        result.update({"label": label, "user": username, "url": url})
        rows.append(result)
        if result["status"] == 200:
            log(f"{username} {url}: median {result['median']:.0f} ms, {result['queries']} queries")
        else:
            log(f"{username} {url}: HTTP {result['status']}")
        if result["status"] == 200 and result["median"] > args.slow_ms and result["slowest_sql"]:
            slow.append(result)

    # The agent's results-only URL leaves out the page around the table (the "logged by you,
    # handed over" box of confidential cases): what a filter change costs.
    for username, base, what in [
        ("agent", QUEUE_URL, "queue"),
        ("agent", QUEUE_RESULTS_URL, "queue results only"),
        ("admin", QUEUE_URL, "queue"),
    ]:
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(users[username])
        for label, query in targets:
            url = base + (f"?{urlencode(query)}" if query else "")
            record(f"{what}, {label}", username, url, measure(client, url, args.runs))

    statistics_available = False
    # A page being written may fail: report its status instead of stopping the run.
    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    client.force_login(users["admin"])
    periods = last_periods(timezone.localdate())
    for label, start, end in periods:
        url = f"{STATISTICS_URL}?{urlencode({'from': start.isoformat(), 'to': end.isoformat()})}"
        result = measure(client, url, args.runs)
        record(f"statistics, {label}", "admin", url, result)
        statistics_available = statistics_available or result["status"] == 200
        # Each table's CSV, for the longest period only: the table stays readable.
        if result["status"] == 200 and label == periods[-1][0]:
            for csv_url in statistics_csv_urls(url, result["body"]):
                key = re.search(r"csv=([\w-]+)", csv_url)
                csv_label = f"statistics CSV {key.group(1) if key else csv_url}, {label}"
                record(csv_label, "admin", csv_url, measure(client, csv_url, args.runs))

    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    for result in slow:
        path = RESULTS_DIR / f"statistics-{stamp}-{result['user']}-{slug(result['label'])}.txt"
        plan = explain(result["slowest_sql"], path)
        result["explain"] = path
        result["hint"] = hint(result["slowest_sql"], plan)
    return rows, slow, statistics_available


def number(value):
    """1 000 000, as the docs write numbers."""
    return f"{value:,}".replace(",", " ")


def format_ms(value):
    return f"{value:,.0f} ms".replace(",", " ") if value >= 10 else f"{value:.1f} ms"


def render_table(rows):
    out = [
        "| what | user | URL | median | p90 | SQL queries | slowest query |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        if row["status"] != 200:
            status = "not available" if row["label"].startswith("statistics") else "failed"
            cells = [row["label"], row["user"], f"`{row['url']}`", f"{status} (HTTP {row['status']})"]
            out.append("| " + " | ".join(cells) + " | – | – | – |")
            continue
        out.append(
            f"| {row['label']} | {row['user']} | `{row['url']}` | {format_ms(row['median'])} "
            f"| {format_ms(row['p90'])} | {row['queries']} | {format_ms(row['slowest_ms'])} |"
        )
    return "\n".join(out)


def cpu_busy(seconds=2.0):
    """Share of all cores busy over SECONDS (Linux /proc/stat), or None elsewhere.

    Taken before timing, it is the load of other programs: the timings are absolute, so a
    busy machine makes them longer."""

    def sample():
        with open("/proc/stat") as stat:
            values = [int(value) for value in stat.readline().split()[1:]]
        return sum(values), values[3] + (values[4] if len(values) > 4 else 0)

    try:
        total_a, idle_a = sample()
        time.sleep(seconds)
        total_b, idle_b = sample()
    except (OSError, ValueError, IndexError):
        return None
    total = total_b - total_a
    return None if total <= 0 else 1 - (idle_b - idle_a) / total


def source_version():
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=BASE_DIR, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(["git", "diff", "--quiet", "HEAD", "--"], cwd=BASE_DIR, check=False).returncode
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return commit + (" + uncommitted changes" if dirty else "")


# --- Main ------------------------------------------------------------------------------------


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fresh", action="store_true", help="drop and create the database, migrate, seed")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL, help=f"({DEFAULT_DATABASE_URL})")
    parser.add_argument("--cases", type=int, default=1_000_000, help="cases to fill up to (1 000 000)")
    parser.add_argument("--tallies", type=int, default=5_000_000, help="tallies to fill up to (5 000 000)")
    parser.add_argument("--runs", type=int, default=7, help="timed requests per URL after a warm-up (7)")
    parser.add_argument("--slow-ms", type=float, default=500, help="EXPLAIN what is slower than this (500)")
    parser.add_argument(
        "--timeout", type=float, default=120, help="statement timeout while timing, seconds (120)"
    )
    parser.add_argument("--no-fill", action="store_true", help="time what is there; do not top up")
    parser.add_argument("--fill-only", action="store_true", help="fill, do not time")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    python = Path(sys.executable)
    python = python.relative_to(BASE_DIR).as_posix() if python.is_relative_to(BASE_DIR) else str(python)
    command = shlex.join([python, "bench/queue_statistics.py", *(sys.argv[1:] if argv is None else argv)])
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        config = database_settings(args.database_url)
        env = bench_environment(args.database_url, args.timeout)
        os.environ.update(env)
        if args.fresh:
            recreate_database(config)
        (MEDIA_DIR / "static").mkdir(parents=True, exist_ok=True)
        # Every run: the checkout may have gained migrations since the database was filled.
        manage(env, "migrate", "--noinput", "-v", "0")
        if args.fresh:
            manage(env, "seed_demo", "--quiet")
        sys.path.insert(0, str(BASE_DIR))
        import django

        django.setup()
        fill_seconds = analyse_seconds = None
        if not args.no_fill:
            fill_seconds, analyse_seconds = fill(args.cases, args.tallies)
            log(f"fill: {fill_seconds:.0f} s, VACUUM (ANALYZE): {analyse_seconds:.0f} s")
        data = describe_data()
        busy = busy_after = None
        if args.fill_only:
            rows, slow, statistics_available = [], [], False
        else:
            busy = cpu_busy()
            rows, slow, statistics_available = run_timings(args, stamp)
            busy_after = cpu_busy()
    except BenchError as error:
        print(f"\nbench failed: {error}", file=sys.stderr)
        return 1

    print()
    print(f"The queue and the statistics page on PostgreSQL (database {config['NAME']}).")
    print()
    print(f"- command: `{command}`")
    print(f"- date: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; source: {source_version()}")
    print(f"- machine: {os.cpu_count()} cores; Python {platform.python_version()} ({platform.platform()})")
    if fill_seconds is not None:
        print(f"- fill: {fill_seconds:.0f} s, then VACUUM (ANALYZE) {analyse_seconds:.0f} s")
    for line in data:
        print(f"- {line}")
    if busy is not None and busy_after is not None:
        print(
            f"- other programs kept {busy:.0%} of the CPU busy just before the timings and "
            f"{busy_after:.0%} just after (the timings are absolute: a busy machine lengthens them)"
        )
    if rows:
        print(
            f"- each URL: one warm-up request, then {args.runs} timed (median; p90 by nearest rank), "
            "in-process with Django's test client, DEBUG off; SQL queries of one more request"
        )
        print()
        print(render_table(rows))
        if not statistics_available:
            print()
            print(f"The statistics page ({STATISTICS_URL}) is not available yet: run again once it is.")
        if slow:
            print()
            print(f"Slower than {args.slow_ms:.0f} ms: EXPLAIN (ANALYZE, BUFFERS) of the slowest query")
            for result in slow:
                print(
                    f"- {result['user']}, {result['label']} ({format_ms(result['slowest_ms'])}): "
                    f"{result['explain'].relative_to(BASE_DIR)}\n  {result['hint']}"
                )
    return 1 if any(row["status"] != 200 and row["label"].startswith("queue") for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
