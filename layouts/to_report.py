"""Att rapportera: what one organisation must report for the open period, each item linked to
where it is entered, and the steps of the reporting round this person may take."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.domain.reporting import ReportStatus
from dashboard.followup.due import IndicatorDue, OrgDue, TaskDue
from dashboard.pages.to_report import ToReport
from layouts import texts, urls
from layouts.components import data_table, empty_state, local_time
from layouts.explanation import format_number
from layouts.format import count
from layouts.ids import ReportingIds


def page(data: ToReport | None, state: urls.ViewState) -> html.Div:
    """The organisation's list for the open period, or why there is none."""
    if data is None:
        return html.Div([html.H1(texts.NAV_TO_REPORT), empty_state(texts.NO_OPEN_PERIOD)])
    found = data.due
    view = state.with_changes(year=found.year, period=found.period, org_code=found.org.code)
    return html.Div(
        [
            html.H1(texts.TO_REPORT_HEADING.format(org=found.org.name)),
            html.P(period_name(found.year, found.period), className="lead"),
            summary(found),
            dcc.Store(
                id=ReportingIds.KEY,
                data={"org": found.org.code, "year": found.year, "period": found.period},
            ),
            actions(data),
            *sections(found, view, data.may_enter),
            html.P(dcc.Link(texts.SEE_PROGRESS, href=urls.href(urls.PROGRESS_PATH, view)))
            if data.has_children
            else None,
        ],
        className="to-report-page",
    )


def period_name(year: int, period: str) -> str:
    """e.g. "Tertial 2 (jan–aug) 2026"."""
    return texts.TO_REPORT_PERIOD.format(period=texts.PERIOD_LABEL[period], year=year)


def summary(found: OrgDue) -> html.Ul:
    """The deadline (and whether it has passed), how much is done, and the report's state."""
    deadline = (
        texts.DEADLINE.format(day=found.deadline.isoformat())
        if found.deadline
        else texts.NO_DEADLINE
    )
    return html.Ul(
        [
            html.Li(
                [
                    deadline,
                    " ",
                    dbc.Badge(texts.REPORT_OVERDUE, color="danger") if found.overdue else None,
                ]
            ),
            html.Li(count(texts.DONE_COUNT, found.total, done=found.done)),
            html.Li(state_text(found.status)),
        ],
        className="to-report-summary",
    )


def state_text(status: ReportStatus | None) -> list[str | html.Br]:
    """Where the report stands, who put it there and when, and a returned report's comment."""
    if status is None:
        return [texts.NOT_MARKED]
    label = texts.REPORT_STATE_LABEL[status.state]
    said = texts.STATE_BY.format(
        state=label, user=status.changed_by, at=local_time(status.changed_at)
    )
    if not status.comment:
        return [said]
    return [said, html.Br(), texts.RETURN_COMMENT.format(comment=status.comment)]


def actions(data: ToReport) -> html.Section | None:
    """Klarmarkera for the organisation's editors; approve or send back for the level above.
    Nothing for anyone else (the server refuses a hand-made request anyway)."""
    parts: list[html.Div] = []
    if data.may_mark:
        parts.append(
            html.Div(
                [
                    html.P(texts.MARK_READY_HELP),
                    dbc.Button(texts.MARK_READY, id=ReportingIds.READY, color="primary"),
                    html.Div(id=ReportingIds.READY_FEEDBACK, role="status"),
                ]
            )
        )
    if data.may_approve:
        parts.append(
            html.Div(
                [
                    dbc.Label(texts.SEND_BACK_COMMENT, html_for=ReportingIds.COMMENT),
                    dbc.Textarea(id=ReportingIds.COMMENT, rows=2, className="mb-2"),
                    dbc.Button(texts.APPROVE, id=ReportingIds.APPROVE, color="success"),
                    " ",
                    dbc.Button(texts.SEND_BACK, id=ReportingIds.RETURN, color="secondary"),
                    html.Div(id=ReportingIds.CONTROL_FEEDBACK, role="status"),
                ]
            )
        )
    return html.Section(parts, className="reporting-actions") if parts else None


def sections(found: OrgDue, state: urls.ViewState, may_enter: bool) -> list[html.Section]:
    """Indicators, activities and goals due, each a table; or that nothing is due. Only those who
    may enter the values are led to the forms; others to the indicator and goal pages."""
    if not found.total:
        return [html.Section(empty_state(texts.NOTHING_DUE))]
    parts = []
    if found.indicators:
        parts.append(
            html.Section(
                [
                    html.H2(texts.DUE_INDICATORS, className="h4"),
                    indicator_table(found, state, may_enter),
                ]
            )
        )
    for heading, caption, tasks, href in (
        (texts.DUE_ACTIVITIES, texts.DUE_ACTIVITIES_CAPTION, found.activities, urls.activity_path),
        (
            texts.DUE_GOALS,
            texts.DUE_GOALS_CAPTION,
            found.goals,
            urls.assessment_path if may_enter else urls.goal_path,
        ),
    ):
        if tasks:
            table = task_table(caption, tasks, _linker(href, state))
            parts.append(html.Section([html.H2(heading, className="h4"), table]))
    return parts


def indicator_table(found: OrgDue, state: urls.ViewState, may_enter: bool) -> html.Div:
    """Each indicator's outcome and forecast beside its årsmål, last year and last period."""
    form = urls.report_form_href(found.org.code, found.year, found.period)
    rows = [
        [
            dcc.Link(
                item.indicator.name,
                href=form
                if may_enter
                else urls.href(urls.indicator_path(item.indicator.code), state),
            ),
            *(
                _number(value, item)
                for value in (
                    item.target,
                    item.outcome,
                    item.forecast,
                    item.same_period_last_year,
                    item.last_period,
                )
            ),
            _indicator_status(item),
        ]
        for item in found.indicators
    ]
    return html.Div(
        [
            data_table(
                texts.DUE_INDICATORS_CAPTION,
                texts.DUE_INDICATOR_COLUMNS,
                rows,
                numeric=(1, 2, 3, 4, 5),
            ),
            dcc.Link(texts.ENTER_VALUES, href=form, className="btn btn-outline-primary btn-sm")
            if may_enter
            else None,
        ]
    )


def task_table(caption: str, tasks: Sequence[TaskDue], href: object) -> html.Div:
    """Activities to follow up or goals to assess, each linked to its form."""
    link = href if callable(href) else None
    assert link is not None
    rows = [[dcc.Link(task.title, href=link(task.code)), _done(task.done)] for task in tasks]
    return data_table(caption, texts.DUE_TASK_COLUMNS, rows)


def _linker(path: Callable[[str], str], state: urls.ViewState) -> Callable[[str], str]:
    return lambda code: urls.href(path(code), state)


def _number(value: float | None, item: IndicatorDue) -> str:
    return format_number(value, item.indicator.decimals, item.indicator.unit)


def _indicator_status(item: IndicatorDue) -> html.Span:
    if item.done:
        return _done(True)
    missing = [
        text
        for text, done in (
            (texts.MISSING_OUTCOME, item.outcome_done),
            (texts.MISSING_FORECAST, item.forecast_done),
        )
        if not done
    ]
    return html.Span(", ".join(missing), className="due-missing")


def _done(done: bool) -> html.Span:
    return html.Span(
        texts.ITEM_DONE if done else texts.ITEM_MISSING,
        className="due-done" if done else "due-missing",
    )
