"""Målsida: the route handler and its long table of child goals drawn when opened; its other
interactions are the filter bar's (callbacks/filters.py) and the åtgärder and förväntat resultat
forms' (callbacks/measures.py)."""

from __future__ import annotations

from typing import Any

from dash import Dash, html

from callbacks import drawn_when_opened, filters, measures, sign_in
from callbacks.request import PageRequest
from dashboard.pages.goal import child_goal_results, goal_page
from dashboard.store import Store
from layouts import assessment_form, texts, urls
from layouts import elements as el
from layouts import goal as layout
from layouts.ids import GoalPartIds


def page(request: PageRequest) -> html.Div | None:
    """The goal at the organisation, or None when there is no such goal."""
    goal = request.store.goal(request.params["code"])
    if goal is None:
        return None
    state, org = request.state, request.org
    found = goal_page(request.store, goal, org, state.year, state.period)
    may_assess = sign_in.may_change(request.store, request.user)(org.id)
    note = assessment_form.goal_page_note(found.view.status, state, found.saved, may_assess)
    own = found.view.status.assessment
    followed = measures.section(request.store, goal, org, state, request.user, own)
    extra = el.Div([note, followed])
    return layout.page(
        found.view,
        org,
        found.lineage,
        state,
        filters.bar(request),
        extra,
        found.history,
        urls.indicator_status_from(request.search),
        found.national,
        found.moves,
    )


def child_goals(store: Store, key: dict[str, Any]) -> Any:
    """The table of child goals the part `key` names (its id, from the browser: checked like a
    query)."""
    wanted = urls.details_from(key)
    org = store.org(wanted.owner_code) if wanted else None
    goal = store.goal(wanted.goal_code) if wanted else None
    if (
        wanted is None
        or org is None
        or goal is None
        or (wanted.state.year, wanted.state.period) not in store.reported_periods()
    ):
        return html.P(texts.PART_GONE, className="muted")
    state = wanted.state
    children = child_goal_results(store, goal, org, state.year, state.period)
    return layout.child_goals_table(children, state)


def register(app: Dash, store: Store) -> None:
    """The åtgärder forms' callbacks, and the child goals' table drawn the first time it opens."""
    measures.register(app, store)
    drawn_when_opened.register(
        app,
        GoalPartIds.LINE,
        GoalPartIds.BODY,
        urls.DETAILS_FIELDS,
        texts.PART_LOADING,
        lambda key: child_goals(store, key),
    )
