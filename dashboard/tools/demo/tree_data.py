"""The demo city's organisation and goal tree, as tables (målnedbrytning after the seeds)."""

from __future__ import annotations

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
    ("KF1.3", "IM1", ("1.3 I Stockholm når barn sin fulla potential då Stockholms skolor och "
                      "förskolor är de bästa i Sverige")),
    ("KF1.4", "IM1", "1.4 I Stockholm växer barn och unga upp under trygga förhållanden"),
    ("KF1.5", "IM1", ("1.5 I Stockholm har äldre en tillvaro som präglas av hög livskvalitet, "
                      "trygghet och självbestämmande")),
    ("KF1.6", "IM1", ("1.6 I Stockholm har personer med funktionsnedsättning ett självständigt "
                      "liv med delaktighet i samhället")),
    ("KF2.1", "IM2", ("2.1 Stockholm är en trygg stad där invånarna känner sig trygga i sitt "
                      "närområde")),
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
# fmt: on
