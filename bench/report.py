"""The pure half of ``bench/run``: wrk's summary in, ratios, targets and Markdown out.

Nothing here starts a server or a client, so ``tests/bench/test_bench_runner.py`` tests it
as it is. ``bench/runner.py`` measures and hands its results (one dict, also written to
``bench/results/<timestamp>.json``) to ``render`` and ``update_document``.
"""

import json
import math
import re
from pathlib import Path

MARKER = "BENCH-JSON "
BEGIN = "<!-- bench/run: begin (written by bench/report.py; edit the text around it, not inside) -->"
END = "<!-- bench/run: end -->"

# The targets: each a ratio within one run (docs/performance.md says why ratios).
CACHED_VS_STATIC = 0.8
UNCACHED_SERVICE_VS_VANILLA = 1.0
QUEUE_GROWTH = 1.5
QUEUE_P99_MS = 150.0
API_SUBMISSIONS_PER_SECOND = 150.0


class ParseError(ValueError):
    """wrk printed no summary (it failed, or ran without bench/lua/load.lua)."""


def parse_wrk(output: str) -> dict:
    """The figures of one wrk run, from the line ``bench/lua/load.lua``'s ``done`` prints."""
    for line in output.splitlines():
        if line.startswith(MARKER):
            raw = json.loads(line[len(MARKER) :])
            break
    else:
        raise ParseError(f"no {MARKER.strip()} line in wrk's output:\n{output[-2000:]}")
    seconds = raw["duration_us"] / 1e6
    # No answer within the load (each slower than the whole load): no latency to speak of.
    latency = raw["latency_us"] if raw["requests"] else {"p50": None, "p90": None, "p99": None}
    return {
        "requests": raw["requests"],
        "seconds": seconds,
        "rps": raw["requests"] / seconds if seconds > 0 else 0.0,
        "p50_ms": _to_ms(latency["p50"]),
        "p90_ms": _to_ms(latency["p90"]),
        "p99_ms": _to_ms(latency["p99"]),
        "bytes": raw["bytes"],
        # wrk counts a 4xx/5xx answer as a "status" error; 3xx is a success.
        "errors": {name: count for name, count in raw["errors"].items() if count},
    }


def _to_ms(microseconds):
    return None if microseconds is None else microseconds / 1000


def ratio(value, reference):
    """``value / reference``, or None when either is missing or the reference is zero."""
    if value is None or reference in (None, 0):
        return None
    return value / reference


def nearest_rank(values, share):
    """The nearest-rank percentile (``share`` 0.99 for p99) of a list of numbers."""
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def load(results, key):
    """The measured load ``key`` (see runner.LOADS), or None when it was not measured."""
    for row in results["loads"]:
        if row["key"] == key and row.get("rps") is not None:
            return row
    return None


def _rps(results, key):
    row = load(results, key)
    return row["rps"] if row else None


def targets(results) -> list[dict]:
    """One row per target of the issue: what was measured, the ratio, and whether it is met."""
    rows = []
    static = _rps(results, "static")
    cached = [
        (row["label"], row["rps"])
        for row in results["loads"]
        if row.get("cache") == "hit" and row.get("rps") is not None
    ]
    if cached:
        worst_label, worst = min(cached, key=lambda item: item[1])
        value = ratio(worst, static)
        rows.append(
            {
                "target": f"a cached anonymous page ≥ {CACHED_VS_STATIC}× the static file",
                "measured": f"slowest cached page ({worst_label}) {worst:,.0f} req/s, static {static:,.0f}",
                "ratio": value,
                "goal": CACHED_VS_STATIC,
                "met": value is not None and value >= CACHED_VS_STATIC,
            }
        )
    service, vanilla = _rps(results, "service-uncached"), _rps(results, "vanilla")
    value = ratio(service, vanilla)
    rows.append(
        {
            "target": f"an uncached service page ≥ {UNCACHED_SERVICE_VS_VANILLA}× the vanilla Wagtail page",
            "measured": f"service page {_num(service)} req/s, vanilla {_num(vanilla)}",
            "ratio": value,
            "goal": UNCACHED_SERVICE_VS_VANILLA,
            "met": value is not None and value >= UNCACHED_SERVICE_VS_VANILLA,
        }
    )
    queue = sorted(results.get("queue", []), key=lambda row: row["cases"])
    if len(queue) >= 2:
        small, large = queue[0], queue[-1]
        value = ratio(large["p50_ms"], small["p50_ms"])
        rows.append(
            {
                "target": f"the queue at {_num(large['cases'])} cases ≤ {QUEUE_GROWTH}× its time at "
                f"{_num(small['cases'])} (p50)",
                "measured": f"{large['p50_ms']:.0f} ms vs {small['p50_ms']:.0f} ms",
                "ratio": value,
                "goal": QUEUE_GROWTH,
                "met": value is not None and value <= QUEUE_GROWTH,
                "lower_is_better": True,
            }
        )
        rows.append(
            {
                "target": f"the queue at {_num(large['cases'])} cases: p99 < {QUEUE_P99_MS:.0f} ms",
                "measured": f"p99 {large['p99_ms']:.0f} ms",
                "ratio": ratio(large["p99_ms"], QUEUE_P99_MS),
                "goal": 1.0,
                "met": large["p99_ms"] < QUEUE_P99_MS,
                "lower_is_better": True,
            }
        )
    api = _rps(results, "api-submission")
    value = ratio(api, API_SUBMISSIONS_PER_SECOND)
    rows.append(
        {
            "target": f"≥ {API_SUBMISSIONS_PER_SECOND:.0f} API submissions a second (PostgreSQL, 2 workers)",
            "measured": f"{_num(api)} submissions/s",
            "ratio": value,
            "goal": 1.0,
            "met": value is not None and value >= 1.0,
        }
    )
    return rows


