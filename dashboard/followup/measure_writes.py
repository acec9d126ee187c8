"""Recording åtgärder, changing their status, and writing the year's förväntat resultat och
arbetssätt: checked, audited, and the kept goal results they enter judged again.

Who may write is checked by the caller (callbacks/measures.py), as for assessments: the key
comes from the browser. Problems are codes; their Swedish words are in layouts/texts/.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from dashboard.access import audit
from dashboard.domain.measures import ExpectedResult, Measure, MeasureStatus, StatusChange
from dashboard.domain.model import period_end
from dashboard.followup import goal_results
from dashboard.store import Store
from dashboard.store import measures as stored

MAX_TEXT, MAX_NAME = 2000, 200
Key = tuple[int, int, int, str]  # a kept goal result: (goal id, organisation id, year, period)


class MeasureProblem(StrEnum):
    """Why an åtgärd cannot be saved."""

    NO_TEXT = "no_text"
    NO_RESPONSIBLE = "no_responsible"
    NO_DUE_DATE = "no_due_date"
    TOO_LONG = "too_long"


class MeasureNotFound(Exception):
    """No such åtgärd, or not of the goal and organisation the request names."""


class InvalidMeasure(Exception):
    """The åtgärd has problems and nothing was saved."""

    def __init__(self, found: list[MeasureProblem]) -> None:
        super().__init__(", ".join(found))
        self.problems = found


@dataclass(frozen=True)
class MeasureDraft:
    """What the form holds: an åtgärd for a goal at an organisation, decided at a period."""

    goal_id: int
    org_id: int
    year: int
    period: str
    text: str
    responsible: str
    due_date: dt.date | None


def problems(draft: MeasureDraft) -> list[MeasureProblem]:
    """Everything missing before the draft may be saved, in the form's order."""
    found = []
    if not draft.text.strip():
        found.append(MeasureProblem.NO_TEXT)
    if not draft.responsible.strip():
        found.append(MeasureProblem.NO_RESPONSIBLE)
    if draft.due_date is None:
        found.append(MeasureProblem.NO_DUE_DATE)
    if len(draft.text.strip()) > MAX_TEXT or len(draft.responsible.strip()) > MAX_NAME:
        found.append(MeasureProblem.TOO_LONG)
    return found


def results_with(store: Store, goal_id: int, org_id: int, year: int, period: str) -> list[Key]:
    """The kept goal results a measure of the goal at the organisation enters: its own period and
    every reported period after it (where it is followed up, and may be overdue)."""
    start = period_end(year, period)
    return [
        (goal_id, org_id, y, p) for y, p in store.reported_periods() if period_end(y, p) >= start
    ]


def add(store: Store, draft: MeasureDraft, username: str, now: dt.datetime | None = None) -> int:
    """Record a new åtgärd (planned); its id. Raises InvalidMeasure if it has problems."""
    found = problems(draft)
    if found or draft.due_date is None:  # without a due date, `found` says so
        raise InvalidMeasure(found)
    with store.writing(username) as w:
        measure_id = stored.add(
            w.conn,
            {
                "goal_id": draft.goal_id,
                "org_id": draft.org_id,
                "year": draft.year,
                "period": draft.period,
                "text": draft.text.strip(),
                "responsible": draft.responsible.strip(),
                "due_date": draft.due_date,
                "status": MeasureStatus.PLANNED.value,
                "created_at": now or dt.datetime.now(dt.UTC),
                "created_by": username,
            },
        )
        w.audit(
            audit.MEASURE,
            _target(w.store, draft.goal_id, draft.org_id, draft.year, draft.period),
            f"{draft.text.strip()} ({draft.responsible.strip()}, {draft.due_date.isoformat()})",
        )
        keys = results_with(w.store, draft.goal_id, draft.org_id, draft.year, draft.period)
        w.results_touched(keys, goal_results.judged_again)
    return measure_id


def change_status(
    store: Store,
    measure_id: int,
    goal_id: int,
    org_id: int,
    status: MeasureStatus,
    username: str,
    now: dt.datetime | None = None,
) -> Measure:
    """Set an åtgärd's status; the åtgärd as it was. MeasureNotFound unless it is of the goal at
    the organisation (the ids come from the browser)."""
    with store.writing(username) as w:
        before = stored.by_id(w.conn, measure_id)
        if before is None or (before.goal_id, before.org_id) != (goal_id, org_id):
            raise MeasureNotFound(str(measure_id))
        change = StatusChange(now or dt.datetime.now(dt.UTC), username)
        stored.set_status(w.conn, measure_id, status, change)
        w.audit(
            audit.MEASURE,
            _target(w.store, goal_id, org_id, before.year, before.period),
            f"{before.text} ({before.responsible}): {before.status.value} → {status.value}",
        )
        keys = results_with(w.store, goal_id, org_id, before.year, before.period)
        w.results_touched(keys, goal_results.judged_again)
    return before


def save_expected(store: Store, expected: ExpectedResult, username: str) -> None:
    """Write the year's förväntat resultat och arbetssätt (overwriting the year's earlier text).

    Raises InvalidMeasure(TOO_LONG) past the bound; empty texts are allowed (cleared)."""
    texts = (expected.expected_result.strip(), expected.way_of_working.strip())
    if any(len(text) > MAX_TEXT for text in texts):
        raise InvalidMeasure([MeasureProblem.TOO_LONG])
    cleaned = ExpectedResult(expected.goal_id, expected.org_id, expected.year, *texts)
    with store.writing(username) as w:
        before = stored.put_expected(w.conn, cleaned)
        was = "" if before is None else f"{before.expected_result} / {before.way_of_working} → "
        w.audit(
            audit.EXPECTED_RESULT,
            _target(w.store, expected.goal_id, expected.org_id, expected.year, None),
            f"{was}{texts[0]} / {texts[1]}",
        )
        w.results_untouched()  # no rule reads it


def _target(store: Store, goal_id: int, org_id: int, year: int, period: str | None) -> str:
    """What the log says the write concerns, e.g. "K1 för SKA T2 2026"."""
    goal, org = store.goal_by_id(goal_id), store.org_by_id(org_id)
    when = f"{period} {year}" if period else str(year)
    return f"{goal.code if goal else goal_id} för {org.code if org else org_id} {when}"
