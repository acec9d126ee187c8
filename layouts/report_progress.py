"""Rapportering: per nämnd, avdelning and enhet, how far the open period's reporting has come
(bars with their numbers beside them), who has not marked ready, and the reminder list; for
administrators, the form that opens a period with its deadlines."""

from __future__ import annotations

import datetime as dt

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.domain.model import TERTIAL_PERIODS, OrgLevel
from dashboard.domain.reporting import ReportingPeriod
from dashboard.pages.report_progress import LevelProgress, Progress
from layouts import texts, urls
from layouts.components import aria, data_table, empty_state, show_more
from layouts.explanation import format_percent
from layouts.format import count
from layouts.ids import ReportingIds
from layouts.to_report import period_name

DEADLINE_FIELDS = {
    OrgLevel.COMMITTEE: ReportingIds.DEADLINE_COMMITTEE,
    OrgLevel.DEPARTMENT: ReportingIds.DEADLINE_DEPARTMENT,
    OrgLevel.UNIT: ReportingIds.DEADLINE_UNIT,
}


def page(
    org_name: str,
    data: Progress | None,
    state: urls.ViewState,
    admin: bool,
    today: dt.date,
    shown: int,
) -> html.Div:
    """The progress at and below the organisation, and the deadlines form for administrators;
    each long list cut to its first `shown` rows (the whole city has thousands)."""
    body = [empty_state(texts.NO_OPEN_PERIOD)] if data is None else _progress(data, state, shown)
    return html.Div(
        [
            html.H1(texts.PROGRESS_HEADING.format(org=org_name)),
            *body,
            deadlines_form(data, today) if admin else None,
        ],
        className="progress-page",
    )


def _progress(data: Progress, state: urls.ViewState, shown: int) -> list[html.Section | html.P]:
    view = state.with_changes(year=data.period.year, period=data.period.period)
    return [
        html.P(period_name(data.period.year, data.period.period), className="lead"),
        html.Section([level_bars(level) for level in data.levels], className="progress-levels"),
        html.Section(org_table(data, view, shown)),
        html.Section(reminders(data, view, shown)),
    ]


def level_bars(level: LevelProgress) -> html.Div:
    """One level's four measures, each a bar with its numbers written beside it."""
    return html.Div(
        [
            html.H2(texts.ORG_LEVEL_PLURAL[level.level], className="h5"),
            html.Dl(
                [
                    part
                    for key, label in texts.PROGRESS_MEASURES
                    for part in _bar(label, getattr(level, key), level.count, key)
                ],
                className="progress-bars",
            ),
        ]
    )


def _bar(label: str, part: int, count: int, key: str) -> tuple[html.Dt, html.Dd]:
    share = part / count if count else 0.0
    text = texts.SHARE_TEXT.format(part=part, count=count, share=format_percent(share))
    return (
        html.Dt(label),
        html.Dd(
            [
                html.Span(
                    html.Span(className=f"bar-fill bar-{key}", style={"width": f"{share:.0%}"}),
                    className="bar",
                    **aria(hidden="true"),
                ),
                html.Span(text, className="bar-text"),
            ]
        ),
    )


def org_table(data: Progress, state: urls.ViewState, shown: int) -> list[html.Div | html.P | None]:
    """Each organisation (the first `shown`): how much is entered, its report's state and its
    deadline."""
    rows = [
        [
            dcc.Link(d.org.name, href=urls.href(urls.TO_REPORT_PATH, state, org_code=d.org.code)),
            texts.ORG_LEVEL_NAME[d.org.level],
            count(texts.DONE_COUNT, d.total, done=d.done),
            texts.REPORT_STATE_LABEL[d.state] if d.state else texts.NOT_MARKED,
            [
                d.deadline.isoformat() if d.deadline else "–",
                " ",
                dbc.Badge(texts.REPORT_OVERDUE, color="danger") if d.overdue else None,
            ],
        ]
        for d in data.orgs[:shown]
    ]
    return [
        data_table(texts.PROGRESS_TABLE_CAPTION, texts.PROGRESS_COLUMNS, rows),
        _show_more(texts.PROGRESS_SHOWN, shown, len(data.orgs), state),
    ]


def reminders(
    data: Progress, state: urls.ViewState, shown: int
) -> list[html.H2 | html.Div | html.P | None]:
    """Who has not marked ready (the first `shown`), their editors, and the list to paste into
    a mail (every one of them)."""
    heading = html.H2(texts.NOT_REPORTED_HEADING, className="h4")
    if not data.reminders:
        return [heading, empty_state(texts.ALL_REPORTED)]
    rows = [
        [
            dcc.Link(r.org.name, href=urls.href(urls.TO_REPORT_PATH, state, org_code=r.org.code)),
            str(r.missing),
            ", ".join(r.editors) or texts.NO_EDITOR,
        ]
        for r in data.reminders[:shown]
    ]
    return [
        heading,
        data_table(texts.NOT_REPORTED_CAPTION, texts.NOT_REPORTED_COLUMNS, rows, numeric=(1,)),
        _show_more(texts.NOT_REPORTED_SHOWN, shown, len(data.reminders), state),
        html.Div(
            [
                dbc.Label(texts.MAIL_LIST_LABEL, html_for=ReportingIds.MAIL_LIST),
                dbc.Textarea(
                    id=ReportingIds.MAIL_LIST, value=data.mail_list, readOnly=True, rows=3
                ),
                dcc.Clipboard(target_id=ReportingIds.MAIL_LIST, title=texts.MAIL_LIST_COPY),
            ],
            className="mail-list",
        ),
    ]


def _show_more(summary: str, shown: int, total: int, state: urls.ViewState) -> html.P | None:
    return show_more(
        summary, shown, total, lambda more: urls.shown_href(urls.PROGRESS_PATH, state, more)
    )


def _day(period: ReportingPeriod | None, level: OrgLevel) -> str:
    day = period.deadline(level) if period else None
    return day.isoformat() if day else ""


def deadlines_form(data: Progress | None, today: dt.date) -> html.Section:
    """Year, period and a deadline per level: opens that period for reporting."""
    period = data.period if data else None
    year = period.year if period else today.year
    fields = [
        html.Div(
            [
                dbc.Label(
                    texts.DEADLINE_FOR.format(level=texts.ORG_LEVEL_NAME[level].lower()),
                    html_for=field,
                ),
                dbc.Input(id=field, type="date", value=_day(period, level)),
            ],
            className="mb-2",
        )
        for level, field in DEADLINE_FIELDS.items()
    ]
    return html.Section(
        [
            html.H2(texts.DEADLINES_HEADING, className="h4"),
            html.P(texts.DEADLINES_HELP),
            dbc.Label(texts.DEADLINE_YEAR, html_for=ReportingIds.DEADLINE_YEAR),
            dbc.Input(id=ReportingIds.DEADLINE_YEAR, type="number", value=year, className="mb-2"),
            dbc.Label(texts.DEADLINE_PERIOD, html_for=ReportingIds.DEADLINE_PERIOD),
            dbc.Select(
                id=ReportingIds.DEADLINE_PERIOD,
                options=[{"label": texts.PERIOD_LABEL[p], "value": p} for p in TERTIAL_PERIODS],
                value=period.period if period else TERTIAL_PERIODS[0],
                className="mb-2",
            ),
            *fields,
            dbc.Button(texts.DEADLINES_SAVE, id=ReportingIds.DEADLINE_SAVE, color="primary"),
            html.Div(id=ReportingIds.DEADLINE_FEEDBACK, role="status"),
        ],
        className="deadlines-form",
    )
