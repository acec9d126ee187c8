"""The meeting's pages (issue 17): Avvikelser by organisation with one line per goal, the
presentation with the same filters and an agenda, and the downloads that follow them."""

import datetime as dt
from urllib.parse import urlencode

import pytest
from dash import html
from dash.development.base_component import Component

from callbacks import downloads
from callbacks.routes import page
from dashboard.access import operator
from dashboard.domain.model import Status
from dashboard.pages.deviations import Only, deviations, kept, org_tree
from layouts import texts, urls
from tests.opened_rows import opened
from tests.shown import page_text as _text

CITY_T2 = "?ar=2026&period=T2"
TODAY = dt.date(2026, 9, 15)


@pytest.fixture
def city(demo_store):
    return demo_store.root_org()


def test_an_organisation_filter_keeps_the_goals_owned_within_it(demo_store, city):
    every = kept(demo_store, city, 2026, "T2").found
    ska = demo_store.org("SKA")
    inside = org_tree(demo_store).within("SKA", below=city.id)
    found = kept(demo_store, city, 2026, "T2", Only(within="SKA")).found
    assert 0 < len(found) < len(every)
    assert [b.goal.code for b in found] == [b.goal.code for b in every if b.org_id in inside]
    assert ska.id in inside and city.id not in inside


def test_each_organisation_below_is_a_door_with_its_count(demo_store, city):
    found = kept(demo_store, city, 2026, "T2")
    tree = org_tree(demo_store)
    for child, count in found.places:
        inside = tree.within(child.code, below=city.id)
        assert count == sum(b.org_id in inside for b in found.found) > 0
    text = _text(page(demo_store, urls.DEVIATIONS_PATH, CITY_T2))
    child, count = found.places[0]
    assert f"{urls.WITHIN_KEY}={child.code}" in text
    assert f"{child.name} ({count})" in text


@pytest.mark.parametrize("odd", ["%3Cscript%3E", "%00", "STAD", "NOPE", "S" * 500])
def test_an_organisation_not_below_filters_nothing(demo_store, city, odd):
    every = kept(demo_store, city, 2026, "T2").found
    only = urls.only_from(f"{CITY_T2}&{urls.WITHIN_KEY}={odd}")
    assert kept(demo_store, city, 2026, "T2", only).found == every
    text = _text(page(demo_store, urls.DEVIATIONS_PATH, f"{CITY_T2}&{urls.WITHIN_KEY}={odd}"))
    assert text.count('"deviation-goal status-') == min(len(every), urls.SHOWN_STEP)


def test_the_organisation_filter_survives_the_round_trip():
    only = Only(within="SKA", new=True)
    link = urls.deviations_href(urls.ViewState(2026, "T2"), only)
    assert urls.only_from(link.partition("?")[2]) == only


def test_each_goal_is_one_line_with_its_details_on_demand(demo_store, city):
    rendered = page(demo_store, urls.DEVIATIONS_PATH, CITY_T2, operator("admin"))
    rows = list(_all(rendered, html.Details))
    assert len(rows) == _text(rendered).count('"deviation-goal status-') == urls.SHOWN_STEP
    found = deviations(demo_store, city, 2026, "T2", 1)
    first = found.found[0]
    summary = _words(rows[0].children[0])
    assert isinstance(rows[0].children[0], html.Summary)
    assert first.goal.title in summary and texts.STATUS_LABEL[first.status] in summary
    assert texts.MOVEMENT_LABEL[found.since.movements[first.goal.id, first.org_id]] in summary
    assert texts.RECORD_ASSESSMENT not in _text(rendered)  # the details come when a row opens
    assert texts.RECORD_ASSESSMENT in opened(demo_store, CITY_T2, operator("admin"))


def _all(component, kind):
    """Every component of a kind in a tree, in document order."""
    if isinstance(component, kind):
        yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if isinstance(child, Component):
            yield from _all(child, kind)


def _words(component) -> str:
    """A component's text, as a reader sees it."""
    if isinstance(component, str | int | float):
        return str(component)
    children = getattr(component, "children", None)
    parts = children if isinstance(children, list | tuple) else [children]
    return "".join(_words(c) for c in parts if c is not None)


def test_the_presentation_follows_the_filters_and_leads_back_to_them(demo_store, city):
    only = Only(within="SKA", status=Status.PARTLY_MET)
    found = kept(demo_store, city, 2026, "T2", only).found
    query = urls.only_query(only)
    search = f"{CITY_T2}&{urlencode(query)}&nr=2"
    text = _text(page(demo_store, urls.PRESENTATION_PATH, search))
    assert texts.POSITION.format(number=2, total=len(found)) in text
    assert found[1].goal.title in text
    back = urls.deviations_href(urls.ViewState(2026, "T2", city.code), only)
    assert f'"href": "{back}"' in text
    assert urls.presentation_href(urls.ViewState(2026, "T2", city.code), 3, only) in text


def test_the_agenda_lists_every_goal_shown_each_a_link_to_it(demo_store, city):
    found = kept(demo_store, city, 2026, "T2").found
    rendered = page(demo_store, urls.PRESENTATION_PATH, f"{CITY_T2}&nr=3")
    agenda = next(n for n in _all(rendered, html.Nav) if "agenda" in (n.className or ""))
    items = list(_all(agenda, html.Li))
    assert len(items) == len(found)
    state = urls.ViewState(2026, "T2", city.code)
    links = [getattr(item.children, "href", None) for item in items]
    assert links[0] == urls.presentation_href(state, 1)
    assert links[2] is None  # the goal shown: marked as current, not a link to itself
    assert all(found[i].goal.title in _words(item) for i, item in enumerate(items))


def test_the_meeting_document_keeps_the_filtered_goals(demo_store, city):
    only = Only(within="SKA")
    state = urls.ViewState(2026, "T2", city.code)
    found = kept(demo_store, city, 2026, "T2", only).found
    content = downloads.document(demo_store, urls.DEVIATIONS_REPORT, state, city, TODAY, only)
    every = downloads.document(demo_store, urls.DEVIATIONS_REPORT, state, city, TODAY)
    assert len(found) < len(kept(demo_store, city, 2026, "T2").found)
    assert str(content) != str(every)
    assert all(b.goal.title in str(content) for b in found)
    href = urls.download_href(urls.DEVIATIONS_REPORT, "xlsx", state, only)
    assert f"{urls.WITHIN_KEY}=SKA" in href
    assert urls.only_from(href.partition("?")[2]) == only
