"""Exempelkommun: the organisation, opening hours, people, FAQ, blanketter and the
site's top-level pages, as plain data. The service pages live in ``services.py``.

Every phone number is in the range reserved for fiction (08-465 004 00 – 99) and
every address at exempelkommun.example, except the national numbers 112, 114 14
and 1177 that a real municipality would also give.
"""

import datetime as dt

from pages.demo.streams import heading, link, links, paragraph, steps, t

MUNICIPALITY = "Exempelkommun"
LANGUAGE = "sv"
OTHER_LANGUAGES = ["en"]

# --- Site and settings --------------------------------------------------------

# Host name and port come from SITE_BASE_URL (pages.base_url.site_address).
SITE = {"site_name": MUNICIPALITY}

SETTINGS = {
    "name": MUNICIPALITY,
    "phone": "08-465 004 00",
    "voice_switchboard_phone": "08-465 004 01",
    "email": "kontaktcenter@exempelkommun.example",
    "visiting_address": "Stadshusplatsen 1, 123 45 Exempelstad",
    "postal_address": "Exempelkommun, Box 100, 123 21 Exempelstad",
    "organisation_number": "212000-0000",
    "contact_page": "page:kontakta-oss",
    "emergency_page": "page:larm-och-felanmalan",
    "accessibility_page": "page:tillganglighetsredogorelse",
    "privacy_page": "page:personuppgifter",
}

# --- Demo users ---------------------------------------------------------------

# The staff groups and their permissions are the roles of portal/roles.py, set up by
# ``manage.py setup_roles`` as in production. The demo names its case officers' groups itself:
# staff group of each department's case officers -> the department's name.
DEPARTMENT_GROUPS = {
    "Handläggare Kommunledning": "Kommunledningsförvaltningen",
    "Handläggare Socialtjänst": "Socialförvaltningen",
    "Handläggare Vård och omsorg": "Vård- och omsorgsförvaltningen",
    "Handläggare Utbildning": "Utbildningsförvaltningen",
    "Handläggare Teknik": "Teknik",
    "Handläggare Bygg och miljö": "Bygg och miljö",
    "Handläggare Kultur och fritid": "Kultur- och fritidsförvaltningen",
    # The contact centre is also the department of "Allmänna frågor".
    "Kontaktcenter": "Kontaktcenter",
}

USERS = [
    {
        "username": "admin",
        "email": "admin@exempelkommun.example",
        "first_name": "",
        "last_name": "",
        "is_superuser": True,
        "groups": [],
    },
    {
        "username": "editor",
        "email": "redaktor@exempelkommun.example",
        "first_name": "Elin",
        "last_name": "Sandberg",
        "is_superuser": False,
        "groups": ["Editors", "Moderators"],
    },
    {
        "username": "agent",
        "email": "agent@exempelkommun.example",
        "first_name": "Jonas",
        "last_name": "Ek",
        "is_superuser": False,
        "groups": ["Kontaktcenter"],
    },
    {
        "username": "agent2",
        "email": "agent2@exempelkommun.example",
        "first_name": "Sara",
        "last_name": "Holm",
        "is_superuser": False,
        "groups": ["Kontaktcenter"],
    },
    {
        "username": "chef",
        "email": "kontaktcenterchef@exempelkommun.example",
        "first_name": "Maria",
        "last_name": "Lindqvist",
        "is_superuser": False,
        "groups": ["Kontaktcenter", "Kontaktcenterchef"],
    },
    {
        "username": "teknik",
        "email": "handlaggare.teknik@exempelkommun.example",
        "first_name": "Anders",
        "last_name": "Nyberg",
        "is_superuser": False,
        "groups": ["Handläggare Teknik"],
    },
    {
        "username": "utbildning",
        "email": "handlaggare.utbildning@exempelkommun.example",
        "first_name": "Fatima",
        "last_name": "Hassan",
        "is_superuser": False,
        "groups": ["Handläggare Utbildning"],
    },
    {
        "username": "social",
        "email": "handlaggare.social@exempelkommun.example",
        "first_name": "Karin",
        "last_name": "Wallin",
        "is_superuser": False,
        "groups": ["Handläggare Socialtjänst"],
    },
    {
        # Cases of Äldreomsorg och funktionsnedsättning are confidential and need their own officer.
        "username": "omsorg",
        "email": "handlaggare.omsorg@exempelkommun.example",
        "first_name": "Lars",
        "last_name": "Öberg",
        "is_superuser": False,
        "groups": ["Handläggare Vård och omsorg"],
    },
]
# The user set as responsible editor on the pages that have one.
RESPONSIBLE_EDITOR = "editor"

# --- Committees (nämnder) and departments (förvaltningar) ---------------------

COMMITTEES = [
    (
        "Kommunfullmäktige",
        t("""Kommunens högsta beslutande församling. De 51 ledamöterna väljs i de allmänna
        valen vart fjärde år. Fullmäktige beslutar om mål, budget, skattesats och taxor och
        väljer ledamöterna i kommunstyrelsen och nämnderna."""),
    ),
    (
        "Kommunstyrelsen",
        t("""Leder och samordnar kommunens arbete och har uppsikt över nämnderna. Ansvarar för
        ekonomi, personal, kommunikation, kontaktcenter, arkiv och dataskydd."""),
    ),
    (
        "Socialnämnden",
        t("""Ansvarar för individ- och familjeomsorgen: ekonomiskt bistånd, stöd till barn,
        unga och familjer, stöd vid missbruk och beroende och stöd till den som utsatts för
        våld."""),
    ),
    (
        "Vård- och omsorgsnämnden",
        t("""Ansvarar för äldreomsorgen och stödet till personer med funktionsnedsättning:
        hemtjänst, särskilt boende, insatser enligt LSS och färdtjänst."""),
    ),
    (
        "Barn- och utbildningsnämnden",
        t("""Ansvarar för förskola, fritidshem, grundskola, anpassad grundskola,
        gymnasieskola och vuxenutbildning."""),
    ),
    (
        "Tekniska nämnden",
        t("""Ansvarar för gator, gång- och cykelvägar, gatubelysning, parker, vatten och
        avlopp samt avfall och återvinning."""),
    ),
    (
        "Bygg- och miljönämnden",
        t("""Prövar ansökningar om bygglov och andra lov och har tillsyn enligt plan- och
        bygglagen, miljöbalken och livsmedelslagstiftningen."""),
    ),
    (
        "Kultur- och fritidsnämnden",
        t("""Ansvarar för bibliotek, kulturskola, fritidsgårdar, idrottsanläggningar och
        bidrag till föreningar."""),
    ),
]

STADSHUSET = "Stadshuset, Stadshusplatsen 1, 123 45 Exempelstad"

