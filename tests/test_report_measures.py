"""The tertial report's new content (issue 17): movement since the previous period, åtgärder to
follow up and decided, förväntat resultat and its follow-up, and each indicator's change since
the same period last year and K−M gap — in Excel, PDF and Word alike."""

import datetime as dt
import io

import docx
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from callbacks import downloads
from dashboard.domain.dataset import MeasurementRow
from dashboard.domain.measures import ExpectedResult, MeasureStatus
from dashboard.domain.model import Gender, Status
from dashboard.followup import assessments, control_room, export_docx, exports, measure_writes
from layouts import texts, urls
from tests.test_exports import _plain, _rows
from tests.tiny import tiny_dataset

TODAY = dt.date(2025, 5, 14)
CHANGED = dt.datetime(2025, 5, 2, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def report(empty_store):
    data = tiny_dataset()
    data.measurements.append(MeasurementRow("NOJD", "STAD", 2024, "T1", Gender.TOTAL, 82.0, None))
    store = empty_store
    store.write_dataset(data, user_name="test", file_name="tiny", kind="test")
    goal, city = store.goal("K1"), store.org("STAD")
    overdue = measure_writes.MeasureDraft(
        goal.id, city.id, 2024, "FY", "Rekrytera sjuksköterskor", "Eva Ek", dt.date(2025, 2, 28)
    )
    measure_writes.add(store, overdue, "anna")
    now = measure_writes.MeasureDraft(
        goal.id, city.id, 2025, "T1", "Ny rutin för fallprevention", "Bo Berg", dt.date(2025, 9, 1)
    )
    decided = measure_writes.add(store, now, "anna")
    measure_writes.change_status(
        store, decided, goal.id, city.id, MeasureStatus.ONGOING, "bo", now=CHANGED
    )
    expected = ExpectedResult(goal.id, city.id, 2025, "Fler nöjda äldre", "Dialogmöten varje vecka")
    measure_writes.save_expected(store, expected, "anna")
    [status] = control_room.judge(store, [(goal, city.id)], 2025, "T1")
    draft = assessments.Draft(
        goal.id,
        city.id,
        2025,
        "T1",
        Status.PARTLY_MET,
        "Analys.",
        "Åtgärder.",
        expected_followup="Dialogmötena har börjat",
    )
    assessments.save(store, draft, status.result, "anna")
    state = urls.ViewState(2025, "T1", "STAD")
    return downloads.document(store, urls.TERTIAL_REPORT, state, city, TODAY)


NEW_CONTENT = (
    "Rekrytera sjuksköterskor",
    "Eva Ek",
    "Ny rutin för fallprevention",
    texts.REPORT_FOLLOW_UP_CAPTION,
    "Fler nöjda äldre",
    "Dialogmöten varje vecka",
    "Dialogmötena har börjat",
    "Sedan helår 2024",
    texts.MEASURE_CHANGED.format(date="2025-05-02", by="bo"),  # when the status last changed
    *texts.REPORT_CHANGE_COLUMNS,
    "+4,0 procentenheter",  # 86 now against 82 at T1 2024
    "+2,0 procentenheter",  # women 87, men 85
)


def test_the_excel_report_has_the_new_content(report):
    book = load_workbook(io.BytesIO(exports.to_xlsx(report)))
    text = _plain(
        " ".join(
            str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row if cell
        )
    )
    in_sheets = [c for c in NEW_CONTENT if "procentenheter" not in c]  # numbers in Excel
    in_sheets.remove(texts.REPORT_FOLLOW_UP_CAPTION)  # a column says it: "Att följa upp"
    assert [c for c in in_sheets if _plain(c) not in text] == []
    [satisfied] = [r for r in _rows(book[texts.INDICATORS_SHEET]) if r["Indikatorkod"] == "NOJD"]
    change, gap = texts.REPORT_CHANGE_COLUMNS
    assert (satisfied[change], satisfied[gap]) == (4.0, 2.0)  # numbers, as Excel filters them
    measures = _rows(book[texts.MEASURES_SHEET])
    assert [(m["Åtgärd"], m["Vid perioden"]) for m in measures] == [
        ("Rekrytera sjuksköterskor", texts.MEASURE_KIND[True]),
        ("Ny rutin för fallprevention", texts.MEASURE_KIND[False]),
    ]
    assert measures[0]["Status"] == texts.MEASURE_STATUS_LABEL["planned"] + texts.OVERDUE


def test_the_pdf_report_has_the_new_content(report):
    pdf = _plain(
        "".join(p.extract_text() for p in PdfReader(io.BytesIO(exports.to_pdf(report))).pages)
    )
    squeezed = pdf.replace(" ", "")  # a narrow cell wraps "procent enheter"
    assert [c for c in NEW_CONTENT if c.replace(" ", "") not in squeezed] == []


def test_the_word_report_has_the_new_content(report):
    word = docx.Document(io.BytesIO(export_docx.to_docx(report)))
    text = _plain(
        " ".join(
            [p.text for p in word.paragraphs]
            + [c.text for t in word.tables for row in t.rows for c in row.cells]
        )
    )
    assert [c for c in NEW_CONTENT if _plain(c) not in text] == []
