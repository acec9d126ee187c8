"""Texts of the pages drawn on demand (issue 20): a row's details, long tables in pages."""

from __future__ import annotations

# An Avvikelser row opened after its goal stopped deviating (a write landed since), or a forged one.
DETAILS_GONE = "Målet finns inte längre bland avvikelserna. Ladda om sidan."
DETAILS_LOADING = "Hämtar målets avvikelser …"
# Prognoser's table per indicator, in pages like the page's other long tables.
INDICATORS_SHOWN = "Här visas de första {shown} av {total} indikatorerna."
# One indicator's forecasts per organisation, most too positive first.
ORGS_SHOWN = (
    "Här visas de {shown} av {total} organisationerna med störst andel prognoser bättre än "
    "utfallet."
)
