"""The open-data API's rows as CSV in the import files' dialect, for Excel and Power BI.

Semicolons, decimal comma, CRLF and UTF-8 with a BOM, as Swedish Excel writes (and opens
without asking); yes/no as "ja"/"nej", as the import files write them; and text that a
spreadsheet would run as a formula defused, as in every file meant for Excel.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from dashboard.followup.formulas import defused
from dashboard.pages.api import Field
from dashboard.upload.value_types import BOOLEAN, Number

_NUMBER = Number()


def csv_bytes(fields: Sequence[Field], rows: Iterable[dict[str, Any]]) -> bytes:
    """A header of the field names, then one line per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([field.name for field in fields])
    writer.writerows([cell(row[field.name]) for field in fields] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def cell(value: Any) -> str:
    """One value as the import files write it: 12,5 for a number, empty for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return BOOLEAN.format(value)
    if isinstance(value, float):
        return _NUMBER.format(value)
    if isinstance(value, int):
        return str(value)
    return defused(str(value))