DEPARTMENTS = [
    {
        "name": "Kontaktcenter",
        "committee": "Kommunstyrelsen",
        "description": t("""Kommunens gemensamma väg in. Kontaktcenter svarar på frågor om all
            kommunal service på telefon, via e-post och vid besök i Stadshuset, hjälper till med
            blanketter och e-tjänster och kopplar vidare till rätt handläggare."""),
        "phone": "08-465 004 00",
        "email": "kontaktcenter@exempelkommun.example",
        "postal_address": "Exempelkommun, Kontaktcenter, Box 100, 123 21 Exempelstad",
        "visiting_address": STADSHUSET + " (entréplan)",
    },
    {
        "name": "Kommunledningsförvaltningen",
        "committee": "Kommunstyrelsen",
        "description": t("""Stöder kommunstyrelsen med ekonomi, personal, kommunikation,
            registratur, arkiv och dataskydd. Hit vänder du dig om du vill ta del av allmänna
            handlingar eller har frågor om hur kommunen behandlar personuppgifter."""),
        "phone": "08-465 004 60",
        "email": "kommunledning@exempelkommun.example",
        "postal_address": "Exempelkommun, Kommunledningsförvaltningen, Box 100, 123 21 Exempelstad",
        "visiting_address": STADSHUSET,
    },
    {
        "name": "Socialförvaltningen",
        "committee": "Socialnämnden",
        "description": t("""Ekonomiskt bistånd, budget- och skuldrådgivning, stöd till barn,
            unga och familjer, familjerådgivning, familjerätt, stöd vid missbruk och beroende
            och stöd till den som utsatts för våld i en nära relation."""),
        "phone": "08-465 004 10",
        "email": "socialforvaltningen@exempelkommun.example",
        "postal_address": "Exempelkommun, Socialförvaltningen, Box 110, 123 21 Exempelstad",
        "visiting_address": "Storgatan 14, 123 45 Exempelstad",
    },
    {
        "name": "Vård- och omsorgsförvaltningen",
        "committee": "Vård- och omsorgsnämnden",
        "description": t("""Äldreomsorg och stöd till personer med funktionsnedsättning:
            biståndshandläggning, hemtjänst, särskilt boende, korttidsboende, insatser enligt
            LSS, färdtjänst och riksfärdtjänst."""),
        "phone": "08-465 004 20",
        "email": "vardochomsorg@exempelkommun.example",
        "postal_address": "Exempelkommun, Vård- och omsorgsförvaltningen, Box 120, 123 21 Exempelstad",
        "visiting_address": STADSHUSET,
    },
    {
        "name": "Utbildningsförvaltningen",
        "committee": "Barn- och utbildningsnämnden",
        "description": t("""Förskola, pedagogisk omsorg, fritidshem, grundskola, anpassad
            grundskola, gymnasieskola, vuxenutbildning och svenska för invandrare. Hit hör
            också skolskjuts och elevresor."""),
        "phone": "08-465 004 30",
        "email": "utbildning@exempelkommun.example",
        "postal_address": "Exempelkommun, Utbildningsförvaltningen, Box 130, 123 21 Exempelstad",
        "visiting_address": "Skolgatan 2, 123 46 Exempelstad",
    },
    {
        # E-services route fault reports to the department named "Teknik".
        "name": "Teknik",
        "committee": "Tekniska nämnden",
        "description": t("""Tekniska förvaltningen, en del av samhällsbyggnadsförvaltningen.
            Ansvarar för gator, gång- och cykelvägar, gatubelysning, parker och lekplatser,
            vatten och avlopp samt sophämtning och återvinning. Hit går felanmälningar om
            gata, park och belysning. Akuta fel dygnet runt: teknisk jour 08-465 004 90."""),
        "phone": "08-465 004 40",
        "email": "teknik@exempelkommun.example",
        "postal_address": "Exempelkommun, Tekniska förvaltningen, Box 140, 123 21 Exempelstad",
        "visiting_address": "Verkstadsvägen 4, 123 50 Exempelstad",
    },
    {
        "name": "Bygg och miljö",
        "committee": "Bygg- och miljönämnden",
        "description": t("""Bygg- och miljöavdelningen inom samhällsbyggnadsförvaltningen.
            Bygglov, rivningslov, marklov och anmälningar, kart- och mättjänster, enskilda
            avlopp, miljö- och hälsoskydd och livsmedelskontroll."""),
        "phone": "08-465 004 45",
        "email": "byggochmiljo@exempelkommun.example",
        "postal_address": "Exempelkommun, Bygg och miljö, Box 145, 123 21 Exempelstad",
        "visiting_address": STADSHUSET + " (bygglovsexpeditionen i kontaktcenter)",
    },
    {
        "name": "Kultur- och fritidsförvaltningen",
        "committee": "Kultur- och fritidsnämnden",
        "description": t("""Bibliotek, kulturskola, fritidsgårdar, idrottshallar, simhall och
            andra lokaler för föreningar och allmänhet, och bidrag till föreningar."""),
        "phone": "08-465 004 50",
        "email": "kulturochfritid@exempelkommun.example",
        "postal_address": "Exempelkommun, Kultur- och fritidsförvaltningen, Box 150, 123 21 Exempelstad",
        "visiting_address": "Kulturhuset, Torget 3, 123 45 Exempelstad",
    },
]

# --- Service areas: the phone menu (talsvar) -----------------------------------

SERVICE_AREAS = [
    {
        "menu_digit": 1,
        "name": "Äldreomsorg och funktionsnedsättning",
        "summary": "Hemtjänst, särskilt boende, färdtjänst och stöd enligt LSS.",
        "default_department": "Vård- och omsorgsförvaltningen",
        "confidential": True,
    },
    {
        "menu_digit": 2,
        "name": "Socialtjänst",
        "summary": "Ekonomiskt bistånd, stöd till barn och familjer och stöd vid våld eller missbruk.",
        "default_department": "Socialförvaltningen",
        "confidential": True,
    },
    {
        "menu_digit": 3,
        "name": "Förskola, skola, utbildning",
        "summary": "Förskola, grundskola, skolskjuts, gymnasieval och vuxenutbildning.",
        "default_department": "Utbildningsförvaltningen",
        "confidential": False,
    },
    {
        "menu_digit": 4,
        "name": "Bygg och miljö, vägar, vatten, avlopp, avfall",
        "summary": "Bygglov, gator och belysning, vatten och avlopp, sophämtning och återvinning.",
        "default_department": "Teknik",
        "confidential": False,
    },
    {
        "menu_digit": 5,
        "name": "Kultur och fritid",
        "summary": "Bibliotek, föreningsbidrag, idrottshallar och andra lokaler.",
        "default_department": "Kultur- och fritidsförvaltningen",
        "confidential": False,
    },
    {
        "menu_digit": 9,
        "name": "Allmänna frågor",
        "summary": "Synpunkter, allmänna handlingar, larm och felanmälan och allt annat.",
        "default_department": "Kontaktcenter",
        "confidential": False,
    },
]

# --- Opening hours --------------------------------------------------------------
# Weekly rows: (first_day, last_day, opens, closes), 0 = Monday.
# Seasons: (name, (start month, day), (end month, day), first_day, last_day, opens, closes).
# Exceptions: (date, opens, closes, note); opens None means closed all day.

SUMMER = ("Sommartider", (6, 1), (8, 31), 0, 4, "07:00", "16:00")

OPENING_HOURS = [
    {
        "channel": "phone",
        "sort_order": 0,
        "menu_digits": [],
        "weekly": [(0, 3, "08:00", "16:45"), (4, 4, "08:00", "16:00")],
        "seasonal": [SUMMER],
        "exceptions": [(dt.date(2027, 1, 5), "08:00", "13:00", "Trettondagsafton")],
    },
    {
        "channel": "phone_menu",
        "sort_order": 1,
        "menu_digits": [1, 2],
        "weekly": [(0, 2, "08:00", "16:45"), (3, 3, "08:00", "19:00"), (4, 4, "08:00", "16:00")],
        "seasonal": [SUMMER],
        "exceptions": [(dt.date(2027, 1, 5), "08:00", "13:00", "Trettondagsafton")],
    },
    {
        "channel": "visit",
        "sort_order": 2,
        "menu_digits": [],
        "weekly": [(0, 3, "08:00", "16:45"), (4, 4, "08:00", "16:00")],
        "seasonal": [SUMMER],
        "exceptions": [
            (dt.date(2027, 1, 5), "08:00", "13:00", "Trettondagsafton"),
            (dt.date(2027, 3, 17), None, None, "Personalutbildning – telefonen är öppen som vanligt"),
        ],
    },
]

# --- Förtroendemannaregister ---------------------------------------------------

PARTIES = [
    ("Socialdemokraterna", "S"),
    ("Moderaterna", "M"),
    ("Sverigedemokraterna", "SD"),
    ("Centerpartiet", "C"),
    ("Vänsterpartiet", "V"),
    ("Kristdemokraterna", "KD"),
    ("Liberalerna", "L"),
    ("Miljöpartiet de gröna", "MP"),
]

TERMS = {
    "2023": (dt.date(2023, 1, 1), dt.date(2026, 12, 31)),
    "2019": (dt.date(2019, 1, 1), dt.date(2022, 12, 31)),
}

KF = "Kommunfullmäktige"
KS = "Kommunstyrelsen"
SN = "Socialnämnden"
VON = "Vård- och omsorgsnämnden"
BUN = "Barn- och utbildningsnämnden"
TN = "Tekniska nämnden"
BMN = "Bygg- och miljönämnden"
KFN = "Kultur- och fritidsnämnden"

