"""The demo's indicators, as tables: KF's, each nämnd's, each department's and each unit's own."""

from __future__ import annotations

from typing import NamedTuple

from dashboard.domain.model import (
    Direction,
)
from dashboard.tools.demo.tree_data import ALL_KINDS

# fmt: off

HIGHER, LOWER = Direction.HIGHER, Direction.LOWER


class Spec(NamedTuple):
    """An indicator template: what it measures and how its invented numbers behave."""

    name: str
    unit: str  # "%", "antal", "kr", "dagar" or "index"
    direction: Direction
    decimals: int
    gender_split: bool
    level: float  # typical outcome
    spread: float  # standard deviation between organisations
    trend: float  # typical yearly change in the better direction (negative: getting worse)
    noise: float  # standard deviation from year to year, and of period outcomes around it
    gap: float = 0.0  # typical women-minus-men difference
    women: float = 0.5  # share of women, weighting K and M into T
    kolada_kpi: str | None = None
    annual: bool = False  # measured once a year: T1 and T2 carry only a forecast
    band: float | None = None  # explicit distance from årsmål to the partly-met limit


class CouncilIndicator(NamedTuple):
    """A KF indicator: measured by the units of `kinds` (by the nämnder only when empty)."""

    code: str
    kinds: tuple[str, ...]
    goals: tuple[str, ...]
    spec: Spec
    weight: float = 1.0


