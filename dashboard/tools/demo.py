"""A deterministic demo municipality in Swedish, as a `Dataset`.

Three stadsdelsnämnder of "Stockholms stad (demo)" over five years: the goal tree from
inriktningsmål down to enheternas åtaganden, KF, nämnd and enhet indicators with årsmål,
outcomes and forecasts per kvinnor/män, activities with tertial follow-up, and the nämndernas
own assessments. The goal texts follow the seeds (shared/seeds, ILS in Stockholm).

Deliberately realistic flaws, so the control room has something to show (DOMAIN.md, the
auditors' findings): forecasts are slightly optimistic on average, some assessments are
clearly more positive than the numbers, a few values are missing, suppressed or only a
forecast, and some activities are late or past their end date.

Everything comes from one `random.Random(seed)`. The tables at the top are also the material
of the Stockholm-scale benchmark (`dashboard/tools/scale.py`), which shares the builders below.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from typing import NamedTuple, TypeVar

from dashboard.domain import rules
from dashboard.domain.dataset import (
    ActivityRow,
    ActivityUpdateRow,
    AssessmentRow,
    Dataset,
    GoalIndicatorRow,
    GoalRow,
    IndicatorRow,
    MeasurementRow,
    OrgRow,
    TargetRow,
)
from dashboard.domain.model import (
    TERTIAL_PERIODS,
    ActivityStatus,
    Direction,
    Gender,
    GoalLevel,
    OrgLevel,
    Reading,
    Status,
    Target,
    ValueStatus,
    period_end,
)

HIGHER, LOWER = Direction.HIGHER, Direction.LOWER

# ---------------------------------------------------------------------------------------------
# The organisation
# ---------------------------------------------------------------------------------------------

CITY = ("STAD", "Stockholms stad (demo)")

# Department key → name. A department's code is "<nämnd>-<key>", e.g. "SKA-AO".
DEPARTMENTS = {
    "FSK": "Avdelningen för förskola",
    "AO": "Avdelningen för äldreomsorg",
    "IFO": "Avdelningen för individ- och familjeomsorg",
    "SOP": "Avdelningen för socialpsykiatri",
    "FRI": "Avdelningen för kultur och fritid",
}

# Unit kind → (its department key, the KF goal its work serves).
UNIT_KINDS = {
    "forskola": ("FSK", "KF1.3"),
    "sabo": ("AO", "KF1.5"),  # särskilt boende: vård- och omsorgsboende
    "hemtjanst": ("AO", "KF1.5"),
    "ifo_barn": ("IFO", "KF1.4"),
    "ifo_vuxen": ("IFO", "KF1.2"),
    "boendestod": ("SOP", "KF1.6"),
    "sysselsattning": ("SOP", "KF1.6"),
    "fritidsgard": ("FRI", "KF2.1"),
    "parklek": ("FRI", "KF2.1"),
}
ALL_KINDS = tuple(UNIT_KINDS)

# fmt: off
# (code, district, nämnd, [(department key, [(unit kind, unit name), ...]), ...])
DEMO_COMMITTEES = [
    ("SKA", "Skarpnäck", "Skarpnäcks stadsdelsnämnd", [
        ("FSK", [("forskola", "Förskolan Solrosen"), ("forskola", "Förskolan Blåklinten"),
                 ("forskola", "Förskolan Ekorren")]),
        ("AO", [("sabo", "Vård- och omsorgsboendet Lindgården"),
                ("hemtjanst", "Hemtjänst Skarpnäck"), ("hemtjanst", "Hemtjänst Bagarmossen")]),
        ("IFO", [("ifo_barn", "Barn och unga Skarpnäck"),
                 ("ifo_vuxen", "Ekonomiskt bistånd Skarpnäck")]),
    ]),
    ("KUN", "Kungsholmen", "Kungsholmens stadsdelsnämnd", [
        ("FSK", [("forskola", "Förskolan Fyren"), ("forskola", "Förskolan Kastanjen")]),
        ("AO", [("sabo", "Vård- och omsorgsboendet Kungsklippan"),
                ("sabo", "Vård- och omsorgsboendet Rålambshov"),
                ("hemtjanst", "Hemtjänst Kungsholmen")]),
        ("SOP", [("boendestod", "Boendestöd Kungsholmen"),
                 ("sysselsattning", "Träffpunkt Fridhem")]),
    ]),
    ("SPT", "Spånga-Tensta", "Spånga-Tensta stadsdelsnämnd", [
        ("FSK", [("forskola", "Förskolan Regnbågen"), ("forskola", "Förskolan Tallkotten"),
                 ("forskola", "Förskolan Lärkan")]),
        ("AO", [("hemtjanst", "Hemtjänst Spånga-Tensta"),
                ("sabo", "Vård- och omsorgsboendet Tenstagården")]),
        ("FRI", [("fritidsgard", "Fritidsgården Tensta"), ("parklek", "Parkleken Spånga")]),
    ]),
]

# ---------------------------------------------------------------------------------------------
# The goal tree (målnedbrytning)
# ---------------------------------------------------------------------------------------------

DIRECTION_GOALS = [
    ("IM1", "En modern storstad med möjlighet och valfrihet för alla"),
    ("IM2", "En trygg och hållbar storstad där alla kan leva ett gott liv"),
    ("IM3", "En ekonomiskt hållbar storstad"),
]

# (code, inriktningsmål, title): KF:s mål för verksamhetsområdet, numbered as in the budget.
COUNCIL_GOALS = [
    ("KF1.2", "IM1", "1.2 I Stockholm har alla möjlighet till egen försörjning"),
    ("KF1.3", "IM1", "1.3 I Stockholm når barn sin fulla potential då Stockholms skolor och "
                     "förskolor är de bästa i Sverige"),
    ("KF1.4", "IM1", "1.4 I Stockholm växer barn och unga upp under trygga förhållanden"),
    ("KF1.5", "IM1", "1.5 I Stockholm har äldre en tillvaro som präglas av hög livskvalitet, "
                     "trygghet och självbestämmande"),
    ("KF1.6", "IM1", "1.6 I Stockholm har personer med funktionsnedsättning ett självständigt "
                     "liv med delaktighet i samhället"),
    ("KF2.1", "IM2", "2.1 Stockholm är en trygg stad där invånarna känner sig trygga i sitt "
                     "närområde"),
    ("KF3.1", "IM3", "3.1 Stockholms stad har en effektiv verksamhet och en budget i balans"),
    ("KF3.2", "IM3", "3.2 Stockholms stad är en attraktiv arbetsgivare"),
]

# Unit kind → nämndmål variants, each with the åtaganden its units commit to. The n:th nämnd
# takes variant n (cyclically) and its units take the åtaganden in turn.
COMMITTEE_GOALS = {
    "forskola": [
        ("Förskolan ger varje barn en trygg och lärorik miljö", [
            "Vi åtar oss att varje barn har en utvecklingsplan som följs upp varje termin",
            "Vi åtar oss att arbeta med språkutvecklande arbetssätt i alla barngrupper",
        ]),
        ("Fler barn möter legitimerade förskollärare", [
            "Vi åtar oss att varje barngrupp har minst en legitimerad förskollärare",
            "Vi åtar oss att erbjuda barnskötare handledning av förskollärare varje vecka",
        ]),
    ],
    "sabo": [
        ("Förbättrad uppföljningsdialog med de anhöriga", [
            "Vi åtar oss att månadsvis presentera våra resultat för de anhöriga",
            "Vi åtar oss att erbjuda alla anhöriga ett uppföljningssamtal varje halvår",
        ]),
        ("Äldre på vård- och omsorgsboende har en trygg och meningsfull vardag", [
            "Vi åtar oss att erbjuda varje boende minst en aktivitet om dagen",
            "Vi åtar oss att göra en fallriskbedömning för varje boende inom en vecka",
        ]),
    ],
    "hemtjanst": [
        ("Äldre får hemtjänst med hög kontinuitet", [
            "Vi åtar oss att varje brukare har en fast kontaktperson",
            "Vi åtar oss att samma personal i möjligaste mån besöker samma brukare",
        ]),
        ("Äldre i ordinärt boende känner sig trygga med hemtjänsten", [
            "Vi åtar oss att alltid meddela brukaren när ett besök blir försenat",
            "Vi åtar oss att följa upp varje brukares genomförandeplan var sjätte månad",
        ]),
    ],
    "ifo_barn": [
        ("Barn och unga som behöver stöd får det i tid", [
            "Vi åtar oss att slutföra utredningar inom lagstadgad tid",
        ]),
        ("Färre barn och unga behöver återkomma till socialtjänsten", [
            "Vi åtar oss att följa upp varje avslutad insats efter sex månader",
        ]),
    ],
    "ifo_vuxen": [
        ("Fler personer med ekonomiskt bistånd går vidare till arbete eller studier", [
            "Vi åtar oss att alla arbetsföra sökande har en planering för egen försörjning",
        ]),
        ("Ekonomiskt bistånd handläggs snabbt och rättssäkert", [
            "Vi åtar oss att erbjuda ett första möte inom tio dagar",
        ]),
    ],
    "boendestod": [
        ("Boendestödet stärker brukarnas självständighet", [
            "Vi åtar oss att varje brukare har en fast kontaktperson och en aktuell plan",
        ]),
        ("Personer med psykisk funktionsnedsättning är delaktiga i sitt stöd", [
            "Vi åtar oss att planera stödet tillsammans med brukaren",
        ]),
    ],
    "sysselsattning": [
        ("Personer med psykisk funktionsnedsättning har en meningsfull sysselsättning", [
            "Vi åtar oss att erbjuda aktiviteter som deltagarna själva har varit med och valt",
        ]),
        ("Fler deltagare tar steget vidare till arbete eller studier", [
            "Vi åtar oss att varje deltagare har en individuell plan för sin sysselsättning",
        ]),
    ],
    "fritidsgard": [
        ("Unga har trygga och meningsfulla mötesplatser", [
            "Vi åtar oss att ha minst två vuxna i tjänst varje öppetkväll",
        ]),
        ("Fler flickor tar del av fritidsverksamheten", [
            "Vi åtar oss att erbjuda aktiviteter som flickor har varit med och planerat",
        ]),
    ],
    "parklek": [
        ("Barn har trygga och utvecklande lekmiljöer", [
            "Vi åtar oss att erbjuda en ledd aktivitet varje öppetdag",
        ]),
        ("Parklekarna är öppna och välkomnande för alla barn", [
            "Vi åtar oss att samarbeta med förskolorna i området om besök",
        ]),
    ],
}

# Nämndmål that every nämnd sets, under KF goals not tied to a kind of unit:
# (KF goal, KF indicators of which the first the nämnd measures leads the goal, titles).
WIDE_GOALS = [
    ("KF2.1", ("KF29",), [
        "Invånarna känner sig trygga i sin stadsdel",
        "Tryggheten i stadsdelens offentliga miljöer ökar",
    ]),
    ("KF3.1", ("KF19", "KF11"), [
        "Nämnden bedriver en effektiv verksamhet inom budget",
        "Resurserna används där de gör mest nytta för invånarna",
    ]),
    ("KF3.2", ("KF01",), [
        "Medarbetarna har en god arbetsmiljö och låg sjukfrånvaro",
        "Nämnden är en attraktiv arbetsgivare som behåller sin personal",
    ]),
]

# The enhetsmål a department holds and pushes down to all its units.
DEPARTMENT_COMMITMENTS = {
    "FSK": "Vi åtar oss att alla förskolor följer upp vårdnadshavarenkäten med en handlingsplan",
    "AO": "Vi åtar oss att alla enheter redovisar brukarundersökningen på arbetsplatsträffar",
    "IFO": "Vi åtar oss att följa upp handläggningstiderna i varje ärendedragning",
    "SOP": "Vi åtar oss att brukarråd hålls minst två gånger per termin",
    "FRI": "Vi åtar oss att verksamheterna planeras tillsammans med barn och unga",
}

# ---------------------------------------------------------------------------------------------
# Indicators
# ---------------------------------------------------------------------------------------------


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

# ---------------------------------------------------------------------------------------------
# Words for activities and assessments, per theme (a unit kind, or a KF goal for wide goals)
# ---------------------------------------------------------------------------------------------

ACTIVITY_TITLES = {
    "forskola": [
        "Kompetensutveckling i språkutvecklande arbetssätt",
        "Införa digital pedagogisk dokumentation",
        "Följa upp vårdnadshavarenkäten på föräldramöten",
        "Rekrytera och behålla legitimerade förskollärare",
    ],
    "sabo": [
        "Införa ett månatligt anhörigbrev med enhetens resultat",
        "Starta ett anhörigråd",
        "Utbilda all personal i fallprevention",
        "Utveckla utbudet av dagliga aktiviteter",
    ],
    "hemtjanst": [
        "Minska antalet personal per brukare genom mindre planeringsområden",
        "Införa fasta kontaktpersoner för alla brukare",
        "Följa upp brukarundersökningen i arbetsgrupperna",
        "Se över planeringen av kvällsinsatser",
    ],
    "ifo_barn": [
        "Ärendegenomgång varje vecka för att korta utredningstiderna",
        "Utveckla samverkan med skola, socialtjänst och polis",
        "Utbilda handläggarna i samtal med barn",
    ],
    "ifo_vuxen": [
        "Utveckla samarbetet med jobbtorget",
        "Införa digital ansökan om ekonomiskt bistånd",
        "Kartlägga långvarigt biståndsmottagande",
    ],
    "boendestod": [
        "Ta fram gemensam mall för genomförandeplaner",
        "Utbilda personalen i återhämtningsinriktat arbete",
    ],
    "sysselsattning": [
        "Starta en ny arbetsträningsgrupp",
        "Genomföra deltagarenkät och återkoppla",
    ],
    "fritidsgard": ["Starta tjejkvällar varje vecka", "Genomföra trygghetsenkät bland besökarna"],
    "parklek": [
        "Utveckla sommarprogrammet tillsammans med barnen",
        "Se över lekutrustningens säkerhet",
    ],
    "KF2.1": [
        "Genomföra trygghetsvandringar med boende och polis",
        "Förbättra belysningen i parker och gångtunnlar",
    ],
    "KF3.1": ["Månatlig budgetuppföljning med alla enhetschefer", "Se över lokalkostnaderna"],
    "KF3.2": [
        "Genomföra hälsofrämjande insatser på alla arbetsplatser",
        "Införa heltid som norm",
        "Ta fram handlingsplaner efter medarbetarenkäten",
    ],
}

MEASURES = {
    "forskola": [
        "Riktad rekrytering av legitimerade förskollärare och kompetensutveckling för barnskötare.",
        "Förskolorna tar fram handlingsplaner utifrån vårdnadshavarenkäten.",
    ],
    "sabo": [
        "Varje boende får en fallriskbedömning inom en vecka och åtgärderna följs upp på "
        "teamträffar.",
        "Anhörigträffar varje månad där enhetens resultat redovisas.",
    ],
    "hemtjanst": [
        "Planeringsområdena görs mindre så att färre personal besöker varje brukare.",
        "Kontaktmannaskapet förtydligas och följs upp på varje arbetsplatsträff.",
    ],
    "ifo_barn": [
        "Ärendegenomgång varje vecka för att korta utredningstiderna.",
        "Utökad samverkan med skola och polis kring unga i riskzon.",
    ],
    "ifo_vuxen": [
        "Fler sökande remitteras till jobbtorget inom en månad.",
        "Planeringen för egen försörjning följs upp varje kvartal.",
    ],
    "boendestod": ["Fasta kontaktpersoner för alla brukare och uppföljning av planerna."],
    "sysselsattning": ["Deltagarna får vara med och välja aktiviteter inför varje termin."],
    "fritidsgard": ["Fler vuxna i verksamheten kvällstid och riktade aktiviteter för flickor."],
    "parklek": ["Fler ledda aktiviteter och samarbete med förskolorna i området."],
    "KF2.1": [
        "Fortsatta trygghetsvandringar med polis och bostadsbolag.",
        "Bättre belysning och röjning av buskage i utsatta områden.",
    ],
    "KF3.1": [
        "Månatlig budgetuppföljning med samtliga enhetschefer.",
        "Översyn av bemanning och lokalkostnader.",
    ],
    "KF3.2": [
        "Tidiga rehabiliteringsinsatser och uppföljning av korttidsfrånvaro.",
        "Handlingsplaner efter medarbetarenkäten på varje arbetsplats.",
    ],
}

# The opening sentence of an assessment: (status, is_forecast) → text.
STATUS_SENTENCES = {
    (Status.MET, False): "Målet är uppfyllt.",
    (Status.MET, True): "Målet bedöms bli uppfyllt vid årets slut.",
    (Status.PARTLY_MET, False): "Målet är delvis uppfyllt.",
    (Status.PARTLY_MET, True): "Målet bedöms bli delvis uppfyllt vid årets slut.",
    (Status.NOT_MET, False): "Målet är inte uppfyllt.",
    (Status.NOT_MET, True): "Målet bedöms inte bli uppfyllt vid årets slut.",
}
EXPLANATIONS = {
    Status.MET: [
        "Förflyttningen jämfört med samma period föregående år visar att arbetssätten ger effekt.",
        "Resultaten ligger stabilt på eller över årsmålen.",
    ],
    Status.PARTLY_MET: [
        "Resultaten har förbättrats men når inte årsmålen fullt ut.",
        "Utvecklingen är positiv inom flera områden men varierar mellan enheterna.",
    ],
    Status.NOT_MET: [
        "Resultaten har försämrats, bland annat på grund av vakanser och hög personalomsättning.",
        "Flera enheter har haft svårt att rekrytera, vilket har påverkat kvaliteten.",
    ],
}
# What an assessment says when it is more positive than the numbers ("hellre positiva än
# realistiska", revisionsrapport 7/2022).
SPIN = [
    "Flera aktiviteter har startat och bedöms ge effekt under hösten.",
    "Förvaltningen bedömer att resultaten förbättras när de nya rutinerna fått genomslag.",
    "Resultatet bygger på få svarande och bedöms inte spegla verksamheten som helhet.",
    "Arbetet pågår enligt plan och målet bedöms därför som uppfyllt.",
]

DELAY_REASONS = [
    "Försenad på grund av vakanser; ny tidplan tas fram.",
    "Försenad då upphandlingen dragit ut på tiden.",
    "Har fått stå tillbaka för bemanningen under sommaren.",
    "Försenad på grund av hög sjukfrånvaro i arbetsgruppen.",
]
NOT_STARTED_REASONS = [
    "Ej påbörjad: ansvarig chef har slutat och rekrytering pågår.",
    "Ej påbörjad i väntan på stadsövergripande riktlinjer.",
]
CANCEL_REASONS = [
    "Inställd: ersätts av en stadsövergripande satsning.",
    "Inställd efter omprioritering i nämndens budget.",
]

# fmt: off
FIRST_NAMES = ["Anna", "Erik", "Fatima", "Mohammed", "Sara", "Johan", "Maria", "Ali", "Karin",
               "Lars", "Elin", "Ahmed", "Sofia", "Mikael", "Leila", "Peter", "Emma", "Daniel",
               "Hanna", "Yusuf", "Ingrid", "Omar", "Linnea", "Per"]
LAST_NAMES = ["Lind", "Holm", "Nilsson", "Andersson", "Johansson", "Karlsson", "Berg", "Lindqvist",
              "Ekström", "Hassan", "Ali", "Svensson", "Öberg", "Sandberg", "Nyström", "Eriksson",
              "Larsson", "Persson", "Wikström", "Lundgren", "Yilmaz", "Abdi"]
# fmt: on
# Who answers for a wide nämndmål's activities.
WIDE_ROLES = {"KF2.1": "Trygghetssamordnare", "KF3.1": "Ekonomichef", "KF3.2": "HR-chef"}

# How forecasts err: in the better direction by this many noise units at T1 (less at T2), so
# that about two forecasts in three turn out better than the outcome.
OPTIMISM = 0.3
GENDERS = (Gender.TOTAL, Gender.WOMEN, Gender.MEN)
TOTAL_ONLY = (Gender.TOTAL,)
NO_VALUES: tuple[None, None, None] = (None, None, None)
MISSING_COMMENT = "Uppgift saknas: enheten har inte rapporterat."
FORECAST_ONLY_COMMENT = "Utfall saknas för perioden; endast prognos."
ANNUAL_COMMENT = "Mäts en gång per år; endast prognos under året."
SUPPRESSED_COMMENT = "Skyddad uppgift: färre än fem personer."

# ---------------------------------------------------------------------------------------------
# The demo
# ---------------------------------------------------------------------------------------------


def demo_dataset(seed: int = 2026, last_year: int = 2026, last_period: str = "T2") -> Dataset:
    """The demo municipality over the five years up to `last_period` of `last_year`."""
    if last_period not in TERTIAL_PERIODS:
        raise ValueError(f"last_period must be one of {TERTIAL_PERIODS}, got {last_period!r}")
    rng = random.Random(seed)
    first_year = last_year - 4
    org = build_organisation(CITY, DEMO_COMMITTEES)
    goals = build_goals(org, first_year, last_year)
    plan = plan_indicators(org, goals, wide_per_committee=1, own_count=_first_unit_gets_one)
    periods = reporting_periods(first_year, last_year, last_period)
    gaps, suppressed = choose_gaps(rng, plan, org, periods)
    # One year before the first makes "last year's outcome" exist for the first årsmål.
    blocks = simulate_plan(rng, plan, first_year - 1, last_year, gaps)
    spec_of = {p.row.code: p.spec for p in plan}
    measurements = [
        row
        for (code, org_code), block in blocks.items()
        for row in measurement_rows(
            code, org_code, spec_of[code], block, periods, suppressed.get((code, org_code), ())
        )
    ]
    targets = build_targets(rng, plan, blocks, org, range(first_year, last_year + 1))
    links = link_goals(org, goals, plan)
    activities, updates = build_activities(
        rng, org, goals, periods, per_goal={GoalLevel.COMMITTEE: 2, GoalLevel.UNIT: 1}
    )
    assessments = build_assessments(rng, goals, links, spec_of, blocks, targets, periods)
    return Dataset(
        org_units=org.rows,
        goals=goals.rows,
        indicators=[p.row for p in plan],
        goal_indicators=links,
        targets=targets,
        measurements=measurements,
        activities=activities,
        activity_updates=updates,
        assessments=assessments,
    )


def _first_unit_gets_one(unit: Unit) -> int:
    """In the demo, the first unit of each department has one indicator of its own."""
    return 1 if unit.index == 0 else 0


# ---------------------------------------------------------------------------------------------
# Organisation and goals
# ---------------------------------------------------------------------------------------------


class Unit(NamedTuple):
    code: str
    kind: str
    department: str  # department code, e.g. "SKA-AO"
    committee: str  # nämnd code, e.g. "SKA"
    index: int  # position within the department, from 0


class Organisation(NamedTuple):
    """The organisation tree, with the lookups the builders need."""

    rows: list[OrgRow]
    committees: list[str]  # nämnd codes in order
    departments: dict[str, list[str]]  # nämnd code → its department codes
    units: dict[str, list[Unit]]  # department code → its units
    level: dict[str, OrgLevel]  # any code → its level
    parent: dict[str, str | None]  # any code → its parent's code

    def all_units(self) -> list[Unit]:
        """Every unit, nämnd by nämnd and department by department."""
        return [u for c in self.committees for d in self.departments[c] for u in self.units[d]]

    def kinds(self, committee: str) -> list[str]:
        """The unit kinds a nämnd has, in the order of UNIT_KINDS."""
        present = {u.kind for d in self.departments[committee] for u in self.units[d]}
        return [k for k in ALL_KINDS if k in present]

    def department_for(self, committee: str, kind: str) -> str:
        """The nämnd's department that runs units of a kind."""
        return next(d for d in self.departments[committee] if _key(d) == UNIT_KINDS[kind][0])


