"""The control room's pages: Översikt, Målsida, Indikatorsida, Läs in data, Avvikelser,
presentation, and the accessibility statement."""

from __future__ import annotations

from dashboard.domain.model import (
    Basis,
    GoalLevel,
    OrgLevel,
    Status,
)
from dashboard.domain.rules import Disagreement
from dashboard.followup.deviations import DeviationKind
from dashboard.followup.movement import Movement
from layouts.texts.copy import Plural

# ---------------------------------------------------------------- översikt

OVERVIEW_HEADING = "Måluppfyllelse – {org}"
_RULE_NOTE = (
    "Statusen räknas fram ur indikatorerna och aktiviteterna med en och samma regel; klicka på "
    "”Varför?” för att se hur."
)
OVERVIEW_INTRO = {
    GoalLevel.COUNCIL: (
        "Kommunfullmäktiges mål för {org}, {period} {year}, grupperade under inriktningsmålen. "
    )
    + _RULE_NOTE,
    GoalLevel.COMMITTEE: "Nämndmålen inom {org}, {period} {year}, de som avviker först. "
    + _RULE_NOTE,
    GoalLevel.UNIT: "Enhetsmålen inom {org}, {period} {year}, de som avviker först. " + _RULE_NOTE,
}
OVERVIEW_LEVEL_TAB = {
    GoalLevel.COUNCIL: "KF-mål",
    GoalLevel.COMMITTEE: "Nämndmål",
    GoalLevel.UNIT: "Enhetsmål",
}
LEVEL_NAV_LABEL = "Välj målnivå"
SUMMARY_HEADING = "Sammanfattning"
FLAGGED_COUNT = Plural(
    "⚑ {count} egen bedömning avviker från beräkningen",
    "⚑ {count} egna bedömningar avviker från beräkningen",
)
NO_GOALS = "Det finns inga mål på den här nivån för vald organisation och period."
YEAR_LABEL = "År"
PERIOD_FIELD_LABEL = "Period"
ORG_FIELD_LABEL = "Organisation"
FILTERS_LABEL = "Urval"
BREADCRUMB_LABEL = "Du är här"
SORT_BY = "Sortera efter {column}"
PERCENTAGE_POINTS = "procentenheter"  # a change of a share is in points, not per cent
WHY = "Varför?"
SCORE = "{score} av 100 poäng"
NO_SCORE = "Ingen poäng"
COUNTS_NONE = "Inga indikatorer räknas här"
ACTIVITIES_COUNT = "Aktiviteter: {status}"
BASIS_NOTE = {
    Basis.OUTCOME: "Bygger på utfall.",
    Basis.FORECAST: "Bygger endast på prognos – inget utfall finns ännu.",
    Basis.MIXED: "Bygger delvis på prognos – alla utfall finns inte ännu.",
    Basis.NONE: "Inget underlag.",
}
NO_ASSESSMENT = "Ingen egen bedömning är gjord."
OWN_ASSESSMENT = "Egen bedömning: {status}."
ASSESSMENT_FORECAST = "{status} (prognos)"
DISAGREEMENT_LABEL = {
    Disagreement.MORE_POSITIVE: "⚑ Mer positiv än beräkningen",
    Disagreement.MORE_NEGATIVE: "⚑ Mer negativ än beräkningen",
    Disagreement.WITHOUT_EVIDENCE: "⚑ Bedömd som uppfylld utan underlag",
}

# ---------------------------------------------------------------- målsida

