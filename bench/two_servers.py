"""Requests per second of one app server against two, on one database and one Redis.

Not a test: it prints figures and never fails on a slow machine. Set up as bench/pages.py
does (a throwaway PostgreSQL database, BENCH_TWO_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/rr_bench_two; the shipped content; DEBUG off; collected
static files), then two gunicorns with one sync worker each on loopback, sharing the
database, one SECRET_KEY and Redis (BENCH_CACHE_URL, default redis://127.0.0.1:6379/13;
empty for none), as in production. There is no load balancer: for each page it alternates
ROUNDS rounds of SECONDS seconds between wrk against one server (four connections) and two
wrks at once, one against each server (two connections each), and prints the requests per
second of each and the median of the per-round ratios. A submission (GET /checklist/, POST,
GET the result) counts as one.

On one machine the two servers share its cores, and the database on it: the figure shows
that nothing in an app server holds the others back (no state of their own to agree on),
not what a second machine would add.

Usage: .venv/bin/python bench/two_servers.py [--seconds 3] [--rounds 3]   (needs wrk)
"""

import argparse
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

import pages  # bench/pages.py, beside this file

ROOT = pages.ROOT
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/rr_bench_two"
DEFAULT_CACHE_URL = "redis://127.0.0.1:6379/13"
PORT_A, PORT_B = 8741, 8742
CONNECTIONS = 4


