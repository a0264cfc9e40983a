"""``bench/run``: the whole benchmark in one run, on PostgreSQL, with the production settings.

Run from the project root (``bench/run`` does, after installing what is missing)::

    .venv/bin/python -m bench.runner            # about 15 minutes the first time, 6 after
    .venv/bin/python -m bench.runner --quick    # a smoke test: 2 s loads, 10 000 cases

1. Databases on 127.0.0.1:5432 (user ``postgres``): ``kommunportal_bench``, the demo site
   (``migrate``, ``seed_demo``) topped up to 1 000 cases, kept between runs; a copy of it per
   run (``kommunportal_bench_run``) that the servers use, since the loads add cases; a copy
   filled to 1 000 000 cases (``kommunportal_bench_1000000``, kept: the fill takes minutes);
   and ``kommunportal_bench_vanilla`` for a vanilla ``wagtail start`` project in
   ``var/bench/vanilla``, built with the same Wagtail.
2. In-process (``bench/inprocess.py``): the pages' paths and SQL queries, and the staff queue's
   p50 and p99 at 1 000 and at 1 000 000 cases.
3. Three gunicorn servers, 2 sync workers each, on free ports of 127.0.0.1: the portal with
   ``bench.settings`` (the production settings, the API's submission limit raised) and the page
   cache in Redis; the same with the page cache off (``PAGE_CACHE_SECONDS=0``); the vanilla project.
4. wrk (``-t2 -c16 -d10s`` after a 2 s warm-up; ``bench/lua/load.lua`` for methods, bodies,
   cookies and the JSON summary) on each load of ``loads()``, one after the other, the static
   file again at the end to show drift.
5. ``bench/report.py``: the targets as ratios, ``bench/results/<timestamp>.json`` and, on a full
   run, the top section of ``docs/performance.md``.

Only 127.0.0.1 is contacted. Exit status 0 when every load answered as expected (targets may
be missed: that is a finding, not a failure), 1 otherwise.
"""

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from bench import report
from bench.queue_statistics import cpu_busy

BASE_DIR = Path(__file__).resolve().parent.parent
VAR = BASE_DIR / "var" / "bench"
LUA = BASE_DIR / "bench" / "lua" / "load.lua"
RESULTS_DIR = BASE_DIR / "bench" / "results"
DOCUMENT = BASE_DIR / "docs" / "performance.md"
HOST = "127.0.0.1"
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432")
# The bench's own Redis database (the page cache, the rate limits' counters).
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/13")
BASE_DB = "kommunportal_bench"
RUN_DB = "kommunportal_bench_run"
VANILLA_DB = "kommunportal_bench_vanilla"
CONTENT_API = "/api/v1/pages?lang=sv"
# A page at 20 req/s behind 16 connections waits close to a second: far from wrk's 2 s default
# on an idle machine, not on a busy one. A slow load is measured, not failed.
REQUEST_TIMEOUT = 30
QUESTION = {"subject": "Parkeringstillstånd", "question": "Hur lång tid tar en ansökan?"}
API_BODY = {
    "fraga": QUESTION,
    "kontakt": {"name": "Tolvan Tolvansson", "answer_by": "email", "email": "tolvan@example.com"},
}


class BenchError(Exception):
    """A failure that ends the run with a message (exit status 1)."""


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# --- PostgreSQL -----------------------------------------------------------------------------


def _connect(dbname="postgres"):
    import psycopg

    return psycopg.connect(f"{POSTGRES}/{dbname}", autocommit=True)


def database_url(name):
    return f"{POSTGRES}/{name}"


def database_exists(name):
    with _connect() as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def create_database(name, template=None):
    from psycopg import sql

    assert "bench" in name, name  # only the bench's own databases are ever dropped
    with _connect() as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        if template:
            statement = sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        else:
            statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        conn.execute(statement)


def drop_database(name):
    from psycopg import sql

    assert "bench" in name, name
    with _connect() as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def scalar(name, query):
    import psycopg

    try:
        with _connect(name) as conn:
            return conn.execute(query).fetchone()[0]
    except psycopg.Error:
        return None