OVERVIEW_CRUMB = "Översikt"
JUDGED_FOR = "Bedöms för: "
WHY_HEADING = "Varför har målet den här statusen?"
BY_ORG_HEADING = "Resultat per organisation"
BY_ORG_CAPTION = "Målets beräknade status i varje underliggande organisation, sämst först"
BY_ORG_COLUMNS = ("Organisation", "Status", "Poäng", "Delar", "Underlag")
ITSELF_ROW = {  # the organisation's own measurements, beside those of the organisations below
    OrgLevel.CITY: "Staden själv",
    OrgLevel.COMMITTEE: "Nämnden själv",
    OrgLevel.DEPARTMENT: "Avdelningen själv",
    OrgLevel.UNIT: "Enheten själv",
}
CHILD_GOALS_HEADING = "Mål som bryter ned målet"
CHILD_GOALS_CAPTION = "Underliggande mål med beräknad status för den organisation som äger målet"
CHILD_GOALS_COLUMNS = ("Mål", "Nivå", "Status", "Poäng", "Underlag")
# The line a long table of child goals is closed behind; fields: count, statuses.
CHILD_GOALS_LINE = Plural(
    "Visa {count} underliggande mål: {statuses}",
    "Visa alla {count} underliggande mål: {statuses}",
)
CHILD_GOAL_COUNT = {
    Status.MET: Plural("{count} uppfyllt", "{count} uppfyllda"),
    Status.PARTLY_MET: Plural("{count} delvis uppfyllt", "{count} delvis uppfyllda"),
    Status.NOT_MET: Plural("{count} ej uppfyllt", "{count} ej uppfyllda"),
    Status.NO_DATA: Plural("{count} där uppgift saknas", "{count} där uppgift saknas"),
}
INDICATORS_HEADING = "Indikatorer"
INDICATORS_CAPTION = (
    "Indikatorer för målet: årsmål, periodens utfall, prognos, samma period förra året och "
    "uppdelning på kön"
)
INDICATOR_COLUMNS = (
    "Indikator",
    "Årsmål",
    "Utfall",
    "Prognos helår",
    "Status och underlag",
    "Samma period förra året",
    "Förändring",
    "Kvinnor",
    "Män",
    "Skillnad K − M",
)
NO_INDICATORS = "Målet har inga indikatorer som mäts för den här organisationen."
SPLIT_MISSING = "Uppdelning saknas"
ACTIVITIES_HEADING = "Aktiviteter"
ACTIVITIES_CAPTION = "Aktiviteter under målet med ansvarig, datum och status"
ACTIVITY_COLUMNS = (
    "Aktivitet",
    "Ansvarig",
    "Start",
    "Slut",
    "Status vid periodens slut",
    "Kommentar",
)
NOT_FOLLOWED_UP = "Ej uppföljd – räknas som ej påbörjad"
NOT_COUNTED = "Räknas inte"
NO_ACTIVITIES = "Inga aktiviteter är registrerade under målet för den här organisationen och året."
OVERDUE = " – försenad"
ASSESSMENT_HEADING = "Organisationens egen bedömning"
ANALYSIS = "Analys"
MEASURES = "Åtgärder"

# ---------------------------------------------------------------- indikatorsida

INDICATOR_EYEBROW = "Indikator · {unit} · {direction}"
TREND_HEADING = "Utveckling över åren"
TREND_TITLE = "{indicator}, {period}"
TREND_CAPTION = "Årsmål, utfall, prognos och utfall per kön, {period}, år för år"
TREND_COLUMNS = ("År", "Årsmål", "Utfall totalt", "Prognos helår", "Utfall kvinnor", "Utfall män")
TARGET = "Årsmål"
OUTCOME_TOTAL = "Utfall totalt"
FORECAST = "Prognos helår (streckad)"
SHOW_TABLE = "Visa siffrorna som tabell"
NO_HISTORY = "Det finns inga värden för indikatorn och organisationen under vald period."
NO_COMPARISON = (
    "Det finns inga underliggande organisationer att jämföra med för den här indikatorn."
)
COMPARISON_HEADING = "Var når indikatorn inte målet?"
COMPARISON_CAPTION = "Indikatorn i varje organisation, de som inte når årsmålet först"
COMPARISON_COLUMNS = (
    "Organisation",
    "Status",
    "Årsmål",
    "Utfall",
    "Prognos helår",
    "Samma period förra året",
    "Förändring",
    "Skillnad K − M",
)
LAST_YEAR_HEADING = "Jämfört med samma period förra året"
LAST_YEAR_TITLE = "I år och samma period förra året"
GENDER_HEADING = "Kvinnor och män"
GENDER_TITLE = "Utfall för kvinnor och män"
SPLIT_MISSING_LIST = "Uppdelning på kön saknas för: {orgs}."

# ---------------------------------------------------------------- tillgänglighetsredogörelse

