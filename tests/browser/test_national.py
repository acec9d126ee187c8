"""The national comparison in a real Chromium: the Indikatorsida's reference lines and quartile,
and the administrator's page Jämförelser."""

import pytest
from playwright.sync_api import expect

from dashboard.tools.demo.national import GROUP
from layouts import texts
from tests.browser.charts import drawn_text


def test_indicator_page_shows_riket_the_group_median_and_our_quartile(page, axe_check, screenshot):
    page.goto("/indikator/KF01")
    expect(page.get_by_role("heading", name=texts.NATIONAL_HEADING)).to_be_visible()
    # the trend chart draws Riket and the group's median as lines of their own (legend entries)
    legend = drawn_text(page.locator(".figure img.chart").first)
    assert texts.REFERENCE_RIKET in legend
    assert texts.REFERENCE_MEDIAN.format(group=GROUP) in legend
    # our place and quartile in words and symbol, not colour alone
    summary = page.locator(".national-summary")
    expect(summary).to_contain_text("Stockholm")
    expect(summary).to_contain_text("kvartilen")
    expect(page.locator(".national table").first).to_contain_text(texts.RANKING_US.strip())
    expect(page.locator(".national-year")).to_contain_text("Koladas senaste år")
    screenshot("indikatorsida-nationell")
    assert axe_check() == []


@pytest.mark.user("admin")
def test_admin_defines_a_group_and_the_indicator_page_uses_it(page, axe_check):
    page.goto("/jamforelser")
    expect(page.get_by_role("heading", level=1)).to_have_text(texts.NATIONAL_ADMIN_TITLE)
    assert axe_check() == []
    page.get_by_label(texts.LINK_SEARCH_LABEL).fill("sjukfrånvaro")
    page.get_by_role("button", name=texts.SEARCH_BUTTON).click()
    expect(page.locator("#national-search-results")).to_contain_text("N00090")
    page.get_by_label(texts.GROUP_NAME_LABEL).fill("Närmaste grannar")
    page.get_by_label(texts.GROUP_MEMBERS_LABEL).fill("0180, 0182 0184")
    page.get_by_role("button", name=texts.SAVE_BUTTON).nth(1).click()
    expect(page.locator("#national-group-feedback")).to_have_text(texts.NATIONAL_SAVED)
    page.get_by_role("button", name=texts.GROUP_CHOOSE).click()
    expect(page.locator("#national-group-feedback")).to_have_text(texts.NATIONAL_SAVED)
    page.goto("/indikator/KF01")
    expect(page.locator(".national-summary")).to_contain_text("Medianen i Närmaste grannar")
    # back as it was, for the other tests on the shared demo database
    page.goto("/jamforelser")
    page.get_by_label(texts.GROUP_NAME_LABEL).fill(GROUP)
    page.get_by_role("button", name=texts.GROUP_CHOOSE).click()
    expect(page.locator("#national-group-feedback")).to_have_text(texts.NATIONAL_SAVED)
