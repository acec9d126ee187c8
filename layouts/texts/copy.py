"""Counted words and units (issue 20, "Plain Swedish"): the forms a number takes after it.

A text that puts a number before a noun is a `Plural`: its singular form for exactly one, its
plural form for every other count (0, 2, 1 234). `layouts.format.count` picks the form; the
rules are in docs/copy.md, and tests/test_copy.py renders every `Plural` here with 0, 1 and 2.
"""

from __future__ import annotations

from typing import NamedTuple


class Plural(NamedTuple):
    """A counted text: `one` for exactly 1, `many` otherwise; `by` names the field holding the
    count (the other fields are filled as usual)."""

    one: str
    many: str
    by: str = "count"


# Units written after a number in their singular form when the number is exactly 1 (units are
# free text in the indicator file: these are the plurals Swedish municipalities use).
UNIT_SINGULAR = {
    "dagar": "dag",
    "veckor": "vecka",
    "månader": "månad",
    "timmar": "timme",
    "minuter": "minut",
    "kronor": "krona",
    "personer": "person",
    "procentenheter": "procentenhet",
    "poäng": "poäng",
}
# Units that are not words after a number: "14,4 antal" says nothing "14,4" does not, and an
# index value is a bare number ("72", not "72 index"). The indicator's name and page say it.
UNITS_NOT_WRITTEN = frozenset({"antal", "st", "index"})

# Arrows follow the sign of a difference; the words in brackets follow the indicator's
# direction (TREND_LABEL), so a fall that is good reads "▼ −0,2 (bättre)".
SIGN_ARROW = {1: "▲", 0: "▶", -1: "▼"}

# Ej tillämpligt is not Uppgift saknas: the value does not apply here (reported as "."), so the
# indicator is left out of the goal, rather than missing (docs/rules.md §1.3).
NOT_APPLICABLE_LABEL = "Ej tillämpligt"
NOT_APPLICABLE_SYMBOL = "–"

# An Excel sheet named after a chart; ≤ 31 characters and whole words (Excel's limit).
REPORT_CHART_SHEET = "Målen per status"
DEVIATIONS_CHART_SHEET = "Avvikelser per slag"
