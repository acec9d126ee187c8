"""What a write prepares before it commits, so that the first pages after an upload do not pay
for it (issue 20: the first whole-city page after an upload ≤ 300 ms).

An upload ends the kept goal results (result_store.py) and moves every summary on to a new
data version (summaries.py). Both are shared by all workers through the database, so whoever
computes them first computes them for everyone: here, the writer, in its own transaction once
its data is written (`Store.writing`), by assembling the data of the pages people open first
(Översikt, Avvikelser and Prognoser at the city and at each nämnd, in the latest period, the
one pages open on) exactly as those pages do, so the preparing follows the pages whatever they
come to read. What it keeps commits with the data: no reader ever sees the new data without
them (when it was done after the commit, a reader in the seconds between judged the city
again: 6.4 s for the first whole-city Prognoser at the Stockholm scale). The uploader waits for
it instead. Installed as the store's `prepare` by the app factory and the command line. A
unit's pages and other periods are still computed by their first reader, once for every worker.

Nothing kept by another release is read (the code's fingerprint is part of a summary's key,
store/summaries.py), so after a release the first whole-city Prognoser recounted every
forecast: 8.9 s at the Stockholm scale. `kontrollrummet db upgrade`, which the service runs
before it starts, therefore prepares the first pages when they are not (`prepare`), and
`kontrollrummet serve` in one process does so in the background (`at_start`).
"""

from __future__ import annotations

import threading

from dashboard.domain.model import GoalLevel
from dashboard.pages import accuracy, deviations, overview
from dashboard.store import Store, summaries


def after_write(store: Store) -> None:
    """Assemble the first pages' data for the city and each nämnd, keeping what they keep (on a
    writer's keeping store: in its transaction)."""
    root, periods = store.root_org(), store.reported_periods()
    if root is None or not periods:
        return
    year, period = periods[-1]
    committees = [org for org in store.org_units() if org.parent_id == root.id]
    for org in (root, *committees):
        overview.overview(store, org, year, period, GoalLevel.COUNCIL)
        deviations.deviations(store, org, year, period, shown=0)
        accuracy.accuracy_page(store, org, year, period, shown=0)


def prepared(store: Store) -> bool:
    """Whether the first pages are prepared for this data and this code: the city's forecast
    accuracy, the costliest of them, is kept (True too when there is nothing to show)."""
    root, periods = store.root_org(), store.reported_periods()
    if root is None or not periods:
        return True
    year, period = periods[-1]
    return summaries.is_kept(store.engine, accuracy.committee_key(root, year, period))


def prepare(store: Store) -> bool:
    """`after_write` unless the first pages are prepared; whether it had to."""
    if prepared(store):
        return False
    after_write(store)
    return True


def at_start(store: Store) -> None:
    """`prepare` on a thread of its own, so a server starts answering at once."""
    threading.Thread(target=prepare, args=(store,), name="preparing", daemon=True).start()
