"""The same `Document` as a Word file, the format the nämnd's papers are written in.

Headings use Word's heading styles (so the navigation pane and a screen reader list them),
tables repeat their header row on every page, numbers stand right-aligned as people read
them, and each chart is an image with its alt text.
"""

from __future__ import annotations

import io

from docx import Document as new_word_document
from docx.document import Document as Word
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table as WordTable

from dashboard.followup.exports import (
    Document,
    Section,
    Table,
    chart_png,
    is_numeric,
    plain_text,
)

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def to_docx(document: Document) -> bytes:
    """The document as .docx: title, headings by level, paragraphs, charts and tables."""
    word = new_word_document()
    page = word.sections[0]
    page.orientation = WD_ORIENT.LANDSCAPE  # wide tables, as in the PDF
    page.page_width, page.page_height = page.page_height, page.page_width
    word.core_properties.title = document.title
    word.core_properties.subject = document.subtitle
    word.core_properties.author = document.author
    word.core_properties.language = document.lang
    word.add_heading(document.title, level=0)
    word.add_paragraph(document.subtitle)
    for section in document.sections:
        _section(word, section)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _section(word: Word, section: Section) -> None:
    word.add_heading(section.heading, level=min(section.level + 1, 9))
    for paragraph in section.paragraphs:
        word.add_paragraph(paragraph)
    for chart in section.charts:
        word.add_picture(io.BytesIO(chart_png(chart)), width=Cm(22))
        picture = word.inline_shapes[-1]._inline.docPr
        picture.set("descr", chart.alt_text)
        picture.set("title", chart.title)
    for table in section.tables:
        _table(word, table)


def _table(word: Word, table: Table) -> None:
    caption = word.add_paragraph(table.caption)
    caption.runs[0].bold = True
    grid: WordTable = word.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    numeric = [is_numeric(table.rows, index) for index in range(len(table.headers))]
    for cell, header in zip(grid.rows[0].cells, table.headers):
        cell.text = header
        cell.paragraphs[0].runs[0].bold = True
    _repeat_as_header(grid)
    for row in table.rows:
        cells = grid.add_row().cells
        for index, value in enumerate(row):
            cells[index].text = plain_text(value)
            if numeric[index]:
                cells[index].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    word.add_paragraph()


def _repeat_as_header(grid: WordTable) -> None:
    """Mark the first row as the table's header: repeated on each page, read as headers."""
    properties = grid.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
