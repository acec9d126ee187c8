"""An auditor's recomputation of every goal result of the demo municipality, from
docs/rules.md alone.

The city auditor does not trust the product's code: this file reads the database with plain SQL
(table and column names from dashboard/store/schema.py, nothing else from the product) and computes,
with the documented rule and nothing more, every goal × organisation × period result:

- every goal valid in the year (valid_from ≤ year ≤ valid_to, valid_to empty = open),
- × every organisation in the tree (org_unit, via parent_id),
- × the periods 2025 T1, 2025 FY, 2026 T1 and 2026 T2 — all pairs, none sampled;

and compares status, score (to 1e-9), basis, "met on forecast" (◌) and the ⚑ flag with what
`dashboard.followup.control_room.judge` says. The test fails on the first real disagreement,
naming the keys (year, period, goal code, organisation code) that differ.

How docs/rules.md is read here, section by section (the doc's own words in quotes):

§1 Indicator status. The row judged is the indicator's row for the organisation, year and period
   for the whole population (gender "T"; the doc names no gender for a goal). "Värdestatusen
   vinner": ok → outcome judged if there is one, else the forecast ("Endast prognos"); missing →
   only the forecast; suppressed → nothing, no data; not_applicable → the indicator is left out of
   the goal. "Utan årsmål" → no data. The partly limit is the target's own limit, else target ∓
   0.10·|target|, in exact decimals (Decimal(repr(float))); the limit is inclusive; a limit on the
   wrong side of the target gives no partly band.
§2 Activities: the goal's activities held at the organisation or below, running in the year (start ≤
   31 Dec, end ≥ 1 Jan), status = the follow-up of the period, else the latest earlier one (by year,
   then period end month), else not started. At the period's last day E: cancelled, or start > E →
   not counted; done 1; delayed 0; ongoing/not started with end < E → 0; not started with start <
   E → 0.5; otherwise 1. The part is their mean, rests on outcome; no activity left → no part.
§3 Goal: score = Σ w·s / Σ w over all counted parts, a part without value scores 0; coverage =
   weight with value / all weight; no parts, coverage < 50 % or no part with value → no data (and
   then no score, basis "none": "none when the goal has no score"); ≥ 0.80 met, ≥ 0.40 partly met,
   else not met. Basis over the parts with value: all outcome → outcome, all forecast → forecast,
   else mixed. Met on forecast: a met goal judged again with its forecast-only parts as without
   value is no longer met. Child goals do not count.
§3a An indicator is measured at an organisation when it has a target or any measurement row for
   it in the year. Measured here → judged on its own value and target. Measured only below → the
   part scores the mean of the *nearest* measuring organisations below (no value = 0), has a value
   when one of them has, basis as for a goal. Measured neither here nor below → not counted.
§3c ⚑ when the own assessment (assessment row for goal, organisation, year, period) is more positive
   or more negative than the computed status, or (partly) met where the computed status is no data;
   not met beside no data is not flagged.

Readings the doc leaves open, taken here and agreed by the product on the demo data: a goal judges
the gender "T" row; a goal with too little data has no score; an own assessment is one of met,
partly met, not met (asserted). Not exercised by the demo data, so not proved either way:
not_applicable rows (none exist; here a not-applicable organisation below is left out of a
roll-up's mean), a measuring organisation without a target (every one has a target), a roll-up
over several organisations with a fractional mean or a mixed basis, and an own assessment of not
met beside no data.

Nothing from dashboard.domain.rules, dashboard.followup.control_room's helpers,
dashboard.followup.goal_results or any layout is used for the recomputation; only
`control_room.judge` and `Store.goals` (for the Goal objects judge takes) are called, as the
product under audit.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import text

from dashboard.followup import control_room

PERIODS = ((2025, "T1"), (2025, "FY"), (2026, "T1"), (2026, "T2"))
END_MONTH = {"T1": 4, "T2": 8, "FY": 12}  # the last month of each period (T1 ends 30 April)
GENDER = "T"  # the whole population; the K/M rows are the gender split (§4), not what a goal judges
TOLERANCE = Decimal("0.10")  # default_partly_tolerance
MET, PARTLY, NOT_MET, NO_DATA = "met", "partly_met", "not_met", "no_data"
RANK = {NOT_MET: 0, PARTLY: 1, MET: 2}
MET_AT, PARTLY_AT, MIN_COVERAGE = Fraction(8, 10), Fraction(4, 10), Fraction(1, 2)


def exact(number: float) -> Decimal:
    """A stored number as it is written: 6.8, never 6.79999…"""
    return Decimal(repr(number))


def period_end(year: int, period: str) -> dt.date:
    month = END_MONTH[period]
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


# ---------------------------------------------------------------------------------------------
# The database, read with plain SQL


class Facts:
    """Everything one year needs, read once."""

    def __init__(self, conn, year: int):
        self.year = year
        self.orgs = {
            r.id: r for r in conn.execute(text("SELECT id, code, parent_id, path FROM org_unit"))
        }
        self.children: dict[int | None, list[int]] = defaultdict(list)
        for org in self.orgs.values():
            self.children[org.parent_id].append(org.id)
        self.goals = {
            r.id: r
            for r in conn.execute(
                text(
                    "SELECT id, code FROM goal "
                    "WHERE valid_from <= :y AND (valid_to IS NULL OR valid_to >= :y)"
                ),
                {"y": year},
            )
        }
        self.links: dict[int, list[tuple[int, Fraction]]] = defaultdict(list)
        for r in conn.execute(
            text(
                "SELECT goal_id, indicator_id, weight FROM goal_indicator "
                "ORDER BY goal_id, indicator_id"
            )
        ):
            self.links[r.goal_id].append((r.indicator_id, Fraction(exact(r.weight))))
        self.direction = dict(conn.execute(text("SELECT id, direction FROM indicator")).all())
        self.targets = {
            (r.indicator_id, r.org_id): r
            for r in conn.execute(
                text(
                    "SELECT indicator_id, org_id, target, partly_limit FROM target WHERE year = :y"
                ),
                {"y": year},
            )
        }
        # measured = a target or any measurement row for the indicator in the year (§3a.1)
        self.measured: dict[int, set[int]] = defaultdict(set)
        for indicator_id, org_id in self.targets:
            self.measured[indicator_id].add(org_id)
        for r in conn.execute(
            text("SELECT DISTINCT indicator_id, org_id FROM measurement WHERE year = :y"),
            {"y": year},
        ):
            self.measured[r.indicator_id].add(r.org_id)
        self.rows = {
            (r.indicator_id, r.org_id, r.period): r
            for r in conn.execute(
                text(
                    "SELECT indicator_id, org_id, period, outcome, forecast, value_status "
                    "FROM measurement WHERE year = :y AND gender = :g"
                ),
                {"y": year, "g": GENDER},
            )
        }
        self.activities = [
            r
            for r in conn.execute(
                text("SELECT id, goal_id, org_id, start_date, end_date FROM activity")
            )
            if as_date(r.start_date) <= dt.date(year, 12, 31)
            and as_date(r.end_date) >= dt.date(year, 1, 1)
        ]
        self.follow_ups: dict[int, list[tuple[tuple[int, int], str]]] = defaultdict(list)
        for r in conn.execute(
            text("SELECT activity_id, year, period, status FROM activity_update WHERE year <= :y"),
            {"y": year},
        ):
            self.follow_ups[r.activity_id].append(((r.year, END_MONTH[r.period]), r.status))
        self.assessments = {
            (r.goal_id, r.org_id, r.period): r.status
            for r in conn.execute(
                text("SELECT goal_id, org_id, period, status FROM assessment WHERE year = :y"),
                {"y": year},
            )
        }

    def subtree(self, org_id: int) -> set[int]:
        found, todo = set(), [org_id]
        while todo:
            here = todo.pop()
            found.add(here)
            todo.extend(self.children[here])
        return found

    def nearest_measuring_below(self, indicator_id: int, org_id: int) -> list[int]:
        """The organisations below that measure the indicator with no measuring one in between."""
        found, todo = [], list(self.children[org_id])
        while todo:
            here = todo.pop()
            if here in self.measured[indicator_id]:
                found.append(here)
            else:
                todo.extend(self.children[here])
        return sorted(found)


# ---------------------------------------------------------------------------------------------
# The rule, as docs/rules.md writes it


class Part:
    """A part of a goal: its weight, score (0..1), whether it has a value, and what it rests on."""

    def __init__(self, weight: Fraction, score: Fraction, has_value: bool, basis: str):
        self.weight, self.score, self.has_value, self.basis = weight, score, has_value, basis


def judge_value(value: Decimal, target: Decimal, limit: Decimal, higher: bool) -> str:
    """§1.5: value ≥ target met, limit ≤ value < target partly met, else not met (mirrored when
    lower)."""
    if higher:
        if value >= target:
            return MET
        return PARTLY if limit < target and value >= limit else NOT_MET
    if value <= target:
        return MET
    return PARTLY if limit > target and value <= limit else NOT_MET


def indicator_here(facts: Facts, indicator_id: int, org_id: int, period: str):
    """§1 at an organisation that measures the indicator: (status, basis) or None when not
    applicable."""
    row = facts.rows.get((indicator_id, org_id, period))
    status = row.value_status if row else None
    if status == "not_applicable":
        return None
    target_row = facts.targets.get((indicator_id, org_id))
    if target_row is None:
        return NO_DATA, "none"
    value, basis = None, "none"
    if status == "ok" and row.outcome is not None:
        value, basis = row.outcome, "outcome"
    elif status in ("ok", "missing") and row.forecast is not None:
        value, basis = row.forecast, "forecast"
    if value is None:
        return NO_DATA, "none"
    higher = facts.direction[indicator_id] == "higher"
    target = exact(target_row.target)
    if target_row.partly_limit is not None:
        limit = exact(target_row.partly_limit)
    else:
        limit = target - TOLERANCE * abs(target) if higher else target + TOLERANCE * abs(target)
    return judge_value(exact(value), target, limit, higher), basis


POINTS = {MET: Fraction(1), PARTLY: Fraction(1, 2), NOT_MET: Fraction(0), NO_DATA: Fraction(0)}


def basis_of(parts) -> str:
    with_value = {p.basis for p in parts if p.has_value}
    if not with_value:
        return "none"
    return with_value.pop() if len(with_value) == 1 else "mixed"


def indicator_part(
    facts: Facts, indicator_id: int, weight: Fraction, org_id: int, period: str
) -> Part | None:
    """§3a: judged here, rolled up from the nearest measuring organisations below, or not
    counted."""
    if org_id in facts.measured[indicator_id]:
        judged = indicator_here(facts, indicator_id, org_id, period)
        if judged is None:
            return None
        status, basis = judged
        return Part(weight, POINTS[status], status != NO_DATA, basis)
    below = [
        indicator_here(facts, indicator_id, unit, period)
        for unit in facts.nearest_measuring_below(indicator_id, org_id)
    ]
    below = [
        Part(Fraction(1), POINTS[status], status != NO_DATA, basis)
        for status, basis in (j for j in below if j is not None)
    ]
    if not below:
        return None  # measured neither here nor below: listed, not counted
    score = sum(p.score for p in below) / len(below)
    return Part(weight, score, any(p.has_value for p in below), basis_of(below))


def activity_part(facts: Facts, goal_id: int, org_id: int, year: int, period: str) -> Part | None:
    """§2: the goal's activities held here or below, scored at the period's last day."""
    end = period_end(year, period)
    now = (year, END_MONTH[period])
    held = facts.subtree(org_id)
    scores = []
    for activity in facts.activities:
        if activity.goal_id != goal_id or activity.org_id not in held:
            continue
        start, stop = as_date(activity.start_date), as_date(activity.end_date)
        earlier = [(when, status) for when, status in facts.follow_ups[activity.id] if when <= now]
        status = max(earlier)[1] if earlier else "not_started"
        if status == "cancelled" or start > end:
            continue
        if status == "done":
            scores.append(Fraction(1))
        elif status == "delayed" or stop < end:
            scores.append(Fraction(0))
        elif status == "not_started" and start < end:
            scores.append(Fraction(1, 2))
        else:
            scores.append(Fraction(1))
    if not scores:
        return None
    return Part(Fraction(1), sum(scores) / len(scores), True, "outcome")


def fulfilment(parts: list[Part]) -> tuple[str, Fraction | None]:
    """§3.3–5: the goal's status and score."""
    if not parts:
        return NO_DATA, None
    total = sum(p.weight for p in parts)
    covered = sum(p.weight for p in parts if p.has_value)
    if covered == 0 or covered / total < MIN_COVERAGE:
        return NO_DATA, None
    score = sum(p.weight * p.score for p in parts) / total
    return (MET if score >= MET_AT else PARTLY if score >= PARTLY_AT else NOT_MET), score


