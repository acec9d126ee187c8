"""Kolada's KPI metadata: its JSON answer read as the rows of a KPI file, and each KPI's source.

Kolada names a KPI's source at the end of its description ("... Källa: SCB och Skolverket."),
not in a field of its own; a file's own "källa" column wins.
"""

from __future__ import annotations

import re
from typing import Any

from dashboard.upload.csv_formats import KOLADA_KPIS
from dashboard.upload.csv_text import Chunk, Table
from dashboard.upload.parsed_file import ParsedFile

_SOURCE = re.compile(r"Källa:\s*(.+?)\.?\s*$", re.DOTALL)
# The API's field of each column, in the layout's order ("source" is not one of them).
JSON_FIELDS = ("id", "title", "description", "", "is_divided_by_gender", "operating_area")


def is_kpi_metadata(entries: list[Any]) -> bool:
    """Whether the API answer's entries are KPIs (id and title) rather than values (kpi)."""
    first = entries[0] if entries else None
    return isinstance(first, dict) and "title" in first and "kpi" not in first


def kpi_table(entries: list[Any], text_of: Any) -> Table:
    """The KPI entries as the rows of a KPI file; an entry that is not an object is skipped."""
    rows, numbers = [], []
    for number, entry in enumerate(entries, start=1):
        if isinstance(entry, dict):
            rows.append([text_of(entry.get(name)) if name else "" for name in JSON_FIELDS])
            numbers.append(number)
    return Table([column.header for column in KOLADA_KPIS.columns], iter([Chunk(rows, numbers)]))


def settle_sources(parsed: ParsedFile) -> None:
    """Each KPI's source: the file's, else what its description names after "Källa:"."""
    columns = parsed.columns
    descriptions = columns.get("description") or [""] * len(parsed.rows)
    given = columns.get("source") or [""] * len(parsed.rows)
    columns["source"] = [
        source or _source(description) for source, description in zip(given, descriptions)
    ]


def _source(description: Any) -> str:
    found = _SOURCE.search(description) if isinstance(description, str) else None
    return found.group(1).strip() if found else ""