def case_count(name):
    return scalar(name, "SELECT count(*) FROM contactcentre_case") if database_exists(name) else None


# --- Building -----------------------------------------------------------------------------


def site_environment(database, *, page_cache=True, secret_key):
    """The environment of the portal's processes: the production settings on a bench database."""
    env = dict(os.environ)
    for name in ("DEBUG", "CSRF_TRUSTED_ORIGINS", "BEHIND_TLS_PROXY", "PAGE_CACHE_DIR"):
        env.pop(name, None)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "SECRET_KEY": secret_key,
            "ALLOWED_HOSTS": HOST,
            # Plain HTTP on the loopback: no redirect to https, no HSTS.
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "DATABASE_URL": database_url(database),
            "CACHE_URL": CACHE_URL,
            "MEDIA_ROOT": str(VAR / "media"),
            "STATIC_ROOT": str(VAR / "static"),
            "PRIVATE_MEDIA_ROOT": str(VAR / "private"),
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )
    if not page_cache:
        env["PAGE_CACHE_SECONDS"] = "0"
    return env


def run(command, env, cwd=BASE_DIR, what=None):
    what = what or " ".join(str(part) for part in command[1:3])
    started = time.monotonic()
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False
    )
    if result.returncode != 0:
        raise BenchError(
            f"{what} failed (exit {result.returncode}):\n{(result.stdout + result.stderr)[-3000:]}"
        )
    log(f"{what}: {time.monotonic() - started:.1f} s")
    return result.stdout


def manage(env, *args):
    return run([sys.executable, "manage.py", *args], env, what=f"manage.py {args[0]}")


def fill(database, cases):
    """Top a database up to ``cases`` cases with their timelines (bench/queue_statistics.py's SQL)."""
    run(
        [
            sys.executable,
            "bench/queue_statistics.py",
            "--fill-only",
            "--cases",
            str(cases),
            "--tallies",
            "0",
            "--database-url",
            database_url(database),
        ],
        dict(os.environ),
        what=f"fill {database} to {cases:,} cases",
    )


def build_base(env, small_cases, rebuild):
    """The demo site with ``small_cases`` cases; rebuilt only when missing, or asked."""
    count = case_count(BASE_DB)
    pages = scalar(BASE_DB, "SELECT count(*) FROM wagtailcore_page") if count is not None else None
    fresh = rebuild or count is None or not pages or pages < 10 or count > small_cases * 1.1
    if fresh:
        log(f"building {BASE_DB}: migrate, seed_demo, {small_cases:,} cases")
        create_database(BASE_DB)
        manage(env, "migrate", "--noinput", "-v", "0")
        # The demo app is not installed in production: the seed runs with the dev settings, DEBUG off.
        seed_env = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "DEBUG": "0"}
        manage(seed_env, "seed_demo", "--password", "Bench-" + secrets.token_urlsafe(18), "--quiet")
    else:
        log(f"{BASE_DB}: reused ({count:,} cases); migrate")
        manage(env, "migrate", "--noinput", "-v", "0")
    fill(BASE_DB, small_cases)
    return fresh


def build_large(cases, base_rebuilt):
    """A copy of the demo site filled to ``cases`` cases, kept between runs."""
    name = f"{BASE_DB}_{cases}"
    count = case_count(name)
    if base_rebuilt or count is None or count > cases * 1.1:
        log(f"copying {BASE_DB} to {name}")
        create_database(name, template=BASE_DB)
    fill(name, cases)  # also migrates
    return name


