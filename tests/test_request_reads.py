"""Within one routed request, what only a write changes (the data version, the reported periods,
an organisation's path) is read once (`Store.one_request`; issue 20: a page read the data version
up to seven times). What is read there must never outlive the request, nor survive a write."""

import threading

import pytest

from dashboard.app import create_app
from dashboard.settings import Settings
from dashboard.store import add_reported_periods
from dashboard.tools.bench import app_store, captured_sql, route_payload, view_urls
from tests.clients import signed_in


def _version_reads(statements) -> int:
    """Statements that read the data version or the generation (the kept results' reads compare
    their rows' generation with the current one in a subquery: that is no read of it)."""
    return sum(
        "max(upload.id)" in s or s.startswith("SELECT result_generation.generation")
        for s, _, _ in statements
    )


@pytest.fixture
def app(demo_store):
    url = demo_store.engine.url.render_as_string(hide_password=False)
    return create_app(Settings(database_url=url))


def test_every_benchmarked_page_reads_the_data_version_once(app):
    client, store = signed_in(app), app_store(app)
    for name, wanted in view_urls(store, 1).items():
        path, search = wanted[0]
        client.post("/_dash-update-component", json=route_payload(path, search))  # keeps results
        with captured_sql(store) as statements:
            response = client.post("/_dash-update-component", json=route_payload(path, search))
        assert response.status_code == 200
        assert _version_reads(statements) <= 1, name
        periods = sum("FROM reported_period" in s for s, _, _ in statements)
        assert periods <= 1, name


def test_outside_a_request_every_read_goes_to_the_database(demo_store):
    with demo_store.one_request():
        demo_store.reported_periods()
    with captured_sql(demo_store) as statements:
        demo_store.reported_periods()
        demo_store.reported_periods()
        demo_store.summary("test key", lambda: 1)
        demo_store.summary("test key", lambda: 1)
    assert sum("FROM reported_period" in s for s, _, _ in statements) == 2
    assert _version_reads(statements) == 2


def test_another_thread_does_not_see_a_requests_reads(demo_store):
    counted: list[int] = []

    def other() -> None:
        with captured_sql(demo_store) as statements:
            demo_store.reported_periods()
        counted.append(sum("FROM reported_period" in s for s, _, _ in statements))

    with demo_store.one_request():
        demo_store.reported_periods()
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
    assert counted == [1]


def test_a_write_within_a_request_is_seen_by_its_later_reads(empty_store):
    with empty_store.one_request():
        before = (empty_store.reported_periods(), empty_store.data_version())
        version = empty_store.result_generation()
        with empty_store.writing(None) as w:
            w.results_ended(prepare=False)
            add_reported_periods(w.conn, [(2030, "T1")])
        assert empty_store.reported_periods() == [*before[0], (2030, "T1")]
        assert empty_store.result_generation() == version + 1


def test_a_caller_changing_the_periods_it_got_changes_nobody_elses(demo_store):
    with demo_store.one_request():
        first = demo_store.reported_periods()
        first.clear()
        assert demo_store.reported_periods()


def test_the_next_request_reads_what_was_written_between_the_two(empty_store):
    with empty_store.one_request():
        before = (empty_store.reported_periods(), empty_store.data_version())
        generation = empty_store.result_generation()
    with empty_store.writing(None) as w:
        w.results_ended(prepare=False)
        add_reported_periods(w.conn, [(2031, "T2")])
    with empty_store.one_request():
        assert empty_store.reported_periods() == [*before[0], (2031, "T2")]
        assert empty_store.result_generation() == generation + 1


def test_a_goals_links_are_read_once_in_a_request_and_changing_them_changes_nobody_elses(
    demo_store,
):
    every = demo_store.goal_links([g.id for g in demo_store.goals(2026)])
    goal_ids = [goal_id for goal_id, links in every.items() if links][:3]
    with demo_store.one_request(), captured_sql(demo_store) as statements:
        first = demo_store.goal_links(goal_ids)
        first[goal_ids[0]].clear()
        again = demo_store.goal_links(goal_ids)
    assert sum("FROM goal_indicator" in s for s, _, _ in statements) == 1
    assert again == demo_store.goal_links(goal_ids)
    assert again[goal_ids[0]]
