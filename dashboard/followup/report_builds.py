"""Report files kept per data generation, and only a few built at once in a process.

The city's tertial report takes 8–12 s of CPU to build; any reader may ask for it, and two at
once made other users wait 7.8 s (issue 16). The same view of the same data gives the same
file, so it is built once per generation; past `at_once` builds a request waits a while and
is then told to try again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from dashboard.store import Store
from dashboard.store.audit import form_saves

MAX_KEPT = 32  # files; a tertial PDF is a few hundred kB


class ReportBuilds:
    """Built files by (generation, key), the newest MAX_KEPT kept; at most `at_once` builds
    running."""

    def __init__(self, store: Store, at_once: int = 1, wait_seconds: float = 30.0) -> None:
        self.store = store
        self.wait_seconds = wait_seconds
        self._slots = threading.BoundedSemaphore(at_once)
        self._lock = threading.Lock()
        self._kept: OrderedDict[tuple[Any, ...], bytes] = OrderedDict()

    def generation(self) -> tuple[Any, ...]:
        """Changes with every upload or undo, every assessment and every activity follow-up
        saved."""
        return (*self.store.data_version(), *form_saves(self.store.engine))

    def file(self, key: Hashable, build: Callable[[], bytes]) -> bytes | None:
        """The file for `key` in this generation, built if need be; None while too many builds
        run."""
        full_key = (self.generation(), key)
        if (found := self._kept_file(full_key)) is not None:
            return found
        if not self._slots.acquire(timeout=self.wait_seconds):
            return None
        try:
            if (
                found := self._kept_file(full_key)
            ) is not None:  # built by the request we waited for
                return found
            data = build()
        finally:
            self._slots.release()
        with self._lock:
            self._kept[full_key] = data
            while len(self._kept) > MAX_KEPT:
                self._kept.popitem(last=False)
        return data

    def _kept_file(self, full_key: tuple[Any, ...]) -> bytes | None:
        with self._lock:
            if full_key in self._kept:
                self._kept.move_to_end(full_key)
            return self._kept.get(full_key)
