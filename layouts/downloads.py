"""The meeting view as a `Document` for Excel and PDF (dashboard.followup.exports), and the
pieces the tertial report shares with it (layouts/tertial_report.py).

Sections are for reading (PDF); sheets are flat tables to filter and sum (Excel). Both come
from the same judged data, so the files hold the same numbers as the pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from dashboard.domain.model import Indicator, OrgUnit, Status
from dashboard.followup.assessments import AuditEntry
from dashboard.followup.control_room import GoalStatus
from dashboard.followup.deviations import Deviation, GoalDeviations, counts
from dashboard.followup.exports import BarChart, Document, Number, Section, Table
from layouts import explanation, measures, texts, urls
from layouts.deviations import GOAL_KINDS, SUMMARY_GROUPS, own_assessment
from layouts.format import format_number, shown_unit
from layouts.sign_in import message_page

STATUS_ORDER = (Status.NOT_MET, Status.PARTLY_MET, Status.MET, Status.NO_DATA)


def problem_page(heading: str, text: str, state: urls.ViewState, retry: str) -> str:
    """A download that could not be made: what happened, try again, or back to the meeting
    view."""
    return message_page(
        heading,
        Markup('{} <a href="{}">{}</a> · <a href="{}">{}</a>').format(
            text,
            retry,
            texts.TRY_AGAIN,
            urls.href(urls.DEVIATIONS_PATH, state),
            texts.BACK_TO_DEVIATIONS,
        ),
    )


def number(value: float | None, indicator: Indicator) -> Number:
    """An indicator's value, readable and as a number."""
    return Number(
        value,
        format_number(value, indicator.decimals, indicator.unit),
        indicator.decimals,
        shown_unit(indicator.unit),
        shown_unit(indicator.unit, one=True),
    )


def points(status: GoalStatus) -> Number:
    """A goal's score as whole points (rounded down), or missing."""
    value = None if status.result.score is None else explanation.score_points(status.result.score)
    return Number(value, texts.MISSING_VALUE if value is None else str(value))


def status_text(status: Status) -> str:
    """A status in words with its symbol, never by colour alone."""
    return f"{texts.STATUS_SYMBOL[status]} {texts.STATUS_LABEL[status]}"


def flag(status: GoalStatus) -> str:
    """The disagreement flag in words; empty when the assessment agrees."""
    return texts.DISAGREEMENT_LABEL.get(status.disagreement, "")


def subtitle(org: OrgUnit, state: urls.ViewState, today: dt.date) -> str:
    """Who, which period, when it was made, and by which rule."""
    return texts.EXPORT_SUBTITLE.format(
        org=org.name,
        period=texts.PERIOD_LABEL[state.period],
        year=state.year,
        date=today.isoformat(),
    )


def goal_paragraphs(
    status: GoalStatus, owner: OrgUnit, saved: AuditEntry | None
) -> tuple[str, ...]:
    """The goal's computed status with its basis and reasons, and its own assessment."""
    result = status.result
    lines = [
        texts.EXPORT_GOAL_LINE.format(
            level=texts.GOAL_LEVEL_LABEL[status.goal.level],
            org=owner.name,
            status=status_text(result.status),
            basis=texts.BASIS_LABEL[result.basis],
        ),
        " ".join(explanation.goal_explanation(result)),
    ]
    if status.assessment is None:
        lines.append(texts.NO_ASSESSMENT)
    else:
        lines.append(
            " ".join(
                filter(
                    None, [texts.OWN_ASSESSMENT.format(status=own_assessment(status)), flag(status)]
                )
            )
        )
        if saved is not None and saved.justification:
            lines.append(
                texts.JUSTIFICATION_NOTE.format(text=saved.justification, name=saved.saved_by)
            )
        lines.append(f"{texts.ANALYSIS}: {status.assessment.analysis or texts.MISSING_VALUE}")
        lines.append(f"{texts.MEASURES}: {status.assessment.measures or texts.MISSING_VALUE}")
    return tuple(lines)


# ---- the meeting view -----------------------------------------------------------------------