def _key(department_code: str) -> str:
    """A department's key, e.g. "AO" for "SKA-AO"."""
    return department_code.rsplit("-", 1)[1]


def build_organisation(
    city: tuple[str, str],
    committees: Sequence[tuple[str, str, str, Sequence[tuple[str, Sequence[tuple[str, str]]]]]],
) -> Organisation:
    """The organisation tree from a table of nämnder, departments and (kind, name) units."""
    city_code, city_name = city
    org = Organisation([OrgRow(city_code, city_name, OrgLevel.CITY, None)], [], {}, {}, {}, {})
    for code, district, name, departments in committees:
        org.rows.append(OrgRow(code, name, OrgLevel.COMMITTEE, city_code))
        org.committees.append(code)
        org.departments[code] = []
        for key, units in departments:
            dept = f"{code}-{key}"
            org.rows.append(
                OrgRow(dept, f"{DEPARTMENTS[key]}, {district}", OrgLevel.DEPARTMENT, code)
            )
            org.departments[code].append(dept)
            org.units[dept] = []
            for index, (kind, unit_name) in enumerate(units):
                unit = Unit(f"{dept}-{index + 1:02d}", kind, dept, code, index)
                org.rows.append(OrgRow(unit.code, unit_name, OrgLevel.UNIT, dept))
                org.units[dept].append(unit)
    for row in org.rows:
        org.level[row.code] = row.level
        org.parent[row.code] = row.parent_code
    return org


