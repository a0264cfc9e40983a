"""The pure parts of bench/run: wrk's summary, the ratios and targets, the report. No wrk, no server."""

import json

import pytest

from bench import report, runner

SUMMARY = {
    "requests": 41240,
    "duration_us": 10_000_000,
    "bytes": 123,
    "errors": {"connect": 0, "read": 0, "write": 0, "status": 3, "timeout": 0},
    "latency_us": {"p50": 3500, "p90": 5000, "p99": 6050, "max": 9000, "mean": 3600.5},
}


def wrk_output(summary=SUMMARY):
    return (
        "Running 10s test @ http://127.0.0.1:1234/static/css/portal.css\n"
        "  2 threads and 16 connections\n"
        "  41240 requests in 10.00s, 1.2MB read\n"
        f"BENCH-JSON {json.dumps(summary)}\n"
    )


def row(key, rps, cache=None, label=None):
    return {"key": key, "label": label or key, "path": "/", "server": "portal", "cache": cache, "rps": rps}


def results(**overrides):
    base = {
        "started": "2026-12-05 21:50 UTC",
        "command": "bench/run",
        "commit": "abc1234",
        "dirty": False,
        "quick": False,
        "machine": {"cores": 2, "memory_gib": 24, "system": "Linux", "software": "Python 3.11"},
        "client": "wrk 4.1.0",
        "busy": {"before": 0.05, "after": 0.1},
        "loads": [
            row("static", 4000.0),
            row("vanilla", 400.0),
            row("home-cached", 3400.0, cache="hit", label="home page, cached"),
            row("service-cached", 3300.0, cache="hit", label="service page, cached"),
            row("service-uncached", 420.0, cache="off"),
            row("api-submission", 160.0),
            {**row("content-api", None), "available": False},
        ],
        "queue": [
            {
                "cases": 1_000_000,
                "p50_ms": 120.0,
                "p99_ms": 140.0,
                "runs": 100,
                "queries": 12,
                "path": "/q/",
                "user": "agent",
            },
            {
                "cases": 1_000,
                "p50_ms": 100.0,
                "p99_ms": 130.0,
                "runs": 100,
                "queries": 12,
                "path": "/q/",
                "user": "agent",
            },
        ],
    }
    base.update(overrides)
    return base


def test_parse_wrk_reads_the_lua_summary():
    parsed = report.parse_wrk(wrk_output())
    assert parsed["requests"] == 41240
    assert parsed["rps"] == pytest.approx(4124.0)
    assert parsed["p50_ms"] == pytest.approx(3.5)
    assert parsed["p99_ms"] == pytest.approx(6.05)
    # Only the errors that happened; a 4xx/5xx answer is a "status" error.
    assert parsed["errors"] == {"status": 3}


def test_parse_wrk_with_no_answer_in_time():
    parsed = report.parse_wrk(wrk_output({**SUMMARY, "requests": 0}))
    assert parsed["rps"] == 0
    assert parsed["p50_ms"] is None and parsed["p99_ms"] is None


def test_parse_wrk_without_the_summary_is_an_error():
    with pytest.raises(report.ParseError):
        report.parse_wrk("Running 10s test @ http://127.0.0.1:1/\nRequests/sec: 12.00\n")


def test_ratio_and_nearest_rank():
    assert report.ratio(200, 400) == 0.5
    assert report.ratio(None, 400) is None
    assert report.ratio(200, 0) is None
    values = list(range(1, 101))
    assert report.nearest_rank(values, 0.5) == 50
    assert report.nearest_rank(values, 0.99) == 99
    assert report.nearest_rank([7.0], 0.99) == 7.0
    assert report.nearest_rank([], 0.5) is None


def test_targets_met():
    rows = {row["target"].split(" ")[1]: row for row in report.targets(results())}
    assert all(row["met"] for row in report.targets(results()))
    # The slowest cached page is the one held to the target.
    assert rows["cached"]["ratio"] == pytest.approx(3300 / 4000)
    assert "service page, cached" in rows["cached"]["measured"]


