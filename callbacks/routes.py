"""The route table: every page and every plain server route of the app, in one place.

A request flows URL → `ROUTES` (the first pattern that matches) → the page's handler in
callbacks/X.py → its data from dashboard/pages/X.py → its drawing in layouts/X.py. Patterns and
paths are declared in layouts/urls.py; the main menu is the routes with a `nav` label.
Adding a page is one line here (docs/developing.md, "Add a page").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeGuard

from dash import Dash, Input, Output, dcc, html
from flask import Flask
from flask.typing import ResponseReturnValue

from callbacks import (
    accessibility,
    accounts,
    accuracy,
    activity,
    api,
    assessment_form,
    audit_log,
    availability,
    deviations,
    downloads,
    gender_gaps,
    goal,
    indicator,
    indicator_accuracy,
    my_account,
    national_admin,
    overview,
    presentation,
    report_form,
    report_progress,
    sign_in,
    to_report,
    upload,
)
from callbacks.plain import plain
from callbacks.request import PageRequest, View
from dashboard.access import ANONYMOUS, Principal
from dashboard.settings import Settings
from dashboard.store import Store
from layouts import page_title, texts, urls
from layouts.ids import ShellIds
from layouts.shell import NavEntry

Handler = Callable[[PageRequest], html.Div | None]  # None: the path names nothing


def everyone(_user: Principal) -> bool:
    """A menu entry everybody sees."""
    return True


def editors(user: Principal) -> bool:
    """A menu entry for those who may change some organisation's data."""
    return user.may_edit_something


def administrators(user: Principal) -> bool:
    """A menu entry for administrators."""
    return user.is_admin


@dataclass(frozen=True)
class Route:
    pattern: str  # from layouts/urls.py, parameters written <name>
    handler: Handler
    nav: str | None = None  # the main menu's label, in table order; None: not in the menu
    shown_to: Callable[[Principal], bool] = everyone  # whose menu has the entry
    data: bool = True  # needs a reported period (else "the database is empty"), gets the view
    callbacks: Callable[[Dash, Store], None] | None = None  # the page module's `register`


# More specific patterns first: the first match serves the request.
ROUTES: tuple[Route, ...] = (
    Route(urls.OVERVIEW_PATH, overview.page, nav=texts.NAV_OVERVIEW),
    Route(
        urls.TO_REPORT_PATH,
        to_report.page,
        texts.NAV_TO_REPORT,
        editors,
        callbacks=to_report.register,
    ),
    Route(
        urls.DEVIATIONS_PATH,
        deviations.page,
        nav=texts.NAV_DEVIATIONS,
        callbacks=deviations.register,
    ),
    Route(
        urls.ACCURACY_PATH,
        accuracy.page,
        nav=texts.NAV_ACCURACY,
        callbacks=accuracy.register,
    ),
    Route(urls.INDICATOR_ACCURACY_PATTERN, indicator_accuracy.page),
    Route(urls.GENDER_GAPS_PATH, gender_gaps.page, nav=texts.NAV_GENDER_GAPS),
    Route(urls.PRESENTATION_PATH, presentation.page, callbacks=presentation.register),
    Route(urls.ASSESSMENT_PATTERN, assessment_form.page, callbacks=assessment_form.register),
    Route(urls.GOAL_PATTERN, goal.page, callbacks=goal.register),
    Route(urls.ACTIVITY_PATTERN, activity.page, callbacks=activity.register),
    Route(urls.INDICATOR_PATTERN, indicator.page),
    Route(
        urls.UPLOAD_PATH,
        upload.page,
        texts.NAV_UPLOAD,
        editors,
        data=False,
        callbacks=upload.register,
    ),
    Route(urls.REPORT_FORM_PATTERN, report_form.page, data=False, callbacks=report_form.register),
    Route(
        urls.PROGRESS_PATH,
        report_progress.page,
        texts.NAV_PROGRESS,
        editors,
        callbacks=report_progress.register,
    ),
    Route(urls.AUDIT_PATH, audit_log.page, texts.AUDIT_HEADING, administrators, data=False),
    Route(
        urls.ACCOUNTS_PATH,
        accounts.page,
        texts.NAV_ACCOUNTS,
        administrators,
        data=False,
        callbacks=accounts.register,
    ),
    Route(
        urls.NATIONAL_PATH,
        national_admin.page,
        texts.NAV_NATIONAL,
        administrators,
        data=False,
        callbacks=national_admin.register,
    ),
    Route(urls.ACCESSIBILITY_PATH, accessibility.page, data=False),
    Route(urls.ACCOUNT_PATH, my_account.page, data=False, callbacks=my_account.register),
)


@dataclass(frozen=True)
class ServerRoute:
    """A plain Flask route: its view is made once per app, from the app's store."""

    pattern: str
    view: Callable[[Store], Callable[..., ResponseReturnValue]]
    methods: tuple[str, ...] = ("GET",)


SERVER_ROUTES: tuple[ServerRoute, ...] = (
    ServerRoute(urls.SIGN_IN_PATH, sign_in.sign_in_view, ("GET", "POST")),
    ServerRoute(urls.SIGN_OUT_PATH, sign_in.sign_out_view, ("POST",)),
    ServerRoute(urls.HEALTH_PATH, availability.healthz_view),
    ServerRoute(urls.TEMPLATE_PATTERN, upload.template_view),
    ServerRoute(urls.DOWNLOAD_PATTERN, downloads.download_view),
    ServerRoute(urls.API_INDEX_PATH, api.index_view),
    ServerRoute(urls.API_OPENAPI_PATH, api.openapi_view),
    ServerRoute(urls.API_RESOURCE_PATTERN, api.resource_view),
)


