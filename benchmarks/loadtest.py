"""Load test: simulated users walk the main views while 100,000-row uploads are saved, against
several gunicorn workers on PostgreSQL, everything on loopback.

    .venv/bin/python -m benchmarks.loadtest [--users 50] [--workers 4] [--requests 10]
        [--think 5] [--uploads 2] [--rows 100000] [--upload-via cli|web] [--upload-nice 10]
        [--scale demo|stockholm]
        [--database URL] [--user NAME --password PASSWORD] [--json FILE]

The same users, signed in once, run two phases. Idle: each makes --requests page requests.
Loaded: they walk on while --uploads `kontrollrummet import` processes (or Save clicks on the
upload page, --upload-via web), started at the same moment, save overlapping files of --rows
outcome rows each (the years before the data, so the pages stay the same). A page request is the
router's callback POST a browser makes for a URL, built by dashboard/tools/bench.py.
Reported: requests, errors, p50 and p95 per view, idle against loaded,
and whether every upload landed whole. Bounded: at most --max-seconds per phase, at most 200
users; the server listens on 127.0.0.1 only. PostgreSQL is --database (filled with demo data
if empty) or a throwaway server. The figures go to the README ("Drift") by hand.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import itertools
import json
import os
import platform
import random
import secrets
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from pathlib import Path

import requests
from sqlalchemy import func, select

from dashboard.access import Role, accounts
from dashboard.store import Store, measurement_t
from dashboard.store.database import create_database, make_engine
from dashboard.tools import bench
from dashboard.tools.demo_accounts import DEMO_ACCOUNTS
from dashboard.upload import change_sets, csv_export
from dashboard.upload.csv_formats import MEASUREMENTS
from layouts import texts
from layouts.ids import UploadIds
from tests.postgres import running_server
from tests.served import KONTROLLRUMMET, Served

DEMO_PASSWORDS = {account.username: account.password for account in DEMO_ACCOUNTS}

UPLOADER = "lasttest"
# Fifty scrypt sign-ins at once took over 30 s on the shared 2-core machine at load 20-30.
SIGN_IN_TIMEOUT_S = 180
GOAL_RATIO = 3  # loaded p95 at most this many times idle (issue 20)


@dataclass(frozen=True)
class Sample:
    view: str
    seconds: float
    ok: bool


@dataclass(frozen=True)
class UploadOutcome:
    user: str
    ok: bool
    seconds: float
    detail: str  # the import's last line, or the HTTP status of the Save click


def client_session(
    base_url: str, user: str = "politiker", password: str | None = None
) -> requests.Session:
    """Every simulated user's HTTP session, signed in through the sign-in form.

    The password defaults to the demo account's (e.g. the reader `politiker` / `demo-politiker`).
    """
    session = requests.Session()
    password = password if password is not None else DEMO_PASSWORDS.get(user, "")
    response = session.post(
        f"{base_url}/logga-in",
        data={"username": user, "password": password},
        timeout=SIGN_IN_TIMEOUT_S,
    )
    if response.status_code >= 400 or not session.cookies:
        raise RuntimeError(f"sign-in as {user} failed: HTTP {response.status_code}")
    return session


def uploader_session(store: Store, base_url: str, name: str) -> requests.Session:
    """A signed-in session of an administrator account named `name`, made for the run if missing."""
    password = secrets.token_hex(16)
    if accounts.principal(store, name) is None:
        accounts.add(store, name, name, Role.ADMIN, (), password, actor="loadtest")
    else:
        accounts.set_password(store, name, password, actor="loadtest")
    return client_session(base_url, name, password)


def page_ok(session: requests.Session, base_url: str, path: str, search: str) -> bool:
    """Request one page as the browser does; an error is any answer but a page."""
    try:
        response = session.post(
            f"{base_url}/_dash-update-component", json=bench.route_payload(path, search), timeout=60
        )
    except requests.RequestException:
        return False
    return response.status_code == 200 and texts.DATABASE_UNAVAILABLE_HEADING not in response.text


def walk(
    session: requests.Session,
    base_url: str,
    urls: dict[str, list[tuple[str, str]]],
    keep_going: Callable[[int], bool],
    think: float,
    rng: random.Random,
) -> list[Sample]:
    """One user: a random view, a pause to read it, the next, while
    `keep_going(requests so far)`."""
    samples: list[Sample] = []
    time.sleep(rng.uniform(0, think))  # users arrive spread out, not all in the same instant
    while keep_going(len(samples)):
        view = rng.choice(sorted(urls))
        path, search = rng.choice(urls[view])
        started = time.perf_counter()
        ok = page_ok(session, base_url, path, search)
        samples.append(Sample(view, time.perf_counter() - started, ok))
        time.sleep(think * rng.uniform(0.5, 1.5))
    return samples


def signed_in(args, base_url: str) -> list[requests.Session]:
    """Every simulated user's session, signed in once before the phases. Fifty scrypt sign-ins
    at once keep the workers busy for seconds: made as the loaded phase started, they were its
    slowest answers' cause, not the uploads (the sign-in is the harness's, not a measured
    request)."""

    def sign_in(_number: int) -> requests.Session:
        return client_session(base_url, args.user, args.password)

    with ThreadPoolExecutor(args.users) as pool:
        return list(pool.map(sign_in, range(args.users)))


def run_phase(
    args,
    base_url: str,
    sessions: list[requests.Session],
    urls,
    keep_going: Callable[[int], bool],
    seed: int,
) -> list[Sample]:
    """All users at once, each in its signed-in session; their samples together."""

    def user(number: int) -> list[Sample]:
        rng = random.Random(seed + number)
        return walk(sessions[number], base_url, urls, keep_going, args.think, rng)

    with ThreadPoolExecutor(len(sessions)) as pool:
        return [sample for samples in pool.map(user, range(len(sessions))) for sample in samples]


def backfill_records(store: Store, first_year: int, rows: int, shift: float) -> list[tuple]:
    """`rows` outcome rows for the store's own indicators and units in the years before
    `first_year`."""
    indicators = [record[0] for record in change_sets.stored_records(store, "indicators")]
    orgs = sorted(org.code for org in store.org_units())
    keys = itertools.product(
        range(first_year - 1, 1949, -1), indicators, orgs, ("T1", "T2", "FY"), ("T", "K", "M")
    )
    return [
        (indicator, org, year, period, gender, round(40 + n % 500 / 10 + shift, 1), None, "ok", "")
        for n, (year, indicator, org, period, gender) in enumerate(itertools.islice(keys, rows))
    ]


def save_payload(session: requests.Session, base_url: str, file_name: str, content: bytes) -> dict:
    """The upload page's Save click with a file already previewed, as the browser posts it; the
    signed-in person of the session is the uploader."""
    dependencies = session.get(f"{base_url}/_dash-dependencies", timeout=30).json()
    [save] = [
        d for d in dependencies if {"id": UploadIds.SAVE, "property": "n_clicks"} in d["inputs"]
    ]
    outputs = [part.rsplit(".", 1) for part in save["output"].strip(".").split("...")]
    return {
        "output": save["output"],
        "outputs": [{"id": id_, "property": prop} for id_, prop in outputs],
        "inputs": [{"id": UploadIds.SAVE, "property": "n_clicks", "value": 1}],
        "state": [
            {
                "id": UploadIds.PENDING,
                "property": "data",
                "value": [[file_name, base64.b64encode(content).decode()]],
            },
        ],
        "changedPropIds": [f"{UploadIds.SAVE}.n_clicks"],
    }


def timed_import(url: str, path: Path, user: str, nice: int) -> UploadOutcome:
    """`kontrollrummet import` in its own process, as a batch load would be, at its CPU priority
    `nice` (the command's own option; 10 is its default)."""
    command = [KONTROLLRUMMET, "import", str(path), "--user", user, "--nice", str(nice)]
    started = time.perf_counter()
    done = subprocess.run(
        [*command, "--database", url],
        capture_output=True,
        text=True,
        timeout=600,
    )
    lines = (done.stdout + done.stderr).strip().splitlines() or [""]
    return UploadOutcome(user, done.returncode == 0, time.perf_counter() - started, lines[-1])


def timed_web_upload(
    session: requests.Session, base_url: str, path: Path, user: str
) -> UploadOutcome:
    """The upload page's Save click for the file, saved by whichever worker takes it."""
    payload = save_payload(session, base_url, path.name, path.read_bytes())
    started = time.perf_counter()
    response = session.post(f"{base_url}/_dash-update-component", json=payload, timeout=600)
    ok = response.status_code == 200 and texts.DATABASE_UNAVAILABLE_HEADING not in response.text
    return UploadOutcome(user, ok, time.perf_counter() - started, f"HTTP {response.status_code}")


def check_uploads(
    store: Store,
    before: int,
    first_year: int,
    outcomes: list[UploadOutcome],
    files: dict[str, list[tuple]],
) -> dict:
    """Whether every upload is whole in the log and the rows before `first_year` hold the last
    one's values."""
    log = [
        u
        for u in change_sets.list_uploads(store)
        if u.id > before and u.user_name.startswith(UPLOADER)
    ]
    rows = len(next(iter(files.values())))
    whole = (
        len(log) == len(outcomes)
        and all(o.ok for o in outcomes)
        and all(u.rows_inserted + u.rows_updated + u.rows_unchanged == rows for u in log)
    )
    last = max(log, key=lambda u: u.id).user_name if log else None
    with store.engine.connect() as conn:
        count, total = conn.execute(
            select(func.count(), func.sum(measurement_t.c.outcome)).where(
                measurement_t.c.year < first_year
            )
        ).one()
    expected_total = sum(record[5] for record in files[last]) if last else 0
    return {
        "log": [
            {
                "id": u.id,
                "user": u.user_name,
                "inserted": u.rows_inserted,
                "updated": u.rows_updated,
                "unchanged": u.rows_unchanged,
            }
            for u in sorted(log, key=lambda u: u.id)
        ],
        "rows_stored": count,
        "last_upload_wins": count == rows and abs((total or 0) - expected_total) < 0.01 * rows,
        "whole": whole and count == rows,
    }


def figures(samples: list[Sample]) -> dict:
    times = sorted(s.seconds * 1000 for s in samples)
    return {
        "requests": len(samples),
        "errors": sum(not s.ok for s in samples),
        "p50_ms": statistics.median(times) if times else 0.0,
        "p95_ms": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))] if times else 0.0,
    }