class GoalPlan(NamedTuple):
    """The goal rows and how the builders find them."""

    rows: list[GoalRow]
    theme: dict[str, str]  # goal code → unit kind or KF goal: picks words for activities etc.
    committee_goal: dict[tuple[str, str], str]  # (nämnd, kind or KF goal) → nämndmål code
    own_goal: dict[str, str]  # department or unit code → its enhetsmål code


def build_goals(org: Organisation, first_year: int, last_year: int) -> GoalPlan:
    """The goal tree: KF's goals, each nämnd's nämndmål, each department's and unit's åtagande."""
    city = org.rows[0].code
    plan = GoalPlan([], {}, {}, {})
    for code, title in DIRECTION_GOALS:
        plan.rows.append(GoalRow(code, title, GoalLevel.DIRECTION, city, None, first_year))
    for code, parent, title in COUNCIL_GOALS:
        kinds = [k for k, (_, goal) in UNIT_KINDS.items() if goal == code]
        _add_goal(
            plan,
            GoalRow(code, title, GoalLevel.COUNCIL, city, parent, first_year),
            kinds[0] if kinds else code,
        )

    for number, committee in enumerate(org.committees):
        commitments, chosen = {}, []  # chosen: (theme, KF goal, title)
        for kind in org.kinds(committee):
            title, commitments[kind] = _pick(COMMITTEE_GOALS[kind], number)
            chosen.append((kind, UNIT_KINDS[kind][1], title))
        chosen += [(goal, goal, _pick(titles, number)) for goal, _, titles in WIDE_GOALS]
        numbers: Counter[str] = Counter()
        for theme, council_goal, title in chosen:
            numbers[council_goal] += 1  # nämndmål 1.5.1, 1.5.2, ... under KF goal 1.5
            code = f"{committee}-{council_goal[2:]}.{numbers[council_goal]}"
            row = GoalRow(
                code, title, GoalLevel.COMMITTEE, committee, council_goal, first_year, last_year
            )
            _add_goal(plan, row, theme)
            plan.committee_goal[committee, theme] = code

        for dept in org.departments[committee]:
            kind = next(k for k in org.kinds(committee) if UNIT_KINDS[k][0] == _key(dept))
            row = GoalRow(
                f"{dept}-E1",
                DEPARTMENT_COMMITMENTS[_key(dept)],
                GoalLevel.UNIT,
                dept,
                plan.committee_goal[committee, kind],
                first_year,
                last_year,
            )
            _add_goal(plan, row, kind)
            for unit in org.units[dept]:
                same_kind = [u for u in org.units[dept] if u.kind == unit.kind]
                title = _pick(commitments[unit.kind], same_kind.index(unit))
                row = GoalRow(
                    f"{unit.code}-E1",
                    title,
                    GoalLevel.UNIT,
                    unit.code,
                    plan.committee_goal[committee, unit.kind],
                    first_year,
                    last_year,
                )
                _add_goal(plan, row, unit.kind)
    return plan