def deviations_document(
    org: OrgUnit,
    state: urls.ViewState,
    found: Sequence[GoalDeviations],
    orgs: dict[int, OrgUnit],
    saves: dict[tuple[int, int], AuditEntry],
    today: dt.date,
) -> Document:
    """Avvikelser for the nämnd's papers: a summary with a chart, then each goal and its
    deviations."""
    totals = counts(g.kinds for g in found)
    group_counts = [sum(totals[k] for k in group) for group in SUMMARY_GROUPS]
    chart = BarChart(
        title=texts.DEVIATIONS_CHART_TITLE,
        sheet=texts.DEVIATIONS_CHART_SHEET,
        alt_text=texts.DEVIATIONS_CHART_ALT.format(
            items=", ".join(
                f"{label} {n}" for label, n in zip(texts.SUMMARY_GROUP_LABEL, group_counts)
            )
        ),
        labels=tuple(label[0].upper() + label[1:] for label in texts.SUMMARY_GROUP_LABEL),
        series=((texts.COUNT, tuple(Number(n, str(n)) for n in group_counts)),),
        value_label=texts.COUNT,
    )
    summary = Section(
        texts.DEVIATION_SUMMARY_HEADING,
        (texts.DEVIATIONS_EXPORT_INTRO.format(goals=len(found)),),
        (chart,),
    )
    sections = [summary] + [
        Section(
            texts.NUMBERED_GOAL.format(number=i, goal=g.status.goal.title),
            goal_paragraphs(
                g.status, orgs[g.status.org_id], saves.get((g.status.goal.id, g.status.org_id))
            ),
            tables=(
                Table(
                    texts.DEVIATIONS_SHEET,
                    texts.DEVIATIONS_EXPORT_CAPTION,
                    texts.DEVIATION_EXPORT_COLUMNS,
                    tuple(
                        _deviation_cells(item, g) for item in g.items if item.kind not in GOAL_KINDS
                    ),
                    (1.3, 2.6, 1.2, 1, 0.8, 0.8, 3),
                ),
            )
            if any(i.kind not in GOAL_KINDS for i in g.items)
            else (),
            level=1,
        )
        for i, g in enumerate(found, 1)
    ]
    flat = tuple(
        (
            i,
            g.status.goal.code,
            g.status.goal.title,
            orgs[g.status.org_id].name,
            texts.STATUS_LABEL[g.status.result.status],
            points(g.status),
            *_deviation_cells(item, g),
        )
        for i, g in enumerate(found, 1)
        for item in g.items
    )
    return Document(
        title=texts.DEVIATIONS_HEADING.format(org=org.name),
        subtitle=subtitle(org, state, today),
        sections=tuple(sections),
        sheets=(
            Table(
                texts.DEVIATIONS_SHEET,
                texts.DEVIATIONS_HEADING.format(org=org.name),
                texts.DEVIATIONS_SHEET_COLUMNS,
                flat,
                (0.5, 1, 4, 2.5, 1.3, 0.7, 2, 3, 1.3, 1, 1, 1, 4),
            ),
            goals_table(texts.GOALS_SHEET, [g.status for g in found], orgs, saves),
        ),
        summary_sheet=texts.DEVIATION_SUMMARY_HEADING,
    )


def _deviation_cells(item: Deviation, goal: GoalDeviations) -> tuple[Any, ...]:
    """(kind, what, status, basis, value, target, note) for one deviation."""
    kind = texts.DEVIATION_KIND_LABEL[item.kind]
    if item.indicator is not None:
        indicator, result = item.indicator.fact.indicator, item.indicator.result
        return (
            kind,
            indicator.name,
            status_text(result.status),
            texts.BASIS_LABEL[result.basis],
            number(result.value, indicator),
            number(result.target, indicator),
            " ".join(explanation.indicator_explanation(result, indicator.decimals, indicator.unit)),
        )
    if item.activity is not None:
        activity = item.activity
        return (
            kind,
            activity.title,
            texts.ACTIVITY_STATUS_LABEL[activity.status],
            "",
            None,
            None,
            texts.ACTIVITY_NOTE.format(
                end=activity.end_date.isoformat(),
                responsible=activity.responsible,
                comment=activity.comment or texts.MISSING_VALUE,
            ),
        )
    if item.measure is not None:  # (kind, what, status, –, –, note) as on the page
        _, what, state, _, _, note = measures.deviation_row(kind, item.measure)
        return (kind, what, state, "", None, None, note)
    status = goal.status
    if item.kind in GOAL_KINDS:
        return (
            kind,
            status.goal.title,
            status_text(status.result.status),
            texts.BASIS_LABEL[status.result.basis],
            None,
            None,
            " ".join(explanation.goal_explanation(status.result)),
        )
    return (
        kind,
        texts.OWN_ASSESSMENT_ITEM,
        own_assessment(status),
        "",
        None,
        None,
        texts.ASSESSMENT_ITEM_NOTE.format(
            own=own_assessment(status), computed=texts.STATUS_LABEL[status.result.status]
        ),
    )


def computed_status(status: GoalStatus) -> str:
    """The computed status in words; a goal met only thanks to forecasts says so (◌)."""
    label = texts.STATUS_LABEL[status.result.status]
    return (
        texts.MET_ON_FORECAST_LABEL.format(status=label) if status.result.met_on_forecast else label
    )


def goals_table(
    sheet: str,
    statuses: Sequence[GoalStatus],
    orgs: dict[int, OrgUnit],
    saves: dict[tuple[int, int], AuditEntry],
) -> Table:
    """A row per goal: computed status with its basis, and the own assessment with its flag."""
    rows = []
    for status in statuses:
        saved = saves.get((status.goal.id, status.org_id))
        rows.append(
            (
                status.goal.code,
                status.goal.title,
                texts.GOAL_LEVEL_LABEL[status.goal.level],
                orgs[status.org_id].name,
                computed_status(status),
                points(status),
                texts.BASIS_LABEL[status.result.basis],
                status.result.forecast_only,
                own_assessment(status),
                flag(status),
                saved.justification if saved else "",
                status.assessment.analysis if status.assessment else "",
                status.assessment.measures if status.assessment else "",
            )
        )
    return Table(
        sheet,
        texts.GOALS_CAPTION,
        texts.GOALS_COLUMNS,
        tuple(rows),
        (1, 4, 1.8, 2.5, 1.3, 0.7, 1.3, 1, 1.5, 2, 3, 4, 4),
    )


# ---- the tertial report ---------------------------------------------------------------------
