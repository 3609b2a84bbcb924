"""Word lists the rules use: titles, honorifics, organisation heads, cue verbs, triggers.

Also a small table of well-known facts the reference packages do not carry: international
organisations, news agencies, cities that often host diplomacy, and landmark venues.
"""

from __future__ import annotations

# Words that make up an office title ("Deputy Foreign Minister", "Minister of National
# Defence"). Compared case-insensitively, token by token.
TITLE_WORDS = {
    "president",
    "vice",
    "prime",
    "minister",
    "ministers",
    "deputy",
    "first",
    "foreign",
    "defence",
    "defense",
    "secretary",
    "secretary-general",
    "general",
    "state",
    "councillor",
    "councilor",
    "chancellor",
    "premier",
    "vice-premier",
    "vice-president",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "special",
    "representative",
    "head",
    "chairman",
    "chairwoman",
    "chair",
    "speaker",
    "governor",
    "commander",
    "senior",
    "assistant",
    "undersecretary",
    "under-secretary",
    "leader",
    "king",
    "queen",
    "emir",
    "amir",
    "sultan",
    "crown",
    "prince",
    "princess",
    "sheikh",
    "mayor",
    "director",
    "director-general",
    "high",
    "commissioner",
    "executive",
    "officer",
    "press",
    "presidential",
    "affairs",
    "external",
    "interior",
    "finance",
    "trade",
    "economy",
    "national",
    "security",
    "adviser",
    "advisor",
    "top",
    "diplomat",
    "diplomats",
    "official",
    "main",
    "directorate",
    "political-military",
    "military",
    "armed",
    "forces",
    "of",
    "for",
    "and",
    "the",
    "to",
    "responsible",
    "acting",
    "former",
    "incoming",
    "outgoing",
    "permanent",
    "resident",
    "coordinator",
    "chargé",
    "charge",
    "d'affaires",
    "consul",
    "consul-general",
    "counsellor",
    "minister-counsellor",
    "attaché",
    "delegate",
    "delegation",
    "member",
    "mp",
    "senator",
    "congressman",
    "congresswoman",
    "lawmaker",
    "lieutenant",
    "colonel",
    "major",
    "admiral",
    "marshal",
    "staff",
    "joint",
    "army",
    "navy",
    "air",
    "force",
    "health",
    "education",
    "energy",
    "justice",
    "agriculture",
    "culture",
    "information",
    "commerce",
    "industry",
    "development",
    "cooperation",
    "international",
    "relations",
    "european",
    "union",
    "public",
    "works",
    "transport",
    "environment",
    "labour",
    "labor",
    "social",
    "welfare",
    "sports",
    "tourism",
    "youth",
    "women",
    "home",
    "office",
    "cabinet",
    "government",
    "region",
    "province",
    "governorate",
    "council",
    "party",
    "committee",
    "central",
    "people's",
    "republic",
    "federal",
    "federation",
    "kingdom",
    "sultanate",
    "emirate",
    "opposition",
    "ruling",
    "pm",
    "fm",
    "dpm",
    "vp",
    "grand",
    "supreme",
}

# Title heads: the word that says "this is an office holder".
TITLE_HEADS = {
    "president",
    "minister",
    "ministers",
    "secretary",
    "secretary-general",
    "councillor",
    "councilor",
    "chancellor",
    "premier",
    "vice-premier",
    "vice-president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "representative",
    "chairman",
    "chairwoman",
    "chair",
    "speaker",
    "governor",
    "commander",
    "undersecretary",
    "under-secretary",
    "leader",
    "king",
    "queen",
    "emir",
    "amir",
    "sultan",
    "prince",
    "princess",
    "mayor",
    "director",
    "director-general",
    "commissioner",
    "adviser",
    "advisor",
    "diplomat",
    "official",
    "chief",
    "consul",
    "consul-general",
    "counsellor",
    "delegate",
    "senator",
    "congressman",
    "congresswoman",
    "lawmaker",
    "mp",
    "pm",
    "fm",
    "head",
    "counterpart",
    "colonel",
    "general",
    "admiral",
    "marshal",
    "lieutenant",
    "major",
    "vp",
}

# Styles and honorifics before a name, as one table: the words of a line share what follows
# the colon. No flag: a style dropped from the name ("Sheikh Sabah ..." -> "Sabah ...",
# "Mr. Li" -> "Li"). "loose": also a given name, a surname or a common word, so it never
# marks a name on its own ("Tan", "Sri", "Nana Akufo-Addo", "Yang Jiechi"). "inside": after
# a given name it is a name part ("Sheikh Hasina" / "Hassan Sheikh Mohamud", "Reza Amir
# Tabrizi"). "given": far more often a given name than a style wherever it stands before
# another name word ("Foreign Minister Amir Tabrizi", "Raja Pervaiz Ashraf"). "word": a
# title word that is never dropped as a style. "surname": also a family name, the name
# itself after a courtesy title ("Ms. King said", "Mr. Prince"). "courtesy": a courtesy
# title, only ever before a family name ("Mr. Li", "Ms. King"). "style": an address, not a
# name, that a remembered alias never opens with ("Mr. Li", "Sir Alan", "President Vera" are
# the text's, the name is "Li", "Alan", "Vera"). A new honorific is one word on a line here.
_HONORIFIC_TABLE = """
mr  mrs  ms  miss  mx  dr  madam  : courtesy style
sir  : style
prof  professor  dame  lady  hon  honourable  honorable
h.e.  h.h.  h.r.h.  excellency  majesty  highness  royal  crown
princess  sheikha
emir  shaikh  : inside
sultan  sheikh  : inside surname
prince  king  queen  lord  bishop  marshal  pope  : surname
amir  : inside given
ratu  adi  dato  datuk  datin  tun  pehin  shri  smt  shrimati  thiru  thiru.  puan  tuan
gen  admiral  colonel  col  lt  maj  capt  brig  brigadier  cdr  commodore  retd
rev  cardinal  archbishop  imam  ayatollah  grand  mullah  maulana  hojatoleslam
haji  hajji  hajj  alhaji  berhormat  mwalimu  oba  dasho  lyonchhen  lyonpo
samdech  techo  akka  moha  padei
president  minister  : style
mp  premier  chancellor  secretary  ambassador  pm  fm  senator
he  his  her  general  chief  : loose
tan  toh  yang  nana  sena  : loose
sri  : loose inside
begum  bey  datu  nawab  pasha  : word inside
khan  malik  mir  raja  sardar  shah  : word inside given
"""


