"""Målsida: the route handler; its interactions are the filter bar's (callbacks/filters.py) and
the åtgärder and förväntat resultat forms' (callbacks/measures.py)."""

from __future__ import annotations

from dash import html

from callbacks import filters, measures, sign_in
from callbacks.request import PageRequest
from dashboard.pages.goal import goal_page
from layouts import assessment_form, urls
from layouts import elements as el
from layouts import goal as layout


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
