"""A goal's status over the last periods as a row of symbols, and its movement since the
previous period (dashboard/followup/history.py). Each point is a symbol (✓ ◐ ✗ ?) with its
period written out and its status in words for screen readers: never colour alone."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dash import html

from dashboard.domain.model import Status
from dashboard.followup.history import Point, moved
from dashboard.followup.movement import Movement
from layouts import elements as el
from layouts import texts
from layouts.components import SYMBOL, aria, shared, status_badge

PERIOD = "data-period"  # a point's short period, drawn by CSS under its symbol


def trend(points: Sequence[Point] | None) -> html.Ol | None:
    """The row of symbols, oldest first; nothing when there is no history."""
    if not points:
        return None
    return el.Ol(
        [
            _point(point.period, point.standing.status if point.standing else None)
            for point in points
        ],
        className="status-trend",
        **aria(label=texts.STATUS_TREND_LABEL),
    )


@shared
def _point(when: tuple[int, str], status: Status | None) -> html.Li:
    year, period = when
    short = texts.TREND_PERIOD.get(period, period)
    words = texts.STATUS_LABEL[status] if status else texts.TREND_NOT_JUDGED
    symbol = texts.STATUS_SYMBOL[status] if status else texts.TREND_NOT_JUDGED_SYMBOL
    return el.Li(
        el.Span(
            texts.TREND_POINT.format(period=short, year=year, status=words),
            className="visually-hidden",
        ),
        className=f"status-trend-point status-{status or 'none'}",
        **{SYMBOL: symbol, PERIOD: f"{short} {year % 100:02d}"},
    )


def since_line(points: Sequence[Point] | None) -> html.P | None:
    """ "Förra perioden, tertial 1 (jan–apr) 2026: ◐ Delvis uppfyllt · ▲ Förbättrad"."""
    before, movement = moved(points or [])
    if before is None:
        return None
    year, period = before.period
    status = before.standing.status if before.standing else None
    parts: list[Any] = [
        texts.PREVIOUS_PERIOD.format(period=texts.PERIOD_LABEL[period].lower(), year=year),
        " ",
        status_badge(status) if status else texts.TREND_NOT_JUDGED,
    ]
    if movement:
        parts += [" · ", movement_word(movement)]
    return el.P(parts, className="since-line")


@shared
def movement_word(movement: Movement) -> html.Span:
    """ "▲ Förbättrad": the symbol for the eye, the word for everyone."""
    return el.Span(
        texts.MOVEMENT_LABEL[movement],
        className=f"movement movement-{movement}",
        **{SYMBOL: texts.MOVEMENT_SYMBOL[movement]},
    )
