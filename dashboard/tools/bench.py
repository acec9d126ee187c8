"""The benchmark: server time, database floor and response size for every page, and the import.

Each view is requested ≥ 30 times with varied organisations, goals, years and periods
through Dash's own HTTP endpoint (so routing, layout building and JSON serialising all
count), after a warm-up. Every SQL statement a call runs is captured and replayed raw
through the driver: that is the floor, the part of the time the database needs. The rest
is ours (Python, building components and figures, serialising). The import's throughput
comes from `import_bench`, in scratch databases beside the measured one.
"""

from __future__ import annotations

import json
import random
import resource
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any

from dash import Dash
from flask.testing import FlaskClient
from sqlalchemy import event

from callbacks.sign_in import SignedIn
from dashboard.access import Role, accounts
from dashboard.app import STORE_EXTENSION, create_app
from dashboard.domain.model import Goal, GoalLevel, OrgUnit
from dashboard.settings import Settings
from dashboard.store import Store
from dashboard.tools import import_bench
from layouts import urls
from layouts.ids import ShellIds
from layouts.urls import ACCURACY_PATH, DEVIATIONS_PATH

BUDGET_P95_MS = 100.0
BUDGET_AFTER_WRITE_MS = 300.0  # the first page after an upload (issue 20)
BUDGET_RESPONSE_BYTES = 1_000_000
BUDGET_RSS_MB = 300.0
AFTER_WRITE_CALLS = 5
# The views that rank the goals' kept results (goal_results.py): a write ends them, and prepares
# these pages again at the city and each nämnd in the latest period (tools/warming.py).
KEPT_VIEWS = ("avvikelser nämnd", "avvikelser stad", "prognoser nämnd", "prognoser stad")
BENCH_READER = "matning"  # a reader account without password that the benchmark signs in as


@dataclass(frozen=True)
class ViewFigures:
    view: str
    calls: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    floor_p50_ms: float  # the same SQL, replayed raw through the driver
    db_share: float  # floor / server time, at the median
    max_bytes: int
    budget_ms: float = BUDGET_P95_MS  # for the p95
    write_p50_ms: float | None = None  # after a write: the write's own time, preparing included

    @property
    def within_budget(self) -> bool:
        return self.p95_ms <= self.budget_ms and self.max_bytes <= BUDGET_RESPONSE_BYTES


def view_urls(store: Store, calls: int, seed: int = 7) -> dict[str, list[tuple[str, str]]]:
    """For each view, `calls` varied (path, query) pairs drawn from what the store holds."""
    rng = random.Random(seed)
    periods = store.reported_periods()
    orgs = store.org_units()
    committees = [o for o in orgs if o.parent_id == orgs[0].id] or orgs
    units = [o for o in orgs if o.level == max(o.level for o in orgs)]

    def state(org_pool: Sequence[OrgUnit]) -> tuple[int, str, str]:
        year, period = rng.choice(periods)
        return year, period, rng.choice(org_pool).code

    def query(year: int, period: str, org: str, extra: str = "") -> str:
        return f"?ar={year}&period={period}&org={org}{extra}"

    kf_goals = store.goals(periods[-1][0], (GoalLevel.COUNCIL,))
    views: dict[str, list[tuple[str, str]]] = {
        "översikt KF-mål": [("/", query(*state(committees))) for _ in range(calls)],
        "översikt nämndmål": [
            ("/", query(*state(committees), "&niva=namnd")) for _ in range(calls)
        ],
        "översikt enhetsmål": [("/", query(*state(units), "&niva=enhet")) for _ in range(calls)],
        "målsida stad (drill-down till nämnder)": [
            (urls.goal_path(rng.choice(kf_goals).code), query(*state(orgs[:1])))
            for _ in range(calls)
        ],
        "målsida nämnd": [
            (urls.goal_path(rng.choice(kf_goals).code), query(*state(committees)))
            for _ in range(calls)
        ],
        "målsida enhet": [
            (urls.goal_path(rng.choice(kf_goals).code), query(*state(units))) for _ in range(calls)
        ],
    }
    indicator_codes = _indicator_codes(store, kf_goals, periods[-1])
    views["indikatorsida (trend/förra året/kön)"] = [
        (urls.indicator_path(rng.choice(indicator_codes)), query(*state(committees)))
        for _ in range(calls)
    ]
    views["avvikelser nämnd"] = [(DEVIATIONS_PATH, query(*state(committees))) for _ in range(calls)]
    views["avvikelser stad"] = [(DEVIATIONS_PATH, query(*state(orgs[:1]))) for _ in range(calls)]
    views["prognoser nämnd"] = [(ACCURACY_PATH, query(*state(committees))) for _ in range(calls)]
    views["prognoser stad"] = [(ACCURACY_PATH, query(*state(orgs[:1]))) for _ in range(calls)]
    return views