def wrk_command(port: int, path: str, *, seconds: float, connections: int, headers, script):
    # One thread per connection: the submission script keeps one session per thread.
    command = ["wrk", f"-t{connections}", f"-c{connections}", f"-d{seconds:g}s"]
    command += ["--timeout", "10s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    if script:
        command += ["-s", script]
    return [*command, f"http://127.0.0.1:{port}{path}"]


def parse(output: str) -> tuple[float, int]:
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    failures = re.search(r"FLOW_FAILURES (\d+)", output)
    errors = (int(bad.group(1)) if bad else 0) + (int(failures.group(1)) if failures else 0)
    return rate, errors


def run_together(commands: list[list[str]]) -> tuple[float, int]:
    """Start every wrk at once; the sum of their rates and errors."""
    running = [subprocess.Popen(c, stdout=subprocess.PIPE, text=True) for c in commands]
    rate, errors = 0.0, 0
    for process in running:
        output, _ = process.communicate(timeout=120)
        if process.returncode:
            sys.exit(f"wrk failed: {' '.join(process.args)}")
        each, failed = parse(output)
        rate, errors = rate + each, errors + failed
    return rate, errors


def compare(name, path, *, seconds, rounds, url, headers, scripts=None, per=1) -> dict:
    """scripts: (one server's, server A's, server B's) wrk scripts, or None."""
    one_script, a_script, b_script = scripts or ("", "", "")
    half = CONNECTIONS // 2

    def one(seconds: float) -> list[list[str]]:
        return [wrk_command(PORT_A, path, seconds=seconds, connections=CONNECTIONS, **each)]

    def two(seconds: float) -> list[list[str]]:
        return [
            wrk_command(PORT_A, path, seconds=seconds, connections=half, **each_a),
            wrk_command(PORT_B, path, seconds=seconds, connections=half, **each_b),
        ]

    each = {"headers": headers, "script": one_script}
    each_a = {"headers": headers, "script": a_script}
    each_b = {"headers": headers, "script": b_script}
    pages.vacuum(url)
    run_together(two(1))  # warm both up
    one_rates, two_rates, ratios, errors = [], [], [], 0
    for _ in range(rounds):
        rate, failed = run_together(one(seconds))
        one_rates.append(rate / per)
        errors += failed
        rate, failed = run_together(two(seconds))
        two_rates.append(rate / per)
        errors += failed
        ratios.append(two_rates[-1] / one_rates[-1])
    row = {
        "page": name,
        "one": statistics.median(one_rates),
        "two": statistics.median(two_rates),
        "ratio": statistics.median(ratios),
        "errors": errors,
    }
    print(
        f"{name:36} one server {row['one']:8.1f}/s  two servers {row['two']:8.1f}/s  "
        f"two / one {row['ratio']:.2f}  (rounds: {', '.join(f'{r:.2f}' for r in ratios)})"
        + (f"  ERRORS {errors}" if errors else ""),
        flush=True,
    )
    return row


def flow_script(directory: str, name: str, browsers, answers: dict) -> str:
    cookies = ", ".join(f'"{browser.cookie_header()}"' for browser in browsers)
    path = Path(directory) / f"flow-{name}.lua"
    body = "&" + urlencode(answers)
    path.write_text(pages.FLOW_LUA % {"answers": body, "cookies": cookies})
    return str(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("bench/two_servers.py needs wrk (apt install wrk)")
    url = os.environ.get("BENCH_TWO_DATABASE_URL", DEFAULT_URL)
    cache_url = os.environ.get("BENCH_CACHE_URL", DEFAULT_CACHE_URL)
    pages.recreate_database(url)
    if cache_url:
        import redis

        with redis.Redis.from_url(cache_url, socket_connect_timeout=2) as server:
            server.flushdb()  # this benchmark's own Redis database
    static_root = tempfile.mkdtemp(prefix="rr-bench-two-")
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "CACHE_URL": cache_url,
        # One key for every app server: sessions, CSRF and cached pages' placeholders.
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "INSECURE_HTTP": "1",
        "STATIC_ROOT": static_root,
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    for name in ("DEBUG", "TESTING", "DJANGO_SETTINGS_MODULE", "REDIS_URL"):
        env.pop(name, None)
    pages.manage(env, "migrate", "--no-input")
    pages.manage(env, "collectstatic", "--no-input")
    pages.manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth.models import Group, User; from screening.accounts import roles;"
        f"u = User.objects.create_user('bench-worker', password='{pages.PASSWORD}');"
        "u.groups.add(Group.objects.get(name=roles.FRONTLINE))",
    )
    started = []
    try:
        for port in (PORT_A, PORT_B):
            started.append(pages.start_gunicorn(env, port, "project.wsgi:application"))
        reader = pages.Browser(PORT_A)
        reader.sign_in("bench-worker")
        answers = pages.answers_for(env)
        # Four sessions, signed in on A: a session works on either server.
        flow = [pages.Browser(PORT_A) for _ in range(CONNECTIONS)]
        for browser in flow:
            browser.sign_in("bench-worker")
        scripts = (
            flow_script(static_root, "one", flow, answers),
            flow_script(static_root, "a", flow[: CONNECTIONS // 2], answers),
            flow_script(static_root, "b", flow[CONNECTIONS // 2 :], answers),
        )
        signed_in = {**pages.ENCODING, "Cookie": reader.cookie_header()}
        print(
            f"rounds of {args.seconds:g} s, {args.rounds} each; {CONNECTIONS} connections;"
            f" Redis: {cache_url or 'none'}",
            flush=True,
        )
        timing = {"seconds": args.seconds, "rounds": args.rounds, "url": url}
        rows = [
            compare("GET /checklist/ signed in", "/checklist/", headers=signed_in, **timing),
            compare("GET /contacts/ signed in", "/contacts/", headers=signed_in, **timing),
            compare(
                "submission (GET, POST, GET result)",
                "/checklist/",
                headers={},
                scripts=scripts,
                per=3,
                **timing,
            ),
        ]
    finally:
        for process in started:
            pages.stop(process)
        shutil.rmtree(static_root, ignore_errors=True)
    print("\n| page | one server req/s | two servers req/s | two / one (median) |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print(f"| {row['page']} | {row['one']:.0f} | {row['two']:.0f} | {row['ratio']:.2f} |")


if __name__ == "__main__":
    main()
