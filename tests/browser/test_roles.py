"""Signing in and the roles, as a new user would try them in Chromium."""

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from dashboard.domain.model import ActivityStatus
from dashboard.upload import csv_export
from dashboard.upload.csv_formats import MEASUREMENTS
from layouts import texts
from layouts.texts import OUT_OF_SCOPE
from tests.browser.conftest import sign_in
from tests.clients import PASSWORDS


def _outcome_file(org_code: str, value: float) -> dict:
    record = ("KF02", org_code, 2026, "T2", "T", value, None, "ok", "")
    return {
        "name": f"utfall-{org_code}.csv",
        "mimeType": "text/csv",
        "buffer": csv_export.csv_bytes(MEASUREMENTS, [record]),
    }


@pytest.mark.user(None)
def test_a_link_from_a_mail_opens_after_signing_in(page, axe_check, screenshot):
    page.goto("/mal/KF1.3?ar=2026&period=T2&org=SKA")
    expect(page.get_by_role("heading", level=1)).to_have_text(texts.SIGN_IN_TITLE)
    assert axe_check() == []
    page.get_by_label(texts.USERNAME_LABEL).fill("politiker")
    page.get_by_label(texts.PASSWORD_LABEL).fill("fel lösenord")
    page.get_by_role("button", name=texts.SIGN_IN_BUTTON).click()
    expect(page.get_by_role("alert")).to_have_text(texts.SIGN_IN_FAILED)
    screenshot("logga-in")
    page.get_by_label(texts.PASSWORD_LABEL).fill(PASSWORDS["politiker"])
    page.get_by_role("button", name=texts.SIGN_IN_BUTTON).click()
    expect(page).to_have_url(re.compile(r"/mal/KF1\.3\?ar=2026&period=T2&org=SKA$"))
    expect(page.locator(".org-trail strong")).to_have_text("Skarpnäcks stadsdelsnämnd")
    expect(page.locator(".user-area")).to_contain_text("Politiker Eva Berg (läsare)")
    page.get_by_role("button", name=texts.SIGN_OUT_BUTTON).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(texts.SIGN_IN_TITLE)


def test_a_reader_sees_everything_and_is_offered_no_change(page):
    page.goto("/mal/KF1.3/bedomning?ar=2026&period=T2&org=SKA")
    expect(page.get_by_role("main").get_by_text(texts.REFUSED_READ_ONLY)).to_be_visible()
    expect(page.get_by_role("button", name=texts.SAVE)).to_have_count(0)
    expect(page.get_by_role("link", name=texts.NAV_UPLOAD)).to_have_count(0)


@pytest.mark.user("enhetschef")
def test_a_unit_manager_uploads_for_their_unit_and_is_refused_for_the_neighbour(page, screenshot):
    page.goto("/uppladdning")
    expect(page.locator(".scope-note")).to_contain_text("SKA-FSK-01")
    page.set_input_files(
        "#upload-files input[type=file]", files=[_outcome_file("SKA-FSK-02", 64.0)]
    )
    preview = page.locator("#upload-preview")
    expect(preview).to_contain_text(OUT_OF_SCOPE)
    expect(preview).to_contain_text("rad 2")
    expect(page.get_by_role("button", name=texts.SAVE_UPLOAD)).to_be_disabled()
    screenshot("uppladdning-utanfor-behorighet")
    page.set_input_files(
        "#upload-files input[type=file]", files=[_outcome_file("SKA-FSK-01", 64.0)]
    )
    expect(preview).to_contain_text(texts.PREVIEW_OK)
    page.get_by_role("button", name=texts.SAVE_UPLOAD).click()
    expect(page.locator("#upload-result")).to_contain_text(texts.SAVED_HEADING)
    expect(page.locator("#upload-log")).to_contain_text("enhetschef")

    page.context.clear_cookies()
    sign_in(page, "admin")
    page.get_by_role("link", name=texts.AUDIT_HEADING).click()
    log = page.locator(".audit-page table")
    expect(log).to_contain_text("utfall-SKA-FSK-01.csv")
    page.get_by_label(texts.AUDIT_FILTER_USER).select_option("enhetschef")
    page.get_by_role("button", name=texts.AUDIT_FILTER_BUTTON).click()
    expect(page).to_have_url(re.compile(r"anvandare=enhetschef"))
    expect(log.locator("tbody tr").first).to_contain_text("enhetschef")
    screenshot("andringslogg")


@pytest.mark.session_ends
def test_a_session_that_ends_leads_back_to_sign_in_and_then_to_the_same_view(page):
    page.goto("/?org=SKA")
    expect(page.locator(".goal-card").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.context.clear_cookies()  # as when the session expires or the account is removed
    try:
        page.get_by_role("link", name=texts.NAV_DEVIATIONS).click(timeout=5_000)
        wanted = r"/avvikelser\?"
    except (
        PlaywrightTimeoutError
    ):  # a background request met the ended session first and led to sign-in
        wanted = r"/\?(?:.*&)?org=SKA(?:&|$)"  # the filter bar may have spelled out year and period
    expect(page.get_by_role("heading", level=1)).to_have_text(texts.SIGN_IN_TITLE)
    page.get_by_label(texts.USERNAME_LABEL).fill("politiker")
    page.get_by_label(texts.PASSWORD_LABEL).fill(PASSWORDS["politiker"])
    page.get_by_role("button", name=texts.SIGN_IN_BUTTON).click()
    expect(page).to_have_url(re.compile(wanted))


@pytest.mark.user("enhetschef")
def test_a_unit_manager_follows_up_an_activity_from_the_goal_page(
    page, demo_app_store, axe_check, screenshot
):
    _, activity = demo_app_store.activity("SKA-FSK-01-E1-A2026-1")
    page.goto("/mal/SKA-FSK-01-E1?ar=2026&period=T2&org=SKA-FSK-01")
    page.get_by_role("link", name=activity.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(activity.title)
    page.get_by_label(texts.ACTIVITY_STATUS_LABEL[ActivityStatus.DELAYED], exact=True).check()
    page.get_by_role("button", name=texts.ACTIVITY_SAVE).click()
    expect(page.get_by_role("alert")).to_contain_text(texts.ACTIVITY_PROBLEM_TEXT["no_comment"])
    assert axe_check() == []
    page.get_by_label(texts.ACTIVITY_COMMENT_LABEL).fill(
        "Två pedagoger sjukskrivna; startar i oktober."
    )
    page.get_by_role("button", name=texts.ACTIVITY_SAVE).click()
    expect(page.locator("#activity-feedback")).to_contain_text(
        texts.ACTIVITY_STATUS_LABEL[ActivityStatus.DELAYED]
    )
    expect(page.locator("#activity-history")).to_contain_text("Två pedagoger sjukskrivna")
    expect(page.locator("#activity-facts")).to_contain_text(
        texts.ACTIVITY_STATUS_LABEL[ActivityStatus.DELAYED]
    )
    screenshot("aktivitet")