def static_digest():
    """What collectstatic's output depends on: every app's static files, and the installed packages'."""
    import hashlib
    from importlib.metadata import version

    digest = hashlib.sha256(f"{version('wagtail')} {version('django')} {version('whitenoise')}".encode())
    for folder in sorted(BASE_DIR.glob("*/static")):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path.relative_to(BASE_DIR)} {stat.st_size} {stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def collectstatic(env):
    """collectstatic, unless the static files are what the last run collected (it takes minutes)."""
    stamp = VAR / "static" / ".bench-digest"
    digest = static_digest()
    if stamp.exists() and stamp.read_text() == digest and (VAR / "static" / "staticfiles.json").exists():
        log("collectstatic: the static files have not changed since the last run")
        return
    manage(env, "collectstatic", "--noinput", "-v", "0")
    stamp.write_text(digest)


def build_vanilla(secret_key):
    """A vanilla ``wagtail start`` project on PostgreSQL, with its own production settings."""
    folder = VAR / "vanilla"
    env = dict(os.environ)
    env.update({"DJANGO_SETTINGS_MODULE": "vanilla.settings.production", "PYTHONUNBUFFERED": "1"})
    for name in ("DATABASE_URL", "CACHE_URL"):
        env.pop(name, None)
    if not (folder / "manage.py").exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        run(
            [str(Path(sys.executable).parent / "wagtail"), "start", "vanilla", str(folder)],
            env,
            what="wagtail start",
        )
    # Django reads local.py last (production.py imports it): the only change to what wagtail start wrote.
    database = urlsplit(database_url(VANILLA_DB))
    (folder / "vanilla" / "settings" / "local.py").write_text(
        "# Written by bench/runner.py: what production needs on this machine.\n"
        f"SECRET_KEY = {secret_key!r}\n"
        f"ALLOWED_HOSTS = [{HOST!r}]\n"
        "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', "
        f"'NAME': {VANILLA_DB!r}, 'USER': {database.username!r}, 'HOST': {database.hostname!r}, "
        f"'PORT': {database.port or 5432}}}}}\n"
    )
    if not database_exists(VANILLA_DB):
        create_database(VANILLA_DB)
    python = [sys.executable, "manage.py"]
    run([*python, "migrate", "--noinput", "-v", "0"], env, cwd=folder, what="vanilla migrate")
    run([*python, "collectstatic", "--noinput", "-v", "0"], env, cwd=folder, what="vanilla collectstatic")
    return folder, env


def inprocess(env, *args):
    output = run([sys.executable, "-m", "bench.inprocess", *args], env, what=f"in-process {args[0]}")
    for line in output.splitlines():
        if line.startswith("BENCH-INPROCESS "):
            return json.loads(line.split(" ", 1)[1])
    raise BenchError(f"bench.inprocess {args[0]} printed no result:\n{output[-2000:]}")


# --- Servers --------------------------------------------------------------------------------


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_gunicorn(app, env, cwd, workers, logfile, probe="/"):
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        app,
        "--workers",
        str(workers),
        "--bind",
        f"{HOST}:{port}",
        "--error-logfile",
        str(logfile),
        "--log-level",
        "warning",
    ]
    # A session of its own, so that stopping it reaches its workers and nothing else.
    process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"gunicorn {app} exited with {process.returncode}:\n{_tail(logfile)}")
        try:
            if request(port, "GET", probe, timeout=5)[0] < 500:
                return process, port
        except OSError:
            pass
        time.sleep(0.3)
    raise BenchError(f"gunicorn {app} did not answer within 90 s:\n{_tail(logfile)}")


def stop_gunicorn(process):
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)  # the group it leads: gunicorn and its workers
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)
    except ProcessLookupError:
        pass


