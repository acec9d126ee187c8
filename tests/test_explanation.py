"""Tests of the Swedish texts and the plain-language explanations of statuses."""

from __future__ import annotations

import datetime as dt
import math
from enum import Enum

import pytest

from dashboard.domain import model
from dashboard.domain.model import (
    ActivityState,
    ActivityStatus,
    Direction,
    Reading,
    Status,
    Target,
    ValueStatus,
)
from dashboard.domain.rules import (
    RuleConfig,
    activity_part,
    goal_fulfilment,
    indicator_part,
    indicator_status,
)
from layouts import texts
from layouts.explanation import (
    format_number,
    format_percent,
    goal_explanation,
    goal_part_lines,
    indicator_explanation,
    score_points,
)

HIGHER, LOWER = Direction.HIGHER, Direction.LOWER


def plain(sentences: list[str]) -> list[str]:
    """The sentences with non-breaking spaces as ordinary ones, for readable assertions."""
    return [s.replace("\u00a0", " ") for s in sentences]


def indicator(direction, target, outcome, forecast=None, value_status=ValueStatus.OK):
    target = None if target is None else Target(target)
    return indicator_status(direction, target, Reading(outcome, forecast, value_status))


# ---------------------------------------------------------------- texts


@pytest.mark.parametrize(
    ("mapping", "enum"),
    [
        (texts.STATUS_LABEL, model.Status),
        (texts.STATUS_SYMBOL, model.Status),
        (texts.BASIS_LABEL, model.Basis),
        (texts.TREND_LABEL, model.Trend),
        (texts.DIRECTION_LABEL, model.Direction),
        (texts.ACTIVITY_STATUS_LABEL, model.ActivityStatus),
        (texts.GOAL_LEVEL_LABEL, model.GoalLevel),
        (texts.GENDER_LABEL, model.Gender),
        (texts.PART_KIND_LABEL, texts.PartKind),
        (texts.INDICATOR_REASON_LABEL, texts.IndicatorReason),
        (texts.INDICATOR_REASON_SENTENCE, texts.IndicatorReason),
        (texts.PART_COUNT_LABEL, model.Status),
    ],
)
def test_every_enum_member_has_a_text(mapping: dict, enum: type[Enum]):
    assert set(mapping) == set(enum)
    assert all(mapping.values())


def test_every_period_has_a_label():
    assert set(texts.PERIOD_LABEL) == set(model.PERIOD_END_MONTH)
    assert texts.PERIOD_LABEL["T1"] == "Tertial 1 (jan–apr)"
    assert texts.PERIOD_LABEL["T2"] == "Tertial 2 (jan–aug)"
    assert texts.PERIOD_LABEL["FY"] == "Helår"
    assert texts.PERIOD_LABEL["M05"] == "Maj"


def test_status_symbols_differ_so_colour_is_never_alone():
    assert len(set(texts.STATUS_SYMBOL.values())) == len(Status)


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("value", "decimals", "unit", "expected"),
    [
        (87.0, 1, "", "87,0"),
        (87.0, 1, "%", "87,0 %"),
        (1234567.891, 2, "kr", "1 234 567,89 kr"),
        (2.675, 2, "", "2,68"),  # half up, as a person rounds
        (2.5, 0, "", "3"),
        (-1234.5, 1, "dagar", "−1 234,5 dagar"),
        (-0.04, 1, "", "0,0"),  # no "−0,0"
        (12.0, 0, "", "12"),
        (None, 1, "%", "–"),
        (math.nan, 1, "", "–"),
    ],
)
def test_format_number(value, decimals, unit, expected):
    assert format_number(value, decimals, unit).replace("\u00a0", " ") == expected


def test_format_number_keeps_number_and_unit_together():
    assert format_number(1234.5, 1, "%") == "1\u00a0234,5\u00a0%"


def test_format_percent_and_points():
    assert format_percent(0.8).replace("\u00a0", " ") == "80 %"
    assert score_points(0.625) == 62  # rounded down: the score is never overstated
    assert score_points(0.29) == 29  # 0.29 * 100 is 28.999999999999996
    assert score_points(0.7999) == 79


# ---------------------------------------------------------------- indicators


def test_met_by_outcome():
    result = indicator(HIGHER, 85.0, 87.0)
    assert plain(indicator_explanation(result, 1)) == [
        "Utfallet 87,0 når årsmålet 85,0 (högre är bättre) → Uppfyllt."
    ]


def test_partly_met_names_the_limit_and_the_forecast_beside_it():
    result = indicator(HIGHER, 85.0, 80.0, forecast=90.0)
    assert plain(indicator_explanation(result, 1, "%")) == [
        (
            "Utfallet 80,0 % når inte årsmålet 85,0 % men gränsen för delvis uppfyllt, 76,5 % "
            "(högre är bättre) → Delvis uppfyllt."
        ),
        "Prognosen för helåret, 90,0 %, pekar mot: Uppfyllt.",
    ]


def test_not_met_lower_is_better():
    result = indicator(LOWER, 10.0, 12.0)
    assert plain(indicator_explanation(result, 0, "dagar")) == [
        (
            "Utfallet 12 dagar når inte gränsen för delvis uppfyllt, 11 dagar, eller årsmålet "
            "10 dagar (lägre är bättre) → Ej uppfyllt."
        )
    ]


