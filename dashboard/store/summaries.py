"""Summaries over all years, computed once per data version for every worker (`Store.summary`).

Forecast accuracy per nämnd aggregates half a million rows at city scale; the organisation
tree and a meeting's goals are smaller but asked on every page. Only writes change them. Each
worker kept its own, so after every upload each of them recounted the same figures while
readers waited (issue 20: p95 21 times its idle value under two uploads). Now a value lives
in two places, both keyed by the data version, so neither can outlive the data:
- in the process (`Summaries`), as before, for the requests that follow;
- in the database (`kept_summary`, schema_summaries.py), for the other workers: the first
  process to ask computes it, holding a PostgreSQL advisory lock for its key, while the others
  wait and read it rather than compute it too (SQLite, one machine and usually one worker, has no
  such lock: two may compute the same value, and the first kept wins).

The version is the goal results' generation (raised by every write that ends them, in its
transaction: result_store.py) with the upload log's latest id and undo count; a writer's
`invalidate` deletes the summaries of older generations. A summary of one year's data alone
(`Store.year_summary`) is kept against the generation only, and a write that leaves its year as
it was carries it over to the next, as it carries that year's goal results. A write that ends
the kept results keeps what it prepares for the first pages in its own transaction
(`Store.within(conn, keeping=True)`). Values are pickled and read back by
an unpickler that builds only our own classes and plain containers, so a row in the database
cannot run code.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import threading
import time
import zlib
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import URL, Connection, Engine, Select, create_engine, func, select, text
from sqlalchemy.pool import NullPool

from dashboard.store import dialect
from dashboard.store.schema import UploadRecord
from dashboard.store.schema_results import ResultGenerationRecord
from dashboard.store.schema_summaries import SummaryRecord
from dashboard.store.tables import table_of

summary_t = table_of(SummaryRecord)
_generation_t = table_of(ResultGenerationRecord)
_upload_t = table_of(UploadRecord)

MAX_SUMMARIES = 256  # kept at once in a process; beyond that they are all forgotten together
MAX_SHARED_BYTES = 64 * 2**20  # a larger value stays in its process
SUMMARY_LOCK = 7_301_003  # dialect.py's advisory lock keys: the class of a summary's lock
WAIT_S = 0.05  # how often a process waiting for another's value looks for it
T = TypeVar("T")
Version = tuple[Any, ...]


def version(engine: Engine) -> Version:
    """The data version summaries are kept against: (generation, latest upload, undos)."""
    with engine.connect() as conn:
        return tuple(conn.execute(_version_select()).one())


@cache
def _version_select() -> Select[Any]:
    """Built once: every page asks for the version a few times (docs/performance.md, issue 20)."""
    generation = select(_generation_t.c.generation).scalar_subquery()
    return select(generation, func.max(_upload_t.c.id), func.count(_upload_t.c.undone_at))


@cache
def code_fingerprint() -> str:
    """A fingerprint of the dashboard package's source: a release that changes how anything is
    computed (or a class's shape) must not read what an older one kept."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for source in sorted(package.rglob("*.py")):
        digest.update(str(source.relative_to(package)).encode() + source.read_bytes())
    return digest.hexdigest()[:16]


def key_text(key: Hashable) -> str:
    """A key as the same text in every process: functions by their qualified name."""
    if isinstance(key, tuple):
        return "(" + ", ".join(key_text(part) for part in key) + ")"
    if callable(key):
        return f"{key.__module__}.{getattr(key, '__qualname__', key)}"
    return repr(key)


class Summaries:
    """Values computed once per data version, kept in this process and shared through the
    database (a Store's `summary`)."""

    def __init__(
        self, engine: Engine, shared: bool, after_keeping: Callable[[], None] | None = None
    ) -> None:
        self._engine = engine
        self._shared = shared  # False on a writer's connection unless it prepares the first pages
        self._version: Hashable = None
        self._kept: dict[Hashable, Any] = {}
        self._after_keeping = after_keeping  # the app's choice: what a long-kept value needs

    def get(
        self, current: Version, key: Hashable, compute: Callable[[], T], year: int | None = None
    ) -> T:
        """`compute()`, or what this or another process computed at this data version (of
        `year`'s data alone: at this generation, `row`)."""
        if current != self._version or len(self._kept) >= MAX_SUMMARIES:
            self._version, self._kept = current, {}  # the other years' are read back, carried
        kept_as = key if year is None else (_OF_YEAR, key, year)
        if kept_as not in self._kept:
            row = _row(key, current, year)
            self._kept[kept_as] = shared(self._engine, row, compute) if self._shared else compute()
            if self._after_keeping is not None:
                self._after_keeping()
        value: T = self._kept[kept_as]
        return value


_OF_YEAR = "summary of one year"


def shared(engine: Engine, row: dict[str, Any], compute: Callable[[], T]) -> T:
    """The value kept in the database as `row`, or computed (once across processes on
    PostgreSQL) and kept there."""
    while True:
        found = _read(engine, row)
        if found is not _MISSING:
            return found  # type: ignore[no-any-return]
        with _claimed(engine, row["key"]) as mine:
            if mine:
                found = _read(engine, row)  # kept by whoever held the claim just before
                if found is not _MISSING:
                    return found  # type: ignore[no-any-return]
                value = compute()
                _keep(engine, row, value)
                return value
        time.sleep(WAIT_S)  # another process is computing it: read it when it is kept


def _row(key: Hashable, current: Version, year: int | None = None) -> dict[str, Any]:
    """A summary's row without its value: at the data version, or of one year's data alone at
    the generation (which a write carries it over to when it leaves that year as it was)."""
    generation, *upload_log = current
    if year is None:
        return {
            "key": hashlib.sha256(key_text(key).encode()).hexdigest(),
            "generation": generation,
            "version": ",".join(map(str, upload_log)),
            "code": code_fingerprint(),
        }
    return {
        "key": hashlib.sha256(key_text((_OF_YEAR, key, year)).encode()).hexdigest(),
        "generation": generation,
        "version": "",
        "code": code_fingerprint(),
        "year": year,
    }


def is_kept(engine: Engine, key: Hashable, year: int | None = None) -> bool:
    """Whether the database keeps a value for `key` (of `year`) at the current data version and
    code."""
    row = _row(key, version(engine), year)
    stmt = select(summary_t.c.key).where(*(summary_t.c[name] == row[name] for name in row))
    with engine.connect() as conn:
        return conn.execute(stmt).first() is not None


_MISSING = object()


def _read(engine: Engine, row: dict[str, Any]) -> Any:
    """The kept value, or _MISSING if there is none or it would build what we never keep."""
    stmt = select(summary_t.c.value).where(*(summary_t.c[name] == row[name] for name in row))
    with engine.connect() as conn:
        value = conn.execute(stmt).scalar_one_or_none()
    if value is None:
        return _MISSING
    try:
        return _Unpickler(io.BytesIO(zlib.decompress(value))).load()
    except pickle.UnpicklingError:
        return _MISSING


def _keep(engine: Engine, row: dict[str, Any], value: Any) -> None:
    """Store the value unless it cannot be pickled, is too large, or storing would wait (an
    upload's SQLite write lock): then it stays in this process alone."""
    try:
        data = zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 1)
    except (pickle.PicklingError, TypeError, AttributeError):
        return
    if len(data) <= MAX_SHARED_BYTES:
        dialect.keep_rows(engine, summary_t, [{**row, "value": data}], _KEY)


