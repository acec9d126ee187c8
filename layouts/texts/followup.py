"""The follow-up work: the assessment form, Prognoser, exports, Varför? and forecast accuracy."""

from __future__ import annotations

from dashboard.domain.model import (
    Status,
)
from dashboard.followup.assessments import AssessmentProblem
from layouts.texts.copy import Plural

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
    "Du bedömer målet som ”{chosen}”, men underlaget ger ”{computed}”. Skriv en motivering: den "
    "sparas och bedömningen visas flaggad som mer positiv än beräkningen."
)
JUSTIFICATION_LABEL = "Motivering till en mer positiv bedömning än beräkningen"
JUSTIFICATION_HELP = (
    "Krävs när du väljer en bättre status än den beräknade. Vad visar underlaget inte?"
)
ANALYSIS_LABEL = "Analys – varför ser det ut så här?"
ANALYSIS_HELP = (
    "Beskriv förflyttningen, till exempel jämfört med samma period förra året, och vilken effekt "
    "den haft."
)
MEASURES_LABEL = "Åtgärder – vad ska göras?"
MEASURES_HELP = "Krävs när målet inte bedöms som uppfyllt: vad görs, av vem och när?"
SAVE = "Spara bedömning"
ASSESSMENT_PROBLEMS_HEADING = "Bedömningen är inte sparad. Rätta följande:"
PROBLEM_TEXT = {
    AssessmentProblem.NO_STATUS: "Välj en bedömning: uppfyllt, delvis uppfyllt eller ej uppfyllt.",
    AssessmentProblem.NO_ANALYSIS: "Skriv en analys.",
    AssessmentProblem.NO_MEASURES: (
        "Skriv vilka åtgärder som ska göras, eftersom målet inte bedöms som uppfyllt."
    ),
    AssessmentProblem.NO_JUSTIFICATION: (
        "Motivera varför bedömningen är mer positiv än beräkningen."
    ),
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
SHARE_TOO_POSITIVE = "Andel prognoser bättre än utfallet (%)"
INDICATOR_ACCURACY_HEADING = "Per indikator för {org}"
YEAR_BY_YEAR = "År för år för {org}"
YEAR_CAPTION = (
    "Prognoser i tertial 1 och 2 mot helårets utfall, år för år (fel: plus betyder att prognosen "
    "var bättre än utfallet)"
)
YEAR_COLUMNS = ("År", "Prognos T1", "Prognos T2", "Utfall helår", "Fel T1", "Fel T2")
INDICATOR_FORECASTS_HEADING = "Prognoser: {indicator}"
INDICATOR_FORECASTS_INTRO = (
    "Prognosen för helåret i tertial 1 och 2 mot helårets utfall för {org} och organisationerna "
    "under, {direction}."
)
OPEN_INDICATOR = "Öppna indikatorsidan"
BY_ORG_FORECASTS_HEADING = "Per organisation"
NO_FORECASTS = "Det finns inga prognoser med ett utfall för helåret att jämföra med."
NO_OWN_FORECASTS = "Organisationen har inga egna prognoser med ett utfall för helåret."
FORECAST_ONLY_FINDING = Plural(
    "{met} av {total} indikator utan utfall för {period} {year} har ändå statusen uppfyllt – den "
    "vilar endast på prognosen.",
    "{met} av {total} indikatorer utan utfall för {period} {year} har ändå statusen uppfyllt – den "
    "vilar endast på prognosen.",
    by="total",
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
    "Samma regel räknar fram statusen för alla. Tabellen visar hur nämndernas egna bedömningar "
    "förhåller sig till den. Därefter visas organisationer vars beräknade poäng för samma mål "
    "ligger inom 10 poäng från varandra men som har bedömt målet olika."
)
ROSIEST = Plural(
    "Mest positiv i förhållande till beräkningen: {committee}, {count} av {total} bedömning.",
    "Mest positiv i förhållande till beräkningen: {committee}, {count} av {total} bedömningar.",
    by="total",
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
    "{org}, {period} {year}. Framtagen {date} ur Kontrollrummet. Statusen räknas fram med en och "
    "samma dokumenterade regel; den egna bedömningen visas bredvid."
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
REPORT_SUMMARY = "Rapporten omfattar {goals} mål. Beräknat uppfyllda: {met}."
REPORT_ON_FORECAST = Plural(
    "{count} av dem är uppfyllt enligt prognos (◌): utan prognoserna vore det inte uppfyllt.",
    "{count} av dem är uppfyllda enligt prognos (◌): utan prognoserna vore de inte uppfyllda.",
)
REPORT_FLAGGED = Plural(
    "{count} egen bedömning skiljer sig från den beräknade statusen och är flaggad (⚑).",
    "{count} egna bedömningar skiljer sig från den beräknade statusen och är flaggade (⚑).",
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

# ---------------------------------------------------------------- varför? (causes.py)

CAUSES_CAPTION = "Målets delar, den som drar ned poängen mest först"
CAUSES_COLUMNS = ("Del", "Mäts i", "Värde", "Årsmål", "Status", "Ger poäng", "Tappar poäng")
NOT_COUNTED_HEADING = "Kopplade till målet men räknas inte här"
NOT_COUNTED_LINE = "{name}: {why}."
PULLS_DOWN = "Drar ned: "
ACTIVITIES_WHERE = "Organisationen och under"
ACTIVITIES_VALUE = (  # on track, late to start, behind
    Plural("{count} i tid", "{count} i tid"),
    Plural("{count} sen att starta", "{count} sena att starta"),
    Plural("{count} försenad", "{count} försenade"),
)
BELOW_VALUE = Plural("{met} av {total} uppfylld", "{met} av {total} uppfyllda", by="total")
FORECAST_VALUE = "{value} (prognos)"
AND_MORE = " och {count} till"
MET_ON_FORECAST_COUNT = "varav {count} enligt prognos"

# ------------------------------------------------------ prognosernas träffsäkerhet (issue 14)
# Every figure is defined with a worked example in docs/followup.md.

_ACCURACY_EXPLAINED = (
    "Prognosen för helåret jämförs med helårets utfall samma år, båda avrundade som de visas. En "
    "prognos blev bättre än utfallet när den, i indikatorns riktning, var bättre med minst ett "
    "avrundningssteg (0,1 vid en decimal, 1 vid heltal), och sämre än utfallet när den var sämre "
    "med minst ett steg; annars träffade den. Snedvridning är medelfelet med tecken (plus = "
    "prognoserna var i genomsnitt bättre än utfallet), medelavvikelse är medelfelet utan tecken "
    "(hur långt fel, åt vilket håll som helst). "
)
ACCURACY_EXPLAINED = Plural(
    _ACCURACY_EXPLAINED + "Andelar visas först från {minimum} prognos.",
    _ACCURACY_EXPLAINED
    + "Andelar visas först från {minimum} prognoser; färre visas bara som antal.",
    by="minimum",
)
ACCURACY_SCOPE = (
    "Prognoser från {period} för {first}–{last}, jämförda med helårets utfall samma år."
)
ACCURACY_SCOPE_ONE_YEAR = (
    "Prognoser från {period} för {first}, jämförda med helårets utfall samma år."
)
ACCURACY_PERIODS_BOTH = "tertial 1 och tertial 2"
MOST_TOO_POSITIVE = Plural(
    "Störst andel prognoser som blev bättre än utfallet, från {period}: {committee}, {count} av "
    "{total} prognos ({share}).",
    "Störst andel prognoser som blev bättre än utfallet, från {period}: {committee}, {count} av "
    "{total} prognoser ({share}).",
    by="total",
)
OWN_ONLY = "{org}, endast egna prognoser"
COUNT_WITH_RATE = "{count} ({share})"
PROMISED_OF_MISSED = "{count} av {of}"
FIGURE_BAR_TEXT = "{share} ({count} av {total})"
HOW_OFTEN_CAPTION = (
    "Hur ofta prognoserna blev bättre än utfallet. Andelarna är av alla prognoser i raden, utom "
    "sista kolumnen: av prognoserna vars utfall missade årsmålet."
)
HOW_OFTEN_COLUMNS = (
    "Organisation",
    "Prognos från",
    "Prognoser",
    "Bättre än utfallet",
    "Träffade",
    "Sämre än utfallet",
    "Utfallet missade årsmålet",
    "Av dem: prognosen nådde årsmålet",
)
HOW_MUCH_CAPTION = (
    "Hur mycket prognoserna var fel. Andelar (%) i procentenheter; indikatorer i andra enheter "
    "relativt, i procent av utfallet (utfall 0 räknas inte). Varje prognos väger lika."
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
INDICATOR_ERRORS_CAPTION = (
    "Prognoser per indikator, i indikatorns enhet (andelar i procentenheter): flest bättre än "
    "utfallet först"
)
INDICATOR_ERRORS_COLUMNS = (
    "Indikator",
    "Prognos från",
    "Prognoser",
    "Bättre än utfallet",
    "Träffade",
    "Sämre än utfallet",
    "Snedvridning",
    "Medelavvikelse",
)
BY_ORG_ERRORS_CAPTION = (
    "Indikatorns prognoser per organisation, var och en bara sina egna, i indikatorns enhet"
)
BY_ORG_ERRORS_COLUMNS = ("Organisation", *INDICATOR_ERRORS_COLUMNS[1:])
RATE_FIGURE_TITLE = "Andel prognoser bättre än utfallet, {period}"
RATE_FIGURE_LABEL = Plural(
    "Diagram: andel prognoser bättre än utfallet per rad i tabellen nedan, {period}. Rader med "
    "färre än {minimum} prognos har ingen stapel. Siffrorna och antalen finns i tabellen.",
    "Diagram: andel prognoser bättre än utfallet per rad i tabellen nedan, {period}. Rader med "
    "färre än {minimum} prognoser har ingen stapel. Siffrorna och antalen finns i tabellen.",
    by="minimum",
)
TERTIAL_SHORT = {
    "T1": "Tertial 1",
    "T2": "Tertial 2",
}  # in the accuracy tables, where the months would wrap
GOALS_MET_ON_FORECAST = Plural(
    "Bedömda mål som räknas fram som uppfyllda {period} {year}: {met}. Av dem är {count} ◌ "
    "uppfyllt enligt prognos: utan prognoserna vore det inte uppfyllt.",
    "Bedömda mål som räknas fram som uppfyllda {period} {year}: {met}. Av dem är {count} ◌ "
    "uppfyllda enligt prognos: utan prognoserna vore de inte uppfyllda.",
)

# Hardening (issue 16): the web surface's refusals.
SIGN_IN_TOO_LARGE = "Inloggningen var för stor och lästes inte. Ladda om sidan och försök igen."
ASSESSMENT_BAD_PERIOD = (
    "Målbedömningen gäller ett år eller en period som inte är rapporterad och sparades inte."
)
REPORT_BUSY = "Rapporter byggs just nu för andra användare. Försök igen om en stund."

# The tertial report the routine asks for (issue 17): a failed download, and the indicators'
# same period last year and split by gender.
REPORT_FAILED_HEADING = "Rapporten kunde inte skapas"
REPORT_FAILED = "Filen kunde inte skapas. Felet är loggat."
REPORT_BUSY_HEADING = "Rapporten skapas inte just nu"
TRY_AGAIN = "Försök igen"
BACK_TO_DEVIATIONS = "Tillbaka till Avvikelser"
REPORT_COMPARISON_COLUMNS = ("Samma period förra året", "Kvinnor", "Män")
