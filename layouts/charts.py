"""Charts drawn on the server as SVG images, so the browser paints them with the page.

Plotly drew them in the browser after the page: its bundle (1.2 MB) was fetched and evaluated
and each chart laid out, which kept every chart page from being complete within a second
(docs/performance.md, "Issue 20: charts drawn on the server"). Each chart is drawn twice, for a
wide column and for a phone, and the browser picks by the window's width, so text keeps its
size.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby

from dash import html

from layouts import svg
from layouts.figures import BarChart, Bars, LineChart, Series
from layouts.format import format_number

WIDE, NARROW = 760, 360  # CSS pixels: the page's column, and a phone's
NARROW_BELOW = 600  # the window width under which the narrow image is used
LEGEND_ROW = 22
BAR, BAR_GAP, ROW_GAP = 16, 2, 14


def chart(figure: LineChart | BarChart, label: str) -> html.Figure:
    """A chart as an image with its title as caption; `label` is what a screen reader hears
    (its numbers are in the table beside it)."""
    return html.Figure(
        [
            html.Figcaption(figure.title, className="chart-title"),
            html.Picture(
                [
                    html.Source(
                        srcSet=svg.data_uri(_draw(figure, NARROW)),
                        media=f"(max-width: {NARROW_BELOW}px)",
                    ),
                    html.Img(src=svg.data_uri(_draw(figure, WIDE)), alt=label, className="chart"),
                ]
            ),
        ],
        className="figure",
    )


def _draw(figure: LineChart | BarChart, width: int) -> str:
    return draw_lines(figure, width) if isinstance(figure, LineChart) else draw_bars(figure, width)


def _legend(items: Sequence[tuple[str, str]], top: float, width: float) -> tuple[str, float]:
    """Legend entries (swatch, name) in as many columns as fit; the SVG and its height."""
    column = min(max(svg.text_width(name) for _, name in items) + 56, width - 8)
    columns = max(1, int(width // column))
    parts = []
    for i, (swatch, name) in enumerate(items):
        x, y = 4 + (i % columns) * column, top + (i // columns) * LEGEND_ROW
        parts.append(f"<g transform='translate({x},{y})'>{swatch}</g>")
        parts.append(svg.text(x + 38, y + 5, svg.clipped(name, column - 44)))
    rows = -(-len(items) // columns)
    return "".join(parts), rows * LEGEND_ROW


def _line_swatch(series: Series) -> str:
    mark = svg.marker(series.marker, 15, 0, series.colour) if series.marker else ""
    return svg.polyline([(0, 0), (30, 0)], series.colour, series.width, series.dash) + mark


def _runs(
    xs: Sequence[float], values: Sequence[float | None]
) -> Iterator[list[tuple[float, float]]]:
    """The stretches without a gap: a missing year breaks the line, it is never bridged."""
    pairs = zip(xs, values, strict=True)
    for present, run in groupby(pairs, key=lambda pair: pair[1] is not None):
        if present:
            yield [(x, v) for x, v in run if v is not None]


def draw_lines(figure: LineChart, width: int) -> str:
    """Lines over the years, with the unit above the value axis and the legend below."""
    values = [v for s in figure.series for v in s.values if v is not None]
    ticks = svg.nice_ticks(min(values, default=0.0), max(values, default=1.0), 6)
    decimals = svg.tick_decimals(ticks)
    tick_labels = [format_number(t, decimals) for t in ticks]
    left = max(svg.text_width(t) for t in tick_labels) + 12
    top, plot_height, right = 26, 230 if width > NARROW else 200, width - 12
    bottom = top + plot_height
    y = svg.Scale(ticks[0], ticks[-1], bottom, top)
    band = (right - left) / max(len(figure.years), 1)
    xs = [left + band * (i + 0.5) for i in range(len(figure.years))]
    every = max(1, int(44 // band) + 1) if band < 44 else 1
    body = [svg.text(4, 14, figure.unit, fill=svg.MUTED)] if figure.unit else []
    for tick, words in zip(ticks, tick_labels, strict=True):
        body.append(svg.line(left, y(tick), right, y(tick)))
        body.append(svg.text(left - 6, y(tick) + 4, words, "end", fill=svg.MUTED))
    body += [
        svg.text(x, bottom + 20, str(year), "middle", fill=svg.MUTED)
        for i, (x, year) in enumerate(zip(xs, figure.years, strict=True))
        if i % every == (len(xs) - 1) % every  # the latest year is always labelled
    ]
    for series in sorted(figure.series, key=lambda s: s.width):  # the outcome on top
        for run in _runs(xs, series.values):
            if series.level:
                points = [p for x, v in run for p in ((x - band / 2, y(v)), (x + band / 2, y(v)))]
            else:
                points = [(x, y(v)) for x, v in run]
            if len(points) > 1:
                body.append(svg.polyline(points, series.colour, series.width, series.dash))
            if series.marker:
                body += [svg.marker(series.marker, x, y(v), series.colour) for x, v in run]
    legend, legend_height = _legend(
        [(_line_swatch(s), s.name) for s in figure.series], bottom + 44, width
    )
    return svg.document(width, bottom + 36 + legend_height, [*body, legend])


def _bar_labels(bars: Bars, decimals: int, unit: str) -> list[str]:
    if bars.labels is not None:
        return list(bars.labels)
    return [format_number(v, decimals, unit) for v in bars.values]  # "–" where one is missing


def _fill(index: int, bars: Bars) -> str:
    return f"url(#s{index})" if bars.striped else bars.colour


def _value_axis(x: svg.Scale, ticks: Sequence[float], top: float, bottom: float) -> list[str]:
    decimals = svg.tick_decimals(ticks)
    parts = []
    for tick in ticks:
        parts.append(svg.line(x(tick), top, x(tick), bottom))
        words = format_number(tick, decimals)
        parts.append(svg.text(x(tick), bottom + 16, words, "middle", fill=svg.MUTED))
    return [*parts, svg.line(x(0), top, x(0), bottom, "#888")]  # zero, where bars start


def _bar(x: svg.Scale, index: int, bars: Bars, value: float | None, words: str, top: float) -> str:
    """One bar with its label at its end; a missing value has no bar, only its label."""
    if value is None:
        return svg.text(x(0) + 4, top + 12, words, fill=svg.MUTED)
    start, end = sorted((x(0), x(value)))
    label = (
        svg.text(start - 4, top + 12, words, "end")
        if value < 0
        else svg.text(end + 4, top + 12, words)
    )
    return svg.rect(start, top, max(end - start, 1), BAR, _fill(index, bars)) + label


def draw_bars(figure: BarChart, width: int) -> str:
    """Bars side by side per row, each labelled with its value at its end; a row's name to the
    left, or above its bars on a phone. A missing value has no bar and says so."""
    narrow = width <= NARROW
    labels = [_bar_labels(b, figure.decimals, figure.unit) for b in figure.bars]
    legend, legend_height = _legend(
        [(svg.rect(6, -8, 18, 14, _fill(i, b)), b.name) for i, b in enumerate(figure.bars)],
        14,
        width,
    )
    names_width = (
        0.0 if narrow else min(max(map(svg.text_width, figure.rows), default=0) + 12, 0.38 * width)
    )
    label_room = max((svg.text_width(t) for ls in labels for t in ls), default=0) + 8
    values = [v for b in figure.bars for v in b.values if v is not None]
    low, high = figure.domain or (min([0.0, *values]), max([1.0, *values]))
    ticks = svg.nice_ticks(low, high, 4 if narrow else 6)
    low, high = min(low, ticks[0]), max(high, ticks[-1])
    left = names_width + 12 + (label_room if low < 0 else 0)  # room for the first tick's value
    x = svg.Scale(low, high, left, width - label_room - 4)
    name_line = 18 if narrow else 0
    group = len(figure.bars) * (BAR + BAR_GAP) - BAR_GAP
    pitch = group + ROW_GAP + name_line
    top = legend_height + 16
    bottom = top + len(figure.rows) * pitch
    body = [legend, *_value_axis(x, ticks, top - 4, bottom)]
    for r, name in enumerate(figure.rows):
        row_top = top + r * pitch
        if narrow:
            body.append(svg.text(4, row_top + 13, svg.clipped(name, width - 8)))
        else:
            shown = svg.clipped(name, names_width - 12)
            body.append(svg.text(names_width - 8, row_top + group / 2 + 4, shown, "end"))
        body += [
            _bar(
                x, i, bars, bars.values[r], labels[i][r], row_top + name_line + i * (BAR + BAR_GAP)
            )
            for i, bars in enumerate(figure.bars)
        ]
    body.append(svg.text(left, bottom + 36, figure.axis, fill=svg.MUTED))
    defs = "".join(svg.hatch(f"s{i}", b.colour) for i, b in enumerate(figure.bars) if b.striped)
    return svg.document(width, bottom + 44, body, defs)