# Fictional people. (first name, last name, party, home district, [(committee, role, term)])
OFFICIALS = [
    (
        "Karin",
        "Holmgren",
        "S",
        "Exempelstad",
        [
            (KF, "member", "2023"),
            (KS, "chair", "2023"),
            (KF, "member", "2019"),
            (KS, "chair", "2019"),
        ],
    ),
    (
        "Lena",
        "Åberg",
        "C",
        "Sjövik",
        [
            (KF, "member", "2023"),
            (KS, "first_vice_chair", "2023"),
            (TN, "chair", "2023"),
            (KS, "member", "2019"),
        ],
    ),
    (
        "Mikael",
        "Berglund",
        "M",
        "Norrby",
        [
            (KF, "member", "2023"),
            (KS, "second_vice_chair", "2023"),
            (KS, "member", "2019"),
        ],
    ),
    ("Ingrid", "Lundqvist", "S", "Ekbacka", [(KF, "chair", "2023"), (KF, "member", "2019")]),
    ("Gustav", "Hedlund", "M", "Lillån", [(KF, "first_vice_chair", "2023"), (BMN, "member", "2023")]),
    (
        "Johan",
        "Wikström",
        "SD",
        "Norrby",
        [
            (KF, "second_vice_chair", "2023"),
            (SN, "member", "2023"),
            (KS, "member", "2023"),
        ],
    ),
    (
        "Sara",
        "Lindholm",
        "S",
        "Exempelstad",
        [
            (KF, "member", "2023"),
            (SN, "chair", "2023"),
            (SN, "member", "2019"),
        ],
    ),
    ("Maria", "Nordin", "V", "Exempelstad", [(SN, "first_vice_chair", "2023"), (KF, "member", "2023")]),
    ("Daniel", "Persson", "L", "Sjövik", [(SN, "deputy", "2023")]),
    ("Tomas", "Engström", "C", "Lillån", [(VON, "chair", "2023"), (KF, "member", "2023")]),
    ("Emma", "Söderberg", "MP", "Ekbacka", [(VON, "first_vice_chair", "2023"), (KF, "deputy", "2023")]),
    ("Ulla", "Granström", "M", "Norrby", [(VON, "second_vice_chair", "2023"), (KF, "member", "2023")]),
    ("Fatima", "Hassan", "S", "Exempelstad", [(BUN, "chair", "2023"), (KF, "member", "2023")]),
    ("Erik", "Sjöberg", "KD", "Sjövik", [(BUN, "second_vice_chair", "2023"), (KF, "member", "2023")]),
    ("Nils", "Eklund", "SD", "Lillån", [(TN, "second_vice_chair", "2023"), (KF, "member", "2023")]),
    ("Anders", "Forsberg", "MP", "Exempelstad", [(BMN, "chair", "2023"), (KS, "deputy", "2023")]),
    ("Oskar", "Lindgren", "KD", "Ekbacka", [(BMN, "member", "2023"), (TN, "deputy", "2023")]),
    ("Amina", "Yusuf", "S", "Norrby", [(KFN, "chair", "2023"), (KF, "member", "2023")]),
    (
        "Helena",
        "Strand",
        "L",
        "Exempelstad",
        [
            (KFN, "first_vice_chair", "2023"),
            (KF, "member", "2023"),
            (KF, "member", "2019"),
        ],
    ),
    ("Birgitta", "Falk", "V", "Sjövik", [(KS, "deputy", "2023"), (KFN, "member", "2023")]),
    # Previous term only.
    ("Rolf", "Magnusson", "S", "Lillån", [(TN, "chair", "2019"), (KF, "member", "2019")]),
    ("Eva", "Blom", "M", "Exempelstad", [(SN, "first_vice_chair", "2019"), (KF, "member", "2019")]),
    ("Kjell", "Sandström", "C", "Norrby", [(KF, "member", "2019"), (BMN, "chair", "2019")]),
]

# --- FAQ ("Vanliga frågor och svar") -------------------------------------------
# key: (menu digit, question, answer as rich text)

