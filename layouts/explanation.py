"""Plain-Swedish explanations of computed statuses, so anyone can check a status by hand.

Pure functions from rule results to lists of sentences; the wording lives in
`layouts/texts/` and the rule in `dashboard/domain/rules/` (docs/rules.md).
"""

from __future__ import annotations

import math

from dashboard.domain.model import Basis, Status
from dashboard.domain.rules import (
    DEFAULT_RULES,
    GoalReason,
    GoalResult,
    IndicatorReason,
    IndicatorResult,
    Part,
    PartKind,
    RuleConfig,
)
from layouts import texts
from layouts.format import count, format_number, format_percent


def score_points(score: float) -> int:
    """A goal score in [0, 1] as whole points of 100, rounded down so it never overstates."""
    return math.floor(score * 100 + 1e-9)  # the tolerance absorbs float noise like 0.29 * 100


def _status_text(status: Status) -> str:
    return texts.STATUS_LABEL[status]


def indicator_explanation(result: IndicatorResult, decimals: int = 1, unit: str = "") -> list[str]:
    """Sentences saying which value was compared with what, and the status it gave."""

    def number(value: float | None) -> str:
        return format_number(value, decimals, unit)

    fields = {
        "value": number(result.value),
        "target": number(result.target),
        "limit": number(result.partly_limit),
        "direction": texts.DIRECTION_LABEL[result.direction],
        "status": _status_text(result.status),
        "value_name": texts.VALUE_NAME.get(result.basis, ""),
    }
    sentences = []
    if result.basis is Basis.FORECAST:  # auditors' finding 1: a forecast is never an outcome
        sentences.append(texts.FORECAST_ONLY_SENTENCE.format(value=number(result.value)))
    sentences.append(texts.INDICATOR_REASON_SENTENCE[result.reason].format(**fields))
    if result.reason is IndicatorReason.NO_TARGET and result.value is not None:
        sentences.append(texts.VALUE_WITHOUT_TARGET_SENTENCE.format(value=number(result.value)))
    if result.basis is Basis.OUTCOME and result.forecast_status is not Status.NO_DATA:
        sentences.append(
            texts.FORECAST_BESIDE_OUTCOME_SENTENCE.format(
                value=number(result.forecast), status=_status_text(result.forecast_status)
            )
        )
    return sentences


def _count_phrase(result: GoalResult) -> str:
    """ "2 uppfyllda, 1 delvis, 1 utan värde (räknas som 0)" for the parts' statuses."""
    phrases = []
    for status in (Status.MET, Status.PARTLY_MET, Status.NOT_MET, Status.NO_DATA):
        if number := result.counts.of(status):
            phrases.append(count(texts.PART_COUNT_LABEL[status], number))
    return texts.LIST_SEPARATOR.join(phrases)


def goal_explanation(result: GoalResult, config: RuleConfig = DEFAULT_RULES) -> list[str]:
    """Sentences giving a goal's score, what it is made of, and the threshold behind its status."""
    status = _status_text(result.status)
    if result.reason is GoalReason.NO_PARTS or result.score is None:
        sentences = [
            texts.GOAL_REASON_SENTENCE[result.reason].format(
                coverage=format_number(
                    score_points(result.coverage), 0, "%"
                ),  # down, like the score
                min_coverage=format_percent(config.min_coverage),
                status=status,
            )
        ]
    else:
        points = score_points(result.score)
        sentences = [
            texts.GOAL_SCORE_SENTENCE.format(score=points, parts=_count_phrase(result)),
            texts.GOAL_STATUS_SENTENCE[result.status].format(
                score=points,
                met=score_points(config.met_threshold),
                partly=score_points(config.partly_threshold),
                status=status,
            ),
        ]
    if result.forecast_only:
        sentences.append(count(texts.GOAL_FORECAST_ONLY_SENTENCE, result.forecast_only))
    if result.met_on_forecast:
        sentences.append(
            texts.GOAL_MET_ON_FORECAST_SENTENCE.format(status=_status_text(result.outcome_status))
        )
    not_measured = sum(not p.measured for p in result.excluded)
    if not_measured:
        sentences.append(count(texts.GOAL_NOT_MEASURED_SENTENCE, not_measured))
    if len(result.excluded) > not_measured:
        sentences.append(count(texts.GOAL_EXCLUDED_SENTENCE, len(result.excluded) - not_measured))
    return sentences


def _part_name(part: Part) -> str:
    kind = texts.PART_KIND_LABEL[part.kind]
    return kind if part.kind is PartKind.ACTIVITIES else f"{kind} {part.label}"


def goal_part_lines(result: GoalResult) -> list[str]:
    """One line per part: its status, what it rests on, its weight and the points it gives."""
    lines = []
    for part in result.parts:
        weight_decimals = 0 if float(part.weight).is_integer() else 1
        line = texts.GOAL_PART_LINE.format(
            name=_part_name(part),
            status=_status_text(part.status),
            basis=texts.ACTIVITIES_BASIS
            if part.kind is PartKind.ACTIVITIES
            else texts.BASIS_LABEL[part.basis].lower(),
            weight=format_number(part.weight, weight_decimals),
        )
        if part.contribution is not None:
            line += " " + texts.GOAL_PART_POINTS.format(
                points=format_number(part.contribution * 100, 1)
            )
        lines.append(line)
    return lines
