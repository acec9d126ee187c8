"""Målsida: one goal at one organisation — why it has its status, where it goes wrong, what is
done."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

from dash import html

from dashboard.domain.model import Goal, OrgUnit, Status, Trend, period_end
from dashboard.domain.rules import GoalResult, IndicatorReason
from dashboard.followup.control_room import GoalStatus, IndicatorLine
from dashboard.followup.history import Point
from dashboard.followup.indicator_movement import IndicatorMove
from dashboard.pages.goal import GoalView
from dashboard.pages.national import NationalView
from layouts import causes, doors, explanation, texts, urls
from layouts import elements as el
from layouts.closed_part import closed_part
from layouts.components import (
    SEVERITY,
    Sorting,
    basis_tag,
    breadcrumb,
    change_cell,
    data_table,
    empty_state,
    indicator_status_badge,
    status_badge,
)
from layouts.doors import ORDER
from layouts.explanation import format_number
from layouts.format import count, difference
from layouts.ids import GoalPartIds
from layouts.national import NATIONAL_COLUMNS, national_cells
from layouts.overview import assessment_note, counts_text, score
from layouts.page_jumps import page_jumps
from layouts.status_trend import since_line, trend

WHY_ANCHOR, BY_ORG_ANCHOR = "varfor", "per-organisation"  # parts the jumps lead to


def page(
    view: GoalView,
    org: OrgUnit,
    lineage: list[OrgUnit],
    state: urls.ViewState,
    filter_bar: html.Form,
    assessment_extra: html.Div | None = None,
    history: Sequence[Point] = (),
    indicator_status: Status | None = None,
    national: Mapping[int, NationalView] | None = None,
    moves: Mapping[str, IndicatorMove] | None = None,
) -> html.Div:
    """The goal page; `assessment_extra` follows the own assessment (the form link and its last
    save); `indicator_status` filters the indicator table, as its counts link; `national`: the
    indicators' Kolada comparisons (layouts/national.py); `moves`: each indicator's movement
    since the previous period, by code."""
    goal, status = view.status.goal, view.status
    crumbs: list[tuple[str, str | None]] = [
        (texts.OVERVIEW_CRUMB, urls.href(urls.OVERVIEW_PATH, state))
    ]
    crumbs += [(g.title, urls.href(urls.goal_path(g.code), state)) for g in view.ancestors]
    crumbs.append((goal.title, None))
    return el.Div(
        [
            breadcrumb(crumbs),
            el.P(texts.GOAL_LEVEL_LABEL[goal.level], className="eyebrow"),
            el.H1(goal.title),
            page_jumps(
                [
                    (texts.JUMP_WHY, WHY_ANCHOR),
                    (texts.JUMP_BY_ORG, BY_ORG_ANCHOR if view.by_org else None),
                    (texts.JUMP_INDICATORS, urls.INDICATORS_ANCHOR),
                ]
            ),
            org_trail(lineage, goal.code, state),
            filter_bar,
            el.Div(
                [status_badge(status.result.status), score(status.result)],
                className="status-line big",
            ),
            doors.goal_counts(status.result, goal.code, state),
            el.Div([since_line(history), trend(history)], className="since"),
            assessment_note(status),
            el.Section(
                [
                    el.H2(texts.WHY_HEADING),
                    el.Ul([el.Li(t) for t in explanation.goal_explanation(status.result)]),
                    causes.causes_section(
                        status,
                        view.places | {org.id: org},
                        state,
                        period_end(state.year, state.period),
                    ),
                ],
                id=WHY_ANCHOR,
            ),
            org_breakdown(view, state),
            child_goals(view.children, state, goal, org),
            doors.only_note(indicator_status, urls.goal_indicators_href(goal.code, state, None)),
            indicator_table(
                doors.only_status(view.lines, indicator_status),
                goal.code,
                state,
                national or {},
                moves or {},
            ),
            activities(view, state),
            assessment_texts(status),
            assessment_extra,
        ],
        className="goal-page",
    )


def org_trail(lineage: list[OrgUnit], goal_code: str, state: urls.ViewState) -> html.P:
    """Which organisation the goal is judged for, with links back up the organisation tree."""
    parts: list[Any] = [texts.JUDGED_FOR]
    for index, org in enumerate(lineage):
        if index:
            parts.append(" › ")
        if index < len(lineage) - 1:
            parts.append(
                el.Link(
                    org.name, href=urls.href(urls.goal_path(goal_code), state, org_code=org.code)
                )
            )
        else:
            parts.append(el.Strong(org.name))
    return el.P(parts, className="org-trail")


def org_breakdown(view: GoalView, state: urls.ViewState) -> html.Section:
    """The same goal in each sub-organisation: where does it go wrong? Worst first."""
    if not view.by_org:
        return el.Section()
    itself = view.itself
    own_row = (
        [
            (
                el.Em(texts.ITSELF_ROW[view.org.level]),
                status_badge(itself.status),
                _points(itself),
                counts_text(itself),
                basis_tag(itself.basis),
            )
        ]
        if itself
        else []
    )
    rows = own_row + [
        (
            el.Link(
                org.name,
                href=urls.href(urls.goal_path(view.status.goal.code), state, org_code=org.code),
            ),
            status_badge(result.status),
            _points(result),
            counts_text(result),
            basis_tag(result.basis),
        )
        for org, result in sorted(
            view.by_org, key=lambda pair: (pair[1].score is not None, pair[1].score or 0)
        )
    ]
    return el.Section(
        [
            el.H2(texts.BY_ORG_HEADING),
            data_table(texts.BY_ORG_CAPTION, texts.BY_ORG_COLUMNS, rows, numeric=(2,)),
        ],
        id=BY_ORG_ANCHOR,
    )


def _points(result: GoalResult) -> str:
    return (
        texts.MISSING_VALUE if result.score is None else str(explanation.score_points(result.score))
    )


# More child goals than this are closed behind their summary line and drawn when opened: the
# city's 30 nämndmål were a second table of 300 components on one page (issue 20).
CHILD_GOALS_OPEN = 10


def child_goals(
    children: tuple[tuple[Goal, GoalResult], ...], state: urls.ViewState, goal: Goal, org: OrgUnit
) -> html.Section:
    """The goals that break this one down, each judged for its own organisation: a table, or a
    line that counts their statuses and opens it (callbacks/goal.py)."""
    if not children:
        return el.Section()
    shown: html.Div | html.Details
    if len(children) <= CHILD_GOALS_OPEN:
        shown = child_goals_table(children, state)
    else:
        shown = closed_part(
            child_goals_line(children),
            (GoalPartIds.LINE, GoalPartIds.BODY),
            urls.details_key(state, goal.code, org.code),
            texts.PART_LOADING,
        )
    return el.Section([el.H2(texts.CHILD_GOALS_HEADING), shown])


def child_goals_line(children: tuple[tuple[Goal, GoalResult], ...]) -> str:
    """E.g. "Visa 30 underliggande mål: 3 uppfyllda · 12 delvis uppfyllda · …"."""
    statuses = Counter(result.status for _child, result in children)
    return count(
        texts.CHILD_GOALS_LINE,
        len(children),
        statuses=" · ".join(count(texts.CHILD_GOAL_COUNT[s], statuses[s]) for s in ORDER),
    )


def child_goals_table(
    children: tuple[tuple[Goal, GoalResult], ...], state: urls.ViewState
) -> html.Div:
    """Each child goal: a link to it, its level, status, points and basis."""
    rows = [
        (
            el.Link(child.title, href=urls.href(urls.goal_path(child.code), state)),
            texts.GOAL_LEVEL_LABEL[child.level],
            status_badge(result.status),
            _points(result),
            basis_tag(result.basis),
        )
        for child, result in children
    ]
    return data_table(texts.CHILD_GOALS_CAPTION, texts.CHILD_GOALS_COLUMNS, rows, (3,))


INDICATOR_TABLE_COLUMNS = (
    *texts.INDICATOR_COLUMNS[:5],
    texts.INDICATOR_MOVEMENT_COLUMN,
    *texts.INDICATOR_COLUMNS[5:],
)
TREND_ORDER = {Trend.WORSE: 0, Trend.UNCHANGED: 1, Trend.UNKNOWN: 2, Trend.BETTER: 3}
INDICATOR_SORTS = {
    "status": lambda line: (SEVERITY[line.judged.result.status], line.judged.fact.indicator.name),
    "namn": lambda line: line.judged.fact.indicator.name,
    "forandring": lambda line: (TREND_ORDER[line.last_year.trend], line.judged.fact.indicator.name),
    "kon": lambda line: -abs(line.genders.gap or 0),
}


def indicator_table(
    lines: tuple[IndicatorLine, ...],
    goal_code: str,
    state: urls.ViewState,
    national: Mapping[int, NationalView] = MappingProxyType({}),
    moves: Mapping[str, IndicatorMove] = MappingProxyType({}),
) -> html.Section:
    """Every indicator: target, outcome, forecast, status and basis, movement since the previous
    period, last year, women and men; Riket and our quartile when an indicator has a Kolada
    comparison."""
    if not lines:
        return el.Section([el.H2(texts.INDICATORS_HEADING), empty_state(texts.NO_INDICATORS)])
    key = state.sort if state.sort in INDICATOR_SORTS else "status"
    sorting = Sorting(
        keys={0: "namn", 4: "status", 7: "forandring", 10: "kon"},
        current=key,
        href=lambda k: urls.href(urls.goal_path(goal_code), state, sort=k) + "#indikatorer",
    )
    rows = []
    for line in sorted(lines, key=INDICATOR_SORTS[key]):
        indicator, result = line.judged.fact.indicator, line.judged.result
        d, unit = indicator.decimals, indicator.unit
        extra = national_cells(national.get(indicator.id), indicator) if national else ()
        if result.reason in (IndicatorReason.MEASURED_BELOW, IndicatorReason.NOT_MEASURED_HERE):
            rows.append((*elsewhere_row(line, state, moves.get(indicator.code)), *extra))
            continue
        rows.append(
            (
                el.Link(indicator.name, href=urls.href(urls.indicator_path(indicator.code), state)),
                format_number(result.target, d, unit),
                format_number(result.outcome, d, unit),
                format_number(result.forecast, d, unit),
                el.Span([indicator_status_badge(result), el.Br(), basis_tag(result.basis)]),
                move_cell(moves.get(indicator.code)),
                format_number(line.last_year.previous, d, unit),
                change_cell(line.last_year, d, unit),
                format_number(line.genders.women, d, unit),
                format_number(line.genders.men, d, unit),
                texts.SPLIT_MISSING
                if line.genders.split_missing
                else difference(line.genders.gap, d, unit),
                *extra,
            )
        )
    return el.Section(
        [
            el.H2(texts.INDICATORS_HEADING),
            data_table(
                texts.INDICATORS_CAPTION,
                INDICATOR_TABLE_COLUMNS + (NATIONAL_COLUMNS if national else ()),
                rows,
                numeric=(1, 2, 3, 6, 7, 8, 9, 10, 11),
                sorting=sorting,
            ),
        ],
        id=urls.INDICATORS_ANCHOR,
    )


def move_cell(move: IndicatorMove | None) -> str:
    """ "▲ Förbättrad (då: Ej uppfyllt)"; that it deviated neither then nor now; or a dash when
    there is nothing to compare."""
    if move is None:
        return texts.MISSING_VALUE
    then = (
        texts.MOVEMENT_BEFORE.format(status=texts.STATUS_LABEL[move.before]) if move.before else ""
    )
    if move.moved is None:
        return texts.INDICATOR_NO_MOVEMENT + then
    return f"{texts.MOVEMENT_SYMBOL[move.moved]} {texts.MOVEMENT_LABEL[move.moved]}{then}"


def elsewhere_row(
    line: IndicatorLine, state: urls.ViewState, move: IndicatorMove | None
) -> tuple[Any, ...]:
    """An indicator the organisation does not measure itself: rolled up from below, or not measured
    here."""
    indicator, result = line.judged.fact.indicator, line.judged.result
    blank = (texts.MISSING_VALUE,) * 5
    return (
        el.Link(indicator.name, href=urls.href(urls.indicator_path(indicator.code), state)),
        texts.MISSING_VALUE,
        texts.INDICATOR_REASON_LABEL[result.reason],
        texts.MISSING_VALUE,
        el.Span([status_badge(result.status), el.Br(), basis_tag(result.basis)])
        if result.applicable
        else texts.NOT_COUNTED,
        move_cell(move),
        *blank,
    )


def activities(view: GoalView, state: urls.ViewState) -> html.Section:
    """The goal's activities, overdue ones marked in words; each links to its follow-ups."""
    if not view.activities:
        return el.Section([el.H2(texts.ACTIVITIES_HEADING), empty_state(texts.NO_ACTIVITIES)])
    rows = [
        (
            el.Link(activity.title, href=urls.href(urls.activity_path(activity.code), state)),
            activity.responsible,
            activity.start_date.isoformat(),
            activity.end_date.isoformat(),
            el.Span(
                [
                    texts.ACTIVITY_STATUS_LABEL[activity.status]
                    if activity.followed_up
                    else texts.NOT_FOLLOWED_UP
                ]
                + ([el.Strong(texts.OVERDUE, className="overdue")] if overdue else [])
            ),
            activity.comment,
        )
        for activity, overdue in view.activities
    ]
    return el.Section(
        [
            el.H2(texts.ACTIVITIES_HEADING),
            data_table(texts.ACTIVITIES_CAPTION, texts.ACTIVITY_COLUMNS, rows),
        ],
        id=urls.ACTIVITIES_ANCHOR,
    )


def assessment_texts(status: GoalStatus) -> html.Section:
    """The organisation's own analysis and measures, as written."""
    assessment = status.assessment
    if assessment is None:
        return el.Section([el.H2(texts.ASSESSMENT_HEADING), empty_state(texts.NO_ASSESSMENT)])
    return el.Section(
        [
            el.H2(texts.ASSESSMENT_HEADING),
            el.H3(texts.ANALYSIS, className="h6"),
            el.P(assessment.analysis or texts.MISSING_VALUE),
            el.H3(texts.MEASURES, className="h6"),
            el.P(assessment.measures or texts.MISSING_VALUE),
        ]
    )
