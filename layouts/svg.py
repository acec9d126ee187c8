"""The few SVG pieces the charts are drawn with, as text.

A chart is drawn on the server into one SVG image, so the browser paints it with the page: no
chart library to fetch, evaluate and run after the content (docs/performance.md, "Issue 20:
charts drawn on the server"). Sizes are in CSS pixels at the width the image is drawn for.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Liberation Sans', Arial, sans-serif"
INK = "#212529"
MUTED = "#555"
GRID = "#e5e5e5"
FONT_SIZE = 13
# An average glyph's width as a share of the font size, a little generous, for system sans fonts:
# labels are measured without a browser, so they are given room rather than clipped.
GLYPH_WIDTH = 0.58
DASHES = {  # a line's dash pattern tells it apart without colour
    "solid": None,
    "dash": "8 5",
    "dot": "2 4",
    "dashdot": "8 4 2 4",
    "longdash": "14 5",
}


# What a data: address cannot hold as it is: "%" starts an escape, "#" would end it, and srcset
# splits on whitespace (no-break spaces too, to be safe). Everything else may stay: the browser
# encodes the rest. (Chained replaces: str.translate with a dict is ten times slower here.)
_URI = (
    ("%", "%25"),
    ("#", "%23"),
    (" ", "%20"),
    ("\t", "%09"),
    ("\n", "%0A"),
    ("\r", "%0D"),
    ("\f", "%0C"),
    ("\xa0", "%C2%A0"),
    ('"', "%22"),
)


# What XML 1.0 cannot hold at all: a name imported with one would leave the image unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _escaped(words: str) -> str:
    """Text safe inside an element or a single-quoted attribute."""
    words = _NOT_XML.sub("", words)
    return (
        words.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
    )


def _attributes(attrs: dict[str, object]) -> str:
    return "".join(
        f" {name.rstrip('_').replace('_', '-')}='{_escaped(str(value))}'"
        for name, value in attrs.items()
        if value is not None
    )


def element(tag: str, content: str = "", /, **attrs: object) -> str:
    """One element; attribute names in Python style (stroke_width → stroke-width)."""
    return (
        f"<{tag}{_attributes(attrs)}>{content}</{tag}>"
        if content
        else f"<{tag}{_attributes(attrs)}/>"
    )


def text(x: float, y: float, words: str, anchor: str = "start", **attrs: object) -> str:
    """A line of text whose baseline starts (or ends, or centres) at (x, y)."""
    return element(
        "text",
        _escaped(words),
        x=_n(x),
        y=_n(y),
        text_anchor=None if anchor == "start" else anchor,
        **attrs,
    )


def polyline(points: Sequence[tuple[float, float]], colour: str, width: float, dash: str) -> str:
    return element(
        "polyline",
        points=" ".join(f"{_n(x)},{_n(y)}" for x, y in points),
        fill="none",
        stroke=colour,
        stroke_width=width,
        stroke_dasharray=DASHES[dash],
        stroke_linejoin="round",
    )


def line(x1: float, y1: float, x2: float, y2: float, colour: str = GRID, **attrs: object) -> str:
    return element("line", x1=_n(x1), y1=_n(y1), x2=_n(x2), y2=_n(y2), stroke=colour, **attrs)


def rect(x: float, y: float, width: float, height: float, fill: str) -> str:
    return element("rect", x=_n(x), y=_n(y), width=_n(width), height=_n(height), fill=fill)


def marker(symbol: str, x: float, y: float, colour: str, size: float = 8) -> str:
    """A point's mark: its shape tells the series apart where colour cannot."""
    r = size / 2
    filled = {"fill": colour, "stroke": colour}
    if symbol == "circle":
        return element("circle", cx=_n(x), cy=_n(y), r=_n(r), **filled)
    if symbol == "circle-open":
        return element(
            "circle", cx=_n(x), cy=_n(y), r=_n(r), fill="#fff", stroke=colour, stroke_width=2
        )
    if symbol == "square":
        return rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7, colour)
    corners = {
        "diamond": ((0, -r * 1.2), (r, 0), (0, r * 1.2), (-r, 0)),
        "triangle-up": ((0, -r * 1.1), (r, r * 0.8), (-r, r * 0.8)),
    }
    if symbol in corners:
        points = " ".join(f"{_n(x + dx)},{_n(y + dy)}" for dx, dy in corners[symbol])
        return element("polygon", points=points, **filled)
    a, b, c, d = _n(x - r), _n(y - r), _n(x + r), _n(y + r)
    return element("path", d=f"M{a},{b}L{c},{d}M{a},{d}L{c},{b}", stroke=colour, stroke_width=2.5)