KF_INDICATORS = [
    # Measured by every unit: the attraktiv arbetsgivare goal.
    CouncilIndicator("KF01", ALL_KINDS, ("KF3.2",), Spec(
        "Sjukfrånvaro bland medarbetare", "%", LOWER, 1, True, 7.8, 1.6, 0.15, 0.6, 2.9, 0.72,
        kolada_kpi="N00090")),
    CouncilIndicator("KF02", ALL_KINDS, ("KF3.2",), Spec(
        "Aktivt medarbetarskap, index i medarbetarenkäten", "index", HIGHER, 0, True, 78, 4, 0.5,
        2, 1.0, 0.72)),
    CouncilIndicator("KF03", ALL_KINDS, ("KF3.2",), Spec(
        "Andel heltidsanställda medarbetare", "%", HIGHER, 0, True, 82, 6, 0.8, 2, -6, 0.72,
        kolada_kpi="N00206")),
    CouncilIndicator("KF04", ALL_KINDS, ("KF3.2",), Spec(
        "Andel tillsvidareanställda medarbetare", "%", HIGHER, 0, True, 86, 5, 0.4, 1.5, 1, 0.72,
        kolada_kpi="N00200")),
    CouncilIndicator("KF05", ALL_KINDS, ("KF3.2",), Spec(
        "Personalomsättning", "%", LOWER, 1, True, 13, 3, 0.3, 1.5, -1.0, 0.72)),
    CouncilIndicator("KF06", ALL_KINDS, ("KF3.2",), Spec(
        "Andel medarbetare som skulle rekommendera sin arbetsplats", "%", HIGHER, 0, True, 72, 8,
        0.5, 3, 1, 0.72)),
    # Förskola.
    CouncilIndicator("KF07", ("forskola",), ("KF1.3",), Spec(
        "Andel vårdnadshavare som är nöjda med förskolan", "%", HIGHER, 0, True, 88, 4, 0.4, 1.5,
        0.8)),
    CouncilIndicator("KF08", ("forskola",), ("KF1.3",), Spec(
        "Andel legitimerade förskollärare av den pedagogiska personalen", "%", HIGHER, 0, False,
        38, 8, 0.8, 2, band=5.0)),
    CouncilIndicator("KF09", ("forskola",), ("KF1.3",), Spec(
        "Antal barn per årsarbetare i förskolan", "antal", LOWER, 1, False, 5.1, 0.4, 0.02, 0.2)),
    CouncilIndicator("KF10", ("forskola",), ("KF1.3",), Spec(
        "Andel barn som känner sig trygga i förskolan enligt vårdnadshavarna", "%", HIGHER, 0, True,
        93, 3, 0.2, 1.2, 0.5)),
    CouncilIndicator("KF11", ("forskola",), ("KF3.1",), Spec(
        "Kostnad per inskrivet barn i förskolan", "kr", LOWER, 0, False, 152_000, 9_000, -2_500,
        2_500)),
    # Äldreomsorg: vård- och omsorgsboende.
    CouncilIndicator("KF12", ("sabo",), ("KF1.5",), Spec(
        "Andel nöjda brukare på vård- och omsorgsboende", "%", HIGHER, 0, True, 82, 5, 0.4, 2,
        -1.5, 0.68), weight=2.0),
    CouncilIndicator("KF13", ("sabo",), ("KF1.5", "KF2.1"), Spec(
        "Andel brukare som känner sig trygga på vård- och omsorgsboende", "%", HIGHER, 0, True, 85,
        5, 0.3, 2, -1, 0.68, kolada_kpi="U23521")),
    CouncilIndicator("KF14", ("sabo",), ("KF1.5",), Spec(
        "Andel brukare med fallolycka som lett till skada", "%", LOWER, 1, True, 6.5, 1.8, 0.15,
        0.8, 1.2, 0.68, band=1.0)),
    CouncilIndicator("KF15", ("sabo",), ("KF1.5",), Spec(
        "Andel brukare med riskbedömning i Senior alert", "%", HIGHER, 0, True, 86, 6, 1.0, 3, 0.5,
        0.68)),
    # Äldreomsorg: hemtjänst.
    CouncilIndicator("KF16", ("hemtjanst",), ("KF1.5",), Spec(
        "Andel nöjda brukare i hemtjänsten", "%", HIGHER, 0, True, 87, 4, 0.3, 1.8, -1.0, 0.65),
        weight=2.0),
    CouncilIndicator("KF17", ("hemtjanst",), ("KF1.5", "KF2.1"), Spec(
        "Andel brukare som känner sig trygga med hemtjänsten", "%", HIGHER, 0, True, 81, 5, 0.4, 2,
        -4, 0.65, kolada_kpi="U21505")),
    CouncilIndicator("KF18", ("hemtjanst",), ("KF1.5",), Spec(
        "Personalkontinuitet: antal personal per brukare under 14 dagar", "antal", LOWER, 1, True,
        15, 3, 0.3, 1.2, 0.8, 0.65)),
    CouncilIndicator("KF19", ("hemtjanst",), ("KF3.1",), Spec(
        "Kostnad per brukare i hemtjänsten per månad", "kr", LOWER, 0, False, 24_500, 2_500, -500,
        700)),
    # Individ- och familjeomsorg.
    CouncilIndicator("KF20", ("ifo_barn",), ("KF1.4",), Spec(
        "Andel barn och unga som inte återaktualiserats ett år efter avslutad insats", "%", HIGHER,
        0, True, 78, 6, 0.6, 3, 2)),
    CouncilIndicator("KF21", ("ifo_barn",), ("KF1.4",), Spec(
        "Handläggningstid för utredningar om barn och unga", "dagar", LOWER, 0, True, 105, 18, 2, 8,
        -3, band=15.0)),
    CouncilIndicator("KF22", ("ifo_vuxen",), ("KF1.2",), Spec(
        "Andel som gått till egen försörjning efter avslutat ekonomiskt bistånd", "%", HIGHER, 0,
        True, 42, 7, 0.8, 3, -2, 0.45)),
    # Socialpsykiatri.
    CouncilIndicator("KF23", ("boendestod",), ("KF1.6",), Spec(
        "Andel brukare som är nöjda med boendestödet", "%", HIGHER, 0, True, 84, 5, 0.3, 2.5, 1)),
    CouncilIndicator("KF24", ("sysselsattning",), ("KF1.6",), Spec(
        "Andel deltagare som upplever sin sysselsättning som meningsfull", "%", HIGHER, 0, True, 80,
        6, 0.5, 3, 1, 0.45)),
    # Kultur och fritid.
    CouncilIndicator("KF25", ("fritidsgard",), ("KF2.1",), Spec(
        "Andel unga som känner sig trygga på fritidsgården", "%", HIGHER, 0, True, 86, 5, 0.5, 2.5,
        -4, 0.35)),
    CouncilIndicator("KF26", ("parklek",), ("KF2.1",), Spec(
        "Andel vårdnadshavare som är nöjda med parkleken", "%", HIGHER, 0, True, 90, 4, 0.2, 2,
        0.5)),
    # Measured by the nämnder only (their whole population).
    CouncilIndicator("KF27", (), ("KF1.5",), Spec(
        "Väntetid från beslut till erbjudande om vård- och omsorgsboende", "dagar", LOWER, 0, True,
        48, 12, 1.5, 6, -3, 0.65, band=10.0)),
    CouncilIndicator("KF28", (), ("KF1.2",), Spec(
        "Unga vuxna med ekonomiskt bistånd, andel av invånare 18–24 år", "%", LOWER, 1, True, 3.4,
        0.9, 0.15, 0.3, -0.8, kolada_kpi="U31804")),
    CouncilIndicator("KF29", (), ("KF2.1",), Spec(
        "Andel invånare som känner sig trygga utomhus i sitt område när det är mörkt", "%", HIGHER,
        0, True, 68, 8, 0.5, 2, -14, kolada_kpi="N00610", annual=True)),
]

