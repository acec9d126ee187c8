"""The reporting round in Chromium (issue 18): the enhetschef lands on Att rapportera, marks the
unit ready, and the controller sees it in the nämnd's progress and approves it."""

import re

import pytest
from playwright.sync_api import expect

from dashboard.domain.reporting import ReportState
from layouts import texts, urls
from layouts.ids import ReportingIds
from tests.browser.conftest import sign_in

UNIT, UNIT_NAME = "SKA-FSK-01", "Förskolan Solrosen"


@pytest.mark.user(None)
def test_the_unit_marks_ready_and_the_controller_approves(page, axe_check, screenshot):
    sign_in(page, "enhetschef")
    expect(page).to_have_url(re.compile(rf"/att-rapportera\?org={UNIT}$"))
    heading = texts.TO_REPORT_HEADING.format(org=UNIT_NAME)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    own = page.get_by_role("link", name="Andel barn som deltar i daglig högläsning")
    expect(own).to_have_attribute("href", urls.report_form_href(UNIT, 2026, "T2"))
    expect(page.get_by_text(texts.DEADLINE.format(day="2026-09-11"))).to_be_visible()
    assert axe_check() == []
    page.get_by_role("button", name=texts.MARK_READY).click()
    expect(page.locator(f"#{ReportingIds.READY_FEEDBACK}")).to_have_text(texts.MARKED_READY)
    screenshot("att-rapportera")
    page.get_by_role("button", name=texts.SIGN_OUT_BUTTON).click()

    sign_in(page, "controller")
    page.goto(f"{urls.PROGRESS_PATH}?org=SKA")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=UNIT_NAME)).first
    expect(row).to_contain_text(texts.REPORT_STATE_LABEL[ReportState.READY])
    expect(page.locator(f"#{ReportingIds.MAIL_LIST}")).not_to_contain_text("enhetschef")
    assert axe_check() == []
    screenshot("rapportering")
    row.get_by_role("link", name=UNIT_NAME).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    page.get_by_role("button", name=texts.APPROVE).click()
    expect(page.locator(f"#{ReportingIds.CONTROL_FEEDBACK}")).to_have_text(texts.APPROVED)
    page.goto(f"{urls.PROGRESS_PATH}?org=SKA")
    expect(row).to_contain_text(texts.REPORT_STATE_LABEL[ReportState.APPROVED])


def test_a_reader_is_offered_no_step(page):
    page.goto(f"{urls.TO_REPORT_PATH}?org={UNIT}")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("button", name=texts.MARK_READY)).to_have_count(0)
    expect(page.get_by_role("link", name=texts.NAV_TO_REPORT)).to_have_count(0)