def _indicator_codes(store: Store, goals: Sequence[Goal], latest: tuple[int, str]) -> list[str]:
    root = store.root_org()
    if root is None:  # an empty database has no indicators to ask for
        return []
    facts = store.goal_indicator_facts([root.id], *latest, [g.id for g in goals])
    return sorted({f.indicator.code for f in facts})


@contextmanager
def captured_sql(store: Store) -> Iterator[list[tuple[str, Any, bool]]]:
    """Collect every statement, its parameters and whether it ran for many rows, on the store's
    engine."""
    statements: list[tuple[str, Any, bool]] = []

    def collect(
        conn: object,
        cursor: object,
        statement: str,
        parameters: Any,
        context: object,
        executemany: bool,
    ) -> None:
        statements.append((statement, parameters, executemany))

    event.listen(store.engine, "before_cursor_execute", collect)
    try:
        yield statements
    finally:
        event.remove(store.engine, "before_cursor_execute", collect)


def replay(store: Store, statements: list[tuple[str, Any, bool]]) -> float:
    """Seconds to run the statements raw through the DBAPI cursor, fetching every row; writes
    rolled back."""
    raw = store.engine.raw_connection()
    try:
        cursor = raw.cursor()
        started = time.perf_counter()
        for statement, parameters, many in statements:
            (cursor.executemany if many else cursor.execute)(statement, parameters)
            if cursor.description is not None:
                cursor.fetchall()
        elapsed = time.perf_counter() - started
        cursor.close()
        raw.rollback()
    finally:
        raw.close()
    return elapsed


def route_payload(path: str, search: str) -> dict[str, Any]:
    """The router callback's request, exactly as the browser sends it after loading a URL."""
    return {
        "output": f"{ShellIds.CONTENT}.children",
        "outputs": {"id": ShellIds.CONTENT, "property": "children"},
        "inputs": [
            {"id": ShellIds.URL, "property": "pathname", "value": path},
            {"id": ShellIds.URL, "property": "search", "value": search},
        ],
        "changedPropIds": [f"{ShellIds.URL}.pathname"],
        "state": [],
    }


def measure_view(
    store: Store,
    post: Callable[[dict[str, Any]], bytes],
    name: str,
    urls: list[tuple[str, str]],
    after_write: bool = False,
) -> ViewFigures:
    """Time each call, its raw-SQL floor and its response size; `after_write`: each call just
    after a write that ends every kept result, as an upload does (timed too)."""
    for path, search in dict.fromkeys(
        urls
    ):  # warm-up: imports, connections, caches, each page's kept results
        post(route_payload(path, search))
    times, floors, sizes, writes = [], [], [], []
    for path, search in urls:
        if after_write:
            writes.append(_timed_write(store))
        with captured_sql(store) as statements:
            started = time.perf_counter()
            body = post(route_payload(path, search))
            times.append(time.perf_counter() - started)
        floors.append(replay(store, statements))
        sizes.append(len(body))
    p50, floor50 = statistics.median(times), statistics.median(floors)
    return ViewFigures(
        view=name,
        calls=len(urls),
        p50_ms=p50 * 1000,
        p95_ms=_percentile(times, 0.95) * 1000,
        max_ms=max(times) * 1000,
        floor_p50_ms=floor50 * 1000,
        db_share=floor50 / p50 if p50 else 0.0,
        max_bytes=max(sizes),
        budget_ms=BUDGET_AFTER_WRITE_MS if after_write else BUDGET_P95_MS,
        write_p50_ms=statistics.median(writes) * 1000 if writes else None,
    )


def _timed_write(store: Store) -> float:
    """Seconds of a write that does to the kept goal results what an upload does: ends them all
    and prepares the first pages again in its transaction (tools/warming.py)."""
    started = time.perf_counter()
    with store.writing(None) as w:  # nobody's write: only the kept results end
        w.results_ended()
    return time.perf_counter() - started


