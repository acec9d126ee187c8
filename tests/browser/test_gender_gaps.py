"""Kvinnor och män in Chromium: reached from the menu, drawn, accessible, filters kept."""

import re

from playwright.sync_api import expect

from layouts import texts, urls


def test_the_gender_gaps_page_is_reached_from_the_menu_and_is_accessible(
    page, axe_check, screenshot
):
    page.goto("/?org=SKA")
    expect(page.locator("main h1")).to_be_visible()
    page.get_by_role("link", name=texts.NAV_GENDER_GAPS).click()
    expect(page).to_have_url(re.compile(re.escape(urls.GENDER_GAPS_PATH) + r"\?.*org=SKA"))
    expect(page.locator("main h1")).to_have_text(
        texts.GENDER_GAPS_HEADING.format(org="Skarpnäcks stadsdelsnämnd")
    )
    rows = page.locator(".gender-gaps-page tbody tr")
    expect(rows.first).to_be_visible()
    expect(rows.first.locator("td").nth(3)).to_contain_text("p.e.")
    page.wait_for_load_state("networkidle")
    assert axe_check() == []
    screenshot("kvinnor-och-man")
    rows.first.locator("a").click()
    expect(page).to_have_url(re.compile(r"/indikator/"))
