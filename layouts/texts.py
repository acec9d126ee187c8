"""All Swedish text of the user interface, one constant or mapping per concept.

Code and data use the English enum values; this module is the only place that says what
they are called in Swedish. Sentence templates use `str.format` fields named after what
they hold. Tests check that every enum member has a text here.
"""

from __future__ import annotations

from dashboard.domain.model import (
    ActivityStatus,
    Basis,
    Direction,
    Gender,
    GoalLevel,
    OrgLevel,
    Status,
    Trend,
)
from dashboard.domain.rules import Disagreement, GoalReason, IndicatorReason, PartKind
from dashboard.followup.assessments import AssessmentProblem
from dashboard.followup.deviations import DeviationKind
from dashboard.upload.problems import ImportIssue, Phrase

# ---------------------------------------------------------------- the application

APP_TITLE = "Kontrollrummet"
MISSING_VALUE = "–"  # shown where a number is missing; never 0

# ---------------------------------------------------------------- statuses

STATUS_LABEL = {
    Status.MET: "Uppfyllt",
    Status.PARTLY_MET: "Delvis uppfyllt",
    Status.NOT_MET: "Ej uppfyllt",
    Status.NO_DATA: "Uppgift saknas",
}

# A symbol beside every status, so that a status is never told by colour alone.
STATUS_SYMBOL = {
    Status.MET: "✓",
    Status.PARTLY_MET: "◐",
    Status.NOT_MET: "✗",
    Status.NO_DATA: "?",
}

BASIS_LABEL = {
    Basis.OUTCOME: "Utfall",
    Basis.FORECAST: "Endast prognos",
    Basis.MIXED: "Utfall och prognos",
    Basis.NONE: "Inget underlag",
}

TREND_LABEL = {
    Trend.BETTER: "Bättre",
    Trend.UNCHANGED: "Oförändrat",
    Trend.WORSE: "Sämre",
    Trend.UNKNOWN: "Kan inte jämföras",
}

DIRECTION_LABEL = {
    Direction.HIGHER: "högre är bättre",
    Direction.LOWER: "lägre är bättre",
}

# ---------------------------------------------------------------- activities

ACTIVITY_STATUS_LABEL = {
    ActivityStatus.DONE: "Genomförd",
    ActivityStatus.ONGOING: "Pågår",
    ActivityStatus.NOT_STARTED: "Ej påbörjad",
    ActivityStatus.DELAYED: "Försenad",
    ActivityStatus.CANCELLED: "Inställd",
}

# ---------------------------------------------------------------- goal tree and organisation

GOAL_LEVEL_LABEL = {
    GoalLevel.DIRECTION: "Inriktningsmål",
    GoalLevel.COUNCIL: "KF-mål (verksamhetsområdesmål)",
    GoalLevel.COMMITTEE: "Nämndmål",
    GoalLevel.UNIT: "Enhetsmål",
}

PART_KIND_LABEL = {
    PartKind.INDICATOR: "Indikator",
    PartKind.ACTIVITIES: "Aktiviteter",
}

# ---------------------------------------------------------------- periods and gender

MONTH_NAMES = (
    "Januari",
    "Februari",
    "Mars",
    "April",
    "Maj",
    "Juni",
    "Juli",
    "Augusti",
    "September",
    "Oktober",
    "November",
    "December",
)

PERIOD_LABEL = {
    "T1": "Tertial 1 (jan–apr)",
    "T2": "Tertial 2 (jan–aug)",
    "FY": "Helår",
} | {f"M{number:02d}": name for number, name in enumerate(MONTH_NAMES, start=1)}

GENDER_LABEL = {
    Gender.TOTAL: "Totalt",
    Gender.WOMEN: "Kvinnor",
    Gender.MEN: "Män",
}

# ---------------------------------------------------------------- reasons (short, for tables)

INDICATOR_REASON_LABEL = {
    IndicatorReason.NO_TARGET: "Årsmål saknas",
    IndicatorReason.NO_VALUE: "Varken utfall eller prognos finns",
    IndicatorReason.SUPPRESSED: "Värdet är skyddat (för få individer)",
    IndicatorReason.NOT_APPLICABLE: "Indikatorn gäller inte här",
    IndicatorReason.NOT_MEASURED_HERE: "Mäts inte här eller i någon organisation under",
    IndicatorReason.MEASURED_BELOW: "Mäts i organisationer under",
    IndicatorReason.REACHES_TARGET: "Når årsmålet",
    IndicatorReason.WITHIN_PARTLY_BAND: "Når inte årsmålet men gränsen för delvis uppfyllt",
    IndicatorReason.OUTSIDE_PARTLY_BAND: "Når inte gränsen för delvis uppfyllt",
}

# ---------------------------------------------------------------- explanations (explanation.py)

# What the judged value is called, by what it rests on.
VALUE_NAME = {
    Basis.OUTCOME: "Utfallet",
    Basis.FORECAST: "Prognosen för helåret",
}

# Sentences explaining an indicator's status; fields: value_name, value, target, limit,
# direction, status.
INDICATOR_REASON_SENTENCE = {
    IndicatorReason.NO_TARGET: "Årsmål saknas, så ingen status räknas fram → {status}.",
    IndicatorReason.NO_VALUE: "Varken utfall eller prognos finns → {status}.",
    IndicatorReason.SUPPRESSED: (
        "Värdet är skyddat eftersom det gäller för få individer → {status}."
    ),
    IndicatorReason.NOT_APPLICABLE: "Indikatorn gäller inte här och räknas inte in i målet.",
    IndicatorReason.NOT_MEASURED_HERE: (
        "Indikatorn mäts varken här eller i någon organisation under och räknas inte in i målet."
    ),
    IndicatorReason.MEASURED_BELOW: (
        "Indikatorn mäts inte här utan i organisationerna under: medelvärdet av deras poäng → {status}."
    ),
    IndicatorReason.REACHES_TARGET: (
        "{value_name} {value} når årsmålet {target} ({direction}) → {status}."
    ),
    IndicatorReason.WITHIN_PARTLY_BAND: (
        "{value_name} {value} når inte årsmålet {target} men gränsen för delvis uppfyllt, "
        "{limit} ({direction}) → {status}."
    ),
    IndicatorReason.OUTSIDE_PARTLY_BAND: (
        "{value_name} {value} når inte gränsen för delvis uppfyllt, {limit}, "
        "eller årsmålet {target} ({direction}) → {status}."
    ),
}

