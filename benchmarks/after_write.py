"""The first page after an upload, as a worker that served before it sees it (issue 20: the
first whole-city page after an upload ≤ 300 ms).

    .venv/bin/python -m benchmarks.after_write --database URL [--committees 4] [--json FILE]

A served app (one worker) first shows each page once, as it would have before the upload.
Then, organisation by organisation: a one-row upload through the store the command line uses
(so it warms after the commit as `kontrollrummet import` does), timed with its warming, and
each of its pages' first and second request in the worker. The pages: Översikt (KF-mål),
Avvikelser and Prognoser for the city and for `--committees` nämnder, each in the latest
period, the one pages open on.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dashboard.app import create_app
from dashboard.settings import Settings
from dashboard.tools import bench
from dashboard.tools.cli.common import open_store
from dashboard.upload import change_sets, csv_export
from dashboard.upload.csv_formats import MEASUREMENTS
from dashboard.upload.csv_import import UploadFile
from layouts import urls

PAGES = {"Översikt": "/", "Avvikelser": urls.DEVIATIONS_PATH, "Prognoser": urls.ACCURACY_PATH}


def targets(store, committees: int) -> list[list[tuple[str, str, str]]]:
    """(name, path, query) of each page, per organisation: the city and the first nämnder."""
    orgs = store.org_units()
    year, period = store.reported_periods()[-1]
    chosen = [orgs[0], *[o for o in orgs if o.parent_id == orgs[0].id][:committees]]
    return [
        [
            (f"{page} {org.name}", path, f"?ar={year}&period={period}&org={org.code}")
            for page, path in PAGES.items()
        ]
        for org in chosen
    ]


def one_row_upload(store, value: float) -> bytes:
    """A file that changes one outcome, in a year before the data: every kept result ends."""
    indicator = change_sets.stored_records(store, "indicators")[0][0]
    year = store.reported_periods()[0][0] - 1
    record = (indicator, store.org_units()[0].code, year, "FY", "T", value, None, "ok", "")
    return csv_export.csv_bytes(MEASUREMENTS, [record])


def run(url: str, committees: int) -> list[dict]:
    app = create_app(Settings(database_url=url))
    client = bench.reader_client(app)

    def request(path: str, search: str) -> float:
        started = time.perf_counter()
        response = client.post(
            f"{urls.CALLBACK_PREFIX}update-component", json=bench.route_payload(path, search)
        )
        assert response.status_code == 200, response.status_code
        return (time.perf_counter() - started) * 1000

    store = bench.app_store(app)
    writer = open_store(url)
    by_org = targets(store, committees)
    for pages in by_org:
        for _, path, search in pages:
            request(path, search)  # as the worker served before the upload
    rows = []
    for number, pages in enumerate(by_org):
        content = one_row_upload(store, 50.0 + number % 2)
        started = time.perf_counter()
        change_sets.commit(writer, [UploadFile("utfall.csv", content)], user_name="after_write")
        upload_s = time.perf_counter() - started
        for name, path, search in pages:  # each page's first request after the upload
            first = request(path, search)
            second = request(path, search)
            rows.append(
                {"page": name, "upload_s": upload_s, "first_ms": first, "second_ms": second}
            )
    writer.engine.dispose()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--committees", type=int, default=4)
    parser.add_argument("--json")
    args = parser.parse_args()
    rows = run(args.database, args.committees)
    print(f"{'sida':50} {'uppladdning+värmning s':>22} {'första ms':>10} {'andra ms':>9}")
    for row in rows:
        print(
            f"{row['page'][:50]:50} {row['upload_s']:>22.2f} {row['first_ms']:>10.0f} "
            f"{row['second_ms']:>9.0f}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
