"""Pages the browser can draw (issue 20): the long lists send what is on screen, and the rest on
demand. Dash's renderer spends about a millisecond per component on a busy machine, so a page
of 1,000 components froze the browser for seconds; the counts here keep the heavy pages small."""

import json

import plotly
import pytest
from dash import html
from dash.development.base_component import Component

from callbacks import accuracy as accuracy_callbacks
from callbacks import deviations as deviation_callbacks
from callbacks import goal as goal_callbacks
from callbacks.routes import page
from dashboard.access import Principal, Role
from dashboard.domain.model import Status
from dashboard.pages.accuracy import accuracy_page, committees, forecast_only, indicators, judged
from dashboard.pages.deviations import kept
from dashboard.pages.goal import goal_view
from layouts import goal as goal_layout
from layouts import texts, urls
from layouts.accuracy import how_often_line, indicators_line
from layouts.doors import ORDER
from layouts.format import count
from layouts.ids import AccuracyIds, AccuracyPart, GoalPartIds
from tests.opened_parts import opened, parts
from tests.opened_rows import _walk
from tests.shown import page_text as _text

CITY_T2 = "?ar=2026&period=T2"
ADMIN = Principal("anna", "Anna", Role.ADMIN, (), ("/",))
READER = Principal("p", "P", Role.READER)
# The page's content as sent, components counted: the whole city's lists on the demo.
MAX_COMPONENTS = {urls.DEVIATIONS_PATH: 450, urls.ACCURACY_PATH: 750}
# Prognoser sends every table when it is opened: what it sends does not grow with the number of
# nämnder or indicators (about 2,300 components at the Stockholm scale before prognoser2, 576 on
# the demo before prognoser3).
PROGNOSER = {"stad": (CITY_T2, 100), "namnd": (f"{CITY_T2}&org=SKA", 100)}


def components(node) -> int:
    """How many Dash components a rendered page holds, as its JSON response has them."""
    if isinstance(node, dict):
        own = 1 if {"type", "namespace", "props"} <= node.keys() else 0
        return own + sum(components(v) for v in node.values())
    if isinstance(node, list):
        return sum(components(v) for v in node)
    return 0


def weigh(store, path: str, search: str) -> tuple[int, int]:
    """(components, bytes) of a page's content as the router callback sends it."""
    sent = json.dumps(page(store, path, search), cls=plotly.utils.PlotlyJSONEncoder)
    return components(json.loads(sent)), len(sent.encode())


@pytest.mark.parametrize("path", list(MAX_COMPONENTS))
def test_the_whole_citys_heavy_pages_stay_small(demo_store, path):
    count, size = weigh(demo_store, path, CITY_T2)
    print(f"{path}: {count} components, {size} bytes")  # docs/performance.md, issue 20
    assert count <= MAX_COMPONENTS[path]


@pytest.mark.parametrize("scope", list(PROGNOSER))
def test_prognoser_sends_its_long_tables_when_opened(demo_store, scope):
    search, budget = PROGNOSER[scope]
    count, size = weigh(demo_store, urls.ACCURACY_PATH, search)
    print(f"prognoser {scope}: {count} components, {size} bytes")  # docs/performance.md
    assert count <= budget


def test_prognosers_tables_are_sent_when_opened_and_their_lines_tell_the_count(demo_store):
    city = demo_store.root_org()
    closed = _text(page(demo_store, urls.ACCURACY_PATH, CITY_T2))
    every = opened(demo_store, CITY_T2)
    lean_caption = texts.LEAN_CAPTION.format(period=texts.PERIOD_LABEL["T2"].lower(), year=2026)
    for caption in (texts.HOW_OFTEN_CAPTION, texts.HOW_MUCH_CAPTION, lean_caption):
        assert caption not in closed and caption in every
    assert texts.PAIRS_CAPTION in every
    groups = committees(demo_store, city, 2026, "T2")
    too_positive = sum(s.too_positive for g in groups for s in g.by_period.values())
    assert how_often_line(groups) in closed and f"{too_positive} av " in how_often_line(groups)
    assert f'"{urls.PART_KEY}": "{AccuracyPart.HOW_OFTEN}"' in closed  # the line names its table


