"""Text a spreadsheet would take for a formula, defused in every file meant for Excel.

OWASP's CSV injection: a cell starting with =, +, -, @, a tab or a carriage return can run
as a formula (=HYPERLINK(…) sends the reader elsewhere). The Excel reports mark such text
with a quote prefix; a CSV file has none, so the text gets a leading apostrophe.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defused(text: str) -> str:
    """The text, with an apostrophe first if a spreadsheet would take it for a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