FORECAST_ONLY_SENTENCE = "Inget utfall finns ännu; statusen vilar endast på prognosen {value}."
VALUE_WITHOUT_TARGET_SENTENCE = "Senaste värde: {value}."
FORECAST_BESIDE_OUTCOME_SENTENCE = "Prognosen för helåret, {value}, pekar mot: {status}."

# Sentences explaining a goal's status; fields: score, met, partly (points of 100), parts,
# coverage, min_coverage (percentages), status.
GOAL_SCORE_SENTENCE = "Poäng {score} av 100: {parts}."
GOAL_STATUS_SENTENCE = {
    Status.MET: "{score} ≥ {met} → {status}.",
    Status.PARTLY_MET: "{score} ≥ {partly} men < {met} → {status}.",
    Status.NOT_MET: "{score} < {partly} → {status}.",
}
GOAL_REASON_SENTENCE = {
    GoalReason.NO_PARTS: "Målet har inga indikatorer eller aktiviteter att räkna på → {status}.",
    GoalReason.TOO_LITTLE_DATA: (
        "Bara {coverage} av målets vikt har värden, minst {min_coverage} krävs → {status}."
    ),
}
# (one, many) forms; field: count.
GOAL_FORECAST_ONLY_SENTENCE = (
    "1 del vilar endast på prognos, inte på utfall.",
    "{count} delar vilar endast på prognos, inte på utfall.",
)
GOAL_EXCLUDED_SENTENCE = (
    "1 del räknas inte in (gäller inte här eller är avstängd).",
    "{count} delar räknas inte in (gäller inte här eller är avstängda).",
)
GOAL_NOT_MEASURED_SENTENCE = (
    "1 indikator mäts inte här eller under och räknas inte in.",
    "{count} indikatorer mäts inte här eller under och räknas inte in.",
)
GOAL_MET_ON_FORECAST_SENTENCE = (
    "Utan prognoserna vore statusen ”{status}”: målet är uppfyllt enligt prognos, inte på utfall."
)

# How many parts have each status, as in "2 uppfyllda, 1 delvis"; (one, many).
PART_COUNT_LABEL = {
    Status.MET: ("uppfylld", "uppfyllda"),
    Status.PARTLY_MET: ("delvis", "delvis"),
    Status.NOT_MET: ("ej uppfylld", "ej uppfyllda"),
    Status.NO_DATA: ("utan värde (räknas som 0)", "utan värde (räknas som 0)"),
}
LIST_SEPARATOR = ", "

# One line per part of a goal; fields: name, status, basis, weight. The points, when the
# goal has a score, follow as a sentence of their own; field: points.
GOAL_PART_LINE = "{name}: {status} ({basis}), vikt {weight}."
GOAL_PART_POINTS = "Ger {points} poäng."
ACTIVITIES_BASIS = "enligt periodens uppföljning"


# ---------------------------------------------------------------- page frame

APP_TAGLINE = "Uppföljning av mål, indikatorer och aktiviteter"
SKIP_LINK = "Hoppa till innehållet"
NOT_FOUND_HEADING = "Sidan finns inte"
NOT_FOUND_TEXT = (
    "Adressen leder inte till någon sida i Kontrollrummet. Gå till översikten via länken högst upp."
)
EMPTY_DATABASE = (
    "Databasen innehåller ännu inga mätvärden. Läs in data, eller skapa demodata med "
    "kommandot `kontrollrummet demo`."
)
# When the database does not answer (callbacks/availability.py): the data is safe, try again.
DATABASE_UNAVAILABLE_HEADING = "Databasen svarar inte just nu"
DATABASE_UNAVAILABLE_TEXT = (
    "Försök igen om en stund. Inga uppgifter har gått förlorade: det är bara kontakten med "
    "databasen som är bruten. Om det inte går över, kontakta den som driftar Kontrollrummet."
)

# ---------------------------------------------------------------- översikt

OVERVIEW_HEADING = "Måluppfyllelse – {org}"
_RULE_NOTE = (
    "Statusen räknas fram ur indikatorerna och aktiviteterna med en och samma regel; "
    "klicka på ”Varför?” för att se hur."
)
OVERVIEW_INTRO = {
    GoalLevel.COUNCIL: "Kommunfullmäktiges mål för {org}, {period} {year}, grupperade under inriktningsmålen. "
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
FLAGGED_COUNT = "⚑ {count} egna bedömningar avviker från beräkningen"
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
COUNTS = "Indikatorer: {met} uppfyllda · {partly} delvis · {not_met} ej uppfyllda · {missing} saknar värde"
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
INDICATORS_HEADING = "Indikatorer"
INDICATORS_CAPTION = "Indikatorer för målet: årsmål, periodens utfall, prognos, samma period förra året och uppdelning på kön"
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
    "Kontrollrummet är ett verktyg för uppföljning av mål i kommuner. Vi vill att alla ska "
    "kunna använda det, oavsett funktionsnedsättning.",
    "Den här redogörelsen beskriver hur Kontrollrummet uppfyller lagen (2018:1937) om "
    "tillgänglighet till digital offentlig service, kända brister och hur du kan rapportera "
    "problem till oss.",
)
A11Y_STATUS_HEADING = "Hur tillgänglig är tjänsten?"
A11Y_STATUS = (
    "Tjänsten är delvis förenlig med lagen om tillgänglighet till digital offentlig service "
    "(WCAG 2.1 nivå AA), på grund av de brister som beskrivs nedan."
)
A11Y_KNOWN_HEADING = "Kända brister"
A11Y_KNOWN_ISSUES = (
    "Diagrammen är bilder för skärmläsare; samma siffror finns i en tabell under varje diagram "
    "(”Visa siffrorna som tabell”).",
    "Diagrammen går inte att zooma eller panorera med tangentbordet.",
)
A11Y_REPORT_HEADING = "Rapportera brister eller begär innehåll i annat format"
A11Y_REPORT = "Om du upptäcker problem som inte beskrivs här, eller behöver innehållet i ett annat format, mejla "
A11Y_ENFORCEMENT_HEADING = "Tillsyn"
A11Y_ENFORCEMENT = (
    "Myndigheten för digital förvaltning (DIGG) ansvarar för tillsyn av lagen. Om du inte är "
    "nöjd med hur vi hanterar dina synpunkter kan du kontakta DIGG och påtala det: "
)
DIGG_LINK_TEXT = "anmäl brist i tillgänglighet till DIGG"
DIGG_URL = "https://www.digg.se/analys-och-uppfoljning/lagen-om-tillganglighet-till-digital-offentlig-service-dos-lagen/anmal-bristande-tillganglighet"
A11Y_TESTING_HEADING = "Hur vi testat"
A11Y_TESTING = (
    "Varje sida testas automatiskt i webbläsaren Chromium med verktyget axe-core mot WCAG 2.1 "
    "nivå A och AA vid varje ändring av koden, och flödet från översikt till enhet och indikator "
    "testas med enbart tangentbord. Status visas alltid med symbol och text, inte bara med färg."
)

