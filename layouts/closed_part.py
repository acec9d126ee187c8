"""A long part of a page behind its summary line, drawn when the reader opens it
(callbacks/drawn_when_opened.py): Prognoser's tables and the Målsida's child goals.

A native <details>: Enter or Space opens it, and a screen reader hears a collapsed disclosure
whose summary line tells the part's essential number."""

from __future__ import annotations

from typing import Any

from dash import html

from layouts import elements as el


def closed_part(
    line: Any,
    ids: tuple[str, str],
    key: dict[str, Any],
    loading: str,
    body: Any = None,
    className: str | None = None,
) -> html.Details:
    """`line` over a part whose line and body have the pattern-matching id types `ids` and the
    id fields `key`; the body says `loading` until it is drawn, or is drawn open with `body`
    when the page already holds it."""
    line_type, body_type = ids
    opened: dict[str, Any] = {"open": True} if body is not None else {}  # else the browser opens it
    return el.Details(
        [
            el.Summary(line, id={"type": line_type, **key}, className="part-line"),
            el.Div(loading if body is None else body, id={"type": body_type, **key}),
        ],
        className=className,
        **opened,
    )
