"""The organisation tree and the goal plan built from the demo's tables; shared with scale.py."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple, TypeVar

from dashboard.domain.dataset import (
    GoalRow,
    OrgRow,
)
from dashboard.domain.model import (
    GoalLevel,
    OrgLevel,
)
from dashboard.tools.demo.tree_data import (
    ALL_KINDS,
    COMMITTEE_GOALS,
    COUNCIL_GOALS,
    DEPARTMENT_COMMITMENTS,
    DEPARTMENTS,
    DIRECTION_GOALS,
    UNIT_KINDS,
    WIDE_GOALS,
)

# ---------------------------------------------------------------------------------------------
# Organisation and goals
# ---------------------------------------------------------------------------------------------


class Unit(NamedTuple):
    code: str
    kind: str
    department: str  # department code, e.g. "SKA-AO"
    committee: str  # nämnd code, e.g. "SKA"
    position: int  # within the department, from 0


class Organisation(NamedTuple):
    """The organisation tree, with the lookups the builders need."""

    rows: list[OrgRow]
    committees: list[str]  # nämnd codes in order
    departments: dict[str, list[str]]  # nämnd code → its department codes
    units: dict[str, list[Unit]]  # department code → its units
    level: dict[str, OrgLevel]  # any code → its level
    parent: dict[str, str | None]  # any code → its parent's code

    def all_units(self) -> list[Unit]:
        """Every unit, nämnd by nämnd and department by department."""
        return [u for c in self.committees for d in self.departments[c] for u in self.units[d]]

    def kinds(self, committee: str) -> list[str]:
        """The unit kinds a nämnd has, in the order of UNIT_KINDS."""
        present = {u.kind for d in self.departments[committee] for u in self.units[d]}
        return [k for k in ALL_KINDS if k in present]

    def department_for(self, committee: str, kind: str) -> str:
        """The nämnd's department that runs units of a kind."""
        return next(d for d in self.departments[committee] if _key(d) == UNIT_KINDS[kind][0])


def _key(department_code: str) -> str:
    """A department's key, e.g. "AO" for "SKA-AO"."""
    return department_code.rsplit("-", 1)[1]


def build_organisation(
    city: tuple[str, str],
    committees: Sequence[tuple[str, str, str, Sequence[tuple[str, Sequence[tuple[str, str]]]]]],
) -> Organisation:
    """The organisation tree from a table of nämnder, departments and (kind, name) units."""
    city_code, city_name = city
    org = Organisation([OrgRow(city_code, city_name, OrgLevel.CITY, None)], [], {}, {}, {}, {})
    for code, district, name, departments in committees:
        org.rows.append(OrgRow(code, name, OrgLevel.COMMITTEE, city_code))
        org.committees.append(code)
        org.departments[code] = []
        for key, units in departments:
            dept = f"{code}-{key}"
            org.rows.append(
                OrgRow(dept, f"{DEPARTMENTS[key]}, {district}", OrgLevel.DEPARTMENT, code)
            )
            org.departments[code].append(dept)
            org.units[dept] = []
            for index, (kind, unit_name) in enumerate(units):
                unit = Unit(f"{dept}-{index + 1:02d}", kind, dept, code, index)
                org.rows.append(OrgRow(unit.code, unit_name, OrgLevel.UNIT, dept))
                org.units[dept].append(unit)
    for row in org.rows:
        org.level[row.code] = row.level
        org.parent[row.code] = row.parent_code
    return org


class GoalPlan(NamedTuple):
    """The goal rows and how the builders find them."""

    rows: list[GoalRow]
    theme: dict[str, str]  # goal code → unit kind or KF goal: picks words for activities etc.
    committee_goal: dict[tuple[str, str], str]  # (nämnd, kind or KF goal) → nämndmål code
    own_goal: dict[str, str]  # department or unit code → its enhetsmål code


def build_goals(org: Organisation, first_year: int, last_year: int) -> GoalPlan:
    """The goal tree: KF's goals, each nämnd's nämndmål, each department's and unit's åtagande."""
    city = org.rows[0].code
    plan = GoalPlan([], {}, {}, {})
    for code, title in DIRECTION_GOALS:
        plan.rows.append(GoalRow(code, title, GoalLevel.DIRECTION, city, None, first_year))
    for code, parent, title in COUNCIL_GOALS:
        kinds = [k for k, (_, goal) in UNIT_KINDS.items() if goal == code]
        _add_goal(
            plan,
            GoalRow(code, title, GoalLevel.COUNCIL, city, parent, first_year),
            kinds[0] if kinds else code,
        )

    for number, committee in enumerate(org.committees):
        commitments, chosen = {}, []  # chosen: (theme, KF goal, title)
        for kind in org.kinds(committee):
            title, commitments[kind] = _pick(COMMITTEE_GOALS[kind], number)
            chosen.append((kind, UNIT_KINDS[kind][1], title))
        chosen += [(goal, goal, _pick(titles, number)) for goal, _, titles in WIDE_GOALS]
        numbers: Counter[str] = Counter()
        for theme, council_goal, title in chosen:
            numbers[council_goal] += 1  # nämndmål 1.5.1, 1.5.2, ... under KF goal 1.5
            code = f"{committee}-{council_goal[2:]}.{numbers[council_goal]}"
            row = GoalRow(
                code, title, GoalLevel.COMMITTEE, committee, council_goal, first_year, last_year
            )
            _add_goal(plan, row, theme)
            plan.committee_goal[committee, theme] = code

        for dept in org.departments[committee]:
            kind = next(k for k in org.kinds(committee) if UNIT_KINDS[k][0] == _key(dept))
            row = GoalRow(
                f"{dept}-E1",
                DEPARTMENT_COMMITMENTS[_key(dept)],
                GoalLevel.UNIT,
                dept,
                plan.committee_goal[committee, kind],
                first_year,
                last_year,
            )
            _add_goal(plan, row, kind)
            for unit in org.units[dept]:
                same_kind = [u for u in org.units[dept] if u.kind == unit.kind]
                title = _pick(commitments[unit.kind], same_kind.index(unit))
                row = GoalRow(
                    f"{unit.code}-E1",
                    title,
                    GoalLevel.UNIT,
                    unit.code,
                    plan.committee_goal[committee, unit.kind],
                    first_year,
                    last_year,
                )
                _add_goal(plan, row, unit.kind)
    return plan


def _add_goal(plan: GoalPlan, row: GoalRow, theme: str) -> None:
    plan.rows.append(row)
    plan.theme[row.code] = theme
    if row.level is GoalLevel.UNIT:
        plan.own_goal[row.org_code] = row.code


T = TypeVar("T")


def _pick(items: Sequence[T], number: int) -> T:
    """The number:th item, cyclically: spreads variants over nämnder and units without chance."""
    return items[number % len(items)]
