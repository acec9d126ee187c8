"""The benchmark workload: a Stockholm-sized city, deterministic from a seed.

30 stadsdelsnämnder, each with the five departments of `demo.tree_data.DEPARTMENTS` and ten
units per department: 1 + 30 + 150 + 1,500 organisations. Every unit measures the KF indicators
of its kind (8.5 on average), three of its nämnd's own and 2.4 of its own: 13.9 in all, and
3,869 indicators. Departments, nämnder and the city carry the means of their children. With the
defaults (10 years × T1, T2, FY × T/K/M, T only for the 888 indicators not split by gender)
that is exactly 1,967,730 measurement rows (`expected_measurement_count()`, 23,939
indicator–organisation pairs), generated lazily on each iteration so memory stays flat. (About
14 rather than 12 indicators per unit, because a realistic quarter of them, costs and staffing
ratios among them, has one row per period instead of three.) Goals, targets, activities (about
80 per nämnd and year, the auditors' count for a stadsdelsnämnd) and assessments come as lists.

The numbers come from the demo's generator (`demo.numbers.simulate`, `demo.numbers.rollup`),
seeded per indicator and organisation, so any slice is reproducible without generating the rest.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from functools import partial

from dashboard.domain.dataset import AssessmentRow, Dataset, MeasurementRow, TargetRow
from dashboard.domain.model import TERTIAL_PERIODS, GoalLevel, Status
from dashboard.tools.demo.activities import build_activities
from dashboard.tools.demo.assessments import assessed_goals, assessment_row
from dashboard.tools.demo.indicators import (
    PlannedIndicator,
    link_goals,
    plan_indicators,
    tree_codes,
)
from dashboard.tools.demo.numbers import (
    Block,
    aim,
    direction_sign,
    forecast_only,
    measurement_rows,
    missing,
    partly_limit,
    profile,
    reporting_periods,
    rollup,
    simulate,
)
from dashboard.tools.demo.organisation import (
    GoalPlan,
    Organisation,
    Unit,
    build_goals,
    build_organisation,
)
from dashboard.tools.demo.tree_data import DEPARTMENTS, UNIT_KINDS

CITY = ("STAD", "Stockholms stad (benchmark)")

# (code, district, nämnd): today's and earlier stadsdelar, so that there are thirty.
DISTRICTS = [
    ("RIN", "Rinkeby", "Rinkeby stadsdelsnämnd"),
    ("KIS", "Kista", "Kista stadsdelsnämnd"),
    ("SPT", "Spånga-Tensta", "Spånga-Tensta stadsdelsnämnd"),
    ("HAS", "Hässelby", "Hässelby stadsdelsnämnd"),
    ("VAL", "Vällingby", "Vällingby stadsdelsnämnd"),
    ("BRO", "Bromma", "Bromma stadsdelsnämnd"),
    ("KUN", "Kungsholmen", "Kungsholmens stadsdelsnämnd"),
    ("NOR", "Norrmalm", "Norrmalms stadsdelsnämnd"),
    ("VAS", "Vasastan", "Vasastans stadsdelsnämnd"),
    ("OST", "Östermalm", "Östermalms stadsdelsnämnd"),
    ("GAR", "Gärdet", "Gärdets stadsdelsnämnd"),
    ("MGS", "Maria-Gamla stan", "Maria-Gamla stans stadsdelsnämnd"),
    ("KAS", "Katarina-Sofia", "Katarina-Sofia stadsdelsnämnd"),
    ("HAM", "Hammarby sjöstad", "Hammarby sjöstads stadsdelsnämnd"),
    ("ENS", "Enskede", "Enskede stadsdelsnämnd"),
    ("ARS", "Årsta", "Årsta stadsdelsnämnd"),
    ("VAN", "Vantör", "Vantörs stadsdelsnämnd"),
    ("SKA", "Skarpnäck", "Skarpnäcks stadsdelsnämnd"),
    ("BAG", "Bagarmossen", "Bagarmossens stadsdelsnämnd"),
    ("FAR", "Farsta", "Farsta stadsdelsnämnd"),
    ("HOK", "Hökarängen", "Hökarängens stadsdelsnämnd"),
    ("ALV", "Älvsjö", "Älvsjö stadsdelsnämnd"),
    ("HAG", "Hägersten", "Hägerstens stadsdelsnämnd"),
    ("LIL", "Liljeholmen", "Liljeholmens stadsdelsnämnd"),
    ("SKH", "Skärholmen", "Skärholmens stadsdelsnämnd"),
    ("BRE", "Bredäng", "Bredängs stadsdelsnämnd"),
    ("FRU", "Fruängen", "Fruängens stadsdelsnämnd"),
    ("HUS", "Husby", "Husby stadsdelsnämnd"),
    ("AKA", "Akalla", "Akalla stadsdelsnämnd"),
    ("ASP", "Aspudden", "Aspuddens stadsdelsnämnd"),
]

# Unit names per kind, in the order a department's units of that kind take them; "{d}" is
# the district. A department runs one or two kinds, so ten (or five) names suffice.
# fmt: off
UNIT_NAMES = {
    "forskola": ["Förskolan Solrosen", "Förskolan Blåklinten", "Förskolan Ekorren",
                 "Förskolan Regnbågen", "Förskolan Tallkotten", "Förskolan Lärkan",
                 "Förskolan Fyren", "Förskolan Kastanjen", "Förskolan Humlan", "Förskolan Snäckan"],
    "sabo": ["Vård- och omsorgsboendet Lindgården", "Vård- och omsorgsboendet Björkhagen",
             "Vård- och omsorgsboendet Rönngården", "Vård- och omsorgsboendet Ekbacken",
             "Vård- och omsorgsboendet Solgläntan"],
    "hemtjanst": ["Hemtjänst {d} norr", "Hemtjänst {d} söder", "Hemtjänst {d} öster",
                  "Hemtjänst {d} väster", "Hemtjänst {d} kväll och natt"],
    "ifo_barn": ["Mottagningen barn och unga {d}", "Utredningsgrupp barn 1 {d}",
                 "Utredningsgrupp barn 2 {d}", "Familjebehandlingen {d}", "Fältgruppen {d}"],
    "ifo_vuxen": ["Mottagningen vuxna {d}", "Ekonomiskt bistånd 1 {d}", "Ekonomiskt bistånd 2 {d}",
                  "Vuxenenheten {d}", "Jobbstödet {d}"],
    "boendestod": ["Boendestöd {d} norr", "Boendestöd {d} söder", "Stödboendet Kvarnen",
                   "Boendestöd {d} öster", "Boendestöd {d} väster"],
    "sysselsattning": ["Träffpunkt Fridhem", "Daglig sysselsättning Verkstan",
                       "Träffpunkt Kompassen", "Caféet Navet", "Arbetsträning Ateljén"],
    "fritidsgard": ["Fritidsgården Tellus", "Fritidsgården Oasen", "Ungdomens hus {d}",
                    "Fritidsgården Plattan", "Tjejverket {d}"],
    "parklek": ["Parkleken Dalen", "Parkleken Bollan", "Parkleken Lugnet", "Parkleken Kojan",
                "Parkleken Ängen"],
}
# fmt: on

UNITS_PER_DEPARTMENT = 10
WIDE_INDICATORS_PER_COMMITTEE = 2  # nämnd indicators every unit of the nämnd measures
# A few readings lack an outcome, as in real reporting: not reported at all, or only a forecast.
MISSING_RATE = 0.004
FORECAST_ONLY_RATE = 0.008
# How the nämnder's own computed goal statuses are spread (met, partly met, not met).
ASSESSMENT_MIX = ((Status.MET, Status.PARTLY_MET, Status.NOT_MET), (45, 35, 20))


def stockholm_dataset(seed: int = 1, years: int = 10, last_year: int = 2026) -> Dataset:
    """The benchmark city over `years` full years up to `last_year`; measurements are lazy."""
    first_year = last_year - years + 1
    org, goals, plan = _structure(first_year, last_year)
    periods = reporting_periods(first_year, last_year, "FY")
    rng = random.Random(seed)
    activities, updates = build_activities(
        rng, org, goals, periods, per_goal={GoalLevel.COMMITTEE: 2, GoalLevel.UNIT: 1}
    )
    return Dataset(
        org_units=org.rows,
        goals=goals.rows,
        indicators=[p.row for p in plan],
        goal_indicators=link_goals(org, goals, plan),
        targets=_targets(seed, plan, first_year, last_year),
        measurements=LazyMeasurements(seed, plan, first_year, last_year),
        activities=activities,
        activity_updates=updates,
        assessments=_assessments(rng, goals, periods),
    )


def expected_measurement_count(years: int = 10) -> int:
    """The number of rows `stockholm_dataset(years=years).measurements` yields, by structure."""
    _, _, plan = _structure(2026 - years + 1, 2026)  # the same for any last year
    return _row_count(plan, years * len(TERTIAL_PERIODS))


class LazyMeasurements:
    """The measurement rows, generated afresh on each iteration: re-iterable, memory stays flat."""

    def __init__(
        self, seed: int, plan: Sequence[PlannedIndicator], first_year: int, last_year: int
    ):
        self.seed, self.plan = seed, plan
        self.first_year, self.last_year = first_year, last_year

    def __iter__(self) -> Iterator[MeasurementRow]:
        periods = reporting_periods(self.first_year, self.last_year, "FY")
        for p in self.plan:
            leaf = partial(_leaf_block, self.seed, p, self.first_year, self.last_year)
            for org_code, block in rollup(p.tree, leaf, p.spec.decimals):
                yield from measurement_rows(p.row.code, org_code, p.spec, block, periods)

    def __len__(self) -> int:
        return _row_count(self.plan, len(reporting_periods(self.first_year, self.last_year, "FY")))


def scale_organisation() -> Organisation:
    """1 city, 30 nämnder, 150 departments and 1,500 units."""
    committees = []
    for code, district, name in DISTRICTS:
        departments = []
        for key in DEPARTMENTS:
            kinds = [kind for kind, (dept, _) in UNIT_KINDS.items() if dept == key]
            units = []
            for i in range(UNITS_PER_DEPARTMENT):  # the kinds take turns: sabo, hemtjänst, ...
                kind = kinds[i % len(kinds)]
                units.append((kind, UNIT_NAMES[kind][i // len(kinds)].format(d=district)))
            departments.append((key, units))
        committees.append((code, district, name, departments))
    return build_organisation(CITY, committees)


def _own_indicator_count(unit: Unit) -> int:
    """Two indicators of its own per unit, three for two units in five: 2.4 on average."""
    return 3 if unit.position % 5 in (0, 3) else 2


def _structure(
    first_year: int, last_year: int
) -> tuple[Organisation, GoalPlan, list[PlannedIndicator]]:
    org = scale_organisation()
    goals = build_goals(org, first_year, last_year)
    plan = plan_indicators(org, goals, WIDE_INDICATORS_PER_COMMITTEE, _own_indicator_count)
    return org, goals, plan


def _row_count(plan: Sequence[PlannedIndicator], periods: int) -> int:
    return sum(
        sum(1 for _ in tree_codes(p.tree)) * periods * (3 if p.spec.gender_split else 1)
        for p in plan
    )


def _pair_rng(seed: int, indicator_code: str, org_code: str) -> random.Random:
    """The random stream of one indicator at one organisation (string seeds are stable)."""
    return random.Random(f"{seed}:{indicator_code}:{org_code}")


def _leaf_block(
    seed: int, p: PlannedIndicator, first_year: int, last_year: int, org_code: str
) -> Block:
    rng = _pair_rng(seed, p.row.code, org_code)
    block = simulate(rng, p.spec, first_year, last_year)
    for when, cell in block.items():
        draw = rng.random()
        if draw < MISSING_RATE:
            block[when] = missing(cell)
        elif draw < MISSING_RATE + FORECAST_ONLY_RATE and when[1] != "FY":
            block[when] = forecast_only(cell)
    return block


def _targets(
    seed: int, plan: Sequence[PlannedIndicator], first_year: int, last_year: int
) -> list[TargetRow]:
    """Årsmål from each organisation's expected level the year before (not its noisy outcome,
    which would mean generating the measurements)."""
    rows = []
    years = range(first_year, last_year + 1)
    for p in plan:
        spec, code = p.spec, p.row.code
        sign = direction_sign(spec)
        kf_value = dict.fromkeys(years)  # KF's målvärde, from the typical level
        if p.row.level is GoalLevel.COUNCIL:
            kf_value = {
                y: aim(spec, spec.level + sign * spec.trend * (y - 1 - first_year)) for y in years
            }
        for org_code, is_leaf in tree_codes(p.tree):
            if is_leaf:
                level, trend, _ = profile(_pair_rng(seed, code, org_code), spec)
            else:
                level, trend = spec.level, spec.trend
            for year in years:
                target = aim(spec, level + sign * trend * (year - 1 - first_year))
                limit = partly_limit(spec, target)
                rows.append(TargetRow(code, org_code, year, target, limit, kf_value[year]))
    return rows


def _assessments(
    rng: random.Random, goals: GoalPlan, periods: Sequence[tuple[int, str]]
) -> list[AssessmentRow]:
    """Each organisation's assessment of its goals per period, without looking at the numbers."""
    statuses, weights = ASSESSMENT_MIX
    return [
        assessment_row(
            rng, goal, org_code, year, period, rng.choices(statuses, weights)[0], goals.theme[goal]
        )
        for goal, org_code in assessed_goals(goals.rows)
        for year, period in periods
    ]