FOOTER_A11Y_LINK = "Tillgänglighetsredogörelse"
A11Y_HEADING = "Tillgänglighetsredogörelse för Kontrollrummet"
A11Y_INTRO = (
    (
        "Kontrollrummet är ett verktyg för uppföljning av mål i kommuner. Vi vill att alla ska "
        "kunna använda det, oavsett funktionsnedsättning."
    ),
    (
        "Den här redogörelsen beskriver hur Kontrollrummet uppfyller lagen (2018:1937) om "
        "tillgänglighet till digital offentlig service, kända brister och hur du kan rapportera "
        "problem till oss."
    ),
)
A11Y_STATUS_HEADING = "Hur tillgänglig är tjänsten?"
A11Y_STATUS = (
    "Tjänsten är delvis förenlig med lagen om tillgänglighet till digital offentlig service (WCAG "
    "2.1 nivå AA), på grund av de brister som beskrivs nedan."
)
A11Y_KNOWN_HEADING = "Kända brister"
A11Y_KNOWN_ISSUES = (
    (
        "Diagrammen är bilder för skärmläsare; samma siffror finns i en tabell under varje diagram "
        "(”Visa siffrorna som tabell”)."
    ),
    (
        "Diagrammen är bilder: de förstoras med webbläsarens zoom men går inte att zooma in i "
        "eller panorera var för sig."
    ),
)
A11Y_REPORT_HEADING = "Rapportera brister eller begär innehåll i annat format"
A11Y_REPORT = (
    "Om du upptäcker problem som inte beskrivs här, eller behöver innehållet i ett annat format, "
    "mejla "
)
A11Y_ENFORCEMENT_HEADING = "Tillsyn"
A11Y_ENFORCEMENT = (
    "Myndigheten för digital förvaltning (DIGG) ansvarar för tillsyn av lagen. Om du inte är nöjd "
    "med hur vi hanterar dina synpunkter kan du kontakta DIGG och påtala det: "
)
DIGG_LINK_TEXT = "anmäl brist i tillgänglighet till DIGG"
DIGG_URL = "https://www.digg.se/analys-och-uppfoljning/lagen-om-tillganglighet-till-digital-offentlig-service-dos-lagen/anmal-bristande-tillganglighet"
A11Y_TESTING_HEADING = "Hur vi testat"
A11Y_TESTING = (
    "Varje sida testas automatiskt i webbläsaren Chromium med verktyget axe-core mot WCAG 2.1 nivå "
    "A och AA vid varje ändring av koden, och flödet från översikt till enhet och indikator testas "
    "med enbart tangentbord. Status visas alltid med symbol och text, inte bara med färg."
)

# ---------------------------------------------------------------- läs in data

NAV_UPLOAD = "Läs in data"
UPLOAD_HEADING = "Läs in data"
UPLOAD_INTRO = (
    "Ladda upp utfall, prognoser, årsmål, aktiviteter, målbedömningar, mål, indikatorer eller "
    "organisation som CSV-filer (t.ex. sparade från Excel) eller Kolada-filer. Du ser först exakt "
    "vad som ändras; inget sparas förrän du klickar på Spara, och allt går att ångra."
)
TEMPLATES_INTRO = "Mallar att fylla i:"
UPLOAD_DROP = "Dra och släpp filer här, eller "
UPLOAD_CHOOSE = "välj filer"
UPLOAD_LIMIT = "Högst {size} per fil. Semikolon, komma eller tabb; UTF-8 eller Windows-1252."
PREVIEW_HEADING = "Förhandsgranskning"
ROWS = Plural("{count} rad", "{count} rader")
ROW_CHANGES = (  # new, changed, unchanged rows
    Plural("{count} ny", "{count} nya"),
    Plural("{count} ändrad", "{count} ändrade"),
    Plural("{count} oförändrad", "{count} oförändrade"),
)
PREVIEW_COUNTS = "{rows}: {changes}."
PREVIEW_DIALECT = "Teckenkodning {encoding}, avgränsare {separator}."
PREVIEW_OK = "Inga fel hittades. Klicka på Spara för att spara ändringarna."
CHANGES_CAPTION = "Exempel på ändringar i {file}"
CHANGES_COLUMNS = ("Rad (nyckel)", "Kolumn", "Nu", "Blir")
NEW_ROWS = "Exempel på nya rader: {keys}."
PROBLEMS_HEADING = "{count} fel hittades – ingenting har sparats"
PROBLEMS_NOT_SHOWN = (
    "… och {count} fel till. Rätta de visade och ladda upp igen, eller kör `kontrollrummet import "
    "--dry-run` för hela listan."
)
SAVE_UPLOAD = "Spara"
SAVED_HEADING = "Sparat."
SAVED_FILE = "{file}, rader: {changes}."
NOTHING_TO_SAVE = "Det finns inget godkänt att spara. Välj filer igen."
UPLOAD_LOG_HEADING = "Uppladdningar"
UPLOAD_LOG_CAPTION = "Alla uppladdningar, senaste först"
UPLOAD_LOG_COLUMNS = ("Nr", "Tid", "Av", "Fil", "Innehåll", "Rader", "Ångra")
NO_UPLOADS = "Inga uppladdningar ännu."
UNDO = "Ångra"
UNDO_TITLE = "Ångra uppladdning {id} ({file})"
UNDONE = "Uppladdning {id} ({file}) är ångrad: {restored}, {deleted}."
UNDONE_RESTORED = Plural(
    "{count} rad fick tillbaka sina tidigare värden",
    "{count} rader fick tillbaka sina tidigare värden",
)
UNDONE_DELETED = Plural("{count} rad togs bort", "{count} rader togs bort")
UNDONE_BY = "Ångrad av {user} {when}"
UPLOAD_GARBLED = "filen kom inte fram hel; välj den igen"

