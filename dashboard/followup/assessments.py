"""Recording an organisation's målbedömning through the form, checked and audited.

The auditors found assessments "hellre positiva än realistiska" (DOMAIN.md, finding 2). So a
status better than the computed one needs a written justification, a goal not fully met
needs measures, and every save is kept (who, when, before → after, and what the rule said
at that moment), like the uploads' audit trail.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from dashboard.domain import rules
from dashboard.domain.model import Assessment, Status
from dashboard.followup import goal_results
from dashboard.followup.control_room import GoalStatus
from dashboard.store import Store
from dashboard.store import assessments as stored

# The statuses a person can choose; "no data" is what the rule says, never an assessment.
CHOICES = (Status.MET, Status.PARTLY_MET, Status.NOT_MET)
ROSIER = (rules.Disagreement.MORE_POSITIVE, rules.Disagreement.WITHOUT_EVIDENCE)
_VALUES = ("status", "is_forecast", "analysis", "measures", "expected_followup")


class AssessmentProblem(StrEnum):
    """Why a draft cannot be saved."""

    NO_STATUS = "no_status"
    NO_ANALYSIS = "no_analysis"
    NO_MEASURES = "no_measures"
    NO_JUSTIFICATION = "no_justification"


@dataclass(frozen=True)
class Draft:
    """What the form holds for one goal, organisation, year and period."""

    goal_id: int
    org_id: int
    year: int
    period: str
    status: Status | None
    analysis: str = ""
    measures: str = ""
    justification: str = ""
    expected_followup: str = ""  # how the year's förväntat resultat is followed up this period

    @property
    def is_forecast(self) -> bool:
        """During the year an assessment is a prognosis for the full year (DOMAIN.md)."""
        return self.period != "FY"

    def assessment(self) -> Assessment | None:
        """The draft as the assessment it would store; None without a status."""
        if self.status is None:
            return None
        return Assessment(
            self.goal_id,
            self.org_id,
            self.year,
            self.period,
            self.status,
            self.is_forecast,
            self.analysis.strip(),
            self.measures.strip(),
            self.expected_followup.strip(),
        )


def needs_justification(computed: Status, chosen: Status | None) -> bool:
    """Whether the chosen status is better than the computed one, or claims fulfilment without
    data."""
    if chosen is None:
        return False
    draft = Assessment(0, 0, 0, "", chosen, False, "", "")
    return rules.disagreement(computed, draft) in ROSIER


def needs_measures(chosen: Status | None) -> bool:
    """Measures (what will be done) are required unless the goal is assessed as met."""
    return chosen is not None and chosen is not Status.MET


def problems(draft: Draft, computed: Status) -> list[AssessmentProblem]:
    """Everything missing before the draft may be saved, in the form's order."""
    found = []
    if draft.status not in CHOICES:
        found.append(AssessmentProblem.NO_STATUS)
    if not draft.analysis.strip():
        found.append(AssessmentProblem.NO_ANALYSIS)
    if needs_measures(draft.status) and not draft.measures.strip():
        found.append(AssessmentProblem.NO_MEASURES)
    if needs_justification(computed, draft.status) and not draft.justification.strip():
        found.append(AssessmentProblem.NO_JUSTIFICATION)
    return found


class InvalidAssessment(Exception):
    """The draft has problems and nothing was saved."""

    def __init__(self, found: list[AssessmentProblem]) -> None:
        super().__init__(", ".join(found))
        self.problems = found


@dataclass(frozen=True)
class AuditEntry:
    """One save: who and when, what the rule said then, and the assessment before → after."""

    id: int
    saved_at: dt.datetime
    saved_by: str
    computed_status: Status
    computed_score: float | None
    justification: str
    before: Assessment | None
    after: Assessment

    @property
    def disagreement(self) -> rules.Disagreement:
        """How the saved assessment related to the computed status when it was saved."""
        return rules.disagreement(self.computed_status, self.after)