def _add_goal(plan: GoalPlan, row: GoalRow, theme: str) -> None:
    plan.rows.append(row)
    plan.theme[row.code] = theme
    if row.level is GoalLevel.UNIT:
        plan.own_goal[row.org_code] = row.code


T = TypeVar("T")


def _pick(items: Sequence[T], number: int) -> T:
    """The number:th item, cyclically: spreads variants over nämnder and units without chance."""
    return items[number % len(items)]


# ---------------------------------------------------------------------------------------------
# Indicators: where each is measured, as a tree of organisations
# ---------------------------------------------------------------------------------------------

# An organisation and the organisations below it that measure the indicator. A leaf gets its
# own numbers; a parent gets the mean of its children.
Node = tuple[str, tuple["Node", ...]]


class PlannedIndicator(NamedTuple):
    row: IndicatorRow
    spec: Spec
    tree: Node
    goals: tuple[tuple[str, float], ...]  # (goal code, weight)


def plan_indicators(
    org: Organisation,
    goals: GoalPlan,
    wide_per_committee: int,
    own_count: Callable[[Unit], int],
) -> list[PlannedIndicator]:
    """KF indicators, each nämnd's own and each unit's own, with where they are measured."""
    city = org.rows[0].code
    plan = []

    def add(code: str, spec: Spec, level: GoalLevel, tree: Node | None, serves: list) -> None:
        if tree is not None:  # None: no organisation measures it
            row = IndicatorRow(
                code,
                spec.name,
                spec.unit,
                spec.direction,
                spec.decimals,
                level,
                spec.gender_split,
                spec.kolada_kpi,
            )
            plan.append(PlannedIndicator(row, spec, tree, tuple(serves)))

    for kf in KF_INDICATORS:
        add(
            kf.code,
            kf.spec,
            GoalLevel.COUNCIL,
            _tree(org, city, org.committees, kf.kinds),
            [(goal, kf.weight) for goal in kf.goals],
        )

    for number, committee in enumerate(org.committees):
        codes = (f"{committee}-N{n:02d}" for n in range(1, 100))
        for k in range(wide_per_committee):
            council_goal, spec = _pick(COMMITTEE_WIDE_INDICATORS, number + k)
            tree = _tree(org, committee, org.departments[committee], ALL_KINDS)
            add(
                next(codes),
                spec,
                GoalLevel.COMMITTEE,
                tree,
                [(goals.committee_goal[committee, council_goal], 1.0)],
            )
        for dept in org.departments[committee]:
            kinds = {u.kind for u in org.units[dept]}
            tree = (committee, ((dept, tuple((u.code, ()) for u in org.units[dept])),))
            first_kind = next(k for k in ALL_KINDS if k in kinds)
            add(
                next(codes),
                _pick(DEPARTMENT_INDICATORS[_key(dept)], number),
                GoalLevel.COMMITTEE,
                tree,
                [(goals.committee_goal[committee, first_kind], 1.0), (goals.own_goal[dept], 1.0)],
            )
        council_goal, spec = _pick(COMMITTEE_LEVEL_INDICATORS, number)
        add(
            next(codes),
            spec,
            GoalLevel.COMMITTEE,
            (committee, ()),
            [(goals.committee_goal[committee, council_goal], 1.0)],
        )

    for unit in org.all_units():
        templates = OWN_INDICATORS[unit.kind]
        start = org.committees.index(unit.committee)
        for k in range(own_count(unit)):
            add(
                f"{unit.code}-I{k + 1}",
                _pick(templates, start + k),
                GoalLevel.UNIT,
                (unit.code, ()),
                [(goals.own_goal[unit.code], 1.0)],
            )
    return plan


