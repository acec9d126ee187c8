"""Swedish texts of åtgärder, förväntat resultat och arbetssätt, and what the tertial report adds
for them (issue 17)."""

from dashboard.domain.measures import MeasureStatus
from dashboard.followup.measure_writes import MeasureProblem

MEASURE_STATUS_LABEL = {
    MeasureStatus.PLANNED: "Planerad",
    MeasureStatus.ONGOING: "Pågår",
    MeasureStatus.DONE: "Klar",
    MeasureStatus.CLOSED: "Stängd",
}
MEASURES_SECTION_HEADING = "Åtgärder"
MEASURES_DECIDED_HEADING = "Beslutade vid {period} {year}"
MEASURES_FOLLOW_UP_HEADING = "Åtgärder att följa upp"
MEASURES_FOLLOW_UP_CAPTION = "Åtgärder från tidigare perioder som inte är klara eller stängda"
MEASURES_DECIDED_CAPTION = "Åtgärder beslutade vid den här periodens uppföljning"
MEASURE_COLUMNS = ("Åtgärd", "Ansvarig", "Klart senast", "Status", "Beslutad")
NO_MEASURES_DECIDED = "Inga åtgärder är beslutade för målet vid den här perioden."
NO_MEASURES_TO_FOLLOW_UP = "Inga åtgärder från tidigare perioder väntar på uppföljning."
MEASURE_DECIDED_AT = "{period} {year}"
MEASURE_NOTE = "Klart senast {due}, ansvarig {responsible}, beslutad {period} {year}."
MEASURE_ADD_HEADING = "Ny åtgärd"
MEASURE_TEXT_LABEL = "Åtgärd"
MEASURE_TEXT_HELP = "Vad ska göras?"
MEASURE_RESPONSIBLE_LABEL = "Ansvarig"
MEASURE_RESPONSIBLE_HELP = "Namnet på den som ansvarar för att åtgärden genomförs."
MEASURE_DUE_LABEL = "Klart senast"
MEASURE_DUE_HELP = "Datum då åtgärden ska vara klar."
MEASURE_ADD_BUTTON = "Lägg till åtgärd"
MEASURE_ADDED = "Åtgärden är sparad och följs upp vid kommande perioder tills den är klar."
MEASURE_STATUS_HEADING = "Ändra status på en åtgärd"
MEASURE_CHOICE_LABEL = "Åtgärd"
MEASURE_NEW_STATUS_LABEL = "Ny status"
MEASURE_STATUS_BUTTON = "Ändra status"
MEASURE_STATUS_CHANGED = "Statusen är ändrad."
MEASURE_STATUS_MISSING = "Välj en åtgärd och en status."
MEASURE_PROBLEMS_HEADING = "Åtgärden kunde inte sparas"
MEASURE_PROBLEM_TEXT = {
    MeasureProblem.NO_TEXT: "Skriv vad som ska göras.",
    MeasureProblem.NO_RESPONSIBLE: "Ange vem som är ansvarig.",
    MeasureProblem.NO_DUE_DATE: "Ange ett datum som ÅÅÅÅ-MM-DD för när åtgärden ska vara klar.",
    MeasureProblem.TOO_LONG: "Texten är för lång (högst 2 000 tecken, namn högst 200).",
}
EXPECTED_HEADING = "Förväntat resultat och arbetssätt {year}"
EXPECTED_RESULT_LABEL = "Förväntat resultat"
EXPECTED_RESULT_HELP = "Vad ska målet leda till i år? Skrivs en gång per år."
WAY_OF_WORKING_LABEL = "Arbetssätt"
WAY_OF_WORKING_HELP = "Hur arbetar organisationen för att nå det?"
NO_EXPECTED = "Inget förväntat resultat eller arbetssätt är skrivet för året."
EXPECTED_SAVE_BUTTON = "Spara förväntat resultat"
EXPECTED_EDIT = "Skriv eller ändra förväntat resultat och arbetssätt"
EXPECTED_SAVED = "Förväntat resultat och arbetssätt är sparade."
EXPECTED_FOLLOWUP_LABEL = "Uppföljning av förväntat resultat"
EXPECTED_FOLLOWUP_HELP = "Hur går arbetet mot årets förväntade resultat den här perioden?"
# The tertial report
REPORT_MOVEMENT = "Sedan {period} {year}: {movement}."
REPORT_NO_MOVEMENT = "Sedan {period} {year}: ingen avvikelse då eller nu."
REPORT_NO_PREVIOUS = "Ingen tidigare period att jämföra med."
REPORT_EXPECTED = "Förväntat resultat {year}: {result} Arbetssätt: {way}"
REPORT_EXPECTED_FOLLOWUP = "Uppföljning av förväntat resultat: {text}"
REPORT_MEASURES_CAPTION = "Åtgärder beslutade vid perioden"
REPORT_FOLLOW_UP_CAPTION = "Åtgärder att följa upp"
MEASURES_SHEET = "Åtgärder"
MEASURES_EXPORT_CAPTION = "Åtgärderna under varje mål: beslutade vid perioden och att följa upp"
MEASURE_SHEET_COLUMNS = ("Målkod", "Mål", "Organisation", "Vid perioden", *MEASURE_COLUMNS)
MEASURE_KIND = {True: "Att följa upp", False: "Beslutad"}
REPORT_CHANGE_COLUMNS = ("Förändring", "Skillnad K−M")
PERIOD_SHORT = {"T1": "T1", "T2": "T2", "FY": "helår"}  # months are written by their code
