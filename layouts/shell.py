"""The frame around every page: skip link, header, the URL, and the content area."""

from dash import dcc, html

from layouts import texts
from layouts.ids import ShellIds

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
