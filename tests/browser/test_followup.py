"""The tertial meeting in a real Chromium: Avvikelser, the projector view, an assessment, the
downloads."""

import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect
from pypdf import PdfReader

from dashboard.domain import rules
from dashboard.domain.model import Status
from dashboard.followup import accuracy, agenda
from dashboard.followup.assessments import AssessmentProblem
from layouts import goal as goal_layout
from layouts import texts, urls
from layouts.ids import AccuracyIds, AssessmentIds
from layouts.urls import SHOWN_KEY

SKA_T2 = "org=SKA&ar=2026&period=T2"


@pytest.mark.parametrize(
    "path",
    [
        f"/avvikelser?{SKA_T2}",
        f"/presentation?{SKA_T2}&nr=2",
        "/prognoser?org=SKA",
        "/prognoser/KF21?org=SKA",
        f"/mal/KF1.2?{SKA_T2}",
        f"/mal/KF1.2/bedomning?{SKA_T2}",
    ],
)
def test_no_serious_accessibility_violations(page, axe_check, path):
    page.goto(path)
    expect(page.locator("main h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert axe_check() == []


def test_the_meeting_walks_through_the_deviations_with_the_keyboard(
    page, demo_app_store, screenshot
):
    found = agenda.agenda(demo_app_store, demo_app_store.org("SKA"), 2026, "T2")
    page.goto("/?org=SKA")
    expect(page.locator(".goal-card").first).to_be_visible()
    page.get_by_role("navigation", name=texts.NAV_LABEL).get_by_role(
        "link", name=texts.NAV_DEVIATIONS
    ).click()
    heading = texts.DEVIATIONS_HEADING.format(org="Skarpnäcks stadsdelsnämnd")
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page).to_have_url(re.compile("org=SKA"))  # the header link kept the organisation
    screenshot("avvikelser")

    page.get_by_role("link", name=texts.START_PRESENTATION).click()
    position = page.locator(".presentation-nav .position")
    expect(position).to_have_text(texts.POSITION.format(number=1, total=len(found)))
    expect(page.get_by_role("heading", level=1)).to_have_text(found[0].status.goal.title)
    page.keyboard.press("ArrowRight")
    expect(position).to_have_text(texts.POSITION.format(number=2, total=len(found)))
    expect(page.get_by_role("heading", level=1)).to_have_text(found[1].status.goal.title)
    expect(page).to_have_url(re.compile("nr=2"))
    screenshot("presentation")
    page.keyboard.press("PageUp")
    expect(position).to_have_text(texts.POSITION.format(number=1, total=len(found)))
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile("/avvikelser"))


@pytest.mark.user("controller")
def test_a_rosier_assessment_needs_a_justification_and_is_flagged(
    page, axe_check, demo_app_store, screenshot
):
    found = agenda.agenda(demo_app_store, demo_app_store.org("SKA"), 2026, "T2")
    goal = next(
        g.status
        for g in found
        if g.status.result.status is Status.PARTLY_MET
        and g.status.disagreement is rules.Disagreement.NONE
        and g.status.goal.code.startswith("SKA-")
    )
    page.goto(f"/avvikelser?{SKA_T2}")
    page.locator(".goal-line", has_text=goal.goal.title).click()  # a goal's details open on demand
    page.get_by_role("region", name=goal.goal.title).get_by_role(
        "link", name=texts.RECORD_ASSESSMENT
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        texts.FORM_HEADING.format(goal=goal.goal.title)
    )

    justification = page.get_by_label(texts.JUSTIFICATION_LABEL)
    expect(justification).to_be_hidden()
    page.get_by_label(texts.CHOICE_LABEL[Status.MET], exact=True).check()
    expect(justification).to_be_visible()
    expect(page.locator(".alert-warning")).to_contain_text(texts.STATUS_LABEL[Status.PARTLY_MET])
    page.get_by_label(texts.ANALYSIS_LABEL).fill("Fler enkätsvar väntas i oktober.")
    page.get_by_role("button", name=texts.SAVE).click()
    expect(page.get_by_role("alert")).to_contain_text(
        texts.PROBLEM_TEXT[AssessmentProblem.NO_JUSTIFICATION]
    )
    assert axe_check() == []  # with the warning and the error summary showing

    justification.fill("Höstens enkät brukar visa högre nöjdhet.")
    page.get_by_role("button", name=texts.SAVE).click()
    expect(page.get_by_role("status")).to_contain_text(texts.SAVED_FLAGGED)
    expect(page.locator(f"#{AssessmentIds.HISTORY}")).to_contain_text("controller")
    screenshot("malbedomning")

    page.goto(f"/avvikelser?{SKA_T2}")
    page.locator(".goal-line", has_text=goal.goal.title).click()
    section = page.get_by_role("region", name=goal.goal.title)
    expect(section).to_contain_text(texts.DISAGREEMENT_LABEL[rules.Disagreement.MORE_POSITIVE])
    expect(section).to_contain_text("Höstens enkät brukar visa högre nöjdhet.")