def test_forecast_only_is_flagged_first():
    sentences = plain(indicator_explanation(indicator(HIGHER, 85.0, None, forecast=90.0), 1))
    assert sentences == [
        "Inget utfall finns ännu; statusen vilar endast på prognosen 90,0.",
        "Prognosen för helåret 90,0 når årsmålet 85,0 (högre är bättre) → Uppfyllt.",
    ]
    assert not any(s.startswith("Utfallet") for s in sentences)


def test_no_target_shows_the_value_but_no_status():
    assert plain(indicator_explanation(indicator(HIGHER, None, 91.0), 1)) == [
        "Årsmål saknas, så ingen status räknas fram → Uppgift saknas.",
        "Senaste värde: 91,0.",
    ]


@pytest.mark.parametrize(
    ("value_status", "expected"),
    [
        (ValueStatus.OK, "Varken utfall eller prognos finns → Uppgift saknas."),
        (ValueStatus.MISSING, "Varken utfall eller prognos finns → Uppgift saknas."),
        (
            ValueStatus.SUPPRESSED,
            "Värdet är skyddat eftersom det gäller för få individer → Uppgift saknas.",
        ),
        (ValueStatus.NOT_APPLICABLE, "Indikatorn gäller inte här och räknas inte in i målet."),
    ],
)
def test_without_value(value_status, expected):
    sentences = indicator_explanation(indicator(HIGHER, 85.0, None, None, value_status))
    assert sentences == [expected]
    assert "Uppfyllt" not in " ".join(sentences)


# ---------------------------------------------------------------- goals


def four_indicators():
    results = [
        indicator(HIGHER, 85.0, 90.0),  # met
        indicator(HIGHER, 85.0, 87.0),  # met
        indicator(HIGHER, 85.0, 80.0),  # partly
        indicator(HIGHER, 85.0, None),  # no value
    ]
    return [indicator_part(code, 1.0, r) for code, r in zip("ABCD", results, strict=True)]


def test_goal_score_and_threshold():
    goal = goal_fulfilment(four_indicators())
    assert plain(goal_explanation(goal)) == [
        "Poäng 62 av 100: 2 uppfyllda, 1 delvis, 1 utan värde (räknas som 0).",
        "62 ≥ 40 men < 80 → Delvis uppfyllt.",
    ]


def test_goal_met_and_not_met_sentences():
    met = goal_fulfilment(four_indicators()[:2])
    assert goal_explanation(met) == ["Poäng 100 av 100: 2 uppfyllda.", "100 ≥ 80 → Uppfyllt."]
    not_met = goal_fulfilment([indicator_part("A", 1, indicator(HIGHER, 85.0, 10.0))])
    assert goal_explanation(not_met) == ["Poäng 0 av 100: 1 ej uppfylld.", "0 < 40 → Ej uppfyllt."]


def test_goal_thresholds_follow_the_config():
    config = RuleConfig(met_threshold=0.6, partly_threshold=0.3)
    goal = goal_fulfilment(four_indicators(), config)
    assert goal_explanation(goal, config)[1] == "62 ≥ 60 → Uppfyllt."


def test_goal_with_too_little_data():
    parts = four_indicators()
    goal = goal_fulfilment([parts[0], parts[3], parts[3]])
    assert plain(goal_explanation(goal)) == [
        "Bara 33 % av målets vikt har värden, minst 50 % krävs → Uppgift saknas."
    ]


def test_goal_without_parts():
    assert goal_explanation(goal_fulfilment([])) == [
        "Målet har inga indikatorer eller aktiviteter att räkna på → Uppgift saknas."
    ]


def test_goal_flags_forecast_only_and_excluded_parts():
    parts = [
        indicator_part("A", 1, indicator(HIGHER, 85.0, 90.0)),
        indicator_part("B", 1, indicator(HIGHER, 85.0, None, forecast=90.0)),
        indicator_part("C", 1, indicator(HIGHER, 85.0, None, forecast=95.0)),
        indicator_part("D", 1, indicator(HIGHER, 85.0, None, None, ValueStatus.NOT_APPLICABLE)),
    ]
    sentences = goal_explanation(goal_fulfilment(parts))
    assert sentences[2:] == [
        "2 delar vilar endast på prognos, inte på utfall.",
        (
            "Utan prognoserna vore statusen ”Uppgift saknas”: målet är uppfyllt enligt prognos, "
            "inte på utfall."
        ),
        "1 del räknas inte in (gäller inte här eller är avstängd).",
    ]


def test_goal_part_lines_add_up_to_the_score():
    activities = activity_part(
        [ActivityState(ActivityStatus.DELAYED, dt.date(2026, 1, 1), dt.date(2026, 6, 30))],
        dt.date(2026, 4, 30),
    )
    goal = goal_fulfilment([*four_indicators(), activities])
    assert plain(goal_part_lines(goal)) == [
        "Indikator A: Uppfyllt (utfall), vikt 1. Ger 20,0 poäng.",
        "Indikator B: Uppfyllt (utfall), vikt 1. Ger 20,0 poäng.",
        "Indikator C: Delvis uppfyllt (utfall), vikt 1. Ger 10,0 poäng.",
        "Indikator D: Uppgift saknas (inget underlag), vikt 1. Ger 0,0 poäng.",
        "Aktiviteter: Ej uppfyllt (enligt periodens uppföljning), vikt 1. Ger 0,0 poäng.",
    ]
    assert goal_explanation(goal)[0].startswith("Poäng 50 av 100")


def test_goal_part_lines_without_score_give_no_points():
    parts = four_indicators()
    goal = goal_fulfilment([parts[3], parts[3], parts[0]])
    assert all("poäng" not in line for line in goal_part_lines(goal))
