"""Requests per second of the public pages, as ratios against a static file, in one run.

Run from the project root::

    .venv/bin/pip install -e ".[bench]"     # gunicorn, once
    apt-get install wrk                      # optional; without it a Python client measures
    .venv/bin/python bench/pages.py

What it does, every time from scratch:

1. builds a throw-away copy of the Exempelkommun demo site in a temporary folder (SQLite
   database, media and static files): ``migrate``, ``seed_demo``, ``collectstatic``;
2. counts the SQL queries of each page in-process (Django's test client and
   ``CaptureQueriesContext``, same settings and database, second request so that start-up
   caches are warm);
3. serves the site with gunicorn (production settings, 2 sync workers) on a free loopback
   port, checks that every URL answers 200, warms each URL up and measures it with
   ``wrk -t2 -c16 -d10s`` (or a bounded Python client with the same shape);
4. prints a Markdown table: req/s, the ratio to the whitenoise static file, median and p99
   latency, the workers' CPU time per request (and its ratio, which other programs on the
   machine hardly move), SQL queries per request; then the static file once more, to show
   whether the machine's load drifted during the run.

Absolute numbers depend on the machine; the ratios within one run are what to compare
(see docs/performance.md). Only 127.0.0.1 is ever contacted. Exits 1 when a URL fails,
2 when something needed is missing; the server and the temporary folder are removed even
on error or Ctrl-C.
"""

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from importlib.util import find_spec
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
INSPECT_MARKER = "BENCH-INSPECT-JSON:"
SEARCH_PATH = "/sok/?q=bygglov"
# A slow page is measured, not failed: wrk's default 2 s request timeout is too short for a
# page at 10 req/s behind 16 connections on a busy machine.
REQUEST_TIMEOUT = 30
# More of the CPU than this busy with other programs before measuring: warn (or wait).
BUSY_LIMIT = 0.15

# (key, label): the rows of the table, in order. The paths of pages are looked up in the
# database (see inspect_site), so the benchmark follows the demo content if slugs change.
TARGETS = [
    ("static", "static file (whitenoise, CSS)"),
    ("home", "home page"),
    ("service", "service page (Bygglov)"),
    ("contact", "contact page (opening hours)"),
    ("faq", "FAQ page"),
    ("blanketter", "blanketter page"),
    ("search", "search `q=bygglov`"),
    ("healthz", "/healthz"),
]


class BenchError(Exception):
    """A failure that ends the run with a message (and exit status 1)."""


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# --- The throw-away site ------------------------------------------------------------


def site_environment(tmp):
    """The environment of every child process: production settings on the temporary site."""
    env = dict(os.environ)
    for name in ("CACHE_URL", "DEBUG", "CSRF_TRUSTED_ORIGINS", "BEHIND_TLS_PROXY"):
        env.pop(name, None)  # local-memory cache, as on one machine without Redis
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": HOST,
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
            "MEDIA_ROOT": str(tmp / "media"),
            "STATIC_ROOT": str(tmp / "static"),
            "PRIVATE_MEDIA_ROOT": str(tmp / "private"),
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def manage(env, tmp, *args):
    """Run ``manage.py ARGS``; on failure show the end of its output and stop."""
    logfile = tmp / "manage.log"
    started = time.monotonic()
    with logfile.open("a") as out:
        out.write(f"\n$ manage.py {' '.join(args)}\n")
        out.flush()
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    if result.returncode != 0:
        tail = "\n".join(logfile.read_text(errors="replace").splitlines()[-30:])
        raise BenchError(f"manage.py {args[0]} failed (exit {result.returncode}):\n{tail}")
    log(f"manage.py {args[0]}: {time.monotonic() - started:.1f} s")


def build_site(env, tmp):
    # Valid for the project's validators (12+ characters, not common, not numeric); never printed.
    password = "Bench-" + secrets.token_urlsafe(18)
    manage(env, tmp, "migrate", "--noinput", "-v", "0")
    # The demo app is not installed in production: the seed runs with the dev settings, DEBUG off.
    seed_env = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "DEBUG": "0"}
    manage(seed_env, tmp, "seed_demo", "--password", password, "--quiet")
    manage(env, tmp, "collectstatic", "--noinput", "-v", "0")