def register(app: Dash, store: Store, settings: Settings, routes: Sequence[Route] = ROUTES) -> None:
    """The one router callback, and each page's own callbacks."""
    for page_callbacks in dict.fromkeys(r.callbacks for r in routes if r.callbacks):
        page_callbacks(app, store)

    @app.callback(  # the URL's path and query decide which page is drawn
        Output(ShellIds.CONTENT, "children"),
        Input(ShellIds.URL, "pathname"),
        Input(ShellIds.URL, "search"),
    )
    def render(pathname: str | None, search: str | None) -> dict[str, Any]:
        path = pathname or urls.OVERVIEW_PATH
        with store.one_request():  # the data version and the like read once
            content, view = serve(store, path, search, sign_in.current(), settings, routes)
        return plain(titled(content, view))  # the same JSON as the components', sooner


def titled(content: html.Div, view: View | None) -> html.Div:
    """The page with a Store of its title beside it, which the shell's script reads from the
    router's answer and gives to the browser and to the live region (assets/startup.js); kept in
    the one output, so the router's request stays the same for its clients (`bench`, the load
    test). The Store also sets a prop of its own while the page is drawn, and that keeps Dash's
    renderer from looking at every drawn component again for each component it mounts: without
    it, Prognoser for one indicator took 207,769 such looks instead of 3,030
    (docs/performance.md)."""
    state = view.state if view else None
    title = page_title.document_title(
        content,
        view.org.name if view else None,
        state.year if state else None,
        state.period if state else "",
    )
    return html.Div([dcc.Store(id=ShellIds.PAGE_TITLE, data=title), content])


def add_server_routes(server: Flask, store: Store) -> None:
    """Every plain server route, each under its pattern (also its endpoint's name)."""
    for route in SERVER_ROUTES:
        server.add_url_rule(
            route.pattern, route.pattern, route.view(store), methods=list(route.methods)
        )


def nav_entries(user: Principal, routes: Sequence[Route] = ROUTES) -> list[NavEntry]:
    """The main menu for this person: the routes with a label that this person may use."""
    return [
        NavEntry(route.nav, route.pattern, keeps_view=route.data)
        for route in routes
        if route.nav and route.shown_to(user)
    ]


def page(
    store: Store,
    pathname: str,
    search: str | None,
    user: Principal = ANONYMOUS,
    settings: Settings | None = None,
    routes: Sequence[Route] = ROUTES,
) -> html.Div:
    """The page for a path and query string, as this person may see it."""
    return serve(store, pathname, search, user, settings, routes)[0]


def serve(
    store: Store,
    pathname: str,
    search: str | None,
    user: Principal = ANONYMOUS,
    settings: Settings | None = None,
    routes: Sequence[Route] = ROUTES,
) -> tuple[html.Div, View | None]:
    """The page, with the view (organisation and period) it shows when its route has one."""
    settings = settings or Settings()
    if urls.plain_text(pathname, urls.MAX_PATH_LENGTH) is None:  # no NUL, no megabytes
        return not_found(), None
    for route in routes:
        params = match(route.pattern, pathname)
        if params is None:
            continue
        view = None
        if route.data and (view := resolve(store, search)) is None:
            return empty_database(), None
        request = PageRequest(store, settings, user, pathname, params, search, view)
        content = route.handler(request)
        return (content, view) if drawn(content) else (not_found(), None)
    return (not_found() if store.reported_periods() else empty_database()), None


def drawn(content: html.Div | None) -> TypeGuard[html.Div]:
    """Whether a handler drew a page: a component with children. (`bool(component)` is the same
    question, but Dash answers it by counting the whole tree.)"""
    children = None if content is None else getattr(content, "children", None)
    return children is not None and not (isinstance(children, list | tuple) and not children)


def resolve(store: Store, search: str | None) -> View | None:
    """The query's view state against the store; None while nothing is reported."""
    periods = store.reported_periods()
    state = urls.parse(search, periods)
    if state is None:
        return None
    org = (store.org(state.org_code) if state.org_code else None) or store.root_org()
    if org is None:  # periods come with a tree; without one there is nothing to show either
        return None
    return View(state.with_changes(org_code=org.code), org, periods)


def match(pattern: str, pathname: str) -> dict[str, str] | None:
    """The path's parameters if it matches the pattern, else None.

    A pattern with parameters ignores slashes around the path ("/mal/K1/" is goal K1), and
    its last parameter may hold slashes (a code is any text); a fixed path matches exactly."""
    if "<" not in pattern:
        exact = pathname == pattern or (pattern == urls.OVERVIEW_PATH and not pathname.strip("/"))
        return {} if exact else None
    found = _regex(pattern).fullmatch("/" + pathname.strip("/"))
    return found.groupdict() if found else None


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    parts = urls.PARAMETER.split(pattern)  # fixed text and parameter names, alternately
    return re.compile(
        "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+)" for i, p in enumerate(parts))
    )


def not_found() -> html.Div:
    """The page for a path that names nothing."""
    return html.Div([html.H1(texts.NOT_FOUND_HEADING), html.P(texts.NOT_FOUND_TEXT)])


def empty_database() -> html.Div:
    """The page while nothing is reported yet."""
    return html.Div([html.H1(texts.APP_TITLE), html.P(texts.EMPTY_DATABASE)])
