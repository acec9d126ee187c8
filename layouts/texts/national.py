"""Swedish texts of the national comparison (docs/national.md): the Indikatorsida's section,
the Målsida's columns and the administrator's page Jämförelser."""

from dashboard.followup.national_admin import NationalProblem

NATIONAL_HEADING = "Jämförelse med Riket och andra kommuner"
NATIONAL_KPI = "Kolada-nyckeltal {kpi}: {title}"
NATIONAL_KPI_UNKNOWN = "Kolada-nyckeltal {kpi}"
NATIONAL_DEFINITION = "Definition: "
NATIONAL_SOURCE = "Källa: {source} (via Kolada, RKA)"
NATIONAL_NO_METADATA = "Nyckeltalets beskrivning har inte lästs in från Kolada."
NATIONAL_LAG = "Jämförelsen gäller {year}, Koladas senaste år; vårt uppföljningsår är senare."
NATIONAL_YEAR = "Jämförelsen gäller {year}."
NATIONAL_NO_VALUES = "Kolada har inga värden för nyckeltalet till och med {year}."
NATIONAL_PLACE = "plats {rank} av {count}"
NATIONAL_OURS = "{home}: {value}, {place} i {group}"  # then the quartile
NATIONAL_OURS_MISSING = "{home} har inget värde i Kolada {year}."
NATIONAL_RIKET = "Riket: {value}."
NATIONAL_MEDIAN = "Medianen i {group}: {value}."
NATIONAL_NO_HOME = (
    "Kommunens eget Kolada-id är inte satt: en administratör sätter det på sidan Jämförelser."
)
NATIONAL_NO_GROUP = (
    "Ingen jämförelsegrupp finns: en administratör lägger till en på sidan Jämförelser."
)
RANKING_HEADING = "{group} rangordnad, {year}"
RANKING_CAPTION = "Kommunerna i {group} efter värde {year}, bäst först, med kvartil"
RANKING_COLUMNS = ("Plats", "Kommun", "Värde", "Kvartil")
RANKING_US = " (vi)"
RANKING_MISSING = "Utan värde {year}: {places}."
QUARTILE_LABEL = {
    1: "▲ första kvartilen (bästa fjärdedelen)",
    2: "◆ andra kvartilen",
    3: "◇ tredje kvartilen",
    4: "▼ fjärde kvartilen (sämsta fjärdedelen)",
}
QUARTILE_SHORT = {1: "▲ 1:a", 2: "◆ 2:a", 3: "◇ 3:e", 4: "▼ 4:e"}
GENDER_NATIONAL_HEADING = "Kvinnor och män bredvid Riket, {year}"
GENDER_NATIONAL_CAPTION = "Kolada-värden per kön {year}: vår kommun och Riket"
GENDER_NATIONAL_FIRST = "Kön"
REFERENCE_RIKET = "Riket (Kolada, helår)"
REFERENCE_MEDIAN = "Median {group} (Kolada, helår)"
RIKET_COLUMN = "Riket"
QUARTILE_COLUMN = "Kvartil"
RIKET_CELL_YEAR = "{value} ({year})"

PREVIEW_REFERENCE_COUNTS = "Jämförelsevärden (Kolada): {rows}: {changes}."
SAVED_REFERENCE = " Jämförelsevärden nya eller ändrade: {count}."

# ---- the administrator's page Jämförelser ---------------------------------------------------
NAV_NATIONAL = "Jämförelser"
NATIONAL_ADMIN_TITLE = "Jämförelser med Kolada"
NATIONAL_ADMIN_INTRO = (
    "Här sätter en administratör kommunens eget Kolada-id, jämförelsegrupperna och vilket "
    "Kolada-nyckeltal en indikator är. Värdena läses in som Kolada-filer på sidan Ladda upp."
)
HOME_HEADING = "Kommunens Kolada-id"
HOME_LABEL = "Kolada-id (fyra siffror, t.ex. 0180)"
HOME_CURRENT = "Nu: {value}"
HOME_NOT_SET = "Inte satt."
GROUP_HEADING = "Jämförelsegrupper"
GROUP_NAME_LABEL = "Gruppens namn"
GROUP_MEMBERS_LABEL = "Kolada-id, åtskilda med komma eller mellanslag (tomt tar bort gruppen)"
GROUP_CHOSEN = "Visas på sidorna: {group}"
GROUP_CHOOSE = "Visa denna grupp"
GROUP_LIST_CAPTION = "Jämförelsegrupper och deras kommuner"
GROUP_LIST_COLUMNS = ("Grupp", "Kommuner", "Antal")
LINK_HEADING = "Koppla en indikator till ett Kolada-nyckeltal"
LINK_SEARCH_LABEL = "Sök nyckeltal (id, titel eller beskrivning)"
LINK_INDICATOR_LABEL = "Indikatorns kod"
LINK_KPI_LABEL = "Nyckeltalets id (tomt tar bort kopplingen)"
LINK_RESULTS_CAPTION = "Nyckeltal som matchar sökningen"
LINK_RESULTS_COLUMNS = ("Id", "Titel", "Källa")
LINK_NO_RESULTS = "Inga inlästa nyckeltal matchar."
UNIT_HEADING = "Koppla en organisationsenhet till ett Kolada-id"
UNIT_INTRO = (
    "Kolada-filernas värden för id:t blir enhetens utfall (för indikatorer med nyckeltalet)."
)
UNIT_ORG_LABEL = "Organisationsenhetens kod"
UNIT_ID_LABEL = "Kolada-id, t.ex. V15E144001301 (tomt tar bort kopplingen)"
UNIT_LIST_CAPTION = "Organisationsenheter med Kolada-id"
UNIT_LIST_COLUMNS = ("Organisation", "Kolada-id")
SAVE_BUTTON = "Spara"
SEARCH_BUTTON = "Sök"
NATIONAL_SAVED = "Sparat."
NATIONAL_PROBLEMS = {
    NationalProblem.NOT_ADMIN: "Bara administratörer kan ändra jämförelserna.",
    NationalProblem.BAD_ID: "Ett Kolada-id består av siffror och bokstäver, t.ex. 0180.",
    NationalProblem.NO_NAME: "Gruppen behöver ett namn (högst 200 tecken).",
    NationalProblem.UNKNOWN_KPI: "Nyckeltalet finns inte bland de inlästa Kolada-nyckeltalen.",
    NationalProblem.UNKNOWN_INDICATOR: "Det finns ingen indikator med den koden.",
    NationalProblem.UNKNOWN_GROUP: "Det finns ingen grupp med det namnet.",
    NationalProblem.UNKNOWN_ORG: "Det finns ingen organisationsenhet med den koden.",
}