def after_write_urls(
    views: dict[str, list[tuple[str, str]]], calls: int, latest: tuple[int, str]
) -> dict[str, list[tuple[str, str]]]:
    """The views that rank kept goal results, each at its first `calls` organisations in the
    latest period (the one pages open on), to time just after a write."""
    year, period = latest
    return {
        f"{name} (direkt efter ändring)": [
            (path, f"?ar={year}&period={period}&org={urls.query_values(search)[urls.ORG_KEY]}")
            for path, search in pages[:calls]
        ]
        for name, pages in views.items()
        if name in KEPT_VIEWS
    }


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(database_url: str, calls: int = 30, import_rows: Sequence[int] = ()) -> dict[str, Any]:
    """Benchmark every view of an app on the database, and imports of each row count; plain data."""
    app = create_app(Settings(database_url=database_url))
    client = reader_client(app)

    def post(payload: dict[str, Any]) -> bytes:
        response = client.post(f"{urls.CALLBACK_PREFIX}update-component", json=payload)
        if response.status_code != 200:
            raise RuntimeError(f"{payload['inputs'][0]['value']}: HTTP {response.status_code}")
        return bytes(response.data)

    store = app_store(app)
    views = view_urls(store, calls)
    figures = [measure_view(store, post, name, urls) for name, urls in views.items()]
    figures += [
        measure_view(store, post, name, urls, after_write=True)
        for name, urls in after_write_urls(
            views, AFTER_WRITE_CALLS, store.reported_periods()[-1]
        ).items()
    ]
    rss_mb = (
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    )  # serving only: imports come after
    imports = import_bench.run(database_url, list(import_rows)) if import_rows else []
    return {
        "database": store.engine.url.render_as_string(hide_password=True),
        "rows": store.table_counts()["measurement"],
        "views": [asdict(f) | {"within_budget": f.within_budget} for f in figures],
        "peak_rss_mb": rss_mb,
        "imports": imports,
        "within_budget": all(f.within_budget for f in figures)
        and rss_mb <= BUDGET_RSS_MB
        and all(i["within_budget"] for i in imports),
    }


def reader_client(app: Dash) -> FlaskClient:
    """A test client signed in as a reader, so every call pays for loading its user as in real
    use."""
    store = app_store(app)
    if accounts.principal(store, BENCH_READER) is None:
        accounts.add(
            store, BENCH_READER, "Mätning (läsare)", Role.READER, (), None, "kontrollrummet bench"
        )
    client: FlaskClient = app.server.test_client()
    with client.session_transaction() as session:  # a session as the sign-in form would leave it
        reader = accounts.principal(store, BENCH_READER)
        assert reader is not None  # added just above
        session["_user_id"] = SignedIn(reader).get_id()
        session["_fresh"] = True
    return client


def app_store(app: Dash) -> Store:
    """The store the app's callbacks use, so captured SQL is the app's own."""
    store: Store = app.server.extensions[STORE_EXTENSION]
    return store


def report(results: dict[str, Any]) -> str:
    """A plain-text table of the figures with a one-line budget verdict."""
    lines = [
        f"Databas: {results['database']} ({results['rows']:,} mätvärden)".replace(",", " "),
        (
            f"{'vy':42} {'anrop':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'golv ms':>8} "
            f"{'db-andel':>8} {'max byte':>10}"
        ),
    ]
    for v in results["views"]:
        mark = "" if v["within_budget"] else "  ÖVER BUDGET"
        if v["write_p50_ms"] is not None:
            mark += f"  (skrivningen {v['write_p50_ms']:.0f} ms)"
        lines.append(
            (
                f"{v['view']:42} {v['calls']:>5} {v['p50_ms']:>8.1f} {v['p95_ms']:>8.1f} "
                f"{v['max_ms']:>8.1f} {v['floor_p50_ms']:>8.1f} {v['db_share']:>8.0%} "
                f"{v['max_bytes']:>10,}{mark}"
            ).replace(",", " ")
        )
    lines.append(f"Högsta minnesanvändning (RSS): {results['peak_rss_mb']:.0f} MB")
    budgets = (
        f"p95 ≤ {BUDGET_P95_MS:.0f} ms, direkt efter ändring ≤ {BUDGET_AFTER_WRITE_MS:.0f} ms, "
        f"svar ≤ 1 MB, RSS ≤ {BUDGET_RSS_MB:.0f} MB"
    )
    if results["imports"]:
        lines += import_bench.report_lines(results["imports"])
        rate = f"{import_bench.BUDGET_ROWS_PER_S:,}".replace(",", " ")
        budgets += (
            f", import ≥ {rate} rader/s och ≤ {import_bench.BUDGET_RAW_RATIO:.0f} × rå upsert"
        )
    verdict = "inom budget" if results["within_budget"] else "ÖVER BUDGET"
    lines.append(f"Sammanfattning: {verdict} ({budgets})")
    return "\n".join(lines)


def write_json(results: dict[str, Any], path: str) -> None:
    """Save the figures for comparison across commits."""
    with open(path, "w", encoding="utf-8") as file:
        json.dump(results, file, ensure_ascii=False, indent=2)
