"""The demo and Stockholm-scale generators: deterministic, complete, consistent and plausible.

Fast: the 2 million scale rows are never all generated here; a slice and a one-year city are.
"""

from __future__ import annotations

import itertools
import re
import statistics
import time
from collections import Counter, defaultdict

import pytest

import dashboard.tools.scale
from dashboard.domain import rules
from dashboard.domain.dataset import Dataset
from dashboard.domain.model import (
    ActivityStatus,
    Assessment,
    Direction,
    Gender,
    GoalLevel,
    OrgLevel,
    Reading,
    Status,
    Target,
    ValueStatus,
    period_end,
)
from dashboard.tools.demo import demo_dataset
from dashboard.tools.scale import expected_measurement_count, stockholm_dataset

FIRST_YEAR, LAST_YEAR = 2022, 2026


@pytest.fixture(scope="module")
def demo() -> Dataset:
    return demo_dataset()


@pytest.fixture(scope="module")
def city() -> Dataset:
    return stockholm_dataset()


@pytest.fixture(scope="module")
def one_year() -> Dataset:
    """The benchmark city over a single year: about 197,000 rows, cheap enough to generate."""
    return stockholm_dataset(years=1)


def levels(rows) -> Counter:
    return Counter(row.level for row in rows)


def sign(direction: Direction) -> int:
    return 1 if direction is Direction.HIGHER else -1


# --- the demo: determinism and size --------------------------------------------------------------


def test_same_seed_gives_the_same_demo_and_another_seed_other_numbers(demo):
    assert demo_dataset() == demo
    other = demo_dataset(seed=7)
    assert other.org_units == demo.org_units and other.goals == demo.goals
    assert other.measurements != demo.measurements


def test_demo_builds_in_under_two_seconds():
    start = time.perf_counter()
    demo_dataset()
    assert time.perf_counter() - start < 2


def test_demo_organisation_has_the_promised_shape(demo):
    counts = levels(demo.org_units)
    assert counts[OrgLevel.CITY] == 1 and counts[OrgLevel.COMMITTEE] == 3
    assert 15 <= counts[OrgLevel.UNIT] <= 30
    departments = Counter(r.parent_code for r in demo.org_units if r.level is OrgLevel.DEPARTMENT)
    assert all(2 <= n <= 3 for n in departments.values()) and len(departments) == 3
    assert "SKA-AO-01" in {r.code for r in demo.org_units}


def test_demo_goal_tree_has_every_level(demo):
    counts = levels(demo.goals)
    assert 2 <= counts[GoalLevel.DIRECTION] <= 3
    assert 5 <= counts[GoalLevel.COUNCIL] <= 8
    org_level = {r.code: r.level for r in demo.org_units}
    owners = defaultdict(set)
    for goal in demo.goals:
        owners[goal.level].add(org_level[goal.org_code])
        assert goal.valid_from <= FIRST_YEAR and (goal.valid_to or LAST_YEAR) >= LAST_YEAR
    assert owners[GoalLevel.DIRECTION] == owners[GoalLevel.COUNCIL] == {OrgLevel.CITY}
    assert owners[GoalLevel.COMMITTEE] == {OrgLevel.COMMITTEE}
    assert owners[GoalLevel.UNIT] == {OrgLevel.DEPARTMENT, OrgLevel.UNIT}
    committees_with_goals = {g.org_code for g in demo.goals if g.level is GoalLevel.COMMITTEE}
    assert len(committees_with_goals) == 3


def test_demo_uses_the_goal_texts_of_the_seeds(demo):
    by_title = {g.title: g for g in demo.goals}
    kf = next(g for g in demo.goals if g.title.startswith("1.5 I Stockholm har äldre"))
    parent = {g.code: g for g in demo.goals}[kf.parent_code]
    assert parent.title == "En modern storstad med möjlighet och valfrihet för alla"
    committee_goal = by_title["Förbättrad uppföljningsdialog med de anhöriga"]
    assert committee_goal.parent_code == kf.code
    commitment = by_title["Vi åtar oss att månadsvis presentera våra resultat för de anhöriga"]
    assert commitment.parent_code == committee_goal.code


