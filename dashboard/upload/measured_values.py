"""Measured values as stored: markers become value statuses, Excel's lost zeros come back.

An outcome cell may hold a number or a marker (".." saknas, "." ej tillämplig, "x" skyddad);
a row's value status decides which numbers are kept (docs/rules.md §1).
"""

from __future__ import annotations

from itertools import repeat
from typing import Any

from dashboard.domain.model import ValueStatus, counted_values
from dashboard.upload.csv_text import spaced
from dashboard.upload.parsed_file import InvalidCell, ParsedFile


def pad_municipality_ids(parsed: ParsedFile) -> None:
    """Give back the leading zeros Excel drops from municipality ids ("0860" → 860), and say so.

    Every municipality id has four digits (SCB's kommunkod); a unit's id has letters."""
    ids = parsed.columns["kolada_id"]
    short = [
        i
        for i, id_ in enumerate(ids)
        if type(id_) is str and len(id_) < 4 and id_.isascii() and id_.isdigit()
    ]
    if not short:
        return
    first = ids[short[0]]
    for index in short:
        ids[index] = ids[index].zfill(4)
    parsed.notes.append(
        f"Excel tar bort inledande nollor: {spaced(len(short))} Kolada-id med färre än fyra "
        f'siffror har fått dem tillbaka, t.ex. rad {parsed.rows[short[0]]}: "{first}" blev '
        f'"{ids[short[0]]}".'
    )


def settle_values(parsed: ParsedFile, count: int) -> None:
    """Turn markers ("..", ".", "x") into empty values and derive each row's value status.

    An explicit värdestatus wins; without one, a marker or the lack of any value decides. A
    file with only prognoses leaves the stored value status alone. A number in a row whose
    status is not ok is not stored (a protected value must never be shown), and the preview says so.
    """
    columns = parsed.columns
    outcomes, forecasts = columns.get("outcome"), columns.get("forecast")
    given = columns.get("value_status")
    if outcomes is not None or given is not None:
        columns["value_status"] = [
            _value_status(outcome, forecast, status)
            for outcome, forecast, status in zip(
                outcomes or repeat(None, count),
                forecasts or repeat(None, count),
                given or repeat(None, count),
            )
        ]
    for name in ("outcome", "forecast"):  # a column without markers is not copied
        if name in columns and ValueStatus in set(map(type, columns[name])):
            columns[name] = [None if type(v) is ValueStatus else v for v in columns[name]]
    statuses = columns.get("value_status")
    if statuses is None or set(statuses) <= {
        ValueStatus.OK.value
    }:  # the common case: one pass, no loop
        return
    dropped = 0
    for index, status in enumerate(statuses):
        if status == ValueStatus.OK.value or type(status) is InvalidCell:
            continue
        given = [
            columns[name][index] if name in columns else None for name in ("outcome", "forecast")
        ]
        outcome, forecast = (None if type(v) is InvalidCell else v for v in given)
        kept = counted_values(outcome, forecast, ValueStatus(status))
        for name, value, keep in zip(("outcome", "forecast"), given, kept):
            if value is not None and type(value) is not InvalidCell and keep is None:
                columns[name][index] = None
                dropped += 1
    if dropped:
        parsed.notes.append(
            "Tal som inte sparas i rader med värdestatus saknas, skyddad eller ej tillämplig: "
            f"{dropped}. Värdestatusen gäller, och ett skyddat värde visas aldrig "
            "(docs/rules.md §1)."
        )


def _value_status(outcome: Any, forecast: Any, given: Any) -> Any:
    if given is not None:
        return given
    for value in (outcome, forecast):
        if type(value) is ValueStatus:
            return value.value
    if outcome is None and forecast is None:
        return ValueStatus.MISSING.value
    return ValueStatus.OK.value
