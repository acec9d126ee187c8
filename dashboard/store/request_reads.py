"""Reads that only a write changes, made once within a request (`Store.one_request`).

A page read the data version up to seven times (each `Store.summary`), the kept results'
generation apart from it, and the reported periods up to three times (docs/performance.md,
issue 20). Within one request each is read once. What was read is held per thread, ends with
the request, and is forgotten by any write made in it: nothing outlives the request.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")


class RequestReads:
    """This thread's reads within its current request, if it is within one."""

    def __init__(self) -> None:
        self._local = threading.local()

    @contextmanager
    def scope(self) -> Iterator[None]:
        """One request; within one already, the same."""
        if self._reads() is not None:
            yield
            return
        self._local.reads = {}
        try:
            yield
        finally:
            self._local.reads = None

    def once(self, key: Hashable, read: Callable[[], T]) -> T:
        """`read()`, or within a request what it gave the first time there."""
        reads = self._reads()
        if reads is None:
            return read()
        if key not in reads:
            reads[key] = read()
        value: T = reads[key]
        return value

    @property
    def active(self) -> bool:
        """Whether this thread is within a request."""
        return self._reads() is not None

    def known(self, key: Hashable) -> Any:
        """What was read under `key` within this request, or None."""
        reads = self._reads()
        return None if reads is None else reads.get(key)

    def note(self, key: Hashable, value: Any) -> None:
        """Within a request, keep what a read brought besides what it was for (an organisation's
        row brings its path), so that asking for it later reads nothing."""
        reads = self._reads()
        if reads is not None:
            reads.setdefault(key, value)

    def forget(self) -> None:
        """A write: what was read may have changed."""
        reads = self._reads()
        if reads is not None:
            reads.clear()

    def _reads(self) -> dict[Hashable, Any] | None:
        reads: dict[Hashable, Any] | None = getattr(self._local, "reads", None)
        return reads
