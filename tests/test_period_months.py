"""`tables.period_end_month`: a period's end month in SQL with its constants written into the
statement (issue 20: bound, they were 137 parameters of the Målsida's activities read)."""

from sqlalchemy import literal, select

from dashboard.domain.model import PERIOD_END_MONTH
from dashboard.store import Store
from dashboard.store.activities import activities_in_year
from dashboard.store.tables import period_end_month


def test_every_period_gets_its_end_month_and_anything_else_13(demo_store: Store) -> None:
    names = [*PERIOD_END_MONTH, "XX"]
    with demo_store.engine.connect() as conn:
        found = [
            conn.execute(select(period_end_month(literal(name)))).scalar_one() for name in names
        ]
    assert found == [*PERIOD_END_MONTH.values(), 13]


def test_the_activities_read_binds_only_its_own_values(demo_store: Store) -> None:
    compiled = activities_in_year().compile(dialect=demo_store.engine.dialect)
    bound = [b.value for b in compiled.binds.values()]
    assert not set(PERIOD_END_MONTH) & {v for v in bound if isinstance(v, str)}
    assert len(bound) < 15  # the goals, the year and its days, the end month, a few limits
