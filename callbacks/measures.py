"""The Målsida's åtgärder and förväntat resultat: the section for the goal page's handler, and the
writes behind its forms.

The forms' key comes from the browser, so every write checks again who may change the
organisation and refuses (and logs) a hand-made request from a reader or from an editor of
another organisation, as the assessment form does. Registered through the goal page's route.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dash import Dash, Input, Output, State, ctx, html, no_update

from callbacks import sign_in
from callbacks.assessment_form import refusal
from dashboard.access import Principal, audit
from dashboard.domain.measures import ExpectedResult, MeasureStatus
from dashboard.domain.model import Assessment, Goal, OrgUnit, period_end
from dashboard.followup import measure_writes, measures
from dashboard.store import Store
from layouts import measures as layout
from layouts import texts, urls
from layouts.components import refused
from layouts.ids import MeasureIds

Target = tuple[Goal, OrgUnit, int, str]


def section(
    store: Store,
    goal: Goal,
    org: OrgUnit,
    state: urls.ViewState,
    user: Principal,
    assessment: Assessment | None,
) -> html.Div:
    """The goal's förväntat resultat and åtgärder at the organisation and period, with the forms
    for an editor in scope; the assessment says how the period follows the expected result up."""
    found = measures.goal_measures(store, goal.id, org.id, state.year, state.period)
    key = {"goal": goal.code, "org": org.code, "year": state.year, "period": state.period}
    as_of = period_end(state.year, state.period)
    followup = assessment.expected_followup if assessment else ""
    return layout.section(found, key, as_of, refusal(store, user, org), followup)


def register(app: Dash, store: Store) -> None:
    """Adding an åtgärd or changing its status; saving the förväntat resultat."""

    @app.callback(
        Output(MeasureIds.FEEDBACK, "children"),
        Output(MeasureIds.LISTS, "children"),
        Output(MeasureIds.CHOICE, "options"),
        Input(MeasureIds.ADD, "n_clicks"),
        Input(MeasureIds.CHANGE, "n_clicks"),
        State(MeasureIds.KEY, "data"),
        State(MeasureIds.TEXT, "value"),
        State(MeasureIds.RESPONSIBLE, "value"),
        State(MeasureIds.DUE, "value"),
        State(MeasureIds.CHOICE, "value"),
        State(MeasureIds.STATUS, "value"),
        prevent_initial_call=True,
    )
    def write(_add: int, _change: int, key: object, *values: str | None) -> tuple[Any, ...]:
        text, responsible, due, chosen, status = (v or "" for v in values)
        user = sign_in.current()
        if ctx.triggered_id == MeasureIds.CHANGE:
            return change(store, key, chosen, status, user)
        return add(store, key, text, responsible, due, user)

    @app.callback(
        Output(MeasureIds.EXPECTED_FEEDBACK, "children"),
        Output(MeasureIds.EXPECTED_SHOWN, "children"),
        Input(MeasureIds.EXPECTED_SAVE, "n_clicks"),
        State(MeasureIds.KEY, "data"),
        State(MeasureIds.EXPECTED_RESULT, "value"),
        State(MeasureIds.WAY_OF_WORKING, "value"),
        prevent_initial_call=True,
    )
    def write_expected(_: int, key: object, result: str | None, way: str | None) -> tuple[Any, Any]:
        return save_expected(store, key, result or "", way or "", sign_in.current())


def add(
    store: Store, key: object, text: str, responsible: str, due: str, user: Principal
) -> tuple[Any, ...]:
    """Record an åtgärd for the key's goal, organisation and period: (feedback, lists, choices)."""
    target = _target(store, key, user, audit.MEASURE)
    if isinstance(target, html.Div):
        return target, no_update, no_update
    goal, org, year, period = target
    draft = measure_writes.MeasureDraft(
        goal.id, org.id, year, period, text, responsible, _date(due)
    )
    try:
        measure_writes.add(store, draft, user.username)
    except measure_writes.InvalidMeasure as invalid:
        return layout.problems(invalid.problems), no_update, no_update
    return (layout.done(texts.MEASURE_ADDED), *_redrawn(store, target))


def change(store: Store, key: object, chosen: str, status: str, user: Principal) -> tuple[Any, ...]:
    """Set the chosen åtgärd's status: (feedback, lists, choices)."""
    target = _target(store, key, user, audit.MEASURE)
    if isinstance(target, html.Div):
        return target, no_update, no_update
    goal, org, _, _ = target
    new = next((s for s in MeasureStatus if s.value == status), None)
    if new is None or not chosen.isdigit():
        return refused(texts.MEASURE_STATUS_MISSING), no_update, no_update
    try:
        measure_writes.change_status(store, int(chosen), goal.id, org.id, new, user.username)
    except measure_writes.MeasureNotFound:  # another goal's or organisation's: hand-made
        sign_in.record_refusal(store, user, audit.MEASURE, chosen, texts.NOT_FOUND_TEXT)
        return refused(texts.NOT_FOUND_TEXT), no_update, no_update
    return (layout.done(texts.MEASURE_STATUS_CHANGED), *_redrawn(store, target))


def save_expected(
    store: Store, key: object, result: str, way: str, user: Principal
) -> tuple[Any, Any]:
    """Write the year's förväntat resultat och arbetssätt: (feedback, the texts as shown)."""
    target = _target(store, key, user, audit.EXPECTED_RESULT)
    if isinstance(target, html.Div):
        return target, no_update
    goal, org, year, _ = target
    expected = ExpectedResult(goal.id, org.id, year, result, way)
    try:
        measure_writes.save_expected(store, expected, user.username)
    except measure_writes.InvalidMeasure as invalid:
        return layout.problems(invalid.problems), no_update
    found = measures.goal_measures(store, goal.id, org.id, year, target[3])
    return layout.done(texts.EXPECTED_SAVED), layout.expected_texts(found.expected)


def _redrawn(store: Store, target: Target) -> tuple[Any, Any]:
    goal, org, year, period = target
    found = measures.goal_measures(store, goal.id, org.id, year, period)
    return layout.lists(found, year, period, period_end(year, period)), layout.choices(found)


def _target(store: Store, key: object, user: Principal, action: str) -> Target | html.Div:
    """The goal, organisation, year and period the key names, if this person may write there;
    else the refusal to show (logged)."""
    if not isinstance(key, dict):
        key = {}
    goal_code = urls.plain_text(key.get("goal"), urls.MAX_CODE_LENGTH)
    org_code = urls.plain_text(key.get("org"), urls.MAX_CODE_LENGTH)
    year, period = key.get("year"), urls.plain_text(key.get("period"), urls.MAX_CODE_LENGTH)
    goal = store.goal(goal_code) if goal_code else None
    org = store.org(org_code) if org_code else None
    reason = texts.NOT_FOUND_TEXT if goal is None or org is None else refusal(store, user, org)
    if reason is None and (year, period) not in store.reported_periods():
        reason = texts.ASSESSMENT_BAD_PERIOD  # the key is the browser's to forge
    if reason or goal is None or org is None or type(year) is not int or period is None:
        reason = reason or texts.NOT_FOUND_TEXT
        sign_in.record_refusal(store, user, action, f"{goal_code} för {org_code}", reason)
        return refused(reason)
    return goal, org, year, period


def _date(text: str) -> dt.date | None:
    """The date a form field holds (ÅÅÅÅ-MM-DD), or None."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None