def _honorific_rows() -> dict[str, set[str]]:
    rows: dict[str, set[str]] = {}
    for line in _HONORIFIC_TABLE.strip().splitlines():
        words, _, flags = line.partition(":")
        for word in words.split():
            rows[word] = set(flags.split())
    return rows


HONORIFIC_FLAGS = _honorific_rows()
HONORIFICS = {w for w, flags in HONORIFIC_FLAGS.items() if "word" not in flags}
# Honorifics that never stand alone as a given name.
STRICT_HONORIFICS = {w for w in HONORIFICS if "loose" not in HONORIFIC_FLAGS[w]}
NAME_OR_TITLE_WORDS = {w for w, flags in HONORIFIC_FLAGS.items() if "inside" in flags}
GIVEN_NAME_TITLES = {w for w, flags in HONORIFIC_FLAGS.items() if "given" in flags}
STYLE_SURNAMES = {w for w, flags in HONORIFIC_FLAGS.items() if "surname" in flags}
# Courtesy titles that only ever stand before a family name ("Mr. Li", "Ms. King").
COURTESY_TITLES = {w for w, flags in HONORIFIC_FLAGS.items() if "courtesy" in flags}
ALIAS_STYLES = {w for w, flags in HONORIFIC_FLAGS.items() if "style" in flags}

# Lower-case particles of personal names, one table: the entries of a line (two spaces
# apart; an entry may be a sequence) share what follows the colon. "token": a word that is
# not counted as a name word ("Khalid bin Salman" has two; the mentions stage and the
# proposal's names compare the others). "between": joins a given name to a capitalised
# family name ("Tim van der Berg", "Ana de la Cruz"). "alias": may stand in lower case in a
# remembered alias ("Hamad bin Jassim").
_PARTICLE_TABLE = """
al  bin  bint  ibn  el  la  le  y  : token alias
da  de  del  der  di  du  dos  van  von  : token alias between
della  den  das  : token between
ben  abu  ul  ud  e  zu  af  : token
ter  ten  : between
van der  van den  van de  de la  de los  de las  von der  : between
"""


def _particle_rows() -> dict[str, set[str]]:
    import re

    rows: dict[str, set[str]] = {}
    for line in _PARTICLE_TABLE.strip().splitlines():
        entries, _, flags = line.partition(":")
        for entry in re.split(r"\s{2,}", entries.strip()):
            rows[entry] = set(flags.split())
    return rows


PARTICLE_FLAGS = _particle_rows()
PARTICLES = {w for w, flags in PARTICLE_FLAGS.items() if "token" in flags}
PARTICLES_BETWEEN_NAMES = tuple(w for w, flags in PARTICLE_FLAGS.items() if "between" in flags)
ALIAS_PARTICLES = {w for w, flags in PARTICLE_FLAGS.items() if "alias" in flags}
# Lower-case words inside a body's name ("Ministry of Foreign Affairs"); never its first.
BODY_NAME_LINKS = {"of", "for", "and", "the", "on", "in"}
# After "A's": words that make the state a side ("Peru's top diplomat", "Chile's delegation").
SIDE_NOUNS = {
    "top", "new", "former", "chief", "head", "heads", "leader", "leaders", "leadership",
    "delegation", "delegations", "government", "side", "team", "officials", "envoy", "envoys",
    "representative", "representatives", "counterpart", "ambassador", "foreign", "prime",
    "deputy", "acting", "interim", "king", "queen", "emir", "crown", "president", "premier",
    "chancellor", "minister", "ministers", "military", "army", "defence", "defense", "trade",
    "finance", "national", "special", "senior", "visiting", "outgoing", "incoming", "first",
}  # fmt: skip

# Lower-case nouns that, right before a capitalised name, mark it as a person.
PERSON_CUE_NOUNS = {
    "counterpart",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "premier",
    "chancellor",
    "secretary",
    "ambassador",
    "envoy",
    "leader",
    "official",
    "adviser",
    "advisor",
    "diplomat",
    "chief",
    "governor",
    "mayor",
    "king",
    "prince",
    "commander",
    "general",
    "representative",
    "chairman",
    "director",
    "colleague",
    "opposite number",
    "host",
    "guest",
    "lawmaker",
    "senator",
    "speaker",
    "emir",
    "sultan",
    "mediator",
    "negotiator",
    "facilitator",
    "monarch",
    "queen",
    "pontiff",
    "journalist",
    "reporter",
    "activist",
    "dissident",
    "lawyer",
    "negotiators",
}

