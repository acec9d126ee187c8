"""One router: the URL's path and query decide which page is drawn, from the store."""

from dash import Dash, Input, Output, html

from callbacks import url_state
from dashboard import control_room
from dashboard.model import GoalLevel
from dashboard.store import Store
from layouts import overview, texts
from layouts.ids import ShellIds


def register(app: Dash, store: Store) -> None:
    @app.callback(
        Output(ShellIds.CONTENT, "children"),
        Input(ShellIds.URL, "pathname"),
        Input(ShellIds.URL, "search"),
    )
    def render(pathname: str | None, search: str | None):
        if pathname not in ("/", None, ""):
            return html.Div([html.H1(texts.NOT_FOUND_HEADING), html.P(texts.NOT_FOUND_TEXT)])
        return overview_page(store, search)


def overview_page(store: Store, search: str | None):
    """Översikt for the whole city at the period the URL asks for."""
    periods = store.reported_periods()
    state = url_state.parse(search, periods)
    org = store.root_org()
    if state is None or org is None:
        return html.Div([html.H1(texts.APP_TITLE), html.P(texts.EMPTY_DATABASE)])
    statuses = control_room.goal_statuses(store, org.id, state.year, state.period)
    direction_goals = store.goals(state.year, (GoalLevel.DIRECTION,))
    return overview.page(org, state.year, state.period, periods, direction_goals, statuses)
