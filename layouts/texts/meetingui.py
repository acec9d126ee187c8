"""The meeting's pages (issue 17): Avvikelser by organisation, one line per goal, the
presentation's agenda, status over the last periods, and counts that open their lists."""

from __future__ import annotations

from dashboard.domain.model import Status
from layouts.texts.copy import Plural

# ---------------------------------------------------------------- Avvikelser, one line per goal

FILTER_WITHIN = "Nämnd/avdelning:"
PLACE_COUNT = "{org} ({count})"
# What deviates under a goal, in the summary's groups after the goal's own (layouts/urls.py
# KIND_VALUES): "2 indikatorer under årsmålet".
LINE_GROUP_LABEL = {  # by the group's value in layouts.urls.KIND_VALUES
    "prognos": Plural("{count} på prognos", "{count} på prognos"),
    "indikator": Plural("{count} under årsmål", "{count} under årsmål"),
    "underlag": Plural("{count} utan underlag", "{count} utan underlag"),
    "aktivitet": Plural("{count} aktivitet", "{count} aktiviteter"),
    "atgard": Plural("{count} åtgärd försenad", "{count} åtgärder försenade"),
    "bedomning": Plural("{count} bedömning", "{count} bedömningar"),
}
DETAILS_HINT = "Öppna en rad för målets avvikelser."

# ---------------------------------------------------------------- the presentation's agenda

AGENDA_HEADING = "Dagordning ({count} mål)"
AGENDA_LABEL = "Dagordning: målen som visas"
AGENDA_ITEM = "{title} – {org}"
FILTERED_PRESENTATION = "Urval: samma filter som på Avvikelser."
PAGE_HINT = (
    "Ett mål som inte ryms på skärmen: Page Down och Page Up bläddrar inom målet först, "
    "→ och ← går direkt till nästa och föregående."
)

# ---------------------------------------------------------------- status over the last periods

STATUS_TREND_LABEL = "Status de senaste perioderna"
TREND_PERIOD = {"T1": "T1", "T2": "T2", "FY": "Helår"}  # short; a month keeps its code
TREND_POINT = "{period} {year}: {status}"
TREND_NOT_JUDGED = "ingen bedömning"
TREND_NOT_JUDGED_SYMBOL = "–"
PREVIOUS_PERIOD = "Förra perioden, {period} {year}:"

# ---------------------------------------------------------------- counts that are doors

INDICATORS_LEAD = "Indikatorer:"
INDICATOR_COUNT = {
    Status.MET: Plural("{count} uppfylld", "{count} uppfyllda"),
    Status.PARTLY_MET: Plural("{count} delvis", "{count} delvis"),
    Status.NOT_MET: Plural("{count} ej uppfylld", "{count} ej uppfyllda"),
    Status.NO_DATA: Plural("{count} saknar värde", "{count} saknar värde"),
}
INDICATORS_ONLY = "Visar bara indikatorer med status {status}."
SHOW_ALL = "Visa alla"
FORECAST_ONLY_DOOR = Plural("Visa bara den uppfyllda", "Visa bara de {count} uppfyllda")
FORECAST_ONLY_SHOWN = "Visar bara de uppfyllda."