FAQS = {
    "hemtjanst-ansoka": (
        1,
        "Hur ansöker jag om hemtjänst?",
        t("""
        <p>Ring kontaktcenter på 08-465 004 00 och välj 1 i talsvaret, så kopplar vi dig till en
        biståndshandläggare. Du kan också skicka blanketten <i>Ansökan om bistånd enligt
        socialtjänstlagen</i>. En anhörig kan ringa åt dig om du vill det.</p>
        <p>Handläggaren kommer sedan hem till dig och pratar om vad du behöver hjälp med.</p>"""),
    ),
    "hemtjanst-kostnad": (
        1,
        "Vad kostar hemtjänst?",
        t("""
        <p>Avgiften beror på din inkomst och hur mycket hjälp du får. Den är aldrig högre än den
        maxtaxa för äldreomsorg som staten bestämmer varje år, och du får alltid behålla ett
        belopp för dina egna levnadskostnader (förbehållsbelopp).</p>
        <p>Skicka in en inkomstförfrågan när du har fått beslut. Annars får du betala den högsta
        avgiften.</p>"""),
    ),
    "fardtjanst-tillfallig": (
        1,
        "Kan jag få färdtjänst om jag har brutit benet?",
        t("""
        <p>Oftast inte. Färdtjänst är till för den som har en funktionsnedsättning som väntas
        vara i minst tre månader. Har du en tillfällig skada kan du i stället fråga din
        vårdgivare om sjukresor till och från vården.</p>"""),
    ),
    "lss-vem": (
        1,
        "Vem kan få stöd enligt LSS?",
        t("""
        <p>LSS är en lag för personer med intellektuell funktionsnedsättning eller autism, med
        bestående begåvningsmässig funktionsnedsättning efter en hjärnskada i vuxen ålder, eller
        med andra stora och varaktiga funktionsnedsättningar som inte beror på normalt åldrande.
        En handläggare gör en utredning när du ansöker.</p>"""),
    ),
    "bistand-ansoka": (
        2,
        "Hur ansöker jag om ekonomiskt bistånd?",
        t("""
        <p>Ring kontaktcenter och välj 2 i talsvaret för att boka ett första besök hos en
        socialsekreterare. Ta med legitimation, hyresavtal, kontoutdrag för de senaste tre
        månaderna och beslut om andra ersättningar du får eller har sökt.</p>
        <p>Har du inga pengar till mat i dag? Säg det när du ringer, så gör vi en bedömning
        samma dag.</p>"""),
    ),
    "orosanmalan-anonym": (
        2,
        "Kan jag vara anonym när jag gör en orosanmälan?",
        t("""
        <p>Ja, som privatperson kan du vara anonym. Om du uppger ditt namn skyddas det normalt av
        sekretess. Det är ändå bra om du lämnar ditt namn, så att socialtjänsten kan ställa
        följdfrågor. Du som arbetar med barn, till exempel i skolan eller vården, är skyldig att
        anmäla och kan inte vara anonym.</p>"""),
    ),
    "familjeradgivning-kostnad": (
        2,
        "Vad kostar familjerådgivning?",
        t("""
        <p>Ett samtal kostar 150 kronor. Samtal om våld i relationen är gratis. Du kan vara
        anonym, och familjerådgivningen för inga journaler.</p>"""),
    ),
    "vald-vart": (
        2,
        "Jag är rädd för någon i min familj. Vart vänder jag mig?",
        t("""
        <p>Är du i akut fara: ring 112. Annars kan du ringa socialförvaltningen på
        08-465 004 10 och be att få prata med någon som arbetar med våld i nära relationer. Du
        kan vara anonym när du ber om råd. Vi kan hjälpa dig med samtalsstöd, skyddat boende och
        kontakt med polis och vård. Kvällar, nätter och helger når du socialjouren på
        08-465 004 99. Kvinnofridslinjen, 020-50 50 50, svarar dygnet runt.</p>"""),
    ),
    "forskola-nar": (
        3,
        "När kan mitt barn börja i förskolan?",
        t("""
        <p>Barn kan börja i förskolan från ett års ålder. Ansök senast fyra månader innan du
        behöver platsen. Kommunen ska erbjuda en plats inom fyra månader från att du har
        ansökt.</p>"""),
    ),
    "forskola-kostnad": (
        3,
        "Vad kostar förskola?",
        t("""
        <p>Vi följer maxtaxan. För det yngsta barnet betalar du högst 3 procent av hushållets
        inkomst före skatt, för barn två högst 2 procent och för barn tre högst 1 procent. Barn
        fyra är gratis. Avgiften har också ett tak i kronor som Skolverket räknar om varje år.</p>
        <p>Från hösten det år barnet fyller tre år ingår 525 timmar per år utan avgift
        (allmän förskola), och avgiften blir lägre.</p>"""),
    ),
    "forskola-uppsagning": (
        3,
        "Hur säger jag upp min förskoleplats?",
        t("""
        <p>Säg upp platsen skriftligt till utbildningsförvaltningen. Uppsägningstiden är en
        månad och du betalar avgift under uppsägningstiden, även om barnet inte är i
        förskolan.</p>"""),
    ),
    "skolskjuts-ratt": (
        3,
        "Har mitt barn rätt till skolskjuts?",
        t("""
        <p>Elever i grundskolan och anpassade grundskolan kan få skolskjuts om vägen till skolan
        är lång, trafikfarlig eller om eleven har en funktionsnedsättning. Gränserna är 2
        kilometer för förskoleklass till årskurs 3, 3 kilometer för årskurs 4–6 och 4 kilometer
        för årskurs 7–9. Ansök senast den 15 maj inför nästa läsår.</p>"""),
    ),
    "gymnasiet-nar": (
        3,
        "När ska jag söka till gymnasiet?",
        t("""
        <p>Du söker i årskurs 9. Ansökan öppnar i december och stänger i början av februari. I
        april kommer ett preliminärt besked, och under våren kan du ändra dina val. Det slutliga
        antagningsbeskedet kommer i början av juli.</p>"""),
    ),
    "sopor-nar": (
        4,
        "När hämtas mina sopor?",
        t("""
        <p>Villor och fritidshus har sophämtning varannan vecka, och hämtdagen är alltid samma
        veckodag. Du hittar ditt hämtningsschema på fakturan från Teknik, eller så kan du ringa
        kontaktcenter och uppge din adress.</p>
        <p>Ställ kärlet vid tomtgränsen med handtaget utåt senast klockan 06.00 på
        hämtdagen.</p>"""),
    ),
    "altan-bygglov": (
        4,
        "Behöver jag bygglov för en altan?",
        t("""
        <p>Oftast inte, om altanen ligger nära marken (lägre än ungefär 1,2 meter) och minst 4,5
        meter från tomtgränsen. Är den högre, har tak eller väggar, eller ligger närmare grannen
        kan du behöva bygglov. Fråga bygglovsexpeditionen i kontaktcenter om du är
        osäker.</p>"""),
    ),
    "bygglov-tid": (
        4,
        "Hur lång tid tar det att få bygglov?",
        t("""
        <p>Vi fattar beslut inom tio veckor från att din ansökan är komplett. Om ärendet är
        särskilt komplicerat kan vi förlänga tiden en gång med högst tio veckor. Hinner vi inte
        inom tiden sänks avgiften med en femtedel för varje påbörjad vecka vi är sena.</p>"""),
    ),
    "vatten-borta": (
        4,
        "Vad gör jag om jag inte har något vatten?",
        t("""
        <p>Fråga först en granne om de också saknar vatten. Saknar bara du vatten kan felet
        finnas i din egen ledning – kontakta en rörmokare. Saknar flera vatten, eller ser du en
        vattenläcka, ring teknisk jour på 08-465 004 90. Jouren svarar dygnet runt.</p>"""),
    ),
    "gatlampa": (
        4,
        "En gatlampa är trasig. Hur anmäler jag det?",
        t("""
        <p>Skicka en felanmälan till Teknik via blanketten <i>Felanmälan gata, park och
        belysning</i> eller ring kontaktcenter. Tala om var lampan står, gärna med närmaste
        adress eller stolpens nummer. Trasiga lampor lagar vi oftast inom två veckor.</p>"""),
    ),
    "lanekort": (
        5,
        "Hur får jag ett lånekort på biblioteket?",
        t("""
        <p>Kom till något av våra bibliotek och visa legitimation. Lånekortet är gratis. Barn
        under 18 år behöver en vårdnadshavares underskrift.</p>"""),
    ),
    "idrottshall-boka": (
        5,
        "Hur bokar jag en idrottshall?",
        t("""
        <p>Lediga tider kan du boka via kultur- och fritidsförvaltningen eller kontaktcenter.
        Föreningar som vill ha fasta tider söker säsongsbokning: senast den 1 april för hösten
        och senast den 1 oktober för våren.</p>"""),
    ),
    "foreningsbidrag-nar": (
        5,
        "När kan vår förening söka bidrag?",
        t("""
        <p>Aktivitetsstöd söker ni två gånger per år: senast den 25 februari för hösten året
        innan och senast den 25 augusti för våren. Verksamhetsbidrag söker ni senast den 31 mars.
        Föreningen måste vara registrerad i kommunens föreningsregister.</p>"""),
    ),
    "synpunkt-lamna": (
        9,
        "Hur lämnar jag en synpunkt eller ett klagomål?",
        t("""
        <p>Du kan skicka blanketten <i>Synpunkter och klagomål</i>, mejla
        kontaktcenter@exempelkommun.example, ringa eller komma till kontaktcenter. Du kan vara
        anonym. Om du lämnar kontaktuppgifter får du svar inom tio arbetsdagar.</p>"""),
    ),
    "allmanna-handlingar": (
        9,
        "Hur får jag ta del av allmänna handlingar?",
        t("""
        <p>Kontakta den förvaltning som har handlingen, eller kommunledningsförvaltningens
        registratur. Du behöver inte tala om vem du är eller varför du vill ha handlingen. De
        första nio sidorna är gratis.</p>"""),
    ),
    "oppettider": (
        9,
        "Vilka öppettider har kontaktcenter?",
        t("""
        <p>Måndag–torsdag 08.00–16.45 och fredag 08.00–16.00. På torsdagar har talsvarets val 1
        och 2 öppet till 19.00. Under juni–augusti har vi öppet 07.00–16.00. Kontaktcenter är
        stängt på helgdagar och på midsommarafton, julafton och nyårsafton.</p>"""),
    ),
    "teletal": (
        9,
        "Jag har svårt att tala i telefon. Hur kan jag kontakta er?",
        t("""
        <p>Du kan använda Teletal, en gratis tjänst där en tolk hjälper dig under
        telefonsamtalet. Du kan också mejla oss eller besöka kontaktcenter i Stadshuset.</p>"""),
    ),
}

# --- Blanketter -------------------------------------------------------------------
# Items on a form: ("field", label), ("pair", label, label), ("choice", question, [options]),
# ("area", label, lines) and ("text", instruction).

BLANKETT_CATEGORIES = ["Ansökan", "Anmälan", "Begäran", "Intyg", "Synpunkter"]
BLANKETT_EDITION = "2026-10"  # printed on each form as "Utgåva"

APPLICANT = (
    "Sökande",
    [
        ("pair", "Förnamn och efternamn", "Personnummer"),
        ("field", "Adress"),
        ("pair", "Postnummer", "Ort"),
        ("pair", "Telefon", "E-post"),
    ],
)


def person(heading):
    return (
        heading,
        [("pair", "Förnamn och efternamn", "Personnummer"), ("pair", "Telefon", "E-post")],
    )


