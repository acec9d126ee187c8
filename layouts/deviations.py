"""Avvikelser: the follow-up meeting's agenda — every goal that deviates, the most serious first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dash import dcc, html

from dashboard.domain.model import OrgUnit
from dashboard.followup.assessments import AuditEntry
from dashboard.followup.control_room import GoalStatus
from dashboard.followup.deviations import Deviation, DeviationKind, GoalDeviations, counts
from dashboard.followup.goal_results import Brief
from layouts import explanation, texts, urls
from layouts.components import aria, basis_tag, data_table, empty_state, show_more, status_badge
from layouts.explanation import format_number
from layouts.overview import assessment_note, score
from layouts.urls import (
    DEVIATIONS_PATH,
    FORMATS,
    REPORTS,
    assessment_path,
    download_href,
    presentation_href,
    shown_href,
)

# The summary's groups of kinds, in reading order.
SUMMARY_GROUPS = (
    (DeviationKind.GOAL_NOT_MET, DeviationKind.GOAL_PARTLY_MET, DeviationKind.GOAL_NO_DATA),
    (DeviationKind.GOAL_MET_ON_FORECAST,),
    (DeviationKind.INDICATOR_NOT_MET, DeviationKind.INDICATOR_PARTLY_MET),
    (DeviationKind.INDICATOR_NO_VALUE, DeviationKind.INDICATOR_FORECAST_ONLY),
    (DeviationKind.ACTIVITY_OVERDUE, DeviationKind.ACTIVITY_LATE_START),
    (
        DeviationKind.ASSESSMENT_WITHOUT_EVIDENCE,
        DeviationKind.ASSESSMENT_MORE_POSITIVE,
        DeviationKind.ASSESSMENT_MORE_NEGATIVE,
    ),
)
GOAL_KINDS = SUMMARY_GROUPS[0]


def page(
    org: OrgUnit,
    state: urls.ViewState,
    filter_bar: html.Form,
    found: Sequence[Brief],
    full: Sequence[GoalDeviations],
    orgs: dict[int, OrgUnit],
    saves: dict[tuple[int, int], AuditEntry],
    shown: int | None = None,
) -> html.Div:
    """The meeting view: intro, actions, the summary of all `found`, then the first `shown` of them
    in `full`."""
    period = texts.PERIOD_LABEL[state.period].lower()
    return html.Div(
        [
            html.H1(texts.DEVIATIONS_HEADING.format(org=org.name)),
            filter_bar,
            html.P(
                texts.DEVIATIONS_INTRO.format(org=org.name, period=period, year=state.year),
                className="lead",
            ),
            actions(state, bool(found)),
            summary(counts(b.kinds for b in found)),
            html.Ol(
                [html.Li(goal_section(g, state, orgs, saves)) for g in full],
                className="deviation-list",
            )
            if found
            else empty_state(texts.NO_DEVIATIONS),
            show_more(
                texts.DEVIATIONS_SHOWN,
                shown,
                len(found),
                lambda more: shown_href(DEVIATIONS_PATH, state, more),
            ),
        ],
        className="deviations-page",
    )


def actions(state: urls.ViewState, has_deviations: bool) -> html.Div:
    """Start the projector view, and download the meeting view and the tertial report."""
    downloads = [
        html.A(
            texts.DOWNLOAD_LABEL[report, file_format],
            href=download_href(report, file_format, state),
            className="btn btn-outline-primary btn-sm",
        )
        for report in REPORTS
        for file_format in FORMATS
    ]
    return html.Div(
        [
            dcc.Link(
                texts.START_PRESENTATION,
                href=presentation_href(state, 1),
                className="btn btn-primary",
            )
            if has_deviations
            else None,
            html.Div(
                [html.Span(texts.DOWNLOADS_LABEL, className="me-2"), *downloads],
                className="downloads",
            ),
        ],
        className="followup-actions",
    )


def summary(totals: dict[DeviationKind, int]) -> html.Div:
    """How many deviations of each kind: the first thing the meeting reads."""
    items = [
        html.Li(
            [
                html.Span(str(sum(totals[k] for k in group)), className="count"),
                " ",
                texts.SUMMARY_GROUP_LABEL[i],
            ]
        )
        for i, group in enumerate(SUMMARY_GROUPS)
    ]
    return html.Div(
        [
            html.H2(texts.DEVIATION_SUMMARY_HEADING, className="visually-hidden"),
            html.Ul(items, className="summary"),
        ],
        className="summary-box",
    )


def goal_section(
    goal: GoalDeviations,
    state: urls.ViewState,
    orgs: dict[int, OrgUnit],
    saves: dict[tuple[int, int], AuditEntry],
) -> html.Section:
    """One deviating goal: its status and own assessment, then what deviates under it."""
    status = goal.status
    owner = orgs[status.org_id]
    goal_href = urls.href(urls.goal_path(status.goal.code), state, org_code=owner.code)
    return html.Section(
        [
            html.H2(dcc.Link(status.goal.title, href=goal_href), className="h5"),
            html.P(
                [
                    texts.GOAL_LEVEL_LABEL[status.goal.level],
                    " · ",
                    owner.name,
                    " · ",
                    texts.SEVERITY_LABEL[goal.severity],
                ],
                className="muted",
            ),
            html.Div(
                [
                    status_badge(status.result.status),
                    score(status.result),
                    basis_tag(status.result.basis),
                ],
                className="status-line",
            ),
            assessment_note(status),
            justification_note(saves.get((status.goal.id, status.org_id))),
            deviation_list(goal, state, orgs),
            dcc.Link(
                texts.RECORD_ASSESSMENT,
                href=urls.href(assessment_path(status.goal.code), state, org_code=owner.code),
            ),
        ],
        className=f"deviation-goal status-{status.result.status}",
        **aria(label=status.goal.title),
    )


def justification_note(entry: AuditEntry | None) -> html.P | None:
    """The justification written for a rosier assessment, with who saved it."""
    if entry is None or not entry.justification:
        return None
    return html.P(
        texts.JUSTIFICATION_NOTE.format(text=entry.justification, name=entry.saved_by),
        className="justification",
    )


def deviation_list(
    goal: GoalDeviations, state: urls.ViewState, orgs: dict[int, OrgUnit]
) -> html.Ul | html.P:
    """What deviates under the goal, one line each (a list keeps the long meeting page light to
    draw)."""
    rows = [
        deviation_row(item, goal, state, orgs) for item in goal.items if item.kind not in GOAL_KINDS
    ]
    if not rows:
        return html.P(texts.ONLY_GOAL_DEVIATES, className="muted")
    return html.Ul(
        [html.Li([html.Strong(kind), " ", what, ": ", note]) for kind, what, _, _, _, note in rows],
        className="deviation-items",
    )


def deviation_table(
    goal: GoalDeviations, state: urls.ViewState, orgs: dict[int, OrgUnit], caption: str
) -> html.Div | html.P:
    """The indicators, activities and assessment that deviate, one row each."""
    rows = [
        deviation_row(item, goal, state, orgs) for item in goal.items if item.kind not in GOAL_KINDS
    ]
    if not rows:
        return html.P(texts.ONLY_GOAL_DEVIATES, className="muted")
    return data_table(caption, texts.DEVIATION_COLUMNS, rows, numeric=(3, 4))


def deviation_row(
    item: Deviation, goal: GoalDeviations, state: urls.ViewState, orgs: dict[int, OrgUnit]
) -> tuple[Any, ...]:
    """(kind, what, status, value, target, note) for one deviation."""
    kind = texts.DEVIATION_KIND_LABEL[item.kind]
    org = orgs[goal.status.org_id]
    if item.indicator is not None:
        indicator, result = item.indicator.fact.indicator, item.indicator.result
        d, unit = indicator.decimals, indicator.unit
        return (
            kind,
            dcc.Link(
                indicator.name,
                href=urls.href(urls.indicator_path(indicator.code), state, org_code=org.code),
            ),
            html.Span([status_badge(result.status), " ", basis_tag(result.basis)]),
            format_number(result.value, d, unit),
            format_number(result.target, d, unit),
            " ".join(explanation.indicator_explanation(result, d, unit)),
        )
    if item.activity is not None:
        activity = item.activity
        return (
            kind,
            activity.title,
            texts.ACTIVITY_STATUS_LABEL[activity.status],
            texts.MISSING_VALUE,
            texts.MISSING_VALUE,
            texts.ACTIVITY_NOTE.format(
                end=activity.end_date.isoformat(),
                responsible=activity.responsible,
                comment=activity.comment or texts.MISSING_VALUE,
            ),
        )
    status = goal.status
    return (
        kind,
        texts.OWN_ASSESSMENT_ITEM,
        status_badge(status.assessment.status) if status.assessment else texts.MISSING_VALUE,
        texts.MISSING_VALUE,
        texts.MISSING_VALUE,
        texts.ASSESSMENT_ITEM_NOTE.format(
            own=own_assessment(status), computed=texts.STATUS_LABEL[status.result.status]
        ),
    )


def own_assessment(status: GoalStatus) -> str:
    """The own assessment in words, e.g. "Uppfyllt (prognos)"; empty when none."""
    if status.assessment is None:
        return ""
    own = texts.STATUS_LABEL[status.assessment.status]
    return texts.ASSESSMENT_FORECAST.format(status=own) if status.assessment.is_forecast else own
