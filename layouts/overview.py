"""Översikt: the control room. Every goal of a level with its computed status, deviations first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import dash_bootstrap_components as dbc
from dash import html

from dashboard.domain.model import Goal, GoalLevel, OrgUnit, Status
from dashboard.domain.rules import Disagreement, GoalReason, GoalResult, PartKind, count_statuses
from dashboard.followup.control_room import GoalStatus
from dashboard.followup.history import Point
from dashboard.pages.deviations import Only
from layouts import causes, explanation, status_trend, texts, urls
from layouts import elements as el
from layouts.components import SEVERITY, aria, basis_note, empty_state, status_badge
from layouts.doors import ORDER
from layouts.format import count
from layouts.page_jumps import page_jumps

NO_PARTS = GoalReason.NO_PARTS
Histories = dict[tuple[int, int], list[Point]]  # by (goal id, organisation id)
OVERVIEW_LEVELS = (GoalLevel.COUNCIL, GoalLevel.COMMITTEE, GoalLevel.UNIT)
GOALS_ANCHOR = "malen"  # the goals, for the jump after the heading


def page(
    org: OrgUnit,
    state: urls.ViewState,
    filter_bar: html.Form,
    direction_goals: Sequence[Goal],
    statuses: Sequence[GoalStatus],
    owners: dict[int, OrgUnit],
    histories: Histories | None = None,
) -> html.Div:
    """The whole Översikt page for one organisation, year, period and goal level; each card
    with its status over the last periods (`histories`)."""
    intro = texts.OVERVIEW_INTRO[state.level].format(
        period=texts.PERIOD_LABEL[state.period].lower(), year=state.year, org=org.name
    )
    return el.Div(
        [
            el.H1(texts.OVERVIEW_HEADING.format(org=org.name)),
            page_jumps([(texts.JUMP_GOALS, GOALS_ANCHOR)]),
            filter_bar,
            level_tabs(state),
            el.P(intro, className="lead"),
            summary(statuses, state),
            el.Div(
                _grouped_by_direction(state, direction_goals, statuses, owners, histories)
                if state.level is GoalLevel.COUNCIL
                else [goal_cards(state, sorted(statuses, key=_severity), owners, histories)],
                id=GOALS_ANCHOR,
            ),
        ]
    )


def level_tabs(state: urls.ViewState) -> html.Nav:
    """Links between the goal levels (they are links, so the URL and back button follow)."""
    return el.Nav(
        el.Ul(
            [
                el.Li(
                    el.Span(
                        texts.OVERVIEW_LEVEL_TAB[level],
                        className="nav-link active",
                        **aria(current="page"),
                    )
                    if level is state.level
                    else el.Link(
                        texts.OVERVIEW_LEVEL_TAB[level],
                        href=urls.href(urls.OVERVIEW_PATH, state, level=level),
                        className="nav-link",
                    ),
                    className="nav-item",
                )
                for level in OVERVIEW_LEVELS
            ],
            className="nav nav-pills mb-3",
        ),
        **aria(label=texts.LEVEL_NAV_LABEL),
    )


def summary(statuses: Sequence[GoalStatus], state: urls.ViewState) -> html.Div | html.P:
    """How many goals have each status, the first thing a politician reads. Each count of goals
    that deviate opens Avvikelser filtered to them. Met goals without deviations, and goals with
    nothing to judge at their organisation, are on no meeting's list (agenda.judged_goals)."""
    if not statuses:
        return empty_state(texts.NO_GOALS)
    counts = {status: sum(s.result.status is status for s in statuses) for status in Status}
    listed = Counter(s.result.status for s in statuses if s.result.reason is not NO_PARTS)
    on_forecast = sum(s.result.met_on_forecast for s in statuses)
    flagged = sum(s.disagreement is not Disagreement.NONE for s in statuses)

    def door(only: Only) -> str:
        return urls.deviations_href(state, replace(only, level=state.level))

    items = [
        el.Li(
            [
                status_badge(status),
                el.Span(f" {counts[status]}", className="count"),
                met_on_forecast_note(on_forecast, door(Only(kinds=urls.KIND_VALUES["prognos"])))
                if status is Status.MET
                else None,
            ]
            if status is Status.MET or not listed[status]
            else el.Link(
                [status_badge(status), el.Span(f" {counts[status]}", className="count")],
                href=door(Only(status=status)),
            )
        )
        for status in (Status.NOT_MET, Status.PARTLY_MET, Status.MET, Status.NO_DATA)
    ]
    if flagged:
        items.append(
            el.Li(
                el.Link(
                    count(texts.FLAGGED_COUNT, flagged),
                    href=door(Only(kinds=urls.KIND_VALUES["bedomning"])),
                ),
                className="disagreement",
            )
        )
    return el.Div(
        [
            el.H2(texts.SUMMARY_HEADING, className="visually-hidden"),
            el.Ul(items, className="summary"),
        ],
        className="summary-box",
    )


