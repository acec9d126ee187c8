"""The tertial report as a `Document` for Excel and PDF: a summary with a chart, then each goal
level and goal with its indicators and activities. One of the downloads (callbacks/downloads.py),
drawn with the meeting document's pieces (layouts/downloads.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from dashboard.domain.model import GoalLevel, OrgUnit, Status
from dashboard.domain.rules import IndicatorReason
from dashboard.followup.control_room import GoalStatus, IndicatorLine
from dashboard.followup.exports import BarChart, Document, Number, Section, Table
from dashboard.followup.report import GoalReport, TertialReport
from layouts import report_measures, texts, urls
from layouts.downloads import (
    STATUS_ORDER,
    flag,
    goal_paragraphs,
    goals_table,
    number,
    status_text,
    subtitle,
)
from layouts.format import count


def tertial_document(report: TertialReport, state: urls.ViewState, today: dt.date) -> Document:
    """The whole report: summary with a chart, then each goal level and goal with indicators and
    activities."""
    statuses = [g.status for g in report.goals]
    saves = {
        (g.status.goal.id, g.status.org_id): g.saved for g in report.goals if g.saved is not None
    }
    title = texts.REPORT_TITLE.get(report.period, texts.REPORT_TITLE_OTHER).format(
        year=report.year, period=texts.PERIOD_LABEL[report.period], org=report.org.name
    )
    sections: list[Section] = [_report_summary(statuses)]
    for level in (GoalLevel.COUNCIL, GoalLevel.COMMITTEE, GoalLevel.UNIT):
        goals = [g for g in report.goals if g.status.goal.level is level]
        if goals:
            sections.append(Section(texts.GOAL_LEVEL_LABEL[level]))
            sections += [_goal_section(g, report) for g in goals]
    return Document(
        title=title,
        subtitle=subtitle(report.org, state, today),
        sections=tuple(sections),
        sheets=(
            goals_table(texts.GOALS_SHEET, statuses, report.orgs, saves),
            Table(
                texts.INDICATORS_SHEET,
                texts.INDICATORS_EXPORT_CAPTION,
                with_comparison(texts.INDICATOR_SHEET_COLUMNS),
                tuple(
                    row
                    for g in report.goals
                    for row in _indicator_rows(g, report.orgs, with_goal=True)
                ),
                (1, 3, 2, 1, 3, 0.8, 1.3, 0.6, 1, 1, 1, 1.2, 1.2, 1, 1, 1.2, 1.3, 1.3),
            ),
            Table(
                texts.ACTIVITIES_SHEET,
                texts.ACTIVITIES_EXPORT_CAPTION,
                texts.ACTIVITY_SHEET_COLUMNS,
                tuple(row for g in report.goals for row in _activity_rows(g, with_goal=True)),
                (1, 3, 3, 2, 1, 1, 1.5, 3),
            ),
            report_measures.measures_sheet(report),
        ),
        summary_sheet=texts.DEVIATION_SUMMARY_HEADING,
    )


def _report_summary(statuses: Sequence[GoalStatus]) -> Section:
    computed = [sum(s.result.status is status for s in statuses) for status in STATUS_ORDER]
    own = [
        sum(s.assessment is not None and s.assessment.status is status for s in statuses)
        for status in STATUS_ORDER
    ]
    labels = tuple(texts.STATUS_LABEL[s] for s in STATUS_ORDER)
    flagged = sum(bool(flag(s)) for s in statuses)
    chart = BarChart(
        title=texts.REPORT_CHART_TITLE,
        sheet=texts.REPORT_CHART_SHEET,
        alt_text=texts.REPORT_CHART_ALT.format(
            computed=", ".join(f"{label} {n}" for label, n in zip(labels, computed)),
            own=", ".join(f"{label} {n}" for label, n in zip(labels, own)),
        ),
        labels=labels,
        series=(
            (texts.COMPUTED_SERIES, tuple(Number(n, str(n)) for n in computed)),
            (texts.OWN_SERIES, tuple(Number(n, str(n)) for n in own)),
        ),
        value_label=texts.GOAL_COUNT,
    )
    on_forecast = sum(s.result.met_on_forecast for s in statuses)
    summary = " ".join(
        (
            texts.REPORT_SUMMARY.format(
                goals=len(statuses), met=computed[STATUS_ORDER.index(Status.MET)]
            ),
            count(texts.REPORT_ON_FORECAST, on_forecast),
            count(texts.REPORT_FLAGGED, flagged),
        )
    )
    return Section(texts.DEVIATION_SUMMARY_HEADING, (summary,), (chart,))


def _goal_section(goal: GoalReport, report: TertialReport) -> Section:
    status, orgs = goal.status, report.orgs
    tables = []
    indicator_rows = _indicator_rows(goal, orgs, with_goal=False)
    if indicator_rows:
        tables.append(
            Table(
                texts.INDICATORS_SHEET,
                texts.INDICATORS_HEADING,
                with_comparison(texts.INDICATOR_REPORT_COLUMNS),
                tuple(indicator_rows),
                (4, 1, 1, 1, 1.2, 1.2, 1, 1, 1.2, 1.6, 1.3),
            )
        )
    activity_rows = _activity_rows(goal, with_goal=False)
    if activity_rows:
        tables.append(
            Table(
                texts.ACTIVITIES_SHEET,
                texts.ACTIVITIES_HEADING,
                texts.ACTIVITY_REPORT_COLUMNS,
                tuple(activity_rows),
                (3, 2, 1, 1, 1.3, 3),
            )
        )
    tables += report_measures.measure_tables(goal, report)
    return Section(
        status.goal.title,
        (
            report_measures.movement_line(goal, report),
            *goal_paragraphs(status, orgs[status.org_id], goal.saved),
            *report_measures.expected_lines(goal, report.year),
        ),
        tables=tuple(tables),
        level=1,
    )


def with_comparison(columns: tuple[str, ...]) -> tuple[str, ...]:
    """Indicator columns with last year, the change, women/men and their gap after the forecast
    ("Prognos helår")."""
    after = columns.index(texts.INDICATOR_REPORT_COLUMNS[3]) + 1  # Prognos helår
    last_year, women, men = texts.REPORT_COMPARISON_COLUMNS
    change, gap = texts.REPORT_CHANGE_COLUMNS
    return (*columns[:after], last_year, change, women, men, gap, *columns[after:])


ELSEWHERE = (IndicatorReason.MEASURED_BELOW, IndicatorReason.NOT_MEASURED_HERE)


def _indicator_rows(
    goal: GoalReport, orgs: dict[int, OrgUnit], with_goal: bool
) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    for line in goal.lines:
        judged = line.judged
        indicator, result = judged.fact.indicator, judged.result
        status = texts.STATUS_LABEL[result.status] if with_goal else status_text(result.status)
        if result.reason is IndicatorReason.NOT_APPLICABLE:  # left out, not missing (rules.md)
            status = texts.NOT_APPLICABLE_LABEL
        basis = texts.BASIS_LABEL[result.basis]
        if (
            result.reason in ELSEWHERE
        ):  # rolled up from below, or not measured here: say so, never blank
            status = status if result.applicable else texts.NOT_COUNTED
            basis = texts.INDICATOR_REASON_LABEL[result.reason]
        cells = (
            number(result.target, indicator),
            number(result.outcome, indicator),
            number(result.forecast, indicator),
            *_comparison_cells(line),
            status,
            basis,
        )
        if with_goal:  # a flat sheet row: plain status words filter well
            rows.append(
                (
                    goal.status.goal.code,
                    goal.status.goal.title,
                    orgs[goal.status.org_id].name,
                    indicator.code,
                    indicator.name,
                    indicator.unit,
                    texts.DIRECTION_LABEL[indicator.direction],
                    judged.fact.weight,
                    *cells,
                )
            )
        else:
            rows.append((indicator.name, *cells))
    return rows


def _comparison_cells(line: IndicatorLine) -> tuple[Any, ...]:
    """The same period last year and the change since, women and men (said missing where a split
    is expected) and the K−M gap."""
    indicator, genders = line.judged.fact.indicator, line.genders
    change, gap = report_measures.change_cells(line.last_year, genders, indicator)
    if genders.split_missing:
        split: tuple[Any, ...] = (texts.SPLIT_MISSING, texts.SPLIT_MISSING, texts.SPLIT_MISSING)
    elif indicator.gender_split or genders.women is not None or genders.men is not None:
        split = (number(genders.women, indicator), number(genders.men, indicator), gap)
    else:
        split = (None, None, None)
    return (number(line.last_year.previous, indicator), change, *split)


def _activity_rows(goal: GoalReport, with_goal: bool) -> list[tuple[Any, ...]]:
    rows = []
    for activity, overdue in goal.activities:
        status = texts.ACTIVITY_STATUS_LABEL[activity.status] + (texts.OVERDUE if overdue else "")
        cells = (
            activity.title,
            activity.responsible,
            activity.start_date,
            activity.end_date,
            status,
            activity.comment,
        )
        rows.append((goal.status.goal.code, goal.status.goal.title, *cells) if with_goal else cells)
    return rows
