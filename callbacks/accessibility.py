"""Tillgänglighetsredogörelse: the route handler only; the page has no callbacks and no data
beyond the contact address in the settings, so it has no dashboard/pages module."""

from __future__ import annotations

from dash import html

from callbacks.request import PageRequest
from layouts import accessibility as layout


def page(request: PageRequest) -> html.Div:
    """The accessibility statement, with where to report a problem."""
    return layout.page(request.settings.contact_email)