def save(
    store: Store,
    draft: Draft,
    computed: rules.GoalResult,
    saved_by: str,
    now: dt.datetime | None = None,
) -> AuditEntry:
    """Write the assessment and its audit entry in one transaction; raises InvalidAssessment if it
    has problems.

    `saved_by` is the signed-in user's username. The row's `upload_id` is cleared: the values
    are no longer what an upload wrote.
    """
    found = problems(draft, computed.status)
    if found:
        raise InvalidAssessment(found)
    after = draft.assessment()
    assert after is not None  # a status is present, or problems() said so
    values = {name: getattr(after, name) for name in _VALUES}
    with store.writing(saved_by) as w:
        before = stored.put(w.conn, _key(draft), values)
        entry = {
            **_key(draft),
            "saved_at": now or dt.datetime.now(dt.UTC),
            "saved_by": saved_by.strip(),
            "computed_status": computed.status.value,
            "computed_score": computed.score,
            "justification": draft.justification.strip()
            if needs_justification(computed.status, after.status)
            else "",
            "before": None if before is None else _to_json(before),
            "after": _to_json(after),
        }
        entry_id = stored.add_save(w.conn, entry)
        w.audited()  # the save is its own audit entry
        key = (draft.goal_id, draft.org_id, draft.year, draft.period)
        w.results_touched([key], goal_results.judged_again)  # its result alone
    return _entry({**entry, "id": entry_id})


def history(store: Store, goal_id: int, org_id: int, year: int, period: str) -> list[AuditEntry]:
    """Every save of one assessment, newest first."""
    key = Draft(goal_id, org_id, year, period, None)
    return [_entry(row) for row in stored.saves(store.engine, _key(key))]


def latest(
    store: Store, org_ids: Sequence[int], year: int, period: str
) -> dict[tuple[int, int], AuditEntry]:
    """The latest save per (goal id, organisation id) of the organisations' assessments in a
    period."""
    rows = stored.latest_saves(store.engine, org_ids, year, period)
    return {(row["goal_id"], row["org_id"]): _entry(row) for row in rows}


def current_saves(
    store: Store, statuses: Sequence[GoalStatus], year: int, period: str
) -> dict[tuple[int, int], AuditEntry]:
    """The latest form save behind each goal's assessment, while the assessment is still what was
    saved."""
    saves = latest(store, sorted({s.org_id for s in statuses}), year, period)
    return {
        key: entry
        for s in statuses
        if (entry := saves.get(key := (s.goal.id, s.org_id))) is not None
        and entry.after == s.assessment
    }


def _key(draft: Draft) -> dict[str, Any]:
    return {
        "goal_id": draft.goal_id,
        "org_id": draft.org_id,
        "year": draft.year,
        "period": draft.period,
    }


def _to_json(assessment: Assessment) -> str:
    return json.dumps({name: getattr(assessment, name) for name in _VALUES}, ensure_ascii=False)


def _from_json(row: Mapping[str, Any], text: str | None) -> Assessment | None:
    if text is None:
        return None
    values = json.loads(text)
    return Assessment(
        row["goal_id"],
        row["org_id"],
        row["year"],
        row["period"],
        Status(values["status"]),
        values["is_forecast"],
        values["analysis"],
        values["measures"],
        values.get("expected_followup", ""),  # saves before migration 0009 have none
    )


def _entry(row: Mapping[str, Any]) -> AuditEntry:
    saved_at = row["saved_at"]
    if saved_at.tzinfo is None:  # SQLite returns naive datetimes; they were written in UTC
        saved_at = saved_at.replace(tzinfo=dt.UTC)
    after = _from_json(row, row["after"])
    assert after is not None
    return AuditEntry(
        id=row["id"],
        saved_at=saved_at,
        saved_by=row["saved_by"],
        computed_status=Status(row["computed_status"]),
        computed_score=row["computed_score"],
        justification=row["justification"],
        before=_from_json(row, row["before"]),
        after=after,
    )