# ---------------------------------------------------------------- navigation (follow-up pages)

NAV_LABEL = "Huvudmeny"
NAV_OVERVIEW = "Översikt"
NAV_DEVIATIONS = "Avvikelser"
NAV_ACCURACY = "Prognoser och bedömningar"

# ---------------------------------------------------------------- avvikelser

DEVIATIONS_HEADING = "Avvikelser – {org}"
DEVIATIONS_INTRO = (
    "Det som avviker för {org}, {period} {year}, det allvarligaste först: mål som inte är "
    "uppfyllda, indikatorer under årsmålet eller utan utfall, försenade aktiviteter och egna "
    "bedömningar som skiljer sig från beräkningen."
)
NO_DEVIATIONS = "Inget avviker för vald organisation och period."
SHOW_MORE = "Visa {count} till"
DEVIATIONS_SHOWN = "Här visas de {shown} allvarligaste av {total} mål med avvikelser."
START_PRESENTATION = "Visa som presentation"
DOWNLOADS_LABEL = "Ladda ned:"
DOWNLOAD_LABEL = {
    ("avvikelser", "xlsx"): "Avvikelser (Excel)",
    ("avvikelser", "pdf"): "Avvikelser (PDF)",
    ("tertialrapport", "xlsx"): "Tertialrapport (Excel)",
    ("tertialrapport", "pdf"): "Tertialrapport (PDF)",
    ("avvikelser", "docx"): "Avvikelser (Word)",
    ("tertialrapport", "docx"): "Tertialrapport (Word)",
}
DEVIATION_SUMMARY_HEADING = "Sammanfattning"
# One label per group in layouts.deviations.SUMMARY_GROUPS.
SUMMARY_GROUP_LABEL = (
    "mål är inte uppfyllda eller kan inte bedömas",
    "mål är uppfyllda enligt prognos, inte på utfall",
    "indikatorer når inte årsmålet",
    "indikatorer saknar utfall",
    "aktiviteter är försenade eller har inte startat",
    "åtgärder är försenade",
    "egna bedömningar skiljer sig från beräkningen",
)
# The summary's counts, "3 indikatorer når inte årsmålet", in the order of SUMMARY_GROUP_LABEL.
SUMMARY_GROUP_COUNT = (
    Plural(
        "mål är inte uppfyllt eller kan inte bedömas",
        "mål är inte uppfyllda eller kan inte bedömas",
    ),
    Plural(
        "mål är uppfyllt enligt prognos, inte på utfall",
        "mål är uppfyllda enligt prognos, inte på utfall",
    ),
    Plural("indikator når inte årsmålet", "indikatorer når inte årsmålet"),
    Plural("indikator saknar utfall", "indikatorer saknar utfall"),
    Plural(
        "aktivitet är försenad eller har inte startat",
        "aktiviteter är försenade eller har inte startat",
    ),
    Plural("åtgärd är försenad", "åtgärder är försenade"),
    Plural(
        "egen bedömning skiljer sig från beräkningen",
        "egna bedömningar skiljer sig från beräkningen",
    ),
)
SEVERITY_LABEL = {0: "Kräver åtgärd", 1: "Behöver uppmärksamhet", 2: "Bra att veta"}
DEVIATION_KIND_LABEL = {
    DeviationKind.GOAL_NOT_MET: "Målet är inte uppfyllt",
    DeviationKind.GOAL_PARTLY_MET: "Målet är delvis uppfyllt",
    DeviationKind.GOAL_NO_DATA: "Målet kan inte bedömas",
    DeviationKind.GOAL_MET_ON_FORECAST: (
        "◌ Uppfyllt enligt prognos – utan prognoserna vore det inte uppfyllt"
    ),
    DeviationKind.ASSESSMENT_WITHOUT_EVIDENCE: "⚑ Bedömd som uppfylld utan underlag",
    DeviationKind.ASSESSMENT_MORE_POSITIVE: "⚑ Bedömningen är mer positiv än beräkningen",
    DeviationKind.ASSESSMENT_MORE_NEGATIVE: "⚑ Bedömningen är mer negativ än beräkningen",
    DeviationKind.INDICATOR_NOT_MET: "Indikatorn når inte gränsen för delvis uppfyllt",
    DeviationKind.INDICATOR_PARTLY_MET: "Indikatorn når inte årsmålet",
    DeviationKind.INDICATOR_NO_VALUE: "Indikatorn saknar värde eller årsmål",
    DeviationKind.INDICATOR_FORECAST_ONLY: "Uppfyllt endast på prognos – utfall saknas",
    DeviationKind.ACTIVITY_OVERDUE: "Aktiviteten är försenad",
    DeviationKind.ACTIVITY_LATE_START: "Aktiviteten har inte startat i tid",
    DeviationKind.MEASURE_OVERDUE: "Åtgärden är försenad",
}
DEVIATION_COLUMNS = ("Avvikelse", "Vad", "Status och underlag", "Värde", "Årsmål", "Förklaring")
ONLY_GOAL_DEVIATES = "Målets poäng är låg, men ingen enskild indikator eller aktivitet avviker."
RECORD_ASSESSMENT = "Registrera bedömning"
JUSTIFICATION_NOTE = "Motivering till den mer positiva bedömningen: ”{text}” (sparad av {name})."
ACTIVITY_NOTE = "Slutdatum {end}, ansvarig {responsible}. Kommentar: {comment}"
OWN_ASSESSMENT_ITEM = "Egen bedömning"
ASSESSMENT_ITEM_NOTE = "{own} – beräknad status: {computed}."