# Organisation head words: a capitalised run ending in (or containing) one is an organisation.
ORG_HEADS = {
    "ministry",
    "agency",
    "service",
    "council",
    "organisation",
    "organization",
    "party",
    "army",
    "forces",
    "parliament",
    "duma",
    "university",
    "movement",
    "union",
    "assembly",
    "committee",
    "commission",
    "bank",
    "fund",
    "office",
    "embassy",
    "consulate",
    "department",
    "navy",
    "kremlin",
    "house",
    "front",
    "alliance",
    "association",
    "institute",
    "court",
    "senate",
    "cabinet",
    "secretariat",
    "corporation",
    "company",
    "group",
    "coalition",
    "bloc",
    "community",
    "guard",
    "police",
    "command",
    "federation",
    "legislature",
    "knesset",
    "majlis",
    "bundestag",
    "rada",
    "sejm",
    "diet",
    "chamber",
    "press",
    "news",
    "television",
    "radio",
    "times",
    "post",
    "journal",
    "herald",
    "tribune",
    "daily",
    "gazette",
    "telegraph",
    "broadcasting",
    "network",
    "foundation",
    "mission",
    "administration",
    "government",
    "military",
}
# Organisations that are named by their head word alone ("the Kremlin", "Parliament").
STANDALONE_ORGS = {
    "parliament",
    "duma",
    "kremlin",
    "knesset",
    "majlis",
    "bundestag",
    "rada",
    "sejm",
    "congress",
    "senate",
    "pentagon",
    "politburo",
    "storting",
    "riksdag",
    "folketing",
}
# Heads that describe an event, a place or a thing rather than an organisation.
NON_ORG_RUN_WORDS = {
    "summit",
    "meeting",
    "conference",
    "forum",
    "talks",
    "stadium",
    "palace",
    "airport",
    "oval",
    "prize",
    "process",
    "sea",
    "ocean",
    "river",
    "island",
    "islands",
    "war",
    "day",
    "cyclone",
    "typhoon",
    "hurricane",
    "storm",
    "festival",
    "games",
    "cup",
    "league",
    "square",
    "street",
    "road",
    "hotel",
    "hall",
    "bridge",
    "port",
    "plan",
    "treaty",
    "agreement",
    "accord",
    "deal",
    "initiative",
    "declaration",
    "strategy",
    "act",
    "law",
    "region",
    "province",
    "district",
    "city",
    "county",
    "mountains",
    "valley",
    "congress",
    "session",
    "ministerial",
    "expo",
    "exhibition",
    "olympics",
    "championship",
    "university's",
    "peninsula",
    "gulf",
    "strait",
    "canal",
    "lake",
    "building",
    "tower",
    "centre",
    "center",
}

# News agencies, broadcasters and other media cited as sources: (name, country, aliases).
MEDIA = [
    ("Xinhua", "CN", ("Xinhua News Agency", "Xinhua news agency")),
    ("China Daily", "CN", ()),
    ("Global Times", "CN", ()),
    ("CGTN", "CN", ()),
    ("People's Daily", "CN", ()),
    ("TASS", "RU", ("ITAR-TASS", "Tass")),
    ("RIA Novosti", "RU", ("RIA",)),
    ("Interfax", "RU", ()),
    ("Sputnik News", "RU", ()),
    ("RT", "RU", ()),
    ("Kommersant", "RU", ()),
    ("Reuters", "GB", ()),
    ("BBC", "GB", ()),
    ("Agence France-Presse", "FR", ("AFP",)),
    ("Associated Press", "US", ("AP",)),
    ("Bloomberg News", "US", ()),
    ("CNN", "US", ()),
    ("Kyodo", "JP", ("Kyodo News",)),
    ("NHK", "JP", ()),
    ("Yonhap", "KR", ("Yonhap News Agency",)),
    ("KCNA", "KP", ("Korean Central News Agency",)),
    ("IRNA", "IR", ()),
    ("Tasnim", "IR", ("Tasnim News Agency",)),
    ("Fars News Agency", "IR", ()),
    ("Mehr News Agency", "IR", ()),
    ("ISNA", "IR", ()),
    ("Anadolu Agency", "TR", ("Anadolu",)),
    ("Press Trust of India", "IN", ("PTI",)),
    ("IANS", "IN", ("Indo-Asian News Service",)),
    ("ANI", "IN", ()),
    ("Bernama", "MY", ()),
    ("Antara", "ID", ()),
    ("Vietnam News Agency", "VN", ("VNA",)),
    ("Philippine News Agency", "PH", ("PNA",)),
    ("Saudi Press Agency", "SA", ("SPA",)),
    ("Emirates News Agency", "AE", ("WAM",)),
    ("Kuwait News Agency", "KW", ("KUNA",)),
    ("Qatar News Agency", "QA", ("QNA",)),
    ("Oman News Agency", "OM", ("ONA",)),
    ("Bahrain News Agency", "BH", ("BNA",)),
    ("Middle East News Agency", "EG", ("MENA",)),
    ("Petra News Agency", "JO", ()),
    ("SANA", "SY", ("Syrian Arab News Agency",)),
    ("Al Jazeera", "QA", ()),
    ("Kazinform", "KZ", ()),
    ("BelTA", "BY", ()),
    ("Ukrinform", "UA", ()),
    ("Azertac", "AZ", ("AZERTAC",)),
    ("Trend News Agency", "AZ", ()),
    ("Armenpress", "AM", ()),
    ("Kabar", "KG", ()),
    ("Khovar", "TJ", ()),
    ("UzA", "UZ", ()),
    ("MIA", "MK", ("Macedonian Information Agency",)),
    ("Tanjug", "RS", ()),
    ("HINA", "HR", ()),
    ("ANSA", "IT", ()),
    ("EFE", "ES", ()),
    ("dpa", "DE", ("DPA", "Deutsche Presse-Agentur")),
    ("PAP", "PL", ()),
    ("CTK", "CZ", ()),
    ("MTI", "HU", ()),
    ("Ethiopian News Agency", "ET", ("ENA",)),
    ("News Agency of Nigeria", "NG", ("NAN",)),
    ("APS", "DZ", ("Algerie Presse Service",)),
    ("MAP", "MA", ()),
    ("Prensa Latina", "CU", ()),
    ("Telam", "AR", ()),
    ("Agencia Brasil", "BR", ()),
    ("Australian Associated Press", "AU", ("AAP",)),
    ("RNZ", "NZ", ()),
    ("Fiji Times", "FJ", ()),
    ("Central News Agency", "TW", ("CNA",)),
    ("APP", "PK", ("Associated Press of Pakistan",)),
    ("BSS", "BD", ()),
    ("Lanka Puvath", "LK", ()),
    ("News.Az", "AZ", ()),
    ("Ynet", "IL", ()),
    ("WAFA", "PS", ()),
    ("Press TV", "IR", ()),
    ("Nikkei", "JP", ("Nikkei Asia",)),
    ("Petra", "JO", ("Jordan News Agency",)),
    ("Agerpres", "RO", ()),
]