def _tail(path, lines=30):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def request(port, method, path, body=None, headers=None, timeout=30):
    """One request: (status, headers as a list of pairs, body)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def _cookies(headers):
    cookies = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            key, _, rest = value.partition("=")
            cookies[key.strip()] = rest.split(";", 1)[0]
    return cookies


def eservice_session(port, eservice_path):
    """A visitor on the first step of an e-service: the step's URL, cookies and a valid POST body."""
    status, headers, _ = request(port, "GET", eservice_path + "starta/")
    location = dict((k.lower(), v) for k, v in headers).get("location", "")
    if status != 302 or "/steg/" not in location:
        raise BenchError(f"{eservice_path}starta/ answered {status} (expected a redirect to the first step)")
    step = urlsplit(location).path
    cookies = _cookies(headers)
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    status, headers, body = request(port, "GET", step, headers={"Cookie": cookie})
    if status != 200:
        raise BenchError(f"the first step {step} answered {status}")
    cookies.update(_cookies(headers))
    html = body.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    current = re.search(r'name="([\w-]+-current_step)" value="([^"]+)"', html)
    if not token or not current:
        raise BenchError(f"no CSRF token or current step in the form of {step}")
    step_name = current.group(2)
    form = {"csrfmiddlewaretoken": token.group(1), current.group(1): step_name}
    form.update({f"{step_name}-{key}": value for key, value in QUESTION.items()})
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    return step, cookie, urlencode(form)


# --- Loads ------------------------------------------------------------------------------


def loads(paths, servers, step, cookie, form_body):
    """Every load of the run, in order: (key, label, server, path, method, body, headers, cache, expect)."""
    cached, uncached, vanilla = servers["portal"], servers["portal-uncached"], servers["vanilla"]
    form_headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    api_headers = {"Content-Type": "application/json"}
    rows = [
        ("static", "static file (whitenoise, CSS)", cached, paths["static"], "GET", None, {}, None, 200),
        ("vanilla", "vanilla `wagtail start` home page", vanilla, "/", "GET", None, {}, None, 200),
    ]
    for key, label in (
        ("home", "home page"),
        ("service", "service page (Bygglov)"),
        ("contact", "contact page"),
    ):
        rows.append((f"{key}-cached", f"{label}, cached", cached, paths[key], "GET", None, {}, "hit", 200))
    for key, label in (
        ("home", "home page"),
        ("service", "service page (Bygglov)"),
        ("contact", "contact page"),
    ):
        rows.append(
            (f"{key}-uncached", f"{label}, uncached", uncached, paths[key], "GET", None, {}, "off", 200)
        )
    rows += [
        ("search", "search `q=bygglov` (never cached)", cached, paths["search"], "GET", None, {}, None, 200),
        ("eservice-get", "e-service step, GET", cached, step, "GET", None, {"Cookie": cookie}, None, 200),
        ("eservice-post", "e-service step, POST", cached, step, "POST", form_body, form_headers, None, 302),
        (
            "api-submission",
            "API submission (POST, a new case each)",
            cached,
            "/api/v1/eservices/fraga-kontaktcenter/submissions",
            "POST",
            json.dumps(API_BODY),
            api_headers,
            None,
            201,
        ),
        ("content-api", "content API (`pages`)", cached, CONTENT_API, "GET", None, {}, None, 200),
        ("static-again", "static file again (drift)", cached, paths["static"], "GET", None, {}, None, 200),
    ]
    return rows


def check(port, method, path, body, headers, cache, expect):
    """One request before the load: the answer the load expects (and, cached, a stored page)."""
    status, answer_headers, _ = request(port, method, path, body=body, headers=headers)
    if cache == "hit":
        status, answer_headers, _ = request(port, method, path, body=body, headers=headers)
        seen = dict((k.lower(), v) for k, v in answer_headers).get("x-page-cache")
        if seen != "hit":
            raise BenchError(
                f"{path} was not served from the page cache the second time (X-Page-Cache: {seen})"
            )
    return status


