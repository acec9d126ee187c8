"""Small pieces shared by pages: status badges and basis notes (text and symbol, never colour alone)."""

from dash import html

from dashboard.model import Basis, Status
from layouts import texts


def status_badge(status: Status) -> html.Span:
    """A status as symbol plus words, coloured by CSS class."""
    return html.Span(
        [html.Span(texts.STATUS_SYMBOL[status], className="symbol", **{"aria-hidden": "true"}),
         texts.STATUS_LABEL[status]],
        className=f"status-badge status-{status}",
    )


def basis_note(basis: Basis) -> html.Div:
    """What a status rests on; forecast-only is spelled out so it is never taken for an outcome."""
    return html.Div(texts.BASIS_NOTE[basis], className=f"basis basis-{basis}")
