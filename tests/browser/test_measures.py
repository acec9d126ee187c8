"""Åtgärder in a real Chromium: an editor records one with owner and due date at T1, and at T2's
meeting it is there to follow up, overdue; a reader sees the list but no form (issue 17)."""

import pytest
from playwright.sync_api import expect

from dashboard.domain.model import GoalLevel
from layouts import texts
from layouts.ids import MeasureIds


def _skarpnacks_goals(store):
    """Skarpnäck's nämndmål; the demo gives the first two åtgärder."""
    ska = store.org("SKA")
    return [g for g in store.goals(2026, (GoalLevel.COMMITTEE,)) if g.org_id == ska.id]


@pytest.mark.user("controller")
def test_an_editor_records_a_measure_and_it_is_followed_up_at_the_next_period(
    page, axe_check, demo_app_store, screenshot
):
    goal = _skarpnacks_goals(demo_app_store)[2]  # one without
    page.goto(f"/mal/{goal.code}?org=SKA&ar=2026&period=T1")
    heading = page.get_by_role("heading", name=texts.MEASURES_SECTION_HEADING, level=2, exact=True)
    expect(heading).to_be_visible()
    expect(page.get_by_text(texts.NO_MEASURES_DECIDED)).to_be_visible()
    page.locator(f"#{MeasureIds.TEXT}").fill("Ta fram en ny schemaläggning")
    page.locator(f"#{MeasureIds.RESPONSIBLE}").fill("Karin Holm")
    page.locator(f"#{MeasureIds.DUE}").fill("2026-06-30")
    page.get_by_role("button", name=texts.MEASURE_ADD_BUTTON).click()
    expect(page.get_by_role("status")).to_contain_text(texts.MEASURE_ADDED)
    expect(page.locator(f"#{MeasureIds.LISTS}")).to_contain_text("Karin Holm")
    assert axe_check() == []  # with the forms and the saved message showing
    screenshot("atgard-t1")

    page.goto(f"/mal/{goal.code}?org=SKA&ar=2026&period=T2")
    lists = page.locator(f"#{MeasureIds.LISTS}")
    follow_up = lists.get_by_role("region", name=texts.MEASURES_FOLLOW_UP_CAPTION)
    expect(follow_up).to_contain_text("Ta fram en ny schemaläggning")
    expect(follow_up).to_contain_text("Karin Holm")
    expect(follow_up).to_contain_text("2026-06-30")
    expect(follow_up).to_contain_text(texts.OVERDUE.strip(" –"))
    screenshot("atgard-t2")


def test_a_reader_sees_the_measures_to_follow_up_but_no_form(page, demo_app_store):
    goal = _skarpnacks_goals(demo_app_store)[0]
    page.goto(f"/mal/{goal.code}?org=SKA&ar=2026&period=T2")
    expect(page.get_by_role("heading", name=texts.MEASURES_FOLLOW_UP_HEADING)).to_be_visible()
    expect(page.locator(f"#{MeasureIds.LISTS}")).to_contain_text(
        texts.MEASURE_STATUS_LABEL["planned"]
    )
    expect(page.get_by_role("button", name=texts.MEASURE_ADD_BUTTON)).to_have_count(0)