# National bodies often named by an acronym: (name, country, aliases).
NATIONAL_ORGS = [
    ("Communist Party of China", "CN", ("CPC", "Chinese Communist Party", "CCP")),
    ("People's Liberation Army", "CN", ("PLA",)),
    ("Ministry of Foreign Affairs of China", "CN", ("Chinese Foreign Ministry",)),
    ("National People's Congress", "CN", ("NPC",)),
    ("United Russia", "RU", ()),
    ("State Duma", "RU", ()),
    ("Federation Council", "RU", ()),
    ("Rosatom", "RU", ()),
    ("Gazprom", "RU", ()),
    ("White House", "US", ()),
    ("State Department", "US", ("US State Department", "U.S. State Department")),
    ("Pentagon", "US", ()),
    ("Central Intelligence Agency", "US", ("CIA",)),
    ("Islamic Revolutionary Guard Corps", "IR", ("IRGC",)),
    ("Hamas", "PS", ()),
    ("Fatah", "PS", ()),
    ("Palestine Liberation Organization", "PS", ("PLO",)),
    ("Hezbollah", "LB", ()),
    ("Ansarullah", "YE", ("Houthis", "Houthi movement")),
    ("Taliban", "AF", ()),
    ("Bharatiya Janata Party", "IN", ("BJP",)),
    ("Indian National Congress", "IN", ()),
    ("Ministry of External Affairs", "IN", ("MEA",)),
    ("Quai d'Orsay", "FR", ()),
    ("Foreign, Commonwealth and Development Office", "GB", ("FCDO", "Foreign Office")),
    ("Downing Street", "GB", ()),
    ("Kremlin", "RU", ()),
]

# International organisations: (name, aliases). Country is always None.
INTERNATIONAL = [
    ("United Nations", ("UN", "U.N.")),
    (
        "United Nations Security Council",
        ("UN Security Council", "U.N. Security Council", "UNSC"),
    ),
    ("United Nations General Assembly", ("UN General Assembly", "UNGA")),
    ("European Union", ("EU", "E.U.")),
    ("European Commission", ()),
    ("NATO", ("North Atlantic Treaty Organization",)),
    ("Shanghai Cooperation Organisation", ("SCO", "Shanghai Cooperation Organization")),
    (
        "Collective Security Treaty Organization",
        ("CSTO", "Collective Security Treaty Organisation"),
    ),
    ("Commonwealth of Independent States", ("CIS",)),
    ("Eurasian Economic Union", ("EAEU", "EEU")),
    ("Asia-Pacific Economic Cooperation", ("APEC",)),
    ("Association of Southeast Asian Nations", ("ASEAN",)),
    ("African Union", ("AU",)),
    ("Arab League", ("League of Arab States",)),
    ("Gulf Cooperation Council", ("GCC",)),
    ("Organisation of Islamic Cooperation", ("OIC", "Organization of Islamic Cooperation")),
    ("BRICS", ()),
    ("G7", ("G-7", "Group of Seven")),
    ("G20", ("G-20", "Group of 20")),
    ("OPEC", ()),
    ("Organization for Security and Co-operation in Europe", ("OSCE",)),
    ("Council of Europe", ()),
    ("World Health Organization", ("WHO",)),
    ("International Atomic Energy Agency", ("IAEA",)),
    ("International Monetary Fund", ("IMF",)),
    ("World Bank", ()),
    ("World Trade Organization", ("WTO",)),
    ("Pacific Islands Forum", ("PIF",)),
    ("Economic Community of West African States", ("ECOWAS",)),
    ("Southern African Development Community", ("SADC",)),
    ("Intergovernmental Authority on Development", ("IGAD",)),
    ("South Asian Association for Regional Cooperation", ("SAARC",)),
    ("Mercosur", ()),
    ("Organization of American States", ("OAS",)),
    ("Community of Latin American and Caribbean States", ("CELAC",)),
    ("Caribbean Community", ("CARICOM",)),
    ("International Committee of the Red Cross", ("ICRC",)),
    ("International Criminal Court", ("ICC",)),
    ("Conference on Interaction and Confidence-Building Measures in Asia", ("CICA",)),
    ("Quad", ("Quadrilateral Security Dialogue",)),
    ("African Union Commission", ("AU Commission",)),
    ("European Council", ()),
    ("Council of the European Union", ()),
    ("European Parliament", ()),
    ("UN Human Rights Council", ("United Nations Human Rights Council",)),
    ("International Organization for Migration", ("IOM",)),
    ("East Asia Summit", ()),
    ("Indian Ocean Rim Association", ("IORA",)),
    ("Nordic Council", ()),
    ("Arctic Council", ()),
    ("Andean Community", ()),
    ("Organization of Turkic States", ("Organisation of Turkic States",)),
    ("Non-Aligned Movement", ()),
    ("International Court of Justice", ("ICJ",)),
    ("UNESCO", ()),
    ("UNICEF", ()),
    ("UNHCR", ()),
    ("World Food Programme", ("WFP",)),
    ("Interpol", ()),
    ("Commonwealth of Nations", ()),
]

