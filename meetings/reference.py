"""Country reference data: ISO codes, common English names, demonyms, capitals, aliases.

Built from the installed ``countryinfo`` and ``countrynames`` packages plus a small table of
our own corrections (stale capitals, short common names, extra demonyms). Nothing is fetched
at run time. Pure Python: no Django imports, so the extraction pipeline can use it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

__all__ = ["Country", "code_for_name", "countries", "country", "country_name"]


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2, upper case; "XK" for Kosovo
    name: str  # common English short name
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


# Entries of countryinfo that are not current ISO 3166-1 countries (or duplicate one).
_SKIP_CODES = {"AN", "CS", ""}
_SKIP_NAMES = {"Wales", "Scotland"}

# Common English short names where the package's name is formal, dated or prefixed.
_NAMES = {
    "BS": "Bahamas",
    "GM": "Gambia",
    "CZ": "Czechia",
    "MK": "North Macedonia",
    "SZ": "Eswatini",
    "VA": "Vatican City",
    "FM": "Micronesia",
    "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands",
    "MF": "Saint Martin",
    "SX": "Sint Maarten",
    "HM": "Heard Island and McDonald Islands",
    "PS": "Palestine",
    "CV": "Cape Verde",
    "TL": "East Timor",
    "MM": "Myanmar",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "CI": "Ivory Coast",
    "GB": "United Kingdom",
    "US": "United States",
    "KR": "South Korea",
    "KP": "North Korea",
    "LA": "Laos",
    "SY": "Syria",
    "IR": "Iran",
    "RU": "Russia",
    "TW": "Taiwan",
    "BO": "Bolivia",
    "VE": "Venezuela",
    "TZ": "Tanzania",
    "MD": "Moldova",
    "BN": "Brunei",
    "VN": "Vietnam",
    "GS": "South Georgia and the South Sandwich Islands",
}

# Capitals the package has wrong or stale (renamed cities, seats of government).
_CAPITALS = {
    "KZ": ("Astana", "Nur-Sultan"),  # Nur-Sultan 2019-2022: old datelines use it
    "US": ("Washington", "Washington, D.C."),
    "VA": ("Vatican City",),
    "PS": ("Ramallah", "East Jerusalem"),
    "SZ": ("Mbabane", "Lobamba"),
    "MM": ("Naypyidaw", "Nay Pyi Taw"),
    "HK": ("Hong Kong",),
    "MO": ("Macau",),
    "BO": ("Sucre", "La Paz"),
    "ZA": ("Pretoria", "Cape Town"),
    "NL": ("Amsterdam", "The Hague"),
    "CI": ("Yamoussoukro", "Abidjan"),
    "LK": ("Sri Jayawardenepura Kotte", "Colombo"),
    "MY": ("Kuala Lumpur", "Putrajaya"),
    "TZ": ("Dodoma", "Dar es Salaam"),
    "BJ": ("Porto-Novo", "Cotonou"),
    "UA": ("Kyiv", "Kiev"),
    "IN": ("New Delhi",),
    "SB": ("Honiara",),
    "CH": ("Bern", "Berne"),
    "KI": ("Tarawa", "South Tarawa"),
    "NR": ("Yaren",),
    "PW": ("Ngerulmud",),
    "GL": ("Nuuk",),
    "XK": ("Pristina", "Prishtina"),
}

# Demonyms: replacements for odd package values, then extra adjectives used in news.
_DEMONYMS = {
    "US": ("American", "US", "U.S."),
    "GB": ("British", "UK", "U.K."),
    "AE": ("Emirati", "UAE"),
    "KR": ("South Korean", "Korean"),
    "KP": ("North Korean",),
    "KZ": ("Kazakh", "Kazakhstani"),
    "KG": ("Kyrgyz", "Kyrgyzstani"),
    "TJ": ("Tajik", "Tajikistani"),
    "UZ": ("Uzbek", "Uzbekistani"),
    "TM": ("Turkmen",),
    "AR": ("Argentine", "Argentinian", "Argentinean"),
    "PH": ("Filipino", "Philippine"),
    "SA": ("Saudi", "Saudi Arabian"),
    "CV": ("Cape Verdean", "Cabo Verdean"),
    "MV": ("Maldivian",),
    "SI": ("Slovenian", "Slovene"),
    "IS": ("Icelandic",),
    "NZ": ("New Zealand",),
    "LA": ("Lao", "Laotian"),
    "KM": ("Comorian",),
    "EC": ("Ecuadorian",),
    "NP": ("Nepali", "Nepalese"),
    "MM": ("Myanmar", "Burmese"),
    "CD": ("Congolese",),
    "CG": ("Congolese",),
    "BA": ("Bosnian", "Herzegovinian"),
    "XK": ("Kosovar", "Kosovan"),
    "VA": ("Vatican",),
    "PS": ("Palestinian",),
    "TL": ("Timorese", "East Timorese"),
    "PG": ("Papua New Guinean", "PNG"),
    "SB": ("Solomon Islands", "Solomon Islander"),
    "BY": ("Belarusian", "Belarussian"),
    "CZ": ("Czech",),
    "TR": ("Turkish",),
    "SZ": ("Swazi", "Eswatini"),
    "CI": ("Ivorian",),
    "TW": ("Taiwanese",),
    "GQ": ("Equatorial Guinean", "Equatoguinean"),
    "DO": ("Dominican",),
    "DM": ("Dominican",),
    "BH": ("Bahraini",),
    "YE": ("Yemeni",),
    "AF": ("Afghan",),
    "SK": ("Slovak", "Slovakian"),
    "SG": ("Singaporean",),
    "EE": ("Estonian",),
    "MK": ("North Macedonian", "Macedonian"),
    # The package's demonym is missing or is the country's own name for these.
    "DJ": ("Djiboutian",),
    "SR": ("Surinamese",),
    "BW": ("Botswanan", "Motswana"),
    "LS": ("Basotho", "Mosotho"),
    "VU": ("Vanuatuan", "Ni-Vanuatu"),
    "GW": ("Bissau-Guinean",),
    "LU": ("Luxembourgish", "Luxembourger"),
}

# Other names news writers use; the package's alternative spellings are added too.
_ALIASES = {
    "US": ("United States of America", "USA", "U.S.A.", "US", "U.S.", "America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "RU": ("Russian Federation",),
    "CN": ("People's Republic of China", "PRC", "P.R.C.", "Mainland China"),
    "TW": ("Republic of China", "Chinese Taipei"),
    "KR": ("Republic of Korea", "ROK", "Korea"),
    "KP": ("Democratic People's Republic of Korea", "DPRK"),
    "IR": ("Islamic Republic of Iran", "Persia"),
    "SY": ("Syrian Arab Republic",),
    "CD": ("DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville", "Congo"),
    "VA": ("Holy See", "Vatican", "Vatican City State"),
    "PS": ("State of Palestine", "Palestinian Territories", "Palestinian Authority"),
    "TR": ("Türkiye", "Turkiye", "Republic of Türkiye"),
    "CI": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "CZ": ("Czech Republic",),
    "MK": ("Macedonia", "Republic of North Macedonia", "FYROM"),
    "SZ": ("Swaziland",),
    "MM": ("Burma",),
    "TL": ("Timor-Leste",),
    "CV": ("Cabo Verde",),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "NL": ("Holland", "The Netherlands"),
    "XK": ("Republic of Kosovo",),
    "VN": ("Viet Nam",),
    "LA": ("Lao PDR",),
    "BS": ("The Bahamas",),
    "GM": ("The Gambia",),
    "FM": ("Federated States of Micronesia",),
    "BA": ("Bosnia", "Bosnia-Herzegovina"),
    "PG": ("PNG",),
    "SA": ("KSA",),
}

# Demonyms shared by several codes: the one a bare adjective most likely means.
_PREFERRED_DEMONYM = {"congolese": "CD", "dominican": "DO", "chinese": "CN", "korean": "KR"}

# Territories whose package demonym is the parent state's ("French", "Chinese", "Indian").
_TERRITORY_DEMONYM_DROP = {"HK", "MO", "IO", "MQ", "YT", "RE", "PM", "TF", "MP", "SJ", "GF"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("’", "'")
    text = re.sub(r"[.\s]+", " ", text)
    return text.strip()


def _dedupe(values) -> tuple[str, ...]:
    seen: set[str] = set()
    out = []
    for v in values:
        v = (v or "").strip()
        if v and v.casefold() not in seen:
            seen.add(v.casefold())
            out.append(v)
    return tuple(out)


def _is_latin(text: str) -> bool:
    return all(ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") for ch in text)


def _raw_rows() -> dict[str, dict]:
    from countryinfo import CountryInfo

    rows: dict[str, dict] = {}
    for info in CountryInfo.all().values():
        iso = info.get("ISO") or {}
        code = (iso.get("alpha2") if isinstance(iso, dict) else "") or ""
        code = code.upper()
        if code in _SKIP_CODES or len(code) != 2 or info.get("name") in _SKIP_NAMES:
            continue
        row = rows.setdefault(code, {"names": [], "capitals": [], "demonyms": [], "alts": []})
        row["names"].append(info.get("name") or "")
        capital = info.get("capital")
        if isinstance(capital, list):
            row["capitals"].extend(capital)
        elif capital:
            row["capitals"].append(capital)
        demonym = info.get("demonym") or ""
        row["demonyms"].extend(d.strip() for d in re.split(r"[,/]", demonym))
        row["alts"].extend(info.get("altSpellings") or [])
    rows.setdefault(
        "XK", {"names": ["Kosovo"], "capitals": ["Pristina"], "demonyms": [], "alts": []}
    )
    return rows


@cache
def countries() -> tuple[Country, ...]:
    """Every country and territory with an ISO alpha-2 code (plus Kosovo), sorted by name."""
    out = []
    for code, row in _raw_rows().items():
        names = [n for n in row["names"] if n]
        name = _NAMES.get(code) or (names[0] if names else code)
        alts = [
            a
            for a in (*names, *row["alts"])
            if len(a) > 3 and _is_latin(a) and "," not in a and a.strip() != a.upper().strip()
        ]
        aliases = _dedupe(a for a in (*_ALIASES.get(code, ()), *alts) if a != name)
        if code in _DEMONYMS:
            demonyms = _DEMONYMS[code]
        elif code in _TERRITORY_DEMONYM_DROP:
            demonyms = ()
        else:
            demonyms = tuple(d for d in row["demonyms"] if d and d != "None")
        capitals = _CAPITALS.get(code) or tuple(row["capitals"])
        out.append(
            Country(
                code=code,
                name=name,
                demonyms=_dedupe(demonyms),
                capitals=_dedupe(capitals),
                aliases=aliases,
            )
        )
    return tuple(sorted(out, key=lambda c: c.name))


@cache
def _by_code() -> dict[str, Country]:
    return {c.code: c for c in countries()}


def country(code: str) -> Country | None:
    """The country with this ISO alpha-2 code (any case), or None."""
    if not code:
        return None
    return _by_code().get(code.strip().upper())


def country_name(code: str | None) -> str:
    """Common English name for a code; "" for None or an unknown code."""
    found = country(code) if code else None
    return found.name if found else ""


@cache
def _name_index() -> dict[str, str]:
    index: dict[str, str] = {}
    # Demonyms first so that names and aliases (more specific) win on collisions.
    for c in countries():
        for d in c.demonyms:
            index.setdefault(_fold(d), c.code)
    for key, code in _PREFERRED_DEMONYM.items():
        index[key] = code
    for c in countries():
        for a in c.aliases:
            index.setdefault(_fold(a), c.code)
    for c in countries():
        index[_fold(c.name)] = c.code
    return index


def code_for_name(text: str) -> str | None:
    """ISO code for a country name, alias or demonym ("Chinese" -> "CN"), else None."""
    if not text or not text.strip():
        return None
    text = text.strip()
    key = _fold(text)
    if key.startswith("the "):
        key = key[4:]
    code = _name_index().get(key)
    if code:
        return code
    # Lower-case short words ("in", "no") are not country codes.
    if len(text) <= 3 and not text.isupper():
        return None
    import countrynames

    code = countrynames.to_code(text)
    return code if code and country(code) else None
