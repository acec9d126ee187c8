"""Peak memory and time of previewing one large outcome file, as the CLI and the upload page do.

    .venv/bin/python -m benchmarks.upload_memory [--megabytes 99] [--way cli page]

Writes an outcome file of about --megabytes (35 bytes a row, as Swedish Excel saves outcomes:
2.8 million distinct rows for 100 MB, of 25 indicators in 4,000 units) into a temporary
directory with a SQLite store holding that city, then previews it in a fresh process per
way, so each peak is its own:
`cli` reads the file and calls `change_sets.preview` (as `kontrollrummet import --dry-run`);
`page` serves the app (werkzeug, threaded) and this process posts the file to the upload
page's preview callback as the browser does (a base64 data URL inside JSON), signed in as
an administrator, so the server's peak holds only what the server does. Reported: the
measured process's RSS before the file arrives, its peak RSS (ru_maxrss) and the wall time
of the preview. Results go to docs/performance.md by hand.
"""

from __future__ import annotations

import argparse
import base64
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

from dashboard.access import Role, accounts
from dashboard.store import Store
from dashboard.store.database import make_engine
from dashboard.upload import change_sets, csv_export
from dashboard.upload.csv_formats import INDICATORS, MEASUREMENTS, ORG_UNITS
from dashboard.upload.csv_import import UploadFile
from layouts.ids import UploadIds

PASSWORD = "bench-lösenord-1"
SERVE = ["-m", "benchmarks.upload_memory", "--serve"]
UNITS = [f"E{i:04d}" for i in range(4_000)]
CODES = [f"I{i:02d}" for i in range(25)]
BYTES_PER_ROW = 35


def _setup_files() -> list[UploadFile]:
    orgs = [("STAD", "Staden", 1, None)] + [(code, f"Enhet {code}", 4, "STAD") for code in UNITS]
    indicators = [(code, f"Indikator {code}", "%", "higher", 1, 2, True, None) for code in CODES]
    return [
        UploadFile("organisation.csv", csv_export.csv_bytes(ORG_UNITS, orgs)),
        UploadFile("indikatorer.csv", csv_export.csv_bytes(INDICATORS, indicators)),
    ]


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
    path.write_bytes(
        csv_export.csv_bytes(MEASUREMENTS, _records(int(megabytes * 1e6 / BYTES_PER_ROW)))
    )
    store.engine.dispose()
    return path, url


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize() / 1e6


def measure_cli(path: Path, url: str) -> dict:
    """One preview in this process, as `kontrollrummet import --dry-run` does; its figures."""
    store = Store(make_engine(url))
    before = _rss_mb()
    started = time.perf_counter()
    result = change_sets.preview(store, [UploadFile(path.name, path.read_bytes())])
    elapsed = time.perf_counter() - started
    answer = f"{len(result.problems)} problems, {sum(f.rows for f in result.files)} rows"
    return {"rss_before_mb": before, "peak_mb": _peak_mb(), "seconds": elapsed, "answer": answer}


def serve(url: str) -> None:
    """Serve the app until a line comes on stdin; then print this process's memory figures."""
    from werkzeug.serving import make_server

    from dashboard.app import create_app
    from dashboard.settings import Settings

    server = make_server(
        "127.0.0.1", 0, create_app(Settings(database_url=url)).server, threaded=True
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    before = _rss_mb()
    print(server.port, flush=True)
    sys.stdin.readline()
    print(json.dumps({"rss_before_mb": before, "peak_mb": _peak_mb()}), flush=True)


def measure_page(path: Path, url: str) -> dict:
    """One preview posted to a served app, as the browser does; the server's figures."""
    from benchmarks.loadtest import client_session

    server = subprocess.Popen(
        [sys.executable, *SERVE, url], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    base_url = f"http://127.0.0.1:{int(server.stdout.readline())}"
    session = client_session(base_url, "bench", PASSWORD)
    payload = _preview_payload(session, base_url, path)
    started = time.perf_counter()
    response = session.post(f"{base_url}/_dash-update-component", json=payload, timeout=600)
    elapsed = time.perf_counter() - started
    del payload
    server.stdin.write("report\n")
    server.stdin.flush()
    figures = json.loads(server.stdout.readline())
    server.wait()
    return figures | {
        "seconds": elapsed,
        "answer": f"HTTP {response.status_code}, {len(response.content) / 1e6:.0f} MB answer",
    }


def _preview_payload(session: requests.Session, base_url: str, path: Path) -> dict:
    """The upload page's request when a file is dropped on it."""
    dependencies = session.get(f"{base_url}/_dash-dependencies", timeout=30).json()
    files = {"id": UploadIds.FILES, "property": "contents"}
    [preview] = [d for d in dependencies if files in d["inputs"]]
    outputs = [part.rsplit(".", 1) for part in preview["output"].strip(".").split("...")]
    data_url = "data:text/csv;base64," + base64.b64encode(path.read_bytes()).decode()
    return {
        "output": preview["output"],
        "outputs": [{"id": id_, "property": prop} for id_, prop in outputs],
        "inputs": [files | {"value": [data_url]}],
        "state": [{"id": UploadIds.FILES, "property": "filename", "value": [path.name]}],
        "changedPropIds": [f"{UploadIds.FILES}.contents"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=99)
    parser.add_argument("--way", nargs="+", choices=["cli", "page"], default=["cli", "page"])
    parser.add_argument("--cli", nargs=2, metavar=("FILE", "URL"), help=argparse.SUPPRESS)
    parser.add_argument("--serve", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    if args.cli:  # a child process, so that its peak is the preview's alone
        print(json.dumps(measure_cli(Path(args.cli[0]), args.cli[1])))
        return
    with tempfile.TemporaryDirectory(prefix="kontrollrummet-upload-") as directory:
        path, url = write_fixture(Path(directory), args.megabytes)
        for way in args.way:
            if way == "cli":
                child = [sys.executable, "-m", "benchmarks.upload_memory", "--cli", str(path), url]
                figures = json.loads(
                    subprocess.run(child, check=True, capture_output=True, text=True).stdout
                )
            else:
                figures = measure_page(path, url)
            print(
                f"{way:>5}: {path.stat().st_size / 1e6:.1f} MB file, "
                f"RSS {figures['rss_before_mb']:.0f} MB before, peak {figures['peak_mb']:.0f} MB, "
                f"{figures['seconds']:.1f} s ({figures['answer']})"
            )


if __name__ == "__main__":
    main()
