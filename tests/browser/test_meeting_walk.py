"""Issue 17's "Done when", walked as one user in a real Chromium: the tertial meeting from the
whole city's list to the next period's follow-up.

A controller (editor for Skarpnäck) opens the whole city's Avvikelser for T2 2026, filters to
Skarpnäck and to the goals new since T1, opens Avvikelser from Översikt's "Ej uppfyllt" count
presents the goals from the agenda on a 1280×720 projector, records an åtgärd with owner and
date, downloads the tertial report as Word, Excel and PDF (each with last year's values and
the women/men split, and the new åtgärd), and when helår 2026 is reported finds the åtgärd to
follow up on the Målsida and in the presentation.

The walk writes (an åtgärd, a period's values), so it runs on its own copy of the browser
tests' demo database, served apart: the other browser tests keep T2 2026 as the latest period.
Every step waits for content, never for a time.
"""

from __future__ import annotations

import io
import re
import sqlite3
import threading
from collections.abc import Iterator

import docx
import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect
from pypdf import PdfReader
from werkzeug.serving import make_server

from dashboard.app import create_app
from dashboard.domain.dataset import Dataset
from dashboard.domain.model import GoalLevel, Status
from dashboard.pages.deviations import Only, deviations, kept
from dashboard.settings import Settings
from dashboard.store import Store
from dashboard.store.database import make_engine
from dashboard.upload import change_sets, csv_export
from layouts import texts, urls
from layouts.explanation import format_number
from layouts.ids import MeasureIds
from tests.clients import PASSWORDS
from tests.demo_db import _dataset
from tests.test_exports import _plain, _rows

FIRST = 30_000  # ms: the first whole-city page of a new server judges every goal, under load
BUILD = 180_000  # ms: a nämnd's tertial report in PDF on a busy machine
T2 = "ar=2026&period=T2"
MEASURE = ("Inför veckovisa avstämningar i arbetsgrupperna", "Karin Holm", "2026-11-30")