BLANKETTER = [
    {
        "code": "VOF-101",
        "title": "Ansökan om bistånd enligt socialtjänstlagen",
        "category": "Ansökan",
        "area": 1,
        "department": "Vård- och omsorgsförvaltningen",
        "description": t("""För dig som vill ansöka om hemtjänst, trygghetslarm, matdistribution,
            korttidsboende eller särskilt boende. En biståndshandläggare kontaktar dig."""),
        "sections": [
            APPLICANT,
            (
                "Jag ansöker om",
                [
                    (
                        "choice",
                        "Kryssa i det du söker",
                        [
                            "Hemtjänst",
                            "Trygghetslarm",
                            "Matdistribution",
                            "Korttidsboende",
                            "Särskilt boende",
                        ],
                    ),
                    ("area", "Beskriv vad du behöver hjälp med", 5),
                ],
            ),
            (
                "Boende",
                [
                    ("choice", "Jag bor", ["Ensam", "Med make, maka eller sambo", "Med annan"]),
                    ("choice", "Jag vill att handläggaren kontaktar även en anhörig", ["Ja", "Nej"]),
                ],
            ),
            person("Anhörig eller god man som kan kontaktas"),
        ],
    },
    {
        "code": "VOF-102",
        "title": "Ansökan om färdtjänst och riksfärdtjänst",
        "category": "Ansökan",
        "area": 1,
        "department": "Vård- och omsorgsförvaltningen",
        "description": t("""För dig som har svårt att resa med kollektivtrafiken på grund av en
            funktionsnedsättning. Bifoga läkarintyg (VOF-103) om du har ett."""),
        "sections": [
            APPLICANT,
            (
                "Ansökan gäller",
                [
                    ("choice", "Kryssa i", ["Färdtjänst", "Riksfärdtjänst", "Förlängning av färdtjänst"]),
                    ("area", "Vilken funktionsnedsättning har du och hur länge väntas den vara?", 3),
                    ("area", "Vad gör det svårt för dig att resa med buss eller tåg?", 3),
                ],
            ),
            (
                "Hjälpmedel och ledsagare",
                [
                    ("choice", "Jag använder", ["Rullstol", "Rollator", "Käpp", "Inget hjälpmedel"]),
                    ("choice", "Jag behöver ledsagare under resan", ["Ja", "Nej"]),
                ],
            ),
        ],
    },
    {
        "code": "VOF-103",
        "title": "Läkarintyg för färdtjänst",
        "category": "Intyg",
        "area": 1,
        "department": "Vård- och omsorgsförvaltningen",
        "description": t("""Fylls i av läkare eller annan legitimerad vårdpersonal och bifogas
            ansökan om färdtjänst."""),
        "sections": [
            person("Patient"),
            (
                "Diagnos och funktionsnedsättning",
                [
                    ("area", "Diagnos", 2),
                    ("area", "Hur påverkar funktionsnedsättningen förmågan att förflytta sig?", 4),
                    (
                        "choice",
                        "Funktionsnedsättningen väntas vara",
                        ["Mindre än 3 månader", "3–12 månader", "Mer än 12 månader", "Bestående"],
                    ),
                ],
            ),
            (
                "Intygsgivare",
                [
                    ("pair", "Namn", "Befattning"),
                    ("pair", "Vårdenhet", "Telefon"),
                ],
            ),
        ],
    },
    {
        "code": "VOF-201",
        "title": "Ansökan om insats enligt LSS",
        "category": "Ansökan",
        "area": 1,
        "department": "Vård- och omsorgsförvaltningen",
        "description": t("""Ansökan om stöd och service enligt lagen om stöd och service till
            vissa funktionshindrade, till exempel ledsagarservice, kontaktperson eller daglig
            verksamhet."""),
        "sections": [
            APPLICANT,
            (
                "Jag ansöker om",
                [
                    (
                        "choice",
                        "Insats",
                        [
                            "Personlig assistans",
                            "Ledsagarservice",
                            "Kontaktperson",
                            "Avlösarservice",
                            "Korttidsvistelse",
                            "Korttidstillsyn",
                            "Bostad med särskild service",
                            "Daglig verksamhet",
                        ],
                    ),
                    ("area", "Beskriv varför du behöver insatsen", 4),
                ],
            ),
            person("Vårdnadshavare, god man eller förvaltare"),
        ],
    },
    {
        "code": "SOC-101",
        "title": "Ansökan om ekonomiskt bistånd",
        "category": "Ansökan",
        "area": 2,
        "department": "Socialförvaltningen",
        "description": t("""Månadsansökan om försörjningsstöd för dig som redan har haft ett
            första besök hos en socialsekreterare. Bifoga kontoutdrag och kvitton."""),
        "sections": [
            APPLICANT,
            person("Make, maka eller sambo"),
            (
                "Ansökan gäller",
                [
                    ("pair", "Månad", "Antal barn i hushållet"),
                    (
                        "choice",
                        "Jag söker för",
                        [
                            "Försörjningsstöd",
                            "Hyra",
                            "Hushållsel",
                            "Arbetsresor",
                            "Annat",
                        ],
                    ),
                ],
            ),
            (
                "Inkomster denna månad",
                [
                    ("pair", "Lön", "A-kassa eller aktivitetsstöd"),
                    ("pair", "Sjukpenning eller sjukersättning", "Barnbidrag och underhållsstöd"),
                    ("pair", "Bostadsbidrag", "Andra inkomster"),
                ],
            ),
            (
                "Intygande",
                [
                    (
                        "text",
                        "Jag intygar att uppgifterna är riktiga och att jag genast meddelar "
                        "ändrade förhållanden. Felaktiga uppgifter kan leda till återkrav och "
                        "polisanmälan.",
                    ),
                ],
            ),
        ],
    },
    {
        "code": "SOC-201",
        "title": "Orosanmälan – anmälan om oro för barn",
        "category": "Anmälan",
        "area": 2,
        "department": "Socialförvaltningen",
        "description": t("""För dig som arbetar med barn och har en anmälningsskyldighet, eller
            för privatpersoner. Är barnet i akut fara: ring 112."""),
        "sections": [
            (
                "Barnet",
                [
                    ("pair", "Barnets namn", "Personnummer eller ålder"),
                    ("field", "Adress"),
                    ("field", "Vårdnadshavare"),
                ],
            ),
            (
                "Din oro",
                [
                    ("area", "Beskriv vad du har sett eller hört och när det hände", 7),
                    ("choice", "Vet vårdnadshavarna om att du anmäler?", ["Ja", "Nej", "Vet inte"]),
                ],
            ),
            (
                "Anmälare",
                [
                    ("pair", "Namn", "Telefon"),
                    ("pair", "Yrke eller relation till barnet", "Arbetsplats"),
                ],
            ),
        ],
    },
    {
        "code": "UTB-101",
        "title": "Ansökan om plats i förskola",
        "category": "Ansökan",
        "area": 3,
        "department": "Utbildningsförvaltningen",
        "description": t("""Ansök senast fyra månader före det datum du vill att barnet börjar.
            Du kan önska flera förskolor."""),
        "sections": [
            (
                "Barnet",
                [
                    ("pair", "Barnets namn", "Personnummer"),
                    ("field", "Folkbokföringsadress"),
                ],
            ),
            person("Vårdnadshavare 1"),
            person("Vårdnadshavare 2"),
            (
                "Önskemål",
                [
                    ("pair", "Önskat startdatum", "Antal timmar per vecka"),
                    ("field", "Förstahandsval"),
                    ("pair", "Andrahandsval", "Tredjehandsval"),
                    ("choice", "Syskon i önskad förskola", ["Ja", "Nej"]),
                ],
            ),
        ],
    },
    {
        "code": "UTB-102",
        "title": "Ansökan om skolskjuts",
        "category": "Ansökan",
        "area": 3,
        "department": "Utbildningsförvaltningen",
        "description": t("""För elever i grundskolan och anpassade grundskolan som inte får
            skolskjuts automatiskt. Ansök senast den 15 maj inför nästa läsår."""),
        "sections": [
            (
                "Eleven",
                [
                    ("pair", "Elevens namn", "Personnummer"),
                    ("pair", "Skola", "Årskurs nästa läsår"),
                    ("field", "Adress"),
                ],
            ),
            person("Vårdnadshavare"),
            (
                "Skäl för skolskjuts",
                [
                    (
                        "choice",
                        "Kryssa i",
                        [
                            "Lång väg till skolan",
                            "Trafikfarlig väg",
                            "Funktionsnedsättning",
                            "Växelvis boende",
                        ],
                    ),
                    ("area", "Beskriv skälen. Bifoga intyg om funktionsnedsättning.", 4),
                    ("field", "Andra adressen vid växelvis boende"),
                ],
            ),
        ],
    },
    {
        "code": "UTB-103",
        "title": "Inkomstuppgift för förskola och fritidshem",
        "category": "Anmälan",
        "area": 3,
        "department": "Utbildningsförvaltningen",
        "description": t("""Anmäl hushållets inkomst, så att du betalar rätt avgift. Utan
            inkomstuppgift betalar du den högsta avgiften."""),
        "sections": [
            person("Vårdnadshavare och betalningsansvarig"),
            person("Make, maka eller sambo i samma hushåll"),
            (
                "Inkomst",
                [
                    ("pair", "Hushållets inkomst per månad före skatt", "Gäller från och med"),
                    (
                        "text",
                        "Räkna med lön, föräldrapenning, sjukpenning, a-kassa, pension och "
                        "andra skattepliktiga inkomster. Barnbidrag och bostadsbidrag räknas "
                        "inte.",
                    ),
                ],
            ),
        ],
    },
    {
        "code": "BOM-101",
        "title": "Ansökan om bygglov, rivningslov och marklov",
        "category": "Ansökan",
        "area": 4,
        "department": "Bygg och miljö",
        "description": t("""Ansökan om lov enligt plan- och bygglagen. Bifoga ritningar,
            situationsplan och kontrollansvarig om det behövs."""),
        "sections": [
            APPLICANT,
            (
                "Fastighet",
                [
                    ("pair", "Fastighetsbeteckning", "Fastighetsägare"),
                    ("field", "Byggplatsens adress"),
                ],
            ),
            (
                "Ansökan gäller",
                [
                    (
                        "choice",
                        "Åtgärd",
                        [
                            "Nybyggnad",
                            "Tillbyggnad",
                            "Ändrad användning",
                            "Fasadändring",
                            "Rivning",
                            "Marklov",
                        ],
                    ),
                    ("area", "Beskriv åtgärden", 4),
                    ("pair", "Byggnadsarea (m²)", "Bruttoarea (m²)"),
                ],
            ),
            ("Kontrollansvarig", [("pair", "Namn", "Certifieringsnummer")]),
        ],
    },
    {
        "code": "BOM-102",
        "title": "Ansökan om tillstånd för enskild avloppsanläggning",
        "category": "Ansökan",
        "area": 4,
        "department": "Bygg och miljö",
        "description": t("""För dig som ska bygga eller ändra ett avlopp som inte är anslutet
            till det kommunala nätet. Bifoga en situationsplan."""),
        "sections": [
            APPLICANT,
            ("Fastighet", [("pair", "Fastighetsbeteckning", "Antal hushåll som ska anslutas")]),
            (
                "Anläggningen",
                [
                    (
                        "choice",
                        "Typ av anläggning",
                        [
                            "Infiltration",
                            "Markbädd",
                            "Minireningsverk",
                            "Sluten tank",
                        ],
                    ),
                    ("choice", "Toalett ansluts", ["Ja", "Nej"]),
                    ("field", "Entreprenör"),
                ],
            ),
        ],
    },
    {
        "code": "TEK-101",
        "signature": False,
        "title": "Felanmälan gata, park och belysning",
        "category": "Anmälan",
        "area": 4,
        "department": "Teknik",
        "description": t("""Anmäl till exempel hål i gatan, trasig gatubelysning, skadade
            skyltar eller fel på lekplatser. Akuta fel: ring teknisk jour 08-465 004 90."""),
        "sections": [
            (
                "Var finns felet?",
                [
                    ("field", "Adress eller plats"),
                    ("field", "Stolpnummer (gatubelysning)"),
                ],
            ),
            (
                "Vad är fel?",
                [
                    (
                        "choice",
                        "Kryssa i",
                        [
                            "Gatubelysning",
                            "Hål i gata eller gångväg",
                            "Skylt",
                            "Lekplats",
                            "Park",
                            "Annat",
                        ],
                    ),
                    ("area", "Beskriv felet", 4),
                ],
            ),
            ("Dina kontaktuppgifter (frivilligt)", [("pair", "Namn", "Telefon"), ("field", "E-post")]),
        ],
    },
    {
        "code": "TEK-102",
        "title": "Ansökan om parkeringstillstånd för rörelsehindrade",
        "category": "Ansökan",
        "area": 4,
        "department": "Teknik",
        "description": t("""För förare eller passagerare med funktionsnedsättning. Bifoga
            läkarintyg (TEK-103) och ett foto."""),
        "sections": [
            APPLICANT,
            (
                "Ansökan gäller",
                [
                    ("choice", "Tillstånd som", ["Förare", "Passagerare"]),
                    ("choice", "Typ", ["Ny ansökan", "Förnyelse"]),
                ],
            ),
            (
                "Foto och namnteckning",
                [
                    (
                        "text",
                        "Klistra fast ett foto i passfotostorlek och skriv din namnteckning "
                        "inom ramen. Namnteckningen trycks på tillståndet.",
                    ),
                    ("area", "Namnteckning", 2),
                ],
            ),
        ],
    },
    {
        "code": "TEK-103",
        "title": "Läkarintyg för parkeringstillstånd",
        "category": "Intyg",
        "area": 4,
        "department": "Teknik",
        "description": "Fylls i av läkare och bifogas ansökan om parkeringstillstånd.",
        "sections": [
            person("Patient"),
            (
                "Medicinska uppgifter",
                [
                    ("area", "Diagnos och funktionsnedsättning", 3),
                    ("pair", "Hur långt kan patienten gå utan hjälp (meter)?", "Med hjälpmedel (meter)"),
                    (
                        "choice",
                        "Funktionsnedsättningen väntas vara",
                        [
                            "Mindre än 6 månader",
                            "6 månader – 2 år",
                            "Mer än 2 år",
                            "Bestående",
                        ],
                    ),
                ],
            ),
            ("Intygsgivare", [("pair", "Namn", "Vårdenhet"), ("pair", "Telefon", "Datum")]),
        ],
    },
    {
        "code": "TEK-104",
        "title": "Ändring av avfallsabonnemang",
        "category": "Anmälan",
        "area": 4,
        "department": "Teknik",
        "description": t("""Byt kärlstorlek, dela kärl med en granne, ansök om uppehåll i
            hämtningen eller anmäl ny fastighetsägare."""),
        "sections": [
            APPLICANT,
            ("Fastighet", [("pair", "Fastighetsbeteckning", "Hämtadress")]),
            (
                "Ändringen gäller",
                [
                    (
                        "choice",
                        "Kryssa i",
                        [
                            "Annan kärlstorlek",
                            "Delat kärl",
                            "Uppehåll i hämtning",
                            "Ny ägare",
                            "Hemkompostering",
                        ],
                    ),
                    ("pair", "Från och med datum", "Till och med datum (uppehåll)"),
                    ("field", "Granne som delar kärl: namn och adress"),
                ],
            ),
        ],
    },
    {
        "code": "KOF-101",
        "title": "Ansökan om föreningsbidrag",
        "category": "Ansökan",
        "area": 5,
        "department": "Kultur- och fritidsförvaltningen",
        "description": t("""För ideella föreningar i kommunens föreningsregister. Bifoga
            verksamhetsberättelse, ekonomisk redovisning och revisionsberättelse."""),
        "sections": [
            (
                "Föreningen",
                [
                    ("pair", "Föreningens namn", "Organisationsnummer"),
                    ("pair", "Bankgiro eller plusgiro", "Antal medlemmar 7–25 år"),
                ],
            ),
            person("Kontaktperson"),
            (
                "Bidraget",
                [
                    (
                        "choice",
                        "Bidrag som söks",
                        [
                            "Aktivitetsstöd",
                            "Verksamhetsbidrag",
                            "Startbidrag",
                            "Arrangemangsbidrag",
                        ],
                    ),
                    ("pair", "Belopp som söks (kr)", "Period"),
                    ("area", "Beskriv vad bidraget ska användas till", 4),
                ],
            ),
        ],
    },
    {
        "code": "KOF-102",
        "title": "Ansökan om lokalbokning",
        "category": "Ansökan",
        "area": 5,
        "department": "Kultur- och fritidsförvaltningen",
        "description": t("""Säsongsbokning eller enstaka tider i idrottshallar, gymnastiksalar
            och samlingslokaler."""),
        "sections": [
            (
                "Bokare",
                [
                    ("pair", "Förening eller namn", "Organisations- eller personnummer"),
                    ("pair", "Telefon", "E-post"),
                    ("field", "Fakturaadress"),
                ],
            ),
            (
                "Bokningen",
                [
                    ("pair", "Lokal", "Veckodag och tid"),
                    ("pair", "Från och med datum", "Till och med datum"),
                    ("choice", "Verksamhet för", ["Barn och unga under 20 år", "Vuxna", "Blandat"]),
                    ("area", "Vad ska lokalen användas till?", 3),
                ],
            ),
        ],
    },
    {
        "code": "KS-101",
        "signature": False,
        "title": "Synpunkter och klagomål",
        "category": "Synpunkter",
        "area": 9,
        "department": "Kontaktcenter",
        "description": t("""Beröm, idéer och klagomål på kommunens service. Du kan vara anonym.
            Lämna kontaktuppgifter om du vill ha svar."""),
        "sections": [
            (
                "Din synpunkt",
                [
                    ("choice", "Det gäller", ["Beröm", "Förslag", "Klagomål"]),
                    ("field", "Verksamhet eller plats"),
                    ("area", "Beskriv", 7),
                ],
            ),
            (
                "Kontaktuppgifter (frivilligt)",
                [
                    ("pair", "Namn", "Telefon"),
                    ("field", "E-post eller adress"),
                    ("choice", "Jag vill ha svar", ["Ja", "Nej"]),
                ],
            ),
        ],
    },
    {
        "code": "KS-102",
        "signature": False,
        "title": "Begäran om att ta del av allmän handling",
        "category": "Begäran",
        "area": 9,
        "department": "Kommunledningsförvaltningen",
        "description": t("""Du behöver inte tala om vem du är eller varför du vill ha
            handlingen. Lämna kontaktuppgifter om du vill få handlingen skickad."""),
        "sections": [
            (
                "Handlingen",
                [
                    ("area", "Vilken handling vill du ta del av? Ange gärna diarienummer och datum.", 5),
                    (
                        "choice",
                        "Jag vill",
                        [
                            "Läsa handlingen på plats",
                            "Få en kopia på papper",
                            "Få en kopia via e-post",
                        ],
                    ),
                ],
            ),
            (
                "Kontaktuppgifter (frivilligt)",
                [
                    ("pair", "Namn", "Telefon"),
                    ("field", "Adress eller e-post"),
                ],
            ),
        ],
    },
]

