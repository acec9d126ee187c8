"""The frame around every page: skip link, header, the URL, and the content area."""

from dash import dcc, html

from dashboard.access import ROLE_NAMES, Principal
from layouts import texts
from layouts.followup_urls import ACCURACY_PATH, DEVIATIONS_PATH
from layouts.ids import FollowupIds, ShellIds
from layouts.urls import AUDIT_PATH, SIGN_IN_PATH, SIGN_OUT_PATH, UPLOAD_PATH

# Dash's default page has a bare <html>; screen readers need the language (WCAG 3.1.1).
INDEX_STRING = """<!DOCTYPE html>
<html lang="sv">
  <head>
    {%metas%}
    <title>{%title%}</title>
    {%favicon%}
    {%css%}
  </head>
  <body>
    {%app_entry%}
    <footer>{%config%}{%scripts%}{%renderer%}</footer>
  </body>
</html>"""


def main_nav(user: Principal) -> html.Nav:
    """Links to the main pages; a callback keeps their year, period and organisation from the URL.

    Links to pages that would only refuse this person are left out (the server refuses anyway)."""
    links = (
        (FollowupIds.NAV_OVERVIEW, texts.NAV_OVERVIEW, "/"),
        (FollowupIds.NAV_DEVIATIONS, texts.NAV_DEVIATIONS, DEVIATIONS_PATH),
        (FollowupIds.NAV_ACCURACY, texts.NAV_ACCURACY, ACCURACY_PATH),
    )
    extra = [(texts.NAV_UPLOAD, UPLOAD_PATH)] if user.may_edit_something else []
    extra += [(texts.AUDIT_HEADING, AUDIT_PATH)] if user.is_admin else []
    return html.Nav(
        html.Ul(
            [html.Li(dcc.Link(label, href=href, id=link_id)) for link_id, label, href in links]
            + [html.Li(dcc.Link(label, href=href)) for label, href in extra]
        ),
        className="main-nav",
        **{"aria-label": texts.NAV_LABEL},
    )


def user_area(user: Principal) -> html.Div:
    """Who is signed in, with a sign-out button (a form POST), or a link to sign in."""
    if not user.signed_in:
        return html.Div(
            [html.Span(texts.NOT_SIGNED_IN), html.A(texts.SIGN_IN_LINK, href=SIGN_IN_PATH)],
            className="user-area",
        )
    return html.Form(
        [
            html.Span(
                texts.SIGNED_IN_AS.format(name=user.display_name, role=ROLE_NAMES[user.role])
            ),
            html.Button(
                texts.SIGN_OUT_BUTTON, type="submit", className="btn btn-sm btn-outline-light"
            ),
        ],
        method="post",
        action=SIGN_OUT_PATH,
        className="user-area",
    )


def layout(user: Principal) -> html.Div:
    """The page frame for this person; the router fills the content area from the URL."""
    return html.Div(
        [
            dcc.Location(id=ShellIds.URL, refresh="callback-nav"),
            html.A(texts.SKIP_LINK, href="#main", className="skip-link"),
            html.Header(
                html.Div(
                    [
                        html.A(texts.APP_TITLE, href="/", className="brand"),
                        html.Span(texts.APP_TAGLINE, className="tagline"),
                        user_area(user),
                        main_nav(user),
                    ],
                    className="container",
                ),
                className="app-header",
            ),
            html.Main(
                id="main",
                children=html.Div(id=ShellIds.CONTENT),
                className="container",
                tabIndex=-1,
            ),
            html.Footer(
                html.Div(
                    dcc.Link(texts.FOOTER_A11Y_LINK, href="/tillganglighet"), className="container"
                ),
                className="app-footer",
            ),
        ]
    )
