"""Excel and PDF exports: they open, hold the store's numbers, and a formula in a name stays
text."""

import datetime as dt
import io
from urllib.parse import quote

import docx
import pytest
from docx.oxml.ns import qn
from openpyxl import load_workbook
from pypdf import PdfReader

from callbacks import downloads
from dashboard.app import create_app
from dashboard.domain.dataset import MeasurementRow
from dashboard.domain.model import Basis, Gender, Status
from dashboard.followup import agenda, export_docx, exports
from dashboard.followup.report_builds import ReportBuilds
from dashboard.settings import Settings
from layouts import texts, urls
from layouts.explanation import format_number
from layouts.format import count
from layouts.tertial_report import ELSEWHERE
from tests.clients import signed_in
from tests.tiny import tiny_dataset

TODAY = dt.date(2026, 9, 14)
STATE = urls.ViewState(2026, "T2", "SKA")
INJECTIONS = ('=HYPERLINK("http://example.com","Klicka")', "+1+1", "-2+3", "@SUM(A1:A2)")


@pytest.fixture(scope="module")
def report_files(demo_store):
    org = demo_store.org("SKA")
    document = downloads.document(demo_store, "tertialrapport", STATE, org, TODAY)
    pdf = exports.to_pdf(document)
    return document, load_workbook(io.BytesIO(exports.to_xlsx(document))), pdf


def _plain(text: str) -> str:
    """Text with every run of spaces (no-break ones too) and line breaks as one space."""
    return " ".join(text.replace("\u00a0", " ").split())


def _rows(sheet) -> list[dict]:
    """A table sheet's rows as dicts keyed by the header row (row 4)."""
    headers = [cell.value for cell in sheet[4]]
    return [dict(zip(headers, row)) for row in sheet.iter_rows(min_row=5, values_only=True)]


def test_the_workbook_holds_the_stores_numbers_as_numbers(demo_store, report_files):
    _, book, _ = report_files
    assert book.sheetnames[:4] == [
        texts.DEVIATION_SUMMARY_HEADING,
        texts.GOALS_SHEET,
        texts.INDICATORS_SHEET,
        texts.ACTIVITIES_SHEET,
    ]
    rows = _rows(book[texts.INDICATORS_SHEET])
    assert rows
    org_named = {o.name: o for o in demo_store.org_units()}
    assert {row["Organisation"] for row in rows} > {
        "Skarpnäcks stadsdelsnämnd"
    }  # goals of units too
    for row in rows:
        goal, indicator = demo_store.goal(row["Målkod"]), demo_store.indicator(row["Indikatorkod"])
        org = org_named[row["Organisation"]]
        facts = [
            f
            for f in demo_store.goal_indicator_facts([org.id], 2026, "T2", [goal.id])
            if f.indicator.id == indicator.id
        ]
        if not facts:  # measured only below the organisation, or nowhere here: said so, no number
            assert row["Underlag"] in (texts.INDICATOR_REASON_LABEL[r] for r in ELSEWHERE)
            assert (row["Utfall"], row["Prognos helår"], row["Årsmål"]) == (None, None, None)
            continue
        [fact] = facts
        assert row["Utfall"] == (fact.reading.outcome if fact.reading else None)
        assert row["Prognos helår"] == (fact.reading.forecast if fact.reading else None)
        assert row["Årsmål"] == (fact.target.target if fact.target else None)
        assert all(
            isinstance(row[k], int | float | None) for k in ("Utfall", "Prognos helår", "Årsmål")
        )
    column = [cell.value for cell in book[texts.INDICATORS_SHEET][4]].index("Utfall")
    outcomes = [
        row[column]
        for row in book[texts.INDICATORS_SHEET].iter_rows(min_row=5)
        if row[column].value is not None
    ]
    assert outcomes and all(c.data_type == "n" and "#,##0" in c.number_format for c in outcomes)


def test_the_goals_sheet_flags_the_rosier_assessments(report_files):
    _, book, _ = report_files
    rows = _rows(book[texts.GOALS_SHEET])
    flagged = [r for r in rows if r["Avvikelse i bedömningen"]]
    assert flagged, "the demo has over-positive assessments at T2"
    assert all(isinstance(r["Poäng"], int) or r["Poäng"] is None for r in rows)
    met_on_forecast = texts.MET_ON_FORECAST_LABEL.format(status=texts.STATUS_LABEL[Status.MET])
    assert {r["Beräknad status"] for r in rows} <= {*texts.STATUS_LABEL.values(), met_on_forecast}


def test_the_pdf_has_title_outline_tables_and_a_described_chart(demo_store, report_files):
    document, _, raw = report_files
    pdf = PdfReader(io.BytesIO(raw))
    assert pdf.metadata.title == document.title
    outline = [item["/Title"] for item in pdf.outline if isinstance(item, dict)]
    assert outline[0] == texts.DEVIATION_SUMMARY_HEADING and texts.GOAL_LEVEL_LABEL[2] in outline
    text = _plain("\n".join(p.extract_text() for p in pdf.pages))
    for section in document.sections[2:5]:
        assert _plain(section.heading) in text
    outcomes = [row[9] for row in document.sheets[1].rows if row[9].value is not None]
    assert outcomes[0].text == format_number(
        outcomes[0].value, outcomes[0].decimals, outcomes[0].unit
    )
    assert all(
        _plain(outcome.text) in text for outcome in outcomes
    )  # every outcome as the PDF prints it
    assert b"/StructTreeRoot" in raw and b"/Alt" in raw and b"/Lang" in raw


