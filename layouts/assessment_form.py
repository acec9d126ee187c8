"""Målbedömning: the form where an editor records the organisation's assessment of a goal.

The computed status and its explanation stay beside the form while writing; choosing a
better status than the computed one asks for a justification (auditors' finding 2).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.access import Principal
from dashboard.domain.model import Assessment, OrgUnit, Status
from dashboard.followup import assessments
from dashboard.followup.assessments import AssessmentProblem, AuditEntry
from dashboard.followup.control_room import GoalStatus
from layouts import elements as el
from layouts import explanation, texts, urls
from layouts.components import (
    aria,
    basis_note,
    breadcrumb,
    data_table,
    empty_state,
    local_time,
    status_badge,
)
from layouts.deviations import justification_note
from layouts.ids import AssessmentIds
from layouts.overview import assessment_note, counts_text, score
from layouts.urls import assessment_path

# The form field each problem points to.
PROBLEM_FIELD = {
    AssessmentProblem.NO_STATUS: AssessmentIds.STATUS,
    AssessmentProblem.NO_ANALYSIS: AssessmentIds.ANALYSIS,
    AssessmentProblem.NO_MEASURES: AssessmentIds.MEASURES,
    AssessmentProblem.NO_JUSTIFICATION: AssessmentIds.JUSTIFICATION,
}

# The text fields, in the order the save callback reads them.
TEXT_FIELDS = (AssessmentIds.JUSTIFICATION, AssessmentIds.ANALYSIS, AssessmentIds.MEASURES)
# Read by the save too, but never required: the follow-up of the year's förväntat resultat.
OPTIONAL_FIELDS = (AssessmentIds.EXPECTED_FOLLOWUP,)


def page(
    status: GoalStatus,
    org: OrgUnit,
    state: urls.ViewState,
    history: Sequence[AuditEntry],
    user: Principal,
    refusal: str | None,
) -> html.Div:
    """The whole form page: what the data show, the form (or why this person may not use it), and
    the log."""
    goal = status.goal
    goal_href = urls.href(urls.goal_path(goal.code), state)
    saved = (
        history[0] if history and history[0].after == status.assessment else None
    )  # still in force
    return html.Div(
        [
            breadcrumb(
                [
                    (texts.OVERVIEW_CRUMB, urls.href(urls.OVERVIEW_PATH, state)),
                    (goal.title, goal_href),
                    (texts.FORM_CRUMB, None),
                ]
            ),
            html.P(texts.GOAL_LEVEL_LABEL[goal.level], className="eyebrow"),
            html.H1(texts.FORM_HEADING.format(goal=goal.title)),
            html.P(
                texts.FORM_CONTEXT.format(
                    org=org.name, period=texts.PERIOD_LABEL[state.period].lower(), year=state.year
                ),
                className="lead",
            ),
            dbc.Row(
                [
                    dbc.Col(computed_panel(status, saved), lg=5, className="order-lg-2"),
                    dbc.Col(
                        dbc.Alert(refusal, color="info")
                        if refusal
                        else form(status, state, saved, user),
                        lg=7,
                    ),
                ],
                className="g-4",
            ),
            html.Section(history_table(history), id=AssessmentIds.HISTORY),
        ],
        className="assessment-page",
    )


def computed_panel(status: GoalStatus, saved: AuditEntry | None) -> html.Section:
    """What the rule computes from the data, with its reasons, shown while writing."""
    result = status.result
    return html.Section(
        [
            html.H2(texts.COMPUTED_HEADING, className="h5"),
            html.Div([status_badge(result.status), score(result)], className="status-line big"),
            html.P(counts_text(result), className="counts"),
            basis_note(result.basis),
            html.Ul([html.Li(t) for t in explanation.goal_explanation(result)]),
            html.Details(
                [
                    html.Summary(texts.PARTS_SUMMARY),
                    html.Ul([html.Li(t) for t in explanation.goal_part_lines(result)]),
                ]
            ),
            html.H3(texts.CURRENT_HEADING, className="h6 mt-3"),
            html.Div(current(status, saved), id=AssessmentIds.CURRENT, **aria(live="polite")),
        ],
        className="computed-panel",
    )


def current(status: GoalStatus, saved: AuditEntry | None) -> list[Any]:
    """The assessment in force, flagged when it disagrees, with the justification of its save."""
    return [assessment_note(status), justification_note(saved)]


def form(
    status: GoalStatus, state: urls.ViewState, saved: AuditEntry | None, user: Principal
) -> html.Section:
    """The fields, prefilled with the assessment in force; the key says what is being assessed."""
    own, is_forecast = status.assessment, state.period != "FY"
    chosen = own.status if own and own.status in assessments.CHOICES else None
    justification = saved.justification if saved else ""
    needed = assessments.needs_justification(status.result.status, chosen)
    return html.Section(
        [
            html.H2(texts.FORM_SECTION_HEADING, className="h5"),
            dcc.Store(id=AssessmentIds.KEY, data=form_key(status, state)),
            html.Fieldset(
                [
                    html.Legend(texts.STATUS_LEGEND[is_forecast], className="form-label fs-6"),
                    dbc.RadioItems(
                        id=AssessmentIds.STATUS,
                        name=AssessmentIds.STATUS,  # one radio group: one Tab stop, arrows choose
                        options=[
                            {"label": texts.CHOICE_LABEL[s], "value": s.value}
                            for s in assessments.CHOICES
                        ],
                        value=chosen.value if chosen else None,
                    ),
                ],
                className="mb-3",
            ),
            html.Div(
                justification_warning(status.result.status, chosen) if needed else None,
                id=AssessmentIds.WARNING,
                **aria(live="polite"),
            ),
            html.Div(
                text_field(
                    AssessmentIds.JUSTIFICATION,
                    texts.JUSTIFICATION_LABEL,
                    texts.JUSTIFICATION_HELP,
                    justification,
                ),
                id=AssessmentIds.JUSTIFICATION_GROUP,
                hidden=not needed,
            ),
            text_field(
                AssessmentIds.ANALYSIS,
                texts.ANALYSIS_LABEL,
                texts.ANALYSIS_HELP,
                own.analysis if own else "",
            ),
            text_field(
                AssessmentIds.MEASURES,
                texts.MEASURES_LABEL,
                texts.MEASURES_HELP,
                own.measures if own else "",
            ),
            text_field(
                AssessmentIds.EXPECTED_FOLLOWUP,
                texts.EXPECTED_FOLLOWUP_LABEL,
                texts.EXPECTED_FOLLOWUP_HELP,
                own.expected_followup if own else "",
            ),
            html.P(texts.ASSESSMENT_SAVED_AS.format(name=user.username), className="muted"),
            dbc.Button(texts.SAVE, id=AssessmentIds.SAVE, color="primary", n_clicks=0),
            html.Div(id=AssessmentIds.FEEDBACK, className="mt-3"),
        ],
        className="assessment-form",
    )


def form_key(status: GoalStatus, state: urls.ViewState) -> dict[str, Any]:
    """What the form assesses, and the computed status that decides whether to ask for a
    justification."""
    return {
        "goal": status.goal.code,
        "org": state.org_code,
        "year": state.year,
        "period": state.period,
        "computed": status.result.status.value,
    }


def text_field(field_id: str, label: str, help_text: str, value: str) -> html.Div:
    """A text area whose label carries its help text (these components take no aria-describedby)."""
    return html.Div(
        [
            _label(field_id, label, help_text),
            dbc.Textarea(id=field_id, value=value, rows=4),
        ],
        className="mb-3",
    )


def _label(field_id: str, label: str, help_text: str) -> dbc.Label:
    return dbc.Label(
        [
            html.Span(label, className="d-block fw-semibold"),
            html.Span(help_text, className="form-text"),
        ],
        html_for=field_id,
    )


def justification_warning(computed: Status, chosen: Status | None) -> html.Div:
    """Tell the editor that the chosen status is rosier than the data, and what that asks of
    them."""
    return html.Div(
        texts.ROSIER_WARNING.format(
            chosen=texts.STATUS_LABEL[chosen] if chosen else "",
            computed=texts.STATUS_LABEL[computed],
        ),
        className="alert alert-warning",
    )


def problems_summary(found: Sequence[AssessmentProblem]) -> html.Div:
    """An error summary whose items jump to the fields to fix."""
    return html.Div(
        [
            html.H2(texts.ASSESSMENT_PROBLEMS_HEADING, className="h6"),
            html.Ul(
                [
                    html.Li(
                        html.A(
                            texts.PROBLEM_TEXT[p],
                            href=f"#{PROBLEM_FIELD[p]}",
                            className="alert-link",
                        )
                    )
                    for p in found
                ]
            ),
        ],
        className="alert alert-danger",
        role="alert",
    )


def invalid_fields(found: Sequence[AssessmentProblem]) -> list[bool]:
    """For each text field, whether a problem points to it."""
    fields = {PROBLEM_FIELD[p] for p in found}
    return [field in fields for field in TEXT_FIELDS]


def saved_message(entry: AuditEntry, goal_href: str) -> html.Div:
    """Confirm the save, say whether it is flagged, and lead back to the goal."""
    flagged = entry.disagreement in assessments.ROSIER
    return html.Div(
        [
            html.P(texts.SAVED.format(time=local_time(entry.saved_at), name=entry.saved_by)),
            html.P(texts.SAVED_FLAGGED) if flagged else None,
            dcc.Link(texts.BACK_TO_GOAL, href=goal_href),
        ],
        className="alert alert-success",
        role="status",
    )


def goal_page_note(
    status: GoalStatus, state: urls.ViewState, saved: AuditEntry | None, may_assess: bool
) -> html.Div:
    """For the goal page: who last saved the assessment here and why it is rosier, and the way to
    the form for those who may assess."""
    return el.Div(
        [
            justification_note(saved),
            el.P(
                texts.LAST_SAVED.format(time=local_time(saved.saved_at), name=saved.saved_by),
                className="muted",
            )
            if saved
            else None,
            el.Link(
                texts.RECORD_ASSESSMENT,
                href=urls.href(assessment_path(status.goal.code), state),
                className="btn btn-outline-primary btn-sm",
            )
            if may_assess
            else None,
        ],
        className="assessment-extra",
    )


def history_table(history: Sequence[AuditEntry]) -> list[Any]:
    """The change log of this assessment: every save, newest first."""
    heading = html.H2(texts.HISTORY_HEADING)
    if not history:
        return [heading, empty_state(texts.NO_ACCURACY_HISTORY)]
    rows = [
        (
            local_time(entry.saved_at),
            entry.saved_by,
            _assessment_text(entry.before),
            _assessment_text(entry.after),
            html.Span([status_badge(entry.computed_status), " ", _points(entry.computed_score)]),
            entry.justification or texts.MISSING_VALUE,
        )
        for entry in history
    ]
    return [heading, data_table(texts.HISTORY_CAPTION, texts.HISTORY_COLUMNS, rows)]


def _assessment_text(assessment: Assessment | None) -> str:
    if assessment is None:
        return texts.NO_EARLIER_ASSESSMENT
    return texts.HISTORY_VALUES.format(
        status=texts.STATUS_LABEL[assessment.status],
        analysis=assessment.analysis or texts.MISSING_VALUE,
        measures=assessment.measures or texts.MISSING_VALUE,
    )


def _points(score_value: float | None) -> str:
    return (
        ""
        if score_value is None
        else texts.SCORE.format(score=explanation.score_points(score_value))
    )
