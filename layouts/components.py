"""Small pieces shared by pages: status badges, basis notes, trend marks, tables, breadcrumbs.

Status is always symbol plus words, coloured only as a help (WCAG 1.4.1).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, wraps
from typing import Any, ParamSpec, TypeVar, cast
from zoneinfo import ZoneInfo

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.domain.model import Basis, Status, Trend
from dashboard.domain.rules import Change, IndicatorReason, IndicatorResult
from layouts import elements as el
from layouts import texts
from layouts.format import arrow, difference
from layouts.urls import SHOWN_STEP

P = ParamSpec("P")
C = TypeVar("C", bound=Component)
LOCAL_TIME = ZoneInfo("Europe/Stockholm")
SEVERITY = {
    Status.NOT_MET: 0,
    Status.PARTLY_MET: 1,
    Status.NO_DATA: 2,
    Status.MET: 3,
}  # deviations first


def shared(build: Callable[P, C]) -> Callable[P, C]:
    """A component that depends only on a constant (a status, a movement) is built once and
    shared: building Dash components was most of a page's time above its database floor (issue
    20, docs/performance.md). Safe because nothing changes a component once it is built: the
    router only serialises it, as often as it appears, and keeps its plain form with it
    (`el.PLAIN_SLOT`, callbacks/plain.py). A few per status, movement and reported period."""

    @lru_cache(maxsize=1024)
    def once(*args: Any, **kwargs: Any) -> C:
        component = build(*args, **kwargs)
        component.__dict__[el.PLAIN_SLOT] = None
        return component

    return cast(Callable[P, C], wraps(build)(once))


# A symbol beside a status's words, drawn by CSS from this attribute and hidden from screen
# readers, which read the words (assets/kontrollrummet.css).
SYMBOL = "data-symbol"


def aria(**values: str) -> dict[str, Any]:
    """ARIA attributes as Dash takes them: aria(label="Filter") is {"aria-label": "Filter"}."""
    return {f"aria-{name}": value for name, value in values.items()}


@shared
def status_badge(status: Status) -> html.Span:
    """A status as symbol plus words, coloured by CSS class; one per status, shared by every
    page (`shared`). The symbol is the badge's `data-symbol`, drawn by CSS and hidden from
    screen readers: one component a badge instead of two (issue 20)."""
    return el.Span(
        texts.STATUS_LABEL[status],
        className=f"status-badge status-{status}",
        **{SYMBOL: texts.STATUS_SYMBOL[status]},
    )


def indicator_status_badge(result: IndicatorResult) -> html.Span:
    """An indicator's status; a value reported as not applicable is "Ej tillämpligt", never
    "Uppgift saknas" (docs/rules.md §1.3: it is left out, not missing)."""
    if result.reason is not IndicatorReason.NOT_APPLICABLE:
        return status_badge(result.status)
    return el.Span(
        texts.NOT_APPLICABLE_LABEL,
        className="status-badge status-not-applicable",
        **{SYMBOL: texts.NOT_APPLICABLE_SYMBOL},
    )


def basis_note(basis: Basis) -> html.Div:
    """What a status rests on; forecast-only is spelled out so it is never taken for an outcome."""
    return el.Div(texts.BASIS_NOTE[basis], className=f"basis basis-{basis}")


def basis_tag(basis: Basis) -> html.Span:
    """The short basis label for a table cell (Utfall / Endast prognos / …)."""
    return el.Span(texts.BASIS_LABEL[basis], className=f"basis basis-{basis}")


def change_cell(change: Change, decimals: int, unit: str) -> html.Span:
    """A change from last year: an arrow that follows its sign, the signed difference (in
    procentenheter for a share), and in words whether it is better by the indicator's direction."""
    if change.absolute is None:
        return el.Span(texts.MISSING_VALUE, title=texts.TREND_LABEL[Trend.UNKNOWN])
    return el.Span(
        [
            el.Span(arrow(change.absolute, decimals), className="symbol", **aria(hidden="true")),
            f"{difference(change.absolute, decimals, unit)} ",
            el.Span(f"({texts.TREND_LABEL[change.trend].lower()})", className="trend-word"),
        ],
        className=f"trend trend-{change.trend}",
    )


