"""Rapportera: the report form's data, and what it sends as the file an upload would bring.

The form lists the indicators an organisation reports (those of the goals of its lineage that it
has an årsmål or a value for, this year or last), with the total and, for a gender-split
indicator, women and men; beside each, the årsmål, last period's and the same period last year's
outcome. Saving turns what was typed into a measurements file, as text, and hands it to the
upload's preview and commit (dashboard/upload/change_sets.py): the same reading of Swedish
numbers, checks, scope, write lock, audit, upload log and undo — there is no second write path.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dashboard.domain.model import (
    PERIOD_END_MONTH,
    TERTIAL_PERIODS,
    Gender,
    GoalLevel,
    Indicator,
    Measurement,
    OrgUnit,
    Reading,
    Target,
    ValueStatus,
)
from dashboard.store import Store
from dashboard.upload.csv_formats import MEASUREMENTS
from dashboard.upload.parsed_file import UploadFile

FIELDS = ("indicator_code", "org_code", "year", "period", "gender", "outcome", "forecast")
FIRST_ROW = 2  # the file's first value row, as Excel numbers rows (the header is row 1)
# A nämnd reports a hundred rows; drawn at once they froze the browser (issue 20), so the form
# is drawn in parts of about this many rows, which still holds a unit's whole form.
PART_ROWS = 40
# What the form shows for a stored value status without a number, so that saving it unchanged
# stores the same status again (the upload's markers, dashboard/upload/value_types.py).
MARKER = {
    ValueStatus.MISSING: "..",
    ValueStatus.NOT_APPLICABLE: ".",
    ValueStatus.SUPPRESSED: "x",
}


@dataclass(frozen=True)
class FormRow:
    """One indicator and gender: what is stored (as the input shows it) and what to compare with."""

    indicator: Indicator
    gender: Gender
    outcome: str
    forecast: str
    stored: bool  # a row exists: emptying its inputs clears its values
    target: Target | None
    last_period: float | None
    last_year: float | None

    @property
    def key(self) -> str:
        """The row's id in the browser, e.g. "KF02|T"."""
        return f"{self.indicator.code}|{self.gender.value}"


@dataclass(frozen=True)
class ReportForm:
    org: OrgUnit
    year: int
    period: str
    previous: tuple[int, str]  # the period before, whose outcome is shown
    rows: tuple[FormRow, ...]


def previous_period(year: int, period: str) -> tuple[int, str]:
    """The reporting period before: T2 → T1, T1 → last year's FY; months likewise."""
    if period in TERTIAL_PERIODS:
        index = TERTIAL_PERIODS.index(period)
        return (year, TERTIAL_PERIODS[index - 1]) if index else (year - 1, TERTIAL_PERIODS[-1])
    month = PERIOD_END_MONTH[period]
    return (year, f"M{month - 1:02d}") if month > 1 else (year - 1, "M12")


def report_form(store: Store, org: OrgUnit, year: int, period: str) -> ReportForm:
    """The form of an organisation for a year and period."""
    indicators = _linked_indicators(store, org, year)
    ids = [indicator.id for indicator in indicators]
    targets = store.targets(ids, [org.id], [year - 1, year])
    now = _readings(store.measurements(ids, [org.id], period, [year - 1, year]))
    previous = previous_period(year, period)
    before = _readings(store.measurements(ids, [org.id], previous[1], [previous[0]]))
    rows = []
    for indicator in indicators:
        if not _reported(indicator.id, targets, now, before):
            continue
        genders = tuple(Gender) if indicator.gender_split else (Gender.TOTAL,)
        for gender in genders:
            reading = now.get((indicator.id, year, gender))
            rows.append(
                FormRow(
                    indicator,
                    gender,
                    _shown(reading.outcome, reading, outcome=True) if reading else "",
                    _shown(reading.forecast, reading, outcome=False) if reading else "",
                    reading is not None,
                    targets.get((indicator.id, org.id, year)),
                    _outcome(before.get((indicator.id, previous[0], gender))),
                    _outcome(now.get((indicator.id, year - 1, gender))),
                )
            )
    return ReportForm(org, year, period, previous, tuple(rows))


def form_file(
    form: ReportForm, entered: Mapping[str, tuple[str, str]], name: str
) -> tuple[UploadFile, list[FormRow]]:
    """What was typed (row key → outcome and forecast text) as a measurements file, and the form
    rows in the file's order. A row sent goes in when something is typed or a value is stored
    (an emptied input clears it); rows not sent, as those of parts never drawn, and keys the form
    does not have are left out."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([MEASUREMENTS.column(field).header for field in FIELDS])
    rows = []
    for row in form.rows:
        if row.key not in entered:
            continue
        outcome, forecast = (text.strip() for text in entered[row.key])
        if outcome or forecast or row.stored:
            code = row.indicator.code
            writer.writerow(
                [code, form.org.code, form.year, form.period, row.gender.value, outcome, forecast]
            )
            rows.append(row)
    return UploadFile(name, buffer.getvalue().encode("utf-8")), rows


def form_parts(rows: Sequence[FormRow], size: int = PART_ROWS) -> tuple[range, ...]:
    """The form's rows in as few parts of at most `size` rows as it takes, of about even length,
    never cutting between an indicator's genders (one indicator longer than `size` is a part of
    its own)."""
    count = -(-len(rows) // size) if rows else 1
    even = -(-len(rows) // count)
    parts: list[range] = []
    start = 0  # the first row of the indicator at hand
    for end in range(1, len(rows) + 1):
        if end < len(rows) and rows[end].indicator.id == rows[end - 1].indicator.id:
            continue
        if parts and len(parts[-1]) < even and end - parts[-1].start <= size:
            parts[-1] = range(parts[-1].start, end)  # the indicator goes in the last part
        else:
            parts.append(range(start, end))
        start = end
    return tuple(parts)


def row_of(rows: Sequence[FormRow], file_row: int | None) -> FormRow | None:
    """The form row of a problem's row number in the file."""
    index = (file_row or 0) - FIRST_ROW
    return rows[index] if 0 <= index < len(rows) else None


def _linked_indicators(store: Store, org: OrgUnit, year: int) -> list[Indicator]:
    """The indicators of the goals owned by the organisation or above it, by code."""
    lineage = {unit.id for unit in store.org_lineage(org.id)}
    goals = [
        goal.id
        for level in GoalLevel
        for goal in store.goals_within(org.id, year, level)
        if goal.org_id in lineage
    ]
    found = {i.id: i for links in store.goal_links(goals).values() for i, _ in links}
    return sorted(found.values(), key=lambda indicator: indicator.code)


Readings = dict[tuple[int, int, Gender], Reading]  # indicator id, year, gender


def _readings(measurements: Sequence[Measurement]) -> Readings:
    return {(m.indicator_id, m.year, m.gender): m.reading for m in measurements}


def _reported(
    indicator_id: int,
    targets: Mapping[tuple[int, int, int], Target],
    now: Readings,
    before: Readings,
) -> bool:
    """Whether the organisation reports the indicator: an årsmål or a value this year or last."""
    return any(key[0] == indicator_id for key in (*targets, *now, *before))


def _shown(value: float | None, reading: Reading, *, outcome: bool) -> str:
    """A stored value as the input shows it: exact, with a decimal comma; a status as its marker."""
    if value is None:
        missing = reading.value_status is not ValueStatus.OK
        return MARKER[reading.value_status] if outcome and missing else ""
    text = repr(float(value)).replace(".", ",")
    return text.removesuffix(",0")


def _outcome(reading: Reading | None) -> float | None:
    return reading.outcome if reading else None
