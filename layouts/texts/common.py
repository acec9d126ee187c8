"""Words every page shares: statuses, periods, reasons, explanations, the page frame."""

from __future__ import annotations

from dashboard.domain.model import (
    ActivityStatus,
    Basis,
    Direction,
    Gender,
    GoalLevel,
    Status,
    Trend,
)
from dashboard.domain.rules import GoalReason, IndicatorReason, PartKind
from layouts.texts.copy import Plural

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
        "Indikatorn mäts inte här utan i organisationerna under: medelvärdet av deras poäng → "
        "{status}."
    ),
    IndicatorReason.REACHES_TARGET: (
        "{value_name} {value} når årsmålet {target} ({direction}) → {status}."
    ),
    IndicatorReason.WITHIN_PARTLY_BAND: (
        "{value_name} {value} når inte årsmålet {target} men gränsen för delvis uppfyllt, {limit} "
        "({direction}) → {status}."
    ),
    IndicatorReason.OUTSIDE_PARTLY_BAND: (
        "{value_name} {value} når inte gränsen för delvis uppfyllt, {limit}, eller årsmålet "
        "{target} ({direction}) → {status}."
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
GOAL_FORECAST_ONLY_SENTENCE = Plural(
    "{count} del vilar endast på prognos, inte på utfall.",
    "{count} delar vilar endast på prognos, inte på utfall.",
)
GOAL_EXCLUDED_SENTENCE = Plural(
    "{count} del räknas inte in (gäller inte här eller är avstängd).",
    "{count} delar räknas inte in (gäller inte här eller är avstängda).",
)
GOAL_NOT_MEASURED_SENTENCE = Plural(
    "{count} indikator mäts inte här eller under och räknas inte in.",
    "{count} indikatorer mäts inte här eller under och räknas inte in.",
)
GOAL_MET_ON_FORECAST_SENTENCE = (
    "Utan prognoserna vore statusen ”{status}”: målet är uppfyllt enligt prognos, inte på utfall."
)

# How many parts have each status, as in "2 uppfyllda, 1 delvis".
PART_COUNT_LABEL = {
    Status.MET: Plural("{count} uppfylld", "{count} uppfyllda"),
    Status.PARTLY_MET: Plural("{count} delvis", "{count} delvis"),
    Status.NOT_MET: Plural("{count} ej uppfylld", "{count} ej uppfyllda"),
    Status.NO_DATA: Plural(
        "{count} utan värde (räknas som 0)", "{count} utan värde (räknas som 0)"
    ),
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
    "Databasen innehåller ännu inga mätvärden. Läs in data, eller skapa demodata med kommandot "
    "`kontrollrummet demo`."
)
# When the database does not answer (callbacks/availability.py): the data is safe, try again.
DATABASE_UNAVAILABLE_HEADING = "Databasen svarar inte just nu"
DATABASE_UNAVAILABLE_TEXT = (
    "Försök igen om en stund. Inga uppgifter har gått förlorade: det är bara kontakten med "
    "databasen som är bruten. Om det inte går över, kontakta den som driftar Kontrollrummet."
)