def flagged(computed: str, own: str | None) -> bool:
    """§3c."""
    if own is None:
        return False
    if computed == NO_DATA:
        return own in (MET, PARTLY)
    return RANK[own] != RANK[computed]


def recompute(facts: Facts, goal_id: int, org_id: int, period: str) -> tuple:
    parts = [
        indicator_part(facts, indicator_id, weight, org_id, period)
        for indicator_id, weight in facts.links[goal_id]
    ]
    parts.append(activity_part(facts, goal_id, org_id, facts.year, period))
    parts = [p for p in parts if p is not None]
    status, score = fulfilment(parts)
    basis = basis_of(parts) if score is not None else "none"
    met_on_forecast = False
    if status == MET and any(p.has_value and p.basis == "forecast" for p in parts):
        without = [
            Part(p.weight, Fraction(0), False, "none")
            if p.has_value and p.basis == "forecast"
            else p
            for p in parts
        ]
        met_on_forecast = fulfilment(without)[0] != MET
    own = facts.assessments.get((goal_id, org_id, period))
    return status, score, basis, met_on_forecast, flagged(status, own)


# ---------------------------------------------------------------------------------------------


def _differs(mine: tuple, theirs: tuple) -> bool:
    (status, score, *rest), (their_status, their_score, *their_rest) = mine, theirs
    if (score is None) != (their_score is None):
        return True
    if score is not None and abs(float(score) - their_score) > 1e-9:
        return True
    return (status, *rest) != (their_status, *their_rest)


