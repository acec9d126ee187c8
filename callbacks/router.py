"""One router: the URL's path and query decide which page is drawn, from the store."""

from __future__ import annotations

from dash import Dash, Input, Output, html

from callbacks import activities, audit_log, followup, sign_in, upload
from dashboard.access import ANONYMOUS, Principal
from dashboard.domain.model import GoalLevel, OrgUnit
from dashboard.followup import control_room
from dashboard.followup.indicator_view import indicator_view
from dashboard.settings import Settings
from dashboard.store import Store
from dashboard.upload import change_sets
from layouts import accessibility, filters, goal, indicator, overview, texts, urls
from layouts import upload as upload_layout
from layouts.ids import ShellIds


def register(app: Dash, store: Store, settings: Settings) -> None:
    @app.callback(
        Output(ShellIds.CONTENT, "children"),
        Input(ShellIds.URL, "pathname"),
        Input(ShellIds.URL, "search"),
    )
    def render(pathname: str | None, search: str | None):
        if pathname == "/tillganglighet":
            return accessibility.page(settings.contact_email)
        user = sign_in.current()
        if pathname == urls.UPLOAD_PATH:  # works on an empty database too: it is how data gets in
            return upload_layout.page(change_sets.list_uploads(store), upload.templates(), user)
        if pathname == urls.AUDIT_PATH:
            return audit_log.page(store, user, search)
        return page(store, pathname or "/", search, user)


def page(store: Store, pathname: str, search: str | None, user: Principal = ANONYMOUS):
    """The page for a path and query string, as this person may see it."""
    if (
        urls.plain_text(pathname, urls.MAX_PATH_LENGTH) is None
    ):  # codes go into queries: no NUL, no megabytes
        return not_found()
    periods = store.reported_periods()
    state = urls.parse(search, periods)
    if state is None:
        return html.Div([html.H1(texts.APP_TITLE), html.P(texts.EMPTY_DATABASE)])
    org = (store.org(state.org_code) if state.org_code else None) or store.root_org()
    state = state.with_changes(org_code=org.code)
    if (found := followup.page(store, pathname, search, state, org, user)) is not None:
        return found
    section, _, code = pathname.strip("/").partition("/")
    if section == "":
        return overview_page(store, state, org, _filter_bar(store, state, periods, org))
    if section == "mal" and (found := store.goal(code)) is not None:
        view = control_room.goal_view(store, found, org, state.year, state.period)
        return goal.page(
            view,
            org,
            store.org_lineage(org.id),
            state,
            _filter_bar(store, state, periods, org),
            followup.goal_page_extra(store, view.status, state),
        )
    if section == "aktivitet" and (found := activities.page(store, code, state, user)) is not None:
        return found
    if section == "indikator" and (found := store.indicator(code)) is not None:
        view = indicator_view(store, found, org, state.year, state.period)
        return indicator.page(
            view, store.org_lineage(org.id), state, _filter_bar(store, state, periods, org)
        )
    return not_found()


def not_found() -> html.Div:
    """The page for a path that names nothing."""
    return html.Div([html.H1(texts.NOT_FOUND_HEADING), html.P(texts.NOT_FOUND_TEXT)])


def _filter_bar(
    store: Store, state: urls.ViewState, periods: list[tuple[int, str]], org: OrgUnit
) -> html.Form:
    return filters.filter_bar(state, periods, store.org_neighbourhood(org.id))


def overview_page(
    store: Store, state: urls.ViewState, org: OrgUnit, filter_bar: html.Form
) -> html.Div:
    """KF goals judged for the organisation; nämnd- and enhetsmål for their own organisations."""
    orgs = {o.id: o for o in store.org_units()}
    if state.level is GoalLevel.COUNCIL:
        statuses = control_room.goal_statuses(store, org.id, state.year, state.period)
    else:
        goals = store.goals_within(org.id, state.year, state.level)
        statuses = control_room.judge(
            store, [(g, g.org_id) for g in goals], state.year, state.period
        )
    direction_goals = store.goals(state.year, (GoalLevel.DIRECTION,))
    return overview.page(org, state, filter_bar, direction_goals, statuses, orgs)