# ---------------------------------------------------------------- läs in data

NAV_UPLOAD = "Läs in data"
UPLOAD_HEADING = "Läs in data"
UPLOAD_INTRO = (
    "Ladda upp utfall, prognoser, årsmål, aktiviteter, målbedömningar, mål, indikatorer eller "
    "organisation som CSV-filer (t.ex. sparade från Excel) eller Kolada-filer. Du ser först exakt vad "
    "som ändras; inget sparas förrän du klickar på Spara, och allt går att ångra."
)
TEMPLATES_INTRO = "Mallar att fylla i:"
UPLOAD_DROP = "Dra och släpp filer här, eller "
UPLOAD_CHOOSE = "välj filer"
UPLOAD_LIMIT = "Högst {size} per fil. Semikolon, komma eller tabb; UTF-8 eller Windows-1252."
PREVIEW_HEADING = "Förhandsgranskning"
PREVIEW_COUNTS = "{rows} rader: {new} nya, {changed} ändrade, {unchanged} oförändrade."
PREVIEW_DIALECT = "Teckenkodning {encoding}, avgränsare {separator}."
PREVIEW_OK = "Inga fel hittades. Klicka på Spara för att spara ändringarna."
CHANGES_CAPTION = "Exempel på ändringar i {file}"
CHANGES_COLUMNS = ("Rad (nyckel)", "Kolumn", "Nu", "Blir")
NEW_ROWS = "Exempel på nya rader: {keys}."
PROBLEMS_HEADING = "{count} fel hittades – ingenting har sparats"
PROBLEMS_NOT_SHOWN = "… och {count} fel till. Rätta de visade och ladda upp igen, eller kör `kontrollrummet import --dry-run` för hela listan."
SAVE_UPLOAD = "Spara"
SAVED_HEADING = "Sparat."
SAVED_FILE = "{file}: {inserted} nya, {updated} ändrade, {unchanged} oförändrade rader."
NOTHING_TO_SAVE = "Det finns inget godkänt att spara. Välj filer igen."
UPLOAD_LOG_HEADING = "Uppladdningar"
UPLOAD_LOG_CAPTION = "Alla uppladdningar, senaste först"
UPLOAD_LOG_COLUMNS = ("Nr", "Tid", "Av", "Fil", "Innehåll", "Rader", "Ångra")
UPLOAD_COUNTS = "{inserted} nya, {updated} ändrade"
NO_UPLOADS = "Inga uppladdningar ännu."
UNDO = "Ångra"
UNDO_TITLE = "Ångra uppladdning {id} ({file})"
UNDONE = "Uppladdning {id} ({file}) är ångrad: {restored} rader fick tillbaka sina tidigare värden, {deleted} rader togs bort."
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
    "Det som avviker för {org}, {period} {year}, det allvarligaste först: mål som inte är uppfyllda, "
    "indikatorer under årsmålet eller utan utfall, försenade aktiviteter och egna bedömningar som skiljer "
    "sig från beräkningen."
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
}
DEVIATION_SUMMARY_HEADING = "Sammanfattning"
# One label per group in layouts.deviations.SUMMARY_GROUPS.
SUMMARY_GROUP_LABEL = (
    "mål är inte uppfyllda eller kan inte bedömas",
    "mål är uppfyllda enligt prognos, inte på utfall",
    "indikatorer når inte årsmålet",
    "indikatorer saknar utfall",
    "aktiviteter är försenade eller har inte startat",
    "egna bedömningar skiljer sig från beräkningen",
)
SEVERITY_LABEL = {0: "Kräver åtgärd", 1: "Behöver uppmärksamhet", 2: "Bra att veta"}
DEVIATION_KIND_LABEL = {
    DeviationKind.GOAL_NOT_MET: "Målet är inte uppfyllt",
    DeviationKind.GOAL_PARTLY_MET: "Målet är delvis uppfyllt",
    DeviationKind.GOAL_NO_DATA: "Målet kan inte bedömas",
    DeviationKind.GOAL_MET_ON_FORECAST: "◌ Uppfyllt enligt prognos – utan prognoserna vore det inte uppfyllt",
    DeviationKind.ASSESSMENT_WITHOUT_EVIDENCE: "⚑ Bedömd som uppfylld utan underlag",
    DeviationKind.ASSESSMENT_MORE_POSITIVE: "⚑ Bedömningen är mer positiv än beräkningen",
    DeviationKind.ASSESSMENT_MORE_NEGATIVE: "⚑ Bedömningen är mer negativ än beräkningen",
    DeviationKind.INDICATOR_NOT_MET: "Indikatorn når inte gränsen för delvis uppfyllt",
    DeviationKind.INDICATOR_PARTLY_MET: "Indikatorn når inte årsmålet",
    DeviationKind.INDICATOR_NO_VALUE: "Indikatorn saknar värde eller årsmål",
    DeviationKind.INDICATOR_FORECAST_ONLY: "Uppfyllt endast på prognos – utfall saknas",
    DeviationKind.ACTIVITY_OVERDUE: "Aktiviteten är försenad",
    DeviationKind.ACTIVITY_LATE_START: "Aktiviteten har inte startat i tid",
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

# ---------------------------------------------------------------- målbedömning (the form)

FORM_CRUMB = "Målbedömning"
FORM_HEADING = "Målbedömning: {goal}"
FORM_CONTEXT = "För {org}, {period} {year}."
COMPUTED_HEADING = "Vad underlaget visar"
PARTS_SUMMARY = "Visa målets delar"
CURRENT_HEADING = "Nuvarande bedömning"
FORM_SECTION_HEADING = "Organisationens bedömning"
STATUS_LEGEND = {True: "Bedömning – prognos för helåret", False: "Bedömning för helåret"}
CHOICE_LABEL = {
    Status.MET: "Uppfyllt",
    Status.PARTLY_MET: "Delvis uppfyllt",
    Status.NOT_MET: "Ej uppfyllt",
}
ROSIER_WARNING = (
    "Du bedömer målet som ”{chosen}”, men underlaget ger ”{computed}”. Skriv en motivering: "
    "den sparas och bedömningen visas flaggad som mer positiv än beräkningen."
)
JUSTIFICATION_LABEL = "Motivering till en mer positiv bedömning än beräkningen"
JUSTIFICATION_HELP = (
    "Krävs när du väljer en bättre status än den beräknade. Vad visar underlaget inte?"
)
ANALYSIS_LABEL = "Analys – varför ser det ut så här?"
ANALYSIS_HELP = "Beskriv förflyttningen, till exempel jämfört med samma period förra året, och vilken effekt den haft."
MEASURES_LABEL = "Åtgärder – vad ska göras?"
MEASURES_HELP = "Krävs när målet inte bedöms som uppfyllt: vad görs, av vem och när?"
SAVE = "Spara bedömning"
ASSESSMENT_PROBLEMS_HEADING = "Bedömningen är inte sparad. Rätta följande:"
PROBLEM_TEXT = {
    AssessmentProblem.NO_STATUS: "Välj en bedömning: uppfyllt, delvis uppfyllt eller ej uppfyllt.",
    AssessmentProblem.NO_ANALYSIS: "Skriv en analys.",
    AssessmentProblem.NO_MEASURES: "Skriv vilka åtgärder som ska göras, eftersom målet inte bedöms som uppfyllt.",
    AssessmentProblem.NO_JUSTIFICATION: "Motivera varför bedömningen är mer positiv än beräkningen.",
}
SAVED = "Bedömningen är sparad {time} av {name}."
LAST_SAVED = "Senast sparad i Kontrollrummet {time} av {name}."
SAVED_FLAGGED = (
    "Bedömningen är mer positiv än beräkningen och visas flaggad tillsammans med motiveringen."
)
BACK_TO_GOAL = "Tillbaka till målsidan"
HISTORY_HEADING = "Ändringslogg"
HISTORY_CAPTION = "Varje sparad bedömning av målet för perioden, den senaste först"
HISTORY_COLUMNS = ("Sparad", "Av", "Före", "Efter", "Beräknad status då", "Motivering")
NO_ACCURACY_HISTORY = "Bedömningen har inte ändrats här ännu. Ändringar sparas med namn och tid."
NO_EARLIER_ASSESSMENT = "Ingen bedömning"
HISTORY_VALUES = "{status}. Analys: {analysis} Åtgärder: {measures}"

# ---------------------------------------------------------------- prognoser och bedömningar

ACCURACY_HEADING = "Prognoser och bedömningar – {org}"
ACCURACY_INTRO = (
    "Hur ofta blev prognoserna och de egna bedömningarna ljusare än vad utfallen sedan visade? "
    "Gäller {org} och alla organisationer under."
)
ON_THIS_PAGE = "På den här sidan"
ACCURACY_SECTIONS = ("Prognosernas träffsäkerhet", "Uppfyllt utan utfall", "Likvärdiga bedömningar")
SHARE_TOO_POSITIVE = "Andel för positiva prognoser (%)"
INDICATOR_ACCURACY_HEADING = "Per indikator för {org}"
YEAR_BY_YEAR = "År för år för {org}"
YEAR_CAPTION = (
    "Prognoser i tertial 1 och 2 mot helårets utfall, år för år (fel: plus är för positivt)"
)
YEAR_COLUMNS = ("År", "Prognos T1", "Prognos T2", "Utfall helår", "Fel T1", "Fel T2")
INDICATOR_FORECASTS_HEADING = "Prognoser: {indicator}"
INDICATOR_FORECASTS_INTRO = (
    "Prognosen för helåret i tertial 1 och 2 mot helårets utfall för {org} och organisationerna under, "
    "{direction}."
)
OPEN_INDICATOR = "Öppna indikatorsidan"
BY_ORG_FORECASTS_HEADING = "Per organisation"
NO_FORECASTS = "Det finns inga prognoser med ett utfall för helåret att jämföra med."
NO_OWN_FORECASTS = "Organisationen har inga egna prognoser med ett utfall för helåret."
FORECAST_ONLY_FINDING = (
    "{met} av {total} indikatorer utan utfall för {period} {year} har ändå statusen uppfyllt – den vilar "
    "endast på prognosen."
)
FORECAST_ONLY_CAPTION = "Indikatorer vars status vilar endast på prognos, de uppfyllda först"
ROWS_SHOWN = "Här visas de första {shown} av {total} raderna."
FORECAST_ONLY_COLUMNS = (
    "Indikator",
    "Organisation",
    "Prognos helår",
    "Årsmål",
    "Status och underlag",
)
NO_FORECAST_ONLY = "Alla indikatorer med värde har ett utfall för {period} {year}."
CONSISTENCY_DEFINITION = (
    "Samma regel räknar fram statusen för alla. Tabellen visar hur nämndernas egna bedömningar förhåller sig "
    "till den. Därefter visas organisationer vars beräknade poäng för samma mål ligger inom 10 poäng från "
    "varandra men som har bedömt målet olika."
)
ROSIEST = (
    "Mest positiv i förhållande till beräkningen: {committee}, {count} av {total} bedömningar."
)
LEAN_CAPTION = "Egna bedömningar mot beräknad status per nämnd, {period} {year}"
LEAN_COLUMNS = (
    "Nämnd",
    "Bedömningar",
    "Samma som beräkningen",
    "Mer positiva",
    "Uppfyllda utan underlag",
    "Mer negativa",
)
NO_ASSESSMENTS = "Det finns inga egna bedömningar för {period} {year}."
PAIRS_HEADING = "Liknande resultat, olika bedömning"
PAIRS_CAPTION = "Mål där organisationer med liknande beräknad poäng har bedömt sig olika"
PAIRS_COLUMNS = ("Mål", "Organisation", "Jämförs med")
COMPUTED_SCORE = "beräknat {score} poäng."
NO_PAIRS = "Inga organisationer med liknande resultat har bedömt samma mål olika."

# ---------------------------------------------------------------- exports

EXPORT_SUBTITLE = (
    "{org}, {period} {year}. Framtagen {date} ur Kontrollrummet. Statusen räknas fram med en och samma "
    "dokumenterade regel; den egna bedömningen visas bredvid."
)
EXPORT_GOAL_LINE = "{level} · {org}. Beräknad status: {status} (underlag: {basis})."
NUMBERED_GOAL = "{number}. {goal}"
DEVIATIONS_EXPORT_INTRO = (
    "{goals} mål har något som avviker. De visas nedan, det allvarligaste först."
)
DEVIATIONS_CHART_TITLE = "Avvikelser per slag"
DEVIATIONS_CHART_ALT = "Stapeldiagram över antal avvikelser per slag: {items}."
DEVIATIONS_EXPORT_CAPTION = "Det som avviker"
DEVIATIONS_SHEET = "Avvikelser"
DEVIATION_EXPORT_COLUMNS = (
    "Avvikelse",
    "Vad",
    "Status",
    "Underlag",
    "Värde",
    "Årsmål",
    "Förklaring",
)
DEVIATIONS_SHEET_COLUMNS = (
    "Nr",
    "Målkod",
    "Mål",
    "Organisation",
    "Beräknad status",
    "Poäng",
    *DEVIATION_EXPORT_COLUMNS,
)
COUNT = "Antal"
GOALS_SHEET = "Mål"
GOALS_CAPTION = "Målen med beräknad status, underlag och egen bedömning"
GOALS_COLUMNS = (
    "Målkod",
    "Mål",
    "Nivå",
    "Organisation",
    "Beräknad status",
    "Poäng",
    "Underlag",
    "Delar endast på prognos",
    "Egen bedömning",
    "Avvikelse i bedömningen",
    "Motivering",
    "Analys",
    "Åtgärder",
)
INDICATORS_SHEET = "Indikatorer"
INDICATORS_EXPORT_CAPTION = (
    "Indikatorerna under varje mål: årsmål, utfall, prognos, status och underlag"
)
INDICATOR_REPORT_COLUMNS = ("Indikator", "Årsmål", "Utfall", "Prognos helår", "Status", "Underlag")
INDICATOR_SHEET_COLUMNS = (
    "Målkod",
    "Mål",
    "Organisation",
    "Indikatorkod",
    "Indikator",
    "Enhet",
    "Riktning",
    "Vikt",
    *INDICATOR_REPORT_COLUMNS[1:],
)
ACTIVITIES_SHEET = "Aktiviteter"
ACTIVITIES_EXPORT_CAPTION = "Aktiviteterna under varje mål"
ACTIVITY_REPORT_COLUMNS = ("Aktivitet", "Ansvarig", "Start", "Slut", "Status", "Kommentar")
ACTIVITY_SHEET_COLUMNS = ("Målkod", "Mål", *ACTIVITY_REPORT_COLUMNS)
REPORT_TITLE = {
    "T1": "Tertialrapport 1 {year} – {org}",
    "T2": "Tertialrapport 2 {year} – {org}",
    "FY": "Verksamhetsberättelse {year} – {org}",
}
REPORT_TITLE_OTHER = "Uppföljning {period} {year} – {org}"
REPORT_SUMMARY = (
    "Rapporten omfattar {goals} mål. Av de {met} som räknas fram som uppfyllda är {on_forecast} uppfyllda enligt "
    "prognos (◌): utan prognoserna vore de inte uppfyllda. {flagged} egna bedömningar skiljer sig från den "
    "beräknade statusen och är flaggade (⚑)."
)
MET_ON_FORECAST_LABEL = "{status} ◌ enligt prognos"
REPORT_CHART_TITLE = "Målen per status: beräknat och egen bedömning"
REPORT_CHART_ALT = (
    "Stapeldiagram över antal mål per status. Beräknat: {computed}. Egen bedömning: {own}."
)
COMPUTED_SERIES = "Beräknat"
OWN_SERIES = "Egen bedömning"
GOAL_COUNT = "Antal mål"
# File names of downloads; fields: org, period (T1, T2, FY), year.
FILE_NAME = {
    "avvikelser": "Avvikelser {org} {period} {year}",
    "tertialrapport": "Tertialrapport {org} {period} {year}",
}

# ---- sign-in, roles and the audit log (issue: who may see and change what) -------------------
SIGN_IN_TITLE = "Logga in"
SIGN_IN_INTRO = (
    "Logga in med ditt konto i Kontrollrummet. Fråga en administratör om du saknar konto."
)
USERNAME_LABEL = "Användarnamn"
PASSWORD_LABEL = "Lösenord"
SIGN_IN_BUTTON = "Logga in"
SIGN_IN_FAILED = "Fel användarnamn eller lösenord."
SIGN_IN_LOCKED = "För många misslyckade inloggningar. Vänta en kvart och försök igen."
SIGN_IN_UNKNOWN_SSO = (
    "Du är inloggad som {user} i kommunens inloggning, men har inget konto i Kontrollrummet. "
    "Kontakta en administratör."
)
SIGN_OUT_BUTTON = "Logga ut"
SIGN_IN_LINK = "Logga in"
SIGNED_IN_AS = "Inloggad som {name} ({role})"
NOT_SIGNED_IN = "Du läser utan att vara inloggad."
SESSION_ENDED = "Du är inte inloggad längre. Ladda om sidan och logga in igen."
# Refusals: shown where the change would have happened, and written to the audit log.
REFUSED_READ_ONLY = (
    "Du har läsbehörighet och kan inte ändra något. Kontakta en administratör om du behöver mer."
)
REFUSED_OUT_OF_SCOPE = (
    "Du får bara ändra uppgifter för {scope}; {org} ligger utanför din behörighet."
)
REFUSED_UNDO = "Du får bara ångra dina egna uppladdningar. En administratör kan ångra alla."
REFUSED_ADMIN_ONLY = "Sidan är bara för administratörer."
UPLOAD_SCOPE_NOTE = "Du får läsa in uppgifter för: {scope}."
ASSESSMENT_SAVED_AS = "Sparas i ändringsloggen som {name}."
# The audit page.
AUDIT_HEADING = "Ändringslogg"
AUDIT_INTRO = (
    "Varje ändring i Kontrollrummet – uppladdningar, ångrade uppladdningar, målbedömningar, "
    "aktivitetsuppföljningar och kontoändringar – och varje nekad ändring, senaste först."
)
AUDIT_FILTER_USER = "Användare"
AUDIT_FILTER_ACTION = "Händelse"
AUDIT_FILTER_SINCE = "Från och med dag"
AUDIT_FILTER_ALL = "Alla"
AUDIT_FILTER_BUTTON = "Visa"
AUDIT_COLUMNS = ("Tid", "Användare", "Händelse", "Gäller", "Detaljer", "Utfall")
AUDIT_CAPTION = "Ändringsloggen, senaste först (högst {limit} rader)"
AUDIT_EMPTY = "Inga händelser matchar urvalet."
AUDIT_ACTION_LABEL = {
    "upload": "Uppladdning",
    "undo": "Ångrad uppladdning",
    "assessment": "Målbedömning",
    "user_add": "Konto skapat",
    "user_remove": "Konto borttaget",
    "user_password": "Nytt lösenord",
    "user_signout": "Utloggat överallt",
    "audit_log": "Ändringsloggen",
    "activity": "Aktivitetsuppföljning",
}
AUDIT_OUTCOME_LABEL = {"done": "Genomförd", "refused": "Nekad"}
ERROR_HEADING = "Något gick fel"
ERROR_TEXT = (
    "Sidan kunde inte visas. Försök igen om en stund; händer det igen, kontakta en administratör."
)
REQUEST_TOO_LARGE = "Filerna är för stora: högst {limit} MB per uppladdning."
# The activity page and its follow-up form.
ACTIVITY_EYEBROW = "Aktivitet"
ACTIVITY_FACTS = ("Mål", "Organisation", "Ansvarig", "Start", "Slut", "Status")
ACTIVITY_FORM_HEADING = "Följ upp aktiviteten för {period} {year}"
ACTIVITY_STATUS_LEGEND = "Status"
ACTIVITY_COMMENT_LABEL = "Kommentar"
ACTIVITY_COMMENT_HELP = (
    "Vad har hänt sedan förra uppföljningen? Krävs när aktiviteten är försenad eller inställd."
)
ACTIVITY_SAVE = "Spara uppföljningen"
ACTIVITY_SAVED = "Uppföljningen för {period} {year} är sparad: {status}."
ACTIVITY_PROBLEM_TEXT = {
    "no_status": "Välj en status.",
    "no_comment": "Skriv en kommentar: en försenad eller inställd aktivitet behöver en förklaring.",
}
ACTIVITY_HISTORY_HEADING = "Uppföljningar"
ACTIVITY_HISTORY_CAPTION = "Aktivitetens uppföljningar, senaste först"
ACTIVITY_HISTORY_COLUMNS = ("År", "Period", "Status", "Kommentar")
NO_ACTIVITY_FOLLOW_UPS = "Aktiviteten har inte följts upp än."

# ---------------------------------------------------------------- varför? (causes.py)

CAUSES_CAPTION = "Målets delar, den som drar ned poängen mest först"
CAUSES_COLUMNS = ("Del", "Mäts i", "Värde", "Årsmål", "Status", "Ger poäng", "Tappar poäng")
NOT_COUNTED_HEADING = "Kopplade till målet men räknas inte här"
NOT_COUNTED_LINE = "{name}: {why}."
PULLS_DOWN = "Drar ned: "
ACTIVITIES_WHERE = "Organisationen och under"
ACTIVITIES_VALUE = "{on_track} i tid, {late} sena att starta, {behind} försenade"
BELOW_VALUE = "{met} av {total} uppfyllda"
FORECAST_VALUE = "{value} (prognos)"
AND_MORE = " och {count} till"
MET_ON_FORECAST_COUNT = "varav {count} enligt prognos"

# ---------------------------------------------------------------- prognosernas träffsäkerhet (issue 14)
# Every figure is defined with a worked example in docs/followup.md.

ACCURACY_EXPLAINED = (
    "Prognosen för helåret jämförs med helårets utfall samma år, båda avrundade som de visas. En prognos är "
    "för positiv när den är bättre än utfallet, i indikatorns riktning, med minst ett avrundningssteg "
    "(0,1 vid en decimal, 1 vid heltal), och för negativ när den är sämre med minst ett steg; annars träffade "
    "den. Snedvridning är medelfelet med tecken (plus = för positivt i genomsnitt), medelavvikelse är "
    "medelfelet utan tecken (hur långt fel, åt vilket håll som helst). Andelar visas först från {minimum} "
    "prognoser; färre visas bara som antal."
)
ACCURACY_SCOPE = (
    "Prognoser från {period} för {first}–{last}, jämförda med helårets utfall samma år."
)
ACCURACY_SCOPE_ONE_YEAR = (
    "Prognoser från {period} för {first}, jämförda med helårets utfall samma år."
)
ACCURACY_PERIODS_BOTH = "tertial 1 och tertial 2"
MOST_TOO_POSITIVE = (
    "Störst andel för positiva prognoser från {period}: {committee}, där {count} av {total} prognoser "
    "({share}) blev bättre än utfallet."
)
OWN_ONLY = "{org}, endast egna prognoser"
COUNT_WITH_RATE = "{count} ({share})"
PROMISED_OF_MISSED = "{count} av {of}"
FIGURE_BAR_TEXT = "{share} ({count} av {total})"
HOW_OFTEN_CAPTION = (
    "Hur ofta prognoserna blev för positiva. Andelarna är av alla prognoser i raden, utom sista kolumnen: "
    "av prognoserna vars utfall missade årsmålet."
)
HOW_OFTEN_COLUMNS = (
    "Organisation",
    "Prognos från",
    "Prognoser",
    "För positiva",
    "Träffade",
    "För negativa",
    "Utfallet missade årsmålet",
    "Av dem: prognosen nådde årsmålet",
)
HOW_MUCH_CAPTION = (
    "Hur mycket prognoserna var fel. Andelar (%) i procentenheter; indikatorer i andra enheter relativt, i "
    "procent av utfallet (utfall 0 räknas inte). Varje prognos väger lika."
)
HOW_MUCH_COLUMNS = (
    "Organisation",
    "Prognos från",
    "Andelar: prognoser",
    "Snedvridning (procentenheter)",
    "Medelavvikelse (procentenheter)",
    "Övriga enheter: prognoser",
    "Snedvridning, relativ",
    "Medelavvikelse, relativ",
)
INDICATOR_ERRORS_CAPTION = "Prognoser per indikator, i indikatorns enhet (andelar i procentenheter): flest för positiva först"
INDICATOR_ERRORS_COLUMNS = (
    "Indikator",
    "Prognos från",
    "Prognoser",
    "För positiva",
    "Träffade",
    "För negativa",
    "Snedvridning",
    "Medelavvikelse",
)
BY_ORG_ERRORS_CAPTION = (
    "Indikatorns prognoser per organisation, var och en bara sina egna, i indikatorns enhet"
)
BY_ORG_ERRORS_COLUMNS = ("Organisation", *INDICATOR_ERRORS_COLUMNS[1:])
RATE_FIGURE_TITLE = "Andel för positiva prognoser, {period}"
RATE_FIGURE_LABEL = (
    "Diagram: andel för positiva prognoser per rad i tabellen nedan, {period}. Rader med färre än {minimum} "
    "prognoser har ingen stapel. Siffrorna och antalen finns i tabellen."
)
TERTIAL_SHORT = {
    "T1": "Tertial 1",
    "T2": "Tertial 2",
}  # in the accuracy tables, where the months would wrap
GOALS_MET_ON_FORECAST = (
    "Av {met} bedömda mål som räknas fram som uppfyllda {period} {year} är {count} ◌ uppfyllda enligt "
    "prognos: utan prognoserna vore de inte uppfyllda."
)

# Hardening (issue 16): the web surface's refusals.
SIGN_IN_TOO_LARGE = "Inloggningen var för stor och lästes inte. Ladda om sidan och försök igen."
ASSESSMENT_BAD_PERIOD = (
    "Målbedömningen gäller ett år eller en period som inte är rapporterad och sparades inte."
)
REPORT_BUSY = "Rapporter byggs just nu för andra användare. Försök igen om en stund."

# ---------------------------------------------------------------- import problems (issue 15)
# Each problem code's wording: (what is wrong, what was expected), as str.format templates of
# the problem's parameters and its row, column and value. A parameter that is a Phrase is
# worded by IMPORT_PHRASES first. layouts/import_problems.py puts them together.

IMPORT_ROW = "rad {row}"
IMPORT_COLUMN = 'kolumn "{column}"'
IMPORT_VALUE = ': "{value}"'
IMPORT_EXPECTED = ". Förväntat: {expected}."
IMPORT_EMPTY_FILE = "en rubrikrad och minst en rad med värden"
IMPORT_JSON_EXPECTED = (
    'ett svar från Koladas API: {{"values": [{{"kpi", "municipality" eller "ou", ...}}]}}'
)
IMPORT_JSON_VALUES = '[{{"gender": "T", "value": 81.2}}]'
IMPORT_KNOWN_CODE = "en kod som finns i databasen eller i en fil i samma uppladdning"
IMPORT_SEPARATED = "semikolon (;), komma (,) eller tabb"
OUT_OF_SCOPE = "organisationen ligger utanför din behörighet"
IMPORT_ISSUES = {
    ImportIssue.TOO_LARGE: (
        "filen är för stor ({megabytes} MB, högst {max_megabytes} MB tas emot)",
        "en mindre fil; dela upp den, t.ex. per år eller nämnd",
    ),
    ImportIssue.GARBLED: (UPLOAD_GARBLED, ""),
    ImportIssue.EMPTY: ("filen är tom", IMPORT_EMPTY_FILE),
    ImportIssue.WORKBOOK: (
        "filen är en Excel-arbetsbok, inte en CSV-fil",
        'en CSV-fil: välj "Spara som" i Excel och filformatet "CSV UTF-8" eller "CSV"',
    ),
    ImportIssue.BINARY: (
        "filen innehåller binära tecken (NUL) på rad {row} och är ingen textfil",
        "en CSV-fil i UTF-8 eller Windows-1252",
    ),
    ImportIssue.UNKNOWN_ENCODING: (
        "okänd teckenkodning: byten 0x{byte} på rad {line} finns inte i {encoding}",
        "UTF-8 (med eller utan BOM) eller Windows-1252",
    ),
    ImportIssue.MIXED_ENCODINGS: (
        "rad {row} är sparad som {odd} men filen som {usual}: filen blandar teckenkodningar",
        'samma teckenkodning i hela filen: klistra in raden igen i Excel och spara som "CSV UTF-8"',
    ),
    ImportIssue.HEADER_NOT_SPLIT: (
        'rubrikraden kunde inte delas upp i kolumner: "{first_line}"',
        "kolumner åtskilda med " + IMPORT_SEPARATED,
    ),
    ImportIssue.TOO_MANY_COLUMNS: (
        "rubrikraden har {count} kolumner (högst {max_columns})",
        "en rubrikrad med filformatets kolumner, åtskilda med " + IMPORT_SEPARATED,
    ),
    ImportIssue.FIELD_TOO_LONG: (
        "ett fält på rad {row} är längre än {limit} tecken",
        "fält på högst {limit} tecken",
    ),
    ImportIssue.OPEN_QUOTE: (
        (
            "rad {line} tar slut inne i ett citerat fält; filen verkar vara avkortad "
            "eller ha ett citattecken för mycket"
        ),
        'hela filen, med citattecken (") parvis',
    ),
    ImportIssue.NO_ROWS: ("filen har en rubrikrad men inga rader med värden", IMPORT_EMPTY_FILE),
    ImportIssue.BUSY: (
        "servern läser redan andra uppladdningar",
        "samma uppladdning igen: försök igen om en stund",
    ),
    ImportIssue.JSON_INVALID: ("ogiltig JSON på rad {line}", IMPORT_JSON_EXPECTED),
    ImportIssue.JSON_TOO_DEEP: ("JSON:en är för djupt nästlad", IMPORT_JSON_EXPECTED),
    ImportIssue.JSON_NO_VALUES: ('JSON utan listan "values"', IMPORT_JSON_EXPECTED),
    ImportIssue.JSON_ENTRY_NOT_OBJECT: (
        "posten är inte ett objekt",
        '{{"kpi": …, "values": […]}}',
    ),
    ImportIssue.JSON_VALUES_NOT_LIST: ("inte en lista", IMPORT_JSON_VALUES),
    ImportIssue.JSON_VALUES_NOT_OBJECTS: ("inte en lista med objekt", IMPORT_JSON_VALUES),
    ImportIssue.UNKNOWN_HEADER: (
        "rubrikraden känns inte igen: {header}",
        "rubrikerna i ett av filformaten i docs/import.md, t.ex. indikator; organisation; år",
    ),
    ImportIssue.MISSING_COLUMN: (
        'obligatorisk kolumn "{header}" saknas ({layout})',
        'en kolumn med rubriken "{header}"{or_aliases}',
    ),
    ImportIssue.MISSING_VALUE_COLUMN: (
        "kolumn med värden saknas ({layout})",
        "minst en av kolumnerna {headers}",
    ),
    ImportIssue.COLUMN_TWICE: (
        'kolumnen "{header}" finns två gånger (kolumn {first} och {second})',
        "varje kolumn en gång",
    ),
    ImportIssue.FIELD_COUNT: (
        "raden har {count} fält men rubrikraden har {width}",
        "{width} fält per rad, åtskilda med {separator}{hint}",
    ),
    ImportIssue.BAD_VALUE: ("{reason}", "{expected}"),
    ImportIssue.END_BEFORE_START: (
        'före "{start_header}"',
        "{start_header} ({start}) eller senare",
    ),
    ImportIssue.DUPLICATE_KEY: ("samma nyckel som rad {first_row}", "en rad per {headers}"),
    ImportIssue.DUPLICATE_ACROSS_FILES: (
        "samma nyckel som i {other_file} rad {other_row}",
        "varje rad i bara en av filerna",
    ),
    ImportIssue.UNKNOWN_CODE: ("{what}", IMPORT_KNOWN_CODE),
    ImportIssue.UNKNOWN_KPI: (
        "ingen indikator har detta Kolada-kpi",
        "en indikator med {value} i kolumnen kolada-kpi, eller med koden {value}",
    ),
    ImportIssue.UNKNOWN_KOLADA_ID: (
        "okänt Kolada-id",
        "en rad för {value} i Kolada-kopplingen, eller en organisation med koden {value}",
    ),
    ImportIssue.CHILD_LEVEL: (
        'underordnade "{child}" har nivån {child_level}',
        "en nivå som passar de underordnade",
    ),
    ImportIssue.PARENT_MISSING: ("överordnad saknas", "{parent}"),
    ImportIssue.PARENT_LEVEL: ("den överordnade har nivån {parent_level}", "{parent}"),
    ImportIssue.OUT_OF_SCOPE: (OUT_OF_SCOPE, "en organisation inom {scope}"),
    ImportIssue.STRUCTURE_ONLY_ADMIN: (
        "filen ändrar {kind}, vilket bara en administratör får göra",
        "",
    ),
}
IMPORT_PHRASES = {
    Phrase.NOTHING: "",
    Phrase.OR_ALIASES: " (eller {aliases})",
    Phrase.DECIMAL_COMMA_HINT: " (har talen decimalkomma när kommatecken skiljer kolumnerna åt?)",
    Phrase.TRUNCATED_HINT: " (är filen avkortad?)",
    Phrase.UNKNOWN_ORG_UNIT: "okänd organisation",
    Phrase.UNKNOWN_GOAL: "okänt mål",
    Phrase.UNKNOWN_INDICATOR: "okänd indikator",
    Phrase.UNKNOWN_ACTIVITY: "okänd aktivitet",
    Phrase.MISSING_ID: "id som saknas i {table}",
    Phrase.ORG_ABOVE: "en organisation på högre nivå än {own_level}",
    Phrase.CITY_ON_TOP: "ingen överordnad: en stad är högst upp",
    Phrase.GOAL_ABOVE: "ett {level_above}",
    Phrase.DIRECTION_ON_TOP: "inget överordnat mål: inriktningsmål är högst upp",
    Phrase.YOUR_SCOPE: "din behörighet",
    Phrase.VALUE_MISSING: "värde saknas",
    Phrase.TOO_LONG: "för lång ({length} tecken, högst {max_length})",
    Phrase.NOT_INTEGER: "inte ett heltal",
    Phrase.OUT_OF_RANGE: "utanför {low}–{high}",
    Phrase.NOT_FINITE: "inte ett ändligt tal",
    Phrase.NOT_NUMBER: "inte ett tal",
    Phrase.NOT_GREATER: "måste vara större än {minimum}",
    Phrase.UNKNOWN_VALUE: "okänt värde",
    Phrase.NOT_DATE: "inte ett datum",
    Phrase.NO_SUCH_DATE: "datumet finns inte",
}
