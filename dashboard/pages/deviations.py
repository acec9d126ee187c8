"""Avvikelser's data: the meeting's deviating goals, worst first, and one of them in full.

The presentation and the meeting document show the same goals, so they read them from here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from dashboard.domain.model import GoalLevel, OrgUnit, Status
from dashboard.domain.rules import Disagreement
from dashboard.followup import agenda, assessments, goal_results
from dashboard.followup.assessments import AuditEntry
from dashboard.followup.deviations import DeviationKind, GoalDeviations
from dashboard.followup.goal_results import Brief
from dashboard.followup.movement import Movement, Standing, movement, previous_period
from dashboard.store import Store

ROSIER = (Disagreement.MORE_POSITIVE, Disagreement.WITHOUT_EVIDENCE)


@dataclass(frozen=True)
class Only:
    """Avvikelser's filters: which of the deviating goals the list keeps (the defaults keep all)."""

    status: Status | None = None
    level: GoalLevel | None = None
    kinds: tuple[DeviationKind, ...] = ()  # any of these deviates under the goal
    rosier: bool = False  # the own assessment is rosier than the computed status
    new: bool = False  # the deviation is new since the previous period
    within: str | None = None  # an organisation's code: only goals owned within it, below the org

    def keeps(self, brief: Brief, moved: Movement | None) -> bool:
        """Whether the goal passes every filter that is set."""
        return (
            (self.status is None or brief.status is self.status)
            and (self.level is None or brief.goal.level is self.level)
            and (not self.kinds or any(brief.kinds.get(k) for k in self.kinds))
            and (not self.rosier or brief.disagreement in ROSIER)
            and (not self.new or moved is Movement.NEW)
        )


@dataclass(frozen=True)
class Since:
    """Each listed goal's movement since the previous period, and that period's standings."""

    period: tuple[int, str] | None  # None: nothing was reported before
    movements: dict[tuple[int, int], Movement | None]  # by (goal id, organisation id)
    before: dict[tuple[int, int], Standing]
    resolved: int = 0  # goals that deviated then and are judged without deviation now


@dataclass(frozen=True)
class Meeting:
    """Goals in full, their organisations by id, and the form saves behind their assessments."""

    full: list[GoalDeviations]
    orgs: dict[int, OrgUnit]
    saves: dict[tuple[int, int], AuditEntry]


def meeting(store: Store, found: Sequence[Brief], year: int, period: str) -> Meeting:
    """The goals in full, with what their pages show beside them."""
    full = agenda.expand(store, found, year, period)
    saves = assessments.current_saves(store, [g.status for g in full], year, period)
    return Meeting(full, store.orgs_by_id(g.status.org_id for g in full), saves)


@dataclass(frozen=True)
class Kept:
    """The deviating goals the filters keep, in brief, with their movements and `places`."""

    found: list[Brief]
    since: Since
    places: list[tuple[OrgUnit, int]]


def kept(store: Store, org: OrgUnit, year: int, period: str, only: Only | None = None) -> Kept:
    """Every deviating goal the filters keep, worst first: what Avvikelser, the presentation and
    the meeting document list. An organisation filter not below `org` filters nothing."""
    every = agenda.deviating(store, org, year, period)
    since = since_previous(store, org, every, year, period)
    only = only or Only()
    rest = [b for b in every if only.keeps(b, since.movements[b.goal.id, b.org_id])]
    tree = org_tree(store)
    inside = tree.within(only.within, below=org.id) if only.within else None
    found = [b for b in rest if inside is None or b.org_id in inside]
    counts = Counter(tree.child_towards(org.id, b.org_id) for b in rest)
    places = [(child, counts[child.id]) for child in tree.children(org.id) if counts[child.id]]
    return Kept(found, since, places)


@dataclass(frozen=True)
class Deviations:
    """The deviating goals the filters keep, in brief; the movements; the organisations directly
    below with how many of the goals lie within each; and the owners of the first goals, the
    ones the page lists (their details are drawn when opened: `one_goal`)."""

    found: list[Brief]
    since: Since
    places: list[tuple[OrgUnit, int]] = field(default_factory=list)
    owners: dict[int, OrgUnit] = field(default_factory=dict)