def test_demo_indicators_are_varied(demo):
    assert 30 <= len(demo.indicators) <= 60
    assert set(levels(demo.indicators)) == {GoalLevel.COUNCIL, GoalLevel.COMMITTEE, GoalLevel.UNIT}
    assert {i.direction for i in demo.indicators} == {Direction.HIGHER, Direction.LOWER}
    split = Counter(i.gender_split for i in demo.indicators)
    assert split[True] > split[False] > 0
    assert {"%", "kr", "dagar", "antal", "index"} <= {i.unit for i in demo.indicators}
    kpis = [i.kolada_kpi for i in demo.indicators if i.kolada_kpi]
    assert kpis and all(re.fullmatch(r"[NU]\d{5}", k) for k in kpis)


# --- the demo: integrity -------------------------------------------------------------------------


def test_codes_and_keys_are_unique(demo):
    for rows in (demo.org_units, demo.goals, demo.indicators, demo.activities):
        codes = [r.code for r in rows]
        assert len(codes) == len(set(codes))
    keyed = {
        "links": [(r.goal_code, r.indicator_code) for r in demo.goal_indicators],
        "targets": [(r.indicator_code, r.org_code, r.year) for r in demo.targets],
        "measurements": [r[:5] for r in demo.measurements],
        "updates": [(r.activity_code, r.year, r.period) for r in demo.activity_updates],
        "assessments": [(r.goal_code, r.org_code, r.year, r.period) for r in demo.assessments],
    }
    for name, keys in keyed.items():
        assert len(keys) == len(set(keys)), name


def test_every_referenced_code_exists(demo):
    orgs = {r.code for r in demo.org_units}
    goals = {r.code for r in demo.goals}
    indicators = {r.code for r in demo.indicators}
    activities = {r.code for r in demo.activities}
    assert {r.parent_code for r in demo.org_units} - {None} <= orgs
    assert {r.org_code for r in demo.goals} <= orgs
    assert {r.parent_code for r in demo.goals} - {None} <= goals
    assert {r.goal_code for r in demo.goal_indicators} <= goals
    assert {r.indicator_code for r in demo.goal_indicators} <= indicators
    for rows in (demo.targets, demo.measurements):
        assert {r.indicator_code for r in rows} <= indicators
        assert {r.org_code for r in rows} <= orgs
    assert {r.goal_code for r in demo.activities} <= goals
    assert {r.org_code for r in demo.activities} <= orgs
    assert {r.activity_code for r in demo.activity_updates} == activities
    assert {r.goal_code for r in demo.assessments} <= goals
    assert {r.org_code for r in demo.assessments} <= orgs


def test_parents_are_one_level_up(demo):
    org_level = {r.code: r.level for r in demo.org_units}
    for row in demo.org_units:
        if row.parent_code:
            assert org_level[row.parent_code] == row.level - 1
    goal_level = {r.code: r.level for r in demo.goals}
    for row in demo.goals:
        if row.level is GoalLevel.DIRECTION:
            assert row.parent_code is None
        else:
            assert goal_level[row.parent_code] == row.level - 1


def test_every_goal_below_kf_is_followed_by_an_indicator_and_links_are_varied(demo):
    followed = Counter(link.goal_code for link in demo.goal_indicators)
    for goal in demo.goals:
        if goal.level >= GoalLevel.COUNCIL:
            assert followed[goal.code] >= 1, goal.code
    indicator_level = {i.code: i.level for i in demo.indicators}
    goal_level = {g.code: g.level for g in demo.goals}
    for link in demo.goal_indicators:
        if indicator_level[link.indicator_code] is GoalLevel.COMMITTEE:
            assert goal_level[link.goal_code] in (GoalLevel.COMMITTEE, GoalLevel.UNIT)
        if indicator_level[link.indicator_code] is GoalLevel.UNIT:
            assert goal_level[link.goal_code] is GoalLevel.UNIT
    council_links = [
        link
        for link in demo.goal_indicators
        if indicator_level[link.indicator_code] is GoalLevel.COUNCIL
    ]
    assert any(goal_level[link.goal_code] is GoalLevel.COUNCIL for link in council_links)
    serves = Counter(link.indicator_code for link in demo.goal_indicators)
    assert max(serves.values()) >= 2
    assert any(link.weight == 2 for link in demo.goal_indicators)


