"""Writing data as the import files: downloads, empty templates, round trips and data/demo.

Files are written as Swedish Excel writes them (semicolon, decimal comma, CRLF, UTF-8 with
BOM unless another encoding is asked for), so that what is exported imports unchanged. A
download of the database for people defuses text Excel would run as a formula
(`dashboard.followup.formulas`); a backup for re-import asks for it raw, to round-trip exactly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from dashboard.domain.dataset import Dataset
from dashboard.followup.formulas import defused
from dashboard.settings import PROJECT_DIR
from dashboard.store import Store
from dashboard.store.dialect import snapshot
from dashboard.store.upload_rows import TABLES
from dashboard.upload.csv_formats import LAYOUTS, Layout
from dashboard.upload.parsed_file import UploadFile
from dashboard.upload.upload_log import records_in
from dashboard.upload.value_types import Text

DEMO_DIR = PROJECT_DIR / "data" / "demo"
# Some demo files in Windows-1252, as older Excel saves them, so the demo exercises detection.
DEMO_ENCODINGS = {"org_units": "cp1252", "goals": "cp1252", "activities": "cp1252"}
# Layouts that are stored as they are; Kolada files are only read (they become outcomes).
EXPORTED = [layout for layout in LAYOUTS if layout.kind in TABLES]
# Layout kind → the Dataset attribute with its rows (a Dataset has no Kolada mapping).
DATASET_ROWS = {kind: kind for kind in TABLES if kind != "kolada_orgs"}


def csv_bytes(
    layout: Layout,
    records: Iterable[Sequence[Any]],
    encoding: str = "utf-8-sig",
    *,
    defuse: bool = False,
) -> bytes:
    """Records (values in the layout's field order) as a CSV file the importer reads.

    `defuse` puts an apostrophe before text Excel would run as a formula (codes and texts only:
    "-5,0" in a number column is a number)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.header for column in layout.columns])
    formats = [
        _defusing(column.type.format)
        if defuse and isinstance(column.type, Text)
        else column.type.format
        for column in layout.columns
    ]
    writer.writerows(
        [format(value) for format, value in zip(formats, record)] for record in records
    )
    return buffer.getvalue().encode(encoding)


def _defusing(format: Callable[[object], str]) -> Callable[[object], str]:
    return lambda value: defused(format(value))


def dataset_files(data: Dataset, encodings: Mapping[str, str] | None = None) -> list[UploadFile]:
    """A dataset as one file per non-empty layout, rows sorted by business key."""
    files = []
    for layout in EXPORTED:
        rows = getattr(data, DATASET_ROWS.get(layout.kind, ""), ())
        records = [tuple(getattr(row, name) for name in layout.fields) for row in rows]
        if records:
            key = [layout.fields.index(name) for name in layout.key]
            records.sort(key=lambda record: [record[i] for i in key])
            encoding = (encodings or {}).get(layout.kind, "utf-8-sig")
            files.append(UploadFile(layout.file_name, csv_bytes(layout, records, encoding)))
    return files


def store_files(store: Store, raw: bool = False) -> list[UploadFile]:
    """A store's data as one file per non-empty layout: edit in Excel and upload again.

    All tables are read in one snapshot, so files written while others upload still refer
    only to codes they define: they import again as they are (a backup, README "Drift").
    Text Excel would run as a formula gets an apostrophe first, unless `raw` (a backup
    that must restore exactly).
    """
    with snapshot(store.engine) as conn:
        tables = [(layout, records_in(conn, layout.kind)) for layout in EXPORTED]
    return [
        UploadFile(layout.file_name, csv_bytes(layout, rows, defuse=not raw))
        for layout, rows in tables
        if rows
    ]


def template_files() -> list[UploadFile]:
    """An empty file (the header row) for every layout, to fill in."""
    return [UploadFile(layout.file_name, csv_bytes(layout, [])) for layout in EXPORTED]


def demo_files() -> list[UploadFile]:
    """The demo data as stored in data/demo/."""
    return [UploadFile(path.name, path.read_bytes()) for path in sorted(DEMO_DIR.glob("*.csv"))]


def write_files(files: Iterable[UploadFile], directory: Path) -> list[Path]:
    """Save files in a directory (created if missing); returns their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for upload in files:
        path = directory / upload.name
        path.write_bytes(upload.content)
        paths.append(path)
    return paths
