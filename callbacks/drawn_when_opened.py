"""Parts of a page drawn the first time the reader opens them: Avvikelser's rows, Prognoser's
long tables and the Målsida's long table of child goals. A page that sends only what is on
screen is drawn by the browser in one short task (issue 20); what the reader opens costs one
request then."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from dash import MATCH, Dash, Input, Output, State, no_update


def register(
    app: Dash,
    line: str,
    body: str,
    fields: Sequence[str],
    loading: str,
    draw: Callable[[dict[str, Any]], Any],
) -> None:
    """Draw a closed part the first time its summary line is clicked (or opened with Enter or
    Space): `line` and `body` are the pattern-matching id types of the line and of where the
    part is drawn, `fields` the id fields that name the part, `loading` what the body says
    until it is drawn, and `draw(id)` the part (the id comes from the browser: check it like a
    query). A body already drawn is left as it is."""
    key = {field: MATCH for field in fields}

    @app.callback(
        Output({"type": body, **key}, "children"),
        Input({"type": line, **key}, "n_clicks"),
        State({"type": body, **key}, "children"),
        State({"type": body, **key}, "id"),
        prevent_initial_call=True,
    )
    def open_part(_clicks: int | None, drawn: Any, part_id: dict[str, Any]) -> Any:
        return draw(part_id) if drawn == loading else no_update
