"""Kvinnor och män: each gender-split indicator's gap between women and men, where it widened
most first (the rules in dashboard/followup/gender_gaps.py, docs/followup.md)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dash import dcc, html

from dashboard.domain.model import OrgUnit
from dashboard.followup.gender_gaps import Favours, GapMove, GenderGap
from layouts import texts, urls
from layouts.components import data_table, empty_state
from layouts.format import difference, format_number


def page(
    org: OrgUnit,
    state: urls.ViewState,
    filter_bar: html.Form,
    gaps: Sequence[GenderGap],
    moves: dict[GapMove, int],
) -> html.Div:
    """The whole page for an organisation and period."""
    period = texts.PERIOD_LABEL[state.period].lower()
    when = {"period": period, "year": state.year, "previous": state.year - 1}
    children: list[Any] = [
        html.H1(texts.GENDER_GAPS_HEADING.format(org=org.name)),
        filter_bar,
        html.P(texts.GENDER_GAPS_INTRO.format(org=org.name, **when), className="lead"),
    ]
    if not gaps:
        return html.Div(
            [*children, empty_state(texts.GENDER_GAPS_NONE.format(org=org.name, **when))],
            className="gender-gaps-page",
        )
    children += [
        html.P(texts.GENDER_GAPS_SUMMARY.format(**{m.value: n for m, n in moves.items()})),
        gap_table(gaps, state, when),
    ]
    return html.Div(children, className="gender-gaps-page")


def gap_table(gaps: Sequence[GenderGap], state: urls.ViewState, when: dict[str, Any]) -> html.Div:
    """One row per indicator; a column for Riket only when some gap has Riket's beside it."""
    with_riket = any(gap.riket_gap is not None for gap in gaps)
    headers = [
        *texts.GENDER_GAPS_COLUMNS,
        texts.GENDER_GAPS_PREVIOUS_COLUMN.format(**when),
        texts.GENDER_GAPS_CHANGE_COLUMN,
        *([texts.GENDER_GAPS_RIKET_COLUMN] if with_riket else []),
    ]
    rows = [
        [
            dcc.Link(
                gap.indicator.name, href=urls.href(urls.indicator_path(gap.indicator.code), state)
            ),
            _value(gap, gap.women),
            _value(gap, gap.men),
            gap_text(gap, gap.gap),
            favours_text(gap.favours),
            [gap_text(gap, gap.previous_gap), " ", favours_text(gap.previously_favoured)]
            if gap.previous_gap is not None
            else texts.MISSING_VALUE,
            change_text(gap),
            *([riket_text(gap, state.year)] if with_riket else []),
        ]
        for gap in gaps
    ]
    numeric = [1, 2, 3, 5, 6, *([7] if with_riket else [])]
    return data_table(texts.GENDER_GAPS_CAPTION.format(**when), headers, rows, numeric)


def _value(gap: GenderGap, value: float | None) -> str:
    return format_number(value, gap.indicator.decimals, gap.indicator.unit)


def gap_text(gap: GenderGap, value: float | None) -> str:
    """A signed difference in the gap's unit, e.g. "+5,7 p.e." for shares; "–" when missing."""
    return difference(value, gap.indicator.decimals, gap.indicator.unit, short=True)


def riket_text(gap: GenderGap, year: int) -> str:
    """Riket's gap, with Kolada's year when it is not ours: "+2,5 p.e. (2024)"."""
    text = gap_text(gap, gap.riket_gap)
    lags = gap.riket_year is not None and gap.riket_year != year
    return texts.GENDER_GAPS_RIKET_YEAR.format(gap=text, year=gap.riket_year) if lags else text


def favours_text(favours: Favours | None) -> html.Span:
    """Whom the gap favours, in words; a dash when there is no gap."""
    if favours is None:
        return html.Span(texts.GENDER_GAPS_NO_GAP, className="favours")
    return html.Span(texts.GAP_FAVOURS[favours], className=f"favours favours-{favours}")


def change_text(gap: GenderGap) -> html.Span:
    """How the gap's size moved since last year: "+2,6 p.e. (större)", or why it cannot say."""
    if gap.move is GapMove.UNKNOWN or gap.widening is None:
        return html.Span(texts.GAP_MOVE[GapMove.UNKNOWN], className="gap-move")
    words = texts.GAP_MOVE[gap.move]
    if gap.move is GapMove.UNCHANGED:
        return html.Span(words, className=f"gap-move gap-{gap.move}")
    return html.Span(
        f"{gap_text(gap, gap.widening)} ({words})", className=f"gap-move gap-{gap.move}"
    )