def hatch(pattern_id: str, colour: str) -> str:
    """A striped fill, for a series that must differ from its neighbour without colour."""
    stripes = line(0, 0, 0, 6, "#fff", stroke_width=2.5)
    return element(
        "pattern",
        rect(0, 0, 6, 6, colour) + stripes,
        id=pattern_id,
        width=6,
        height=6,
        patternUnits="userSpaceOnUse",
        patternTransform="rotate(45)",
    )


def document(width: float, height: float, body: Iterable[str], defs: str = "") -> str:
    """A whole SVG image of `width` × `height` CSS pixels."""
    inner = (element("defs", defs) if defs else "") + "".join(body)
    return element(
        "svg",
        inner,
        xmlns="http://www.w3.org/2000/svg",
        width=_n(width),
        height=_n(height),
        viewBox=f"0 0 {_n(width)} {_n(height)}",
        font_family=FONT,
        font_size=FONT_SIZE,
        fill=INK,
    )


def data_uri(svg: str) -> str:
    """The image as a `data:` address, for `img src` and `source srcset` alike; its words stay
    readable in the page's source."""
    for character, code in _URI:
        svg = svg.replace(character, code)
    return "data:image/svg+xml," + svg


def text_width(words: str, size: float = FONT_SIZE) -> float:
    """The room a text takes, estimated (no browser measures it here)."""
    return len(words) * size * GLYPH_WIDTH


def clipped(words: str, width: float, size: float = FONT_SIZE) -> str:
    """`words` cut with "…" to fit `width`; the whole text is in the table beside the chart."""
    fits = int(width / (size * GLYPH_WIDTH))
    return words if len(words) <= fits else words[: max(fits - 1, 1)].rstrip() + "…"


@dataclass(frozen=True)
class Scale:
    """Values from `low` to `high` onto pixels from `start` to `end` (end < start for y)."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        span = self.high - self.low or 1.0
        return self.start + (value - self.low) / span * (self.end - self.start)


def nice_ticks(low: float, high: float, most: int = 6) -> list[float]:
    """Round tick values (1, 2, 2.5 or 5 × 10ⁿ apart) covering low..high, at most about `most`."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return [0.0]
    if high == low:
        low, high = (
            (low - 1, high + 1) if low == 0 else (low - abs(low) / 10, high + abs(high) / 10)
        )
    raw = (high - low) / max(most - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(f * power for f in (1, 2, 2.5, 5, 10) if f * power >= raw)
    first = math.floor(low / step + 1e-9) * step
    count = math.ceil((high - first) / step - 1e-9) + 1
    return [round(first + i * step, 10) for i in range(count)]


def tick_decimals(ticks: Sequence[float]) -> int:
    """The fewest decimals that write every tick exactly (2.5 needs one, 0.25 two)."""
    return next(
        (d for d in range(7) if all(abs(t * 10**d - round(t * 10**d)) < 1e-6 for t in ticks)), 6
    )


def _n(value: float) -> str:
    """A coordinate with at most one decimal: smaller images, no visible difference."""
    rounded = round(float(value), 1)
    return str(int(rounded)) if rounded.is_integer() else str(rounded)
