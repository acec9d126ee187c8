"""Import throughput for outcome files, against a raw executemany of the same rows.

    .venv/bin/python -m benchmarks.import_bench [--rows 100000 1000000]
                                                [--backend sqlite postgresql]

For each size and backend: a fresh database with the organisation units and indicators,
then (1) `change_sets.commit` of one Swedish-Excel CSV file (decode, parse, validate, compare,
insert, record the upload), (2) the same file again (everything unchanged), (3) a file where
every value changed (updates plus undo records), and (4) a raw DBAPI executemany of the same
rows with ids already resolved, in one transaction. PostgreSQL comes from
KONTROLLRUMMET_TEST_DATABASE_URL or a throwaway server (tests/postgres.py). Results go to
docs/benchmarks.md by hand.
"""

from __future__ import annotations

import argparse
import itertools
import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import text

from dashboard import change_sets, csv_export
from dashboard.csv_formats import INDICATORS, MEASUREMENTS, ORG_UNITS
from dashboard.csv_import import UploadFile
from dashboard.database import make_engine
from dashboard.store import Store
from tests.postgres import ThrowawayServer, create_database, find_bin_dir

ORGS = 1_000
INDICATORS_COUNT = 25
YEARS = range(2020, 2025)
PERIODS = ("T1", "T2", "FY")
GENDERS = ("T", "K", "M")


def setup_files() -> list[UploadFile]:
    """A city with ORGS units and INDICATORS_COUNT indicators, as import files."""
    orgs = [("STAD", "Staden", 1, None)] + [
        (f"E{i:04d}", f"Enhet {i}", 4, "STAD") for i in range(ORGS)
    ]
    indicators = [
        (f"I{i:02d}", f"Indikator {i}", "%", "higher", 1, 2, True, None)
        for i in range(INDICATORS_COUNT)
    ]
    return [
        UploadFile("organisation.csv", csv_export.csv_bytes(ORG_UNITS, orgs)),
        UploadFile("indikatorer.csv", csv_export.csv_bytes(INDICATORS, indicators)),
    ]


def outcome_records(count: int, shift: float = 0.0) -> Iterator[tuple]:
    """`count` distinct outcome rows; `shift` changes every value."""
    keys = itertools.product(
        (f"I{i:02d}" for i in range(INDICATORS_COUNT)),
        [f"E{i:04d}" for i in range(ORGS)],
        YEARS,
        PERIODS,
        GENDERS,
    )
    for n, (indicator, org, year, period, gender) in enumerate(itertools.islice(keys, count)):
        value = round(50 + (n % 500) / 10 + shift, 1)
        yield indicator, org, year, period, gender, value, value + 1.5, "ok", ""


def outcome_file(count: int, shift: float = 0.0) -> UploadFile:
    return UploadFile(
        "utfall.csv", csv_export.csv_bytes(MEASUREMENTS, outcome_records(count, shift))
    )


def fresh_store(url: str) -> Store:
    store = Store(make_engine(url))
    store.create_schema()
    change_sets.commit(store, setup_files(), user_name="bench")
    return store


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def raw_insert(store: Store, count: int) -> float:
    """executemany of the same rows straight to the driver, ids looked up beforehand."""
    with store.engine.connect() as conn:
        orgs = dict(conn.execute(text("SELECT code, id FROM org_unit")).all())
        indicators = dict(conn.execute(text("SELECT code, id FROM indicator")).all())
    rows = [(indicators[r[0]], orgs[r[1]], *r[2:]) for r in outcome_records(count)]
    mark = "?" if store.engine.dialect.paramstyle == "qmark" else "%s"
    sql = (
        "INSERT INTO measurement (indicator_id, org_id, year, period, gender, outcome, "
        f"forecast, value_status, comment) VALUES ({', '.join([mark] * 9)})"
    )

    def insert() -> None:
        with store.engine.begin() as conn:
            cursor = conn.connection.driver_connection.cursor()
            cursor.executemany(sql, rows)

    return timed(insert)


def run(backend: str, url_for, count: int) -> None:
    upload = outcome_file(count)
    changed = outcome_file(count, shift=0.5)
    raw_store = fresh_store(url_for())
    raw = raw_insert(raw_store, count)
    raw_store.engine.dispose()
    store = fresh_store(url_for())
    first = timed(lambda: change_sets.commit(store, [upload], user_name="bench"))
    again = timed(lambda: change_sets.commit(store, [upload], user_name="bench"))
    update = timed(lambda: change_sets.commit(store, [changed], user_name="bench"))
    store.engine.dispose()
    megabytes = len(upload.content) / 1e6
    print(
        f"| {backend} | {count:,} | {megabytes:.0f} MB | {first:.1f} s ({count / first:,.0f}/s) "
        f"| {raw:.1f} s ({count / raw:,.0f}/s) | {first / raw:.2f} | {again:.1f} s "
        f"({count / again:,.0f}/s) | {update:.1f} s ({count / update:,.0f}/s) |".replace(",", " ")
    )


def sqlite_urls(directory: Path):
    return lambda: f"sqlite:///{directory / f'{uuid.uuid4().hex}.db'}"


def postgres_urls(admin_url: str):
    return lambda: create_database(admin_url, "bench")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--backend", nargs="+", default=["sqlite", "postgresql"])
    args = parser.parse_args()
    print(
        "| backend | rows | file | import (new rows) | raw executemany | ratio | same file again "
        "| every value changed |"
    )
    print("|---|---|---|---|---|---|---|---|")
    server = None
    with tempfile.TemporaryDirectory() as directory:
        for backend in args.backend:
            if backend == "sqlite":
                urls = sqlite_urls(Path(directory))
            else:
                admin_url = os.environ.get("KONTROLLRUMMET_TEST_DATABASE_URL")
                if not admin_url:
                    server = ThrowawayServer(find_bin_dir())
                    server.start()
                    admin_url = server.url
                urls = postgres_urls(admin_url)
            for count in args.rows:
                run(backend, urls, count)
    if server:
        server.stop()


if __name__ == "__main__":
    main()
