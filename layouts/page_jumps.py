"""In-page jumps right after a page's heading: from the heading a keyboard reaches the part it
wants in a Tab or two, and the link after it in one more (issue 20: at most three Tabs a step)."""

from __future__ import annotations

from collections.abc import Sequence

from dash import html

from layouts import elements as el
from layouts import texts
from layouts.components import aria


def page_jumps(entries: Sequence[tuple[str, str | None]]) -> html.Nav:
    """Links to the parts of this page, (label, element id); an entry without id is left out."""
    return el.Nav(
        el.Ul([el.Li(el.A(label, href=f"#{anchor}")) for label, anchor in entries if anchor]),
        className="page-jumps",
        **aria(label=texts.JUMPS_LABEL),
    )
