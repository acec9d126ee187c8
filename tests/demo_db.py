"""The demo municipality written to a database, with its demo accounts and its reporting round,
as `kontrollrummet demo` leaves it."""

import functools

from dashboard.store import Store
from dashboard.tools.demo import demo_dataset
from dashboard.tools.demo.meeting import add_demo_measures
from dashboard.tools.demo.national import add_national_demo
from dashboard.tools.demo.reporting import add_demo_reporting
from dashboard.tools.demo_accounts import add_demo_accounts


@functools.cache
def _dataset():
    return demo_dataset()  # deterministic and read-only: generated once per test process


def fill_with_demo(store: Store) -> Store:
    """Migrate the store, write the demo data, its åtgärder and the demo accounts, and open T2
    2026."""
    store.create_schema()
    store.write_dataset(_dataset(), user_name="test", file_name="demo", kind="demo")
    add_demo_measures(store, actor="test")
    add_national_demo(store, _dataset(), "test")  # as `kontrollrummet demo` does
    add_demo_accounts(store, actor="test")
    add_demo_reporting(store, actor="test")
    return store
