"""Rapportera: the report form of an organisation and period, and what a preview or save did.

Inputs are text, not number fields, so a Swedish number ("1 234,5") is typed as it is written;
the upload's reading decides what it means (dashboard/pages/report_form.py). A long form is drawn
a part at a time; what was typed in a part is kept in the page when another is drawn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.domain.model import Gender
from dashboard.pages import report_template
from dashboard.pages.report_form import FormRow, ReportForm, form_parts, row_of
from dashboard.upload.effects import Effect
from dashboard.upload.problems import ImportProblem
from dashboard.upload.writing import SavedFile
from layouts import texts, urls
from layouts.components import aria, data_table, empty_state
from layouts.effects import effect_panel
from layouts.explanation import format_number
from layouts.format import count_list
from layouts.ids import ReportFormIds
from layouts.import_problems import issue_and_expected, problem_text

FIELD_HEADER = {"utfall": "outcome", "prognos": "forecast"}  # the file's headers
Typed = Mapping[str, tuple[str, str]]  # row key → outcome and forecast as typed


def page(form: ReportForm, refusal: str | None) -> html.Div:
    """The form, or why this person may not report for the organisation."""
    heading = html.H1(
        texts.REPORT_FORM_HEADING.format(
            org=form.org.name, period=_period(form.period), year=form.year
        )
    )
    if refusal:
        return html.Div([heading, dbc.Alert(refusal, color="info")], className="report-form")
    if not form.rows:
        return html.Div([heading, empty_state(texts.REPORT_FORM_EMPTY)], className="report-form")
    key = {"org": form.org.code, "year": form.year, "period": form.period}
    parts = form_parts(form.rows)
    return html.Div(
        [
            heading,
            html.P(texts.REPORT_FORM_INTRO),
            html.P([texts.REPORT_TEMPLATE_LINKS, " ", *_template_links(form)]),
            dcc.Store(id=ReportFormIds.KEY, data=key),
            dcc.Store(id=ReportFormIds.TYPED),  # no data: a Store with data sets a prop once drawn
            *(_pager(form, parts) if len(parts) > 1 else ()),
            html.Div(table(form, parts[0], {}), id=ReportFormIds.ROWS),
            html.Div(
                [
                    dbc.Button(texts.REPORT_PREVIEW, id=ReportFormIds.PREVIEW, color="secondary"),
                    dbc.Button(texts.REPORT_SAVE, id=ReportFormIds.SAVE, color="primary"),
                ],
                className="d-flex gap-2 my-3",
            ),
            dcc.Loading(html.Div(id=ReportFormIds.RESULT, **aria(live="polite"))),
        ],
        className="report-form",
    )


def _pager(form: ReportForm, parts: Sequence[range]) -> tuple[html.Nav, html.P]:
    """A button per part, and which rows are shown (announced when the part changes)."""
    buttons = [
        html.Button(
            texts.REPORT_PART.format(number=number + 1),
            id={"type": ReportFormIds.PART, "index": number},
            type="button",
            className=part_class(number == 0),
            **(aria(current="true") if number == 0 else {}),
        )
        for number in range(len(parts))
    ]
    return (
        html.Nav(
            buttons, className="d-flex flex-wrap gap-2 my-2", **aria(label=texts.REPORT_PARTS_LABEL)
        ),
        html.P(part_shown(form, parts[0]), id=ReportFormIds.PART_SHOWN, **aria(live="polite")),
    )


def part_class(current: bool) -> str:
    return "btn btn-sm " + ("btn-primary" if current else "btn-outline-primary")


def part_shown(form: ReportForm, part: range) -> str:
    """E.g. "Rad 41–80 av 101. …"."""
    return texts.REPORT_PART_SHOWN.format(
        first=part.start + 1, last=part.stop, total=len(form.rows)
    )


def _template_links(form: ReportForm) -> list[str | html.A]:
    """The form as a file, to fill in and upload instead."""
    links: list[str | html.A] = []
    for label, name in (
        (texts.REPORT_TEMPLATE_CSV, report_template.TEMPLATE_NAME),
        (texts.REPORT_TEMPLATE_XLSX, report_template.WORKBOOK_NAME),
    ):
        href = urls.prefilled_template_href(name, form.org.code, form.year, form.period)
        links += [", " if links else "", html.A(label, href=href, download="")]
    return links


def table(form: ReportForm, part: range, typed: Typed) -> html.Div:
    """The part's rows, one per indicator and gender, with what to compare with beside the inputs
    (which show what was typed before the part was last drawn, or else what is stored)."""
    previous = f"{_period(form.previous[1])} {form.previous[0]}"
    columns = list(texts.REPORT_FORM_COLUMNS)
    columns[3] = columns[3].format(previous=previous)
    rows = []
    for row in form.rows[part.start : part.stop]:
        outcome, forecast = typed.get(row.key, (row.outcome, row.forecast))
        rows.append(
            (
                row.indicator.name if row.gender is Gender.TOTAL else "",
                texts.GENDER_LABEL[row.gender],
                _number(row.target.target if row.target else None, row),
                _number(row.last_period, row),
                _number(row.last_year, row),
                _input(row, ReportFormIds.OUTCOME, outcome, columns[5]),
                _input(row, ReportFormIds.FORECAST, forecast, columns[6]),
            )
        )
    caption = texts.REPORT_FORM_CAPTION.format(org=form.org.name)
    return data_table(caption, columns, rows, numeric=(2, 3, 4))


def _input(row: FormRow, kind: ReportFormIds, value: str, field: str) -> html.Label:
    """An input named for screen readers by the label's hidden text, its unit after it drawn by
    CSS from data-unit: three components a field, not five (issue 20: a part of 40 rows has 80)."""
    label = texts.REPORT_INPUT_LABEL.format(
        field=field, indicator=row.indicator.name, gender=texts.GENDER_LABEL[row.gender].lower()
    )
    unit: dict[str, Any] = {"data-unit": row.indicator.unit}
    return html.Label(
        [
            html.Span(label, className="visually-hidden"),
            dcc.Input(
                id={"type": kind, "index": row.key},
                value=value,
                type="text",
                autoComplete="off",
                className="form-control form-control-sm report-input",
            ),
        ],
        className="report-field",
        **unit,
    )


def _number(value: float | None, row: FormRow) -> str:
    return format_number(value, row.indicator.decimals, row.indicator.unit)


def _period(period: str) -> str:
    return texts.PERIOD_LABEL.get(period, period)


def problems(
    found: Sequence[ImportProblem], rows: Sequence[FormRow], form: ReportForm
) -> dbc.Alert:
    """The upload's problems, each named by indicator, gender and field rather than file row,
    and by the form's page when it has more than one."""
    parts = form_parts(form.rows)
    part_of = {form.rows[i].key: n + 1 for n, part in enumerate(parts) for i in part}
    return dbc.Alert(
        [
            html.P(texts.REPORT_PROBLEMS),
            html.Ul(
                [
                    html.Li(problem_line(problem, rows, part_of if len(parts) > 1 else {}))
                    for problem in found
                ]
            ),
        ],
        color="danger",
    )