# Landmark venues that name their city.
VENUES = {
    "kremlin": ("Moscow", "RU"),
    "white house": ("Washington", "US"),
    "oval office": ("Washington", "US"),
    "vatican": ("Vatican City", "VA"),
    "apostolic palace": ("Vatican City", "VA"),
    "elysee palace": ("Paris", "FR"),
    "elysee": ("Paris", "FR"),
    "great hall of the people": ("Beijing", "CN"),
    "zhongnanhai": ("Beijing", "CN"),
    "diaoyutai": ("Beijing", "CN"),
    "downing street": ("London", "GB"),
    "chancellery": ("Berlin", "DE"),
    "akorda": ("Astana", "KZ"),
    "blue house": ("Seoul", "KR"),
    "kantei": ("Tokyo", "JP"),
    "rashtrapati bhavan": ("New Delhi", "IN"),
    "hyderabad house": ("New Delhi", "IN"),
    "bellevue palace": ("Berlin", "DE"),
    "quirinal palace": ("Rome", "IT"),
    "palazzo chigi": ("Rome", "IT"),
    "la moncloa": ("Madrid", "ES"),
    "pentagon": ("Washington", "US"),
    "state department": ("Washington", "US"),
    "mariinsky palace": ("Kyiv", "UA"),
    "kirribilli house": ("Sydney", "AU"),
    "parliament house": ("Canberra", "AU"),
}

# Cities other than capitals that often host diplomacy: name -> ISO code.
CITIES = {
    "Sochi": "RU",
    "St. Petersburg": "RU",
    "Saint Petersburg": "RU",
    "Vladivostok": "RU",
    "Kazan": "RU",
    "Novo-Ogaryovo": "RU",
    "Shanghai": "CN",
    "Hangzhou": "CN",
    "Xi'an": "CN",
    "Guangzhou": "CN",
    "Shenzhen": "CN",
    "Tianjin": "CN",
    "Chengdu": "CN",
    "Xiamen": "CN",
    "Qingdao": "CN",
    "Boao": "CN",
    "Wuhan": "CN",
    "Nanning": "CN",
    "Kunming": "CN",
    "Jeddah": "SA",
    "Neom": "SA",
    "Mecca": "SA",
    "Makkah": "SA",
    "Dubai": "AE",
    "Sharm el-Sheikh": "EG",
    "Alexandria": "EG",
    "Istanbul": "TR",
    "Antalya": "TR",
    "Izmir": "TR",
    "New York": "US",
    "San Francisco": "US",
    "Los Angeles": "US",
    "Camp David": "US",
    "Wilmington": "US",
    "Windsor": "GB",
    "Chequers": "GB",
    "Hillsborough": "GB",
    "Belém": "BR",
    "Manaus": "BR",
    "Foz do Iguaçu": "BR",
    "Kananaskis": "CA",
    "Elmau": "DE",
    "Meseberg": "DE",
    "Bled": "SI",
    "Taormina": "IT",
    "Labuan Bajo": "ID",
    "Yekaterinburg": "RU",
    "Ufa": "RU",
    "Sanya": "CN",
    "Dalian": "CN",
    "Harbin": "CN",
    "Incheon": "KR",
    "Gyeongju": "KR",
    "Nagoya": "JP",
    "Sapporo": "JP",
    "Varanasi": "IN",
    "AlUla": "SA",
    "El Alamein": "EG",
    "Lucerne": "CH",
    "Bürgenstock": "CH",
    "Montreux": "CH",
    "Woodside": "US",
    "Greenville": "US",
    "Mar-a-Lago": "US",
    "Anchorage": "US",
    "Honolulu": "US",
    "Geneva": "CH",
    "Davos": "CH",
    "Lausanne": "CH",
    "Zurich": "CH",
    "Munich": "DE",
    "Hamburg": "DE",
    "Frankfurt": "DE",
    "Bonn": "DE",
    "Osaka": "JP",
    "Hiroshima": "JP",
    "Kyoto": "JP",
    "Mumbai": "IN",
    "Kolkata": "IN",
    "Bengaluru": "IN",
    "Ahmedabad": "IN",
    "Goa": "IN",
    "Chennai": "IN",
    "Hyderabad": "IN",
    "Karachi": "PK",
    "Lahore": "PK",
    "Sydney": "AU",
    "Melbourne": "AU",
    "Brisbane": "AU",
    "Perth": "AU",
    "Auckland": "NZ",
    "Christchurch": "NZ",
    "Bali": "ID",
    "Nusa Dua": "ID",
    "Surabaya": "ID",
    "Busan": "KR",
    "Jeju": "KR",
    "Ho Chi Minh City": "VN",
    "Da Nang": "VN",
    "Danang": "VN",
    "Cebu": "PH",
    "Davao": "PH",
    "Penang": "MY",
    "Johannesburg": "ZA",
    "Durban": "ZA",
    "Cape Town": "ZA",
    "Lagos": "NG",
    "Mombasa": "KE",
    "Marrakech": "MA",
    "Casablanca": "MA",
    "Tangier": "MA",
    "Oran": "DZ",
    "Benghazi": "LY",
    "Aden": "YE",
    "Erbil": "IQ",
    "Basra": "IQ",
    "Mashhad": "IR",
    "Isfahan": "IR",
    "Tabriz": "IR",
    "Aqaba": "JO",
    "Tel Aviv": "IL",
    "Haifa": "IL",
    "Gaza": "PS",
    "Salalah": "OM",
    "Lusail": "QA",
    "Almaty": "KZ",
    "Samarkand": "UZ",
    "Bukhara": "UZ",
    "Osh": "KG",
    "Batumi": "GE",
    "Odesa": "UA",
    "Odessa": "UA",
    "Lviv": "UA",
    "Kharkiv": "UA",
    "Krakow": "PL",
    "Gdansk": "PL",
    "Milan": "IT",
    "Naples": "IT",
    "Venice": "IT",
    "Florence": "IT",
    "Barcelona": "ES",
    "Seville": "ES",
    "Marseille": "FR",
    "Strasbourg": "FR",
    "Nice": "FR",
    "Lyon": "FR",
    "Biarritz": "FR",
    "Versailles": "FR",
    "Manchester": "GB",
    "Edinburgh": "GB",
    "Cornwall": "GB",
    "Glasgow": "GB",
    "Belfast": "GB",
    "Salzburg": "AT",
    "Thessaloniki": "GR",
    "Porto": "PT",
    "Rotterdam": "NL",
    "Antwerp": "BE",
    "Toronto": "CA",
    "Montreal": "CA",
    "Vancouver": "CA",
    "Quebec": "CA",
    "Rio de Janeiro": "BR",
    "Sao Paulo": "BR",
    "São Paulo": "BR",
    "Guadalajara": "MX",
    "Cancun": "MX",
    "Cartagena": "CO",
    "Punta del Este": "UY",
    "Chittagong": "BD",
    "Kandy": "LK",
    "Mandalay": "MM",
    "Yangon": "MM",
    "Siem Reap": "KH",
    "Luang Prabang": "LA",
    "Chiang Mai": "TH",
    "Pattaya": "TH",
    "Lae": "PG",
    "Nadi": "FJ",
    "Lautoka": "FJ",
    "Kokshetau": "KZ",
    "Shymkent": "KZ",
    "Turkestan": "KZ",
    "Mazar-i-Sharif": "AF",
    "Kandahar": "AF",
    "Herat": "AF",
}