# --- the demo: measurements ----------------------------------------------------------------------


def test_periods_follow_the_reporting_year(demo):
    reported = {(r.year, r.period) for r in demo.measurements}
    expected = {(y, p) for y in range(FIRST_YEAR, LAST_YEAR) for p in ("T1", "T2", "FY")}
    assert reported == expected | {(LAST_YEAR, "T1"), (LAST_YEAR, "T2")}
    assert {r.year for r in demo.targets} == set(range(FIRST_YEAR, LAST_YEAR + 1))


def test_gender_split_indicators_have_t_k_m_and_others_only_t(demo):
    split = {i.code: i.gender_split for i in demo.indicators}
    genders = defaultdict(set)
    for row in demo.measurements:
        genders[row.indicator_code, row.org_code, row.year, row.period].add(row.gender)
    for (code, *_), found in genders.items():
        expected = {Gender.TOTAL, Gender.WOMEN, Gender.MEN} if split[code] else {Gender.TOTAL}
        assert found == expected


def test_shares_stay_within_0_and_100(demo):
    shares = {i.code for i in demo.indicators if i.unit in ("%", "index")}
    values = [
        value
        for row in demo.measurements
        if row.indicator_code in shares
        for value in (row.outcome, row.forecast)
        if value is not None
    ] + [
        value
        for row in demo.targets
        if row.indicator_code in shares
        for value in (row.target, row.partly_limit, row.council_target)
        if value is not None
    ]
    assert values and all(0 <= v <= 100 for v in values)


def test_total_lies_between_women_and_men(demo):
    by_key = defaultdict(dict)
    for row in demo.measurements:
        by_key[row[:4]][row.gender] = row.outcome
    checked = 0
    for values in by_key.values():
        t, k, m = (values.get(g) for g in (Gender.TOTAL, Gender.WOMEN, Gender.MEN))
        if None not in (t, k, m):
            assert min(k, m) <= t <= max(k, m)
            checked += 1
    assert checked > 1000
    gaps = [
        values[Gender.WOMEN] - values[Gender.MEN]
        for values in by_key.values()
        if values.get(Gender.WOMEN) is not None and values.get(Gender.MEN) is not None
    ]
    assert statistics.mean(abs(g) for g in gaps) > 0.5  # K and M differ


def test_a_parent_outcome_is_the_mean_of_its_childrens(demo):
    decimals = {i.code: i.decimals for i in demo.indicators}
    parent = {r.code: r.parent_code for r in demo.org_units}
    totals = {r[:4]: r.outcome for r in demo.measurements if r.gender is Gender.TOTAL}
    children = defaultdict(list)
    for (code, org, year, period), outcome in totals.items():
        if parent[org] and (code, parent[org], year, period) in totals and outcome is not None:
            children[code, parent[org], year, period].append(outcome)
    assert len(children) > 500
    for key, values in children.items():
        expected = round(sum(values) / len(values), decimals[key[0]])
        assert totals[key] == pytest.approx(expected), key


def test_forecasts_are_set_during_the_year_and_lean_positive(demo):
    direction = {i.code: i.direction for i in demo.indicators}
    units = {r.code for r in demo.org_units if r.level is OrgLevel.UNIT}
    final = {r[:5]: r.outcome for r in demo.measurements if r.period == "FY"}
    ahead = []  # per unit's T1 forecast: did it turn out better than the year's outcome?
    for row in demo.measurements:
        if row.period == "FY":
            assert row.forecast is None
        elif row.value_status is ValueStatus.OK:
            assert row.forecast is not None
            outcome = final.get((*row[:3], "FY", row.gender))
            if row.period == "T1" and row.org_code in units and outcome not in (None, row.forecast):
                ahead.append(sign(direction[row.indicator_code]) * (row.forecast - outcome) > 0)
    assert len(ahead) > 1000
    assert 0.55 < sum(ahead) / len(ahead) < 0.8  # optimistic, but only slightly