def deviations(
    store: Store, org: OrgUnit, year: int, period: str, shown: int, only: Only | None = None
) -> Deviations:
    """Every deviating goal the filters keep, in brief, with the owners of the first `shown`."""
    found = kept(store, org, year, period, only)
    owners = store.orgs_by_id(b.org_id for b in found.found[:shown])
    return Deviations(found.found, found.since, found.places, owners)


def one_goal(
    store: Store, org: OrgUnit, year: int, period: str, goal_code: str, owner_code: str
) -> tuple[Meeting, Since] | None:
    """One listed goal in full, for the row a reader opens; None when the goal does not deviate
    at its owner within `org` (any more: a write may have landed since the page was drawn)."""
    found = kept(store, org, year, period)
    owner = store.org(owner_code)
    brief = next(
        (b for b in found.found if owner and b.org_id == owner.id and b.goal.code == goal_code),
        None,
    )
    if brief is None:
        return None
    shown = meeting(store, [brief], year, period)
    return (shown, found.since) if shown.full else None


class OrgTree:
    """The organisation tree by id: who is below whom (one read per data version)."""

    def __init__(self, orgs: Sequence[OrgUnit]) -> None:
        self.by_id = {o.id: o for o in orgs}
        self.by_code = {o.code: o for o in orgs}
        self.below: dict[int | None, list[OrgUnit]] = defaultdict(list)
        for o in orgs:
            self.below[o.parent_id].append(o)

    def children(self, org_id: int) -> list[OrgUnit]:
        """The organisations directly below, by name."""
        return sorted(self.below[org_id], key=lambda o: o.name)

    def child_towards(self, org_id: int, inner_id: int) -> int | None:
        """The child of `org_id` that `inner_id` lies within (itself, if a child); else None."""
        current = self.by_id.get(inner_id)
        while current is not None and current.parent_id != org_id:
            current = self.by_id.get(current.parent_id) if current.parent_id else None
        return current.id if current else None

    def within(self, code: str, below: int) -> set[int] | None:
        """The ids of the organisation `code` and all below it, if it lies below `below`."""
        org = self.by_code.get(code)
        if org is None or self.child_towards(below, org.id) is None:
            return None
        found, todo = set(), [org]
        while todo:
            current = todo.pop()
            found.add(current.id)
            todo += self.below[current.id]
        return found


def org_tree(store: Store) -> OrgTree:
    """The organisation tree, kept until the next upload (the only thing that changes it)."""
    return store.summary(("org tree",), lambda: OrgTree(store.org_units()))


def standing(brief: Brief) -> Standing:
    """A brief's status and whether anything deviates under it."""
    return Standing(brief.status, brief.judged and any(brief.kinds.values()))


def since_previous(
    store: Store, org: OrgUnit, found: Sequence[Brief], year: int, period: str
) -> Since:
    """The movement of each goal since the previous reported period (movement.previous_period).

    The previous period's goals are matched by code, since a new year's goals are new rows; their
    kept briefs make this cheap for the whole city after the first time."""
    previous = previous_period(store.reported_periods(), year, period)
    before: dict[tuple[int, int], Standing] = {}
    resolved = 0
    if previous is not None:
        then = {
            (b.goal.code, b.org_id): b
            for b in goal_results.briefs(
                store, agenda.meeting_goals(store, org, previous[0]), *previous
            )
        }
        ids = {(b.goal.code, b.org_id): (b.goal.id, b.org_id) for b in found}
        before = {ids[key]: standing(b) for key, b in then.items() if key in ids}
        # movement() says RESOLVED: deviated then, judged without deviation now. Only those
        # goals' briefs are read again, not the whole meeting's a second time.
        current = {(g.code, o): (g, o) for g, o in agenda.meeting_goals(store, org, year)}
        gone = [
            current[key]
            for key, b in then.items()
            if key in current and key not in ids and standing(b).deviating
        ]
        resolved = sum(b.judged for b in goal_results.briefs(store, gone, year, period))
    movements = {
        (b.goal.id, b.org_id): movement(before.get((b.goal.id, b.org_id)), standing(b))
        if previous
        else None
        for b in found
    }
    return Since(previous, movements, before, resolved)