def wrk(port, path, method, body, headers, seconds, args):
    env = dict(os.environ)
    env["BENCH_METHOD"] = method
    env["BENCH_HEADERS"] = "\n".join(f"{k}: {v}" for k, v in headers.items())
    with tempfile.NamedTemporaryFile("wb", suffix=".body") as body_file:
        if body is not None:
            body_file.write(body.encode())
            body_file.flush()
            env["BENCH_BODY_FILE"] = body_file.name
        command = [
            "wrk",
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{seconds}s",
            f"--timeout={REQUEST_TIMEOUT}s",
            "-s",
            str(LUA),
            f"http://{HOST}:{port}{path}",
        ]
        result = subprocess.run(
            command,
            env=env,
            capture_output=True,
            text=True,
            timeout=seconds + REQUEST_TIMEOUT + 60,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    if result.returncode != 0:
        raise BenchError(f"wrk failed on {path}:\n{result.stdout}{result.stderr}")
    return report.parse_wrk(result.stdout)


# --- The run --------------------------------------------------------------------------------


def machine():
    memory = 0
    try:
        with open("/proc/meminfo") as meminfo:
            memory = int(meminfo.readline().split()[1]) / 1024 / 1024
    except (OSError, ValueError, IndexError):
        pass
    system = platform.platform()
    if Path("/etc/debian_version").exists():
        system += f", Debian {Path('/etc/debian_version').read_text().strip()}"
    from importlib.metadata import version

    postgres = scalar("postgres", "SHOW server_version")
    software = (
        f"Python {platform.python_version()}, Django {version('django')}, Wagtail {version('wagtail')}, "
        f"gunicorn {version('gunicorn')}, PostgreSQL {postgres}"
    )
    return {"cores": os.cpu_count(), "memory_gib": memory, "system": system, "software": software}


def source_version():
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=BASE_DIR, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(["git", "diff", "--quiet", "HEAD", "--"], cwd=BASE_DIR, check=False).returncode
    except (OSError, subprocess.CalledProcessError):
        return "unknown", False
    return commit, bool(dirty)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="smoke test: 2 s loads, 10 000 cases, 20 queue requests"
    )
    parser.add_argument("--duration", type=int, help="seconds of each load (10; --quick 2)")
    parser.add_argument("--warmup", type=int, help="seconds of warm-up before each load (2; --quick 1)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (16)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers per server (2)")
    parser.add_argument("--cases", type=int, help="the large queue's cases (1 000 000; --quick 10 000)")
    parser.add_argument("--small-cases", type=int, default=1000, help="the small queue's cases (1 000)")
    parser.add_argument("--queue-runs", type=int, help="timed queue requests per size (100; --quick 20)")
    parser.add_argument("--rebuild", action="store_true", help="build the demo database again")
    parser.add_argument("--no-docs", action="store_true", help="do not write docs/performance.md")
    args = parser.parse_args(argv)
    quick = args.quick
    args.duration = args.duration or (2 if quick else 10)
    args.warmup = args.warmup if args.warmup is not None else (1 if quick else 2)
    args.cases = args.cases or (10_000 if quick else 1_000_000)
    args.queue_runs = args.queue_runs or (20 if quick else 100)
    return args