# ---------------------------------------------------------------- presentation

PRESENTATION_NAV_LABEL = "Bläddra mellan avvikelserna"
PREVIOUS = "← Föregående"
NEXT = "Nästa →"
POSITION = "Mål {number} av {total}"
END_PRESENTATION = "Avsluta presentationen"
PRESENTATION_EMPTY = "Inget avviker för {org}"
PRESENTATION_CAPTION = "Det som avviker under målet"
OPEN_GOAL = "Öppna målsidan"
KEYBOARD_HINT = (
    "Tangentbord: → eller Page Down visar nästa mål, ← eller Page Up föregående, Esc avslutar."
)

# ---------------------------------------------------------------- Avvikelser: filters, movement

DEVIATION_FILTERS_LABEL = "Filtrera avvikelserna"
FILTER_ALL = "Alla"
FILTER_STATUS = "Status:"
FILTER_LEVEL = "Nivå:"
FILTER_KIND = "Avvikelse:"
FILTER_ONLY = "Visa bara:"
FILTER_ROSIER = "Egen bedömning mer positiv"
FILTER_NEW = "Nya sedan förra perioden"
FILTER_NO_MATCH = "Inget avvikande mål matchar filtren."
MOVEMENT_LABEL = {
    Movement.NEW: "Ny avvikelse",
    Movement.REMAINS: "Kvarstår",
    Movement.IMPROVED: "Förbättrad",
    Movement.WORSENED: "Försämrad",
    Movement.RESOLVED: "Åtgärdad",
}
MOVEMENT_SYMBOL = {
    Movement.NEW: "✱",
    Movement.REMAINS: "▶",
    Movement.IMPROVED: "▲",
    Movement.WORSENED: "▼",
    Movement.RESOLVED: "✓",
}
MOVEMENT_SINCE = "{movement} sedan {period} {year}"
MOVEMENT_BEFORE = " (då: {status})"
RESOLVED_SINCE = Plural(
    "{count} mål som avvek vid {period} {year} avviker inte längre (åtgärdat).",
    "{count} mål som avvek vid {period} {year} avviker inte längre (åtgärdade).",
)
