"""The open-data API's reads on SQLite and PostgreSQL: a fixed order that pages walk exactly
once, filters by organisation subtree and year, and no protected number."""

import pytest
from sqlalchemy import update

from dashboard.domain.model import ValueStatus
from dashboard.pages import api
from dashboard.store import open_data
from dashboard.store.tables import measurement_t
from tests.tiny import tiny_dataset


@pytest.fixture
def tiny(empty_store):
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    return empty_store


@pytest.mark.parametrize("resource", api.RESOURCES, ids=lambda r: r.name)
def test_pages_of_every_resource_walk_its_rows_exactly_once(tiny, resource):
    whole, more = api.page(tiny, resource, api.Query(), 1000, 0)
    assert whole and not more
    walked = [
        row for offset in range(len(whole)) for row in resource.read(tiny, api.Query(), 1, offset)
    ]
    assert walked == whole
    assert [set(row) for row in whole[:1]] == [{field.name for field in resource.fields}]


def test_an_organisations_filter_takes_its_subtree(tiny):
    n1 = tiny.org("N1")
    codes = [row["code"] for row in open_data.organisations(tiny.engine, n1.id, 10, 0)]
    assert codes == ["N1", "N1-E1"]
    values = open_data.values(tiny.engine, (2025, "T1", n1.id, None), 10, 0)
    assert {row["org_code"] for row in values} == {"N1-E1"}


def test_a_protected_row_keeps_no_number_whatever_the_database_holds(tiny):
    with tiny.engine.begin() as conn:
        conn.execute(
            update(measurement_t)
            .where(measurement_t.c.year == 2025)
            .values(outcome=987654.25, forecast=1.5, value_status=ValueStatus.SUPPRESSED.value)
        )
    rows = open_data.values(tiny.engine, (2025, None, None, None), 100, 0)
    assert rows and all((r["outcome"], r["forecast"]) == (None, None) for r in rows)


def test_goals_of_a_year_are_those_valid_in_it(tiny):
    assert [g["code"] for g in open_data.goals(tiny.engine, 2025, None, 10, 0)] == ["I1", "K1"]
    assert [g["parent_code"] for g in open_data.goals(tiny.engine, None, None, 10, 0)] == [
        None,
        "I1",
        "I1",
    ]
