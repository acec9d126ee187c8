"""Texts of Prognoser's long tables drawn when opened (issue 20): each table's summary line,
which tells its essential number while the table is closed."""

from __future__ import annotations

from layouts.texts.copy import Plural

PART_LOADING = "Hämtar tabellen …"
# A part opened for a period or organisation that no longer exists, or a forged one.
PART_GONE = "Tabellen kan inte visas längre. Ladda om sidan."
HOW_OFTEN_LINE = Plural(
    "Hur ofta per organisation och tertial: {too_positive} av {total} prognos blev bättre än "
    "utfallet",
    "Hur ofta per organisation och tertial: {too_positive} av {total} prognoser blev bättre än "
    "utfallet",
    by="total",
)
HOW_MUCH_LINE = (
    "Hur mycket per organisation och tertial: snedvridning {shares} för andelar, {relative} "
    "relativt för övriga enheter"
)
LEANS_LINE = Plural(
    "Bedömningarna per nämnd: {positive} av {total} bedömning mer positiv än beräkningen eller "
    "uppfylld utan underlag",
    "Bedömningarna per nämnd: {positive} av {total} bedömningar mer positiva än beräkningen eller "
    "uppfyllda utan underlag",
    by="total",
)
PAIRS_LINE = Plural(
    "Organisationer med liknande resultat som har bedömt samma mål olika: {count} jämförelse",
    "Organisationer med liknande resultat som har bedömt samma mål olika: {count} jämförelser",
)
