"""Plotly figures as plain dicts. Each takes plain values; pages pair it with a table.

Built as dicts rather than `go.Figure`: plotly's validation costs ~10 ms per figure, a
tenth of a view's whole budget, and dcc.Graph takes the same dict (docs/performance.md).
Prognoses are dashed with hollow markers so they can never be mistaken for outcomes;
colours are distinguishable for colour-blind readers and never the only signal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dashboard.domain.model import Gender, Indicator
from dashboard.pages.indicator import OrgResult, TrendPoint
from layouts import texts

Figure = dict[str, Any]

COLOURS = {
    "total": "#00457a",
    "target": "#555555",
    "women": "#b5338a",
    "men": "#2a7d2e",
    "last": "#9db7d1",
    "riket": "#8c510a",
    "median": "#5e3c99",
}
# A reference line: its name and (year, value) points, e.g. Riket from Kolada.
Reference = tuple[str, Sequence[tuple[int, float]]]
_REFERENCE_STYLES = (  # dash and marker tell them apart without colour
    {"line": {"color": COLOURS["riket"], "dash": "dashdot"}, "marker": {"symbol": "triangle-up"}},
    {"line": {"color": COLOURS["median"], "dash": "longdash"}, "marker": {"symbol": "x"}},
)


def base_figure(title: str, unit: str, traces: list[dict[str, Any]], **layout: Any) -> Figure:
    """A figure dict with the shared Swedish layout (number format, fonts, legend)."""
    return {
        "data": traces,
        "layout": {
            "title": {"text": title, "x": 0},
            "separators": ", ",  # Swedish: decimal comma, space between thousands
            "template": {"layout": {"plot_bgcolor": "#fff", "paper_bgcolor": "#fff"}},
            "margin": {"l": 40, "r": 20, "t": 50, "b": 40},
            "legend": {"orientation": "h", "y": -0.15},
            "yaxis": {"title": {"text": unit}, "gridcolor": "#e5e5e5"},
            "xaxis": {"gridcolor": "#e5e5e5"},
            "font": {"family": "system-ui, sans-serif", "size": 14},
            **layout,
        },
    }


def _values(points: Sequence[TrendPoint], gender: Gender, field: str) -> list[float | None]:
    return [getattr(p.readings[gender], field) if gender in p.readings else None for p in points]


def _line(name: str, x: list[Any], y: list[Any], **style: Any) -> dict[str, Any]:
    return {"type": "scatter", "name": name, "x": x, "y": y, **style}


def trend_figure(
    indicator: Indicator,
    points: Sequence[TrendPoint],
    period_label: str,
    references: Sequence[Reference] = (),
) -> Figure:
    """Outcome, forecast, target and K/M over the years for one period, and reference lines
    (Riket, a group's median) beside them."""
    years = [p.year for p in points]
    traces = [
        _line(
            texts.TARGET,
            years,
            [p.target.target if p.target else None for p in points],
            mode="lines",
            line={"shape": "hv", "color": COLOURS["target"], "dash": "dot"},
        ),
        _line(
            texts.OUTCOME_TOTAL,
            years,
            _values(points, Gender.TOTAL, "outcome"),
            mode="lines+markers",
            line={"color": COLOURS["total"], "width": 3},
        ),
        _line(
            texts.FORECAST,
            years,
            _values(points, Gender.TOTAL, "forecast"),
            mode="lines+markers",
            line={"color": COLOURS["total"], "dash": "dash"},
            marker={"symbol": "circle-open", "size": 10},
        ),
    ]
    if indicator.gender_split:
        for gender, key, symbol in (
            (Gender.WOMEN, "women", "diamond"),
            (Gender.MEN, "men", "square"),
        ):
            traces.append(
                _line(
                    texts.GENDER_LABEL[gender],
                    years,
                    _values(points, gender, "outcome"),
                    mode="lines+markers",
                    line={"color": COLOURS[key]},
                    marker={"symbol": symbol},
                )
            )
    for (name, series), style in zip(references, _REFERENCE_STYLES):
        traces.append(
            _line(
                name, [y for y, _ in series], [v for _, v in series], mode="lines+markers", **style
            )
        )
    title = texts.TREND_TITLE.format(indicator=indicator.name, period=period_label)
    figure = base_figure(title, indicator.unit, traces)
    figure["layout"]["xaxis"]["dtick"] = 1
    return figure


def _bars(
    title: str, indicator: Indicator, results: Sequence[OrgResult], series: list[tuple[Any, ...]]
) -> Figure:
    names = [r.org.name for r in results]
    traces = [
        {"type": "bar", "orientation": "h", "name": name, "y": names, "x": values, "marker": marker}
        for name, values, marker in series
    ]
    figure = base_figure(
        title, indicator.unit, traces, barmode="group", height=max(300, 60 * len(results))
    )
    figure["layout"]["xaxis"]["title"] = {"text": indicator.unit}
    figure["layout"]["yaxis"] = {"automargin": True}
    return figure


def last_year_figure(indicator: Indicator, results: Sequence[OrgResult], year: int) -> Figure:
    """This year against the same period last year for each organisation."""
    return _bars(
        texts.LAST_YEAR_TITLE,
        indicator,
        results,
        [
            (str(year - 1), [r.last_year.previous for r in results], {"color": COLOURS["last"]}),
            (str(year), [r.last_year.current for r in results], {"color": COLOURS["total"]}),
        ],
    )


def gender_figure(indicator: Indicator, results: Sequence[OrgResult]) -> Figure:
    """Women and men side by side for each organisation."""
    return _bars(
        texts.GENDER_TITLE,
        indicator,
        results,
        [
            (
                texts.GENDER_LABEL[Gender.WOMEN],
                [r.genders.women for r in results],
                {"color": COLOURS["women"]},
            ),
            (
                texts.GENDER_LABEL[Gender.MEN],
                [r.genders.men for r in results],
                {"color": COLOURS["men"], "pattern": {"shape": "/"}},
            ),
        ],
    )
