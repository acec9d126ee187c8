"""Plain Swedish (issue 20): every counted text in the catalog agrees with its number, and
numbers, units and differences are written one way (layouts/format.py, docs/copy.md)."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Iterator
from typing import Any

import pytest

from callbacks import downloads
from dashboard.domain.model import Direction, Status, Trend
from dashboard.domain.rules import Change
from layouts import texts
from layouts.components import change_cell
from layouts.format import count, difference, format_number, relative_difference
from layouts.texts.copy import Plural
from layouts.urls import ViewState

DAY = dt.date(2026, 9, 14)

# Fields that hold a count wherever the catalog uses them.
COUNT_FIELDS = {
    "count",
    "met",
    "total",
    "rows",
    "new",
    "changed",
    "unchanged",
    "inserted",
    "updated",
    "deleted",
    "restored",
    "flagged",
    "goals",
    "on_forecast",
    "on_track",
    "late",
    "behind",
    "done",
    "minimum",
    "requests",
    "part",
}
# Words that read the same after 1 and after 2 (or are not nouns a count agrees with).
INVARIANT = {
    "mål",
    "fel",
    "fält",
    "av",
    "till",
    "enligt",
    "i",
    "poäng",
    "mb",
    "delvis",
    "på",
    "ändå",
}
# Texts shown only for counts of 2 or more (more rows than shown, more columns than allowed).
NEVER_ONE = {
    "ROWS_SHOWN",
    "DEVIATIONS_SHOWN",
    "INDICATORS_SHOWN",
    "ORGS_SHOWN",
    "IMPORT_ISSUES[<ImportIssue.TOO_MANY_COLUMNS: 'too-many-columns'>][0]",
}
# Plural words that must never follow a bare 1, besides those the catalog's own Plurals show.
KNOWN_PLURALS = {"dagar", "procentenheter", "aktiviteter", "indikatorer", "rader"}
NOT_PLURALS = {"count", "bara", "färre", "antal", "visas", "som"}  # differ for other reasons
SINGULAR_ENDINGS_ALLOWED = {"under", "efter", "över", "per", "mer", "klar", "saknar", "indikator"}


def _catalog() -> Iterator[tuple[str, Any]]:
    """(name, value) for every text in the catalog, mappings and tuples opened."""

    def walk(name: str, value: Any) -> Iterator[tuple[str, Any]]:
        if isinstance(value, Plural) or isinstance(value, str):
            yield name, value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from walk(f"{name}[{key!r}]", item)
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                yield from walk(f"{name}[{i}]", item)

    for name in dir(texts):
        if name.isupper():
            yield from walk(name, getattr(texts, name))


PLURALS = [(name, value) for name, value in _catalog() if isinstance(value, Plural)]
STRINGS = [(name, value) for name, value in _catalog() if isinstance(value, str)]


def _fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


PLURAL_WORDS = (
    set().union(*(_words(p.many) - _words(p.one) for _, p in PLURALS)) - NOT_PLURALS
) | KNOWN_PLURALS


def test_the_catalog_has_counted_texts():
    assert len(PLURALS) > 20


@pytest.mark.parametrize("name, forms", PLURALS, ids=[n for n, _ in PLURALS])
def test_every_counted_text_renders_with_0_1_and_2_in_the_right_form(name, forms):
    fields = (_fields(forms.one) | _fields(forms.many)) - {forms.by}
    filled = {field: "X" for field in fields}
    one, zero, two = (count(forms, n, **filled) for n in (1, 0, 2))
    assert one == forms.one.format(**{forms.by: "1"}, **filled)
    assert zero == forms.many.format(**{forms.by: "0"}, **filled)
    assert two == forms.many.format(**{forms.by: "2"}, **filled)
    after_one = re.findall(r"(?<![\d,])1 (?:ej |◌ )?(\w+) ?(\w*)", one)
    assert not [
        first
        for first, second in after_one
        if {first, second} & PLURAL_WORDS
        or (re.search(r"(or|er|ar|na)$", first) and first not in SINGULAR_ENDINGS_ALLOWED)
    ], f"{name}: a plural after 1 in {one!r}"


@pytest.mark.parametrize("name, template", STRINGS, ids=[n for n, _ in STRINGS])
def test_no_plain_text_puts_a_count_before_a_noun(name, template):
    """A count followed by a word that changes with the number must be a Plural."""
    if name in NEVER_ONE:
        return
    for field in _fields(template) & COUNT_FIELDS:
        for word in re.findall(r"\{" + field + r"\} (\w+)", template):
            assert word.lower() in INVARIANT, f"{name}: {{{field}}} {word}"


@pytest.mark.parametrize(
    "value, decimals, unit, written",
    [
        (14.4, 1, "antal", "14,4"),
        (72, 0, "index", "72"),
        (1, 0, "dagar", "1\u00a0dag"),
        (-1, 0, "dagar", "\u22121\u00a0dag"),
        (1.0, 1, "dagar", "1,0\u00a0dagar"),
        (1.5, 1, "dagar", "1,5\u00a0dagar"),
        (0, 0, "dagar", "0\u00a0dagar"),
        (1234.5, 1, "kr", "1\u00a0234,5\u00a0kr"),
        (85, 0, "%", "85\u00a0%"),
    ],
)
def test_a_number_is_written_with_its_unit_as_a_person_says_it(value, decimals, unit, written):
    assert format_number(value, decimals, unit) == written


@pytest.mark.parametrize(
    "value, unit, short, written",
    [
        (-1, "%", False, "\u22121\u00a0procentenhet"),
        (2, "%", False, "+2\u00a0procentenheter"),
        (-1.4, "%", True, "\u22121\u00a0p.e."),
        (-1, "dagar", False, "\u22121\u00a0dag"),
        (0.4, "antal", False, "0"),
        (0.6, "antal", False, "+1"),
        (0, "%", False, "0\u00a0procentenheter"),
        (None, "%", False, texts.MISSING_VALUE),
    ],
)
def test_a_difference_is_signed_and_a_difference_of_shares_is_in_procentenheter(
    value, unit, short, written
):
    assert difference(value, 0, unit, short) == written


@pytest.mark.parametrize(
    "share, written",
    [
        (0.05, "+5,0\u00a0%"),
        (-0.123, "\u221212,3\u00a0%"),
        (-0.0004, "0,0\u00a0%"),
        (None, texts.MISSING_VALUE),
    ],
)
def test_a_relative_difference_is_signed_and_in_per_cent(share, written):
    assert relative_difference(share) == written  # of its base: no procentenheter


def _cell_text(component: Any) -> str:
    children = getattr(component, "children", component)
    if isinstance(children, list):
        return "".join(_cell_text(c) for c in children)
    return "" if children is None else str(children)


@pytest.mark.parametrize(
    "absolute, trend, written",
    [
        (-0.2, Trend.BETTER, "▼−0,2 (bättre)"),  # lower is better, and it fell
        (0.2, Trend.WORSE, "▲+0,2 (sämre)"),  # lower is better, and it rose
        (0.2, Trend.BETTER, "▲+0,2 (bättre)"),
        (-0.2, Trend.WORSE, "▼−0,2 (sämre)"),
        (0.0, Trend.UNCHANGED, "▶0,0 (oförändrat)"),
    ],
)
def test_the_arrow_follows_the_sign_and_the_word_follows_the_direction(absolute, trend, written):
    change = Change(None, None, absolute, None, trend)
    assert _cell_text(change_cell(change, 1, "antal")).replace("\u00a0", " ") == written


def test_a_change_of_a_share_is_in_procentenheter():
    text = _cell_text(change_cell(Change(None, None, -1, None, Trend.WORSE), 0, "%"))
    assert "procentenhet" in text and "%" not in text


def test_direction_words_exist_for_both_directions():
    assert set(texts.DIRECTION_LABEL) == set(Direction)


def test_a_value_that_does_not_apply_is_ej_tillampligt_not_uppgift_saknas(empty_store):
    """docs/rules.md §1.3: a "." value leaves the indicator out of the goal; it is not missing."""
    from callbacks.routes import page
    from dashboard.access import operator
    from dashboard.domain.model import Gender, ValueStatus
    from tests.tiny import tiny_dataset

    data = tiny_dataset()
    data.measurements = [
        m._replace(outcome=None, forecast=None, value_status=ValueStatus.NOT_APPLICABLE)
        if (m.indicator_code, m.year, m.period, m.gender) == ("NOJD", 2025, "T1", Gender.TOTAL)
        else m
        for m in data.measurements
    ]
    empty_store.write_dataset(data, user_name="test", file_name="tiny", kind="test")
    rendered = page(empty_store, "/mal/K1", "?org=STAD&ar=2025&period=T1", operator("admin"))
    row = next(r for r in _rows(rendered) if "Andel nöjda" in r)
    assert texts.NOT_APPLICABLE_LABEL in row and texts.STATUS_LABEL[Status.NO_DATA] not in row
    state = ViewState(2025, "T1", "STAD")
    report = downloads.document(empty_store, "tertialrapport", state, empty_store.org("STAD"), DAY)
    [sheet] = [t for t in report.sheets if t.sheet == texts.INDICATORS_SHEET]
    [cells] = [r for r in sheet.rows if "Andel nöjda" in r]
    assert texts.NOT_APPLICABLE_LABEL in cells


def _rows(component: Any) -> Iterator[str]:
    """The text of every table row in a component tree."""
    from dash import html

    from tests.shown import page_text as _text

    if isinstance(component, html.Tr):
        yield _text(component)
    children = getattr(component, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if child is not None and not isinstance(child, str):
            yield from _rows(child)
