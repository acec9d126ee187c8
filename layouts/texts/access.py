"""Sign-in, roles, refusals and the audit log."""

from __future__ import annotations

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
    "user_change": "Behörighet ändrad",
    "user_remove": "Konto borttaget",
    "user_password": "Nytt lösenord",
    "user_signout": "Utloggat överallt",
    "audit_log": "Ändringsloggen",
    "activity": "Aktivitetsuppföljning",
    "token_add": "API-nyckel skapad",
    "token_revoke": "API-nyckel återkallad",
    "report_deadlines": "Rapporteringsperiod",
    "report_ready": "Klarmarkerad rapport",
    "report_approve": "Godkänd rapport",
    "report_return": "Rapport skickad tillbaka",
    "report_reopen": "Rapport öppnad igen",
    "measure": "Åtgärd",
    "expected_result": "Förväntat resultat",
    "national_setting": "Jämförelseinställning",
    "comparison_group": "Jämförelsegrupp",
    "kpi_link": "Koppling till Kolada-nyckeltal",
    "kolada_unit_link": "Koppling till Kolada-id",
    "national_admin": "Jämförelser",
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