def _tree(org: Organisation, root: str, parts: Sequence[str], kinds: Sequence[str]) -> Node | None:
    """The measuring tree under `root`: `parts` (nämnder or departments) down to units of `kinds`.

    With no kinds, the parts themselves are the leaves (e.g. nämnder measuring their population).
    None when no unit of those kinds exists.
    """
    if not kinds:
        return (root, tuple((p, ()) for p in parts))
    children = []
    for part in parts:
        if org.level[part] is OrgLevel.COMMITTEE:
            child = _tree(org, part, org.departments[part], kinds)
        else:
            leaves = tuple((u.code, ()) for u in org.units[part] if u.kind in kinds)
            child = (part, leaves) if leaves else None
        if child is not None:
            children.append(child)
    return (root, tuple(children)) if children else None


def tree_codes(node: Node) -> Iterator[tuple[str, bool]]:
    """(code, is_leaf) for every organisation in the tree, parents before their children."""
    code, children = node
    yield code, not children
    for child in children:
        yield from tree_codes(child)


def link_goals(
    org: Organisation, goals: GoalPlan, plan: Sequence[PlannedIndicator]
) -> list[GoalIndicatorRow]:
    """Goal–indicator links: each indicator's own goals, plus a leading KF indicator for nämndmål
    and for unit åtaganden that have no indicator of their own."""
    links = {(goal, p.row.code): weight for p in plan for goal, weight in p.goals}
    measured_by = {  # KF indicator → organisations, to find a wide goal's lead
        p.row.code: {code for code, _ in tree_codes(p.tree)}
        for p in plan
        if p.row.level is GoalLevel.COUNCIL
    }
    lead_of_kind = {  # the first KF indicator of the kind's own, not one every unit measures
        kind: next(kf.code for kf in KF_INDICATORS if kind in kf.kinds and kf.kinds != ALL_KINDS)
        for kind in ALL_KINDS
    }
    for (committee, theme), goal in goals.committee_goal.items():
        if theme in UNIT_KINDS:
            lead = lead_of_kind[theme]
        else:
            leads = next(codes for council_goal, codes, _ in WIDE_GOALS if council_goal == theme)
            lead = next((c for c in leads if committee in measured_by.get(c, ())), None)
        if lead is not None:
            links.setdefault((goal, lead), 1.0)
    followed = {goal for goal, _ in links}
    for unit in org.all_units():
        goal = goals.own_goal[unit.code]
        if goal not in followed:
            links[goal, lead_of_kind[unit.kind]] = 1.0
    return [GoalIndicatorRow(goal, code, weight) for (goal, code), weight in links.items()]