def per_view(samples: list[Sample]) -> dict[str, dict]:
    views = sorted({s.view for s in samples})
    table = {view: figures([s for s in samples if s.view == view]) for view in views}
    return table | {"alla vyer": figures(samples)}


def machine() -> dict:
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    return {
        "cpus": os.cpu_count(),
        "memory_gib": round(memory_kb / 2**20),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def report(results: dict) -> str:
    idle, loaded = results["idle"], results["loaded"]
    host = results["machine"]
    lines = [
        (
            f"{results['date']}: {results['users']} användare, "
            f"{results['workers']} arbetsprocesser, "
            f"{_number(results['measurements'])} mätvärden, betänketid {results['think_s']} s, "
            f"uppladdningar med nice {results['upload_nice']}; "
            f"{host['cpus']} kärnor, {host['memory_gib']} GiB, {host['system']}"
        ),
        f"{'vy':42} {'anrop':>11} {'fel':>7} {'p50 ms':>15} {'p95 ms':>15} {'p95 kvot':>8}",
    ]
    for view in idle:
        i, lo = idle[view], loaded.get(view, figures([]))
        ratio = lo["p95_ms"] / i["p95_ms"] if i["p95_ms"] else 0.0
        lines.append(
            f"{view:42} {i['requests']:>5}/{lo['requests']:<5} {i['errors']:>3}/{lo['errors']:<3} "
            f"{i['p50_ms']:>7.0f}/{lo['p50_ms']:<7.0f} "
            f"{i['p95_ms']:>7.0f}/{lo['p95_ms']:<7.0f} {ratio:>8.2f}"
        )
    lines.append("(tomgång/under uppladdning)")
    for upload in results["uploads"]:
        lines.append(
            f"uppladdning {upload['user']} ({results['upload_via']}): "
            f"{'klar' if upload['ok'] else 'MISSLYCKADES'} på {upload['seconds']:.1f} s: "
            f"{upload['detail']}"
        )
    check = results["upload_check"]
    for entry in check["log"]:
        lines.append(
            f"  logg {entry['id']} {entry['user']}: {_number(entry['inserted'])} nya, "
            f"{_number(entry['updated'])} ändrade, {_number(entry['unchanged'])} oförändrade"
        )
    lines.append(
        f"{_number(check['rows_stored'])} rader sparade; alla uppladdningar hela: "
        f"{'ja' if check['whole'] else 'NEJ'}; "
        f"den sista vinner: {'ja' if check['last_upload_wins'] else 'NEJ'}"
    )
    total_idle, total_loaded = idle["alla vyer"], loaded["alla vyer"]
    goal = (
        total_idle["errors"] + total_loaded["errors"] == 0
        and check["whole"]
        and total_loaded["p95_ms"] <= GOAL_RATIO * total_idle["p95_ms"]
    )
    lines.append(
        f"Mål (0 fel, allt sparat, p95 under last ≤ {GOAL_RATIO} × tomgång): "
        f"{'uppnått' if goal else 'EJ uppnått'}"
    )
    return "\n".join(lines)


def _number(count: int) -> str:
    return f"{count:,}".replace(",", " ")


def run(args, url: str) -> dict:
    store = Store(make_engine(url))
    store.create_schema()
    if not store.table_counts()["measurement"]:
        subprocess.run(
            [KONTROLLRUMMET, "demo", "--scale", args.scale, "--database", url],
            check=True,
            capture_output=True,
        )
    urls = bench.view_urls(store, max(args.requests, 3))
    before = max((u.id for u in change_sets.list_uploads(store)), default=0)
    first_year = store.reported_periods()[0][0]
    files = {
        f"{UPLOADER}-{n}": backfill_records(store, first_year, args.rows, shift=n + 1.0)
        for n in range(args.uploads)
    }
    with tempfile.TemporaryDirectory() as directory, Served(url, workers=args.workers) as served:
        paths = {user: Path(directory) / f"{user}.csv" for user in files}
        for user, records in files.items():
            paths[user].write_bytes(csv_export.csv_bytes(MEASUREMENTS, records))
        sessions = signed_in(args, served.base_url)
        deadline = time.monotonic() + args.max_seconds
        idle = run_phase(
            args,
            served.base_url,
            sessions,
            urls,
            lambda n: n < args.requests and time.monotonic() < deadline,
            seed=1,
        )
        with ThreadPoolExecutor(args.uploads) as pool:
            if args.upload_via == "web":
                uploads: list[Future] = [
                    pool.submit(
                        timed_web_upload,
                        uploader_session(store, served.base_url, user),
                        served.base_url,
                        paths[user],
                        user,
                    )
                    for user in files
                ]
            else:
                uploads = [
                    pool.submit(timed_import, url, paths[user], user, args.upload_nice)
                    for user in files
                ]
            deadline = time.monotonic() + args.max_seconds
            loaded = run_phase(
                args,
                served.base_url,
                sessions,
                urls,
                lambda n: not all(u.done() for u in uploads) and time.monotonic() < deadline,
                seed=1000,
            )
            outcomes = [upload.result() for upload in uploads]
    results = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "users": args.users,
        "workers": args.workers,
        "think_s": args.think,
        "rows": args.rows,
        "upload_nice": args.upload_nice,
        "upload_via": args.upload_via,
        "measurements": store.table_counts()["measurement"],
        "idle": per_view(idle),
        "loaded": per_view(loaded),
        "uploads": [asdict(o) for o in outcomes],
        "upload_check": check_uploads(store, before, first_year, outcomes, files),
    }
    store.engine.dispose()
    return results


