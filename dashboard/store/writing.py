"""The one write path: a unit of work that takes the lock, audits and settles the kept results
(judging again what it changed, or ending them for the first pages to be prepared before the
commit: `Store.writing`), so no writer can forget a step.

    with store.writing(actor) as w:
        ...write on w.conn...
        w.audit(action, target, detail)      # or w.audited(): the write's own rows are its trail
        w.results_touched(keys, judge)       # or w.results_ended() / w.results_untouched()

A writer that leaves the audit or the kept results undecided fails before it commits
(`UnfinishedWrite`); tests/test_one_write_path.py fails if a module outside the store opens a
write transaction of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from dashboard.store import audit, reporting, result_store

if TYPE_CHECKING:
    from dashboard.store import Store

ResultKey = tuple[int, int, int, str]  # (goal id, organisation id, year, period)
# Judges results again on the writer's store, tagged with the generation given: kept rows.
Judge = Callable[["Store", Sequence[ResultKey], int], list[dict[str, Any]]]


class UnfinishedWrite(Exception):
    """A writer left its audit or its effect on the kept results undecided; nothing was saved."""


class Writing:
    """One write in progress: its connection (under the write lock if it locks) and its steps."""

    def __init__(self, conn: Connection, store: Store, actor: str | None, locked: bool) -> None:
        self.conn = conn
        self.store = store  # reads on the writer's connection, seeing its own changes
        self.actor = actor
        self._audited = actor is None  # nobody's action (a sign-in attempt) needs no audit
        self._results: str | None = None if locked else "untouched"
        self._touched: list[tuple[Judge, list[ResultKey]]] = []

    def audit(
        self,
        action: str,
        target: str,
        detail: str = "",
        outcome: str = audit.DONE,
        address: str = "",
    ) -> None:
        """Record the write in the audit log, in its transaction, as done by the actor."""
        audit.record(self.conn, self.actor or "", action, target, detail, outcome, address)
        self._audited = True

    def audited(self) -> None:
        """The write's own rows are its audit trail (an upload's record, an assessment's save)."""
        self._audited = True

    def results_touched(self, keys: Iterable[ResultKey], judge: Judge) -> None:
        """These results change: judged again in the transaction; the rest of the city's stay."""
        self._touched.append((judge, list(keys)))
        self._results = self._results or "touched"

    def results_ended(
        self,
        prepare: bool = True,
        years: Collection[int] | None = None,
        org_codes: Collection[str] | None = None,
    ) -> None:
        """Every kept result may have changed (of `years` only, when the write changes nothing
        other years are judged from; at `org_codes` and above only, when it writes only their
        outcomes): end them now; `prepare`: judge the city's first pages again before the
        commit (the import benchmark times the write alone)."""
        result_store.invalidate(self.conn, years, org_codes)
        self._results = "ended" if prepare else "ended cold"

    @property
    def ended_results(self) -> bool:
        """Whether the write ended the kept results and the first pages are to be prepared."""
        return self._results == "ended"

    def results_untouched(self) -> None:
        """The write changes nothing a goal result is judged from."""
        self._results = self._results or "untouched"

    def finish(self) -> None:
        """The steps due before the commit: check nothing was forgotten, judge what was touched."""
        if not self._audited:
            raise UnfinishedWrite(f"{self.actor}'s write records no audit entry")
        if self._results is None:
            raise UnfinishedWrite("the write does not say how it changes the kept goal results")
        for code, year, period in reporting.reopen_changed(self.conn, self.actor or ""):
            audit.record(
                self.conn, self.actor or "", audit.REPORT_REOPEN, f"{code} {period} {year}"
            )
        if not self._touched or self._results.startswith("ended"):
            return  # nothing to judge again, or every result ended
        generation = result_store.generation(self.store.engine)
        for judge, keys in self._touched:
            result_store.replace(self.conn, judge(self.store, keys, generation))
