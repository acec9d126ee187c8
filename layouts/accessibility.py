"""Tillgänglighetsredogörelse: the accessibility statement DIGG requires of public services."""

from dash import html

from layouts import texts


def page(contact_email: str) -> html.Div:
    """The statement, with how to report a problem and how to complain to DIGG."""
    return html.Div(
        [
            html.H1(texts.A11Y_HEADING),
            *[html.P(paragraph) for paragraph in texts.A11Y_INTRO],
            html.H2(texts.A11Y_STATUS_HEADING),
            html.P(texts.A11Y_STATUS),
            html.H2(texts.A11Y_KNOWN_HEADING),
            html.Ul([html.Li(item) for item in texts.A11Y_KNOWN_ISSUES]),
            html.H2(texts.A11Y_REPORT_HEADING),
            html.P([texts.A11Y_REPORT, html.A(contact_email, href=f"mailto:{contact_email}"), "."]),
            html.H2(texts.A11Y_ENFORCEMENT_HEADING),
            html.P(
                [texts.A11Y_ENFORCEMENT, html.A(texts.DIGG_LINK_TEXT, href=texts.DIGG_URL), "."]
            ),
            html.H2(texts.A11Y_TESTING_HEADING),
            html.P(texts.A11Y_TESTING),
        ],
        className="statement",
    )
