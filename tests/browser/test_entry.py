"""Entering data in Chromium: the report form with decimal commas shows its effect and saves;
an administrator adds and removes an account on the accounts page (issue 18)."""

import re

import pytest
from playwright.sync_api import expect

from dashboard.access import accounts
from dashboard.upload import change_sets
from layouts import texts
from layouts.ids import AccountIds, ReportFormIds
from layouts.urls import report_form_href

NURSERY = "Andel vårdnadshavare som är nöjda med förskolan"
SICK_LEAVE = "Sjukfrånvaro bland medarbetare"
SAFE_IN_CARE = "Andel brukare som känner sig trygga på vård- och omsorgsboende"


# Whether an input's value fits inside it: its text measured in the input's font, plus padding.
FITS = """e => {
    const style = getComputedStyle(e), text = document.createElement("canvas").getContext("2d");
    text.font = style.font;
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    return text.measureText(e.value).width + padding <= e.clientWidth;
}"""


def _input(page, indicator: str, field: str = "Utfall"):
    return page.get_by_label(f"{field} för {indicator}, totalt", exact=True)


@pytest.mark.user("enhetschef")
def test_the_form_takes_decimal_commas_and_shows_the_effect(page, demo_app_store, axe_check):
    page.goto(report_form_href("SKA-FSK-01", 2026, "T2"))
    expect(_input(page, NURSERY)).to_have_value("88")
    assert axe_check() == []
    _input(page, NURSERY).fill("90")
    _input(page, SICK_LEAVE).fill("4,9")
    page.get_by_role("button", name=texts.REPORT_PREVIEW).click()
    result = page.locator(f"#{ReportFormIds.RESULT}")
    expect(result).to_contain_text(texts.REPORT_PREVIEW_NOTE)
    expect(result).to_contain_text(re.compile(f"{NURSERY} .*88 → 90\u00a0%"))
    expect(result).to_contain_text("5,3 → 4,9\u00a0%")
    expect(result).to_contain_text(texts.EFFECT_GOALS_HEADING)
    page.get_by_role("button", name=texts.REPORT_SAVE, exact=True).click()
    expect(result).to_contain_text("Sparat som uppladdning")
    [latest] = change_sets.list_uploads(demo_app_store)[:1]
    assert latest.user_name == "enhetschef"
    change_sets.undo(demo_app_store, latest.id, user_name="enhetschef")  # leave the demo as it was


@pytest.mark.user("enhetschef")
def test_a_bad_number_is_named_by_indicator_and_field(page):
    page.goto(report_form_href("SKA-FSK-01", 2026, "T2"))
    _input(page, SICK_LEAVE, "Prognos helår").fill("4,9,1")
    page.get_by_role("button", name=texts.REPORT_PREVIEW).click()
    expect(page.locator(f"#{ReportFormIds.RESULT}")).to_contain_text(
        f"{SICK_LEAVE}, totalt, prognos helår"
    )


@pytest.mark.user("admin")
def test_a_long_form_is_drawn_a_part_at_a_time_and_keeps_what_was_typed(page, axe_check):
    page.goto(report_form_href("SKA", 2026, "T2"))
    pages = page.get_by_role("navigation", name=texts.REPORT_PARTS_LABEL)
    first, second = (pages.get_by_role("button", name=f"Sida {n}") for n in (1, 2))
    expect(first).to_have_attribute("aria-current", "true")
    _input(page, SICK_LEAVE).fill("4,2")
    second.click()
    expect(_input(page, SICK_LEAVE)).to_have_count(0)
    expect(page.locator(f"#{ReportFormIds.PART_SHOWN}")).to_contain_text("Rad 31–58 av 82.")
    expect(second).to_have_attribute("aria-current", "true")
    expect(second).to_be_focused()  # the button stays where the keyboard left it
    assert first.get_attribute("aria-current") is None
    assert axe_check() == []
    _input(page, SAFE_IN_CARE).fill("91")
    first.click()
    expect(_input(page, SICK_LEAVE)).to_have_value("4,2")
    page.get_by_role("button", name=texts.REPORT_PREVIEW).click()
    result = page.locator(f"#{ReportFormIds.RESULT}")
    expect(result).to_contain_text(re.compile(f"{SICK_LEAVE} .*→ 4,2\u00a0%"))
    expect(result).to_contain_text(re.compile(f"{SAFE_IN_CARE} .*→ 91\u00a0%"))


@pytest.mark.user("admin")
def test_an_administrator_adds_and_removes_an_account(page, demo_app_store, axe_check):
    page.goto("/konton")
    assert axe_check() == []
    page.get_by_label(texts.USERNAME_LABEL, exact=True).fill("webbredaktor")
    page.get_by_label(texts.ACCOUNT_ROLE, exact=True).select_option("redaktör")
    page.get_by_label(texts.ACCOUNT_ORGS).fill("SKA-FSK-01")
    page.get_by_role("button", name=texts.ACCOUNT_ADD).click()
    result = page.locator(f"#{AccountIds.RESULT}")
    expect(result).to_contain_text("Kontot webbredaktor är skapat.")
    expect(result).to_contain_text("Engångslösenord för webbredaktor")
    expect(page.locator(f"#{AccountIds.LIST}")).to_contain_text("webbredaktor")
    assert accounts.principal(demo_app_store, "webbredaktor").scope_codes == ("SKA-FSK-01",)
    page.locator('button[title="Ta bort: webbredaktor"]').click()
    expect(result).to_contain_text("Kontot webbredaktor är borttaget")
    expect(page.locator(f"#{AccountIds.LIST}")).not_to_contain_text("webbredaktor")
    assert accounts.principal(demo_app_store, "webbredaktor") is None


@pytest.mark.user("admin")
def test_a_typed_value_and_its_unit_show_whole_without_sideways_scrolling(page):
    """The inputs took their width from the table's layout and were at times 18 px wide, too
    narrow to read a typed value; now every input has one width that shows "1 234,5" whole, its
    unit beside it, and the form fits a 1280 px screen."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(report_form_href("SKA", 2026, "T2"))
    field = _input(page, SICK_LEAVE)
    field.fill("1 234,5")
    assert field.evaluate(FITS)
    widths = page.locator(".report-input").evaluate_all("es => es.map(e => e.clientWidth)")
    assert len(set(widths)) == 1
    unit = field.evaluate("e => getComputedStyle(e.closest('label'), '::after').content")
    assert unit.startswith('"%"')
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    table = page.get_by_role("region", name=re.compile(texts.REPORT_FORM_CAPTION.split("{")[0]))
    assert table.evaluate("e => e.scrollWidth <= e.clientWidth")