# Encounter kinds, strongest first (the annotation rules' priority: call > summit > talks >
# meeting > visit). One entry a kind, from which every pattern of the encounters stage that
# needs a kind's words is derived, so a new kind or trigger is one line here plus its test:
#   keys       lower-case substrings, one of which every trigger of the kind holds (a cheap
#              test that spares a sentence the slow patterns)
#   triggers   regular expressions, one a line, each a way the text tells such an encounter
#   nouns      the nouns that name such an encounter ("during the talks", "a planned trip")
#   case       True when the triggers are case-sensitive ("is in [A-Z]...": a place name)
MEETING_KINDS = {
    "call": {
        "keys": ("phone", "video", "virtual", "online", "call"),
        "triggers": (
            r"(?:tele)?phone ?(?:call|conversation|talks?|conference|discussion)s?",  # "phonecall"
            r"spoke (?:by|on|over) (?:the )?(?:tele)?phone|phoned|telephoned",
            r"(?:by|over|on|via) (?:the )?(?:tele)?phone",
            r"video[- ]?(?:conference|call|link|meeting|talks|summit)|videoconference",
            r"virtual (?:meeting|summit|talks)",
            r"(?:by|via) video|online (?:talks|meeting|summit)|call with",
        ),
        "nouns": ("call", "conversation"),
    },
    "summit": {
        "keys": ("summit",),
        "triggers": (r"summit(?:s)?",),
        "nouns": ("summit",),
    },
    "talks": {
        "keys": ("talk", "negotiat", "consult", "dialogue"),
        "triggers": (
            r"(?:held|hold|holds|holding|had|have|has|conducted|began|begin|opened|resumed)"
            r" (?:[\w-]+ ){0,4}?(?:talks|negotiations|consultations)",
            r"talks (?:with|between)|negotiations (?:with|between)",
            r"round of (?:\S+ ){0,2}?(?:talks|negotiations)",
            r"negotiated with",
            r"(?:talks|negotiations|consultations) (?:were|was|have been|had been|will be) held",
            r"(?:bilateral|a|the) talk (?:held|with)",
            r"the talks|their talks|the negotiations|strategic dialogue",
            r"(?:after|following|during|in|for) (?:[\w-]+ ){0,2}?(?:talks|negotiations)",
            r"(?:hours|days|weeks|rounds?) of (?:[\w-]+ )?(?:talks|negotiations)",
        ),
        "nouns": ("talks", "talk", "negotiations"),
    },
    "meeting": {
        "keys": (
            "met", "meet", "receiv", "host", "welcom", "confer", "courtesy", "sat down",
            "gathering", "discuss", "forum", "joint", "chair", "call", "spoke", "speaks",
            "talked", "bilateral", "lunch", "dinner", "breakfast", "banquet", "joined by",
            "address", "audience",
        ),
        "triggers": (
            r"met|meets|meet|meeting|meetings|received|receives|receive|hosted|hosts|host",
            r"welcomed|welcomes|welcome|conferred",
            r"(?<=is )(?:this week )?(?:welcoming|receiving|hosting)",
            r"courtesy (?:call|visit)|sat down with|gathering",
            r"discussed (?:[\w-]+ ){0,8}?with",
            # rule "plural-subject-discussed": "The foreign ministers of A and B, X and Y,
            # discussed trade" - a plural of people as the subject of "discussed"
            r"(?:ministers|leaders|presidents|premiers|counterparts)(?: of [^,.;]{1,40})?,? "
            r"(?-i:[A-Z])[^,.;]{2,40} and (?-i:[A-Z])[^,.;]{2,40},? (?:also )?discussed",
            r"held (?:a |an )?(?:[\w-]+ )?meeting|forum",
            r"held (?:[\w-]+ )?discussions with",
            r"(?:in|during|after|following|for) (?:[\w-]+ ){0,2}?discussions with",
            r"spoke (?:briefly |informally )?on the (?:sidelines|margins)",
            r"joint (?:session|news conference|press conference|meeting)|co-chaired",
            r"(?:called|calls|(?:will|to|would|shall) (?:also )?call) on "
            r"(?!(?:[\w'’-]+\s+){0,6}to\b)",
            r"(?:briefly|informally|privately) spoke|spoke (?:briefly|informally|privately)",
            r"chaired (?:a |the )?joint",
            # "spoke today with", "talked on Monday with": a day between the verb and "with"
            r"(?:spoke|speaks|talked) (?:(?:today|yesterday|again|separately|(?:on )?\w+day) )?"
            r"(?:with|to)",
            r"(?:held|hold|holds|had|have) a bilateral(?= (?:on|in|at|with)\b|[.,;])",
            r"working (?:lunch|dinner|breakfast)",
            r"(?:lunch|dinner|breakfast|banquet) (?:with|for|in hono(?:u)?r of)",
            # rule "joined-by": "On Wednesday, A and B will be joined by C" - the three meet
            r"(?:will be|was|were|are|is|have been|has been) joined by",
            # rule "addressed-body": "addressed the European Parliament" (a body only)
            r"address(?:ed|es|ing)?(?= the )",
            # rule "audience": "held an audience with", "granted an audience to", "in an
            # audience with" - a formal meeting with a head of state or a minister
            r"(?:held|holds|hold|had|has|have|granted|grants|gave|gives|in|during) "
            r"(?:an |a )?(?:[\w-]+ )?audiences? (?:with|to)",
        ),
        "nouns": ("meeting", "meet", "gathering", "forum", "conference"),
    },
    "visit": {
        "keys": (
            "visit", "trip", "tour", "arriv", "invitation", " is in ", "stay", "travel", "fly",
            "flies", "flew", "landed", "delegation",
        ),
        "triggers": (
            r"visit|visits|visited|visiting|trip|tour",
            r"arrived in|arrives in|arrive in",
            r"at the invitation of",
            r"is in [A-Z]\w+ (?:from|on|for|until)",
            r"stay",
            r"travel(?:s|led|ed|ling|ing)? to|fl(?:y|ies|ew) to|landed in",
            r"state visit|official visit",
            # rule "leads-delegation": "will lead a delegation to Lima" - a trip there
            r"(?:lead|leads|leading|led|head|heads|heading|headed) (?:a |an |the |his |her )?"
            r"(?:[\w-]+ ){0,3}?delegations? to (?=[A-Z])",
        ),
        "nouns": ("visit", "stay", "trip"),
        "case": True,
    },
}  # fmt: skip