def test_some_values_are_missing_suppressed_or_only_a_forecast(demo):
    latest = (LAST_YEAR, "T2")
    forecast_only = [
        r
        for r in demo.measurements
        if r.outcome is None and r.forecast is not None and r.value_status is ValueStatus.OK
    ]
    missing = [r for r in demo.measurements if r.value_status is ValueStatus.MISSING]
    suppressed = [r for r in demo.measurements if r.value_status is ValueStatus.SUPPRESSED]
    assert forecast_only and missing and suppressed
    assert all(r.outcome is None and r.forecast is None for r in missing + suppressed)
    assert any((r.year, r.period) == latest for r in forecast_only)
    assert any((r.year, r.period) == latest for r in missing)
    assert all(r.comment for r in forecast_only + missing + suppressed)


# --- the demo: targets, activities and assessments -----------------------------------------------


def test_every_measured_pair_has_a_target_every_year(demo):
    measured = {(r.indicator_code, r.org_code) for r in demo.measurements}
    targeted = Counter((r.indicator_code, r.org_code) for r in demo.targets)
    assert set(targeted) == measured
    assert set(targeted.values()) == {LAST_YEAR - FIRST_YEAR + 1}


def test_targets_carry_kf_values_and_sometimes_their_own_band(demo):
    council = {i.code for i in demo.indicators if i.level is GoalLevel.COUNCIL}
    for row in demo.targets:
        assert (row.council_target is not None) == (row.indicator_code in council)
    explicit = sum(row.partly_limit is not None for row in demo.targets)
    assert 0 < explicit < len(demo.targets) / 4


def test_a_committee_target_is_usually_not_below_last_years_outcome(demo):
    direction = {i.code: i.direction for i in demo.indicators}
    committees = {r.code for r in demo.org_units if r.level is OrgLevel.COMMITTEE}
    outcome = {
        (r.indicator_code, r.org_code, r.year): r.outcome
        for r in demo.measurements
        if r.period == "FY" and r.gender is Gender.TOTAL and r.outcome is not None
    }
    verdicts = [
        sign(direction[t.indicator_code]) * (t.target - outcome[key]) >= 0
        for t in demo.targets
        if t.org_code in committees
        and (key := (t.indicator_code, t.org_code, t.year - 1)) in outcome
    ]
    assert len(verdicts) > 100
    assert 0.8 <= sum(verdicts) / len(verdicts) < 1


def test_activities_fall_within_their_year_and_some_run_late(demo):
    for row in demo.activities:
        assert row.start_date <= row.end_date and row.start_date.year == row.end_date.year
        assert row.responsible and row.title
    statuses = Counter(r.status for r in demo.activities)
    assert statuses[ActivityStatus.DONE] > statuses[ActivityStatus.DELAYED] > 0
    assert statuses[ActivityStatus.CANCELLED] > 0
    as_of = period_end(LAST_YEAR, "T2")
    current = [r for r in demo.activities if r.start_date.year == LAST_YEAR]
    overdue = [r for r in current if rules.is_overdue(r, as_of)]
    assert current and overdue
    updates = Counter(r.activity_code for r in demo.activity_updates)
    for row in demo.activities:
        assert updates[row.code] == (2 if row.start_date.year == LAST_YEAR else 3)
    explained = [r for r in demo.activity_updates if r.status is ActivityStatus.DELAYED]
    assert explained and all(r.comment for r in explained)


def test_assessments_are_forecasts_during_the_year_and_explain_themselves(demo):
    assert {(r.year, r.period) for r in demo.assessments} == {
        (r.year, r.period) for r in demo.measurements
    }
    for row in demo.assessments:
        assert row.is_forecast == (row.period != "FY")
        assert row.analysis
        assert row.measures or row.status is Status.MET
    assert set(Counter(r.status for r in demo.assessments)) == {
        Status.MET,
        Status.PARTLY_MET,
        Status.NOT_MET,
    }