# A nämnd's own indicators. Measured by all its units, under a wide nämndmål (KF goal given):
COMMITTEE_WIDE_INDICATORS = [
    ("KF3.2", Spec("Andel medarbetare som haft medarbetarsamtal", "%", HIGHER, 0, True, 88, 6,
                   1.0, 3, 1, 0.72)),
    ("KF3.1", Spec("Andel brukare som vet vart de ska vända sig med synpunkter och klagomål", "%",
                   HIGHER, 0, True, 71, 8, 1.0, 4, 2)),
    ("KF3.2", Spec("Andel medarbetare med en individuell kompetensutvecklingsplan", "%", HIGHER, 0,
                   True, 64, 10, 2.0, 5, 3, 0.72)),
    ("KF3.1", Spec("Andel avvikelser som åtgärdats inom 30 dagar", "%", HIGHER, 0, False, 76, 9,
                   1.2, 4)),
]
# ... measured by the units of one department, under the nämndmål of its first kind of unit:
DEPARTMENT_INDICATORS = {
    "FSK": [
        Spec("Andel barn som har haft utvecklingssamtal", "%", HIGHER, 0, True, 91, 5, 0.5, 2.5,
             0.5),
        Spec("Andel barn med annat modersmål som får modersmålsstöd", "%", HIGHER, 0, True, 61, 12,
             2.0, 6, 1),
    ],
    "AO": [
        Spec("Andel nöjda anhöriga", "%", HIGHER, 0, True, 79, 6, 0.8, 3, 1.5, 0.6, annual=True),
        Spec("Andel brukare med aktuell genomförandeplan", "%", HIGHER, 0, True, 84, 7, 1.0, 3,
             0.5, 0.66),
    ],
    "IFO": [
        Spec("Andel utredningar som slutförts inom lagstadgad tid", "%", HIGHER, 0, True, 85, 7,
             0.8, 3, 1),
        Spec("Andel klienter vars plan följts upp inom tre månader", "%", HIGHER, 0, True, 74, 9,
             1.2, 4, 2),
    ],
    "SOP": [
        Spec("Andel brukare i socialpsykiatrin med aktuell genomförandeplan", "%", HIGHER, 0, True,
             81, 8, 1.0, 4, 1),
        Spec("Andel brukare som deltagit i brukarråd", "%", HIGHER, 0, True, 35, 10, 1.5, 5, 4),
    ],
    "FRI": [
        Spec("Andel flickor bland besökarna", "%", HIGHER, 0, False, 34, 8, 1.0, 3),
        Spec("Antal besökare per öppetkväll", "antal", HIGHER, 0, True, 45, 12, 1.0, 6, -9),
    ],
}
# ... or measured by the nämnd only, under a wide nämndmål:
COMMITTEE_LEVEL_INDICATORS = [
    ("KF2.1", Spec("Andel invånare som är nöjda med stadsdelens parker och grönområden", "%",
                   HIGHER, 0, True, 74, 6, 0.5, 2, 1, annual=True)),
    ("KF3.1", Spec("Prognossäkerhet: avvikelse mellan prognos i tertial 2 och bokslut", "%", LOWER,
                   1, False, 2.2, 0.8, 0.1, 0.6)),
]