# Buildings and landmarks that end a venue's name. A city's name at the start of one names
# the city only for a generic facility ("the Lima Convention Center"); a landmark named after
# a person or an airport ("the Victoria Memorial", "Santiago Bernabeu Stadium", "at Canberra
# Airport") is not the city of the encounter.
LANDMARK_NOUNS = {
    "airport", "memorial", "monument", "mausoleum", "stadium", "statue", "tomb", "cemetery",
    "shrine", "bridge", "arena",
}  # fmt: skip
FACILITY_NOUNS = {
    "center", "centre", "hall", "hotel", "house", "palace", "building", "complex", "museum",
    "theatre", "theater", "university", "park", "square", "tower", "base", "residence",
} | LANDMARK_NOUNS  # fmt: skip
GENERIC_FACILITY_WORDS = {
    "convention", "conference", "congress", "exhibition", "expo", "international", "national",
    "trade", "city", "state", "grand", "royal", "presidential", "government", "peace",
    "friendship", "cultural", "culture", "sports", "event", "events", "business", "world",
}  # fmt: skip

# Reporting verbs, one a line: the form ("_" for a space), then the other patterns it serves
# besides attributing a quotation. Every pattern that needs a reporting verb is derived
# from this table, so a new verb is one line here (plus its test).
#   weak         an attitude verb: it takes a quote only when no reporting verb frames the
#                sentence ("He said ..., which Ukraine hoped ...")
#   paraphrase   introduces reported speech without quote marks ("X said (that) ...")
#   trailing     closes a paraphrase ("..., X said.")
#   name-first   after a new capitalised name that follows a quote ('"...," Okafor said.')
#   attribution  after a name, an attribution rather than a party to an encounter
#   addressee    an object may stand between the verb and what was said ("told reporters");
#                after a quote, the name after it is the one told, never the speaker
#   relay        a source passes on what another said ("Xinhua quoted Xi as saying")
_REPORTING_VERBS = """
said          paraphrase trailing name-first attribution
says          paraphrase trailing name-first attribution
say
told          paraphrase name-first attribution addressee
tells         addressee
added         paraphrase trailing name-first attribution
adds
stressed      paraphrase trailing name-first
stresses
noted         paraphrase trailing name-first attribution
notes
stated        paraphrase name-first attribution
states
declared      name-first
declares
emphasized    paraphrase name-first
emphasised    paraphrase name-first
emphasizes
emphasises
underlined    paraphrase name-first
underlines
underscored   paraphrase name-first
recalled      name-first
recalls
wrote         name-first
writes
tweeted       name-first
posted
urged
urges
called
calls
described
describing
describes
explained     name-first
explains
warned        name-first
warns
insisted      name-first
insists
affirmed      paraphrase name-first
affirms
reaffirmed    paraphrase
reiterated    paraphrase name-first
reiterates
announced     attribution
announces
asserted      name-first
asserts
argued        name-first
argues
claimed
claims
continued     weak name-first
replied       name-first
responded     name-first
answered      name-first
remarked      name-first
observed      name-first
pointed
pointed_out   paraphrase
highlighted   name-first
highlights
hailed        weak
praised       weak
expressed     weak
defends
defended
quoted        relay
cited         relay
according
agreed        weak
agreeing
vowed         weak
pledged       weak
promised      weak
acknowledged  weak name-first
admitted      weak name-first
suggested     weak
proposed      weak
concluded     weak name-first
assured       weak
welcomed      weak
condemned     weak
denounced     weak
criticized    weak
criticised    weak
accused       weak
thanked       weak
saying
adding
stressing
noting
stating
calling
urging
telling       addressee
hoped         weak
believes      weak
believed      weak
spoke
speaking
reported      attribution relay
reports
mentioned
put_it
commented     name-first
cautioned     name-first
conceded      name-first
lamented
maintained    name-first
asked         name-first
quipped       name-first
recounted     name-first
summed_up
went_on
explaining
revealed      paraphrase trailing name-first
reveals
indicated     paraphrase trailing name-first
indicates
disclosed     name-first
"""
REPORTING_VERBS: dict[str, frozenset[str]] = {
    row.split()[0].replace("_", " "): frozenset(row.split()[1:])
    for row in _REPORTING_VERBS.strip().splitlines()
}
CUE_VERBS = set(REPORTING_VERBS)