# --- The site's own pages ------------------------------------------------------------
# The service area pages and service pages are in ``services.py``.

HOME = {
    "type": "HomePage",
    "slug": "exempelkommun",
    "title": MUNICIPALITY,
    "fields": {
        "intro": t("""Välkommen till Exempelkommun. Här hittar du kommunens service, blanketter
            och svar på vanliga frågor. Hittar du inte det du söker? Ring, mejla eller besök
            kontaktcenter, så hjälper vi dig."""),
        "top_tasks": [
            {"type": "link", "value": link(text, target)}
            for text, target in (
                ("Ansök om förskoleplats", "page:forskoleplats"),
                ("Felanmälan gata och belysning", "page:felanmalan-gata-och-belysning"),
                ("Blanketter", "page:blanketter"),
                ("Vanliga frågor och svar", "page:vanliga-fragor"),
                ("Kontakta oss", "page:kontakta-oss"),
                ("Bygglov", "page:bygglov"),
            )
        ],
    },
}

TELETAL_PAGE = {
    "type": "InformationPage",
    "slug": "teletal",
    "title": "Teletal",
    "reviewed": dt.date(2026, 9, 8),
    "fields": {
        "intro": t("""Har du tal-, röst- eller språksvårigheter? Teletal hjälper dig gratis
            när du ringer till oss eller till någon annan."""),
        "body": [
            paragraph("""<p>Personer med tal-, röst- eller språksvårigheter som behöver
                telefonstöd får gratis hjälp av Teletal. En tolk, som kan tolka svårförstått
                tal, tolkar eller ger stöd i form av förtydligande, minnesstöd eller
                anteckningshjälp under telefonsamtal.</p>"""),
            heading("Så använder du Teletal"),
            steps(
                [
                    "<p>Kontakta Teletal och berätta vem du vill ringa, till exempel kontaktcenter "
                    "i Exempelkommun på 08-465 004 00.</p>",
                    "<p>Teletal kopplar upp samtalet och tolken är med under hela samtalet.</p>",
                    "<p>Vill du kan tolken skriva ner det viktigaste, så att du kan läsa det efteråt.</p>",
                ]
            ),
            paragraph("""<p>Teletal är en tjänst som Post- och telestyrelsen (PTS) betalar
                för. Den är gratis för dig och för den du ringer till. Tolken har
                tystnadsplikt.</p>"""),
            links(
                [("Teletal: mer information och kontaktuppgifter", "https://www.teletal.se")],
                heading="Mer information",
            ),
        ],
    },
}