def problem_line(
    problem: ImportProblem, rows: Sequence[FormRow], part_of: Mapping[str, int]
) -> str:
    """E.g. "Andel nöjda, totalt, utfall (sida 2): inte ett tal ("9x"); förväntat …"."""
    row = row_of(rows, problem.row)
    if row is None:  # not a cell's problem (e.g. the database is busy): as an upload says it
        return problem_text(problem)
    issue, expected = issue_and_expected(problem)
    field = texts.EFFECT_FIELD.get(FIELD_HEADER.get(problem.column or "", ""), problem.column)
    text = texts.REPORT_PROBLEM.format(
        indicator=row.indicator.name,
        gender=texts.GENDER_LABEL[row.gender].lower(),
        field=field,
        part=texts.REPORT_PROBLEM_PART.format(number=part_of[row.key])
        if row.key in part_of
        else "",
        issue=issue,
    )
    if problem.value is not None:
        text += texts.IMPORT_VALUE.format(value=problem.value)
    return text + (texts.IMPORT_EXPECTED.format(expected=expected) if expected else ".")


def previewed(effect: Effect) -> html.Div:
    """What saving would do; nothing is saved yet."""
    return html.Div([dbc.Alert(texts.REPORT_PREVIEW_NOTE, color="info"), effect_panel(effect)])


def saved(files: Sequence[SavedFile], effect: Effect) -> html.Div:
    """What was saved, as an upload that can be undone, and what it did."""
    [file] = files
    if not file.inserted and not file.updated:
        return html.Div(dbc.Alert(texts.REPORT_UNCHANGED, color="info"))
    message = texts.REPORT_SAVED.format(
        id=file.upload_id,
        changes=count_list(texts.VALUE_CHANGES, (file.inserted, file.updated)),
    )
    return html.Div([dbc.Alert(message, color="success"), effect_panel(effect)])


def message(text: str) -> dbc.Alert:
    """A short notice where the result would be."""
    return dbc.Alert(text, color="warning")
