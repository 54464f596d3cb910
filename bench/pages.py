"""Requests per second of the frontline pages against a bare Django view, side by side.

Not a test: it prints figures and never fails on a slow machine. It recreates a throwaway
PostgreSQL database (BENCH_PAGES_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/rr_bench_pages), migrates it (the shipped content), signs
a worker in, and starts two gunicorns with one sync worker each on loopback: the app (DEBUG
off, collected static files) and bench/bare_app.py, a one-file Django app answering a small
HttpResponse. For each page it alternates ROUNDS rounds of SECONDS seconds between the two
under wrk (two connections) and prints the requests per second of each and the median of the
per-round ratios. A full submission is GET /checklist/, POST its answers, GET the result it
redirects to; one submission counts as one (its three requests are also shown).

A third gunicorn serves bench/signed_in_app.py: the cheapest signed-in page on Django's own
defaults (startproject's middleware, database sessions, a CSRF token, a constant body), measured
against the bare view in the same way, to show what Django's stack alone costs a signed-in page.

Usage: .venv/bin/python bench/pages.py [--seconds 5] [--rounds 5]   (needs wrk: apt install wrk)
"""

import argparse
import http.client
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/rr_bench_pages"
APP_PORT, BARE_PORT, SIGNED_IN_PORT = 8731, 8732, 8733
RESULT = "/checklist/result/"
PASSWORD = "bench-" + secrets.token_urlsafe(12)
ENCODING = {"Accept-Encoding": "gzip"}  # as a browser sends it

FLOW_LUA = """
step, csrf, token, failures, cookie = 0, "", "", 0, ""
local answers = "%(answers)s"
local threads, cookies, given = {}, {%(cookies)s}, 0
function setup(thread)
  given = given + 1
  thread:set("cookie", cookies[given])
  table.insert(threads, thread)
end
function request()
  local headers = {["Cookie"] = cookie}
  if step == 0 then
    return wrk.format("GET", "/checklist/", headers)
  elseif step == 1 then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    local body = "csrfmiddlewaretoken=" .. csrf .. "&token=" .. token .. answers
    return wrk.format("POST", "/checklist/", headers, body)
  end
  return wrk.format("GET", "/checklist/result/", headers)
end
function response(status, headers, body)
  if step == 0 then
    csrf = string.match(body, 'name="csrfmiddlewaretoken" value="([^"]+)"') or ""
    token = string.match(body, 'name="token" value="([^"]+)"') or ""
    step = 1
  elseif step == 1 then
    if status ~= 302 then failures = failures + 1 end
    step = 2
  else
    if status ~= 200 then failures = failures + 1 end
    step = 0
  end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("failures") end
  io.write("FLOW_FAILURES " .. total .. "\\n")
end
"""


def recreate_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.startswith("rr_bench"):
        sys.exit(f"Refusing to drop {name!r}: the database's name must start with rr_bench.")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def manage(env: dict, *args: str) -> str:
    python = sys.executable
    done = subprocess.run(
        [python, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout


def start_gunicorn(env: dict, port: int, *target: str) -> subprocess.Popen:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "--workers", "1", "--worker-class", "sync"]
    command += ["--bind", f"127.0.0.1:{port}", "--log-level", "warning", *target]
    process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            status, _, _ = fetch(port, "GET", "/healthz")
            if status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.2)
    stop(process)
    sys.exit(f"gunicorn on port {port} did not start")


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=20)