@dataclass(frozen=True)
class Sorting:
    """Which columns sort by which key, the key in force, and how to link to another key."""

    keys: dict[int, str]
    current: str
    href: Callable[[str], str]


def data_table(
    caption: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    numeric: Sequence[int] = (),
    sorting: Sorting | None = None,
) -> html.Div:
    """An accessible table (caption, header scope) that scrolls sideways on small screens.

    Sortable columns are links that put the sort key in the URL, so they work with the
    keyboard and the sorted view can be shared; `aria-sort` tells screen readers.
    """

    def cell(index: int, value: Any) -> html.Td:  # named by its column when rows stack (CSS)
        label: dict[str, Any] = {"data-label": headers[index]} if index < len(headers) else {}
        return el.Td(value, className="num" if index in numeric else None, **label)

    def header(index: int, text: str) -> html.Th:
        key = sorting.keys.get(index) if sorting else None
        attributes: dict[str, Any] = {
            "className": "num" if index in numeric else None,
            "scope": "col",
        }
        if sorting is None or key is None:
            return el.Th(text, **attributes)
        if key == sorting.current:
            return el.Th(
                [text, el.Span(" ▼", **aria(hidden="true"))],
                **attributes,
                **aria(sort="descending"),
            )
        return el.Th(
            el.Link(text, href=sorting.href(key), title=texts.SORT_BY.format(column=text)),
            **attributes,
        )

    return el.Div(
        el.Table(
            [
                el.Caption(caption),
                el.Thead(el.Tr([header(i, h) for i, h in enumerate(headers)])),
                el.Tbody([el.Tr([cell(i, value) for i, value in enumerate(row)]) for row in rows]),
            ],
            className="table table-sm align-middle",
        ),
        className="table-responsive",
        # a scrollable region must be reachable by keyboard; its links already are, and one
        # more Tab stop before them would only lengthen every keyboard walk
        tabIndex=None if sorting or _has_links(rows) else 0,
        role="region",
        **aria(label=caption),
    )


def _has_links(rows: Sequence[Sequence[Any]]) -> bool:
    return any(isinstance(value, dcc.Link | html.A) for row in rows for value in row)


def breadcrumb(items: Sequence[tuple[str, str | None]]) -> html.Nav:
    """Links up a tree; the last item (no link) is the current page."""
    return el.Nav(
        el.Ol(
            [
                el.Li(
                    el.Link(label, href=link) if link else label,
                    className="breadcrumb-item",
                    **({} if link else aria(current="page")),
                )
                for label, link in items
            ],
            className="breadcrumb",
        ),
        **aria(label=texts.BREADCRUMB_LABEL),
    )


def empty_state(text: str) -> html.P:
    """Say why there is nothing to show, never a blank area."""
    return el.P(text, className="empty-state")


def local_time(moment: dt.datetime) -> str:
    """A stored UTC time as Swedish clock time (summer time included), to the minute."""
    return moment.astimezone(LOCAL_TIME).strftime("%Y-%m-%d %H:%M")


def refused(reason: str) -> html.Div:
    """Why a save was refused; nothing was written."""
    return el.Div(reason, className="alert alert-danger", role="alert")


def database_unavailable() -> html.Div:
    """The message shown in place of a page while the database does not answer."""
    return el.Div(
        [el.H1(texts.DATABASE_UNAVAILABLE_HEADING), el.P(texts.DATABASE_UNAVAILABLE_TEXT)],
        className="database-unavailable",
        role="alert",
    )


def show_more(
    summary: str,
    shown: int | None,
    total: int,
    href: Callable[[int], str],
    step: int = SHOWN_STEP,
) -> html.P | None:
    """How many rows a long list leaves out, and a link listing up to `step` more.

    The whole city has thousands of rows: building and sending them all took seconds.
    """
    if shown is None or shown >= total:
        return None
    more = shown + min(step, total - shown)
    return el.P(
        [
            summary.format(shown=shown, total=total),
            " ",
            el.Link(texts.SHOW_MORE.format(count=more - shown), href=href(more)),
        ],
        className="show-more",
    )