CONTACT = {
    "type": "ContactCentrePage",
    "slug": "kontakta-oss",
    "title": "Kontakta oss",
    "fields": {
        "intro": t("""<p>Du kan alltid vända dig till Exempelkommuns kontaktcenter med dina
            frågor om kommunens verksamhet och service. Kontaktcenter är en väg in till hela
            kommunen: du når oss på telefon, via e-post eller genom att besöka oss i Stadshuset,
            Stadshusplatsen 1, entréplan.</p>
            <p>Vi svarar direkt på de vanligaste frågorna och hjälper dig med enklare ärenden
            redan när du kontaktar oss. Behöver du mer hjälp ser vi till att du kommer till rätt
            handläggare. Du kan också titta i <a href="page:vanliga-fragor">Vanliga frågor och
            svar</a> – kanske finns svaret redan där.</p>
            <p>Ring <b>08-465 004 00</b> och välj område i talsvaret. Vet du vem du söker kan du
            ringa vår röststyrda växel på <b>08-465 004 01</b> och säga namnet. Kommunens
            officiella e-postadress är kontaktcenter@exempelkommun.example.</p>
            <p>Vid nödsituation: ring <b>112</b> (ambulans, polis, räddningstjänst). Akuta fel på
            vatten, avlopp, gator och belysning kan du anmäla dygnet runt, se
            <a href="page:larm-och-felanmalan">Larm och felanmälan</a>.</p>"""),
        "visit_text": t("""<p>I kontaktcenter i Stadshuset kan du få hjälp att fylla i
            blanketter, hämta informationsmaterial och få svar på de vanligaste frågorna. Du kan
            låna en dator för att använda kommunens e-tjänster, och personalen hjälper dig om du
            vill.</p>
            <p>Vi har även en bygglovsexpedition där du kan få hjälp att ansöka om bygglov eller
            titta på ritningar och pågående planarbeten. Kommunens samhällsvägledare tar emot
            studiebesök och hjälper dig med annan samhällsinformation. Här kan du också köpa
            kartor och böcker om kommunen.</p>
            <p>Du behöver inte boka tid för att besöka kontaktcenter. Vill du träffa en
            handläggare, till exempel en bygglovshandläggare, bokar du tid genom oss. Behöver du
            tolk? Säg det när du bokar, så ordnar vi en tolk utan kostnad för dig.</p>
            <p>Entrén är tillgänglig med rullstol och det finns hörslinga vid disken.</p>"""),
        "teletal_text": t("""<p>Personer med tal-, röst- eller språksvårigheter som behöver
            telefonstöd får gratis hjälp av Teletal. En tolk, som kan tolka svårförstått tal,
            tolkar eller ger stöd i form av förtydligande, minnesstöd eller anteckningshjälp
            under telefonsamtal. <a href="page:teletal">Så använder du Teletal</a>.</p>"""),
        "teletal_url": "https://www.teletal.se",
        "department_directory": "page:kontaktuppgifter-forvaltningar",
        "faq_page": "page:vanliga-fragor",
        "feedback_page": "page:synpunkter-och-klagomal",
    },
    "children": [TELETAL_PAGE],
}

DEPARTMENT_DIRECTORY = {
    "type": "DepartmentDirectoryPage",
    "slug": "kontaktuppgifter-forvaltningar",
    "title": "Kontaktuppgifter förvaltningar",
    "fields": {
        "intro": t("""Här hittar du telefonnummer, e-post och adresser till kommunens
            förvaltningar. Vet du inte vem du ska vända dig till? Ring kontaktcenter på
            08-465 004 00, så hjälper vi dig vidare."""),
    },
}

FAQ_PAGE = {
    "type": "FAQPage",
    "slug": "vanliga-fragor",
    "title": "Vanliga frågor och svar",
    "fields": {
        "intro": t("""Här har vi samlat svaren på de frågor vi oftast får i kontaktcenter. Sök
            eller bläddra bland områdena. Hittar du inte svaret? Kontakta oss, så hjälper vi
            dig."""),
    },
}

BLANKETT_LIBRARY = {
    "type": "BlankettLibraryPage",
    "slug": "blanketter",
    "title": "Blanketter",
    "fields": {
        "intro": t("""Här hittar du kommunens blanketter. Du kan fylla i dem på datorn eller
            skriva ut dem, och skicka dem till adressen på blanketten eller lämna dem i
            kontaktcenter i Stadshuset. Behöver du hjälp att fylla i en blankett? Kom till
            kontaktcenter, så hjälper vi dig."""),
    },
}

OFFICIALS_REGISTER = {
    "type": "OfficialsRegisterPage",
    "slug": "fortroendemannaregister",
    "title": "Förtroendemannaregister",
    "fields": {
        "intro": t("""Förtroendemannaregistret visar vilka politiker som sitter i
            kommunfullmäktige, kommunstyrelsen och nämnderna och vilket parti de företräder. Du
            kan söka på namn och välja parti och nämnd. Vill du se tidigare mandatperioder kan du
            visa dem också. Vill du kontakta en politiker kan du mejla direkt eller ringa
            kontaktcenter."""),
    },
}

