"""Excel and PDF files for the nämnd's papers, written from one format-neutral `Document`.

The layouts build a Document from plain data (all Swedish text lives there); this module
only knows the file formats. Excel gets numbers as numbers with a number format, and any
text that a spreadsheet could take for a formula (=, +, -, @ first) is stored as text with
a quote prefix (OWASP: CSV/formula injection). The PDF has an outline of headings, tables
that repeat their header row, charts as images with alt text, and its language set.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display on a server; must precede pyplot

import matplotlib.pyplot as plt
from fpdf import FPDF, TextStyle
from fpdf.fonts import FontFace
from matplotlib.ticker import FuncFormatter, MaxNLocator
from openpyxl import Workbook
from openpyxl.cell import Cell as SheetCell
from openpyxl.chart import BarChart as SheetBarChart
from openpyxl.chart import Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dashboard.followup.formulas import FORMULA_STARTS

# DejaVu Sans ships with matplotlib and covers Swedish, dashes and the status symbols.
FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_TYPE = "application/pdf"


@dataclass(frozen=True)
class Number:
    """A number with how people read it ("84,5 %"); Excel gets the value and a number format."""

    value: float | None
    text: str
    decimals: int = 0
    unit: str = ""
    unit_one: str = ""  # the unit after a whole 1 or −1 ("dag"), when it is not `unit`


Cell = str | int | float | Number | dt.date | None


@dataclass(frozen=True)
class Table:
    """A table with a caption; in Excel it is a sheet named `sheet`."""

    sheet: str
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...] = ()  # relative column widths; equal when empty


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars per label, one series per name; the alt text says what it shows. In Excel
    it is a sheet named `sheet` (a title is often longer than a sheet name may be)."""

    title: str
    sheet: str
    alt_text: str
    labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[Number, ...]], ...]
    value_label: str


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    charts: tuple[BarChart, ...] = ()
    tables: tuple[Table, ...] = ()
    level: int = 0


@dataclass(frozen=True)
class Document:
    """A report: sections in reading order for the PDF, flat tables to filter for Excel."""

    title: str
    subtitle: str
    sections: tuple[Section, ...]
    sheets: tuple[Table, ...]
    summary_sheet: str  # the name of the Excel sheet with the title and the paragraphs
    lang: str = "sv"
    author: str = "Kontrollrummet"


# ---- Excel ----------------------------------------------------------------------------------


