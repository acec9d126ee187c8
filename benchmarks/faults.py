"""Fault runs against gunicorn workers on a throwaway PostgreSQL, on loopback only.

    .venv/bin/python -m benchmarks.faults [--rows 100000] [--outage 5] [--users 5]
                                          [--scenario kill-worker kill-import outage]

kill-worker: an editor saves a file of --rows outcome rows on the upload page; while the
    save holds the write lock, its worker gets kill -9. Reported: what the editor got, the
    rows and upload-log entries saved (none or all), whether the master replaced the worker.
kill-import: the same with `kontrollrummet import` as the process killed.
outage: --users read pages while PostgreSQL is stopped (as by a crash) for --outage
    seconds and started again. Reported: answers per kind during the outage (page, the
    Swedish message, anything else), /healthz then, how long after the restart the first
    page came, and whether any worker was restarted.
Each scenario takes well under a minute; the pytest versions are tests/test_serving.py and
tests/test_availability.py. Results go to the README ("Drift") by hand.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from benchmarks.loadtest import backfill_records, client_session, save_payload
from dashboard.store import Store
from dashboard.store.database import create_database, make_engine, reachable
from dashboard.tools import bench
from dashboard.upload import change_sets, csv_export
from dashboard.upload.csv_formats import MEASUREMENTS
from layouts import texts
from tests.postgres import ThrowawayServer, running_server
from tests.served import KONTROLLRUMMET, Served, kill, wait_for, write_lock_holder


def demo_database(server: ThrowawayServer) -> tuple[str, Store]:
    url = create_database(server.url, "faults")
    subprocess.run([KONTROLLRUMMET, "demo", "--database", url], check=True, capture_output=True)
    return url, Store(make_engine(url))


def outcome_file(store: Store, first_year: int, rows: int) -> bytes:
    """New outcome rows for the store's indicators and units, in the years before `first_year`."""
    return csv_export.csv_bytes(MEASUREMENTS, backfill_records(store, first_year, rows, shift=0.0))


def saved(store: Store, first_year: int, file_name: str) -> tuple[int, int]:
    """Rows in the years before `first_year`, and upload-log entries for the file."""
    rows = sum(
        1 for record in change_sets.stored_records(store, "measurements") if record[2] < first_year
    )
    return rows, sum(upload.file_name == file_name for upload in change_sets.list_uploads(store))


def kill_worker(server: ThrowawayServer, rows: int) -> None:
    url, store = demo_database(server)
    first_year = store.reported_periods()[0][0]
    content = outcome_file(store, first_year, rows)
    with Served(url, workers=2) as served:
        workers = served.worker_pids()
        session = client_session(served.base_url, "admin")
        payload = save_payload(session, served.base_url, "dodad.csv", content)
        answer: dict = {}

        def save() -> None:
            try:
                answer["status"] = session.post(
                    f"{served.base_url}/_dash-update-component", json=payload, timeout=300
                ).status_code
            except requests.RequestException as error:
                answer["error"] = type(error).__name__

        editor = threading.Thread(target=save)
        editor.start()
        victim = wait_for(lambda: write_lock_holder(store.engine), timeout=120)
        kill(victim)
        editor.join()
        replaced = wait_for(
            lambda: len(pids := served.worker_pids()) == 2 and victim not in pids, timeout=60
        )
        page_ok = served.healthy() and _page_ok(client_session(served.base_url), served.base_url)
        print(
            f"kill-worker: worker {victim} (of {sorted(workers)}) killed holding the write lock; "
            f"the editor got {answer}; saved rows and log entries: "
            f"{saved(store, first_year, 'dodad.csv')} of {rows}; "
            f"worker replaced: {bool(replaced)}; pages afterwards: {'ok' if page_ok else 'FAIL'}"
        )