@pytest.mark.parametrize(
    "label, suffix", [("Tertialrapport (Excel)", ".xlsx"), ("Tertialrapport (PDF)", ".pdf")]
)
def test_the_tertial_report_downloads(page, label, suffix, tmp_path):
    page.goto(f"/avvikelser?{SKA_T2}")
    with page.expect_download() as download:
        page.get_by_role("link", name=label).click()
    assert (
        download.value.suggested_filename
        == f"Tertialrapport Skarpnäcks stadsdelsnämnd T2 2026{suffix}"
    )
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    data = path.read_bytes()
    if suffix == ".xlsx":
        assert texts.GOALS_SHEET in load_workbook(io.BytesIO(data)).sheetnames
    else:
        assert "Tertialrapport 2 2026" in PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_prognoses_page_names_the_most_optimistic_committee(
    page, demo_app_store, screenshot, axe_check
):
    year, period = demo_app_store.reported_periods()[-1]  # the page opens on the latest period
    worst = accuracy.committee_accuracy(
        demo_app_store,
        demo_app_store.org_units(),
        demo_app_store.root_org(),
        year,
        accuracy.shown_periods(period),
    )[0]
    summary = worst.by_period[accuracy.shown_periods(period)[0]]
    page.goto("/")
    expect(page.locator(".goal-card").first).to_be_visible()
    page.get_by_role("link", name=texts.NAV_ACCURACY).click()
    finding = page.locator(".finding").first
    expect(finding).to_contain_text(worst.key.name, timeout=10_000)  # the city: a long page
    expect(finding).to_contain_text(
        f"{summary.too_positive} av {summary.count}"
    )  # a rate with its count
    how_often = page.get_by_role("table", name=texts.HOW_OFTEN_CAPTION)
    expect(how_often).to_have_count(0)  # the long tables are drawn when opened (issue 20)
    lines = page.locator(".part-line")
    lines.first.focus()
    page.keyboard.press("Enter")  # a native <details>: the keyboard opens it
    expect(how_often).to_be_visible()
    lines.nth(1).click()
    expect(page.get_by_role("table", name=texts.HOW_MUCH_CAPTION)).to_be_visible()
    assert axe_check() == []  # with two tables opened
    expect(page.get_by_role("heading", name=texts.ACCURACY_SECTIONS[1])).to_be_visible()
    screenshot("prognoser")


def test_prognosers_indicator_table_opens_by_keyboard_and_stays_open_when_lengthened(page):
    """The table per indicator is closed until opened (issue 20); its "show more" link draws
    the longer table open, in view."""
    page.goto("/prognoser")
    line = page.locator(".part-line", has_text=texts.INDICATORS_LINE.many.split(":")[0])
    expect(line).to_be_visible(timeout=10_000)
    table = page.get_by_role("table", name=texts.INDICATOR_ERRORS_CAPTION)
    expect(table).to_have_count(0)
    line.focus()
    page.keyboard.press("Space")  # a native <details>
    expect(table).to_be_visible()
    first = table.locator("tbody tr").count()
    section = page.locator(f"#{AccuracyIds.HOW_OFTEN}")
    section.get_by_role("link", name=re.compile(r"^Visa \d+ till$")).click()
    expect(page).to_have_url(re.compile(f"{SHOWN_KEY}=\\d+"))
    expect(table.locator("tbody tr")).not_to_have_count(first)  # drawn open, longer
    assert table.locator("tbody tr").count() > first


def test_a_long_list_of_child_goals_opens_by_keyboard(page, monkeypatch, axe_check):
    """More child goals than CHILD_GOALS_OPEN are closed behind a line that counts their
    statuses (issue 20); Enter opens it and draws the table. KF 1.5 has six at the city."""
    monkeypatch.setattr(goal_layout, "CHILD_GOALS_OPEN", 5)
    page.goto(f"{urls.goal_path('KF1.5')}?ar=2026&period=T2")
    line = page.locator(".part-line", has_text=texts.CHILD_GOALS_LINE.many.split("{")[0] + "6 ")
    expect(line).to_be_visible(timeout=10_000)
    table = page.get_by_role("table", name=texts.CHILD_GOALS_CAPTION)
    expect(table).to_have_count(0)
    line.focus()
    page.keyboard.press("Enter")  # a native <details>
    expect(table.locator("tbody tr")).to_have_count(6)
    assert axe_check() == []
