"""Målbedömning: its route handler, the form's justification prompt and its save.

The form's key comes from the browser, so the save checks again who may change the
organisation and refuses (and logs) a hand-made request for another one.
"""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, html, no_update

from callbacks import sign_in
from callbacks.request import PageRequest
from dashboard.access import Principal, audit
from dashboard.domain.model import OrgUnit, Status
from dashboard.followup import assessments, control_room
from dashboard.pages.assessment_form import assessment_form
from dashboard.store import Store
from layouts import assessment_form as layout
from layouts import texts, urls
from layouts.components import refused
from layouts.ids import AssessmentIds


def page(request: PageRequest) -> html.Div | None:
    """The form for the goal at the organisation, or None when there is no such goal."""
    goal = request.store.goal(request.params["code"])
    if goal is None:
        return None
    store, state, org, user = request.store, request.state, request.org, request.user
    status, history = assessment_form(store, goal, org, state.year, state.period)
    return layout.page(status, org, state, history, user, refusal(store, user, org))


def register(app: Dash, store: Store) -> None:
    """The justification prompt and the save."""

    @app.callback(
        Output(AssessmentIds.JUSTIFICATION_GROUP, "hidden"),
        Output(AssessmentIds.WARNING, "children"),
        Input(AssessmentIds.STATUS, "value"),
        State(AssessmentIds.KEY, "data"),
    )
    def ask_for_justification(
        chosen: str | None, key: dict[str, Any]
    ) -> tuple[bool, html.Div | None]:
        computed, status = (
            _status(key.get("computed") if isinstance(key, dict) else None),
            _status(chosen),
        )
        if computed is None or not assessments.needs_justification(computed, status):
            return True, None
        return False, layout.justification_warning(computed, status)

    @app.callback(
        Output(AssessmentIds.FEEDBACK, "children"),
        Output(AssessmentIds.HISTORY, "children"),
        Output(AssessmentIds.CURRENT, "children"),
        *(Output(field, "invalid") for field in layout.TEXT_FIELDS),
        Input(AssessmentIds.SAVE, "n_clicks"),
        State(AssessmentIds.KEY, "data"),
        State(AssessmentIds.STATUS, "value"),
        *(State(field, "value") for field in layout.TEXT_FIELDS + layout.OPTIONAL_FIELDS),
        prevent_initial_call=True,
    )
    def save(_: int, key: object, chosen: str | None, *values: str | None) -> tuple[Any, ...]:
        names = layout.TEXT_FIELDS + layout.OPTIONAL_FIELDS
        fields: dict[str, str] = dict(zip(names, (v or "" for v in values)))
        return submit(store, key, chosen, fields, sign_in.current())


def refusal(store: Store, user: Principal, org: OrgUnit) -> str | None:
    """Why this person may not change the organisation's data, or None when they may."""
    return sign_in.refusal(user, store.org_path(org.id), org.name)


def submit(
    store: Store, key: object, chosen: str | None, fields: dict[str, str], user: Principal
) -> tuple[Any, ...]:
    """Save the form against the status computed now; (feedback, history, current, invalid flag per
    field).

    The signed-in person must be allowed to change the organisation: the form's key comes from the
    browser, so a hand-made request for another organisation is refused and logged here."""
    goal_code, org_code, year, period = _key_parts(key)
    goal = store.goal(goal_code) if goal_code else None
    org = store.org(org_code) if org_code else None
    reason = texts.NOT_FOUND_TEXT if goal is None or org is None else refusal(store, user, org)
    if (
        reason is None and (year, period) not in store.reported_periods()
    ):  # the key is the browser's to forge
        reason = texts.ASSESSMENT_BAD_PERIOD
    if reason or goal is None or org is None or year is None or period is None:
        reason = reason or texts.NOT_FOUND_TEXT  # each None above already gave a reason
        sign_in.record_refusal(
            store, user, audit.ASSESSMENT, f"{goal_code} för {org_code} {period} {year}", reason
        )
        return (refused(reason), no_update, no_update, *layout.invalid_fields([]))
    [status] = control_room.judge(store, [(goal, org.id)], year, period)
    draft = assessments.Draft(
        goal.id,
        org.id,
        year,
        period,
        _status(chosen),
        analysis=fields[AssessmentIds.ANALYSIS],
        measures=fields[AssessmentIds.MEASURES],
        justification=fields[AssessmentIds.JUSTIFICATION],
        expected_followup=fields.get(AssessmentIds.EXPECTED_FOLLOWUP, ""),
    )
    try:
        entry = assessments.save(store, draft, status.result, user.username)
    except assessments.InvalidAssessment as invalid:
        return (
            layout.problems_summary(invalid.problems),
            no_update,
            no_update,
            *layout.invalid_fields(invalid.problems),
        )
    history = assessments.history(store, goal.id, org.id, year, period)
    goal_href = urls.href(urls.goal_path(goal.code), urls.ViewState(year, period, org.code))
    [now] = control_room.judge(store, [(goal, org.id)], year, period)
    return (
        layout.saved_message(entry, goal_href),
        layout.history_table(history),
        layout.current(now, entry),
        *layout.invalid_fields([]),
    )


def _status(value: object) -> Status | None:
    """The status a browser names, or None for none or an unknown one."""
    return next((status for status in Status if status.value == value), None)


def _key_parts(key: object) -> tuple[str | None, str | None, int | None, str | None]:
    """Goal code, organisation code, year and period of the form's key, each None unless of its
    type."""
    if not isinstance(key, dict):
        return None, None, None, None
    year = key.get("year")
    return (
        urls.plain_text(key.get("goal"), urls.MAX_CODE_LENGTH),
        urls.plain_text(key.get("org"), urls.MAX_CODE_LENGTH),
        year if type(year) is int else None,
        urls.plain_text(key.get("period"), urls.MAX_CODE_LENGTH),
    )
