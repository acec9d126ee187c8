"""What each chart shows, as plain values: the series, their names and how each is told apart.

`layouts/charts.py` draws them as images on the server; a page pairs each with a table of the
same numbers. Prognoses are dashed with hollow markers so they can never be mistaken for
outcomes; colours are distinguishable for colour-blind readers and never the only signal (dash,
marker shape and stripes say the same).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dashboard.domain.model import Gender, Indicator
from dashboard.pages.indicator import OrgResult, TrendPoint
from layouts import texts

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
_REFERENCE_STYLES = (("riket", "dashdot", "triangle-up"), ("median", "longdash", "x"))


@dataclass(frozen=True)
class Series:
    """One line over the years. A `level` is drawn as a step for each whole year (a target
    holds for its year), not as a line from point to point."""

    name: str
    values: tuple[float | None, ...]
    colour: str
    dash: str = "solid"
    width: float = 2
    marker: str | None = "circle"
    level: bool = False


@dataclass(frozen=True)
class LineChart:
    title: str
    unit: str
    years: tuple[int, ...]
    series: tuple[Series, ...]
    decimals: int = 0


@dataclass(frozen=True)
class Bars:
    """One bar per row; `labels`, when given, are written at the bars' ends instead of the
    values ("" for none)."""

    name: str
    values: tuple[float | None, ...]
    colour: str
    striped: bool = False
    labels: tuple[str, ...] | None = None


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars side by side for each row (an organisation), in the order given."""

    title: str
    axis: str
    rows: tuple[str, ...]
    bars: tuple[Bars, ...]
    decimals: int = 0
    unit: str = ""
    domain: tuple[float, float] | None = None


def _by_year(values: Mapping[int, float | None], years: Sequence[int]) -> tuple[float | None, ...]:
    return tuple(values.get(year) for year in years)


def _values(
    points: Sequence[TrendPoint], gender: Gender, field: str, years: Sequence[int]
) -> tuple[float | None, ...]:
    return _by_year(
        {p.year: getattr(p.readings[gender], field) for p in points if gender in p.readings}, years
    )


def trend_figure(
    indicator: Indicator,
    points: Sequence[TrendPoint],
    period_label: str,
    references: Sequence[Reference] = (),
) -> LineChart:
    """Outcome, forecast, target and K/M over the years for one period, and reference lines
    (Riket, a group's median) beside them."""
    # Kolada's years may reach further back than our own: the axis holds both, and every year
    # between them, so a year without values is a gap and not a shorter step
    known = {p.year for p in points}.union(y for _, s in references for y, _ in s)
    years = tuple(range(min(known), max(known) + 1)) if known else ()
    series = [
        Series(
            texts.TARGET,
            _by_year({p.year: p.target.target for p in points if p.target}, years),
            COLOURS["target"],
            dash="dot",
            marker=None,
            level=True,
        ),
        Series(
            texts.OUTCOME_TOTAL,
            _values(points, Gender.TOTAL, "outcome", years),
            COLOURS["total"],
            width=3,
        ),
        Series(
            texts.FORECAST,
            _values(points, Gender.TOTAL, "forecast", years),
            COLOURS["total"],
            dash="dash",
            marker="circle-open",
        ),
    ]
    if indicator.gender_split:
        series += [
            Series(
                texts.GENDER_LABEL[gender],
                _values(points, gender, "outcome", years),
                COLOURS[key],
                marker=symbol,
            )
            for gender, key, symbol in (
                (Gender.WOMEN, "women", "diamond"),
                (Gender.MEN, "men", "square"),
            )
        ]
    for (name, reference), (key, dash, symbol) in zip(references, _REFERENCE_STYLES):
        series.append(
            Series(name, _by_year(dict(reference), years), COLOURS[key], dash=dash, marker=symbol)
        )
    title = texts.TREND_TITLE.format(indicator=indicator.name, period=period_label)
    return LineChart(title, indicator.unit, years, tuple(series), indicator.decimals)


def _bars(
    title: str, indicator: Indicator, results: Sequence[OrgResult], bars: Sequence[Bars]
) -> BarChart:
    return BarChart(
        title,
        indicator.unit,
        tuple(r.org.name for r in results),
        tuple(bars),
        indicator.decimals,
        indicator.unit,
    )


def last_year_figure(indicator: Indicator, results: Sequence[OrgResult], year: int) -> BarChart:
    """This year against the same period last year for each organisation."""
    return _bars(
        texts.LAST_YEAR_TITLE,
        indicator,
        results,
        [
            Bars(str(year - 1), tuple(r.last_year.previous for r in results), COLOURS["last"]),
            Bars(str(year), tuple(r.last_year.current for r in results), COLOURS["total"]),
        ],
    )


def gender_figure(indicator: Indicator, results: Sequence[OrgResult]) -> BarChart:
    """Women and men side by side for each organisation."""
    return _bars(
        texts.GENDER_TITLE,
        indicator,
        results,
        [
            Bars(
                texts.GENDER_LABEL[Gender.WOMEN],
                tuple(r.genders.women for r in results),
                COLOURS["women"],
            ),
            Bars(
                texts.GENDER_LABEL[Gender.MEN],
                tuple(r.genders.men for r in results),
                COLOURS["men"],
                striped=True,
            ),
        ],
    )
