"""The report form as a file to fill in: a prefilled outcomes template, as CSV and as .xlsx.

Exactly the organisation's rows of the form (dashboard/pages/report_form.py), with the
measurements layout's own columns, which the upload reads, and informative columns (name, unit,
årsmål, last period, same period last year), which it notes as unused and ignores. The stored
values are filled in, so a template uploaded again as it is changes nothing, and the editor only
types numbers. The upload reads CSV only: the .xlsx is filled in Excel and saved as CSV
(docs/import.md); its cells check what is typed (decimal numbers, the period and gender lists).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from dashboard.domain.model import PERIOD_END_MONTH, Gender
from dashboard.pages.report_form import ReportForm
from dashboard.upload.csv_formats import MEASUREMENTS
from dashboard.upload.parsed_file import UploadFile

TEMPLATE_NAME = MEASUREMENTS.file_name  # "utfall.csv"; the workbook is "utfall.xlsx"
WORKBOOK_NAME = TEMPLATE_NAME.removesuffix(".csv") + ".xlsx"
SHEET_TITLE = "utfall"
# Informative columns, named so that no layout reads them (the upload notes them as unused).
NAME_HEADER = "namn (info)"
UNIT_HEADER = "måttenhet (info)"
TARGET_HEADER = "årsmål (info)"
LAST_PERIOD_HEADER = "förra perioden {period} {year} (info)"
LAST_YEAR_HEADER = "samma period {year} (info)"
KEY_FIELDS = ("indicator_code", "org_code", "year", "period", "gender")
VALUE_FIELDS = ("outcome", "forecast")
_INPUT = PatternFill("solid", fgColor="FFF2CC")  # the cells to fill in


def headers(form: ReportForm) -> list[str]:
    """The template's header row: the key, the informative columns, then the values to type."""
    year, period = form.previous
    return [
        *(MEASUREMENTS.column(field).header for field in KEY_FIELDS),
        NAME_HEADER,
        UNIT_HEADER,
        TARGET_HEADER,
        LAST_PERIOD_HEADER.format(period=period, year=year),
        LAST_YEAR_HEADER.format(year=form.year - 1),
        *(MEASUREMENTS.column(field).header for field in VALUE_FIELDS),
    ]


def records(form: ReportForm) -> list[list[Any]]:
    """One record per form row, numbers as numbers (None: empty), values as the form shows them."""
    return [
        [
            row.indicator.code,
            form.org.code,
            form.year,
            form.period,
            row.gender.value,
            row.indicator.name,
            row.indicator.unit,
            row.target.target if row.target else None,
            row.last_period,
            row.last_year,
            _number_or_text(row.outcome),
            _number_or_text(row.forecast),
        ]
        for row in form.rows
    ]


def prefilled_csv(form: ReportForm) -> UploadFile:
    """The template as Swedish Excel writes CSV: semicolons, decimal commas, UTF-8 with BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers(form))
    writer.writerows([[_cell_text(value) for value in record] for record in records(form)])
    return UploadFile(_name(form, TEMPLATE_NAME), buffer.getvalue().encode("utf-8-sig"))


def prefilled_workbook(form: ReportForm) -> UploadFile:
    """The template as a workbook whose cells check what is typed."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = SHEET_TITLE
    sheet.append(headers(form))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for record in records(form):
        sheet.append(record)
    last = len(form.rows) + 1
    if form.rows:
        _check_cells(sheet, headers(form), last)
    for index in range(1, len(headers(form)) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 16
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return UploadFile(_name(form, WORKBOOK_NAME), buffer.getvalue())


def _check_cells(sheet: Any, names: list[str], last: int) -> None:
    """Lists for period and gender, decimals for the values (rows 2 to `last`)."""
    columns = {name: get_column_letter(i + 1) for i, name in enumerate(names)}
    _validate(sheet, _list(PERIOD_END_MONTH), f"{columns['period']}2:{columns['period']}{last}")
    _validate(sheet, _list(Gender), f"{columns['kön']}2:{columns['kön']}{last}")
    for field in VALUE_FIELDS:
        column = columns[MEASUREMENTS.column(field).header]
        decimal = DataValidation(
            type="decimal",
            operator="between",
            formula1="-1E+300",
            formula2="1E+300",
            errorStyle="warning",  # ".." (saknas), "." and "x" may still be typed
            showErrorMessage=True,
            errorTitle="Tal",
            error='Skriv ett tal, t.ex. 12,5, eller ".." (saknas), "." (ej tillämplig), "x".',
        )
        _validate(sheet, decimal, f"{column}2:{column}{last}")
        for (cell,) in sheet[f"{column}2:{column}{last}"]:
            cell.fill = _INPUT


def _validate(sheet: Any, validation: DataValidation, cells: str) -> None:
    validation.add(cells)
    sheet.add_data_validation(validation)


def _list(values: Any) -> DataValidation:
    choices = ",".join(str(getattr(value, "value", value)) for value in values)
    return DataValidation(type="list", formula1=f'"{choices}"', allow_blank=False)


def _name(form: ReportForm, file_name: str) -> str:
    stem, dot, suffix = file_name.rpartition(".")
    return f"{stem}-{form.org.code}-{form.year}-{form.period}{dot}{suffix}"


def _number_or_text(text: str) -> float | str | None:
    """A form value as the workbook's cell: a number, a marker as text, or empty."""
    if not text:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return text


def _cell_text(value: Any) -> str:
    """A value as Swedish Excel writes it in CSV: exact, with a decimal comma."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value).replace(".", ",").removesuffix(",0")
    return str(value)