# ---------------------------------------------------------------------------------------------
# Numbers: outcomes and forecasts per organisation, year, period and gender
# ---------------------------------------------------------------------------------------------


Values = tuple[float | None, float | None, float | None]  # per gender: T, K, M


class Cell(NamedTuple):
    """One organisation's numbers for a year and period."""

    outcome: Values
    forecast: Values
    status: ValueStatus = ValueStatus.OK


Block = dict[tuple[int, str], Cell]  # (year, period) → Cell

# Per period: how far the period outcome strays from the year's (in noise units), and how
# unsure the full-year forecast is (0: no forecast, the year is over).
PERIOD_SHAPE = (("T1", 0.8, 1.0), ("T2", 0.5, 0.6), ("FY", 0.0, 0.0))


def reporting_periods(first_year: int, last_year: int, last_period: str) -> list[tuple[int, str]]:
    """(year, period) reported so far: every tertial of finished years, then up to last_period."""
    last = TERTIAL_PERIODS.index(last_period)
    return [
        (year, period)
        for year in range(first_year, last_year + 1)
        for i, period in enumerate(TERTIAL_PERIODS)
        if year < last_year or i <= last
    ]


def profile(rng: random.Random, spec: Spec) -> tuple[float, float, float]:
    """An organisation's own level, yearly trend and women-minus-men gap for an indicator."""
    level = rng.gauss(spec.level, spec.spread)
    trend = rng.gauss(spec.trend, abs(spec.trend) * 0.7 + 0.1 * spec.noise)
    gap = spec.gap * rng.uniform(0.5, 1.5)  # keeps the sign: K stays on one side of M
    return level, trend, gap


def simulate(rng: random.Random, spec: Spec, first_year: int, last_year: int) -> Block:
    """Invent one organisation's numbers for every year and tertial: trend, noise, and
    full-year forecasts at T1 and T2 that lean to the better side (OPTIMISM)."""
    sign = direction_sign(spec)
    level, trend, gap = profile(rng, spec)
    block = {}
    for year in range(first_year, last_year + 1):
        annual = level + sign * trend * (year - first_year) + rng.gauss(0.0, spec.noise)
        for period, stray, doubt in PERIOD_SHAPE:
            if not doubt:
                outcome, forecast = annual, None
            else:
                outcome = None if spec.annual else annual + rng.gauss(0.0, spec.noise * stray)
                hope = sign * OPTIMISM * doubt * spec.noise
                forecast = annual + hope + rng.gauss(0.0, spec.noise * doubt * 0.7)
            block[year, period] = Cell(split(spec, outcome, gap), split(spec, forecast, gap))
    return block


def split(spec: Spec, total: float | None, gap: float) -> Values:
    """(T, K, M) rounded and within bounds; T is the women-weighted mean, between K and M."""
    if total is None:
        return NO_VALUES
    low, high = bounds(spec.unit)
    if not spec.gender_split:
        return (round(min(max(total, low), high), spec.decimals), None, None)
    women = min(max(total + (1 - spec.women) * gap, low), high)
    men = min(max(total - spec.women * gap, low), high)
    mixed = spec.women * women + (1 - spec.women) * men
    return (round(mixed, spec.decimals), round(women, spec.decimals), round(men, spec.decimals))


def bounds(unit: str) -> tuple[float, float]:
    """The possible range of a value in a unit: shares and indexes stay within 0–100."""
    return (0.0, 100.0) if unit in ("%", "index") else (0.0, math.inf)


def direction_sign(spec: Spec) -> int:
    """+1 when higher is better, -1 when lower is."""
    return 1 if spec.direction is HIGHER else -1


def forecast_only(cell: Cell) -> Cell:
    """The cell with its outcome not reported: only the forecast remains."""
    return Cell(NO_VALUES, cell.forecast, ValueStatus.OK)


def missing(cell: Cell) -> Cell:
    """The cell not reported at all."""
    return Cell(NO_VALUES, NO_VALUES, ValueStatus.MISSING)


def mean_block(blocks: Sequence[Block], decimals: int) -> Block:
    """A parent's numbers: per slot, the rounded mean of its children's values that exist."""
    result = {}
    for key in blocks[0]:
        cells = [block[key] for block in blocks]
        status = (
            ValueStatus.MISSING
            if all(c.status is ValueStatus.MISSING for c in cells)
            else ValueStatus.OK
        )
        result[key] = Cell(
            tuple(_mean([c.outcome[i] for c in cells], decimals) for i in range(3)),
            tuple(_mean([c.forecast[i] for c in cells], decimals) for i in range(3)),
            status,
        )
    return result


def _mean(values: list[float | None], decimals: int) -> float | None:
    present = [v for v in values if v is not None]
    return round(sum(present) / len(present), decimals) if present else None


def rollup(
    node: Node, leaf_block: Callable[[str], Block], decimals: int
) -> Generator[tuple[str, Block], None, Block]:
    """Yield (code, block) for every organisation of the tree, children first; leaves get
    `leaf_block(code)`, parents the mean of their children."""
    code, children = node
    if children:
        child_blocks = []
        for child in children:
            child_blocks.append((yield from rollup(child, leaf_block, decimals)))
        block = mean_block(child_blocks, decimals)
    else:
        block = leaf_block(code)
    yield code, block
    return block


def measurement_rows(
    indicator_code: str,
    org_code: str,
    spec: Spec,
    block: Block,
    periods: Sequence[tuple[int, str]],
    suppressed: Sequence[tuple[int, str]] = (),
) -> Iterator[MeasurementRow]:
    """The rows of one organisation's block for the reported periods; in a suppressed period
    the K and M values are withheld (too few people), T is kept."""
    genders = GENDERS if spec.gender_split else TOTAL_ONLY
    for year, period in periods:
        outcome, forecast, status = block[year, period]
        comment = ""
        if status is ValueStatus.MISSING:
            comment = MISSING_COMMENT
        elif outcome[0] is None and forecast[0] is not None:
            comment = ANNUAL_COMMENT if spec.annual else FORECAST_ONLY_COMMENT
        hidden = (year, period) in suppressed
        for i, gender in enumerate(genders):
            if hidden and i:  # K/M hidden for confidentiality, the total kept
                values = (None, None, ValueStatus.SUPPRESSED, SUPPRESSED_COMMENT)
            else:
                values = (outcome[i], forecast[i], status, comment)
            yield MeasurementRow(indicator_code, org_code, year, period, gender, *values)