def kill_import(server: ThrowawayServer, rows: int, directory: Path) -> None:
    url, store = demo_database(server)
    first_year = store.reported_periods()[0][0]
    path = directory / "dodad.csv"
    path.write_bytes(outcome_file(store, first_year, rows))
    command = [KONTROLLRUMMET, "import", str(path), "--user", "felprov", "--database", url]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(
        lambda: write_lock_holder(store.engine) == process.pid or process.poll() is not None,
        timeout=120,
    )
    kill(process.pid)
    process.wait()
    after_kill = saved(store, first_year, "dodad.csv")
    started = time.perf_counter()
    again = subprocess.run(command, capture_output=True, timeout=600)
    print(
        f"kill-import: exit {process.returncode}; "
        f"saved rows and log entries after the kill: {after_kill}; "
        f"import again: exit {again.returncode} in {time.perf_counter() - started:.1f} s, "
        f"saved {saved(store, first_year, 'dodad.csv')} of {rows}"
    )


def _page_ok(session: requests.Session, base_url: str, path: str = "/", search: str = "") -> bool:
    return _answer(session, base_url, path, search) == "page"


def _answer(session: requests.Session, base_url: str, path: str, search: str) -> str:
    """What a reader got: the page, the Swedish outage message, or anything else."""
    try:
        response = session.post(
            f"{base_url}/_dash-update-component", json=bench.route_payload(path, search), timeout=30
        )
    except requests.RequestException:
        return "no answer"
    if response.status_code != 200:
        return f"HTTP {response.status_code}"
    return "message" if texts.DATABASE_UNAVAILABLE_HEADING in response.text else "page"


def outage(server: ThrowawayServer, seconds: float, users: int) -> None:
    url, store = demo_database(server)
    urls = [pair for pairs in bench.view_urls(store, 5).values() for pair in pairs]
    store.engine.dispose()
    with Served(url, workers=2) as served:
        workers = served.worker_pids()
        phase = ["before"]
        answers: Counter = Counter()
        first_page_after: list[float] = []
        stop = threading.Event()

        def reader(number: int) -> None:
            rng, session = random.Random(number), client_session(served.base_url)
            while not stop.is_set():
                kind = _answer(session, served.base_url, *rng.choice(urls))
                answers[phase[0], kind] += 1
                if phase[0] == "after" and kind == "page" and not first_page_after:
                    first_page_after.append(time.monotonic())
                time.sleep(rng.uniform(0.05, 0.3))

        with ThreadPoolExecutor(users) as pool:
            for number in range(users):
                pool.submit(reader, number)
            time.sleep(2)
            phase[0] = "outage"
            server.pause()
            time.sleep(seconds / 2)
            health = requests.get(f"{served.base_url}/healthz", timeout=30).status_code
            time.sleep(seconds / 2)
            server.resume()
            resumed = time.monotonic()
            phase[0] = "after"
            wait_for(lambda: first_page_after, timeout=60)
            time.sleep(2)
            stop.set()
        health_after = requests.get(f"{served.base_url}/healthz", timeout=30).status_code
        print(
            f"outage: {seconds:.0f} s without PostgreSQL; "
            f"answers by phase and kind: {dict(sorted(answers.items()))}; "
            f"/healthz during: {health}, after: {health_after}; "
            f"first page {first_page_after[0] - resumed:.2f} s after the restart; "
            f"workers restarted: {'no' if served.worker_pids() == workers else 'YES'}; "
            f"database reachable again: {reachable(make_engine(url))}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument(
        "--outage", type=float, default=5.0, help="seconds without PostgreSQL (at most 60)"
    )
    parser.add_argument("--users", type=int, default=5, choices=range(1, 21), metavar="1-20")
    parser.add_argument(
        "--scenario",
        nargs="+",
        default=["kill-worker", "kill-import", "outage"],
        choices=["kill-worker", "kill-import", "outage"],
    )
    args = parser.parse_args()
    with running_server() as server:
        for scenario in args.scenario:
            if scenario == "kill-worker":
                kill_worker(server, args.rows)
            elif scenario == "kill-import":
                with tempfile.TemporaryDirectory() as directory:
                    kill_import(server, args.rows, Path(directory))
            else:
                outage(server, min(args.outage, 60.0), args.users)


if __name__ == "__main__":
    main()