def static_css_path(tmp):
    """The hashed name of portal.css, from whitenoise's manifest."""
    manifest = json.loads((tmp / "static" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/portal.css"]


def inspect_site(env):
    """Run this script in ``--inspect`` mode: the page paths and their query counts."""
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--inspect"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    for line in result.stdout.splitlines():
        if line.startswith(INSPECT_MARKER):
            return json.loads(line[len(INSPECT_MARKER) :])
    raise BenchError(
        f"counting queries failed (exit {result.returncode}):\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
    )


def inspect_main(static_path):
    """In-process half (a child process with the site's environment): find the pages and
    count the SQL queries of one warm request to each with Django's test client."""
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from pages import models as m

    def first_live(model, **filters):
        page = model.objects.live().filter(**filters).order_by("path").first()
        return page.get_url() if page else None

    paths = {
        "static": static_path,
        "home": first_live(m.HomePage),
        "service": first_live(m.ServicePage, slug="bygglov") or first_live(m.ServicePage),
        "contact": first_live(m.ContactCentrePage),
        "faq": first_live(m.FAQPage),
        "blanketter": first_live(m.BlankettLibraryPage),
        "search": SEARCH_PATH,
        "healthz": "/healthz",
    }
    client = Client(HTTP_HOST=HOST)
    report = {}
    for key, path in paths.items():
        if path is None:
            report[key] = {"path": None, "error": "no live page of this type"}
            continue
        first = client.get(path)  # fills start-up caches (site root paths, settings, ...)
        first_status = first.status_code
        _drain(first)
        client.cookies.clear()  # every request in the load test is a new anonymous visitor
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
            _drain(response)
        client.cookies.clear()
        report[key] = {
            "path": path,
            "status": response.status_code,
            "first_status": first_status,
            "queries": len(queries.captured_queries),
            "bytes": len(_body(response)),
        }
    print(INSPECT_MARKER + json.dumps(report), flush=True)


def _drain(response):
    if getattr(response, "streaming", False):
        response._bench_body = b"".join(response.streaming_content)
        response.close()


def _body(response):
    return getattr(response, "_bench_body", None) or (b"" if response.streaming else response.content)


# --- The server ------------------------------------------------------------------------


def free_port():
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind((HOST, 0))
            port = sock.getsockname()[1]
        if port != 8000:
            return port


def start_gunicorn(env, tmp, port, workers):
    errorlog = tmp / "gunicorn.log"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "portal.wsgi:application",
        "--workers",
        str(workers),
        "--bind",
        f"{HOST}:{port}",
        "--error-logfile",
        str(errorlog),
        "--log-level",
        "warning",
    ]
    # A session of its own, so that stopping it reaches the workers and nothing else.
    process = subprocess.Popen(
        command, cwd=BASE_DIR, env=env, stdin=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"gunicorn exited with {process.returncode}:\n{_tail(errorlog)}")
        try:
            status, _ = fetch(port, "/healthz", timeout=2)
            if status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.3)
    raise BenchError(f"gunicorn did not answer /healthz within 60 s:\n{_tail(errorlog)}")


def stop_gunicorn(process):
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)  # the group we created: gunicorn and its workers
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


def fetch(port, path, timeout=10):
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


# --- Load generators -------------------------------------------------------------------

_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def run_wrk(port, path, duration, threads, connections):
    """One wrk run; returns (req/s, median ms, p99 ms, requests, errors)."""
    url = f"http://{HOST}:{port}{path}"
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        f"--timeout={REQUEST_TIMEOUT}s",
        "--latency",
        url,
    ]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=duration + REQUEST_TIMEOUT + 60,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    output = result.stdout
    if result.returncode != 0 or "Requests/sec" not in output:
        raise BenchError(f"wrk failed on {path}:\n{output}{result.stderr}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    latency = {}
    for pct, value, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE):
        latency[pct] = float(value) * _UNITS[unit]
    errors = {}
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    if non_2xx:
        errors["non-2xx/3xx"] = int(non_2xx.group(1))
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if sockets:
        for name, value in zip(("connect", "read", "write", "timeout"), sockets.groups(), strict=True):
            if int(value):
                errors[name] = int(value)
    return rps, latency.get("50"), latency.get("99"), requests, errors