def test_the_deviations_workbook_has_a_row_per_deviation(demo_store):
    org = demo_store.org("SKA")
    document = downloads.document(demo_store, "avvikelser", STATE, org, TODAY)
    book = load_workbook(io.BytesIO(exports.to_xlsx(document)))
    rows = _rows(book[texts.DEVIATIONS_SHEET])
    found = agenda.agenda(demo_store, org, STATE.year, STATE.period)
    assert len(rows) == sum(len(g.items) for g in found)
    assert [r["Nr"] for r in rows] == sorted(r["Nr"] for r in rows)
    assert PdfReader(io.BytesIO(exports.to_pdf(document))).pages


def test_a_formula_in_a_goal_name_arrives_as_text(empty_store):
    """Goal, indicator, activity and organisation names that a spreadsheet would run as formulas."""
    goal_title, indicator_name, activity_title, org_name = INJECTIONS
    data = tiny_dataset()
    data.goals = [g._replace(title=goal_title) if g.code == "K1" else g for g in data.goals]
    data.indicators = [
        i._replace(name=indicator_name) if i.code == "FALL" else i for i in data.indicators
    ]
    data.activities = [
        a._replace(title=activity_title) if a.code == "A1" else a for a in data.activities
    ]
    data.org_units = [o._replace(name=org_name) if o.code == "STAD" else o for o in data.org_units]
    empty_store.write_dataset(data, user_name="test", file_name="tiny", kind="test")
    state = urls.ViewState(2025, "T1", "STAD")
    for report in ("tertialrapport", "avvikelser"):
        document = downloads.document(empty_store, report, state, empty_store.org("STAD"), TODAY)
        book = load_workbook(io.BytesIO(exports.to_xlsx(document)))
        cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
        for text in INJECTIONS:
            found = [cell for cell in cells if cell.value == text]
            assert found, f"{text} is in the {report} workbook"
            assert all(cell.data_type == "s" and cell.quotePrefix for cell in found)
        assert not [cell for cell in cells if cell.data_type == "f"]
        pdf = _plain(
            "".join(
                page.extract_text()
                for page in PdfReader(io.BytesIO(exports.to_pdf(document))).pages
            )
        )
        assert goal_title in pdf


def test_numbers_and_dates_keep_their_types():
    table = exports.Table(
        "Blad",
        "Rubrik",
        ("Tal", "Datum", "Negativt"),
        ((exports.Number(84.5, "84,5 %", 1, "%"), dt.date(2026, 5, 31), -3),),
    )
    document = exports.Document("T", "U", (), (table,), "Sammanfattning")
    sheet = load_workbook(io.BytesIO(exports.to_xlsx(document)))["Blad"]
    number, date, negative = sheet[5]
    assert (number.value, number.number_format) == (84.5, '#,##0.0" %"')
    assert date.value.date() == dt.date(2026, 5, 31) and date.is_date
    assert negative.value == -3 and negative.data_type == "n"


@pytest.fixture
def client(demo_store):
    url = demo_store.engine.url.render_as_string(hide_password=False)
    return signed_in(create_app(Settings(database_url=url)))


@pytest.mark.parametrize(
    "name, content_type, magic",
    [
        ("tertialrapport.xlsx", exports.XLSX_TYPE, b"PK"),
        ("avvikelser.pdf", exports.PDF_TYPE, b"%PDF"),
        ("tertialrapport.docx", export_docx.DOCX_TYPE, b"PK"),
    ],
)
def test_downloads_have_content_type_and_a_swedish_file_name(client, name, content_type, magic):
    response = client.get(f"/ladda-ned/{name}?org=SKA&ar=2026&period=T2")
    assert response.status_code == 200 and response.content_type == content_type
    assert response.data.startswith(magic)
    report, file_format = name.split(".")
    expected = texts.FILE_NAME[report].format(
        org="Skarpnäcks stadsdelsnämnd", period="T2", year=2026
    )
    assert (
        f"filename*=UTF-8''{quote(expected)}.{file_format}"
        in response.headers["Content-Disposition"]
    )


@pytest.mark.parametrize("name", ["okand.xlsx", "tertialrapport.doc", "tertialrapport"])
def test_unknown_downloads_are_not_found(client, name):
    assert client.get(f"/ladda-ned/{name}").status_code == 404


def test_status_words_in_the_pdf_carry_symbols(report_files):
    document, _, _ = report_files
    rows = [row for section in document.sections for table in section.tables for row in table.rows]
    statuses = {
        cell
        for row in rows
        for cell in row
        if isinstance(cell, str) and cell[2:] in {texts.STATUS_LABEL[s] for s in Status}
    }
    assert statuses and all(cell[0] in texts.STATUS_SYMBOL.values() for cell in statuses)


