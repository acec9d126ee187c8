"""What the tertial report says of a goal's movement since the previous period, its åtgärder and
its förväntat resultat (issue 17); drawn into layouts/tertial_report.py's sections and sheets."""

from __future__ import annotations

from typing import Any

from dashboard.domain.measures import Measure
from dashboard.domain.model import Indicator, period_end
from dashboard.domain.rules import Change, GenderSplit
from dashboard.followup.exports import Number, Table
from dashboard.followup.report import GoalReport, TertialReport
from layouts import texts
from layouts.format import difference as signed_difference
from layouts.format import difference_unit, shown_unit
from layouts.measures import status_words, when


def movement_line(goal: GoalReport, report: TertialReport) -> str:
    """The goal's movement since the previous period, in words."""
    if report.previous is None:
        return texts.REPORT_NO_PREVIOUS
    year, period = report.previous
    then = (
        texts.MOVEMENT_BEFORE.format(status=texts.STATUS_LABEL[goal.before.status])
        if goal.before
        else ""
    )
    if goal.moved is None:
        return texts.REPORT_NO_MOVEMENT.format(period=when(period), year=year)
    return texts.REPORT_MOVEMENT.format(
        period=when(period), year=year, movement=texts.MOVEMENT_LABEL[goal.moved] + then
    )


def expected_lines(goal: GoalReport, year: int) -> tuple[str, ...]:
    """The year's förväntat resultat och arbetssätt, and how the period's assessment follows it
    up."""
    expected, assessment = goal.measures.expected, goal.status.assessment
    lines = []
    if expected is not None:
        lines.append(
            texts.REPORT_EXPECTED.format(
                year=year,
                result=expected.expected_result or texts.MISSING_VALUE,
                way=expected.way_of_working or texts.MISSING_VALUE,
            )
        )
    if assessment is not None and assessment.expected_followup:
        lines.append(texts.REPORT_EXPECTED_FOLLOWUP.format(text=assessment.expected_followup))
    return tuple(lines)


def measure_tables(goal: GoalReport, report: TertialReport) -> list[Table]:
    """The åtgärder to follow up, and those decided at the period, as tables (none if empty)."""
    found = goal.measures
    parts = (
        (texts.REPORT_FOLLOW_UP_CAPTION, found.to_follow_up),
        (texts.REPORT_MEASURES_CAPTION, found.decided),
    )
    return [
        Table(
            texts.MEASURES_SHEET,
            caption,
            texts.MEASURE_COLUMNS,
            tuple(measure_cells(m, report) for m in measures),
            (4, 2, 1.2, 1.2, 1),
        )
        for caption, measures in parts
        if measures
    ]


def measures_sheet(report: TertialReport) -> Table:
    """Every goal's åtgärder in one flat sheet to filter."""
    rows = tuple(
        (
            g.status.goal.code,
            g.status.goal.title,
            report.orgs[g.status.org_id].name,
            texts.MEASURE_KIND[follow],
            *measure_cells(m, report),
        )
        for g in report.goals
        for follow, measures in ((True, g.measures.to_follow_up), (False, g.measures.decided))
        for m in measures
    )
    return Table(
        texts.MEASURES_SHEET,
        texts.MEASURES_EXPORT_CAPTION,
        texts.MEASURE_SHEET_COLUMNS,
        rows,
        (1, 3, 2, 1.2, 4, 2, 1.2, 1.2, 1),
    )


def measure_cells(measure: Measure, report: TertialReport) -> tuple[Any, ...]:
    """(text, responsible, due date, status, decided at) of one åtgärd."""
    overdue = measure.overdue(period_end(report.year, report.period))
    return (
        measure.text,
        measure.responsible,
        measure.due_date,
        status_words(measure) + (texts.OVERDUE if overdue else ""),
        texts.MEASURE_DECIDED_AT.format(period=when(measure.period), year=measure.year),
    )


def difference(value: float | None, indicator: Indicator) -> Number:
    """A difference of an indicator's values: in procentenheter for a share, else in its unit
    (Excel's number format says p.e., which reads the same after 1 and 2)."""
    text = signed_difference(value, indicator.decimals, indicator.unit)
    unit = difference_unit(indicator.unit, short=True)
    return Number(value, text, indicator.decimals, shown_unit(unit), shown_unit(unit, one=True))


def change_cells(
    change: Change, genders: GenderSplit, indicator: Indicator
) -> tuple[Number, Number | None]:
    """The change from the same period last year, and the K−M gap where there is a split."""
    gap = difference(genders.gap, indicator) if genders.gap is not None else None
    return difference(change.absolute, indicator), gap
