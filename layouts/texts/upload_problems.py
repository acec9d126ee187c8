"""The wording of every import problem code (dashboard/upload/problems.py)."""

from __future__ import annotations

from dashboard.upload.problems import ImportIssue, Phrase
from layouts.texts.pages import UPLOAD_GARBLED

# ---------------------------------------------------------------- import problems (issue 15)
# Each problem code's wording: (what is wrong, what was expected), as str.format templates of
# the problem's parameters and its row, column and value. A parameter that is a Phrase is
# worded by IMPORT_PHRASES first. layouts/import_problems.py puts them together.

IMPORT_ROW = "rad {row}"
IMPORT_COLUMN = 'kolumn "{column}"'
IMPORT_VALUE = ': "{value}"'
IMPORT_EXPECTED = ". Förväntat: {expected}."
IMPORT_EMPTY_FILE = "en rubrikrad och minst en rad med värden"
IMPORT_JSON_EXPECTED = (
    'ett svar från Koladas API: {{"values": [{{"kpi", "municipality" eller "ou", ...}}]}}'
)
IMPORT_JSON_VALUES = '[{{"gender": "T", "value": 81.2}}]'
IMPORT_KNOWN_CODE = "en kod som finns i databasen eller i en fil i samma uppladdning"
IMPORT_SEPARATED = "semikolon (;), komma (,) eller tabb"
OUT_OF_SCOPE = "organisationen ligger utanför din behörighet"
IMPORT_ISSUES = {
    ImportIssue.TOO_LARGE: (
        "filen är för stor ({megabytes} MB, högst {max_megabytes} MB tas emot)",
        "en mindre fil; dela upp den, t.ex. per år eller nämnd",
    ),
    ImportIssue.GARBLED: (UPLOAD_GARBLED, ""),
    ImportIssue.EMPTY: ("filen är tom", IMPORT_EMPTY_FILE),
    ImportIssue.WORKBOOK: (
        "filen är en Excel-arbetsbok, inte en CSV-fil",
        'en CSV-fil: välj "Spara som" i Excel och filformatet "CSV UTF-8" eller "CSV"',
    ),
    ImportIssue.BINARY: (
        "filen innehåller binära tecken (NUL) på rad {row} och är ingen textfil",
        "en CSV-fil i UTF-8 eller Windows-1252",
    ),
    ImportIssue.UNKNOWN_ENCODING: (
        "okänd teckenkodning: byten 0x{byte} på rad {line} finns inte i {encoding}",
        "UTF-8 (med eller utan BOM) eller Windows-1252",
    ),
    ImportIssue.MIXED_ENCODINGS: (
        "rad {row} är sparad som {odd} men filen som {usual}: filen blandar teckenkodningar",
        'samma teckenkodning i hela filen: klistra in raden igen i Excel och spara som "CSV UTF-8"',
    ),
    ImportIssue.HEADER_NOT_SPLIT: (
        'rubrikraden kunde inte delas upp i kolumner: "{first_line}"',
        "kolumner åtskilda med " + IMPORT_SEPARATED,
    ),
    ImportIssue.TOO_MANY_COLUMNS: (
        "rubrikraden har {count} kolumner (högst {max_columns})",
        "en rubrikrad med filformatets kolumner, åtskilda med " + IMPORT_SEPARATED,
    ),
    ImportIssue.FIELD_TOO_LONG: (
        "ett fält på rad {row} är längre än {limit} tecken",
        "fält på högst {limit} tecken",
    ),
    ImportIssue.OPEN_QUOTE: (
        (
            "rad {line} tar slut inne i ett citerat fält; filen verkar vara avkortad eller ha ett "
            "citattecken för mycket"
        ),
        'hela filen, med citattecken (") parvis',
    ),
    ImportIssue.NO_ROWS: ("filen har en rubrikrad men inga rader med värden", IMPORT_EMPTY_FILE),
    ImportIssue.BUSY: (
        "servern läser redan andra uppladdningar",
        "samma uppladdning igen: försök igen om en stund",
    ),
    ImportIssue.JSON_INVALID: ("ogiltig JSON på rad {line}", IMPORT_JSON_EXPECTED),
    ImportIssue.JSON_TOO_DEEP: ("JSON:en är för djupt nästlad", IMPORT_JSON_EXPECTED),
    ImportIssue.JSON_NO_VALUES: ('JSON utan listan "values"', IMPORT_JSON_EXPECTED),
    ImportIssue.JSON_ENTRY_NOT_OBJECT: (
        "posten är inte ett objekt",
        '{{"kpi": …, "values": […]}}',
    ),
    ImportIssue.JSON_VALUES_NOT_LIST: ("inte en lista", IMPORT_JSON_VALUES),
    ImportIssue.JSON_VALUES_NOT_OBJECTS: ("inte en lista med objekt", IMPORT_JSON_VALUES),
    ImportIssue.UNKNOWN_HEADER: (
        "rubrikraden känns inte igen: {header}",
        "rubrikerna i ett av filformaten i docs/import.md, t.ex. indikator; organisation; år",
    ),
    ImportIssue.MISSING_COLUMN: (
        'obligatorisk kolumn "{header}" saknas ({layout})',
        'en kolumn med rubriken "{header}"{or_aliases}',
    ),
    ImportIssue.MISSING_VALUE_COLUMN: (
        "kolumn med värden saknas ({layout})",
        "minst en av kolumnerna {headers}",
    ),
    ImportIssue.COLUMN_TWICE: (
        'kolumnen "{header}" finns två gånger (kolumn {first} och {second})',
        "varje kolumn en gång",
    ),
    ImportIssue.FIELD_COUNT: (
        "raden har {count} fält men rubrikraden har {width}",
        "{width} fält per rad, åtskilda med {separator}{hint}",
    ),
    ImportIssue.BAD_VALUE: ("{reason}", "{expected}"),
    ImportIssue.END_BEFORE_START: (
        'före "{start_header}"',
        "{start_header} ({start}) eller senare",
    ),
    ImportIssue.DUPLICATE_KEY: ("samma nyckel som rad {first_row}", "en rad per {headers}"),
    ImportIssue.DUPLICATE_ACROSS_FILES: (
        "samma nyckel som i {other_file} rad {other_row}",
        "varje rad i bara en av filerna",
    ),
    ImportIssue.UNKNOWN_CODE: ("{what}", IMPORT_KNOWN_CODE),
    ImportIssue.CHILD_LEVEL: (
        'underordnade "{child}" har nivån {child_level}',
        "en nivå som passar de underordnade",
    ),
    ImportIssue.PARENT_MISSING: ("överordnad saknas", "{parent}"),
    ImportIssue.PARENT_LEVEL: ("den överordnade har nivån {parent_level}", "{parent}"),
    ImportIssue.OUT_OF_SCOPE: (OUT_OF_SCOPE, "en organisation inom {scope}"),
    ImportIssue.STRUCTURE_ONLY_ADMIN: (
        "filen ändrar {kind}, vilket bara en administratör får göra",
        "",
    ),
}
IMPORT_PHRASES = {
    Phrase.NOTHING: "",
    Phrase.OR_ALIASES: " (eller {aliases})",
    Phrase.DECIMAL_COMMA_HINT: " (har talen decimalkomma när kommatecken skiljer kolumnerna åt?)",
    Phrase.TRUNCATED_HINT: " (är filen avkortad?)",
    Phrase.UNKNOWN_ORG_UNIT: "okänd organisation",
    Phrase.UNKNOWN_GOAL: "okänt mål",
    Phrase.UNKNOWN_INDICATOR: "okänd indikator",
    Phrase.UNKNOWN_ACTIVITY: "okänd aktivitet",
    Phrase.MISSING_ID: "id som saknas i {table}",
    Phrase.ORG_ABOVE: "en organisation på högre nivå än {own_level}",
    Phrase.CITY_ON_TOP: "ingen överordnad: en stad är högst upp",
    Phrase.GOAL_ABOVE: "ett {level_above}",
    Phrase.DIRECTION_ON_TOP: "inget överordnat mål: inriktningsmål är högst upp",
    Phrase.YOUR_SCOPE: "din behörighet",
    Phrase.VALUE_MISSING: "värde saknas",
    Phrase.TOO_LONG: "för lång ({length} tecken, högst {max_length})",
    Phrase.NOT_INTEGER: "inte ett heltal",
    Phrase.OUT_OF_RANGE: "utanför {low}–{high}",
    Phrase.NOT_FINITE: "inte ett ändligt tal",
    Phrase.NOT_NUMBER: "inte ett tal",
    Phrase.NOT_GREATER: "måste vara större än {minimum}",
    Phrase.UNKNOWN_VALUE: "okänt värde",
    Phrase.NOT_DATE: "inte ett datum",
    Phrase.NO_SUCH_DATE: "datumet finns inte",
}
