"""Every organisation × period of the demo exports, as Excel, PDF and Word, without an error
(issue 17).

Every run walks all 35 organisations × 14 periods × 2 reports in one format: Excel by default,
the cheapest that still writes every cell of the document (about 0.7 s a view under load, a
few minutes in all on two workers, one test per period). `EXPORT_WALK_FORMAT=pdf` or `docx`
walks in that format instead (PDF takes about an hour: for a release, not every run). Besides,
every run builds the whole city's Avvikelser PDF — the largest, and the one that broke — for
every period, and every report and format for the city, each nämnd and a unit at the latest
period. The data is the same on both backends; the walks run on SQLite only.

The tertial report in PDF or Word (by turns) is walked every run on a stratified sample: at
every period one organisation of each level, the largest first and the others of its level in
turn; the city, the slowest to build, at the first period only (its latest period is built in
every format above) (`sample`). The full walk in those formats is the one above with
`EXPORT_WALK_FORMAT`.
"""

import datetime as dt
import io
import os

import docx
import pytest
from openpyxl import load_workbook

from callbacks import downloads
from dashboard.domain.model import OrgLevel
from dashboard.followup import export_docx, exports
from layouts import urls

TODAY = dt.date(2026, 9, 14)
PERIODS = [(year, period) for year in range(2022, 2026) for period in ("T1", "T2", "FY")] + [
    (2026, "T1"),
    (2026, "T2"),
]
LATEST_ORGS = ["STAD", "KUN", "SKA", "SPT", "SKA-IFO-01"]
sqlite_only = pytest.mark.parametrize("demo_store", ["sqlite"], indirect=True)
WALK_FORMAT = os.environ.get("EXPORT_WALK_FORMAT", "xlsx")


def _build(store, report: str, file_format: str, state: urls.ViewState) -> bytes:
    """The file of one view, as a download builds it."""
    org = store.org(state.org_code)
    document = downloads.document(store, report, state, org, TODAY)
    write = {"xlsx": exports.to_xlsx, "pdf": exports.to_pdf, "docx": export_docx.to_docx}
    return write[file_format](document)


def test_the_demos_periods_are_the_ones_walked(demo_store):
    assert demo_store.reported_periods() == PERIODS
    assert demo_store.root_org().code == "STAD"


@sqlite_only
@pytest.mark.parametrize("year, period", PERIODS)
def test_the_whole_citys_deviations_pdf_builds_for_every_period(demo_store, year, period):
    """The city's T2 2026 PDF failed: "A page jump occurred inside a marked sequence"."""
    state = urls.ViewState(year, period, "STAD")
    assert _build(demo_store, urls.DEVIATIONS_REPORT, "pdf", state).startswith(b"%PDF")


@sqlite_only
@pytest.mark.parametrize("org_code", LATEST_ORGS)
@pytest.mark.parametrize("report", urls.REPORTS)
def test_every_report_and_format_builds_at_the_latest_period(demo_store, org_code, report):
    state = urls.ViewState(2026, "T2", org_code)
    assert _build(demo_store, report, "pdf", state).startswith(b"%PDF")
    assert load_workbook(io.BytesIO(_build(demo_store, report, "xlsx", state))).sheetnames
    assert docx.Document(io.BytesIO(_build(demo_store, report, "docx", state))).paragraphs


@sqlite_only
@pytest.mark.parametrize("year, period", PERIODS)
def test_every_organisation_exports_both_reports_at_every_period(demo_store, year, period):
    assert WALK_FORMAT in urls.FORMATS
    for org in demo_store.org_units():
        for report in urls.REPORTS:
            state = urls.ViewState(year, period, org.code)
            assert _build(demo_store, report, WALK_FORMAT, state), (org.code, report)


def sample(store, index: int) -> list[str]:
    """The organisations walked at the period of `index`: one of each level, the largest first
    (the most organisations below it: the most goals, indicators and rows, where a page break
    or a long table goes wrong) and then the others of its level in turn, so the periods
    between them cover many; the city, the largest of all and the slowest, at the first period
    only: the latest period's city report is built in every format above."""
    sizes = {o.id: 0 for o in store.org_units()}
    for org in store.org_units():
        for above in store.org_lineage(org.id):
            sizes[above.id] += 1
    chosen = []
    for level in OrgLevel:
        if level is OrgLevel.CITY and index:
            continue
        ranked = sorted(
            (o for o in store.org_units() if o.level is level),
            key=lambda o: (-sizes[o.id], o.code),
        )
        chosen.append(ranked[index % len(ranked)].code)
    return chosen


@sqlite_only
def test_the_sample_has_every_level_and_the_largest_organisations(demo_store):
    first = sample(demo_store, 0)
    assert [demo_store.org(c).level for c in first] == list(OrgLevel) and first[0] == "STAD"
    walked = {c for i in range(len(PERIODS)) for c in sample(demo_store, i)}
    committees = {o.code for o in demo_store.org_units() if o.level is OrgLevel.COMMITTEE}
    assert committees <= walked and len(walked) > 3 * len(first)
    assert all("STAD" not in sample(demo_store, i) for i in range(1, len(PERIODS)))


@sqlite_only
@pytest.mark.parametrize("index", range(len(PERIODS)))
def test_the_tertial_report_exports_as_pdf_or_word_for_a_sample_of_every_period(demo_store, index):
    """PDF at every other period and Word at the rest, so both meet every level and the
    suite stays short; the latest period is built in every format above."""
    year, period = PERIODS[index]
    file_format = ("pdf", "docx")[index % 2]
    for code in sample(demo_store, index):
        state = urls.ViewState(year, period, code)
        built = _build(demo_store, urls.TERTIAL_REPORT, file_format, state)
        assert built.startswith(b"%PDF" if file_format == "pdf" else b"PK"), (code, file_format)
