"""The frame around every page: skip link, header, the URL, and the content area."""

from dash import dcc, html

from layouts import texts
from layouts.followup_urls import ACCURACY_PATH, DEVIATIONS_PATH
from layouts.ids import FollowupIds, ShellIds
from layouts.urls import UPLOAD_PATH

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


def main_nav() -> html.Nav:
    """Links to the main pages; a callback keeps their year, period and organisation from the URL."""
    links = ((FollowupIds.NAV_OVERVIEW, texts.NAV_OVERVIEW, "/"), (FollowupIds.NAV_DEVIATIONS, texts.NAV_DEVIATIONS,
             DEVIATIONS_PATH), (FollowupIds.NAV_ACCURACY, texts.NAV_ACCURACY, ACCURACY_PATH))
    return html.Nav(
        html.Ul(
            [html.Li(dcc.Link(label, href=href, id=link_id)) for link_id, label, href in links]
            + [html.Li(dcc.Link(texts.NAV_UPLOAD, href=UPLOAD_PATH))]
        ),
        className="main-nav",
        **{"aria-label": texts.NAV_LABEL},
    )


def layout() -> html.Div:
    """The page frame; the router fills the content area from the URL."""
    return html.Div(
        [
            dcc.Location(id=ShellIds.URL, refresh="callback-nav"),
            html.A(texts.SKIP_LINK, href="#main", className="skip-link"),
            html.Header(
                html.Div(
                    [
                        html.A(texts.APP_TITLE, href="/", className="brand"),
                        html.Span(texts.APP_TAGLINE, className="tagline"),
                        main_nav(),
                    ],
                    className="container",
                ),
                className="app-header",
            ),
            html.Main(id="main", children=html.Div(id=ShellIds.CONTENT), className="container", tabIndex=-1),
            html.Footer(
                html.Div(dcc.Link(texts.FOOTER_A11Y_LINK, href="/tillganglighet"), className="container"),
                className="app-footer",
            ),
        ]
    )