def _python_worker(port, path, duration, threads):
    """One client process: THREADS keep-alive connections for DURATION seconds."""
    deadline = time.monotonic() + duration
    latencies, errors, lock = [], {}, threading.Lock()

    def loop():
        mine, my_errors = [], {}
        connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    my_errors[str(response.status)] = my_errors.get(str(response.status), 0) + 1
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()  # gunicorn's sync workers close after each response
            except (OSError, http.client.HTTPException) as error:
                my_errors[type(error).__name__] = my_errors.get(type(error).__name__, 0) + 1
                connection.close()
                continue
            mine.append((time.perf_counter() - started) * 1000)
        connection.close()
        with lock:
            latencies.extend(mine)
            for name, count in my_errors.items():
                errors[name] = errors.get(name, 0) + count

    workers = [threading.Thread(target=loop, daemon=True) for _ in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join(duration + REQUEST_TIMEOUT + 10)
    return latencies, errors


def run_python(port, path, duration, processes, connections, pool):
    """The fallback client: PROCESSES processes with CONNECTIONS threads in all."""
    per_process = [connections // processes + (i < connections % processes) for i in range(processes)]
    started = time.monotonic()
    futures = [pool.submit(_python_worker, port, path, duration, n) for n in per_process if n]
    latencies, errors = [], {}
    for future in futures:
        mine, my_errors = future.result(timeout=duration + REQUEST_TIMEOUT + 60)
        latencies.extend(mine)
        for name, count in my_errors.items():
            errors[name] = errors.get(name, 0) + count
    elapsed = max(time.monotonic() - started, duration)
    if not latencies:
        return 0.0, None, None, 0, errors or {"no responses": 1}
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return len(latencies) / elapsed, statistics.median(latencies), p99, len(latencies), errors


# --- Main --------------------------------------------------------------------------------


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds measured per URL (10)")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up per URL (2)")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections (16)")
    parser.add_argument("--threads", type=int, default=2, help="client threads (wrk) or processes (2)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument(
        "--client",
        choices=("auto", "wrk", "python"),
        default="auto",
        help="load generator (auto: wrk if found)",
    )
    parser.add_argument(
        "--wait-idle",
        type=int,
        default=0,
        metavar="SECONDS",
        help="before measuring, wait up to SECONDS for other programs to leave the CPU idle (0)",
    )
    parser.add_argument("--inspect", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def check_tools(args):
    if find_spec("gunicorn") is None:
        print(
            "gunicorn is not installed in this Python environment. Install the bench extra:\n\n"
            f'    {sys.executable} -m pip install -e "{BASE_DIR}[bench]"\n\n'
            "and run the benchmark again.",
            file=sys.stderr,
        )
        sys.exit(2)
    has_wrk = shutil.which("wrk") is not None
    if args.client == "wrk" and not has_wrk:
        print("wrk is not installed: apt-get install wrk (or use --client python).", file=sys.stderr)
        sys.exit(2)
    use_wrk = has_wrk and args.client != "python"
    if not use_wrk and args.client == "auto":
        log("wrk not found (apt-get install wrk); using the Python client, which is slower than wrk")
        log("and so understates the static file most: ratios are not comparable with wrk runs.")
    return use_wrk


def cpu_busy(seconds=2.0):
    """Share of all cores busy over SECONDS (Linux /proc/stat), or None elsewhere.

    Taken while the server is idle, it is the load of other programs on the machine."""

    def sample():
        with open("/proc/stat") as stat:
            values = [int(v) for v in stat.readline().split()[1:]]
        idle = values[3] + (values[4] if len(values) > 4 else 0)
        return sum(values), idle

    try:
        total_a, idle_a = sample()
        time.sleep(seconds)
        total_b, idle_b = sample()
    except (OSError, ValueError, IndexError):
        return None
    total = total_b - total_a
    return None if total <= 0 else 1 - (idle_b - idle_a) / total


def wait_for_idle(deadline, sample=2.0):
    """Wait until other programs leave the CPU (or the deadline passes); returns the last share busy."""
    busy = cpu_busy(sample)
    while busy is not None and busy > BUSY_LIMIT and time.monotonic() < deadline:
        log(f"the machine is {busy:.0%} busy with other programs; waiting (--wait-idle)")
        time.sleep(3)
        busy = cpu_busy(sample)
    if busy is not None and busy > BUSY_LIMIT:
        log(f"warning: the machine is {busy:.0%} busy with other programs; numbers will be low and noisy")
    return busy


def source_version():
    """The commit measured, with "+ changes" when the work tree differs from it."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=BASE_DIR, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(["git", "diff", "--quiet", "HEAD", "--"], cwd=BASE_DIR, check=False).returncode
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return commit + (" + uncommitted changes" if dirty else "")


def machine_description(use_wrk, busy):
    lines = [
        f"date: {dt.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
        f"source: {source_version()}",
        f"cores (nproc): {os.cpu_count()}",
        f"python: {platform.python_version()} ({platform.platform()})",
    ]
    if busy is not None:
        lines.append(f"CPU busy with other programs just before measuring (highest before a URL): {busy:.0%}")
    if use_wrk:
        version = subprocess.run(["wrk", "-v"], capture_output=True, text=True, check=False)
        first = (version.stdout or version.stderr).splitlines()[:1]
        lines.append(f"client: {first[0] if first else 'wrk'}")
    else:
        lines.append("client: Python (http.client, processes x threads)")
    return lines


def format_ms(value):
    if value is None:
        return "–"
    return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms"


def render_table(rows, static_rps, static_cpu):
    out = [
        "| URL | what | req/s | × static | median | p99 | server CPU/req | × static (CPU) | SQL queries |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        ratio = f"{row['rps'] / static_rps:.3f}×" if static_rps and row.get("rps") is not None else "–"
        rps = f"{row['rps']:,.0f}".replace(",", " ") if row.get("rps") is not None else "failed"
        cpu = row.get("cpu_ms")
        cpu_ratio = f"{static_cpu / cpu:.3f}×" if cpu and static_cpu else "–"
        queries = "–" if row.get("queries") is None else str(row["queries"])
        out.append(
            f"| `{row['path']}` | {row['label']} | {rps} | {ratio} | {format_ms(row.get('median'))} "
            f"| {format_ms(row.get('p99'))} | {format_ms(cpu)} | {cpu_ratio} | {queries} |"
        )
    return "\n".join(out)


def server_cpu_seconds(master_pid):
    """CPU seconds (user + system) used so far by gunicorn's workers, from /proc; None elsewhere.

    Unlike req/s, CPU time per request hardly changes when other programs share the machine."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    try:
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue  # ended meanwhile
            # After the command: state, ppid, ..., utime (field 14) and stime (15) of stat(5).
            if int(fields[1]) == master_pid:
                total += int(fields[11]) + int(fields[12])
    except (OSError, ValueError, IndexError):
        return None
    return total / ticks


def run(args):
    use_wrk = check_tools(args)
    process = None
    pool = None
    tmp = Path(tempfile.mkdtemp(prefix="kommunportal-bench-"))
    try:
        env = site_environment(tmp)
        log(f"building the demo site in {tmp}")
        build_site(env, tmp)
        static_path = static_css_path(tmp)
        log("counting SQL queries per page in-process")
        inspect = inspect_site({**env, "BENCH_STATIC_PATH": static_path})

        failures = []
        for key, _label in TARGETS:
            info = inspect.get(key, {})
            if info.get("path") is None:
                failures.append(f"{key}: {info.get('error', 'not found')}")
            elif info.get("status") != 200:
                failures.append(f"{key}: {info['path']} answered {info.get('status')} in the test client")
        if failures:
            raise BenchError("pages not usable:\n  " + "\n  ".join(failures))

        port = free_port()
        log(f"starting gunicorn ({args.workers} workers) on {HOST}:{port}")
        process = start_gunicorn(env, tmp, port, args.workers)

        for key, _label in TARGETS:
            path = inspect[key]["path"]
            status, _ = fetch(port, path)
            if status != 200:
                failures.append(f"{path} answered {status}")
        if failures:
            raise BenchError("URLs not answering 200 from gunicorn:\n  " + "\n  ".join(failures))

        if not use_wrk:
            pool = ProcessPoolExecutor(max_workers=args.threads)

        def measure(path, seconds):
            if use_wrk:
                return run_wrk(port, path, seconds, args.threads, args.connections)
            return run_python(port, path, seconds, args.threads, args.connections, pool)

        # One budget for the whole run: waits before the first URL and between URLs.
        deadline = time.monotonic() + args.wait_idle
        busy = wait_for_idle(deadline)

        rows = []
        # The static file again at the end: if the machine's load changed during the run,
        # the two static figures differ and the ratios are suspect.
        for key, label in [*TARGETS, ("static", "static file again (drift check)")]:
            path = inspect[key]["path"]
            if args.wait_idle and rows:
                busy_now = wait_for_idle(deadline, sample=1.0)
                if busy_now is not None:
                    busy = busy_now if busy is None else max(busy, busy_now)
            if args.warmup:
                measure(path, args.warmup)
            cpu_before = server_cpu_seconds(process.pid)
            rps, median, p99, requests, errors = measure(path, args.duration)
            cpu_after = server_cpu_seconds(process.pid)
            log(f"{path}: {rps:.0f} req/s ({requests} requests{', errors ' + str(errors) if errors else ''})")
            row = {"path": path, "label": label, "rps": rps, "median": median, "p99": p99, "cpu_ms": None}
            if cpu_before is not None and cpu_after is not None and requests:
                row["cpu_ms"] = (cpu_after - cpu_before) * 1000 / requests
            row["queries"] = None if key == "static" else inspect[key]["queries"]
            if errors:
                failures.append(f"{path}: {errors}")
            if process.poll() is not None:
                raise BenchError(f"gunicorn died while measuring {path}:\n{_tail(tmp / 'gunicorn.log')}")
            rows.append(row)

        static_rps = rows[0]["rps"]
        static_cpu = rows[0]["cpu_ms"]
        drift = rows[-1]["rps"] / static_rps - 1 if static_rps else 0.0
        client = (
            f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s"
            if use_wrk
            else f"Python client, {args.threads} processes, {args.connections} connections, {args.duration} s"
        )
        print()
        print(
            f"Kommunportal demo site, gunicorn {args.workers} sync workers, production settings, "
            f"SQLite; {client} per URL after {args.warmup} s warm-up."
        )
        print()
        for line in machine_description(use_wrk, busy):
            print(f"- {line}")
        print()
        print(render_table(rows, static_rps, static_cpu))
        print()
        print(
            "SQL queries: one warm anonymous request in-process (Django test client, "
            "CaptureQueriesContext), same settings and database. The static file makes none."
        )
        print(
            "Server CPU/req: CPU time of the gunicorn workers during the measurement divided by the "
            "requests served; its ratio holds even when other programs share the machine."
        )
        print(f"Static file at the end vs the start: {drift:+.0%}.", end=" ")
        if abs(drift) > 0.15:
            print("The machine's load changed during the run: run again on a quiet machine.")
        else:
            print("The machine was steady during the run.")
        if failures:
            print()
            print("FAILED:")
            for failure in failures:
                print(f"- {failure}")
            return 1
        return 0
    except (BenchError, OSError, subprocess.SubprocessError) as error:
        print(f"\nbench failed: {error}", file=sys.stderr)
        return 1
    finally:
        stop_gunicorn(process)
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)  # its clients stop by their deadline
        shutil.rmtree(tmp, ignore_errors=True)


def _terminate(signum, frame):
    raise SystemExit(128 + signum)  # run the cleanup in run()'s finally


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.inspect:
        inspect_main(os.environ["BENCH_STATIC_PATH"])
        return 0
    signal.signal(signal.SIGTERM, _terminate)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