def test_targets_missed():
    loads = results()["loads"]
    loads[3] = row("service-cached", 2000.0, cache="hit")  # 0.5× static
    loads[4] = row("service-uncached", 40.0, cache="off")  # 0.1× vanilla
    loads[5] = row("api-submission", 76.0)
    queue = [
        {
            "cases": 1_000,
            "p50_ms": 97.0,
            "p99_ms": 120.0,
            "runs": 100,
            "queries": 9,
            "path": "/q/",
            "user": "a",
        },
        {
            "cases": 1_000_000,
            "p50_ms": 231.0,
            "p99_ms": 400.0,
            "runs": 100,
            "queries": 9,
            "path": "/q/",
            "user": "a",
        },
    ]
    targets = report.targets(results(loads=loads, queue=queue))
    assert [row["met"] for row in targets] == [False, False, False, False, False]
    growth = targets[2]
    assert growth["ratio"] == pytest.approx(231 / 97)
    assert "1 000 000" in growth["target"]


def test_render_has_targets_loads_queue_and_unavailable_endpoints():
    text = report.render(results())
    assert "| a cached anonymous page ≥ 0.8× the static file |" in text
    assert "0.82× (≥ 0.8) | yes |" in text
    assert "**no**" not in text
    assert "| content-api | `/` | portal | not available |" in text
    assert "| 1 000 | 100 | 100 ms | 130 ms | 12 |" in text
    assert "| 1 000 000 | 100 | 120 ms | 140 ms | 12 |" in text
    assert "commit `abc1234`" in text
    assert "--quick" not in text
    assert "smoke test" in report.render(results(quick=True))


def test_update_document_replaces_only_its_section(tmp_path):
    document = tmp_path / "performance.md"
    document.write_text("# Performance\n\nHand-written text.\n")
    report.update_document(document, "first run")
    report.update_document(document, "second run")
    text = document.read_text()
    assert text.count(report.BEGIN) == 1
    assert "first run" not in text
    assert "second run" in text
    assert text.endswith("Hand-written text.\n")


def test_write_results(tmp_path):
    path = report.write_results(tmp_path, results())
    assert path.name == "20261205-2150-UTC.json"
    assert json.loads(path.read_text())["commit"] == "abc1234"


def test_loads_cover_the_issue_in_order():
    paths = {"static": "/s.css", "home": "/", "service": "/b/", "contact": "/k/", "search": "/sok/?q=x"}
    servers = {"portal": 1, "portal-uncached": 2, "vanilla": 3}
    rows = runner.loads(paths, servers, "/e/steg/1/fraga/", "sessionid=x", "a=b")
    keys = [row[0] for row in rows]
    assert keys[0] == "static" and keys[-1] == "static-again"
    for key in (
        "vanilla",
        "home-cached",
        "service-uncached",
        "contact-cached",
        "search",
        "eservice-get",
        "eservice-post",
        "api-submission",
        "content-api",
    ):
        assert key in keys
    by_key = {row[0]: row for row in rows}
    assert by_key["service-uncached"][2] == 2  # the server with the page cache off
    assert by_key["service-cached"][7] == "hit"
    assert by_key["eservice-post"][4:6] == ("POST", "a=b") and by_key["eservice-post"][8] == 302
    assert json.loads(by_key["api-submission"][5])["fraga"]["subject"]


def test_quick_options():
    quick = runner.parse_args(["--quick"])
    assert (quick.duration, quick.cases, quick.queue_runs) == (2, 10_000, 20)
    full = runner.parse_args([])
    assert (full.duration, full.cases, full.queue_runs, full.workers) == (10, 1_000_000, 100, 2)


def test_cookies_from_set_cookie_headers():
    headers = [
        ("Set-Cookie", "sessionid=abc; HttpOnly; Path=/; Secure"),
        ("Content-Type", "text/html"),
        ("set-cookie", "csrftoken=xyz; Path=/"),
    ]
    assert runner._cookies(headers) == {"sessionid": "abc", "csrftoken": "xyz"}
