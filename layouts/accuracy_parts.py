"""Prognoser's long tables, closed until the reader opens them: the whole city's page sent
about 2,300 components at the Stockholm scale, mostly two tables per nämnd and tertial and the
consistency tables, and Dash's renderer froze the browser drawing them (issue 20).

Each table is a native <details> (Enter or Space opens it, a screen reader hears a collapsed
disclosure) whose summary line tells the table's essential number; the table itself is drawn
by callbacks/accuracy.py the first time it opens, as Avvikelser's rows are."""

from __future__ import annotations

from typing import Any

from dash import html

from layouts import texts, urls
from layouts.ids import AccuracyPart, AccuracyPartIds


def collapsed(
    line: str, state: urls.ViewState, part: AccuracyPart, shown: int, body: Any = None
) -> html.Details:
    """A table behind its summary `line`, named by the view `state` (its organisation set), the
    `part` and its `shown` rows; drawn open with `body` when the page already holds it."""
    key = urls.part_key(state, part, shown)
    opened: dict[str, Any] = {"open": True} if body is not None else {}  # else the browser opens it
    return html.Details(
        [
            html.Summary(line, id={"type": AccuracyPartIds.LINE, **key}, className="part-line"),
            html.Div(
                texts.PART_LOADING if body is None else body,
                id={"type": AccuracyPartIds.BODY, **key},
            ),
        ],
        className="accuracy-part",
        **opened,
    )