def test_prognosers_pairs_are_drawn_open_when_the_reader_asked_for_more(demo_store):
    pairs = len(judged(demo_store, demo_store.root_org(), 2026, "T2").pairs)
    assert pairs > 0
    more = _text(page(demo_store, urls.ACCURACY_PATH, f"{CITY_T2}&{urls.SHOWN_KEY}=1000"))
    assert texts.PAIRS_CAPTION in more and texts.PAIRS_CAPTION not in _text(
        page(demo_store, urls.ACCURACY_PATH, CITY_T2)
    )


@pytest.mark.parametrize(
    "odd",
    [
        {},
        {"year": 2026, "period": "T2", "org": "STAD", "part": "nej", "shown": 25},
        {"year": 2026, "period": "T2", "org": "STAD", "part": "par", "shown": 0},
        {"year": 2026, "period": "T2", "org": "STAD", "part": "par", "shown": "25"},
        {"year": 2026, "period": "T9", "org": "STAD", "part": "par", "shown": 25},
        {"year": 2026, "period": "T2", "org": "NOPE", "part": "hur-ofta", "shown": 25},
        {"year": "x", "period": "T2", "org": "STAD", "part": "hur-ofta", "shown": 25},
        {"year": 2026, "period": "T2", "org": ["x"], "part": "hur-ofta", "shown": 25},
    ],
)
def test_a_forged_part_key_asks_to_reload(demo_store, odd):
    assert texts.PART_GONE in _text(accuracy_callbacks.part(demo_store, {"type": "x", **odd}))


def test_a_goals_details_are_sent_when_its_row_is_opened(demo_store):
    city = demo_store.root_org()
    first = kept(demo_store, city, 2026, "T2").found[0]
    owner = demo_store.orgs_by_id([first.org_id])[first.org_id]
    text = _text(page(demo_store, urls.DEVIATIONS_PATH, CITY_T2))
    assert first.goal.title in text and texts.RECORD_ASSESSMENT not in text
    key = urls.details_key(urls.ViewState(2026, "T2", city.code), first.goal.code, owner.code)
    assert f'"{urls.DETAILS_GOAL_KEY}": "{first.goal.code}"' in text  # the row names its details
    opened = _text(deviation_callbacks.details(demo_store, key, ADMIN))
    assert texts.RECORD_ASSESSMENT not in _text(
        deviation_callbacks.details(demo_store, key, READER)
    )
    assert texts.RECORD_ASSESSMENT in opened and first.goal.title in opened
    assert urls.assessment_path(first.goal.code) in opened


@pytest.mark.parametrize(
    "odd",
    [
        {},
        {"year": "x", "period": "T2", "org": "STAD", "goal": "KF1.1", "owner": "STAD"},
        {"year": 2026, "period": "T9", "org": "STAD", "goal": "KF1.1", "owner": "STAD"},
        {"year": 2026, "period": "T2", "org": "NOPE", "goal": "KF1.1", "owner": "STAD"},
        {"year": 2026, "period": "T2", "org": "STAD", "goal": "<script>", "owner": "STAD"},
        {"year": 2026, "period": "T2", "org": "STAD", "goal": ["x"], "owner": None},
    ],
)
def test_a_forged_details_key_shows_that_the_goal_is_not_listed(demo_store, odd):
    shown = _text(deviation_callbacks.details(demo_store, {"type": "x", **odd}, ADMIN))
    assert texts.DETAILS_GONE in shown


def test_prognosers_indicator_table_is_paged_by_the_url(demo_store):
    def rows(search: str) -> int:
        rendered = page(demo_store, urls.ACCURACY_PATH, search)
        table = next(
            t
            for t in _all_tables(html.Div([rendered, *parts(demo_store, rendered)]))
            if t.children[0].children == texts.INDICATOR_ERRORS_CAPTION
        )
        return len(table.children[2].children)

    every = rows(f"{CITY_T2}&{urls.SHOWN_KEY}=1000")
    first = rows(CITY_T2)
    assert first < every  # the demo city has more indicators than one page
    total = len(accuracy_page(demo_store, demo_store.root_org(), 2026, "T2", 1).indicators)
    text = opened(demo_store, CITY_T2)
    assert texts.INDICATORS_SHOWN.format(shown=urls.SHOWN_STEP, total=total) in text
    more = min(2 * urls.SHOWN_STEP, total)
    assert f"{urls.SHOWN_KEY}={more}#{AccuracyIds.HOW_OFTEN}" in text


