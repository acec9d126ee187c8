"""Kolada's API fetch (`kontrollrummet kolada hämta`) and the page Kvinnor och män (issue 19)."""

from __future__ import annotations

from dashboard.upload.kolada_fetch import FetchIssue

# ---------------------------------------------------------------- kolada hämta

KOLADA_FETCHING = "Hämtar från Kolada"
KOLADA_FETCHED = "Hämtade {count} poster från Kolada i {requests} frågor."
KOLADA_NOTHING_FOUND = "Kolada har inga värden för det som efterfrågades. Inget sparades."
KOLADA_NOTHING_MAPPED = {
    "kpi": "Ingen indikator har ett Kolada-kpi: ange --kpi eller fyll i kolumnen kolada-kpi.",
    "place": "Ingen organisation har ett Kolada-id: läs in en Kolada-koppling eller ange --kommun.",
}
_NOTHING_SAVED = " Inget sparades."
KOLADA_FETCH_FAILED = {
    FetchIssue.STATUS: "Kolada svarade med felkod {detail} på {url}." + _NOTHING_SAVED,
    FetchIssue.TIMEOUT: "Kolada svarade inte inom {detail} s på {url}, inte heller efter nya "
    "försök." + _NOTHING_SAVED,
    FetchIssue.UNREACHABLE: "Kunde inte nå Kolada på {url} ({detail})." + _NOTHING_SAVED,
    FetchIssue.MALFORMED: "Koladas svar på {url} gick inte att läsa (fel i {detail})."
    + _NOTHING_SAVED,
}
