"""Aktivitetssida: its route handler, and the follow-up form's save.

Only editors of the activity's own organisation (and administrators) may follow it up; the
form's key comes from the browser, so the save checks again and refuses a forged request.
"""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, html, no_update

from callbacks import sign_in
from callbacks.request import PageRequest
from dashboard.access import Principal, audit
from dashboard.domain.model import ActivityStatus
from dashboard.followup import activity_followups
from dashboard.pages.activity import activity_page
from dashboard.store import Store
from layouts import activity as activity_layout
from layouts import texts
from layouts.components import refused
from layouts.ids import ActivityIds


def page(request: PageRequest) -> html.Div | None:
    """The activity page, or None when there is no such activity."""
    found = activity_page(request.store, request.params["code"])
    if found is None:
        return None
    return activity_layout.page(
        found.activity,
        found.goal,
        found.owner,
        request.state,
        found.followups,
        sign_in.refusal(request.user, found.org_path, found.owner.name),
    )


def register(app: Dash, store: Store) -> None:
    @app.callback(
        Output(ActivityIds.FEEDBACK, "children"),
        Output(ActivityIds.HISTORY, "children"),
        Output(ActivityIds.FACTS, "children"),
        Input(ActivityIds.SAVE, "n_clicks"),
        State(ActivityIds.KEY, "data"),
        State(ActivityIds.STATUS, "value"),
        State(ActivityIds.COMMENT, "value"),
        prevent_initial_call=True,
    )
    def save(
        _: int, key: dict[str, Any], status: str | None, comment: str | None
    ) -> tuple[Any, ...]:
        return submit(store, key, status, comment or "", sign_in.current())


def submit(
    store: Store, key: dict[str, Any], status: str | None, comment: str, user: Principal
) -> tuple[Any, ...]:
    """Save the follow-up if this person may; (feedback, history, facts)."""
    code = str(key.get("activity"))
    path, activity = store.activity(code) or (None, None)
    owner = store.org_by_id(activity.org_id) if activity else None
    goal = store.goal_by_id(activity.goal_id) if activity else None
    reason = sign_in.refusal(user, path, owner.name) if owner else texts.NOT_FOUND_TEXT
    if not reason and (key.get("year"), key.get("period")) not in store.reported_periods():
        reason = texts.NOT_FOUND_TEXT  # only a period the page could have offered
    if reason or activity is None or owner is None or goal is None:
        reason = reason or texts.NOT_FOUND_TEXT  # each None above already gave a reason
        sign_in.record_refusal(store, user, audit.ACTIVITY, code, reason)
        return refused(reason), no_update, no_update
    chosen = ActivityStatus(status) if status in set(ActivityStatus) else None
    try:
        saved = activity_followups.save(
            store, activity, key["year"], key["period"], chosen, comment, user.username
        )
    except activity_followups.Invalid as invalid:
        return activity_layout.problem_list(invalid.problems), no_update, no_update
    _, now = store.activity(code) or (path, activity)
    return (
        activity_layout.saved_message(saved),
        activity_layout.history_table(activity_followups.history(store, now.id)),
        activity_layout.facts(now, goal, owner),
    )
