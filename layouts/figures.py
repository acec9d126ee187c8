"""Plotly figures. Each takes plain values and returns a `go.Figure`; pages pair it with a table.

Prognoses are dashed with hollow markers so they can never be mistaken for outcomes;
colours are distinguishable for colour-blind readers and never the only signal.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from dashboard.indicator_view import OrgResult, TrendPoint
from dashboard.model import Gender, Indicator
from layouts import texts

COLOURS = {"total": "#00457a", "target": "#555555", "women": "#b5338a", "men": "#2a7d2e", "last": "#9db7d1"}


def _base(title: str, unit: str) -> go.Figure:
    figure = go.Figure()
    figure.update_layout(
        title={"text": title, "x": 0},
        separators=", ",  # Swedish: decimal comma, space between thousands
        template="plotly_white",
        margin={"l": 40, "r": 20, "t": 50, "b": 40},
        legend={"orientation": "h", "y": -0.15},
        yaxis_title=unit,
        font={"family": "system-ui, sans-serif", "size": 14},
    )
    return figure


def _values(points: Sequence[TrendPoint], gender: Gender, field: str) -> list[float | None]:
    return [getattr(p.readings[gender], field) if gender in p.readings else None for p in points]


def trend_figure(indicator: Indicator, points: Sequence[TrendPoint], period_label: str) -> go.Figure:
    """Outcome, forecast, target and K/M over the years for one period."""
    years = [p.year for p in points]
    figure = _base(texts.TREND_TITLE.format(indicator=indicator.name, period=period_label), indicator.unit)
    figure.add_scatter(
        x=years, y=[p.target.target if p.target else None for p in points], name=texts.TARGET,
        mode="lines", line={"shape": "hv", "color": COLOURS["target"], "dash": "dot"},
    )
    figure.add_scatter(
        x=years, y=_values(points, Gender.TOTAL, "outcome"), name=texts.OUTCOME_TOTAL,
        mode="lines+markers", line={"color": COLOURS["total"], "width": 3},
    )
    figure.add_scatter(
        x=years, y=_values(points, Gender.TOTAL, "forecast"), name=texts.FORECAST,
        mode="lines+markers", line={"color": COLOURS["total"], "dash": "dash"},
        marker={"symbol": "circle-open", "size": 10},
    )
    if indicator.gender_split:
        for gender, key in ((Gender.WOMEN, "women"), (Gender.MEN, "men")):
            figure.add_scatter(
                x=years, y=_values(points, gender, "outcome"), name=texts.GENDER_LABEL[gender],
                mode="lines+markers", line={"color": COLOURS[key]},
                marker={"symbol": "diamond" if gender is Gender.WOMEN else "square"},
            )
    figure.update_xaxes(dtick=1)
    return figure


def last_year_figure(indicator: Indicator, results: Sequence[OrgResult], year: int) -> go.Figure:
    """This year against the same period last year for each organisation."""
    names = [r.org.name for r in results]
    figure = _base(texts.LAST_YEAR_TITLE, indicator.unit)
    figure.add_bar(y=names, x=[r.last_year.previous for r in results], name=str(year - 1),
                   orientation="h", marker={"color": COLOURS["last"]})
    figure.add_bar(y=names, x=[r.last_year.current for r in results], name=str(year),
                   orientation="h", marker={"color": COLOURS["total"]})
    figure.update_layout(barmode="group", height=max(300, 60 * len(results)), xaxis_title=indicator.unit,
                         yaxis_title=None)
    return figure


def gender_figure(indicator: Indicator, results: Sequence[OrgResult]) -> go.Figure:
    """Women and men side by side for each organisation."""
    names = [r.org.name for r in results]
    figure = _base(texts.GENDER_TITLE, indicator.unit)
    figure.add_bar(y=names, x=[r.genders.women for r in results], name=texts.GENDER_LABEL[Gender.WOMEN],
                   orientation="h", marker={"color": COLOURS["women"]})
    figure.add_bar(y=names, x=[r.genders.men for r in results], name=texts.GENDER_LABEL[Gender.MEN],
                   orientation="h", marker={"color": COLOURS["men"], "pattern": {"shape": "/"}})
    figure.update_layout(barmode="group", height=max(300, 60 * len(results)), xaxis_title=indicator.unit,
                         yaxis_title=None)
    return figure