def choose_gaps(
    rng: random.Random,
    plan: Sequence[PlannedIndicator],
    org: Organisation,
    periods: Sequence[tuple[int, str]],
) -> tuple[
    dict[tuple[str, str], dict[tuple[int, str], Callable[[Cell], Cell]]],
    dict[tuple[str, str], list[tuple[int, str]]],
]:
    """The few unit values the demo lacks: 8 forecast-only and 6 missing (half of each in the
    latest period, so the first screen shows them), and 3 periods where a care home's K and M
    are suppressed."""
    leaves = [
        (p.row.code, code, p.spec)
        for p in plan
        if not p.spec.annual
        for code, is_leaf in tree_codes(p.tree)
        if is_leaf and org.level[code] is OrgLevel.UNIT
    ]
    in_year = [yp for yp in periods if yp[1] != "FY"]
    gaps: dict = {}
    for change, count, pool in ((forecast_only, 8, in_year), (missing, 6, periods)):
        chosen = 0
        while chosen < count:
            code, org_code, _ = rng.choice(leaves)
            when = pool[-1] if chosen < count // 2 else rng.choice(pool)
            cells = gaps.setdefault((code, org_code), {})
            if when not in cells:
                cells[when] = change
                chosen += 1
    sabo = {u.code for u in org.all_units() if u.kind == "sabo"}
    care_homes = [
        (code, org_code)
        for code, org_code, spec in leaves
        if spec.gender_split and org_code in sabo
    ]
    suppressed: dict = {}
    for _ in range(3):
        suppressed.setdefault(rng.choice(care_homes), []).append(rng.choice(periods))
    return gaps, suppressed


def simulate_plan(
    rng: random.Random,
    plan: Sequence[PlannedIndicator],
    first_year: int,
    last_year: int,
    gaps: Mapping[tuple[str, str], Mapping[tuple[int, str], Callable[[Cell], Cell]]],
) -> dict[tuple[str, str], Block]:
    """Every indicator's block for every organisation measuring it, parents as children's means."""
    blocks = {}
    for p in plan:

        def leaf(org_code: str, p: PlannedIndicator = p) -> Block:
            block = simulate(rng, p.spec, first_year, last_year)
            for when, change in gaps.get((p.row.code, org_code), {}).items():
                block[when] = change(block[when])
            return block

        for org_code, block in rollup(p.tree, leaf, p.spec.decimals):
            blocks[p.row.code, org_code] = block
    return blocks


# ---------------------------------------------------------------------------------------------
# Targets (årsmål)
# ---------------------------------------------------------------------------------------------


def aim(spec: Spec, previous: float) -> float:
    """An årsmål: the previous outcome moved a little in the better direction, never back."""
    return target_value(spec, previous + direction_sign(spec) * max(spec.trend, 0.0) * 0.6)


def target_value(spec: Spec, value: float) -> float:
    """A target rounded as people write them (kronor to the hundred) and within bounds."""
    low, high = bounds(spec.unit)
    value = min(max(value, low), high)
    return round(value, -2) if spec.unit == "kr" else round(value, spec.decimals)


def better(spec: Spec, a: float, b: float) -> float:
    """The better of two values by the indicator's direction."""
    return max(a, b) if spec.direction is HIGHER else min(a, b)


def partly_limit(spec: Spec, target: float) -> float | None:
    """The explicit start of the partly-met band, for indicators that set one."""
    return (
        None if spec.band is None else target_value(spec, target - direction_sign(spec) * spec.band)
    )


def build_targets(
    rng: random.Random,
    plan: Sequence[PlannedIndicator],
    blocks: Mapping[tuple[str, str], Block],
    org: Organisation,
    years: range,
) -> list[TargetRow]:
    """Årsmål per indicator, organisation and year, set from last year's outcome.

    KF sets its målvärde from the city's outcome. A nämnd takes the better of KF's målvärde and
    its own last outcome (in one case of ten just KF's, even when below its outcome); its
    departments follow it; a unit follows its department or aims higher from its own outcome.
    """
    rows = []
    for p in plan:
        spec, code = p.spec, p.row.code
        council = p.row.level is GoalLevel.COUNCIL
        set_to: dict[tuple[str, int], float] = {}
        for org_code, _ in tree_codes(p.tree):
            level = org.level[org_code]
            for year in years:
                previous = blocks[code, org_code][year - 1, "FY"].outcome[0]
                if previous is None:
                    previous = set_to.get((org_code, year - 1), spec.level)
                own = aim(spec, previous)
                above = set_to.get((org.parent[org_code] or "", year))
                if level is OrgLevel.COMMITTEE and council:
                    target = above if rng.random() < 0.1 else better(spec, above, own)
                elif level is OrgLevel.UNIT and above is not None and rng.random() < 0.3:
                    target = better(spec, above, own)
                else:
                    target = own if above is None else above
                set_to[org_code, year] = target
                rows.append(
                    TargetRow(
                        code,
                        org_code,
                        year,
                        target,
                        partly_limit(spec, target),
                        set_to[org.rows[0].code, year] if council else None,
                    )
                )
    return rows


# ---------------------------------------------------------------------------------------------
# Activities
# ---------------------------------------------------------------------------------------------

# How an activity's year goes, with weights: done in time, late, past its end date yet
# reported as ongoing, never started, or cancelled.
FATES = (("on_time", 66), ("late", 17), ("overdue", 7), ("stalled", 4), ("cancelled", 6))


def build_activities(
    rng: random.Random,
    org: Organisation,
    goals: GoalPlan,
    periods: Sequence[tuple[int, str]],
    per_goal: Mapping[GoalLevel, int],
) -> tuple[list[ActivityRow], list[ActivityUpdateRow]]:
    """Activities under nämndmål and enhetsmål each year, with a follow-up per reported tertial."""
    people: dict[tuple[str, str], str] = {}

    def person(org_code: str, role: str) -> str:
        if (org_code, role) not in people:
            people[org_code, role] = f"{role} {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        return people[org_code, role]

    activities, updates = [], []
    names, weights = zip(*FATES, strict=True)
    years = sorted({year for year, _ in periods})
    for goal in goals.rows:
        theme = goals.theme.get(goal.code)
        for year in years:
            reported = [p for y, p in periods if y == year]
            for k in range(per_goal.get(goal.level, 0)):
                owner, role = _activity_owner(org, goal, theme)
                if role == "Enhetschef" and rng.random() < 0.2:
                    role = "Samordnare"
                start = dt.date(year, 1, 10) + dt.timedelta(days=rng.randrange(0, 150))
                end = min(start + dt.timedelta(days=rng.randrange(60, 300)), dt.date(year, 12, 15))
                fate = rng.choices(names, weights)[0]
                reason = rng.choice(
                    {
                        "late": DELAY_REASONS,
                        "stalled": NOT_STARTED_REASONS,
                        "cancelled": CANCEL_REASONS,
                    }.get(fate, [""])
                )
                code = f"{goal.code}-A{year}-{k + 1}"
                status = ActivityStatus.NOT_STARTED
                for period in reported:
                    day = period_end(year, period)
                    status = activity_status(fate, start, end, day)
                    updates.append(
                        ActivityUpdateRow(
                            code,
                            year,
                            period,
                            status,
                            _update_comment(status, reason, start, end, day),
                        )
                    )
                activities.append(
                    ActivityRow(
                        code,
                        goal.code,
                        owner,
                        rng.choice(ACTIVITY_TITLES[theme]),
                        person(owner, role),
                        start,
                        end,
                        status,
                    )
                )
    return activities, updates