def to_xlsx(document: Document) -> bytes:
    """The document as a workbook: a summary sheet, one sheet per table, charts drawn natively."""
    book = Workbook()
    summary = book.active
    summary.title = _sheet_name(document.summary_sheet, set())
    used = {summary.title}
    _write(summary, 1, 1, document.title).font = Font(bold=True, size=14)
    _write(summary, 2, 1, document.subtitle)
    row = 4
    for section in document.sections:
        _write(summary, row, 1, section.heading).font = Font(
            bold=True, size=12 if section.level == 0 else 11
        )
        row += 1
        for paragraph in section.paragraphs:
            _write(summary, row, 1, paragraph).alignment = Alignment(wrap_text=True, vertical="top")
            row += 1
        row += 1
    summary.column_dimensions["A"].width = 120
    for table in document.sheets:
        sheet = book.create_sheet(_sheet_name(table.sheet, used))
        used.add(sheet.title)
        _table_sheet(sheet, table, document.subtitle)
    for chart in (chart for section in document.sections for chart in section.charts):
        sheet = book.create_sheet(_sheet_name(chart.sheet, used))
        used.add(sheet.title)
        _chart_sheet(sheet, chart)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write(sheet: Worksheet, row: int, column: int, value: Cell) -> SheetCell:
    """Write one cell: numbers as numbers, text that looks like a formula as quoted text."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, Number):
        cell.value = value.value
        cell.number_format = _number_format(value)
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = "yyyy-mm-dd"
    elif isinstance(value, str):
        cell.value = value
        if value.startswith(FORMULA_STARTS):
            cell.data_type = "s"  # openpyxl took it for a formula; it is text
            cell.quotePrefix = True  # and Excel must not re-read it as one on edit
    else:
        cell.value = value
    return cell


def _number_format(number: Number) -> str:
    """Excel's format for the number: its decimals and unit, and the singular unit for exactly
    1 and −1 ("1 dag"), which only a format with conditions can give a cell that stays a number."""
    decimals, unit, one = number.decimals, number.unit, number.unit_one
    digits = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    plain = f'{digits}" {unit}"' if unit else digits
    if decimals > 0 or not one or one == unit:
        return plain
    return f'[=1]"1 {one}";[=-1]"-1 {one}";{plain}'


def _sheet_name(wanted: str, used: set[str]) -> str:
    """A valid, unique sheet name: at most 31 characters, none of []:*?/\\, cut between words."""
    words = re.sub(r"[\[\]:*?/\\]", " ", wanted).strip("' ").split()
    base = ""
    for word in words:  # whole words only: "Målen per status beräknat", never "… beräknat o"
        if len(f"{base} {word}".strip()) > 28:
            break
        base = f"{base} {word}".strip()
    base = base or (words[0][:28] if words else "Blad")
    name, number = base, 2
    while name in used:
        name, number = f"{base} {number}", number + 1
    return name


def _table_sheet(sheet: Worksheet, table: Table, subtitle: str) -> None:
    _write(sheet, 1, 1, table.caption).font = Font(bold=True, size=12)
    _write(sheet, 2, 1, subtitle)
    header_row = 4
    for column, header in enumerate(table.headers, start=1):
        _write(sheet, header_row, column, header).font = Font(bold=True)
    for row_index, row in enumerate(table.rows, start=header_row + 1):
        for column, value in enumerate(row, start=1):
            _write(sheet, row_index, column, value).alignment = Alignment(
                wrap_text=True, vertical="top"
            )
    last = get_column_letter(len(table.headers))
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.auto_filter.ref = f"A{header_row}:{last}{header_row + len(table.rows)}"
    widths = table.widths or (1.0,) * len(table.headers)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = max(10, 12 * width)


def _chart_sheet(sheet: Worksheet, chart: BarChart) -> None:
    _write(sheet, 1, 1, chart.title).font = Font(bold=True, size=12)
    _write(sheet, 2, 1, chart.alt_text)
    _write(sheet, 4, 1, chart.value_label).font = Font(bold=True)
    for column, (name, values) in enumerate(chart.series, start=2):
        _write(sheet, 4, column, name).font = Font(bold=True)
        for row, value in enumerate(values, start=5):
            _write(sheet, row, column, value)
    for row, label in enumerate(chart.labels, start=5):
        _write(sheet, row, 1, label)
    drawing = SheetBarChart()
    drawing.type, drawing.title = "bar", chart.title
    drawing.description = chart.alt_text
    last_row = 4 + len(chart.labels)
    data = Reference(sheet, min_col=2, max_col=1 + len(chart.series), min_row=4, max_row=last_row)
    drawing.add_data(data, titles_from_data=True)
    drawing.set_categories(Reference(sheet, min_col=1, min_row=5, max_row=last_row))
    drawing.height, drawing.width = max(7.5, 1.2 * len(chart.labels)), 18
    sheet.column_dimensions["A"].width = 40
    sheet.add_chart(drawing, f"A{last_row + 2}")


# ---- PDF ------------------------------------------------------------------------------------


HEADING_SIZES = (16, 13)  # points, by section level; the headings are DejaVu bold
HEADING_STYLES = tuple(
    TextStyle(font_family="DejaVu", font_style="B", font_size_pt=size, t_margin=margin, b_margin=2)
    for size, margin in zip(HEADING_SIZES, (6, 5))
)


class _Pdf(FPDF):
    """A4 landscape with a page number in the footer."""

    title_text = ""  # the document's title, repeated beside the page number

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", size=8)
        self.cell(0, 8, f"{self.title_text} · {self.page_no()}", align="R")


def to_pdf(document: Document) -> bytes:
    """The document as a PDF: title, outline of headings, tables and chart images with alt text."""
    pdf = _Pdf(orientation="landscape", format="A4")
    pdf.title_text = document.title
    pdf.set_lang(document.lang)
    pdf.set_title(document.title)
    pdf.set_subject(document.subtitle)
    pdf.set_author(document.author)
    pdf.set_creator(document.author)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_section_title_styles(*HEADING_STYLES)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 20)
    pdf.multi_cell(0, 10, document.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=11)
    pdf.multi_cell(0, 6, document.subtitle, new_x="LMARGIN", new_y="NEXT")
    for section in document.sections:
        _pdf_section(pdf, section)
    return bytes(pdf.output())


def _pdf_section(pdf: FPDF, section: Section) -> None:
    if section.level == 0 and pdf.get_y() > pdf.h * 0.6:
        pdf.add_page()  # a main heading starts low on a page: begin a new one
    # fpdf checks whether the heading fits with the current font, not the heading's: in a
    # smaller regular font a long bold title seemed to fit, then broke the page while inside
    # its marked sequence ("A page jump occurred inside a marked sequence", issue 17).
    pdf.set_font("DejaVu", "B", HEADING_SIZES[section.level])
    pdf.start_section(section.heading, level=section.level)
    pdf.set_font("DejaVu", size=10)
    for paragraph in section.paragraphs:
        pdf.multi_cell(0, 5, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    for chart in section.charts:
        pdf.ln(2)
        pdf.image(
            io.BytesIO(chart_png(chart)),
            w=min(pdf.epw, 200),
            alt_text=chart.alt_text,
            title=chart.title,
        )
        pdf.ln(2)
    for table in section.tables:
        _pdf_table(pdf, table)


def _pdf_table(pdf: FPDF, table: Table) -> None:
    pdf.ln(2)
    if pdf.get_y() > pdf.h - pdf.b_margin - 30:  # keep the caption with the table's first rows
        pdf.add_page()
    pdf.set_font("DejaVu", "B", 10)
    pdf.multi_cell(0, 5, table.caption, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=8)
    numeric = [is_numeric(table.rows, index) for index in range(len(table.headers))]
    with pdf.table(
        col_widths=table.widths or None,
        text_align=tuple("RIGHT" if n else "LEFT" for n in numeric),
        headings_style=FontFace(emphasis="BOLD", fill_color=(230, 236, 243)),
        line_height=4.5,
        padding=1,
    ) as grid:
        heading = grid.row()
        for header in table.headers:
            heading.cell(header)
        for row in table.rows:
            line = grid.row()
            for value in row:
                line.cell(plain_text(value))
    pdf.ln(3)


def is_numeric(rows: Sequence[Sequence[Cell]], index: int) -> bool:
    """Whether a column holds only numbers (set right-aligned), blanks aside."""
    values = [row[index] for row in rows if row[index] is not None]
    return bool(values) and all(isinstance(v, Number | int | float) for v in values)


def plain_text(value: Cell) -> str:
    """A cell as it reads in a PDF or Word table."""
    if isinstance(value, Number):
        return value.text
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


# ---- charts ---------------------------------------------------------------------------------

_COLOURS = ("#00457a", "#b5338a", "#2a7d2e", "#8a5a00")
_HATCHES = ("", "//", "..", "xx")  # series differ by pattern too, not by colour alone


def chart_png(chart: BarChart) -> bytes:
    """A horizontal bar chart as a PNG, each bar labelled with its value."""
    height = max(2.2, 0.45 * len(chart.labels) * max(1, len(chart.series)) + 1.2)
    figure, axes = plt.subplots(figsize=(9, height), dpi=150)
    bar = 0.8 / max(1, len(chart.series))
    positions = range(len(chart.labels))
    for index, (name, values) in enumerate(chart.series):
        offsets = [p + (index - (len(chart.series) - 1) / 2) * bar for p in positions]
        bars = axes.barh(
            offsets,
            [v.value or 0 for v in values],
            height=bar,
            label=name,
            color=_COLOURS[index % 4],
            hatch=_HATCHES[index % 4],
            edgecolor="white",
        )
        axes.bar_label(bars, labels=[v.text for v in values], padding=3, fontsize=8)
    axes.set_yticks(list(positions), labels=chart.labels, fontsize=8)
    axes.xaxis.set_major_locator(
        MaxNLocator(
            integer=all(
                float(v.value or 0).is_integer() for _, values in chart.series for v in values
            )
        )
    )
    axes.xaxis.set_major_formatter(
        FuncFormatter(lambda value, _: f"{value:g}".replace(".", ","))
    )  # decimal comma
    axes.invert_yaxis()
    axes.set_xlabel(chart.value_label, fontsize=9)
    axes.set_title(chart.title, fontsize=11, loc="left")
    axes.spines[["top", "right"]].set_visible(False)
    axes.margins(x=0.15)
    if len(chart.series) > 1:
        axes.legend(fontsize=8, loc="lower right")
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return buffer.getvalue()
