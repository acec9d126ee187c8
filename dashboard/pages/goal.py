"""The goal page's data: the goal judged at the organisation, its result in each
sub-organisation and of its child goals, and the form save behind its assessment."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dashboard.domain import rules
from dashboard.domain.model import Activity, Goal, OrgUnit, period_end
from dashboard.followup import assessments, control_room, indicator_movement
from dashboard.followup.assessments import AuditEntry
from dashboard.followup.control_room import GoalStatus, IndicatorLine
from dashboard.followup.history import Point, histories
from dashboard.followup.indicator_movement import IndicatorMove
from dashboard.pages.national import NationalView, national_views
from dashboard.store import Store


@dataclass(frozen=True)
class GoalView:
    """The goal judged in full, and only the results of the goal in each sub-organisation and of
    its child goals: what the page shows of them."""

    status: GoalStatus
    org: OrgUnit
    ancestors: tuple[Goal, ...]
    by_org: tuple[tuple[OrgUnit, rules.GoalResult], ...]
    itself: rules.GoalResult | None  # on the organisation's own measurements, beside those below
    children: tuple[tuple[Goal, rules.GoalResult], ...]  # each judged for its own organisation
    lines: tuple[IndicatorLine, ...]
    activities: tuple[tuple[Activity, bool], ...]  # (activity, overdue)
    places: dict[int, OrgUnit]  # the organisations the page names: where parts are measured


@dataclass(frozen=True)
class GoalPage:
    view: GoalView
    lineage: list[OrgUnit]
    saved: AuditEntry | None  # the last save of the assessment shown, if made with the form
    history: list[Point]  # its status over the last periods, this one last
    national: dict[int, NationalView]  # indicator id → its Kolada comparison (docs/national.md)
    moves: dict[str, IndicatorMove]  # indicator code → its movement since the previous period


def goal_page(store: Store, goal: Goal, org: OrgUnit, year: int, period: str) -> GoalPage:
    """The goal at the organisation, its organisation's lineage and its assessment's last save."""
    view = goal_view(store, goal, org, year, period)
    status = view.status
    saves = assessments.current_saves(store, [status], year, period)
    saved = saves.get((status.goal.id, status.org_id))
    points = histories(store, [(goal, org.id)], year, period)[goal.id, org.id]
    indicators = [line.judged.fact.indicator for line in view.lines]
    national = national_views(store, indicators, year)
    moves = indicator_movement.moves(store, goal, org.id, year, period, view.lines)
    return GoalPage(view, store.org_lineage(org.id), saved, points, national, moves)


def goal_view(store: Store, goal: Goal, org: OrgUnit, year: int, period: str) -> GoalView:
    """Judge a goal at an organisation, its result in each sub-organisation, and its child goals.

    All in one `control_room.results`, so each fact is read once for every pair; only the goal
    itself gets its assessment and measures, which the drill-down and the child goals do not show
    (issue 20: at the city the assessments of every goal at every nämnd were read for one)."""
    sub_orgs = store.org_children(org.id)
    children = store.child_goals(goal.id, year, within_org_id=org.id)
    pairs = [(goal, org.id)] + [(goal, sub.id) for sub in sub_orgs]
    pairs += [(child, child.org_id) for child in children]
    judged = control_room.results(store, pairs, year, period)
    [status] = control_room.with_assessments(store, pairs[:1], judged[:1], year, period)
    below, child_results = judged[1 : 1 + len(sub_orgs)], judged[1 + len(sub_orgs) :]
    as_of = period_end(year, period)
    return GoalView(
        status=status,
        org=org,
        ancestors=tuple(_ancestors(store, goal)),
        by_org=tuple(
            (sub, found.result)
            for sub, found in zip(sub_orgs, below, strict=True)
            if found.result.reason is not rules.GoalReason.NO_PARTS
        ),
        itself=own_measurements(status, as_of) if sub_orgs else None,
        children=tuple(
            (child, found.result) for child, found in zip(children, child_results, strict=True)
        ),
        lines=tuple(control_room.indicator_lines(store, status.indicators, org.id, year, period)),
        activities=tuple(
            (activity, rules.is_overdue(activity.state, as_of)) for activity in status.activities
        ),
        places=store.orgs_by_id(measuring_orgs(status)),
    )


def child_goal_results(
    store: Store, goal: Goal, org: OrgUnit, year: int, period: str
) -> tuple[tuple[Goal, rules.GoalResult], ...]:
    """The goal's child goals within the organisation, each judged for its own organisation: the
    Målsida's long table of them, drawn when the reader opens it."""
    children = store.child_goals(goal.id, year, within_org_id=org.id)
    judged = control_room.results(
        store, [(child, child.org_id) for child in children], year, period
    )
    return tuple((child, found.result) for child, found in zip(children, judged, strict=True))


def measuring_orgs(status: GoalStatus) -> set[int]:
    """The organisations where the goal's indicators are measured (to name them on the page)."""
    return {b.fact.org_id for j in status.indicators for b in (j, *j.below)}


def own_measurements(status: GoalStatus, as_of: dt.date) -> rules.GoalResult | None:
    """The goal judged on what the organisation measures and holds itself, without anything below
    it: the drill-down's "Nämnden själv" row, so a part failing at this level is seen. None if it
    has none."""
    here = tuple(
        j
        for j in status.indicators
        if not j.below and j.result.reason is not rules.IndicatorReason.NOT_MEASURED_HERE
    )
    held = tuple(a for a in status.activities if a.org_id == status.org_id)
    if not here and not held:
        return None
    return control_room.goal_result(here, held, as_of, rules.DEFAULT_RULES)


def _ancestors(store: Store, goal: Goal) -> list[Goal]:
    chain: list[Goal] = []
    parent_id = goal.parent_id
    while parent_id is not None and (parent := store.goal_by_id(parent_id)) is not None:
        chain.insert(0, parent)
        parent_id = parent.parent_id
    return chain