def _activity_owner(org: Organisation, goal: GoalRow, theme: str) -> tuple[str, str]:
    """Who runs an activity under a goal: (organisation code, role of the responsible)."""
    level = org.level[goal.org_code]
    if level is OrgLevel.UNIT:
        return goal.org_code, "Enhetschef"
    if level is OrgLevel.DEPARTMENT:
        return goal.org_code, "Avdelningschef"
    if theme in UNIT_KINDS:
        return org.department_for(goal.org_code, theme), "Avdelningschef"
    return goal.org_code, WIDE_ROLES[theme]


def activity_status(fate: str, start: dt.date, end: dt.date, day: dt.date) -> ActivityStatus:
    """An activity's reported status on a day, given how its year goes."""
    if fate == "cancelled" and day >= start:
        return ActivityStatus.CANCELLED
    if fate == "stalled" or day < start:
        return ActivityStatus.NOT_STARTED
    if day < end:
        halfway = start + (end - start) / 2
        return (
            ActivityStatus.DELAYED if fate == "late" and day >= halfway else ActivityStatus.ONGOING
        )
    return {"on_time": ActivityStatus.DONE, "late": ActivityStatus.DELAYED}.get(
        fate, ActivityStatus.ONGOING
    )


def _update_comment(
    status: ActivityStatus, reason: str, start: dt.date, end: dt.date, day: dt.date
) -> str:
    if status is ActivityStatus.DONE:
        return "Genomförd enligt plan."
    if status is ActivityStatus.ONGOING:
        return "Pågår." if day > end else "Pågår enligt plan."
    if status is ActivityStatus.NOT_STARTED and day < start:
        return f"Planerad start {start.isoformat()}."
    return reason


# ---------------------------------------------------------------------------------------------
# Assessments (målbedömning)
# ---------------------------------------------------------------------------------------------


def assessed_goals(goals: Sequence[GoalRow]) -> list[tuple[str, str]]:
    """(goal, organisation) pairs that are assessed: each nämnd its nämndmål and the KF goals
    above them, each department and unit its åtagande."""
    pairs = []
    for goal in goals:
        if goal.level is GoalLevel.COMMITTEE:
            pairs += [(goal.parent_code, goal.org_code), (goal.code, goal.org_code)]
        elif goal.level is GoalLevel.UNIT:
            pairs.append((goal.code, goal.org_code))
    return list(dict.fromkeys(pairs))


def build_assessments(
    rng: random.Random,
    goals: GoalPlan,
    links: Sequence[GoalIndicatorRow],
    spec_of: Mapping[str, Spec],
    blocks: Mapping[tuple[str, str], Block],
    targets: Sequence[TargetRow],
    periods: Sequence[tuple[int, str]],
) -> list[AssessmentRow]:
    """Each organisation's own assessment of its goals per period: the documented rule applied
    to its indicators (dashboard.domain.rules), then coloured as nämnder do (see `stated_status`)."""
    target_of = {(t.indicator_code, t.org_code, t.year): t for t in targets}
    indicators_of = defaultdict(list)
    for link in links:
        indicators_of[link.goal_code].append((link.indicator_code, link.weight))
    rows = []
    for goal, org_code in assessed_goals(goals.rows):
        for year, period in periods:
            parts, evidence = [], []
            for code, weight in indicators_of[goal]:
                block, target = blocks.get((code, org_code)), target_of.get((code, org_code, year))
                if block is None or target is None:
                    continue
                spec, cell = spec_of[code], block[year, period]
                reading = Reading(cell.outcome[0], cell.forecast[0], cell.status)
                result = rules.indicator_status(
                    spec.direction, Target(target.target, target.partly_limit), reading
                )
                parts.append(rules.indicator_part(spec.name, weight, result))
                if result.value is not None and len(evidence) < 2:
                    last_year = block.get((year - 1, period))
                    evidence.append(
                        describe(spec, result, last_year.outcome[0] if last_year else None)
                    )
            computed = rules.goal_fulfilment(parts).status
            rows.append(
                assessment_row(
                    rng,
                    goal,
                    org_code,
                    year,
                    period,
                    computed,
                    goals.theme[goal],
                    " ".join(evidence),
                )
            )
    return rows


def stated_status(rng: random.Random, computed: Status, is_forecast: bool) -> tuple[Status, bool]:
    """What an organisation says of its goal, and whether that is rosier than the numbers.

    Nämnder lean positive (auditors: "hellre positiva än realistiska"): one step up now and
    then, more often for a forecast; "met" against numbers that say not met in one case of
    five; and "met" or "partly met" where there is no data at all (auditors' finding 1).
    """
    if computed is Status.NO_DATA:
        return (Status.MET if rng.random() < 0.5 else Status.PARTLY_MET), True
    draw, step_up = rng.random(), 0.3 if is_forecast else 0.18
    if computed is Status.NOT_MET:
        if draw < 0.2:
            return Status.MET, True
        if draw < 0.2 + step_up:
            return Status.PARTLY_MET, True
    elif computed is Status.PARTLY_MET and draw < step_up:
        return Status.MET, True
    return computed, False


def assessment_row(
    rng: random.Random,
    goal: str,
    org_code: str,
    year: int,
    period: str,
    computed: Status,
    theme: str,
    evidence: str = "",
) -> AssessmentRow:
    """An assessment with Swedish analysis and measures, stated as `stated_status` colours it."""
    is_forecast = period != "FY"
    status, rosier = stated_status(rng, computed, is_forecast)
    why = rng.choice(SPIN if rosier else EXPLANATIONS[status])
    analysis = " ".join(
        part for part in (STATUS_SENTENCES[status, is_forecast], evidence, why) if part
    )
    measures = "" if status is Status.MET else rng.choice(MEASURES[theme])
    return AssessmentRow(goal, org_code, year, period, status, is_forecast, analysis, measures)


def describe(spec: Spec, result: rules.IndicatorResult, same_period_last_year: float | None) -> str:
    """One sentence of evidence, e.g. "Andel nöjda anhöriga: utfall 78 % mot årsmålet 82 %
    (samma period föregående år 75 %)."."""
    kind = "utfall" if result.outcome is not None else "prognos"
    text = f"{spec.name}: {kind} {fmt(spec, result.value)} mot årsmålet {fmt(spec, result.target)}"
    if same_period_last_year is not None:
        text += f" (samma period föregående år {fmt(spec, same_period_last_year)})"
    return text + "."


def fmt(spec: Spec, value: float) -> str:
    """A value the Swedish way: decimal comma, space between thousands, then the unit."""
    number = f"{value:,.{spec.decimals}f}".replace(",", " ").replace(".", ",")
    unit = {"%": " %", "kr": " kr", "dagar": " dagar"}.get(spec.unit, "")
    return number + unit
