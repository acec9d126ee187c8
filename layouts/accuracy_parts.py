"""Prognoser's long tables, closed until the reader opens them: the whole city's page sent
about 2,300 components at the Stockholm scale, mostly two tables per nämnd and tertial and the
consistency tables, and Dash's renderer froze the browser drawing them (issue 20). Each is
drawn by callbacks/accuracy.py the first time it opens (layouts/closed_part.py)."""

from __future__ import annotations

from typing import Any

from dash import html

from layouts import texts, urls
from layouts.closed_part import closed_part
from layouts.ids import AccuracyPart, AccuracyPartIds


def collapsed(
    line: str, state: urls.ViewState, part: AccuracyPart, shown: int, body: Any = None
) -> html.Details:
    """A table behind its summary `line`, named by the view `state` (its organisation set), the
    `part` and its `shown` rows; drawn open with `body` when the page already holds it."""
    return closed_part(
        line,
        (AccuracyPartIds.LINE, AccuracyPartIds.BODY),
        urls.part_key(state, part, shown),
        texts.PART_LOADING,
        body,
        "accuracy-part",
    )
