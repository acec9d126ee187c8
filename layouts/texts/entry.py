"""Texts of entering data in the browser: the report form, a change's effect, prefilled
templates and the accounts page (issue 18)."""

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