def reporting_verbs(use: str | None = None) -> list[str]:
    """The reporting verbs that serve ``use`` (all when None), longest first for regexes."""
    verbs = [v for v, uses in REPORTING_VERBS.items() if use is None or use in uses]
    return sorted(verbs, key=len, reverse=True)


# Later additions, kept together so the tables above stay readable.
TITLE_WORDS |= {"chairperson", "secretary-general", "chief executive"}
# Portfolios that end a long office title before the name ("High Representative for Foreign
# Affairs and Security Policy Ana Ruiz", "Minister of Planning and Investment Tran Van Ba").
# (Words that also head bodies' names - "Water", "Science" - are left out: "the National Water
# Agency" is no title.)
TITLE_WORDS |= {"policy", "commonwealth", "planning", "investment", "fisheries"}
TITLE_HEADS |= {"chairperson"}
# "Chargé d'Affaires Tom Reed": the second word heads the title ("charge" alone is a noun;
# "affaires" is the word a split at the apostrophe leaves).
TITLE_WORDS |= {"d’affaires"}
TITLE_HEADS |= {"chargé", "d'affaires", "d’affaires", "affaires"}
PERSON_CUE_NOUNS |= {"chairperson"}
# Nouns that only ever denote a person ("Kim's predecessor, Park Jin-ho"; "his deputy X").
PERSON_CUE_NOUNS |= {
    "predecessor", "successor", "deputy", "aide", "wife", "husband", "spouse", "son",
    "daughter", "brother", "sister", "chief of staff",
}  # fmt: skip
NON_ORG_RUN_WORDS |= {
    "dam", "corridor", "pipeline", "railway", "highway", "museum", "memorial", "monument",
    "cathedral", "mosque", "temple", "church", "canal", "zone", "plaza", "arena", "garden",
    "gardens", "tunnel", "terminal", "resort", "beach", "protocol", "framework", "charter",
    "convention", "resolution", "communique", "communiqué", "strategy", "award", "medal",
}  # fmt: skip
# Events that a possessive or a date stands beside ("Iran's Islamic Revolution in 1979"):
# neither a person nor a body.
NON_ORG_RUN_WORDS |= {"revolution", "uprising", "revolt", "rebellion", "genocide", "massacre"}
# Nouns that stand before a private person's name ("American citizens Ana Ruiz and Tom Reed").
PERSON_CUE_NOUNS |= {"citizen", "citizens", "national", "nationals", "journalist", "journalists"}
# Words that are also common surnames ("Park Jin", "Jonathan Field") never mark a place.
NON_ORG_RUN_WORDS -= {"park", "field", "castle", "fort", "bay", "cape", "hall", "port"}
PERSON_CUE_NOUNS |= {"counterparts"}  # "met her counterparts Ana Soto of Peru and ..."
# "Ambassador Extraordinary and Plenipotentiary of Kenya": the words of the envoy's full style.
TITLE_WORDS |= {"extraordinary", "plenipotentiary"}
# Portfolios of foreign ministries and regional bureaux that run long before the name ("the
# Minister for Trade, Fisheries and Kenyans Abroad, X"; "the Minister for Planning and
# Regional Integration, X"; "Assistant Secretary for Western Hemisphere Affairs
# X"): words of a title, never the name itself.
TITLE_WORDS |= {
    "abroad", "expatriates", "diaspora", "emigrants", "integration", "regional", "hemisphere",
    "worship",
}  # fmt: skip
# Regional adjectives of a portfolio: title words only right before another title word
# ("African Cooperation", "Western Hemisphere Affairs"), as they also open bodies' names
# ("Pacific Alliance", "Arab League").
PORTFOLIO_REGIONS = {
    "african", "asian", "arab", "pacific", "caribbean", "western", "eastern", "european",
    "american", "latin", "atlantic", "gulf", "nordic", "balkan", "mediterranean",
}  # fmt: skip