_KEY = [column.name for column in summary_t.primary_key]


@contextmanager
def _claimed(engine: Engine, key: str) -> Iterator[bool]:
    """Whether this thread may compute the key's value: on PostgreSQL, if it holds the key's
    advisory lock (taken without waiting); elsewhere always.

    Who waits holds no connection; who computes holds its locks on a connection outside the
    engine's pool (one per thread: its nested summaries lock on its outermost one's), so the
    pool is never filled with lock holders while their computations need a connection (which
    stalled requests for 30 s)."""
    if engine.dialect.name != "postgresql" or not isinstance(engine, Engine):
        yield True  # not PostgreSQL, or a writer's connection: nobody sees its version yet
        return
    outer: Connection | None = getattr(_locks, "conn", None)
    conn = outer or _lock_engine(engine.url).connect()
    try:
        mine = bool(_advisory(conn, "pg_try_advisory_lock", key))
        _locks.conn = conn if mine else outer
        try:
            yield mine
        finally:
            if mine:
                _advisory(conn, "pg_advisory_unlock", key)
            _locks.conn = outer
    finally:
        if outer is None:
            conn.close()


_locks = threading.local()  # the connection holding this thread's summary locks, if any


@cache
def _lock_engine(url: URL) -> Engine:
    """Connections for summary locks only, each closed after use, outside any pool."""
    return create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")


def _advisory(conn: Connection, function: str, key: str) -> Any:
    objid = int(key[:8], 16) - 2**31  # a signed 32-bit int from the key's digest
    return conn.execute(
        text(f"SELECT {function}(:kind, :objid)"), {"kind": SUMMARY_LOCK, "objid": objid}
    ).scalar()


_STANDARD = {
    "builtins": {"set", "frozenset", "list", "dict", "tuple", "object", "int", "float", "str"},
    "collections": {"defaultdict", "OrderedDict", "Counter"},
    "copyreg": {"_reconstructor", "__newobj__", "__newobj_ex__"},
    "datetime": {"date", "datetime", "time", "timedelta", "timezone"},
    "decimal": {"Decimal"},
}


class _Unpickler(pickle.Unpickler):
    """Builds only the dashboard's own classes and plain values: never a function of ours or
    the standard library's, whatever the bytes say."""

    def find_class(self, module: str, name: str) -> Any:
        if name in _STANDARD.get(module, ()):
            return super().find_class(module, name)
        if module == "dashboard" or module.startswith("dashboard."):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"not kept in a summary: {module}.{name}")
