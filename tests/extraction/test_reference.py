from meetings import reference
from meetings.reference import code_for_name, countries, country, country_name


def test_countries_cover_the_world_sorted_by_name():
    all_countries = countries()
    assert 240 <= len(all_countries) <= 260
    names = [c.name for c in all_countries]
    assert names == sorted(names)
    codes = [c.code for c in all_countries]
    assert len(codes) == len(set(codes))
    assert all(len(code) == 2 and code.isupper() for code in codes)


def test_common_short_names_not_formal_ones():
    assert country_name("RU") == "Russia"
    assert country_name("US") == "United States"
    assert country_name("GB") == "United Kingdom"
    assert country_name("KR") == "South Korea"
    assert country_name("KP") == "North Korea"
    assert country_name("AE") == "United Arab Emirates"
    assert country_name("IR") == "Iran"
    assert country_name("SY") == "Syria"
    assert country_name("TW") == "Taiwan"


def test_country_lookup_is_case_insensitive_and_tolerates_unknown():
    assert country("cn").name == "China"
    assert country("ZZ") is None
    assert country("") is None
    assert country_name(None) == ""
    assert country_name("ZZ") == ""


def test_kosovo_is_included_with_xk():
    kosovo = country("XK")
    assert kosovo.name == "Kosovo"
    assert "Pristina" in kosovo.capitals


def test_stale_capitals_are_corrected():
    assert country("KZ").capitals[0] == "Astana"
    assert country("CN").capitals == ("Beijing",)
    assert country("RU").capitals == ("Moscow",)
    assert "Washington" in country("US").capitals


def test_demonyms_include_news_adjectives():
    assert country("CN").demonyms == ("Chinese",)
    assert country("AE").demonyms[0] == "Emirati"
    assert {"American", "US", "U.S."} <= set(country("US").demonyms)
    assert "Saudi" in country("SA").demonyms


def test_aliases_cover_formal_and_abbreviated_names():
    assert "Russian Federation" in country("RU").aliases
    assert {"PRC", "People's Republic of China"} <= set(country("CN").aliases)
    assert {"USA", "United States of America"} <= set(country("US").aliases)
    assert {"UK", "Britain"} <= set(country("GB").aliases)


def test_code_for_name_handles_tricky_countries():
    cases = {
        "Chinese": "CN",
        "Russian Federation": "RU",
        "the United States": "US",
        "U.S.": "US",
        "Britain": "GB",
        "Emirati": "AE",
        "Taiwan": "TW",
        "Iran": "IR",
        "Syria": "SY",
        "North Korea": "KP",
        "South Korea": "KR",
        "DRC": "CD",
        "Democratic Republic of the Congo": "CD",
        "Republic of the Congo": "CG",
        "Holy See": "VA",
        "Vatican": "VA",
        "Palestine": "PS",
        "Türkiye": "TR",
        "Turkey": "TR",
        "Côte d'Ivoire": "CI",
        "Ivory Coast": "CI",
        "Czech Republic": "CZ",
        "Czechia": "CZ",
        "Kosovo": "XK",
    }
    for text, code in cases.items():
        assert code_for_name(text) == code, text


def test_code_for_name_rejects_ordinary_words_and_non_countries():
    assert code_for_name("in") is None
    assert code_for_name("") is None
    assert code_for_name("European Union") is None  # not a country code we carry
    assert code_for_name("Soviet Union") is None


def test_module_has_no_django_import():
    from pathlib import Path

    source = Path(reference.__file__).read_text()
    assert "import django" not in source
    assert "from django" not in source