def _num(value):
    return "–" if value is None else f"{value:,.0f}".replace(",", " ")


def format_ms(value):
    if value is None:
        return "–"
    return f"{value:.1f} ms" if value < 100 else f"{value:,.0f} ms".replace(",", " ")


def _ratio(value):
    return "–" if value is None else f"{value:.2f}×" if value >= 0.1 else f"{value:.3f}×"


def render(results) -> str:
    """The Markdown of one run: the targets, every load, the queue, how it was run."""
    static = _rps(results, "static")
    machine = results["machine"]
    out = [
        f"Run {results['started']} on commit `{results['commit']}`"
        + (" (with uncommitted changes)" if results.get("dirty") else "")
        + f", with `{results['command']}`"
        + (" (**`--quick`: a smoke test, not the figures to quote**)" if results.get("quick") else "")
        + ".",
        "",
        f"- machine: {machine['cores']} cores (`nproc`), {machine['memory_gib']:.0f} GiB, "
        f"{machine['system']}",
        f"- software: {machine['software']}",
        f"- load: {results['client']}",
    ]
    busy = results.get("busy") or {}
    if busy:
        out.append(
            "- other programs kept {before} of the CPU busy before the loads and {after} after "
            "(a busy machine lowers every req/s; the ratios move less)".format(
                before=_share(busy.get("before")), after=_share(busy.get("after"))
            )
        )
    out += ["", "**Targets** (each a ratio from this run):", ""]
    out += ["| target | measured | ratio | met? |", "| --- | --- | ---: | :---: |"]
    for row in targets(results):
        goal = ("≤ " if row.get("lower_is_better") else "≥ ") + f"{row['goal']:g}"
        met = "yes" if row["met"] else "**no**"
        out.append(f"| {row['target']} | {row['measured']} | {_ratio(row['ratio'])} ({goal}) | {met} |")
    out += ["", "**Every load** (`wrk` against gunicorn, 2 sync workers, 127.0.0.1):", ""]
    out += [
        "| load | path | server | req/s | × static | p50 | p99 | SQL queries |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in results["loads"]:
        if not row.get("available", True):
            out.append(f"| {row['label']} | `{row['path']}` | {row['server']} | not available | | | | |")
            continue
        errors = row.get("errors") or {}
        note = f" ({', '.join(f'{k} {v}' for k, v in errors.items())} errors)" if errors else ""
        queries = "–" if row.get("queries") is None else str(row["queries"])
        out.append(
            f"| {row['label']} | `{row['path']}` | {row['server']} | {_num(row.get('rps'))}{note} "
            f"| {_ratio(ratio(row.get('rps'), static))} | {format_ms(row.get('p50_ms'))} "
            f"| {format_ms(row.get('p99_ms'))} | {queries} |"
        )
    queue = results.get("queue") or []
    if queue:
        out += [
            "",
            f"**The queue** (`{queue[0]['path']}` as `{queue[0]['user']}`, in-process with Django's test "
            "client, one request at a time, after one warm-up):",
            "",
            "| cases | requests | p50 | p99 | SQL queries |",
            "| ---: | ---: | ---: | ---: | ---: |",
        ]
        for row in sorted(queue, key=lambda row: row["cases"]):
            out.append(
                f"| {_num(row['cases'])} | {row['runs']} | {format_ms(row['p50_ms'])} "
                f"| {format_ms(row['p99_ms'])} | {row['queries']} |"
            )
    return "\n".join(out)


def _share(value):
    return "–" if value is None else f"{value:.0%}"


def update_document(path: Path, section: str) -> None:
    """Put ``section`` between the markers of ``path`` (at the top when it has none yet)."""
    text = path.read_text() if path.exists() else ""
    block = f"{BEGIN}\n{section.rstrip()}\n{END}"
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _match: block, text, count=1)
    else:
        text = f"{block}\n\n{text}"
    path.write_text(text)


def write_results(directory: Path, results) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    stamp = results["started"].replace(":", "").replace("-", "").replace(" ", "-")
    path = directory / f"{stamp}.json"
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return path
