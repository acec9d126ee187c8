"""Kolada's API fetch (`kontrollrummet kolada hämta`) and the page Kvinnor och män (issue 19)."""

from __future__ import annotations

from dashboard.followup.gender_gaps import Favours, GapMove
from dashboard.upload.kolada_fetch import FetchIssue
from layouts.texts.copy import Plural

# ---------------------------------------------------------------- kolada hämta

KOLADA_FETCHING = "Hämtar från Kolada"
KOLADA_FETCHED = Plural("Hämtade {count} post från Kolada", "Hämtade {count} poster från Kolada")
KOLADA_REQUESTS = Plural(" i {count} fråga.", " i {count} frågor.")
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

# ---------------------------------------------------------------- kvinnor och män

NAV_GENDER_GAPS = "Kvinnor och män"
GENDER_GAPS_HEADING = "Kvinnor och män – {org}"
GENDER_GAPS_INTRO = (
    "Skillnaden mellan kvinnors och mäns utfall, kvinnor minus män (K − M), för varje "
    "könsuppdelad indikator i {org}, {period} {year}, jämförd med {period} {previous}. "
    "Skillnader mellan andelar anges i procentenheter (p.e.), andra i indikatorns enhet. Där "
    "skillnaden har ökat mest står först. Om en skillnad är till kvinnornas eller männens fördel "
    "följer av om ett högre eller lägre värde är bättre för indikatorn."
)
GENDER_GAPS_NONE = (
    "Inga könsuppdelade indikatorer har utfall för {org}, {period} {year} eller {previous}."
)
GENDER_GAPS_SUMMARY = (
    "Antal indikatorer där skillnaden sedan förra året har ökat: {widened}, minskat: {narrowed}, "
    "är oförändrad: {unchanged}, inte kan jämföras: {unknown}."
)
GENDER_GAPS_CAPTION = "Kvinnor och män, {period} {year}"
GENDER_GAPS_COLUMNS = ("Indikator", "Kvinnor", "Män", "Skillnad K − M", "Till vems fördel")
GENDER_GAPS_PREVIOUS_COLUMN = "Skillnad {period} {previous}"
GENDER_GAPS_CHANGE_COLUMN = "Skillnadens förändring"
GENDER_GAPS_RIKET_COLUMN = "Riket K − M"
GENDER_GAPS_RIKET_YEAR = "{gap} ({year})"  # Kolada lags: the year Riket's gap is from
GENDER_GAPS_NO_GAP = "värde saknas"
PERCENTAGE_POINTS_SHORT = "p.e."  # procentenheter: a difference between two shares
GAP_FAVOURS = {
    Favours.WOMEN: "till kvinnornas fördel",
    Favours.MEN: "till männens fördel",
    Favours.NEITHER: "ingen skillnad",
}
GAP_MOVE = {
    GapMove.WIDENED: "större",
    GapMove.NARROWED: "mindre",
    GapMove.UNCHANGED: "oförändrad",
    GapMove.UNKNOWN: "kan inte jämföras",
}