@pytest.fixture(scope="module")
def walk(demo_app_store, tmp_path_factory) -> Iterator[tuple[str, Store]]:
    """A copy of the demo database (SQLite's online backup) served on its own address."""
    path = tmp_path_factory.mktemp("walk") / "walk.db"
    source, target = sqlite3.connect(demo_app_store.engine.url.database), sqlite3.connect(path)
    with target:
        source.backup(target)
    source.close()
    target.close()
    url = f"sqlite:///{path}"
    server = make_server(
        "127.0.0.1", 0, create_app(Settings(database_url=url)).server, threaded=True
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    store = Store(make_engine(url))
    yield f"http://127.0.0.1:{server.server_port}", store
    server.shutdown()
    store.engine.dispose()


def _sign_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/logga-in")
    page.get_by_label(texts.USERNAME_LABEL).fill(username)
    page.get_by_label(texts.PASSWORD_LABEL).fill(PASSWORDS[username])
    page.get_by_role("button", name=texts.SIGN_IN_BUTTON).click()
    page.wait_for_url(re.compile(r"/$|/att-rapportera"))


def _settled(page) -> None:
    """Wait until no Dash callback is still loading: a click lands on the page as drawn."""
    page.wait_for_function(
        "() => !document.querySelector('[data-dash-is-loading=\"true\"]')", timeout=FIRST
    )


def _download(page, label: str, tmp_path) -> bytes:
    with page.expect_download(timeout=BUILD) as download:
        page.get_by_role("link", name=label).click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return path.read_bytes()


def _report_helar(store: Store) -> None:
    """Helår 2026 arrives, through the import as a file: Skarpnäck's T2 values again, as the full
    year's (the next period)."""
    rows = [
        m._replace(period="FY")
        for m in _dataset().measurements
        if (m.year, m.period) == (2026, "T2") and m.org_code.startswith("SKA")
    ]
    change_sets.commit(
        store, csv_export.dataset_files(Dataset(measurements=rows)), user_name="test"
    )


@pytest.mark.user("")  # signs in on its own server
def test_the_tertial_meeting_from_the_whole_citys_list_to_the_next_periods_follow_up(
    page, walk, tmp_path
):
    base, store = walk
    city, ska = store.root_org(), store.org("SKA")
    _sign_in(page, base, "controller")

    # The whole city's Avvikelser, filtered to Skarpnäck and to what is new since T1.
    page.goto(f"{base}/avvikelser?{T2}&org=STAD")
    filters = page.get_by_role("navigation", name=texts.DEVIATION_FILTERS_LABEL)
    expect(filters).to_be_visible(timeout=FIRST)
    _settled(page)
    filters.get_by_role("link", name=re.compile(ska.name)).click()
    expect(page).to_have_url(re.compile(f"{urls.WITHIN_KEY}=SKA"))
    within = kept(store, city, 2026, "T2", Only(within="SKA")).found
    expect(page.locator(".deviation-goal")).to_have_count(min(len(within), urls.SHOWN_STEP))
    _settled(page)
    newer = filters.get_by_role("link", name=texts.FILTER_NEW)
    redrawn = re.compile(f"{urls.WITHIN_KEY}=SKA")
    expect(newer).to_have_attribute("href", redrawn, timeout=FIRST)
    _settled(page)
    newer.click()
    expect(page).to_have_url(re.compile("nya=ja"))
    expect(page).to_have_url(re.compile(f"{urls.WITHIN_KEY}=SKA"))  # the filters add up
    new = kept(store, city, 2026, "T2", Only(within="SKA", new=True)).found
    assert new, "the demo has goals in Skarpnäck that are new deviations since T1"
    rows = page.locator(".deviation-goal")
    expect(rows).to_have_count(min(len(new), urls.SHOWN_STEP))
    expect(rows.first).to_contain_text(new[0].goal.title)

    # Översikt's "Ej uppfyllt" count is a door to the list it counts: the demo's goals not met
    # at T2 are enhetsmål, so Översikt shows that level.
    page.goto(f"{base}/?{T2}&org=SKA&{urls.LEVEL_KEY}=enhet")
    not_met = deviations(
        store, ska, 2026, "T2", 1000, Only(level=GoalLevel.UNIT, status=Status.NOT_MET)
    ).found
    assert not_met, "the demo has enhetsmål not met in Skarpnäck at T2"
    page.locator(".summary a", has_text=texts.STATUS_LABEL[Status.NOT_MET]).click()
    expect(page).to_have_url(re.compile(r"/avvikelser\?.*status=ej-uppfyllt"))
    expect(page.locator(".deviation-goal")).to_have_count(min(len(not_met), urls.SHOWN_STEP))
    expect(page.locator(".deviation-goal.status-not_met")).to_have_count(
        min(len(not_met), urls.SHOWN_STEP)
    )

    # The presentation on a projector, from the agenda: Skarpnäck's meeting, its last goal.
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{base}/avvikelser?{T2}&org=SKA")
    page.get_by_role("link", name=texts.START_PRESENTATION).click()
    agenda_nav = page.get_by_role("navigation", name=texts.AGENDA_LABEL)
    found = kept(store, ska, 2026, "T2").found
    goal = found[-1]
    owner = store.org_by_id(goal.org_id)
    agenda_nav.get_by_text(texts.AGENDA_HEADING.format(count=len(found))).click()
    item = texts.AGENDA_ITEM.format(title=goal.goal.title, org=owner.name)
    agenda_nav.get_by_role("link", name=item, exact=True).click()
    expect(page.locator(".presentation-nav .position")).to_have_text(
        texts.POSITION.format(number=len(found), total=len(found))
    )
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(goal.goal.title)
    assert heading.bounding_box()["y"] < 720  # the goal starts on the projector's screen
    expect(page.locator(".follow-up")).to_be_visible()

    # An åtgärd with owner and date, recorded from the presentation's goal.
    page.get_by_role("link", name=texts.OPEN_GOAL).click()
    page.locator(f"#{MeasureIds.TEXT}").fill(MEASURE[0])
    page.locator(f"#{MeasureIds.RESPONSIBLE}").fill(MEASURE[1])
    page.locator(f"#{MeasureIds.DUE}").fill(MEASURE[2])
    page.get_by_role("button", name=texts.MEASURE_ADD_BUTTON).click()
    expect(page.get_by_role("status")).to_contain_text(texts.MEASURE_ADDED)
    expect(page.locator(f"#{MeasureIds.LISTS}")).to_contain_text(MEASURE[1])

    # The tertial report in the three formats: last year's values, women and men, the åtgärd.
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(f"{base}/avvikelser?{T2}&org=SKA")
    book = load_workbook(io.BytesIO(_download(page, "Tertialrapport (Excel)", tmp_path)))
    last_year, women, men = texts.REPORT_COMPARISON_COLUMNS
    compared = [
        r
        for r in _rows(book[texts.INDICATORS_SHEET])
        if all(isinstance(r[c], float | int) for c in (last_year, women, men))
    ]
    assert compared, "indicators with last year's value and women and men"
    sheet_text = " ".join(
        str(c.value) for row in book[texts.MEASURES_SHEET].iter_rows() for c in row
    )
    assert MEASURE[0] in sheet_text
    indicator = store.indicator(compared[0]["Indikatorkod"])
    values = [
        format_number(compared[0][c], indicator.decimals, indicator.unit)
        for c in (last_year, women, men)
    ]
    pdf = PdfReader(io.BytesIO(_download(page, "Tertialrapport (PDF)", tmp_path)))
    word = docx.Document(io.BytesIO(_download(page, "Tertialrapport (Word)", tmp_path)))
    for name, text in (
        ("pdf", "".join(p.extract_text() for p in pdf.pages)),
        (
            "docx",
            " ".join(
                [p.text for p in word.paragraphs]
                + [c.text for t in word.tables for row in t.rows for c in row.cells]
            ),
        ),
    ):
        squeezed = _plain(text).replace(" ", "")  # a narrow PDF cell wraps its words
        wanted = [
            *texts.REPORT_COMPARISON_COLUMNS,
            *texts.REPORT_CHANGE_COLUMNS,
            MEASURE[0],
            *values,
        ]
        assert [w for w in wanted if _plain(w).replace(" ", "") not in squeezed] == [], name

    # The next period: helår 2026 is reported, and the åtgärd is there to follow up.
    _report_helar(store)
    page.goto(f"{base}/mal/{goal.goal.code}?ar=2026&period=FY&org={owner.code}")
    follow_up = page.locator(f"#{MeasureIds.LISTS}").get_by_role(
        "region", name=texts.MEASURES_FOLLOW_UP_CAPTION
    )
    expect(follow_up).to_contain_text(MEASURE[0], timeout=FIRST)
    expect(follow_up).to_contain_text(MEASURE[1])
    expect(follow_up).to_contain_text(MEASURE[2])
    at_helar = kept(store, ska, 2026, "FY").found
    number = next(
        i for i, b in enumerate(at_helar, 1) if (b.goal.id, b.org_id) == (goal.goal.id, owner.id)
    )
    page.goto(f"{base}/presentation?ar=2026&period=FY&org=SKA&nr={number}")
    expect(page.get_by_role("heading", level=1)).to_have_text(goal.goal.title, timeout=FIRST)
    expect(page.locator(".follow-up")).to_contain_text(MEASURE[0])
