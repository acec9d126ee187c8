"""Peak memory and time of previewing one large outcome file, as the CLI and the upload page do.

    .venv/bin/python -m benchmarks.upload_memory [--megabytes 99] [--way cli page]

Writes an outcome file of about --megabytes (35 bytes a row, as Swedish Excel saves outcomes:
2.8 million distinct rows for 100 MB, of 25 indicators in 4,000 units) into a temporary
directory with a SQLite store holding that city, then previews it in a fresh process per
way, so each peak is its own:
`cli` reads the file and calls `change_sets.preview` (as `kontrollrummet import --dry-run`);
`page` posts it to the upload page's preview callback as the browser does (a base64 data
URL inside JSON), signed in as an administrator. Reported: the process's RSS before the
file is read, its peak RSS (ru_maxrss) and the wall time of the preview. Results go to
docs/performance.md by hand.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dashboard import accounts, change_sets, csv_export
from dashboard.access import Role
from dashboard.csv_formats import INDICATORS, MEASUREMENTS, ORG_UNITS
from dashboard.csv_import import UploadFile
from dashboard.database import make_engine
from dashboard.store import Store

PASSWORD = "bench-lösenord-1"
UNITS = [f"E{i:04d}" for i in range(4_000)]
CODES = [f"I{i:02d}" for i in range(25)]
BYTES_PER_ROW = 35


def _setup_files() -> list[UploadFile]:
    orgs = [("STAD", "Staden", 1, None)] + [(code, f"Enhet {code}", 4, "STAD") for code in UNITS]
    indicators = [(code, f"Indikator {code}", "%", "higher", 1, 2, True, None) for code in CODES]
    return [UploadFile("organisation.csv", csv_export.csv_bytes(ORG_UNITS, orgs)),
            UploadFile("indikatorer.csv", csv_export.csv_bytes(INDICATORS, indicators))]


def _records(count: int):
    keys = itertools.product(CODES, UNITS, range(2020, 2025), ("T1", "T2", "FY"), ("T", "K", "M"))
    for n, key in enumerate(itertools.islice(keys, count)):
        value = round(50 + (n % 500) / 10, 1)
        yield *key, value, value + 1.5, "ok", ""


def write_fixture(directory: Path, megabytes: float) -> tuple[Path, str]:
    """The outcome file and the URL of a store holding its city."""
    url = f"sqlite:///{directory / 'bench.db'}"
    store = Store(make_engine(url))
    store.create_schema()
    change_sets.commit(store, _setup_files(), user_name="bench")
    accounts.add(store, "bench", "Bench", Role.ADMIN, (), PASSWORD, "bench")
    path = directory / "utfall.csv"
    path.write_bytes(csv_export.csv_bytes(MEASUREMENTS, _records(int(megabytes * 1e6 / BYTES_PER_ROW))))
    store.engine.dispose()
    return path, url


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize() / 1e6


def measure(way: str, path: Path, url: str) -> dict:
    """One preview in this process; its figures."""
    store = Store(make_engine(url))
    if way == "page":
        from dashboard.app import create_app
        from dashboard.settings import Settings
        from layouts.ids import UploadIds
        from tests.callback_requests import callback_payload

        app = create_app(Settings(database_url=url))
        client = app.server.test_client()
        client.post("/logga-in", data={"username": "bench", "password": PASSWORD})
    before = _rss_mb()
    started = time.perf_counter()
    if way == "cli":
        result = change_sets.preview(store, [UploadFile(path.name, path.read_bytes())])
        answer = f"{len(result.problems)} problems, {sum(f.rows for f in result.files)} rows"
    else:
        import base64

        data_url = "data:text/csv;base64," + base64.b64encode(path.read_bytes()).decode()
        payload = callback_payload(app, UploadIds.FILES, [[data_url]], [[path.name]])
        del data_url
        response = client.post("/_dash-update-component", json=payload)
        answer = f"HTTP {response.status_code}, {len(response.get_data())} bytes"
    elapsed = time.perf_counter() - started
    return {"way": way, "file_mb": path.stat().st_size / 1e6, "rss_before_mb": before,
            "peak_mb": _peak_mb(), "seconds": elapsed, "answer": answer}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=99)
    parser.add_argument("--way", nargs="+", choices=["cli", "page"], default=["cli", "page"])
    parser.add_argument("--measure", nargs=3, metavar=("WAY", "FILE", "URL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:  # the child process
        way, path, url = args.measure
        print(json.dumps(measure(way, Path(path), url)))
        return
    with tempfile.TemporaryDirectory(prefix="kontrollrummet-upload-") as directory:
        path, url = write_fixture(Path(directory), args.megabytes)
        for way in args.way:
            child = [sys.executable, "-m", "benchmarks.upload_memory", "--measure", way, str(path), url]
            figures = json.loads(subprocess.run(child, check=True, capture_output=True, text=True).stdout)
            print(f"{figures['way']:>5}: {figures['file_mb']:.1f} MB file, RSS {figures['rss_before_mb']:.0f} MB "
                  f"before, peak {figures['peak_mb']:.0f} MB, {figures['seconds']:.1f} s ({figures['answer']})")


if __name__ == "__main__":
    main()
