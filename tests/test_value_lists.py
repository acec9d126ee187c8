"""`dialect.one_of`: a column is one of a list bound as one parameter, on both backends."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from dashboard.store import Store
from dashboard.store.dialect import one_of
from dashboard.store.tables import org_t

BY_ID_AND_CODE = (
    select(org_t.c.code)
    .where(one_of(org_t.c.id, "ids"), one_of(org_t.c.code, "codes"))
    .order_by(org_t.c.code)
)


@pytest.mark.parametrize("count", [0, 1, 2, 7, 1000])
def test_one_of_finds_exactly_the_listed_rows(demo_store: Store, count: int) -> None:
    orgs = demo_store.org_units()
    listed = orgs[:count]
    ids = [o.id for o in listed] + list(range(10_000, 10_000 + max(0, count - len(listed))))
    codes = [o.code for o in orgs[: count // 2 + 1]] if count else []
    with demo_store.engine.connect() as conn:
        found = conn.execute(BY_ID_AND_CODE, {"ids": ids, "codes": codes}).scalars().all()
    expected = sorted(o.code for o in orgs if o.id in ids and o.code in codes)
    assert found == expected
    assert (count == 0) == (found == [])


def test_one_of_takes_any_sequence_and_repeats(demo_store: Store) -> None:
    orgs = demo_store.org_units()
    first = orgs[0]
    with demo_store.engine.connect() as conn:
        found = conn.execute(
            BY_ID_AND_CODE, {"ids": (first.id, first.id), "codes": {first.code}}
        ).scalars()
        assert list(found) == [first.code]


def test_one_of_is_compiled_once_whatever_the_count(demo_store: Store) -> None:
    """No post-compile step: the statement's SQL is the same for every number of values."""
    compiled = BY_ID_AND_CODE.compile(dialect=demo_store.engine.dialect)
    assert "POSTCOMPILE" not in str(compiled)
    assert compiled.literal_execute_params == frozenset()
    assert BY_ID_AND_CODE._generate_cache_key() is not None  # the statement cache keeps it