def measure(args, command):
    started = dt.datetime.now(dt.UTC)
    commit, dirty = source_version()
    secret_key = secrets.token_urlsafe(64)
    VAR.mkdir(parents=True, exist_ok=True)
    env = site_environment(BASE_DB, secret_key=secret_key)

    base_rebuilt = build_base(env, args.small_cases, args.rebuild)
    large = build_large(args.cases, base_rebuilt)
    create_database(RUN_DB, template=BASE_DB)  # the loads add cases: a copy per run
    run_env = site_environment(RUN_DB, secret_key=secret_key)
    uncached_env = site_environment(RUN_DB, page_cache=False, secret_key=secret_key)
    collectstatic(run_env)
    vanilla_dir, vanilla_env = build_vanilla(secret_key)

    site = inprocess(uncached_env, "site")
    paths, queries = site["paths"], site["queries"]
    missing = [key for key, path in paths.items() if path is None]
    if missing:
        raise BenchError(f"the demo site has no page for: {', '.join(missing)}")
    queue = [
        inprocess(run_env, "queue", str(args.queue_runs)),
        inprocess(site_environment(large, secret_key=secret_key), "queue", str(args.queue_runs)),
    ]
    for row in queue:
        log(f"queue at {row['cases']:,} cases: p50 {row['p50_ms']:.0f} ms, p99 {row['p99_ms']:.0f} ms")

    servers, processes = {}, []
    try:
        for name, app, server_env, cwd, probe in (
            ("portal", "portal.wsgi:application", run_env, BASE_DIR, "/healthz"),
            ("portal-uncached", "portal.wsgi:application", uncached_env, BASE_DIR, "/healthz"),
            ("vanilla", "vanilla.wsgi:application", vanilla_env, vanilla_dir, "/"),
        ):
            process, port = start_gunicorn(app, server_env, cwd, args.workers, VAR / f"{name}.log", probe)
            processes.append(process)
            servers[name] = port
        step, cookie, form_body = eservice_session(servers["portal"], paths["eservice"])
        names = {port: name for name, port in servers.items()}
        busy_before = cpu_busy()
        rows = []
        failed = []
        for key, label, port, path, method, body, headers, cache, expect in loads(
            paths, servers, step, cookie, form_body
        ):
            # The visitor's run id is new every time: the table shows where it stands.
            shown = re.sub(r"/steg/[0-9a-f-]{36}/", "/steg/<run>/", path)
            row = {"key": key, "label": label, "path": shown, "server": names[port], "cache": cache}
            # Counted with the page cache off: a cached row's figure would be the miss's, not the hit's.
            row["queries"] = None if cache == "hit" else queries.get(key.split("-")[0])
            status = check(port, method, path, body, headers, cache, expect)
            if key == "content-api" and status in (301, 302, 404):
                # Not on this commit: 404, or Django's redirect to the same path with a slash.
                log(f"{path}: {status}, not available on this commit (reported, not a failure)")
                rows.append({**row, "available": False})
                continue
            if status != expect:
                raise BenchError(f"{label} ({path}) answered {status}, expected {expect}")
            if args.warmup:
                wrk(port, path, method, body, headers, args.warmup, args)
            row.update(wrk(port, path, method, body, headers, args.duration, args))
            if row["errors"]:
                failed.append(f"{label}: {row['errors']}")
            log(
                f"{label}: {row['rps']:,.0f} req/s, p50 {report.format_ms(row['p50_ms'])}, "
                f"p99 {report.format_ms(row['p99_ms'])}"
            )
            rows.append(row)
        busy_after = cpu_busy()
    finally:
        for process in processes:
            stop_gunicorn(process)
    drop_database(RUN_DB)
    version = subprocess.run(["wrk", "-v"], capture_output=True, text=True, check=False)
    client = (version.stdout or version.stderr).strip().splitlines()[0]
    results = {
        "started": started.strftime("%Y-%m-%d %H:%M UTC"),
        "finished": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": command,
        "commit": commit,
        "dirty": dirty,
        "quick": args.quick,
        "machine": machine(),
        "client": f"{client.split('[')[0].strip()}, "
        f"`-t{args.threads} -c{args.connections} -d{args.duration}s` after {args.warmup} s of warm-up, "
        "on the same cores as the servers",
        "busy": {"before": busy_before, "after": busy_after},
        "loads": rows,
        "queue": queue,
    }
    return results, failed


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    command = shlex.join(["bench/run", *argv])
    # Ctrl-C and a polite kill both end in the finally blocks that stop the servers.
    signal.signal(signal.SIGTERM, lambda signum, frame: (_ for _ in ()).throw(KeyboardInterrupt()))
    if shutil.which("wrk") is None:
        print("bench: wrk is missing (bench/run installs Debian's wrk)", file=sys.stderr)
        return 2
    try:
        results, failed = measure(args, command)
    except BenchError as error:
        print(f"\nbench failed: {error}", file=sys.stderr)
        return 1
    path = report.write_results(RESULTS_DIR, results)
    section = report.render(results)
    print(section)
    log(f"results: {path.relative_to(BASE_DIR)}")
    if not args.quick and not args.no_docs:
        report.update_document(DOCUMENT, section)
        log(f"written: {DOCUMENT.relative_to(BASE_DIR)}")
    if failed:
        print("\nbench: some requests failed:\n" + "\n".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