def test_every_goal_result_recomputed_by_hand_equals_the_products(demo_store):
    started = time.perf_counter()
    mine: dict[tuple, tuple] = {}
    theirs: dict[tuple, tuple] = {}
    for year, period in PERIODS:
        with demo_store.engine.connect() as conn:
            facts = Facts(conn, year)
            known = {r[0] for r in conn.execute(text("SELECT DISTINCT status FROM assessment"))}
        assert known <= set(RANK), f"own assessments outside the doc's three statuses: {known}"
        goals = {goal.id: goal for goal in demo_store.goals(year)}
        assert set(goals) == set(facts.goals), (
            "the product's goals valid in the year are not the doc's"
        )
        pairs = [(goals[g], o) for g in sorted(facts.goals) for o in sorted(facts.orgs)]
        for status in control_room.judge(demo_store, pairs, year, period):
            r = status.result
            key = (year, period, status.goal.code, facts.orgs[status.org_id].code)
            theirs[key] = (
                r.status.value,
                r.score,
                r.basis.value,
                r.met_on_forecast,
                status.disagreement.value != "none",
            )
        for goal_id, org_id in ((g.id, o) for g, o in pairs):
            key = (year, period, facts.goals[goal_id].code, facts.orgs[org_id].code)
            mine[key] = recompute(facts, goal_id, org_id, period)
    elapsed = time.perf_counter() - started
    print(f"{demo_store.engine.dialect.name}: {len(mine)} keys compared in {elapsed:.1f} s")
    assert mine.keys() == theirs.keys()
    # not a vacuous comparison: every status, ◌ and ⚑ occur in what is compared
    assert {m[0] for m in mine.values()} == {MET, PARTLY, NOT_MET, NO_DATA}
    assert any(m[3] for m in mine.values()) and any(m[4] for m in mine.values())
    differing = sorted(key for key in mine if _differs(mine[key], theirs[key]))
    shown = "\n".join(
        f"  {key}: product {theirs[key]}, auditor {_readable(mine[key])}" for key in differing[:15]
    )
    assert not differing, (
        f"{len(differing)} of {len(mine)} results differ "
        f"(status, score, basis, met on forecast, ⚑):\n{shown}"
    )


def _readable(result: tuple) -> tuple:
    status, score, *rest = result
    return (status, None if score is None else float(score), *rest)
