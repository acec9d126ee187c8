"""Hypothesis strategies: small, valid datasets of every kind of record."""

import datetime as dt

from hypothesis import strategies as st

from dashboard.domain.dataset import (
    ActivityRow,
    ActivityUpdateRow,
    AssessmentRow,
    Dataset,
    GoalIndicatorRow,
    GoalRow,
    IndicatorRow,
    MeasurementRow,
    OrgRow,
    TargetRow,
)
from dashboard.domain.model import (
    PERIOD_END_MONTH,
    ActivityStatus,
    Direction,
    Gender,
    GoalLevel,
    OrgLevel,
    Status,
    ValueStatus,
    counted_values,
)
from dashboard.upload.value_types import YEARS

codes = st.from_regex(r"[A-Z][A-Z0-9.\-]{0,5}", fullmatch=True)
# Text as users type it: Swedish letters, the separator, quotes and line breaks included.
texts = (
    st.text(
        st.characters(
            codec="utf-8", categories=["L", "N", "P", "Zs", "S"], include_characters="\n"
        ),
        min_size=1,
        max_size=25,
    )
    .map(str.strip)
    .filter(bool)
)
optional_texts = st.just("") | texts
numbers = st.floats(allow_nan=False, allow_infinity=False, allow_subnormal=False).map(
    lambda x: x + 0.0
)
years = st.integers(*YEARS)
periods = st.sampled_from(sorted(PERIOD_END_MONTH))
dates = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))


def _unique(draw, elements, key, max_size=4) -> list:
    return draw(st.lists(elements, max_size=max_size, unique_by=key))


def _measurement(
    indicator, org, year, period, gender, outcome, forecast, status, comment
) -> MeasurementRow:
    """A row as the import stores it: only the numbers its value status lets count
    (docs/rules.md §1)."""
    return MeasurementRow(
        indicator,
        org,
        year,
        period,
        gender,
        *counted_values(outcome, forecast, status),
        status,
        comment,
    )


@st.composite
def org_units(draw) -> list[OrgRow]:
    """A city and a tree below it, each child a level lower than its parent."""
    names = draw(st.lists(codes, min_size=1, max_size=5, unique=True))
    orgs = [OrgRow(names[0], draw(texts), OrgLevel.CITY, None)]
    for code in names[1:]:
        parent = draw(st.sampled_from([org for org in orgs if org.level < OrgLevel.UNIT]))
        level = draw(st.integers(parent.level + 1, OrgLevel.UNIT))
        orgs.append(OrgRow(code, draw(texts), OrgLevel(level), parent.code))
    return orgs


@st.composite
def goals(draw, org_codes: list[str]) -> list[GoalRow]:
    """Goals whose parents are one level up; a goal without a parent may have any level."""
    rows: list[GoalRow] = []
    for code in draw(st.lists(codes, max_size=5, unique=True)):
        candidates = [goal for goal in rows if goal.level < GoalLevel.UNIT]
        parent = draw(st.none() | st.sampled_from(candidates)) if candidates else None
        level = GoalLevel(parent.level + 1) if parent else draw(st.sampled_from(GoalLevel))
        valid_from = draw(years)
        valid_to = draw(st.none() | st.integers(valid_from, YEARS[1]))
        rows.append(
            GoalRow(
                code,
                draw(texts),
                level,
                draw(st.sampled_from(org_codes)),
                parent.code if parent else None,
                valid_from,
                valid_to,
                draw(optional_texts),
            )
        )
    return rows


@st.composite
def datasets(draw) -> Dataset:
    """A small dataset whose every code refers to something in it."""
    orgs = draw(org_units())
    org_codes = [org.code for org in orgs]
    goal_rows = draw(goals(org_codes))
    goal_codes = [goal.code for goal in goal_rows]
    indicators = [
        IndicatorRow(
            code,
            draw(texts),
            draw(texts.filter(lambda t: len(t) <= 40)),
            draw(st.sampled_from(Direction)),
            draw(st.integers(0, 6)),
            draw(st.sampled_from(GoalLevel)),
            draw(st.booleans()),
            draw(st.none() | codes),
        )
        for code in draw(st.lists(codes, max_size=4, unique=True))
    ]
    indicator_codes = [indicator.code for indicator in indicators]
    data = Dataset(org_units=orgs, goals=goal_rows, indicators=indicators)
    if indicator_codes:
        indicator = st.sampled_from(indicator_codes)
        org = st.sampled_from(org_codes)
        data.targets = _unique(
            draw,
            st.builds(
                TargetRow,
                indicator,
                org,
                years,
                numbers,
                st.none() | numbers,
                st.none() | numbers,
            ),
            key=lambda row: row[:3],
        )
        data.measurements = _unique(
            draw,
            st.builds(
                _measurement,
                indicator,
                org,
                years,
                periods,
                st.sampled_from(Gender),
                st.none() | numbers,
                st.none() | numbers,
                st.sampled_from(ValueStatus),
                optional_texts,
            ),
            key=lambda row: row[:5],
            max_size=6,
        )
    if goal_codes and indicator_codes:
        positive = st.floats(
            min_value=0, exclude_min=True, allow_infinity=False, allow_subnormal=False
        )
        data.goal_indicators = _unique(
            draw,
            st.builds(
                GoalIndicatorRow,
                st.sampled_from(goal_codes),
                st.sampled_from(indicator_codes),
                positive,
            ),
            key=lambda row: row[:2],
        )
    if goal_codes:
        data.activities = [
            ActivityRow(
                code,
                draw(st.sampled_from(goal_codes)),
                draw(st.sampled_from(org_codes)),
                draw(texts),
                draw(texts),
                start,
                draw(dates.filter(lambda d, s=start: d >= s)),
                draw(st.sampled_from(ActivityStatus)),
            )
            for code, start in draw(
                st.lists(st.tuples(codes, dates), max_size=3, unique_by=lambda pair: pair[0])
            )
        ]
        data.assessments = _unique(
            draw,
            st.builds(
                AssessmentRow,
                st.sampled_from(goal_codes),
                st.sampled_from(org_codes),
                years,
                periods,
                st.sampled_from(Status),
                st.booleans(),
                optional_texts,
                optional_texts,
            ),
            key=lambda row: row[:4],
        )
    if data.activities:
        data.activity_updates = _unique(
            draw,
            st.builds(
                ActivityUpdateRow,
                st.sampled_from([a.code for a in data.activities]),
                years,
                periods,
                st.sampled_from(ActivityStatus),
                optional_texts,
            ),
            key=lambda row: row[:3],
        )
    return data
