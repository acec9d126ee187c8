"""Texts of entering data in the browser: the report form, a change's effect, prefilled
templates and the accounts page (issue 18)."""

from layouts.texts.copy import Plural

# ---------------------------------------------------------------- a change's effect
EFFECT_HEADING = "Vad ändringen gör"
EFFECT_VALUES_HEADING = "Värden"
EFFECT_GOALS_HEADING = "Målens status"
EFFECT_FIELD = {"outcome": "utfall", "forecast": "prognos helår"}
EFFECT_VALUE = "{indicator} ({place}): {before} → {after}"
EFFECT_PLACE = "{org}, {period} {year}, {field}"
EFFECT_GOAL = "{goal} ({org}): {before} → {after}"
EFFECT_GOAL_SAME = "{goal} ({org}): {status}, oförändrat"
EFFECT_NO_VALUES = "Inga värden ändras."
EFFECT_NO_GOALS = "Inget mål med de här indikatorerna berörs."
EFFECT_NOT_JUDGED = (
    "Filen ändrar för många värden för att målens status ska räknas om i förhand; "
    "se översikten efter att du sparat."
)

# ---------------------------------------------------------------- the report form
REPORT_FORM_HEADING = "Rapportera: {org}, {period} {year}"
REPORT_FORM_INTRO = (
    "Skriv periodens utfall och prognosen för helåret. Decimalkomma och mellanslag mellan "
    'tusental går bra (t.ex. 1 234,5); ".." betyder saknas, "." ej tillämplig och "x" skyddad. '
    "Ett tömt fält tar bort värdet. Det som sparas kontrolleras, loggas och kan ångras som en "
    "uppladdning."
)
REPORT_FORM_CAPTION = "Indikatorer att rapportera för {org}"
REPORT_FORM_COLUMNS = (
    "Indikator",
    "Kön",
    "Årsmål",
    "Förra perioden ({previous})",
    "Samma period i fjol",
    "Utfall",
    "Prognos helår",
)
REPORT_INPUT_LABEL = "{field} för {indicator}, {gender}"
REPORT_FORM_EMPTY = (
    "Organisationen har inga indikatorer med årsmål eller värden för året. Årsmål läses in på "
    "sidan Läs in data."
)
REPORT_PREVIEW = "Förhandsgranska"
REPORT_SAVE = "Spara"
REPORT_NOTHING = "Inget att spara: skriv ett värde först."
REPORT_SAVED = "Sparat som uppladdning {id}. Värden: {changes}."
VALUE_CHANGES = (  # new, changed values
    Plural("{count} nytt", "{count} nya"),
    Plural("{count} ändrat", "{count} ändrade"),
)
REPORT_UNCHANGED = "Inget ändrades: värdena är desamma som de sparade."
REPORT_PREVIEW_NOTE = "Inget är sparat ännu."
REPORT_PROBLEMS = "Rätta felen nedan; inget sparades."
REPORT_PROBLEM = "{indicator}, {gender}, {field}{part}: {issue}"
REPORT_PROBLEM_PART = " (sida {number})"
# A long form is drawn a part at a time (issue 20).
REPORT_PARTS_LABEL = "Formulärets sidor"
REPORT_PART = "Sida {number}"
REPORT_PART_SHOWN = (
    "Rad {first}–{last} av {total}. Det du skriver finns kvar när du byter sida, och Spara "
    "sparar alla sidor."
)
REPORT_FILE_NAME = "formulär {org} {period} {year}.csv"
REPORT_REFUSE_TARGET = "formulär för {org} {period} {year}"
REPORT_FORM_LINKS = "Rapportera i formulär i stället:"
REPORT_TEMPLATE_LINKS = "Hellre i ett kalkylark? Ladda ned formuläret ifyllt med det som är sparat:"
REPORT_TEMPLATE_CSV = "CSV-fil"
REPORT_TEMPLATE_XLSX = "Excel-fil (spara den som CSV innan du laddar upp den)"

# ---------------------------------------------------------------- accounts
NAV_ACCOUNTS = "Konton"
ACCOUNTS_HEADING = "Konton"
ACCOUNTS_INTRO = (
    "Lägg till konton, ändra roll och organisationer, ge nytt lösenord och ta bort konton. "
    "Samma regler gäller som för kommandot kontrollrummet user, och varje ändring loggas i "
    "Ändringsloggen. En redaktör får ändra data för sina organisationer och allt under dem."
)
ACCOUNT_ADD_HEADING = "Nytt konto"
ACCOUNT_DISPLAY_NAME = "Namn som visas"
ACCOUNT_ROLE = "Roll"
ACCOUNT_ORGS = "Organisationer (koder, för en redaktör)"
ACCOUNT_ORGS_HINT = "Flera koder skiljs med komma, t.ex. SKA-FSK-01, SKA-FSK-02."
ACCOUNT_PASSWORD = "Lösenord (tomt: ett engångslösenord skapas)"
ACCOUNT_ADD = "Skapa konto"
ACCOUNT_LIST_HEADING = "Alla konton"
ACCOUNT_CAPTION = "Konton, efter användarnamn"
ACCOUNT_COLUMNS = ("Användarnamn", "Namn", "Roll", "Organisationer", "Inloggning", "Ändra")
ACCOUNT_SIGN_IN = {True: "lösenord", False: "bara via proxy"}
ACCOUNT_ROW_ROLE = "Roll för {user}"
ACCOUNT_ROW_ORGS = "Organisationer för {user}"
ACCOUNT_CHANGE = "Spara behörighet"
ACCOUNT_RESET = "Nytt lösenord"
ACCOUNT_REMOVE = "Ta bort"
ACCOUNT_ADDED = "Kontot {user} är skapat."
ACCOUNT_CHANGED = "Kontot {user} är nu {role}{scope}."
ACCOUNT_REMOVED = "Kontot {user} är borttaget; det loggas ut vid nästa klick."
ACCOUNT_RESET_DONE = "Kontot {user} har fått ett nytt lösenord; dess inloggningar har upphört."
ACCOUNT_ONE_TIME_PASSWORD = (
    "Engångslösenord för {user}: {password} — det visas bara nu. Lämna det personligen eller "
    "på säkert sätt."
)
ACCOUNT_NOT_YOURSELF = (
    "Du kan inte ta bort eller ändra behörigheten för ditt eget konto här; be en annan "
    "administratör."
)
ACCOUNT_UNKNOWN_ROLE = "Välj en roll: läsare, redaktör eller administratör."