def test_prognosers_last_tables_are_sent_when_opened_and_their_lines_tell_the_count(demo_store):
    city = demo_store.root_org()
    closed = _text(page(demo_store, urls.ACCURACY_PATH, CITY_T2))
    every = opened(demo_store, CITY_T2)
    for caption in (texts.INDICATOR_ERRORS_CAPTION, texts.FORECAST_ONLY_CAPTION):
        assert caption not in closed and caption in every
    listed = indicators(demo_store, city, 2026, "T2")
    assert indicators_line(listed) in closed and f" av {len(listed)} indikatorer" in closed
    found = forecast_only(demo_store, city, 2026, "T2")
    assert count(texts.FORECAST_ONLY_LINE, len(found)) in closed and len(found) > 1
    for part in (AccuracyPart.INDICATORS, AccuracyPart.FORECAST_ONLY):
        assert f'"{urls.PART_KEY}": "{part}"' in closed  # the line names its table


@pytest.mark.parametrize(
    "asked", [f"{urls.SHOWN_KEY}=50", f"{urls.STATUS_FILTER_KEY}={urls.STATUS_VALUES[Status.MET]}"]
)
def test_prognosers_last_tables_are_drawn_open_when_the_reader_asked_for_them(demo_store, asked):
    """More rows (`visa`) draw both open; the met ones' count link draws their table open."""
    wanted = _text(page(demo_store, urls.ACCURACY_PATH, f"{CITY_T2}&{asked}"))
    assert texts.FORECAST_ONLY_CAPTION in wanted
    more = urls.SHOWN_KEY in asked
    assert (texts.INDICATOR_ERRORS_CAPTION in wanted) is more


def _all_tables(component):
    if isinstance(component, html.Table):
        yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if isinstance(child, Component):
            yield from _all_tables(child)


def _child_goal_tables(rendered) -> list[str]:
    return [
        _text(node)
        for node in _walk(rendered)
        if isinstance(node, html.Table) and node.children[0].children == texts.CHILD_GOALS_CAPTION
    ]


def test_a_long_list_of_child_goals_is_sent_when_opened(demo_store, monkeypatch):
    """KF 1.5 has six nämndmål at the city: drawn as a table, or closed behind a line that counts
    their statuses when more than CHILD_GOALS_OPEN; opened, the same table."""
    goal, city = demo_store.goal("KF1.5"), demo_store.root_org()
    path = urls.goal_path(goal.code)
    [table] = _child_goal_tables(page(demo_store, path, CITY_T2))
    monkeypatch.setattr(goal_layout, "CHILD_GOALS_OPEN", 5)
    rendered = page(demo_store, path, CITY_T2)
    assert _child_goal_tables(rendered) == []
    children = goal_view(demo_store, goal, city, 2026, "T2").children
    statuses = [result.status for _child, result in children]
    line = count(
        texts.CHILD_GOALS_LINE,
        6,
        statuses=" · ".join(count(texts.CHILD_GOAL_COUNT[s], statuses.count(s)) for s in ORDER),
    )
    assert line in _text(rendered) and len(set(statuses)) > 1
    [body] = [
        node.id
        for node in _walk(rendered)
        if isinstance(getattr(node, "id", None), dict) and node.id["type"] == GoalPartIds.BODY
    ]
    assert _child_goal_tables(goal_callbacks.child_goals(demo_store, body)) == [table]


@pytest.mark.parametrize(
    "odd",
    [
        {},
        {"year": 2026, "period": "T2", "org": "STAD", "goal": "NOPE", "owner": "STAD"},
        {"year": 2026, "period": "T2", "org": "STAD", "goal": "KF1.5", "owner": "NOPE"},
        {"year": 2026, "period": "T9", "org": "STAD", "goal": "KF1.5", "owner": "STAD"},
        {"year": "2026", "period": "T2", "org": "STAD", "goal": "KF1.5", "owner": "STAD"},
    ],
)
def test_a_forged_child_goals_key_asks_to_reload(demo_store, odd):
    assert texts.PART_GONE in _text(goal_callbacks.child_goals(demo_store, {"type": "x", **odd}))
