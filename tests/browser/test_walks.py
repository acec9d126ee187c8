"""The politician's walk and the filters, in a real Chromium."""

import re

from playwright.sync_api import expect

from dashboard.domain.model import Gender, GoalLevel
from layouts import texts
from layouts.explanation import format_number


def test_politician_walks_from_overview_down_to_a_unit_and_an_indicator(
    page, demo_app_store, screenshot
):
    store = demo_app_store
    year, period = store.reported_periods()[-1]
    kf_goal = store.goals(year, (GoalLevel.COUNCIL,))[0]

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Måluppfyllelse")
    screenshot("oversikt")
    page.get_by_role("link", name=kf_goal.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(kf_goal.title)
    screenshot("malsida")

    # Down the organisation tree: nämnd → avdelning → enhet, as far as the goal is measured.
    for _ in range(3):
        table = page.get_by_role("region", name=texts.BY_ORG_CAPTION)
        if table.count() == 0:
            break
        link = table.locator("tbody a").first
        name = link.inner_text()
        link.click()
        expect(page.locator(".org-trail strong")).to_have_text(name)
    org = store.org(re.search(r"org=([^&]+)", page.url).group(1))
    assert org is not None and org.parent_id is not None

    # An indicator measured at the unit itself (others are listed as measured below or not here).
    measured = [
        f.indicator.name for f in store.goal_indicator_facts([org.id], year, period, [kf_goal.id])
    ]
    indicators = page.get_by_role("region", name=texts.INDICATORS_CAPTION)
    first_indicator = (
        indicators.get_by_role("link", name=measured[0], exact=True)
        if measured
        else indicators.locator("tbody a").first
    )
    indicator_name = first_indicator.inner_text()
    first_indicator.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(indicator_name)
    expect(page.get_by_role("heading", name=texts.TREND_HEADING)).to_be_visible()
    screenshot("indikatorsida")

    # The number shown is the store's.
    indicator = next(
        f.indicator
        for f in store.goal_indicator_facts([org.id], year, period, [kf_goal.id])
        if f.indicator.name == indicator_name
    )
    [reading] = [
        m.reading
        for m in store.measurements([indicator.id], [org.id], period, [year])
        if m.gender is Gender.TOTAL
    ]
    if reading.outcome is not None:
        expect(page.locator("main")).to_contain_text(
            format_number(reading.outcome, indicator.decimals, indicator.unit)
        )

    # A link sent by mail opens the same view.
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    expect(page.get_by_role("heading", level=1)).to_have_text(indicator_name)
    expect(page.locator(".org-trail strong")).to_have_text(org.name)


def test_filters_write_the_url_and_back_goes_back(page, demo_app_store):
    periods = demo_app_store.reported_periods()
    year, period = periods[-1]
    earlier = next(p for y, p in periods if y == year)
    page.goto("/")
    expect(page.locator(".goal-card").first).to_be_visible()
    page.get_by_label(texts.PERIOD_FIELD_LABEL, exact=True).select_option(earlier)
    expect(page).to_have_url(re.compile(f"period={earlier}"))
    expect(page.locator("p.lead")).to_contain_text(texts.PERIOD_LABEL[earlier].lower())
    page.go_back()
    expect(page.locator("p.lead")).to_contain_text(texts.PERIOD_LABEL[period].lower())


def test_level_tabs_show_committee_goals(page):
    page.goto("/?org=SKA")
    page.get_by_role("link", name=texts.OVERVIEW_LEVEL_TAB[GoalLevel.COMMITTEE]).click()
    expect(page).to_have_url(re.compile("niva=namnd"))
    expect(page.locator(".goal-card").first).to_be_visible()
    expect(page.locator(".goal-card .owner").first).to_be_visible()


def test_why_names_what_pulls_a_goal_down_one_click_from_the_card(page, demo_app_store):
    """Issue 14: on Skarpnäck's Översikt a goal not met names its worst part, linked to where it
    is measured."""
    page.goto("/?org=SKA")
    card = page.locator(".goal-card").filter(has=page.locator(".pulls-down")).first
    expect(card.locator(".pulls-down")).to_contain_text(texts.PULLS_DOWN.strip())
    link = card.locator(".pulls-down a").first
    name = link.inner_text()
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(page.locator(".org-trail strong")).to_have_text("Skarpnäcks stadsdelsnämnd")


def test_the_goal_page_lists_each_part_worst_first(page, demo_app_store):
    goal = demo_app_store.goals(2026, (GoalLevel.COUNCIL,))[0]
    page.goto(f"/mal/{goal.code}?org=SKA")
    table = page.get_by_role("region", name=texts.CAUSES_CAPTION)
    expect(table.locator("tbody tr").first).to_be_visible()
    lost = [
        float(cell.replace(",", "."))
        for cell in table.locator("tbody tr td:last-child").all_inner_texts()
    ]
    assert lost and lost == sorted(lost, reverse=True)
