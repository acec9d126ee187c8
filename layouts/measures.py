"""The Målsida's åtgärder and förväntat resultat och arbetssätt: what was decided at this period,
what earlier periods left to follow up, and for editors in scope the forms that write them.

Drawn into the goal page below the own assessment (callbacks/goal.py); its callbacks are
callbacks/measures.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.domain.measures import ExpectedResult, Measure, MeasureStatus
from dashboard.followup.measure_writes import MeasureProblem
from dashboard.followup.measures import GoalMeasures
from layouts import elements as el
from layouts import texts
from layouts.components import LOCAL_TIME, aria, data_table, empty_state
from layouts.ids import MeasureIds


def section(
    found: GoalMeasures,
    key: dict[str, Any],
    as_of: dt.date,
    refusal: str | None,
    followup: str = "",
) -> html.Div:
    """Förväntat resultat och arbetssätt, then the åtgärder; with the forms unless `refusal` says
    why this person may not write (a reader or another organisation's editor sees no form)."""
    editable = refusal is None
    return el.Div(
        [
            dcc.Store(id=MeasureIds.KEY, data=key),
            expected_section(found.expected, key["year"], editable, followup),
            el.Section(
                [
                    el.H2(texts.MEASURES_SECTION_HEADING),
                    el.Div(lists(found, key["year"], key["period"], as_of), id=MeasureIds.LISTS),
                    forms(found) if editable else None,
                ],
                id="atgarder",
            ),
        ]
    )


def expected_section(
    expected: ExpectedResult | None, year: int, editable: bool, followup: str
) -> html.Section:
    """The year's förväntat resultat och arbetssätt, how the period's assessment follows it up,
    and for editors the form that writes them."""
    result = expected.expected_result if expected else ""
    way = expected.way_of_working if expected else ""
    form = [
        text_field(
            MeasureIds.EXPECTED_RESULT,
            texts.EXPECTED_RESULT_LABEL,
            texts.EXPECTED_RESULT_HELP,
            result,
        ),
        text_field(
            MeasureIds.WAY_OF_WORKING, texts.WAY_OF_WORKING_LABEL, texts.WAY_OF_WORKING_HELP, way
        ),
        el.Button(
            texts.EXPECTED_SAVE_BUTTON, id=MeasureIds.EXPECTED_SAVE, color="secondary", n_clicks=0
        ),
        el.Div(id=MeasureIds.EXPECTED_FEEDBACK, className="mt-2", **aria(live="polite")),
    ]
    return el.Section(
        [
            el.H2(texts.EXPECTED_HEADING.format(year=year)),
            el.Div(expected_texts(expected), id=MeasureIds.EXPECTED_SHOWN),
            el.H3(texts.EXPECTED_FOLLOWUP_LABEL, className="h6"),
            el.P(followup or texts.MISSING_VALUE),
            el.Details([el.Summary(texts.EXPECTED_EDIT), *form]) if editable else None,
        ],
        id="forvantat-resultat",
    )


def expected_texts(expected: ExpectedResult | None) -> list[Any]:
    """The two texts as written, or why there are none."""
    if expected is None or not (expected.expected_result or expected.way_of_working):
        return [empty_state(texts.NO_EXPECTED)]
    return [
        el.H3(texts.EXPECTED_RESULT_LABEL, className="h6"),
        el.P(expected.expected_result or texts.MISSING_VALUE),
        el.H3(texts.WAY_OF_WORKING_LABEL, className="h6"),
        el.P(expected.way_of_working or texts.MISSING_VALUE),
    ]


def lists(found: GoalMeasures, year: int, period: str, as_of: dt.date) -> list[Any]:
    """The åtgärder to follow up from earlier periods, then those decided at this one."""
    return [
        el.H3(texts.MEASURES_FOLLOW_UP_HEADING, className="h5"),
        measure_table(found.to_follow_up, texts.MEASURES_FOLLOW_UP_CAPTION, as_of)
        if found.to_follow_up
        else empty_state(texts.NO_MEASURES_TO_FOLLOW_UP),
        el.H3(
            texts.MEASURES_DECIDED_HEADING.format(period=when(period), year=year), className="h5"
        ),
        measure_table(found.decided, texts.MEASURES_DECIDED_CAPTION, as_of)
        if found.decided
        else empty_state(texts.NO_MEASURES_DECIDED),
    ]


def measure_table(measures: Sequence[Measure], caption: str, as_of: dt.date) -> html.Div:
    """One row per åtgärd; an overdue one says so in words."""
    rows = [
        (
            m.text,
            m.responsible,
            m.due_date.isoformat(),
            el.Span(
                [status_words(m)]
                + ([el.Strong(texts.OVERDUE, className="overdue")] if m.overdue(as_of) else [])
            ),
            texts.MEASURE_DECIDED_AT.format(period=when(m.period), year=m.year),
        )
        for m in measures
    ]
    return data_table(caption, texts.MEASURE_COLUMNS, rows)


def status_words(measure: Measure) -> str:
    """The status, and since when and by whom when it was changed after being recorded: a done
    or closed åtgärd says when it ended."""
    label = texts.MEASURE_STATUS_LABEL[measure.status]
    if measure.changed is None:
        return label
    day = measure.changed.at.astimezone(LOCAL_TIME).date().isoformat()
    return f"{label} {texts.MEASURE_CHANGED.format(date=day, by=measure.changed.by)}"


def forms(found: GoalMeasures) -> html.Div:
    """Add an åtgärd; change the status of one decided now or to follow up."""
    return el.Div(
        [
            el.H3(texts.MEASURE_ADD_HEADING, className="h5"),
            text_field(MeasureIds.TEXT, texts.MEASURE_TEXT_LABEL, texts.MEASURE_TEXT_HELP, ""),
            _input(
                MeasureIds.RESPONSIBLE,
                texts.MEASURE_RESPONSIBLE_LABEL,
                texts.MEASURE_RESPONSIBLE_HELP,
                "text",
            ),
            _input(MeasureIds.DUE, texts.MEASURE_DUE_LABEL, texts.MEASURE_DUE_HELP, "date"),
            el.Button(texts.MEASURE_ADD_BUTTON, id=MeasureIds.ADD, color="primary", n_clicks=0),
            el.H3(texts.MEASURE_STATUS_HEADING, className="h5 mt-4"),
            el.Label(texts.MEASURE_CHOICE_LABEL, html_for=MeasureIds.CHOICE),
            dbc.Select(id=MeasureIds.CHOICE, options=choices(found), className="mb-2"),
            el.Label(texts.MEASURE_NEW_STATUS_LABEL, html_for=MeasureIds.STATUS),
            dbc.Select(
                id=MeasureIds.STATUS,
                options=[
                    {"label": texts.MEASURE_STATUS_LABEL[s], "value": s.value}
                    for s in MeasureStatus
                ],
                className="mb-2",
            ),
            el.Button(
                texts.MEASURE_STATUS_BUTTON, id=MeasureIds.CHANGE, color="secondary", n_clicks=0
            ),
            el.Div(id=MeasureIds.FEEDBACK, className="mt-3", **aria(live="polite")),
        ],
        className="measure-forms",
    )


def choices(found: GoalMeasures) -> list[dict[str, str]]:
    """The åtgärder whose status can be changed here: to follow up, then decided now."""
    return [
        {"label": f"{m.text} ({m.responsible})", "value": str(m.id)}
        for m in (*found.to_follow_up, *found.decided)
    ]


def text_field(field_id: str, label: str, help_text: str, value: str) -> html.Div:
    """A text area labelled with its help text."""
    return _input(field_id, label, help_text, "textarea", value)


def _input(field_id: str, label: str, help_text: str, kind: str, value: str = "") -> html.Div:
    control = (
        dbc.Textarea(id=field_id, value=value, rows=3)
        if kind == "textarea"
        else dbc.Input(id=field_id, type=kind, value=value)
    )
    return el.Div(
        [
            el.Label(
                [
                    el.Span(label, className="d-block fw-semibold"),
                    el.Span(help_text, className="form-text"),
                ],
                html_for=field_id,
            ),
            control,
        ],
        className="mb-3",
    )


def problems(found: Sequence[MeasureProblem]) -> html.Div:
    """Why the åtgärd was not saved."""
    return el.Div(
        [
            el.H2(texts.MEASURE_PROBLEMS_HEADING, className="h6"),
            el.Ul([el.Li(texts.MEASURE_PROBLEM_TEXT[p]) for p in found]),
        ],
        className="alert alert-danger",
        role="alert",
    )


def done(message: str) -> html.Div:
    """A write went through."""
    return el.Div(message, className="alert alert-success", role="status")


def deviation_row(kind: str, measure: Measure) -> tuple[Any, ...]:
    """An overdue åtgärd as a row of Avvikelser's table: (kind, what, status, value, target,
    note)."""
    return (
        kind,
        measure.text,
        texts.MEASURE_STATUS_LABEL[measure.status],
        texts.MISSING_VALUE,
        texts.MISSING_VALUE,
        texts.MEASURE_NOTE.format(
            due=measure.due_date.isoformat(),
            responsible=measure.responsible,
            period=when(measure.period),
            year=measure.year,
        ),
    )


def when(period: str) -> str:
    """A period as a short word: "T2", "helår", "M03"."""
    return texts.PERIOD_SHORT.get(period, period)
