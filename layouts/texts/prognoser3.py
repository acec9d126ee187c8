"""Texts of Prognoser's last tables drawn when opened (issue 20, prognoser3): the summary line of
the table per indicator and of the indicators met on a forecast alone, which tells its
essential number while the table is closed."""

from __future__ import annotations

from layouts.texts.copy import Plural

INDICATORS_LINE = Plural(
    "Per indikator: {rosier} av {count} indikator hade fler prognoser bättre än utfallet än sämre",
    "Per indikator: {rosier} av {count} indikatorer hade fler prognoser bättre än utfallet än "
    "sämre",
)
FORECAST_ONLY_LINE = Plural(
    "Listan: {count} indikator vars status vilar endast på prognos",
    "Listan: {count} indikatorer vars status vilar endast på prognos",
)
