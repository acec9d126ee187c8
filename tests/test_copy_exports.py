"""Plain Swedish in the downloads (issue 20): whole, short sheet names, and the same words about
numbers in Excel, PDF and Word as on the pages."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from callbacks import downloads
from dashboard.domain.model import Direction, GoalLevel, Indicator
from dashboard.followup import export_docx, exports
from layouts import downloads as download_cells
from layouts import texts, urls

TODAY = dt.date(2026, 9, 14)
STATE = urls.ViewState(2026, "T2", "SKA")


@pytest.fixture(scope="module", params=["tertialrapport", "avvikelser"])
def document(request, demo_store):
    return downloads.document(demo_store, request.param, STATE, demo_store.org("SKA"), TODAY)


def test_every_sheet_name_is_short_whole_and_from_the_catalog(document):
    book = load_workbook(io.BytesIO(exports.to_xlsx(document)))
    catalog = {v for k, v in vars(texts).items() if k.endswith("_SHEET") and isinstance(v, str)}
    for name in book.sheetnames:
        assert len(name) <= 31 and "  " not in name and name == name.strip()
        assert name in catalog | {texts.DEVIATION_SUMMARY_HEADING}, name


def test_a_long_wanted_sheet_name_is_cut_between_words():
    table = exports.Table(
        "Målen per status: beräknat och egen bedömning", "Rubrik", ("A",), (("x",),)
    )
    document = exports.Document("T", "U", (), (table,), "Sammanfattning")
    [_, name] = load_workbook(io.BytesIO(exports.to_xlsx(document))).sheetnames
    assert name == "Målen per status beräknat"


def _all_text(document: exports.Document) -> str:
    book = load_workbook(io.BytesIO(exports.to_xlsx(document)))
    cells = [str(c.value) for s in book for row in s.iter_rows() for c in row if c.value]
    formats = [c.number_format for s in book for row in s.iter_rows() for c in row]
    word = docx_text(export_docx.to_docx(document))
    return "\n".join([*cells, *formats, word]).replace("\u00a0", " ")


def docx_text(data: bytes) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def test_no_download_writes_antal_after_a_number_or_a_plural_after_1(document):
    text = _all_text(document)
    assert not re.search(r"\d antal", text) and '" antal"' not in text
    assert not re.search(r"(?<![\d,])1 (egna|bedömningar|uppfyllda|dagar|aktiviteter)\b", text)
    assert not re.search(r"−1 dagar|[+−]\d+(,\d+)? %", text), "a difference of shares is in p.e."


def test_excel_writes_the_singular_unit_after_exactly_one_day():
    """A cell is a number with a number format, so "1 dag" must be in the format: Excel shows
    1 and −1 with the singular, every other whole number with the plural."""
    indicator = Indicator(1, "VÄNT", "Väntetid", "dagar", Direction.LOWER, 0, GoalLevel.UNIT, False)
    cells = (download_cells.number(1, indicator), download_cells.number(3, indicator))
    table = exports.Table("Blad", "Rubrik", ("Ett", "Tre"), (cells,))
    document = exports.Document("T", "U", (), (table,), "Sammanfattning")
    one, three = load_workbook(io.BytesIO(exports.to_xlsx(document)))["Blad"][5]
    assert one.number_format == three.number_format
    assert one.number_format == '[=1]"1 dag";[=-1]"-1 dag";#,##0" dagar"'
    with_decimals = download_cells.number(1, replace(indicator, decimals=1))
    assert with_decimals.text == "1,0\u00a0dagar"