def met_on_forecast_note(count: int, href: str | None = None) -> html.Span | None:
    """ "(varav 3 enligt prognos)": met goals that would not be met without forecasts, counted
    apart; a link to them when `href` is given."""
    if not count:
        return None
    note = texts.MET_ON_FORECAST_COUNT.format(count=count)
    return el.Span(
        [
            " (",
            el.Span("◌", **aria(hidden="true")),
            " ",
            el.Link(note, href=href) if href else note,
            ")",
        ],
        className="on-forecast",
    )


def _severity(status: GoalStatus) -> tuple[int, float]:
    return SEVERITY[status.result.status], status.result.score or 0.0


def _grouped_by_direction(
    state: urls.ViewState,
    direction_goals: Sequence[Goal],
    statuses: Sequence[GoalStatus],
    owners: dict[int, OrgUnit],
    histories: Histories | None = None,
) -> list[html.Section]:
    return [
        el.Section(
            [
                el.H2(goal.title, className="direction-goal"),
                goal_cards(
                    state,
                    sorted((s for s in statuses if s.goal.parent_id == goal.id), key=_severity),
                    owners,
                    histories,
                ),
            ],
            className="mb-4",
        )
        for goal in direction_goals
    ]


def goal_cards(
    state: urls.ViewState,
    statuses: Sequence[GoalStatus],
    owners: dict[int, OrgUnit],
    histories: Histories | None = None,
) -> dbc.Row:
    """A card per goal, in the order given."""
    return el.Row(
        [
            el.Col(goal_card(state, s, owners, (histories or {}).get((s.goal.id, s.org_id))), lg=6)
            for s in statuses
        ],
        className="g-3",
    )


def goal_card(
    state: urls.ViewState,
    status: GoalStatus,
    owners: dict[int, OrgUnit],
    history: Sequence[Point] | None = None,
) -> dbc.Card:
    """A goal's computed status, score, trend, counts, basis and own assessment, linking to its
    page."""
    result = status.result
    owner = owners[status.org_id]
    link = urls.href(urls.goal_path(status.goal.code), state, org_code=owner.code)
    return el.Card(
        el.CardBody(
            [
                el.H3(el.Link(status.goal.title, href=link), className="h5"),
                el.P(owner.name, className="owner muted")
                if status.goal.level > GoalLevel.COUNCIL
                else None,
                el.Div([status_badge(result.status), score(result)], className="status-line"),
                status_trend.trend(history),
                el.P(counts_text(result), className="counts"),
                basis_note(result.basis),
                causes.pulls_down(status, owners, state),
                assessment_note(status),
                el.Details(
                    [
                        el.Summary(texts.WHY),
                        el.Ul([el.Li(line) for line in explanation.goal_explanation(result)]),
                    ]
                ),
            ]
        ),
        className=f"goal-card status-{result.status}",
    )


def score(result: GoalResult) -> html.Span:
    """The score as whole points (rounded down), or a note that there is none."""
    if result.score is None:
        return el.Span(texts.NO_SCORE, className="score")
    return el.Span(
        texts.SCORE.format(score=explanation.score_points(result.score)), className="score"
    )


def counts_text(result: GoalResult) -> str:
    """E.g. "Indikatorer: 3 uppfyllda · 1 delvis · 0 ej uppfyllda · 1 saknar värde · Aktiviteter:
    Delvis
    uppfyllt": indicators and the activities counted apart."""
    indicators = [p for p in result.parts if p.kind is PartKind.INDICATOR]
    counts = count_statuses(indicators)
    phrases = [
        f"{texts.INDICATORS_LEAD} "
        + " · ".join(count(texts.INDICATOR_COUNT[s], counts.of(s)) for s in ORDER)
        if indicators
        else texts.COUNTS_NONE
    ]
    phrases += [
        texts.ACTIVITIES_COUNT.format(status=texts.STATUS_LABEL[p.status])
        for p in result.parts
        if p.kind is PartKind.ACTIVITIES
    ]
    return " · ".join(phrases)


def assessment_note(status: GoalStatus) -> html.Div:
    """The organisation's own assessment, flagged when it disagrees with the computed status."""
    own = status.assessment
    return own_assessment_note(
        own.status if own else None, own.is_forecast if own else None, status.disagreement
    )


def own_assessment_note(
    own: Status | None, is_forecast: bool | None, disagreement: Disagreement
) -> html.Div:
    """`assessment_note` from the assessment's status alone (what a goal's kept brief holds)."""
    if own is None:
        return el.Div(texts.NO_ASSESSMENT, className="assessment muted")
    label = texts.STATUS_LABEL[own]
    if is_forecast:
        label = texts.ASSESSMENT_FORECAST.format(status=label)
    children = [el.Span(texts.OWN_ASSESSMENT.format(status=label))]
    if disagreement is not Disagreement.NONE:
        children.append(el.Span(texts.DISAGREEMENT_LABEL[disagreement], className="disagreement"))
    return el.Div(children, className="assessment")
