"""Kolada's public API (v3) read for the mapped KPIs and places, as one Kolada JSON upload.

`kontrollrummet kolada hämta` asks Kolada for the values of every KPI an indicator carries, at
every municipality or unit the Kolada mapping names (and any other municipality asked for),
then hands them to the ordinary import as one file: the same checks, the same all-or-nothing
commit and one upload-log entry, as if the answer had been saved and uploaded by hand.

The API answers `{"values": [...], "count": n, "next_page": url | null}`; ids are batched into
the path (`/data/kpi/A,B/municipality/X,Y/year/2023,2024`), and a long answer is followed page
by page. A 5xx, 429 or timeout is tried again after a growing pause, a bounded number of times;
anything else that goes wrong fails the whole fetch (`FetchFailed`) before the database is
touched. Only the standard library speaks HTTP: one GET at a time needs no more.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import quote

from dashboard.store import Store, upload_rows
from dashboard.upload.parsed_file import UploadFile

DEFAULT_URL = "https://api.kolada.se/v3/"
URL_VARIABLE = "KONTROLLRUMMET_KOLADA_URL"  # tests point it at a local server
FILE_NAME = "kolada-api.json"  # the upload's name in the upload log
PER_PAGE = 5000  # the most the API gives in one page
BATCH = 25  # ids per path segment: keeps each URL far below servers' length limits
ATTEMPTS = 4  # tries of one page before the fetch fails
BACKOFF_SECONDS = 1.0  # the pause before the second try; doubled before each further one
TIMEOUT_SECONDS = 30.0
MAX_PAGES = 10_000  # a server that never stops paging fails instead of looping forever


class FetchIssue(StrEnum):
    """Why a fetch failed; the Swedish sentence for each is in layouts/texts/fetch.py."""

    STATUS = "status"  # an HTTP error status (after the retries, for a 5xx)
    TIMEOUT = "timeout"  # no answer in time, every try
    UNREACHABLE = "unreachable"  # no connection, every try
    MALFORMED = "malformed"  # an answer that is not the documented JSON


class FetchFailed(Exception):
    """The API did not give what was asked; nothing has been written."""

    def __init__(self, issue: FetchIssue, url: str, detail: str = "") -> None:
        super().__init__(f"{issue}: {url} {detail}".strip())
        self.issue, self.url, self.detail = issue, url, detail


class NothingMapped(Exception):
    """No indicator carries a Kolada KPI, or no place to ask for: nothing to fetch."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what  # "kpi" or "place"


@dataclass(frozen=True)
class Query:
    """What to ask Kolada for: KPIs, municipalities, organisational units and years (none: all)."""

    kpis: tuple[str, ...]
    municipalities: tuple[str, ...]
    units: tuple[str, ...]
    years: tuple[int, ...] = ()


def mapped_query(
    store: Store,
    kpis: Sequence[str] = (),
    municipalities: Sequence[str] = (),
    years: Sequence[int] = (),
) -> Query:
    """The KPIs asked for (default: every KPI an indicator carries) at every mapped place and
    the municipalities asked for; NothingMapped when either list is empty."""
    with store.engine.connect() as conn:
        carried = set(upload_rows.kolada_kpis(conn).values())
        places = set(upload_rows.kolada_org_codes(conn))
    chosen = sorted(set(kpis) or carried)
    if not chosen:
        raise NothingMapped("kpi")
    places |= set(municipalities)
    if not places:
        raise NothingMapped("place")
    return Query(
        kpis=tuple(chosen),
        municipalities=tuple(sorted(p for p in places if _is_municipality(p))),
        units=tuple(sorted(p for p in places if not _is_municipality(p))),
        years=tuple(sorted(set(years))),
    )


def _is_municipality(kolada_id: str) -> bool:
    """Municipalities and regions have four digits (0180, 0000 Riket); units start with a letter."""
    return kolada_id.isdigit()


def first_pages(base_url: str, query: Query) -> list[str]:
    """The first page's URL of each batch of ids."""
    base = base_url.rstrip("/") + "/"
    years = f"/year/{_joined(query.years)}" if query.years else ""
    return [
        f"{base}data/kpi/{_joined(kpis)}/{kind}/{_joined(places)}{years}?per_page={PER_PAGE}"
        for kind, all_places in (("municipality", query.municipalities), ("ou", query.units))
        for kpis in _batches(query.kpis)
        for places in _batches(all_places)
    ]


def _joined(ids: Sequence[object]) -> str:
    return ",".join(quote(str(i), safe="") for i in ids)


def _batches(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def fetch_values(url: str, timeout: float = TIMEOUT_SECONDS) -> list[dict[str, Any]]:
    """Every entry of "values" from the page at `url` and the pages after it."""
    values: list[dict[str, Any]] = []
    seen: set[str] = set()
    next_url: str | None = url
    while next_url:
        if next_url in seen or len(seen) >= MAX_PAGES:
            raise FetchFailed(FetchIssue.MALFORMED, next_url, "next_page")
        seen.add(next_url)
        page = _page(next_url, get_with_retries(next_url, timeout))
        values += page["values"]
        next_url = page.get("next_page") or None
    return values


def _page(url: str, body: bytes) -> dict[str, Any]:
    """The answer as the documented object, or FetchFailed naming what is wrong with it."""
    try:
        page = json.loads(body)
    except (ValueError, RecursionError):
        raise FetchFailed(FetchIssue.MALFORMED, url, "JSON") from None
    if not isinstance(page, dict):
        raise FetchFailed(FetchIssue.MALFORMED, url, "JSON")
    if not isinstance(page.get("values"), list):
        raise FetchFailed(FetchIssue.MALFORMED, url, "values")
    if not isinstance(page.get("next_page") or "", str):
        raise FetchFailed(FetchIssue.MALFORMED, url, "next_page")
    return page


def get_with_retries(url: str, timeout: float) -> bytes:
    """The body of a GET; a 5xx, 429, timeout or lost connection is tried again `ATTEMPTS` times
    in all, after pauses of BACKOFF_SECONDS, twice that, and so on."""
    attempt = 1
    while True:
        try:
            return _get(url, timeout)
        except FetchFailed as failed:
            refused = failed.issue is FetchIssue.STATUS and not _transient(int(failed.detail))
            if refused or attempt == ATTEMPTS:
                raise
        time.sleep(BACKOFF_SECONDS * 2 ** (attempt - 1))
        attempt += 1


def _transient(status: int) -> bool:
    return status >= 500 or status == 429


def _get(url: str, timeout: float) -> bytes:
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return bytes(response.read())
    except urllib.error.HTTPError as error:
        raise FetchFailed(FetchIssue.STATUS, url, str(error.code)) from None
    except TimeoutError:  # while reading the answer
        raise FetchFailed(FetchIssue.TIMEOUT, url, f"{timeout:g}") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):  # while connecting
            raise FetchFailed(FetchIssue.TIMEOUT, url, f"{timeout:g}") from None
        raise FetchFailed(FetchIssue.UNREACHABLE, url, str(error.reason)) from None
    except (OSError, ValueError) as error:  # a reset connection, a malformed URL
        raise FetchFailed(FetchIssue.UNREACHABLE, url, str(error)) from None


def as_upload(values: Sequence[dict[str, Any]]) -> UploadFile:
    """The fetched entries as one Kolada JSON file for the ordinary import."""
    document = {"values": list(values), "count": len(values)}
    return UploadFile(FILE_NAME, json.dumps(document, ensure_ascii=False).encode())
