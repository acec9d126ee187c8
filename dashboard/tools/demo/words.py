"""The demo's Swedish words for activities and assessments, and the constants of its flaws."""

from __future__ import annotations

from dashboard.domain.model import (
    Gender,
    Status,
)

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
        (
            "Varje boende får en fallriskbedömning inom en vecka och åtgärderna följs upp på "
            "teamträffar."
        ),
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