# A unit's own indicators, per kind; a unit with n own indicators takes n of them in turn.
OWN_INDICATORS = {
    "forskola": [
        Spec("Andel barn som deltar i daglig högläsning", "%", HIGHER, 0, True, 82, 8, 1.0, 4, 2),
        Spec("Andel dagar med full bemanning", "%", HIGHER, 0, False, 86, 6, 0.5, 3),
        Spec("Andel barn vars vårdnadshavare deltagit i föräldramöte", "%", HIGHER, 0, True, 63, 10,
             1.0, 5, 1),
    ],
    "sabo": [
        Spec("Andel anhöriga som fått månadsvis resultatinformation", "%", HIGHER, 0, False, 70,
             15, 4.0, 6),
        Spec("Andel boende som erbjudits utevistelse varje vecka", "%", HIGHER, 0, True, 74, 10,
             1.5, 5, 2, 0.68),
        Spec("Antal avvikelser i läkemedelshanteringen per månad", "antal", LOWER, 1, False, 3.2,
             1.2, 0.1, 0.8),
    ],
    "hemtjanst": [
        Spec("Andel brukare som fått besök av sin kontaktperson varje vecka", "%", HIGHER, 0, True,
             72, 10, 1.5, 5, 1, 0.65),
        Spec("Andel besök som påbörjats inom 15 minuter från planerad tid", "%", HIGHER, 0, True,
             88, 5, 0.5, 2.5, 0.5, 0.65),
        Spec("Antal missade besök per 1 000 besök", "antal", LOWER, 1, True, 2.4, 0.9, 0.1, 0.6,
             0.2, 0.65),
    ],
    "ifo_barn": [
        Spec("Andel barn som fått träffa sin socialsekreterare enskilt", "%", HIGHER, 0, True, 76,
             9, 1.2, 4, -2),
        Spec("Antal dagar från anmälan till beslut om förhandsbedömning", "dagar", LOWER, 1, True,
             11, 3, 0.3, 1.5, 0.4),
        Spec("Andel placerade barn med aktuell vårdplan", "%", HIGHER, 0, True, 83, 7, 1.0, 3, 0.5),
    ],
    "ifo_vuxen": [
        Spec("Andel sökande som fått ett första möte inom tio dagar", "%", HIGHER, 0, True, 79, 8,
             1.0, 4, 1, 0.45),
        Spec("Andel klienter med planering för egen försörjning", "%", HIGHER, 0, True, 71, 9, 1.2,
             4, 3, 0.45),
        Spec("Handläggningstid för nybesök", "dagar", LOWER, 1, True, 14, 4, 0.3, 2, -0.5, 0.45),
    ],
    "boendestod": [
        Spec("Andel brukare med fast kontaktperson", "%", HIGHER, 0, True, 88, 6, 0.6, 3, 0.5),
        Spec("Andel planerade besök som genomförts", "%", HIGHER, 0, True, 91, 4, 0.4, 2, 0.5),
        Spec("Andel brukare som varit med och följt upp sin plan", "%", HIGHER, 0, True, 69, 10,
             1.5, 5, 2),
    ],
    "sysselsattning": [
        Spec("Andel deltagare som kommer regelbundet", "%", HIGHER, 0, True, 68, 9, 0.8, 4, 2,
             0.45),
        Spec("Antal gruppaktiviteter per vecka", "antal", HIGHER, 0, False, 12, 3, 0.3, 1.5),
        Spec("Andel deltagare som gått vidare till arbete eller studier", "%", HIGHER, 0, True, 9,
             4, 0.3, 2, -1, 0.45),
    ],
    "fritidsgard": [
        Spec("Andel besökare som deltagit i en organiserad aktivitet", "%", HIGHER, 0, True, 55, 10,
             1.0, 5, 4, 0.35),
        Spec("Antal öppetkvällar per vecka", "antal", HIGHER, 1, False, 4.2, 0.8, 0.05, 0.3),
        Spec("Andel besökare som varit med och planerat verksamheten", "%", HIGHER, 0, True, 28, 8,
             1.0, 4, 3, 0.35),
    ],
    "parklek": [
        Spec("Andel öppetdagar med ledd aktivitet", "%", HIGHER, 0, False, 90, 5, 0.3, 3),
        Spec("Antal besökande barn per dag", "antal", HIGHER, 0, True, 38, 12, 1.0, 6, -2),
        Spec("Andel barn som upplever parkleken som trygg", "%", HIGHER, 0, True, 91, 4, 0.2, 2,
             -1),
    ],
}
# fmt: on
