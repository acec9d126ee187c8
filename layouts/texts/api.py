"""Texts of the open-data API (/api/v1/) and of API tokens: their errors, and the account page's
section where a person makes and revokes their tokens."""

from dashboard.access.tokens import TokenProblem

API_TITLE = "Kontrollrummet – öppna data"
API_UNAUTHORIZED = (
    "Logga in, eller skicka en giltig API-nyckel i huvudet Authorization: Bearer <nyckel>."
)
API_UNKNOWN_RESOURCE = "Det finns ingen resurs {name}. Se {index}."
API_BAD_PARAMETER = "Ogiltigt värde för {key}: {value}"
API_UNKNOWN_ORG = "Det finns ingen organisation med koden {code}."
TOKEN_PROBLEM = {
    TokenProblem.NOT_ALLOWED: "Bara kontots innehavare eller en administratör får göra det.",
    TokenProblem.NO_ACCOUNT: "Det finns inget sådant konto.",
    TokenProblem.BAD_NAME: "Ge nyckeln ett namn (högst 100 tecken), t.ex. Power BI.",
    TokenProblem.NO_TOKEN: "Det finns ingen gällande nyckel med det numret.",
}
ACCOUNT_HEADING = "Mitt konto"
ACCOUNT_LINK = "Mitt konto"
ACCOUNT_SIGNED_OUT = "Logga in för att se ditt konto och dina API-nycklar."
TOKENS_HEADING = "API-nycklar"
TOKENS_INTRO = (
    "Med en API-nyckel kan ett program, till exempel Power BI eller Excel, läsa måluppfyllelse, "
    "indikatorvärden, organisationen och målen som JSON eller CSV. Programmet skickar nyckeln i "
    "huvudet Authorization: Bearer <nyckel> och läser med ditt kontos behörighet. Nyckeln visas "
    "bara när den skapas; återkalla den när den inte behövs längre."
)
TOKENS_API_LINK = "Öppna data (API)"
TOKEN_NAME_LABEL = "Vad ska nyckeln användas till?"
TOKEN_CREATE_BUTTON = "Skapa nyckel"
TOKEN_CREATED = "Kopiera nyckeln nu – den visas bara den här gången:"
TOKEN_REVOKED = "Nyckeln {name} är återkallad och fungerar inte längre."
TOKEN_REVOKE_BUTTON = "Återkalla"
TOKEN_REVOKE_LABEL = "Återkalla nyckeln {name}"
TOKENS_NONE = "Du har inga API-nycklar."
TOKENS_CAPTION = "Dina API-nycklar"
TOKEN_COLUMNS = ("Namn", "Början", "Skapad", "Status", "")
TOKEN_IN_FORCE = "Gäller"
TOKEN_REVOKED_ON = "Återkallad {at}"
