"""Swedish text of the reporting round (issue 18): Att rapportera, Rapportering and the
deadlines form."""

from dashboard.domain.model import OrgLevel
from dashboard.domain.reporting import ReportState
from dashboard.followup.reporting import Refusal
from layouts.texts.copy import Plural

NAV_TO_REPORT = "Att rapportera"
NAV_PROGRESS = "Rapportering"
TO_REPORT_HEADING = "Att rapportera för {org}"
TO_REPORT_PERIOD = "{period} {year}"
NO_OPEN_PERIOD = (
    "Ingen rapporteringsperiod är öppen. En administratör öppnar en period med sista dag per "
    "nivå under Rapportering."
)
DEADLINE = "Sista dag: {day}"
NO_DEADLINE = "Ingen sista dag är satt för den här nivån."
REPORT_OVERDUE = "Försenad"
DONE_COUNT = Plural("{done} av {total} klar", "{done} av {total} klara", by="total")
NOTHING_DUE = "Organisationen har inget att rapportera för perioden."
REPORT_STATE_LABEL = {
    ReportState.READY: "Klarmarkerad",
    ReportState.APPROVED: "Godkänd",
    ReportState.RETURNED: "Skickad tillbaka",
    ReportState.REOPENED: "Öppnad igen efter ändring",
}
NOT_MARKED = "Inte klarmarkerad"
STATE_BY = "{state} av {user} {at}"
RETURN_COMMENT = "Kommentar: {comment}"
DUE_INDICATORS = "Indikatorer: utfall och prognos"
DUE_INDICATOR_COLUMNS = (
    "Indikator",
    "Årsmål",
    "Utfall",
    "Prognos helår",
    "Samma period i fjol",
    "Förra perioden",
    "Status",
)
DUE_INDICATORS_CAPTION = "Indikatorer att rapportera, med årsmål och jämförelser"
DUE_ACTIVITIES = "Aktiviteter: uppföljning"
DUE_GOALS = "Mål: bedömning"
DUE_TASK_COLUMNS = ("Vad", "Status")
DUE_ACTIVITIES_CAPTION = "Aktiviteter att följa upp"
DUE_GOALS_CAPTION = "Mål att bedöma"
ITEM_DONE = "Klar"
ITEM_MISSING = "Saknas"
MISSING_OUTCOME = "Utfall saknas"
MISSING_FORECAST = "Prognos saknas"
ENTER_VALUES = "Fyll i värdena"
MARK_READY = "Klarmarkera rapporten"
MARK_READY_HELP = "När allt är ifyllt: klarmarkera, så ser nivån ovanför att rapporten är klar."
MARKED_READY = "Rapporten är klarmarkerad."
APPROVE = "Godkänn"
SEND_BACK = "Skicka tillbaka"
SEND_BACK_COMMENT = "Kommentar till den som rapporterar (krävs för att skicka tillbaka)"
APPROVED = "Rapporten är godkänd."
SENT_BACK = "Rapporten är skickad tillbaka."
SEE_PROGRESS = "Se hur det går för organisationerna under"
REPORTING_REFUSAL = {
    Refusal.NOT_ALLOWED: "Du kan inte klarmarkera den här organisationens rapport.",
    Refusal.NOT_CONTROLLER: "Bara nivån ovanför eller en administratör godkänner rapporten.",
    Refusal.NOT_ADMIN: "Bara administratörer sätter rapporteringsperioder.",
    Refusal.NOT_OPEN: "Perioden är inte öppen för rapportering.",
    Refusal.ALREADY_MARKED: "Rapporten är redan klarmarkerad.",
    Refusal.NOT_READY: "Rapporten är inte klarmarkerad.",
    Refusal.NO_COMMENT: "Skriv en kommentar som säger vad som behöver göras.",
    Refusal.NO_DEADLINE: "Ange minst en sista dag.",
}
PROGRESS_HEADING = "Rapportering för {org}"
PROGRESS_READERS = "Rapporteringen följs av redaktörer och administratörer."
ORG_LEVEL_PLURAL = {
    OrgLevel.COMMITTEE: "Nämnder",
    OrgLevel.DEPARTMENT: "Avdelningar",
    OrgLevel.UNIT: "Enheter",
}
ORG_LEVEL_NAME = {
    OrgLevel.CITY: "Stad",
    OrgLevel.COMMITTEE: "Nämnd",
    OrgLevel.DEPARTMENT: "Avdelning",
    OrgLevel.UNIT: "Enhet",
}
PROGRESS_MEASURES = (
    ("reported", "Allt ifyllt"),
    ("ready", "Klarmarkerade"),
    ("approved", "Godkända"),
    ("overdue", "Försenade"),
)
SHARE_TEXT = "{part} av {count} ({share})"
PROGRESS_TABLE_CAPTION = "Varje organisation med något att rapportera"
PROGRESS_COLUMNS = ("Organisation", "Nivå", "Ifyllt", "Rapport", "Sista dag")
NOT_REPORTED_HEADING = "Inte klarmarkerade"
NOT_REPORTED_CAPTION = "Organisationer som inte har klarmarkerat, med ansvariga redaktörer"
NOT_REPORTED_COLUMNS = ("Organisation", "Saknas", "Ansvariga")
PROGRESS_SHOWN = "Organisationer i tabellen: {shown} av {total}."
NOT_REPORTED_SHOWN = "Inte klarmarkerade i tabellen: {shown} av {total}."
NO_EDITOR = "Ingen redaktör"
ALL_REPORTED = "Alla har klarmarkerat."
MAIL_LIST_LABEL = "Påminnelselista (kopiera till e-postens mottagarfält)"
MAIL_LIST_COPY = "Kopiera listan"
DEADLINES_HEADING = "Öppna en rapporteringsperiod"
DEADLINES_HELP = (
    "Den senaste perioden med sista dagar är den som rapporteras. Lämna en nivå tom om den "
    "inte har någon sista dag."
)
DEADLINE_YEAR = "År"
DEADLINE_PERIOD = "Period"
DEADLINE_FOR = "Sista dag för {level}"
DEADLINES_SAVE = "Spara perioden"
DEADLINES_SAVED = "{period} {year} är öppen för rapportering."
BAD_DEADLINE = "Skriv år som fyra siffror och datum som ÅÅÅÅ-MM-DD."