def arguments() -> argparse.ArgumentParser:
    """The command line, with bounded defaults."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50, choices=range(1, 201), metavar="1-200")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--requests", type=int, default=10, help="page requests per user while idle"
    )
    parser.add_argument("--think", type=float, default=5.0, help="mean seconds a user reads a page")
    parser.add_argument(
        "--uploads", type=int, default=2, help="uploads started at once in the loaded phase"
    )
    parser.add_argument("--rows", type=int, default=100_000, help="outcome rows per upload")
    parser.add_argument(
        "--upload-via",
        choices=["cli", "web"],
        default="cli",
        help="kontrollrummet import processes, or the upload page's Save in the workers",
    )
    parser.add_argument(
        "--upload-nice",
        type=int,
        default=10,
        choices=range(20),
        metavar="0-19",
        help="the imports' CPU priority (`kontrollrummet import --nice`; 10 is its default)",
    )
    parser.add_argument("--scale", choices=["demo", "stockholm"], default="demo")
    parser.add_argument("--max-seconds", type=float, default=300.0, help="longest a phase may last")
    parser.add_argument("--database", help="PostgreSQL URL (default: a throwaway server)")
    parser.add_argument(
        "--user", default="politiker", help="the account every simulated reader signs in as"
    )
    parser.add_argument("--password", help="its password (default: the demo account's)")
    parser.add_argument("--json", help="save the figures as JSON")
    return parser


def main() -> None:
    args = arguments().parse_args()
    with ExitStack() as stack:
        url = args.database or create_database(
            stack.enter_context(running_server()).url, "loadtest"
        )
        results = run(args, url)
    print(report(results))
    if args.json:
        Path(args.json).write_text(
            json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