def test_goals_met_only_thanks_to_forecasts_are_told_apart_in_the_report(report_files):
    """Issue 14, finding 5: the report's counts say how many met goals rest on forecasts."""
    document, book, _ = report_files
    rows = _rows(book[texts.GOALS_SHEET])
    on_forecast = [
        r
        for r in rows
        if r["Beräknad status"]
        == texts.MET_ON_FORECAST_LABEL.format(status=texts.STATUS_LABEL[Status.MET])
    ]
    assert on_forecast, "the demo has goals met only thanks to forecasts at T2"
    assert all(
        r["Underlag"] != texts.BASIS_LABEL[Basis.OUTCOME] and r["Delar endast på prognos"] > 0
        for r in on_forecast
    )
    summary = _plain(" ".join(document.sections[0].paragraphs))
    assert _plain(count(texts.REPORT_ON_FORECAST, len(on_forecast))) in summary


def test_a_failing_export_says_so_in_swedish_with_a_way_to_try_again(client, monkeypatch):
    """Issue 17: a failed build is a Swedish page with "försök igen", not the generic error."""

    def broken(document):
        raise RuntimeError("the PDF library failed")

    monkeypatch.setattr(exports, "to_pdf", broken)
    url = "/ladda-ned/avvikelser.pdf?org=SKA&ar=2026&period=T2"
    response = client.get(url)
    assert response.status_code == 500 and response.content_type.startswith("text/html")
    page = response.get_data(as_text=True)
    assert texts.REPORT_FAILED in page and "Försök igen" in page
    assert 'href="/ladda-ned/avvikelser.pdf?' in page  # try again: the same download
    assert f'href="{urls.DEVIATIONS_PATH}?' in page  # or back to the meeting view
    assert "the PDF library failed" not in page


def test_a_busy_export_says_so_in_swedish_with_a_way_to_try_again(client, monkeypatch):
    monkeypatch.setattr(ReportBuilds, "file", lambda self, key, build: None)
    response = client.get("/ladda-ned/tertialrapport.xlsx?org=SKA&ar=2026&period=T2")
    assert response.status_code == 503 and response.headers["Retry-After"] == "30"
    page = response.get_data(as_text=True)
    assert texts.REPORT_BUSY in page and 'href="/ladda-ned/tertialrapport.xlsx?' in page


def test_the_report_has_last_years_value_and_women_and_men_for_every_indicator(empty_store):
    """Issue 17: the city's routine asks for the same period last year and the K/M split."""
    data = tiny_dataset()
    data.measurements.append(MeasurementRow("NOJD", "STAD", 2024, "T1", Gender.TOTAL, 82.0, None))
    empty_store.write_dataset(data, user_name="test", file_name="tiny", kind="test")
    city = empty_store.org("STAD")
    state = urls.ViewState(2025, "T1", "STAD")
    document = downloads.document(empty_store, "tertialrapport", state, city, TODAY)
    book = load_workbook(io.BytesIO(exports.to_xlsx(document)))
    rows = _rows(book[texts.INDICATORS_SHEET])
    [satisfied] = [
        r for r in rows if r["Indikatorkod"] == "NOJD" and r["Organisation"] == city.name
    ]
    last_year, women, men = texts.REPORT_COMPARISON_COLUMNS
    assert (satisfied["Utfall"], satisfied[last_year]) == (86.0, 82.0)
    assert (satisfied[women], satisfied[men]) == (87.0, 85.0)
    headers = [cell.value for cell in book[texts.INDICATORS_SHEET][4]]
    assert headers.index(last_year) == headers.index("Prognos helår") + 1
    pdf = _plain(
        "".join(p.extract_text() for p in PdfReader(io.BytesIO(exports.to_pdf(document))).pages)
    )
    assert all(_plain(column) in pdf for column in texts.REPORT_COMPARISON_COLUMNS)
    nojd = empty_store.indicator("NOJD")
    for value in (82.0, 87.0, 85.0):
        assert _plain(format_number(value, nojd.decimals, nojd.unit)) in pdf


def test_the_word_report_has_headings_tables_with_header_rows_and_described_charts(report_files):
    document, _, _ = report_files
    word = docx.Document(io.BytesIO(export_docx.to_docx(document)))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [s.heading for s in document.sections]  # the navigation pane's outline
    assert word.paragraphs[0].text == document.title and word.core_properties.language == "sv"
    tables = [t for s in document.sections for t in s.tables]
    assert len(word.tables) == len(tables)
    for grid, table in zip(word.tables, tables, strict=True):
        assert tuple(cell.text for cell in grid.rows[0].cells) == table.headers
        assert grid.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated per page
        assert [c.text for c in grid.rows[1].cells] == [
            exports.plain_text(v) for v in table.rows[0]
        ]
    charts = [c for s in document.sections for c in s.charts]
    described = [s._inline.docPr.get("descr") for s in word.inline_shapes]
    assert described == [c.alt_text for c in charts] and described
