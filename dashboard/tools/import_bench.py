"""The import benchmark: outcome files through `change_sets.commit` against a raw bulk upsert.

For each row count, in fresh databases of the bench database's kind (temporary SQLite files,
or new databases on the same PostgreSQL server, dropped afterwards) with 1,001 organisation
units and 25 indicators: (1) the import of one Swedish-Excel outcome file of new rows
(decode, parse, validate, compare, write, record the upload), (2) a raw driver-level
executemany of `INSERT … ON CONFLICT DO UPDATE` of the same rows, ids already resolved, into
the same indexed table in one transaction: the floor, (3) the same file again (nothing
changes) and (4) a file where every value changed (updates and undo records).
"""

from __future__ import annotations

import itertools
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from dashboard.store import Store, database, datasets
from dashboard.upload import change_sets, csv_export
from dashboard.upload.csv_formats import INDICATORS, MEASUREMENTS, ORG_UNITS
from dashboard.upload.csv_import import UploadFile

BUDGET_ROWS_PER_S = 100_000
BUDGET_RAW_RATIO = 3.0
ORGS = 1_000
INDICATORS_COUNT = 25
YEARS = range(2020, 2025)
PERIODS = ("T1", "T2", "FY")
GENDERS = ("T", "K", "M")
MAX_ROWS = INDICATORS_COUNT * ORGS * len(YEARS) * len(PERIODS) * len(GENDERS)  # distinct keys


@dataclass(frozen=True)
class ImportFigures:
    backend: str
    rows: int
    file_bytes: int
    import_s: float  # new rows
    raw_s: float  # raw bulk upsert of the same rows
    again_s: float  # the same file again: nothing written
    changed_s: float  # every value changed: updates and undo records

    @property
    def rows_per_s(self) -> float:
        return self.rows / self.import_s

    @property
    def ratio(self) -> float:
        """How many times the raw upsert's time the import takes."""
        return self.import_s / self.raw_s

    @property
    def within_budget(self) -> bool:
        return self.rows_per_s >= BUDGET_ROWS_PER_S and self.ratio <= BUDGET_RAW_RATIO


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


def outcome_records(
    count: int, shift: float = 0.0
) -> Iterator[tuple[str, str, int, str, str, float, float, str, str]]:
    """`count` distinct outcome rows in the layout's field order; `shift` changes every value."""
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


def raw_upsert(store: Store, count: int) -> float:
    """Seconds for a driver-level executemany upsert of the rows in one transaction."""
    orgs, indicators, upload_id = datasets.ids_by_code(store.engine)
    rows = [(indicators[r[0]], orgs[r[1]], *r[2:], upload_id) for r in outcome_records(count)]

    def upsert() -> None:
        with store.writing(None) as w:  # a scratch database: nobody's write to audit
            w.results_ended(prepare=False)
            datasets.raw_measurement_upsert(w.conn, rows)

    return _timed(upsert)


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


@contextmanager
def scratch_stores(bench_url: str) -> Iterator[Callable[[], Store]]:
    """Makes fresh stores with the setup files, beside the bench database; removes them after."""
    backend = make_url(bench_url).get_backend_name()
    made: list[Store] = []
    with tempfile.TemporaryDirectory(prefix="kontrollrummet-import-") as directory:

        def fresh() -> Store:
            if backend == "sqlite":
                url = f"sqlite:///{Path(directory) / f'import{len(made)}.db'}"
            else:
                url = database.create_database(bench_url, "kontrollrummet_import")
            store = Store(database.make_engine(url))
            made.append(store)
            store.create_schema()
            change_sets.commit(store, setup_files(), user_name="bench")
            return store

        try:
            yield fresh
        finally:
            for store in made:
                store.engine.dispose()
                if backend != "sqlite":
                    database.drop_database(
                        bench_url, store.engine.url.render_as_string(hide_password=False)
                    )


def measure(fresh: Callable[[], Store], backend: str, count: int) -> ImportFigures:
    """Time the import of `count` new rows, the raw upsert, the same file again and every value
    changed."""
    upload, changed = outcome_file(count), outcome_file(count, shift=0.5)
    raw = raw_upsert(fresh(), count)
    store = fresh()

    def commit(file: UploadFile) -> Callable[[], object]:
        return lambda: change_sets.commit(store, [file], user_name="bench")

    return ImportFigures(
        backend=backend,
        rows=count,
        file_bytes=len(upload.content),
        import_s=_timed(commit(upload)),
        raw_s=raw,
        again_s=_timed(commit(upload)),
        changed_s=_timed(commit(changed)),
    )


def run(bench_url: str, row_counts: list[int]) -> list[dict[str, Any]]:
    """Import figures for each row count, in scratch databases beside the bench database."""
    backend = make_url(bench_url).get_backend_name()
    with scratch_stores(bench_url) as fresh:
        figures = [measure(fresh, backend, count) for count in row_counts]
    return [
        asdict(f) | {"rows_per_s": f.rows_per_s, "ratio": f.ratio, "within_budget": f.within_budget}
        for f in figures
    ]


def report_lines(results: list[dict[str, Any]]) -> list[str]:
    """The import table: rows, file size, seconds and rows/s, ratio to the raw upsert."""
    lines = [
        (
            f"{'importrader':>14} {'fil MB':>7} {'import s':>9} {'rader/s':>9} "
            f"{'rå upsert s':>12} {'kvot':>5} {'samma igen s':>13} {'allt ändrat s':>14}"
        )
    ]
    for f in results:
        mark = "" if f["within_budget"] else "  ÖVER BUDGET"
        lines.append(
            (
                f"{f['rows']:>14,} {f['file_bytes'] / 1e6:>7.1f} {f['import_s']:>9.2f} "
                f"{f['rows_per_s']:>9,.0f} {f['raw_s']:>12.2f} {f['ratio']:>5.2f} "
                f"{f['again_s']:>13.2f} {f['changed_s']:>14.2f}{mark}"
            ).replace(",", " ")
        )
    return lines
