"""Swedish text of the follow-up pages: Avvikelser, presentation, målbedömning, prognoser, exports.

Kept apart from `layouts/texts.py` while that file is edited elsewhere; to be merged into
it. Same conventions: one constant or mapping per concept, `str.format` fields named
after what they hold.
"""

from __future__ import annotations

from dashboard.assessments import Problem
from dashboard.deviations import DeviationKind
from dashboard.model import Status

# ---------------------------------------------------------------- navigation

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
START_PRESENTATION = "Visa som presentation"
DOWNLOADS_LABEL = "Ladda ned:"
DOWNLOAD_LABEL = {
    ("avvikelser", "xlsx"): "Avvikelser (Excel)",
    ("avvikelser", "pdf"): "Avvikelser (PDF)",
    ("tertialrapport", "xlsx"): "Tertialrapport (Excel)",
    ("tertialrapport", "pdf"): "Tertialrapport (PDF)",
}
SUMMARY_HEADING = "Sammanfattning"
# One label per group in layouts.deviations.SUMMARY_GROUPS.
SUMMARY_GROUP_LABEL = (
    "mål är inte uppfyllda eller kan inte bedömas",
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
KEYBOARD_HINT = "Tangentbord: → eller Page Down visar nästa mål, ← eller Page Up föregående, Esc avslutar."

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
JUSTIFICATION_HELP = "Krävs när du väljer en bättre status än den beräknade. Vad visar underlaget inte?"
ANALYSIS_LABEL = "Analys – varför ser det ut så här?"
ANALYSIS_HELP = (
    "Beskriv förflyttningen, till exempel jämfört med samma period förra året, och vilken effekt den haft."
)
MEASURES_LABEL = "Åtgärder – vad ska göras?"
MEASURES_HELP = "Krävs när målet inte bedöms som uppfyllt: vad görs, av vem och när?"
SAVED_BY_LABEL = "Sparad av (ditt namn)"
SAVED_BY_HELP = "Namnet sparas i ändringsloggen tillsammans med tid och ändringen."
SAVE = "Spara bedömning"
PROBLEMS_HEADING = "Bedömningen är inte sparad. Rätta följande:"
PROBLEM_TEXT = {
    Problem.NO_STATUS: "Välj en bedömning: uppfyllt, delvis uppfyllt eller ej uppfyllt.",
    Problem.NO_ANALYSIS: "Skriv en analys.",
    Problem.NO_MEASURES: "Skriv vilka åtgärder som ska göras, eftersom målet inte bedöms som uppfyllt.",
    Problem.NO_JUSTIFICATION: "Motivera varför bedömningen är mer positiv än beräkningen.",
    Problem.NO_NAME: "Skriv ditt namn i fältet ”Sparad av”.",
}
SAVED = "Bedömningen är sparad {time} av {name}."
LAST_SAVED = "Senast sparad i Kontrollrummet {time} av {name}."
SAVED_FLAGGED = "Bedömningen är mer positiv än beräkningen och visas flaggad tillsammans med motiveringen."
BACK_TO_GOAL = "Tillbaka till målsidan"
HISTORY_HEADING = "Ändringslogg"
HISTORY_CAPTION = "Varje sparad bedömning av målet för perioden, den senaste först"
HISTORY_COLUMNS = ("Sparad", "Av", "Före", "Efter", "Beräknad status då", "Motivering")
NO_HISTORY = "Bedömningen har inte ändrats här ännu. Ändringar sparas med namn och tid."
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
ACCURACY_DEFINITION = (
    "Prognosen för helåret i tertial 1 och tertial 2 jämförs med helårets utfall samma år, för alla år som "
    "finns. En prognos är för positiv när den ligger på den bättre sidan om utfallet, i indikatorns riktning "
    "(högre eller lägre är bättre), med mer än indikatorns avrundning. Medelfelet är prognosen minus utfallet "
    "i procent av utfallet, med tecken så att plus betyder för positiv."
)
MOST_OPTIMISTIC = (
    "Mest för positiva prognoser: {committee}, där {share} av prognoserna i tertial 1 blev bättre än utfallet."
)
COMMITTEE_FIGURE_TITLE = "Andel för positiva prognoser per nämnd"
COMMITTEE_FIGURE_LABEL = (
    "Diagram: andel för positiva prognoser per nämnd i tertial 1 och 2. Siffrorna finns i tabellen nedan."
)
SHARE_TOO_POSITIVE = "Andel för positiva prognoser (%)"
COMMITTEE_CAPTION = "Prognosernas träffsäkerhet per nämnd och tertial, alla år"
COMMITTEE_COLUMNS = (
    "Nämnd",
    "Prognos från",
    "Prognoser",
    "För positiva",
    "Träffade",
    "För negativa",
    "Medelfel (plus = för positivt)",
    "Årsmålet nått bara i prognosen",
)
INDICATOR_ACCURACY_HEADING = "Per indikator för {org}"
INDICATOR_ACCURACY_CAPTION = "Prognoser per indikator: andel för positiva och medelfel (plus är för positivt)"
INDICATOR_ACCURACY_COLUMNS = (
    "Indikator",
    "År",
    "T1: för positiva",
    "T1: medelfel",
    "T2: för positiva",
    "T2: medelfel",
)
YEAR_BY_YEAR = "År för år för {org}"
YEAR_CAPTION = "Prognoser i tertial 1 och 2 mot helårets utfall, år för år (fel: plus är för positivt)"
YEAR_COLUMNS = ("År", "Prognos T1", "Prognos T2", "Utfall helår", "Fel T1", "Fel T2")
INDICATOR_FORECASTS_HEADING = "Prognoser: {indicator}"
INDICATOR_FORECASTS_INTRO = (
    "Prognosen för helåret i tertial 1 och 2 mot helårets utfall för {org} och organisationerna under, "
    "{direction}."
)
OPEN_INDICATOR = "Öppna indikatorsidan"
BY_ORG_FORECASTS_HEADING = "Per organisation"
BY_ORG_FORECASTS_CAPTION = "Indikatorns prognoser per organisation: andel för positiva och medelfel"
BY_ORG_FORECASTS_COLUMNS = ("Organisation", *INDICATOR_ACCURACY_COLUMNS[1:])
NO_FORECASTS = "Det finns inga prognoser med ett utfall för helåret att jämföra med."
NO_OWN_FORECASTS = "Organisationen har inga egna prognoser med ett utfall för helåret."
FORECAST_ONLY_FINDING = (
    "{met} av {total} indikatorer utan utfall för {period} {year} har ändå statusen uppfyllt – den vilar "
    "endast på prognosen."
)
FORECAST_ONLY_CAPTION = "Indikatorer vars status vilar endast på prognos, de uppfyllda först"
FORECAST_ONLY_COLUMNS = ("Indikator", "Organisation", "Prognos helår", "Årsmål", "Status och underlag")
NO_FORECAST_ONLY = "Alla indikatorer med värde har ett utfall för {period} {year}."
CONSISTENCY_DEFINITION = (
    "Samma regel räknar fram statusen för alla. Tabellen visar hur nämndernas egna bedömningar förhåller sig "
    "till den. Därefter visas organisationer vars beräknade poäng för samma mål ligger inom 10 poäng från "
    "varandra men som har bedömt målet olika."
)
ROSIEST = "Mest positiv i förhållande till beräkningen: {committee}, {count} av {total} bedömningar."
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
DEVIATIONS_EXPORT_INTRO = "{goals} mål har något som avviker. De visas nedan, det allvarligaste först."
DEVIATIONS_CHART_TITLE = "Avvikelser per slag"
DEVIATIONS_CHART_ALT = "Stapeldiagram över antal avvikelser per slag: {items}."
DEVIATIONS_EXPORT_CAPTION = "Det som avviker"
DEVIATIONS_SHEET = "Avvikelser"
DEVIATION_EXPORT_COLUMNS = ("Avvikelse", "Vad", "Status", "Underlag", "Värde", "Årsmål", "Förklaring")
DEVIATIONS_SHEET_COLUMNS = ("Nr", "Målkod", "Mål", "Organisation", "Beräknad status", "Poäng",
                            *DEVIATION_EXPORT_COLUMNS)
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
INDICATORS_EXPORT_CAPTION = "Indikatorerna under varje mål: årsmål, utfall, prognos, status och underlag"
INDICATOR_REPORT_COLUMNS = ("Indikator", "Årsmål", "Utfall", "Prognos helår", "Status", "Underlag")
INDICATOR_SHEET_COLUMNS = ("Målkod", "Mål", "Organisation", "Indikatorkod", "Indikator", "Enhet", "Riktning",
                           "Vikt", *INDICATOR_REPORT_COLUMNS[1:])
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
    "Rapporten omfattar {goals} mål. {flagged} egna bedömningar skiljer sig från den beräknade statusen och är "
    "flaggade (⚑)."
)
REPORT_CHART_TITLE = "Målen per status: beräknat och egen bedömning"
REPORT_CHART_ALT = "Stapeldiagram över antal mål per status. Beräknat: {computed}. Egen bedömning: {own}."
COMPUTED_SERIES = "Beräknat"
OWN_SERIES = "Egen bedömning"
GOAL_COUNT = "Antal mål"
# File names of downloads; fields: org, period (T1, T2, FY), year.
FILE_NAME = {
    "avvikelser": "Avvikelser {org} {period} {year}",
    "tertialrapport": "Tertialrapport {org} {period} {year}",
}
