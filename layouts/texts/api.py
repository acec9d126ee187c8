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
