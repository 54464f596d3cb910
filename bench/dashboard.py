"""Time the supervisors' dashboard on PostgreSQL at 10 000, 100 000 and 1 000 000 records.

Not a test: it prints figures and never fails on a slow machine. It drops and recreates a
throwaway database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/rr_bench),
migrates it, grows it with synthetic records, and asks for the dashboard as a supervisor
through Django's test client, after counting the ended quarters as the scheduled job
does (manage.py summarise_usage): once cold (the suppression's complements are found),
then REPEAT times warm, rotating through four views (everyone, a region, a setting, an age
band). Each view shows the chosen quarter and the seven before it (the trend). It prints the
median (p50) and p95, and the queries of one request of each view, and checks that none of
them counts the usage records.
Usage: .venv/bin/python bench/dashboard.py [--repeat 30] [--sizes 10000,100000,1000000]
"""

import argparse
import io
import os
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/rr_bench"
VIEWS = ["", "?region=np-bagmati", "?setting=street", "?age_band=15_17"]
RECORDS_TABLE = '"screening_usagerecord"'


def counts_records(sql: str) -> bool:
    """Whether a query counts usage records (rather than reading the summary)."""
    return "COUNT(" in sql.upper() and RECORDS_TABLE in sql


def recreate_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.startswith(("rr_bench", "bench")):
        sys.exit(
            f"Refusing to drop {name!r}: the benchmark database's name must start with rr_bench."
        )
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def trend_quarters(html: str) -> int:
    """How many quarters the page's trend shows side by side (its main table's columns)."""
    start = html.find('id="trend-table"')
    if start < 0:
        return 0
    head = html[start : html.index("</thead>", start)]
    return len(re.findall(r'<th scope="col" class="num">Q\d', head))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument(
        "--indicators", type=int, default=100, help="add indicators up to this many first"
    )
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("TESTING", "1")  # no SECRET_KEY needed, no HTTPS redirect
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    recreate_database(url)

    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.urls import reverse
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from screening.accounts import roles
    from screening.dashboard.synthetic import generate_usage
    from screening.models import Indicator, Section, UsageRecord

    setup_test_environment()  # lets the test client's host through ALLOWED_HOSTS
    call_command("migrate", verbosity=0)
    user = User.objects.create_user("bench-supervisor", password="not-used-bench-only-42")
    user.groups.add(Group.objects.get(name=roles.SUPERVISORS))
    client = Client()
    client.force_login(user)
    # Supervisors reach the dashboard after a second factor, as a person does: a code from
    # their authenticator app.
    device = TOTPDevice.objects.create(user=user, name="Bench phone", confirmed=True)
    verified = client.post(reverse("two_factor:verify"), {"code": f"{totp(device.bin_key):06d}"})
    assert verified.status_code == 302, verified.status_code
    extra = args.indicators - Indicator.objects.active().count()
    if extra > 0:
        section = Section.objects.create(
            slug="bench-extra", title="Extra", intro="Bench.", source="Bench.", position=900
        )
        for number in range(extra):
            Indicator.objects.create(
                section=section,
                slug=f"bench-{number}",
                text=f"Bench indicator {number}",
                help="Bench.",
                source="Bench.",
                position=number,
            )

    print(
        f"Dashboard on PostgreSQL {connection.pg_version // 10000}, "
        f"{args.repeat} warm requests per size, "
        f"{Indicator.objects.active().count()} indicators"
    )
    print(
        f"{'records':>10} {'generate s':>10} {'count s':>8} {'cold ms':>9} {'p50 ms':>8} "
        f"{'p95 ms':>8} {'KB':>6} {'quarters':>8} {'queries':>11}"
    )
    medians = {}
    for size in sizes:
        missing = size - UsageRecord.objects.count()
        started = time.perf_counter()
        if missing > 0:
            generate_usage(count=missing, seed=size)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        generated = time.perf_counter() - started
        # What the scheduled job (manage.py summarise_usage) does; no request counts.
        started = time.perf_counter()
        call_command("summarise_usage", stdout=io.StringIO())
        counted = time.perf_counter() - started

        started = time.perf_counter()
        response = client.get("/dashboard/")
        cold = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, response.status_code
        assert b"not yet counted" not in response.content
        timings = []
        for index in range(args.repeat):
            started = time.perf_counter()
            response = client.get("/dashboard/" + VIEWS[index % len(VIEWS)])
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
        medians[size] = statistics.median(timings)
        # The queries of one request of each view: few, fixed, and none counts the records.
        queries = []
        for view in VIEWS:
            with CaptureQueriesContext(connection) as captured:
                response = client.get("/dashboard/" + view)
            assert response.status_code == 200, response.status_code
            counting = [q["sql"] for q in captured.captured_queries if counts_records(q["sql"])]
            assert not counting, counting
            queries.append(len(captured.captured_queries))
        quarters = trend_quarters(response.content.decode())
        print(
            f"{size:>10,} {generated:>10.1f} {counted:>8.1f} {cold:>9.0f} {medians[size]:>8.1f} "
            f"{percentile(timings, 0.95):>8.1f} {len(response.content) / 1024:>6.0f} "
            f"{quarters:>8} "
            f"{'/'.join(map(str, queries)):>11}",
            flush=True,
        )
    print("No request counted the usage records (queries: everyone/region/setting/age band).")
    if len(medians) > 1:
        first, last = sizes[0], sizes[-1]
        print(
            f"Growth ratio of the median, {last:,} / {first:,}: "
            f"{medians[last] / medians[first]:.2f}"
        )


if __name__ == "__main__":
    main()
