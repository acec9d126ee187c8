"""The frame around every page: skip link, header, the URL, and the content area."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from dash import dcc, html

from dashboard.access import ROLE_NAMES, Principal
from layouts import texts, urls
from layouts.components import aria
from layouts.ids import ShellIds

# Dash's default page has a bare <html>; screen readers need the language (WCAG 3.1.1). <body>
# carries the paths and ids the page's own scripts need (assets/session.js, assets/startup.js),
# so they write none. Dash's scripts stand bare, not in Dash's default <footer>: the page has one
# footer landmark, ours.
ROUTER_DATA = {
    "data-page-output": f"{ShellIds.CONTENT}.children",
    "data-page-location": ShellIds.URL,
    "data-page-title": ShellIds.PAGE_TITLE,
}
BODY_DATA = " ".join(
    f'{name}="{escape(value)}"' for name, value in {**urls.BODY_DATA, **ROUTER_DATA}.items()
)
STARTUP_SCRIPT = "startup.js"  # in assets/, linked first (index_page), not where Dash links assets
# Dash links DataTable's bundle, which no page draws, and Babel's polyfill, which only browsers
# too old for React 18 need; the one part of it Dash's lazily loaded components use,
# `regeneratorRuntime`, is defined by dash_bootstrap_components' bundle (the browser tests
# draw every lazy component without the polyfill).
UNUSED_SCRIPTS = ("/dash_table/", "/deps/polyfill@")
INDEX_STRING = f"""<!DOCTYPE html>
<html lang="sv">
  <head>
    {{%metas%}}
    <title>{{%title%}}</title>
    {{%favicon%}}
    {{%css%}}
  </head>
  <body {BODY_DATA}>
    {{%app_entry%}}
    {{%config%}}{{%scripts%}}{{%renderer%}}
  </body>
</html>"""


def index_page(interpolate: Callable[..., str], startup_src: str, **parts: str) -> str:
    """Dash's page for a full load (`Dash.interpolate_index`), with the startup script before
    every other script and without the scripts no page uses (docs/performance.md)."""
    scripts = [
        line
        for line in parts["scripts"].split("\n")
        if not any(unused in line for unused in UNUSED_SCRIPTS)
    ]
    parts["scripts"] = "\n".join([f'<script src="{escape(startup_src)}"></script>', *scripts])
    return interpolate(**parts)


@dataclass(frozen=True)
class NavEntry:
    """A main-menu link, taken from the route table (callbacks/routes.py)."""

    label: str
    path: str
    keeps_view: bool  # the link carries the URL's year, period and organisation along


def nav_link_id(path: str) -> dict[str, str]:
    """The id of the menu link to a path; the nav callback updates those that keep the view."""
    return {"type": ShellIds.NAV_LINK, "index": path}


def main_nav(entries: list[NavEntry]) -> html.Nav:
    """Links to the main pages; a callback keeps their year, period and organisation from the URL.

    The caller leaves out pages that would only refuse this person (the server refuses anyway)."""
    links = [
        dcc.Link(e.label, href=e.path, id=nav_link_id(e.path))
        if e.keeps_view
        else dcc.Link(e.label, href=e.path)
        for e in entries
    ]
    return html.Nav(
        html.Ul([html.Li(link) for link in links]),
        className="main-nav",
        **aria(label=texts.NAV_LABEL),
    )


def user_area(user: Principal) -> html.Div | html.Form:
    """Who is signed in, with a sign-out button (a form POST), or a link to sign in."""
    if user.role is None:  # not signed in
        return html.Div(
            [html.Span(texts.NOT_SIGNED_IN), html.A(texts.SIGN_IN_LINK, href=urls.SIGN_IN_PATH)],
            className="user-area",
        )
    return html.Form(
        [
            html.Span(
                texts.SIGNED_IN_AS.format(name=user.display_name, role=ROLE_NAMES[user.role])
            ),
            dcc.Link(texts.ACCOUNT_LINK, href=urls.ACCOUNT_PATH),
            html.Button(
                texts.SIGN_OUT_BUTTON, type="submit", className="btn btn-sm btn-outline-light"
            ),
        ],
        method="post",
        action=urls.SIGN_OUT_PATH,
        className="user-area",
    )


def menu_button() -> html.Button:
    """Folds the menu away on small screens (assets/navigation.js opens it; CSS hides the button
    on wide screens)."""
    return html.Button(
        texts.MENU_BUTTON,
        type="button",
        className="menu-toggle btn btn-sm btn-outline-light",
        **aria(expanded="false", controls=ShellIds.MENU),
    )


def layout(user: Principal, nav: list[NavEntry]) -> html.Div:
    """The page frame for this person; the route table fills the content area from the URL."""
    return html.Div(
        [
            dcc.Location(id=ShellIds.URL, refresh="callback-nav"),
            html.A(texts.SKIP_LINK, href="#main", className="skip-link"),
            html.Header(
                html.Div(
                    [
                        html.A(texts.APP_TITLE, href=urls.OVERVIEW_PATH, className="brand"),
                        html.Span(texts.APP_TAGLINE, className="tagline"),
                        menu_button(),
                        html.Div([user_area(user), main_nav(nav)], id=ShellIds.MENU),
                    ],
                    className="container",
                ),
                className="app-header",
            ),
            html.P(
                id=ShellIds.ANNOUNCER,
                className="page-announcer visually-hidden",
                **aria(live="polite", atomic="true"),
            ),
            html.Main(
                id="main",
                children=html.Div(id=ShellIds.CONTENT),
                className="container",
                tabIndex=-1,
            ),
            html.Footer(
                html.Div(
                    dcc.Link(texts.FOOTER_A11Y_LINK, href=urls.ACCESSIBILITY_PATH),
                    className="container",
                ),
                className="app-footer",
            ),
        ]
    )
