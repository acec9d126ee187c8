"""Varför?: what pulls a goal down. Each counted part with its value, target, status and points,
worst first, linked to its indicator page at the organisation where it is measured (docs/rules.md
§3).

The Målsida shows the whole table; the Översikt card a one-line "Drar ned: …" for goals not met.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from dash import html

from dashboard.domain.model import Activity, OrgUnit, Status
from dashboard.domain.rules import IndicatorReason, PartKind, activity_score
from dashboard.followup import causes as why  # the goal's parts, worst first
from dashboard.followup.causes import Cause
from dashboard.followup.control_room import GoalStatus, JudgedIndicator
from layouts import elements as el
from layouts import texts, urls
from layouts.components import basis_tag, data_table, status_badge
from layouts.explanation import format_number
from layouts.format import count, count_list

PULLS_DOWN_SHOWN = 2  # parts named on an Översikt card


def causes_section(
    status: GoalStatus, places: Mapping[int, OrgUnit], state: urls.ViewState, as_of: dt.date
) -> html.Div:
    """The parts of the goal, the one losing the most points first, and the parts that do not
    count."""
    found = why.causes(status)
    rows = [
        (
            _name(cause, places, state),
            _where(cause, places),
            _value(cause, status.activities, as_of),
            _target(cause),
            el.Span(
                [
                    status_badge(cause.part.status),
                    " ",
                    basis_tag(cause.part.basis) if cause.judged else texts.ACTIVITIES_BASIS,
                ]
            ),
            format_number(cause.points, 1),
            format_number(cause.lost, 1),
        )
        for cause in found
    ]
    table = (
        data_table(texts.CAUSES_CAPTION, texts.CAUSES_COLUMNS, rows, numeric=(5, 6))
        if rows
        else None
    )
    skipped = [
        el.Li(
            texts.NOT_COUNTED_LINE.format(
                name=j.fact.indicator.name, why=texts.INDICATOR_REASON_LABEL[j.result.reason]
            )
        )
        for j in why.not_counted(status)
    ]
    return el.Div(
        [
            table,
            el.Div([el.H3(texts.NOT_COUNTED_HEADING, className="h6"), el.Ul(skipped)])
            if skipped
            else None,
        ],
        className="causes",
    )


def pulls_down(
    status: GoalStatus, places: Mapping[int, OrgUnit], state: urls.ViewState
) -> html.P | None:
    """ "Drar ned: Andel nöjda (Förskolan Solrosen), Aktiviteter" for a goal not met; None
    otherwise."""
    if status.result.status is Status.MET or status.result.score is None:
        return None
    worst = [cause for cause in why.causes(status) if cause.lost > 0][:PULLS_DOWN_SHOWN]
    if not worst:
        return None
    items: list[Any] = [texts.PULLS_DOWN]
    for index, cause in enumerate(worst):
        if index:
            items.append(texts.LIST_SEPARATOR)
        items.append(_name(cause, places, state))
        if (
            cause.judged is not None
            and cause.measured_at != status.org_id
            and (org := places.get(cause.measured_at))
        ):
            items.append(f" ({org.name})")  # measured below the card's organisation: say where
    return el.P(items, className="pulls-down")


def _name(cause: Cause, places: Mapping[int, OrgUnit], state: urls.ViewState) -> Any:
    """The part's name; an indicator links to its page at the organisation where it is measured."""
    if cause.judged is None:
        return texts.PART_KIND_LABEL[PartKind.ACTIVITIES]
    indicator = cause.judged.fact.indicator
    org = places.get(cause.measured_at)
    changes = {"org_code": org.code} if org else {}
    return el.Link(
        indicator.name, href=urls.href(urls.indicator_path(indicator.code), state, **changes)
    )


def _where(cause: Cause, places: Mapping[int, OrgUnit]) -> str:
    """Where the part is measured: the organisation itself, or the organisations below it, worst
    first."""
    if cause.judged is None:
        return texts.ACTIVITIES_WHERE
    below = cause.judged.below
    if not below:
        org = places.get(cause.judged.fact.org_id)
        return org.name if org else ""
    names = [places[j.fact.org_id].name for j in why.worst_first(below) if j.fact.org_id in places]
    shown = texts.LIST_SEPARATOR.join(names[:3])
    return shown + (texts.AND_MORE.format(count=len(names) - 3) if len(names) > 3 else "")


def _value(cause: Cause, activities: Sequence[Activity], as_of: dt.date) -> str:
    """The judged value (a forecast marked as such), a rolled-up count, or how the activities
    stand."""
    if cause.judged is None:
        scores = [activity_score(a.state, as_of) for a in activities]
        numbers = (scores.count(1.0), scores.count(0.5), scores.count(0.0))
        return count_list(texts.ACTIVITIES_VALUE, numbers)
    judged = _measured(cause.judged)
    result, indicator = judged.result, judged.fact.indicator
    if result.reason is IndicatorReason.MEASURED_BELOW and result.below is not None:
        counts = result.below
        return count(texts.BELOW_VALUE, len(judged.below), met=counts.met)
    value = format_number(result.value, indicator.decimals, indicator.unit)
    return (
        value
        if result.outcome is not None or result.value is None
        else texts.FORECAST_VALUE.format(value=value)
    )


def _target(cause: Cause) -> str:
    judged = None if cause.judged is None else _measured(cause.judged)
    if judged is None or judged.below:
        return texts.MISSING_VALUE
    return format_number(
        judged.result.target, judged.fact.indicator.decimals, judged.fact.indicator.unit
    )


def _measured(judged: JudgedIndicator) -> JudgedIndicator:
    """The judgement whose value and target to show: the indicator's own, or that of the one
    organisation
    below that measures it (several are summed up as "k av n uppfyllda")."""
    return judged.below[0] if len(judged.below) == 1 else judged
