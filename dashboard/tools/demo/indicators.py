"""Where each indicator is measured (a tree of organisations) and which goals it follows up."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from dashboard.domain.dataset import (
    GoalIndicatorRow,
    IndicatorRow,
)
from dashboard.domain.model import (
    GoalLevel,
    OrgLevel,
)
from dashboard.tools.demo.indicator_data import (
    COMMITTEE_LEVEL_INDICATORS,
    COMMITTEE_WIDE_INDICATORS,
    DEPARTMENT_INDICATORS,
    KF_INDICATORS,
    OWN_INDICATORS,
    Spec,
)
from dashboard.tools.demo.organisation import GoalPlan, Organisation, Unit, _key, _pick
from dashboard.tools.demo.tree_data import ALL_KINDS, UNIT_KINDS, WIDE_GOALS

# An organisation and the organisations below it that measure the indicator. A leaf gets its
# own numbers; a parent gets the mean of its children.
Node = tuple[str, tuple["Node", ...]]


class PlannedIndicator(NamedTuple):
    row: IndicatorRow
    spec: Spec
    tree: Node
    goals: tuple[tuple[str, float], ...]  # (goal code, weight)


def plan_indicators(
    org: Organisation,
    goals: GoalPlan,
    wide_per_committee: int,
    own_count: Callable[[Unit], int],
) -> list[PlannedIndicator]:
    """KF indicators, each nämnd's own and each unit's own, with where they are measured."""
    city = org.rows[0].code
    plan = []

    def add(
        code: str, spec: Spec, level: GoalLevel, tree: Node | None, serves: list[tuple[str, float]]
    ) -> None:
        if tree is not None:  # None: no organisation measures it
            row = IndicatorRow(
                code,
                spec.name,
                spec.unit,
                spec.direction,
                spec.decimals,
                level,
                spec.gender_split,
                spec.kolada_kpi,
            )
            plan.append(PlannedIndicator(row, spec, tree, tuple(serves)))

    for kf in KF_INDICATORS:
        add(
            kf.code,
            kf.spec,
            GoalLevel.COUNCIL,
            _tree(org, city, org.committees, kf.kinds),
            [(goal, kf.weight) for goal in kf.goals],
        )

    for number, committee in enumerate(org.committees):
        codes = (f"{committee}-N{n:02d}" for n in range(1, 100))
        for k in range(wide_per_committee):
            council_goal, spec = _pick(COMMITTEE_WIDE_INDICATORS, number + k)
            tree = _tree(org, committee, org.departments[committee], ALL_KINDS)
            add(
                next(codes),
                spec,
                GoalLevel.COMMITTEE,
                tree,
                [(goals.committee_goal[committee, council_goal], 1.0)],
            )
        for dept in org.departments[committee]:
            kinds = {u.kind for u in org.units[dept]}
            tree = (committee, ((dept, tuple((u.code, ()) for u in org.units[dept])),))
            first_kind = next(k for k in ALL_KINDS if k in kinds)
            add(
                next(codes),
                _pick(DEPARTMENT_INDICATORS[_key(dept)], number),
                GoalLevel.COMMITTEE,
                tree,
                [(goals.committee_goal[committee, first_kind], 1.0), (goals.own_goal[dept], 1.0)],
            )
        council_goal, spec = _pick(COMMITTEE_LEVEL_INDICATORS, number)
        add(
            next(codes),
            spec,
            GoalLevel.COMMITTEE,
            (committee, ()),
            [(goals.committee_goal[committee, council_goal], 1.0)],
        )

    for unit in org.all_units():
        templates = OWN_INDICATORS[unit.kind]
        start = org.committees.index(unit.committee)
        for k in range(own_count(unit)):
            add(
                f"{unit.code}-I{k + 1}",
                _pick(templates, start + k),
                GoalLevel.UNIT,
                (unit.code, ()),
                [(goals.own_goal[unit.code], 1.0)],
            )
    return plan


def _tree(org: Organisation, root: str, parts: Sequence[str], kinds: Sequence[str]) -> Node | None:
    """The measuring tree under `root`: `parts` (nämnder or departments) down to units of `kinds`.

    With no kinds, the parts themselves are the leaves (e.g. nämnder measuring their population).
    None when no unit of those kinds exists.
    """
    if not kinds:
        return (root, tuple((p, ()) for p in parts))
    children = []
    for part in parts:
        if org.level[part] is OrgLevel.COMMITTEE:
            child = _tree(org, part, org.departments[part], kinds)
        else:
            leaves = tuple((u.code, ()) for u in org.units[part] if u.kind in kinds)
            child = (part, leaves) if leaves else None
        if child is not None:
            children.append(child)
    return (root, tuple(children)) if children else None


def tree_codes(node: Node) -> Iterator[tuple[str, bool]]:
    """(code, is_leaf) for every organisation in the tree, parents before their children."""
    code, children = node
    yield code, not children
    for child in children:
        yield from tree_codes(child)


def link_goals(
    org: Organisation, goals: GoalPlan, plan: Sequence[PlannedIndicator]
) -> list[GoalIndicatorRow]:
    """Goal–indicator links: each indicator's own goals, plus a leading KF indicator for nämndmål
    and for unit åtaganden that have no indicator of their own."""
    links = {(goal, p.row.code): weight for p in plan for goal, weight in p.goals}
    measured_by = {  # KF indicator → organisations, to find a wide goal's lead
        p.row.code: {code for code, _ in tree_codes(p.tree)}
        for p in plan
        if p.row.level is GoalLevel.COUNCIL
    }
    lead_of_kind = {  # the first KF indicator of the kind's own, not one every unit measures
        kind: next(kf.code for kf in KF_INDICATORS if kind in kf.kinds and kf.kinds != ALL_KINDS)
        for kind in ALL_KINDS
    }
    for (committee, theme), goal in goals.committee_goal.items():
        if theme in UNIT_KINDS:
            lead: str | None = lead_of_kind[theme]
        else:
            leads = next(codes for council_goal, codes, _ in WIDE_GOALS if council_goal == theme)
            lead = next((c for c in leads if committee in measured_by.get(c, ())), None)
        if lead is not None:
            links.setdefault((goal, lead), 1.0)
    followed = {goal for goal, _ in links}
    for unit in org.all_units():
        goal = goals.own_goal[unit.code]
        if goal not in followed:
            links[goal, lead_of_kind[unit.kind]] = 1.0
    return [GoalIndicatorRow(goal, code, weight) for (goal, code), weight in links.items()]
