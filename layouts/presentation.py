"""Presentationsläge: one deviating goal at a time in large type, for the meeting's projector.

Next and previous are links (so they work with any keyboard, clicker or pointer, and the
URL says where the meeting is); the keys → ← PageDown PageUp and Esc follow those links.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from dash import dcc, html

from dashboard.domain.measures import Measure
from dashboard.domain.model import OrgUnit, period_end
from dashboard.followup.assessments import AuditEntry
from dashboard.followup.deviations import GoalDeviations
from dashboard.pages.deviations import Only
from layouts import explanation, texts, urls
from layouts.components import aria, basis_note, empty_state, status_badge
from layouts.deviations import deviation_table, justification_note
from layouts.ids import FollowupIds
from layouts.measures import measure_table
from layouts.overview import assessment_note, counts_text, score
from layouts.urls import assessment_path, presentation_href

# Keys a clicker or keyboard sends, and the link each follows (assets/presentation.js).
KEYBOARD = {
    "targets": {
        "ArrowRight": FollowupIds.NEXT,
        "PageDown": FollowupIds.NEXT,
        "ArrowLeft": FollowupIds.PREVIOUS,
        "PageUp": FollowupIds.PREVIOUS,
        "Escape": FollowupIds.END,
    },
    "heading": FollowupIds.HEADING,
    # Keys that first page through a goal longer than the screen, then follow their link.
    "pages": {"PageDown": 1, "PageUp": -1},
}


def page(
    number: int,
    total: int,
    goal: GoalDeviations | None,
    state: urls.ViewState,
    org: OrgUnit,
    orgs: dict[int, OrgUnit],
    saves: dict[tuple[int, int], AuditEntry],
    may_assess: Callable[[int], bool],
    only: Only | None = None,
    agenda: Sequence[tuple[str, str]] = (),
    follow_up: Sequence[Measure] = (),
) -> html.Div:
    """The goal at `number` of `total` among those the filters keep, with links to the
    neighbours, the agenda ((title, owner) of each goal), the åtgärder to follow up and back
    (goal None: nothing deviates); the way to assess it where `may_assess` its owner."""
    back = urls.deviations_href(state, only)
    if goal is None:
        return html.Div(
            [
                html.H1(texts.PRESENTATION_EMPTY.format(org=org.name)),
                dcc.Link(texts.END_PRESENTATION, href=back, id=FollowupIds.END),
            ],
            className="presentation",
        )
    status = goal.status
    owner = orgs[status.org_id]
    return html.Div(
        [
            navigation(number, total, state, back, only),
            agenda_nav(agenda, number, state, only),
            html.P(
                [
                    texts.GOAL_LEVEL_LABEL[status.goal.level],
                    " · ",
                    owner.name,
                    " · ",
                    texts.PERIOD_LABEL[state.period],
                    " ",
                    str(state.year),
                ],
                className="eyebrow",
            ),
            html.H1(status.goal.title, id=FollowupIds.HEADING, tabIndex=-1),
            html.Div(
                [status_badge(status.result.status), score(status.result)],
                className="status-line big",
            ),
            html.P(counts_text(status.result), className="counts"),
            basis_note(status.result.basis),
            assessment_note(status),
            justification_note(saves.get((status.goal.id, status.org_id))),
            html.Ul(
                [html.Li(t) for t in explanation.goal_explanation(status.result)], className="why"
            ),
            deviation_table(goal, state, orgs, caption=texts.PRESENTATION_CAPTION),
            own_texts(goal),
            follow_up_section(follow_up, period_end(state.year, state.period)),
            html.P(
                [
                    dcc.Link(
                        texts.OPEN_GOAL,
                        href=urls.href(
                            urls.goal_path(status.goal.code), state, org_code=owner.code
                        ),
                    ),
                    *(
                        (
                            " · ",
                            dcc.Link(
                                texts.RECORD_ASSESSMENT,
                                href=urls.href(
                                    assessment_path(status.goal.code), state, org_code=owner.code
                                ),
                            ),
                        )
                        if may_assess(status.org_id)
                        else ()
                    ),
                ]
            ),
            html.P([texts.KEYBOARD_HINT, " ", texts.PAGE_HINT], className="muted keyboard-hint"),
            dcc.Store(id=FollowupIds.KEYS, data=KEYBOARD),
        ],
        className="presentation",
    )


def own_texts(goal: GoalDeviations) -> html.Dl | None:
    """The organisation's own analysis and measures, what the meeting discusses next."""
    assessment = goal.status.assessment
    if assessment is None:
        return None
    return html.Dl(
        [
            html.Dt(texts.ANALYSIS),
            html.Dd(assessment.analysis or texts.MISSING_VALUE),
            html.Dt(texts.MEASURES),
            html.Dd(assessment.measures or texts.MISSING_VALUE),
        ],
        className="own-texts",
    )


def follow_up_section(follow_up: Sequence[Measure], as_of: dt.date) -> html.Section:
    """The åtgärder earlier meetings decided for the goal and left open, as the Målsida lists
    them: the meeting follows them up here."""
    return html.Section(
        [
            html.H2(texts.MEASURES_FOLLOW_UP_HEADING),
            measure_table(follow_up, texts.MEASURES_FOLLOW_UP_CAPTION, as_of)
            if follow_up
            else empty_state(texts.NO_MEASURES_TO_FOLLOW_UP),
        ],
        className="follow-up",
    )


def agenda_nav(
    agenda: Sequence[tuple[str, str]], number: int, state: urls.ViewState, only: Only | None
) -> html.Nav:
    """Every goal to be shown, each a link to it; the one shown is marked, not linked."""
    items = [
        html.Li(
            html.Span(text, **aria(current="step"))
            if position == number
            else dcc.Link(text, href=presentation_href(state, position, only))
        )
        for position, text in enumerate(
            (texts.AGENDA_ITEM.format(title=title, org=owner) for title, owner in agenda), 1
        )
    ]
    return html.Nav(
        html.Details(
            [
                html.Summary(texts.AGENDA_HEADING.format(count=len(items))),
                html.P(texts.FILTERED_PRESENTATION, className="muted")
                if only not in (None, Only())
                else None,
                html.Ol(items),
            ]
        ),
        className="agenda",
        **aria(label=texts.AGENDA_LABEL),
    )


def navigation(
    number: int, total: int, state: urls.ViewState, back: str, only: Only | None = None
) -> html.Nav:
    """Previous, position, next and end; the ids let the keyboard handler follow them."""
    previous = (
        dcc.Link(
            texts.PREVIOUS,
            href=presentation_href(state, number - 1, only),
            id=FollowupIds.PREVIOUS,
            className="btn btn-outline-primary",
        )
        if number > 1
        else html.Span(
            texts.PREVIOUS,
            className="btn btn-outline-secondary disabled",
            **aria(disabled="true"),
        )
    )
    following = (
        dcc.Link(
            texts.NEXT,
            href=presentation_href(state, number + 1, only),
            id=FollowupIds.NEXT,
            className="btn btn-primary",
        )
        if number < total
        else html.Span(
            texts.NEXT, className="btn btn-outline-secondary disabled", **aria(disabled="true")
        )
    )
    return html.Nav(
        [
            previous,
            html.Span(
                texts.POSITION.format(number=number, total=total),
                className="position",
                **aria(live="polite"),
            ),
            following,
            dcc.Link(
                texts.END_PRESENTATION, href=back, id=FollowupIds.END, className="btn btn-link"
            ),
        ],
        className="presentation-nav",
        **aria(label=texts.PRESENTATION_NAV_LABEL),
    )
