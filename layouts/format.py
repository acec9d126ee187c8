"""Numbers and quantities in plain Swedish: one place decides how a number, a counted noun and a
signed difference are written, so no page says "1 uppfyllda", "−1 dagar" or "14,4 antal".

The rules, with examples, are in docs/copy.md.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from dashboard.domain.rules import exact, round_half_up
from layouts import texts

NBSP = "\u00a0"  # keeps "1 234,5 %" on one line
MINUS = "\u2212"  # the typographic minus sign
SHARE_UNIT = "%"  # a difference of two shares is in procentenheter, never in per cent


def _rounded(value: float, decimals: int) -> Decimal:
    # the decimal as written, so 2.675 rounds to 2.68 as a person would; the trend words round alike
    return round_half_up(exact(value), decimals)


def shown_unit(unit: str, one: bool = False) -> str:
    """The unit as written after a number: none for "antal" or "index", singular after a number
    written exactly 1 ("1 dag", "−1 dag"; "1,0 dagar" as Swedish says), else as given."""
    if unit in texts.UNITS_NOT_WRITTEN:
        return ""
    return texts.UNIT_SINGULAR.get(unit, unit) if one else unit


def format_number(value: float | None, decimals: int = 0, unit: str = "") -> str:
    """A number in Swedish style, "1 234,5 %" (rounded half up), or "–" when it is missing."""
    if value is None or not math.isfinite(value):
        return texts.MISSING_VALUE
    rounded = _rounded(value, decimals)
    text = f"{abs(rounded):,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    if rounded < 0:  # a value rounding to zero gets no sign
        text = MINUS + text
    unit = shown_unit(unit, one=decimals <= 0 and abs(rounded) == 1)
    return f"{text}{NBSP}{unit}" if unit else text


def format_percent(share: float | None, decimals: int = 0) -> str:
    """A share in [0, 1] as a Swedish percentage, e.g. 0.8 → "80 %"."""
    return format_number(None if share is None else share * 100, decimals, SHARE_UNIT)


def count(forms: texts.Plural, n: int, **fields: Any) -> str:
    """A counted text in the right form: count(Plural("{count} dag", "{count} dagar"), 1) is
    "1 dag"; the count is written as a number ("1 234") into the field `forms.by`."""
    template = forms.one if n == 1 else forms.many
    return template.format(**{forms.by: format_number(n)}, **fields)


def difference_unit(unit: str, short: bool = False) -> str:
    """The unit of a difference of two values in `unit`: procentenheter (p.e.) for shares."""
    if unit != SHARE_UNIT:
        return unit
    return texts.PERCENTAGE_POINTS_SHORT if short else texts.PERCENTAGE_POINTS


def difference(value: float | None, decimals: int, unit: str, short: bool = False) -> str:
    """A signed difference, "+1,5 procentenheter", "−1 dag", "0 %" → "0 procentenheter"; "–"
    when missing."""
    return _signed(value, decimals, format_number(value, decimals, difference_unit(unit, short)))


def relative_difference(share: float | None, decimals: int = 1) -> str:
    """A signed difference relative to its base, a share written in per cent: 0.123 →
    "+12,3 %" (per cent, not procentenheter: it is no difference of two shares); "–" when
    missing."""
    value = None if share is None else share * 100
    return _signed(value, decimals, format_number(value, decimals, SHARE_UNIT))


def _signed(value: float | None, decimals: int, text: str) -> str:
    # an explicit + when the value is above zero as written; a minus is format_number's
    if value is not None and math.isfinite(value) and _rounded(value, decimals) > 0:
        return "+" + text
    return text


def arrow(value: float, decimals: int) -> str:
    """▲ for a difference that rounds above zero, ▼ below, ▶ at zero: the arrow follows the sign
    as written, never the judgement (that is in words)."""
    rounded = _rounded(value, decimals)
    return texts.SIGN_ARROW[(rounded > 0) - (rounded < 0)]


def count_list(forms: Sequence[texts.Plural], numbers: Sequence[int]) -> str:
    """Several counts in a row, each in its form: "1 ny, 2 ändrade, 0 oförändrade"."""
    return texts.LIST_SEPARATOR.join(count(f, n) for f, n in zip(forms, numbers, strict=True))