def fetch(port: int, method: str, path: str, *, body: str = "", headers: dict | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, body=body or None, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.getheaders(), response.read().decode()
    finally:
        conn.close()


class Browser:
    """Just enough of a browser to sign in and keep cookies."""

    def __init__(self, port: int) -> None:
        self.port, self.cookies = port, {}

    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def request(self, method: str, path: str, data: dict | None = None) -> tuple[int, str]:
        headers = {"Cookie": self.cookie_header()}
        body = ""
        if data is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urlencode(data)
        status, response_headers, text = fetch(self.port, method, path, body=body, headers=headers)
        for name, value in response_headers:
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _, val = pair.partition("=")
                if val and val != '""':
                    self.cookies[key] = val
                else:
                    self.cookies.pop(key, None)
        return status, text

    def sign_in(self, username: str) -> None:
        _, page = self.request("GET", "/accounts/login/")
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = {"csrfmiddlewaretoken": csrf, "username": username, "password": PASSWORD}
        status, _ = self.request("POST", "/accounts/login/", data)
        if status != 302 or "sessionid" not in self.cookies:
            sys.exit(f"could not sign {username} in (status {status})")

    def submit(self, answers: dict) -> None:
        _, page = self.request("GET", "/checklist/")
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        token = re.search(r'name="token" value="([^"]+)"', page).group(1)
        data = {"csrfmiddlewaretoken": csrf, "token": token, **answers}
        status, _ = self.request("POST", "/checklist/", data)
        if status != 302:
            sys.exit(f"the submission was refused (status {status})")


def wrk(port: int, path: str, *, seconds: float, headers: dict, script: str = "") -> tuple:
    command = ["wrk", "-t2", "-c2", f"-d{seconds:g}s", "--timeout", "10s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    if script:
        command += ["-s", script]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    failures = re.search(r"FLOW_FAILURES (\d+)", output)
    errors = int(bad.group(1)) if bad else 0
    errors += int(failures.group(1)) if failures else 0
    return rate, errors


def answers_for(env: dict) -> dict:
    code = (
        "from screening.models import Indicator;"
        "print(','.join(str(i.current_version_id) for i in "
        "Indicator.objects.active().filter(current_version__isnull=False)))"
    )
    ids = manage(env, "shell", "-c", code).split()[-1].split(",")
    answers = {f"v{vid}": ("yes" if n % 7 == 0 else "no") for n, vid in enumerate(ids)}
    return {"immediate_danger": "no", **answers}


def add_indicators(env: dict, total: int) -> int:
    code = (
        "from screening.models import Indicator, Section;"
        "s = Section.objects.create(slug='bench-extra', title='Extra', intro='Bench.',"
        " source='Bench.', position=900);"
        f"n = {total} - Indicator.objects.active().count();"
        "[Indicator.objects.create(section=s, slug=f'bench-{i}', text=f'Bench indicator {i}',"
        " help='What it can look like, in two short sentences. Another one.',"
        " source='Bench.', position=i) for i in range(n)];"
        "print(Indicator.objects.active().count())"
    )
    return int(manage(env, "shell", "-c", code).split()[-1])


def vacuum(url: str) -> None:
    """What autovacuum does in time: a page is not measured on the dead rows that the
    benchmark of the one before left behind (each submission rewrites its session)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def compare(
    name, path, *, seconds, rounds, headers, script="", per=1, url="", port=APP_PORT
) -> dict:
    if url:
        vacuum(url)
    wrk(port, path, seconds=1, headers=headers, script=script)  # warm up
    app_rates, bare_rates, ratios, errors = [], [], [], 0
    for _ in range(rounds):
        app, app_errors = wrk(port, path, seconds=seconds, headers=headers, script=script)
        bare, _ = wrk(BARE_PORT, path, seconds=seconds, headers=headers)
        app_rates.append(app / per)
        bare_rates.append(bare)
        ratios.append(app / per / bare)
        errors += app_errors
    row = {
        "page": name,
        "app": statistics.median(app_rates),
        "bare": statistics.median(bare_rates),
        "ratio": statistics.median(ratios),
        "errors": errors,
    }
    print(
        f"{name:32} app {row['app']:8.1f}/s  bare {row['bare']:8.1f}/s  "
        f"ratio {row['ratio']:.3f}  (rounds: {', '.join(f'{r:.3f}' for r in ratios)})"
        + (f"  ERRORS {errors}" if errors else ""),
        flush=True,
    )
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("bench/pages.py needs wrk (apt install wrk)")
    url = os.environ.get("BENCH_PAGES_DATABASE_URL", DEFAULT_URL)
    recreate_database(url)
    static_root = tempfile.mkdtemp(prefix="rr-bench-static-")
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "INSECURE_HTTP": "1",
        "STATIC_ROOT": static_root,
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    for name in ("DEBUG", "TESTING", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)
    manage(env, "migrate", "--no-input")
    manage(env, "collectstatic", "--no-input")
    manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth.models import Group, User; from screening.accounts import roles;"
        f"u = User.objects.create_user('bench-worker', password='{PASSWORD}');"
        "u.groups.add(Group.objects.get(name=roles.FRONTLINE))",
    )
    app = start_gunicorn(env, APP_PORT, "project.wsgi:application")
    started = [app]
    try:
        for port, target in ((BARE_PORT, "bare_app"), (SIGNED_IN_PORT, "signed_in_app")):
            started.append(
                start_gunicorn(env, port, "--chdir", str(ROOT / "bench"), f"{target}:application")
            )
    except SystemExit:
        for process in started:
            stop(process)
        raise
    script_path = Path(static_root) / "flow.lua"
    try:
        reader = Browser(APP_PORT)
        reader.sign_in("bench-worker")
        answers = answers_for(env)
        with_result = Browser(APP_PORT)
        with_result.sign_in("bench-worker")
        with_result.submit(answers)
        flow = [Browser(APP_PORT), Browser(APP_PORT)]
        for browser in flow:
            browser.sign_in("bench-worker")
        cookies = ", ".join(f'"{browser.cookie_header()}"' for browser in flow)
        body = "&" + urlencode(answers)
        script_path.write_text(FLOW_LUA % {"answers": body, "cookies": cookies})
        signed_in = {**ENCODING, "Cookie": reader.cookie_header()}
        floor = Browser(SIGNED_IN_PORT)
        status, _ = floor.request("GET", "/bench-sign-in/bench-worker")
        if status != 200 or "sessionid" not in floor.cookies:
            sys.exit(f"could not sign in to bench/signed_in_app.py (status {status})")
        status, text = floor.request("GET", "/")
        if status != 200 or not text.startswith("Hello from a signed-in Django page."):
            sys.exit(f"bench/signed_in_app.py did not serve its signed-in page (status {status})")
        floor_headers = {**ENCODING, "Cookie": floor.cookie_header()}
        result_headers = {**ENCODING, "Cookie": with_result.cookie_header()}
        count = len([key for key in answers if key.startswith("v")])
        print(f"rounds of {args.seconds:g} s, {args.rounds} each; {count} indicators", flush=True)
        timing = {"seconds": args.seconds, "rounds": args.rounds, "url": url}
        rows = [
            compare(f"GET /checklist/ ({count} ind.)", "/checklist/", headers=signed_in, **timing),
            compare("GET /", "/", headers=signed_in, **timing),
            compare("GET /guidance/", "/guidance/", headers=signed_in, **timing),
            compare("GET /contacts/", "/contacts/", headers=signed_in, **timing),
            compare("GET /checklist/result/", RESULT, headers=result_headers, **timing),
            compare(
                "submission (GET, POST, GET result)",
                "/checklist/",
                headers={},
                script=str(script_path),
                per=3,
                **timing,
            ),
            compare("GET /healthz", "/healthz", headers=ENCODING, **timing),
            compare(
                "Django's signed-in floor",
                "/",
                headers=floor_headers,
                port=SIGNED_IN_PORT,
                **timing,
            ),
        ]
        count = add_indicators(env, 100)
        rows.append(
            compare(f"GET /checklist/ ({count} ind.)", "/checklist/", headers=signed_in, **timing)
        )
    finally:
        for process in started:
            stop(process)
        shutil.rmtree(static_root, ignore_errors=True)
    print("\n| page | app req/s | bare req/s | app / bare (median) |\n| --- | --- | --- | --- |")
    for row in rows:
        print(f"| {row['page']} | {row['app']:.0f} | {row['bare']:.0f} | {row['ratio']:.2f} |")


if __name__ == "__main__":
    main()