ACCESSIBILITY = {
    "type": "AccessibilityStatementPage",
    "slug": "tillganglighetsredogorelse",
    "title": "Tillgänglighetsredogörelse",
    "fields": {
        "intro": t("""<p>Exempelkommun står bakom den här webbplatsen. Vi vill att så många som
            möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen om
            tillgänglighet till digital offentlig service, vilka kända brister som finns och hur
            du kan rapportera problem till oss, så att vi kan åtgärda dem.</p>
            <p>Behöver du innehåll från webbplatsen i ett annat format, till exempel en
            tillgänglig PDF, lättläst text, storstil eller en inläsning? Kontakta oss, så
            hjälper vi dig.</p>"""),
        "compliance_status": "partial",
        "non_compliance": t("""<ul>
            <li>Flera av våra PDF-blanketter saknar taggar och struktur. En skärmläsare kan
            därför inte läsa upp fälten i rätt ordning, och vissa fält saknar beskrivning
            (WCAG 1.3.1 och 4.1.2). Vi ersätter blanketterna med e-tjänster och tillgängliga
            PDF-filer under 2027. Fram till dess hjälper kontaktcenter dig att fylla i
            blanketterna.</li>
            <li>Några äldre filmer saknar undertexter (WCAG 1.2.2). Vi textar dem under våren
            2027.</li>
            <li>Kartan över återvinningsstationer går inte att använda med bara tangentbord
            (WCAG 2.1.1). Samma adresser finns som en lista på sidan om sophämtning och
            återvinning.</li>
            <li>Några knappar i systemet för lokalbokning har för låg kontrast (WCAG 1.4.3). Vi
            har påtalat felet för leverantören.</li>
            </ul>"""),
        "disproportionate_burden": t("""<p>Kommunfullmäktiges protokoll från 1971–2009 finns
            som inskannade bilder utan text, och en skärmläsare kan inte läsa dem. Att göra om
            alla protokoll till tillgängliga dokument skulle vara oskäligt betungande, eftersom
            det är tiotusentals sidor som sällan efterfrågas. Vill du ta del av ett protokoll
            läser vi gärna upp det eller tar fram en maskinläsbar version till dig.</p>"""),
        "outside_scope": t("""<ul>
            <li>Dokument i PDF- eller Word-format som publicerades före den 23 september 2018,
            om de inte behövs för en pågående tjänst.</li>
            <li>Direktsända sändningar från kommunfullmäktiges möten. Inspelningarna textar vi
            inom två veckor.</li>
            <li>Innehåll från andra som vi varken betalar för eller kontrollerar, till exempel
            inbäddade kartor från andra organisationer.</li>
            </ul>"""),
        "report_email": "tillganglighet@exempelkommun.example",
        "report_phone": "08-465 004 00",
        "response_time": "Vi svarar inom två arbetsdagar.",
        "assessment_method": "self",
        "assessment_description": t("""<p>Vi har granskat webbplatsen själva, med stöd av
            kommunens tillgänglighetssamordnare. Granskningen omfattade startsidan, ett urval
            av tjänstesidor från varje område, kontaktsidan, sökningen, blanketterna och
            förtroendemannaregistret.</p>
            <ul>
            <li>automatiska tester med axe på alla sidmallar,</li>
            <li>manuell kontroll med bara tangentbord och med förstoring till 400 procent,</li>
            <li>test med skärmläsarna NVDA i Windows och VoiceOver i iOS,</li>
            <li>kontroll av kontraster, rubrikstruktur och formulär mot WCAG 2.1 nivå AA.</li>
            </ul>"""),
        "assessed_on": dt.date(2026, 9, 15),
        "published_on": dt.date(2026, 3, 2),
        "statement_updated_on": dt.date(2026, 9, 30),
    },
}

PRIVACY = {
    "type": "PrivacyNoticePage",
    "slug": "personuppgifter",
    "title": "Så behandlar vi dina personuppgifter",
    "reviewed": dt.date(2026, 8, 20),
    "fields": {
        "intro": t("""Kommunen behandlar personuppgifter för att kunna ge dig service och
            utföra de uppgifter vi har enligt lag. Här kan du läsa varför vi gör det, hur länge
            vi sparar uppgifterna och vilka rättigheter du har enligt dataskyddsförordningen
            (GDPR)."""),
        "body": [
            heading("Vem ansvarar för dina personuppgifter?"),
            paragraph("""<p>Varje nämnd är personuppgiftsansvarig för de uppgifter som
                behandlas i dess verksamhet. För den här webbplatsen, kontaktcenter och
                synpunkter och klagomål är det kommunstyrelsen. Om du till exempel ansöker om
                bygglov är det bygg- och miljönämnden som ansvarar för uppgifterna i ditt
                ärende.</p>"""),
            heading("Varför behandlar vi personuppgifter?"),
            paragraph("""<p>Vi behandlar personuppgifter för att kunna handlägga ditt ärende,
                svara på dina frågor, ge dig de tjänster du har ansökt om, ta ut avgifter och
                uppfylla våra skyldigheter enligt lag, till exempel att registrera och arkivera
                allmänna handlingar. Vi samlar inte in fler uppgifter än vi behöver.</p>"""),
            heading("Rättslig grund"),
            paragraph("""<p>Kommunen får behandla personuppgifter när det finns stöd i
                dataskyddsförordningen. Oftast gäller en av de här grunderna:</p>
                <ul>
                <li><b>Allmänt intresse och myndighetsutövning:</b> när vi utför uppgifter som
                kommunen har enligt lag, till exempel socialtjänst, skola och bygglov.</li>
                <li><b>Rättslig förpliktelse:</b> när en lag kräver att vi behandlar uppgifterna,
                till exempel bokföring och arkivering.</li>
                <li><b>Avtal:</b> när vi behöver uppgifterna för att uppfylla ett avtal med dig,
                till exempel när du hyr en lokal.</li>
                <li><b>Samtycke:</b> i vissa fall, till exempel när du vill ha nyhetsbrev. Du kan
                alltid ta tillbaka ett samtycke.</li>
                </ul>"""),
            heading("Hur länge sparar vi uppgifterna?"),
            paragraph("""<p>Handlingar som kommer in till eller skapas hos kommunen är allmänna
                handlingar. Enligt arkivlagen ska vissa sparas för alltid, medan andra gallras
                (förstörs) efter en viss tid. Hur länge vi sparar olika handlingar står i varje
                nämnds dokumenthanteringsplan, som du kan begära att få se.</p>"""),
            heading("Offentlighet och sekretess"),
            paragraph("""<p>Allmänna handlingar kan lämnas ut till den som begär det, om inte
                uppgifterna omfattas av sekretess. Uppgifter om dig i socialtjänstens,
                äldreomsorgens och skolans elevhälsas ärenden skyddas i regel av sekretess.</p>"""),
            heading("Vem delar vi uppgifterna med?"),
            paragraph("""<p>Vi lämnar bara ut uppgifter när lagen kräver det eller tillåter
                det, till exempel till Försäkringskassan eller Skatteverket. Företag som
                hjälper oss med IT-system och utskick får bara behandla uppgifterna enligt våra
                instruktioner, i ett personuppgiftsbiträdesavtal. Vi för inte över uppgifter
                till länder utanför EU/EES utan skydd som dataskyddsförordningen kräver.</p>"""),
            heading("Dina rättigheter"),
            paragraph("""<p>Du har rätt att</p>
                <ul>
                <li>få veta vilka uppgifter vi behandlar om dig (registerutdrag),</li>
                <li>få felaktiga uppgifter rättade,</li>
                <li>få uppgifter raderade, om vi inte måste spara dem enligt lag, till exempel
                arkivlagen,</li>
                <li>begära att behandlingen begränsas medan vi utreder om den är riktig,</li>
                <li>invända mot behandling som grundar sig på allmänt intresse,</li>
                <li>få ut uppgifter du har lämnat själv i ett maskinläsbart format, när
                behandlingen grundar sig på samtycke eller avtal.</li>
                </ul>
                <p>Skicka din begäran till den nämnd som har uppgifterna eller till kontaktcenter.
                Vi svarar inom en månad.</p>"""),
            heading("Dataskyddsombud"),
            paragraph("""<p>Kommunens dataskyddsombud övervakar att vi följer reglerna och
                hjälper dig om du har frågor. Du når dataskyddsombudet på
                dataskyddsombud@exempelkommun.example eller 08-465 004 65.</p>"""),
            heading("Klaga till Integritetsskyddsmyndigheten"),
            paragraph("""<p>Om du tycker att vi behandlar dina personuppgifter felaktigt kan du
                lämna klagomål till Integritetsskyddsmyndigheten (IMY), som är
                tillsynsmyndighet.</p>"""),
            links([("Integritetsskyddsmyndigheten (IMY)", "https://www.imy.se")], heading="Mer information"),
        ],
        "controller": "Kommunstyrelsen",
        "dpo_email": "dataskyddsombud@exempelkommun.example",
        "dpo_phone": "08-465 004 65",
    },
}

# The order of the pages under the home page, after the service area pages.
TOP_LEVEL_PAGES = [
    CONTACT,
    DEPARTMENT_DIRECTORY,
    FAQ_PAGE,
    BLANKETT_LIBRARY,
    OFFICIALS_REGISTER,
    ACCESSIBILITY,
    PRIVACY,
]