def test_some_assessments_are_more_positive_than_the_numbers(demo):
    """The documented rule on the goal's own indicators (T, this period) against what the
    organisation says; the auditors' "hellre positiva än realistiska" must be visible."""
    indicator = {i.code: i for i in demo.indicators}
    target = {(t.indicator_code, t.org_code, t.year): t for t in demo.targets}
    reading = {
        r[:4]: Reading(r.outcome, r.forecast, r.value_status)
        for r in demo.measurements
        if r.gender is Gender.TOTAL
    }
    links = defaultdict(list)
    for link in demo.goal_indicators:
        links[link.goal_code].append((link.indicator_code, link.weight))
    flags, clearly = Counter(), 0
    for a in demo.assessments:
        parts = []
        for code, weight in links[a.goal_code]:
            t = target.get((code, a.org_code, a.year))
            r = reading.get((code, a.org_code, a.year, a.period))
            if t is not None and r is not None:
                result = rules.indicator_status(
                    indicator[code].direction, Target(t.target, t.partly_limit), r
                )
                parts.append(rules.indicator_part(code, weight, result))
        computed = rules.goal_fulfilment(parts).status
        own = Assessment(0, 0, a.year, a.period, a.status, a.is_forecast, a.analysis, a.measures)
        flags[rules.disagreement(computed, own)] += 1
        clearly += computed is Status.NOT_MET and a.status is Status.MET
    assert flags[rules.Disagreement.MORE_POSITIVE] > 3 * flags[rules.Disagreement.MORE_NEGATIVE]
    assert clearly >= 3
    assert flags[rules.Disagreement.NONE] > len(demo.assessments) / 2


def test_last_period_decides_how_far_the_last_year_goes():
    early = demo_dataset(last_period="T1")
    assert {(r.year, r.period) for r in early.measurements if r.year == LAST_YEAR} == {
        (LAST_YEAR, "T1")
    }
    full = demo_dataset(last_year=2025, last_period="FY")
    assert (2025, "FY") in {(r.year, r.period) for r in full.measurements}
    assert min(r.year for r in full.measurements) == 2021
    with pytest.raises(ValueError):
        demo_dataset(last_period="T3")


# --- the Stockholm-scale benchmark ---------------------------------------------------------------


def test_city_has_the_benchmark_structure(city):
    counts = levels(city.org_units)
    assert counts == {
        OrgLevel.CITY: 1,
        OrgLevel.COMMITTEE: 30,
        OrgLevel.DEPARTMENT: 150,
        OrgLevel.UNIT: 1500,
    }
    assert 3500 <= len(city.indicators) <= 4100
    assert levels(city.goals)[GoalLevel.UNIT] >= 1500
    assert len(city.activities) > 10_000 and len(city.assessments) > 10_000
    for rows in (city.org_units, city.goals, city.indicators, city.activities):
        assert len({r.code for r in rows}) == len(rows)


def test_city_references_exist(city):
    orgs = {r.code for r in city.org_units}
    goals = {r.code for r in city.goals}
    indicators = {r.code for r in city.indicators}
    assert {r.parent_code for r in city.goals} - {None} <= goals
    assert {r.indicator_code for r in city.targets} == indicators
    assert {r.org_code for r in city.targets} <= orgs
    assert {r.goal_code for r in city.goal_indicators} <= goals
    assert {r.indicator_code for r in city.goal_indicators} == indicators
    for rows in (city.activities, city.assessments):
        assert {r.goal_code for r in rows} <= goals
        assert {r.org_code for r in rows} <= orgs


def test_city_measurement_count_is_about_two_million_and_documented(city):
    count = expected_measurement_count()
    assert count == 1_967_730
    assert f"{count:,}" in dashboard.tools.scale.__doc__
    assert len(city.measurements) == count
    assert abs(count - 2_000_000) < 100_000


def test_city_measurements_are_lazy_reiterable_and_deterministic(city, one_year):
    assert not isinstance(city.measurements, (list, tuple))
    first = list(itertools.islice(city.measurements, 20_000))
    assert list(itertools.islice(city.measurements, 20_000)) == first
    fresh = stockholm_dataset(years=1)
    assert list(itertools.islice(fresh.measurements, 3_000)) == list(
        itertools.islice(one_year.measurements, 3_000)
    )
    assert fresh.targets == one_year.targets and fresh.assessments == one_year.assessments
    orgs = {r.code for r in city.org_units}
    unit = {i.code: i.unit for i in city.indicators}
    for row in first:
        assert row.org_code in orgs and row.indicator_code in unit
        if unit[row.indicator_code] == "%":
            assert all(0 <= v <= 100 for v in (row.outcome, row.forecast) if v is not None)


def test_city_count_matches_what_is_generated_for_one_year(one_year):
    assert sum(1 for _ in one_year.measurements) == expected_measurement_count(years=1)
