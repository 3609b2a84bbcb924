"""Demo data set for Diplomatic Meetings: actors, articles, meetings and statements.

Every article body below is a demo text written by the project team for the
"Diplomatic Meetings demo desk"; none of it is copied from a real outlet. The facts
(who met whom, where and when, who held which office) follow the public record, and
what people said is given as reported speech, never as an invented verbatim quotation.

The module is pure data, free of Django, so the loader (which turns it into database
rows) and the extraction pipeline (which uses ACTORS as its knowledge base) can both
import it. States are not listed: the loader creates one state actor per country, and a
meeting refers to a state participant as "state:CN".
"""

# ruff: noqa: E501  -- article prose and evidence sentences are data; wrapping them would
# make the exact-substring contract with the article bodies harder to check by eye.


def _body(text):
    """Join hard-wrapped paragraphs: one space inside a paragraph, a blank line between."""
    return "\n\n".join(" ".join(p.split()) for p in text.strip().split("\n\n"))


OUTLET = "Diplomatic Meetings demo desk"
BASE_URL = "https://demo.diplomatic-meetings.invalid"


def _person(key, name, country, wikidata, aliases, role_aliases, positions):
    return {
        "key": key,
        "name": name,
        "kind": "person",
        "country": country,
        "wikidata": wikidata,
        "aliases": aliases,
        "role_aliases": role_aliases,
        "positions": [
            {"title": t, "organization": o, "country": c, "start": s, "end": e}
            for (t, o, c, s, e) in positions
        ],
    }


def _organization(key, name, country, wikidata, aliases):
    return {
        "key": key,
        "name": name,
        "kind": "organization",
        "country": country,
        "wikidata": wikidata,
        "aliases": aliases,
        "role_aliases": [],
        "positions": [],
    }


# Wikidata ids are given only where we are certain of them; None otherwise.
ACTORS = [
    # --- people ----------------------------------------------------------------------
    _person(
        "li-shangfu",
        "Li Shangfu",
        "CN",
        None,
        ["Li", "Mr. Li", "Mr Li", "General Li Shangfu"],
        [
            ("the Chinese defence minister", "2023-03-12", "2023-10-24"),
            ("the Chinese defense minister", "2023-03-12", "2023-10-24"),
            ("China's defence minister", "2023-03-12", "2023-10-24"),
            ("the Chinese minister", "2023-03-12", "2023-10-24"),
        ],
        [("Minister of National Defense", "", "CN", "2023-03-12", "2023-10-24")],
    ),
    _person(
        "vladimir-putin",
        "Vladimir Putin",
        "RU",
        "Q7747",
        ["Putin", "Vladimir Vladimirovich Putin", "Mr. Putin", "Mr Putin"],
        [
            ("the Russian president", "2012-05-07", None),
            ("Russia's president", "2012-05-07", None),
            ("the Kremlin leader", "2012-05-07", None),
        ],
        [
            ("President of Russia", "", "RU", "2000-05-07", "2008-05-07"),
            ("President of Russia", "", "RU", "2012-05-07", None),
        ],
    ),
    _person(
        "sergei-shoigu",
        "Sergei Shoigu",
        "RU",
        None,
        ["Shoigu", "Sergey Shoigu", "Sergei Kuzhugetovich Shoigu"],
        [
            ("the Russian defence minister", "2012-11-06", "2024-05-12"),
            ("the Russian defense minister", "2012-11-06", "2024-05-12"),
            ("Russia's defence minister", "2012-11-06", "2024-05-12"),
        ],
        [
            ("Minister of Defence", "", "RU", "2012-11-06", "2024-05-12"),
            ("Secretary of the Security Council", "", "RU", "2024-05-12", None),
        ],
    ),
    _person(
        "xi-jinping",
        "Xi Jinping",
        "CN",
        "Q15031",
        ["Xi", "Mr. Xi", "Mr Xi"],
        [
            ("the Chinese president", "2013-03-14", None),
            ("China's president", "2013-03-14", None),
            ("the Chinese leader", "2013-03-14", None),
        ],
        [
            ("General Secretary of the Chinese Communist Party", "", "CN", "2012-11-15", None),
            ("President of the People's Republic of China", "", "CN", "2013-03-14", None),
        ],
    ),
    _person(
        "wang-yi",
        "Wang Yi",
        "CN",
        None,
        ["Wang", "Mr. Wang"],
        [
            ("the Chinese foreign minister", "2013-03-16", "2022-12-30"),
            ("the Chinese foreign minister", "2023-07-25", None),
            ("China's foreign minister", "2023-07-25", None),
        ],
        [
            ("Minister of Foreign Affairs", "", "CN", "2013-03-16", "2022-12-30"),
            ("Minister of Foreign Affairs", "", "CN", "2023-07-25", None),
        ],
    ),
    _person(
        "qin-gang",
        "Qin Gang",
        "CN",
        None,
        ["Qin"],
        [("the Chinese foreign minister", "2022-12-30", "2023-07-25")],
        [("Minister of Foreign Affairs", "", "CN", "2022-12-30", "2023-07-25")],
    ),
    _person(
        "sergey-lavrov",
        "Sergey Lavrov",
        "RU",
        None,
        ["Lavrov", "Sergei Lavrov", "Sergey Viktorovich Lavrov"],
        [
            ("the Russian foreign minister", "2004-03-09", None),
            ("Russia's foreign minister", "2004-03-09", None),
            ("Russia's top diplomat", "2004-03-09", None),
        ],
        [("Minister of Foreign Affairs", "", "RU", "2004-03-09", None)],
    ),
    _person(
        "antony-blinken",
        "Antony Blinken",
        "US",
        None,
        ["Blinken", "Antony J. Blinken", "Tony Blinken"],
        [
            ("the U.S. secretary of state", "2021-01-26", "2025-01-20"),
            ("the US secretary of state", "2021-01-26", "2025-01-20"),
            ("America's top diplomat", "2021-01-26", "2025-01-20"),
        ],
        [("Secretary of State", "", "US", "2021-01-26", "2025-01-20")],
    ),
    _person(
        "joe-biden",
        "Joe Biden",
        "US",
        "Q6279",
        ["Biden", "Joseph R. Biden", "Joseph Biden"],
        [
            ("the U.S. president", "2021-01-20", "2025-01-20"),
            ("the US president", "2021-01-20", "2025-01-20"),
            ("the American president", "2021-01-20", "2025-01-20"),
        ],
        [("President of the United States", "", "US", "2021-01-20", "2025-01-20")],
    ),
    _person(
        "donald-trump",
        "Donald Trump",
        "US",
        "Q22686",
        ["Trump", "Donald J. Trump"],
        [
            ("the U.S. president", "2017-01-20", "2021-01-20"),
            ("the US president", "2017-01-20", "2021-01-20"),
            ("the U.S. president", "2025-01-20", None),
            ("the US president", "2025-01-20", None),
        ],
        [
            ("President of the United States", "", "US", "2017-01-20", "2021-01-20"),
            ("President of the United States", "", "US", "2025-01-20", None),
        ],
    ),
    _person(
        "narendra-modi",
        "Narendra Modi",
        "IN",
        "Q1058",
        ["Modi"],
        [
            ("the Indian prime minister", "2014-05-26", None),
            ("India's prime minister", "2014-05-26", None),
        ],
        [("Prime Minister of India", "", "IN", "2014-05-26", None)],
    ),
    _person(
        "emmanuel-macron",
        "Emmanuel Macron",
        "FR",
        "Q3052772",
        ["Macron"],
        [
            ("the French president", "2017-05-14", None),
            ("France's president", "2017-05-14", None),
        ],
        [("President of France", "", "FR", "2017-05-14", None)],
    ),
    _person(
        "olaf-scholz",
        "Olaf Scholz",
        "DE",
        "Q61053",
        ["Scholz"],
        [
            ("the German chancellor", "2021-12-08", "2025-05-06"),
            ("Germany's chancellor", "2021-12-08", "2025-05-06"),
        ],
        [("Chancellor of Germany", "", "DE", "2021-12-08", "2025-05-06")],
    ),
    _person(
        "recep-tayyip-erdogan",
        "Recep Tayyip Erdoğan",
        "TR",
        "Q39723",
        ["Erdoğan", "Erdogan", "Recep Tayyip Erdogan", "Tayyip Erdogan"],
        [
            ("the Turkish president", "2014-08-28", None),
            ("Turkey's president", "2014-08-28", None),
        ],
        [("President of Turkey", "", "TR", "2014-08-28", None)],
    ),
    _person(
        "mevlut-cavusoglu",
        "Mevlüt Çavuşoğlu",
        "TR",
        None,
        ["Çavuşoğlu", "Cavusoglu", "Mevlut Cavusoglu"],
        [("the Turkish foreign minister", "2015-11-24", "2023-06-03")],
        [("Minister of Foreign Affairs", "", "TR", "2015-11-24", "2023-06-03")],
    ),
    _person(
        "fumio-kishida",
        "Fumio Kishida",
        "JP",
        None,
        ["Kishida"],
        [
            ("the Japanese prime minister", "2021-10-04", "2024-10-01"),
            ("Japan's prime minister", "2021-10-04", "2024-10-01"),
        ],
        [("Prime Minister of Japan", "", "JP", "2021-10-04", "2024-10-01")],
    ),
    _person(
        "yoon-suk-yeol",
        "Yoon Suk Yeol",
        "KR",
        None,
        ["Yoon", "Yoon Suk-yeol"],
        [
            ("the South Korean president", "2022-05-10", "2025-04-04"),
            ("South Korea's president", "2022-05-10", "2025-04-04"),
        ],
        [("President of South Korea", "", "KR", "2022-05-10", "2025-04-04")],
    ),
    _person(
        "moon-jae-in",
        "Moon Jae-in",
        "KR",
        None,
        ["Moon", "Moon Jae In"],
        [
            ("the South Korean president", "2017-05-10", "2022-05-09"),
            ("South Korea's president", "2017-05-10", "2022-05-09"),
        ],
        [("President of South Korea", "", "KR", "2017-05-10", "2022-05-09")],
    ),
    _person(
        "kim-jong-un",
        "Kim Jong Un",
        "KP",
        "Q56226",
        ["Kim", "Kim Jong-un"],
        [
            ("the North Korean leader", "2012-04-11", None),
            ("North Korea's leader", "2012-04-11", None),
        ],
        [
            (
                "First Secretary of the Workers' Party of Korea",
                "",
                "KP",
                "2012-04-11",
                "2016-05-09",
            ),
            ("Chairman of the Workers' Party of Korea", "", "KP", "2016-05-09", "2021-01-10"),
            ("General Secretary of the Workers' Party of Korea", "", "KP", "2021-01-10", None),
        ],
    ),
    _person(
        "mohammed-bin-salman",
        "Mohammed bin Salman",
        "SA",
        None,
        ["Prince Mohammed", "Mohammed bin Salman Al Saud", "MBS"],
        [
            ("the Saudi crown prince", "2017-06-21", None),
            ("Saudi Arabia's crown prince", "2017-06-21", None),
        ],
        [
            ("Crown Prince of Saudi Arabia", "", "SA", "2017-06-21", None),
            ("Prime Minister of Saudi Arabia", "", "SA", "2022-09-27", None),
        ],
    ),
    _person(
        "lula",
        "Luiz Inácio Lula da Silva",
        "BR",
        "Q37181",
        ["Lula", "Luiz Inacio Lula da Silva", "Lula da Silva"],
        [
            ("the Brazilian president", "2023-01-01", None),
            ("Brazil's president", "2023-01-01", None),
        ],
        [
            ("President of Brazil", "", "BR", "2003-01-01", "2011-01-01"),
            ("President of Brazil", "", "BR", "2023-01-01", None),
        ],
    ),
    _person(
        "cyril-ramaphosa",
        "Cyril Ramaphosa",
        "ZA",
        None,
        ["Ramaphosa", "Matamela Cyril Ramaphosa"],
        [
            ("the South African president", "2018-02-15", None),
            ("South Africa's president", "2018-02-15", None),
        ],
        [("President of South Africa", "", "ZA", "2018-02-15", None)],
    ),
    _person(
        "antonio-guterres",
        "António Guterres",
        None,
        "Q311440",
        ["Guterres", "Antonio Guterres"],
        [
            ("the U.N. secretary-general", "2017-01-01", None),
            ("the UN secretary-general", "2017-01-01", None),
            ("the U.N. chief", "2017-01-01", None),
            ("the UN chief", "2017-01-01", None),
        ],
        [("Secretary-General", "United Nations", None, "2017-01-01", None)],
    ),
    _person(
        "jens-stoltenberg",
        "Jens Stoltenberg",
        None,
        None,
        ["Stoltenberg"],
        [
            ("the NATO secretary general", "2014-10-01", "2024-10-01"),
            ("NATO's secretary general", "2014-10-01", "2024-10-01"),
            ("the NATO chief", "2014-10-01", "2024-10-01"),
        ],
        [("Secretary General", "NATO", None, "2014-10-01", "2024-10-01")],
    ),
    _person(
        "volodymyr-zelenskyy",
        "Volodymyr Zelenskyy",
        "UA",
        "Q3874799",
        ["Zelenskyy", "Zelensky", "Volodymyr Zelensky", "Zelenskiy", "Volodymyr Zelenskiy"],
        [
            ("the Ukrainian president", "2019-05-20", None),
            ("Ukraine's president", "2019-05-20", None),
        ],
        [("President of Ukraine", "", "UA", "2019-05-20", None)],
    ),
    _person(
        "dmytro-kuleba",
        "Dmytro Kuleba",
        "UA",
        None,
        ["Kuleba"],
        [
            ("the Ukrainian foreign minister", "2020-03-04", "2024-09-05"),
            ("Ukraine's foreign minister", "2020-03-04", "2024-09-05"),
        ],
        [("Minister of Foreign Affairs", "", "UA", "2020-03-04", "2024-09-05")],
    ),
    _person(
        "anthony-albanese",
        "Anthony Albanese",
        "AU",
        None,
        ["Albanese"],
        [
            ("the Australian prime minister", "2022-05-23", None),
            ("Australia's prime minister", "2022-05-23", None),
        ],
        [("Prime Minister of Australia", "", "AU", "2022-05-23", None)],
    ),
    _person(
        "donald-tusk",
        "Donald Tusk",
        "PL",
        None,
        ["Tusk"],
        [
            ("the Polish prime minister", "2023-12-13", None),
            ("Poland's prime minister", "2023-12-13", None),
        ],
        [
            ("Prime Minister of Poland", "", "PL", "2007-11-16", "2014-09-22"),
            ("Prime Minister of Poland", "", "PL", "2023-12-13", None),
        ],
    ),
    # --- organizations -----------------------------------------------------------------
    _organization(
        "xinhua", "Xinhua", "CN", "Q204839", ["Xinhua News Agency", "Xinhua news agency"]
    ),
    _organization("tass", "TASS", "RU", None, ["TASS news agency", "Tass", "ITAR-TASS"]),
    _organization(
        "kcna", "Korean Central News Agency", "KP", None, ["KCNA", "the official KCNA news agency"]
    ),
    _organization("anadolu", "Anadolu Agency", "TR", None, ["Anadolu", "Anadolu news agency"]),
    _organization("yonhap", "Yonhap News Agency", "KR", None, ["Yonhap", "Yonhap news agency"]),
    _organization(
        "china-defence-ministry",
        "Ministry of National Defense of China",
        "CN",
        None,
        [
            "Chinese Defence Ministry",
            "Chinese Defense Ministry",
            "China's Ministry of National Defense",
            "China's defence ministry",
            "Chinese Ministry of National Defense",
        ],
    ),
    _organization(
        "russia-defence-ministry",
        "Ministry of Defence of Russia",
        "RU",
        None,
        [
            "Russian Defence Ministry",
            "Russian Defense Ministry",
            "Russia's Defence Ministry",
            "Russian Ministry of Defence",
        ],
    ),
    _organization(
        "china-foreign-ministry",
        "Ministry of Foreign Affairs of China",
        "CN",
        None,
        ["Chinese Foreign Ministry", "China's Foreign Ministry", "Chinese foreign ministry"],
    ),
    _organization(
        "india-external-affairs-ministry",
        "Ministry of External Affairs of India",
        "IN",
        None,
        ["Indian Ministry of External Affairs", "India's External Affairs Ministry", "MEA"],
    ),
    _organization("united-nations", "United Nations", None, "Q1065", ["UN", "U.N."]),
    _organization("nato", "NATO", None, "Q7184", ["North Atlantic Treaty Organization"]),
    _organization("african-union", "African Union", None, "Q7159", ["AU"]),
]


def _article(key, title, url_path, dateline, published_on, body):
    return {
        "key": key,
        "title": title,
        "outlet": OUTLET,
        "url": f"{BASE_URL}/{url_path}",
        "dateline": dateline,
        "published_on": published_on,
        "language": "en",
        "body": _body(body),
    }


ARTICLES = [
    _article(
        "li-shangfu-meets-putin-2023",
        "Putin receives China's new defence minister on his first trip abroad",
        "2023/04/li-shangfu-meets-putin",
        "MOSCOW, April 17",
        "2023-04-17",
        """
        Russian President Vladimir Putin met Chinese Defence Minister Li Shangfu in Moscow on
        Sunday, at the start of the first foreign trip Li has made since taking office last
        month.

        Li told the Russian president that China was prepared to work with Russia on closer
        contacts between the two militaries and on security cooperation in multilateral
        forums, Xinhua news agency reported.

        According to Xinhua, Putin said defence ties held an important place in relations
        between Moscow and Beijing and had grown steadily in recent years. The Russian
        president also recalled the state visit that Chinese President Xi Jinping paid to
        Moscow in March.

        Li is visiting Russia from April 16 to 19 at the invitation of Russian Defence
        Minister Sergei Shoigu. The Chinese Defence Ministry said on Friday that he would hold
        talks with Russian military leaders and visit military academies during the trip.

        Mr. Li, a career officer who spent decades in China's space launch programme, was
        named defence minister by the National People's Congress on March 12. The United
        States placed him under sanctions in 2018 over China's purchases of Russian combat
        aircraft and air defence systems.

        Beijing has refused to condemn Moscow's military campaign in Ukraine, while saying it
        is not a party to the conflict.
        """,
    ),
    _article(
        "li-shangfu-shoigu-talks-2023",
        "Shoigu and Li hold defence talks in Moscow",
        "2023/04/shoigu-li-shangfu-talks",
        "MOSCOW, April 18",
        "2023-04-18",
        """
        Russian Defence Minister Sergei Shoigu held talks with his Chinese counterpart Li
        Shangfu in Moscow on Tuesday, the third day of Li's official visit to Russia.

        Opening the talks, Shoigu congratulated Li on his recent appointment and said Moscow
        appreciated that the Chinese minister had chosen Russia as the destination of his
        first trip abroad in the post, the Russian Defence Ministry said.

        Shoigu said coordination between the two countries on the world stage had a
        stabilising effect and helped to reduce the potential for conflict, Russian news agencies
        reported. He described the state visit that Xi Jinping made to Moscow in March as the most
        important event in Russian-Chinese relations so far this year, TASS reported.

        The ministry said the two sides discussed defence cooperation as well as global and
        regional security. The military academies of the two countries signed a memorandum
        of understanding on the margins of the talks.

        Li was received by Russian President Vladimir Putin on Sunday. His visit, which
        began on April 16, ends on Wednesday.
        """,
    ),
]

MEETINGS = [
    {
        "key": "li-shangfu-putin-2023-04-16",
        "kind": "meeting",
        "status": "held",
        "start_date": "2023-04-16",
        "end_date": None,
        "date_precision": "day",
        "city": "Moscow",
        "country": "RU",
        "summary": "Vladimir Putin received China's new defence minister, Li Shangfu, on the first day of Li's visit to Russia.",
        "participants": [("li-shangfu", "guest"), ("vladimir-putin", "host")],
        "evidence": [
            (
                "li-shangfu-meets-putin-2023",
                "Russian President Vladimir Putin met Chinese Defence Minister Li Shangfu in Moscow on Sunday, at the start of the first foreign trip Li has made since taking office last month.",
            ),
            (
                "li-shangfu-shoigu-talks-2023",
                "Li was received by Russian President Vladimir Putin on Sunday.",
            ),
        ],
    },
    {
        "key": "li-shangfu-russia-visit-2023-04",
        "kind": "visit",
        "status": "held",
        "start_date": "2023-04-16",
        "end_date": "2023-04-19",
        "date_precision": "day",
        "city": "Moscow",
        "country": "RU",
        "summary": "Li Shangfu made his first foreign trip as China's defence minister, a four-day official visit to Russia at Sergei Shoigu's invitation.",
        "participants": [("li-shangfu", "guest"), ("sergei-shoigu", "host")],
        "evidence": [
            (
                "li-shangfu-meets-putin-2023",
                "Li is visiting Russia from April 16 to 19 at the invitation of Russian Defence Minister Sergei Shoigu.",
            ),
            (
                "li-shangfu-shoigu-talks-2023",
                "His visit, which began on April 16, ends on Wednesday.",
            ),
        ],
    },
    {
        "key": "li-shangfu-shoigu-2023-04-18",
        "kind": "talks",
        "status": "held",
        "start_date": "2023-04-18",
        "end_date": None,
        "date_precision": "day",
        "city": "Moscow",
        "country": "RU",
        "summary": "The Russian and Chinese defence ministers held talks on military cooperation and regional security.",
        "participants": [("sergei-shoigu", "host"), ("li-shangfu", "guest")],
        "evidence": [
            (
                "li-shangfu-shoigu-talks-2023",
                "Russian Defence Minister Sergei Shoigu held talks with his Chinese counterpart Li Shangfu in Moscow on Tuesday, the third day of Li's official visit to Russia.",
            ),
        ],
    },
]


def _statement(speaker, article, text, kind, meeting, via, date):
    return {
        "speaker": speaker,
        "article": article,
        "text": text,
        "kind": kind,
        "meeting": meeting,
        "via": via,
        "date": date,
    }


STATEMENTS = [
    _statement(
        "li-shangfu",
        "li-shangfu-meets-putin-2023",
        "Li told the Russian president that China was prepared to work with Russia on closer contacts between the two militaries and on security cooperation in multilateral forums, Xinhua news agency reported.",
        "paraphrase",
        "li-shangfu-putin-2023-04-16",
        "xinhua",
        "2023-04-16",
    ),
    _statement(
        "vladimir-putin",
        "li-shangfu-meets-putin-2023",
        "According to Xinhua, Putin said defence ties held an important place in relations between Moscow and Beijing and had grown steadily in recent years.",
        "paraphrase",
        "li-shangfu-putin-2023-04-16",
        "xinhua",
        "2023-04-16",
    ),
    _statement(
        "vladimir-putin",
        "li-shangfu-meets-putin-2023",
        "The Russian president also recalled the state visit that Chinese President Xi Jinping paid to Moscow in March.",
        "paraphrase",
        "li-shangfu-putin-2023-04-16",
        "xinhua",
        "2023-04-16",
    ),
    _statement(
        "china-defence-ministry",
        "li-shangfu-meets-putin-2023",
        "The Chinese Defence Ministry said on Friday that he would hold talks with Russian military leaders and visit military academies during the trip.",
        "paraphrase",
        "li-shangfu-russia-visit-2023-04",
        None,
        "2023-04-14",
    ),
    _statement(
        "sergei-shoigu",
        "li-shangfu-shoigu-talks-2023",
        "Opening the talks, Shoigu congratulated Li on his recent appointment and said Moscow appreciated that the Chinese minister had chosen Russia as the destination of his first trip abroad in the post, the Russian Defence Ministry said.",
        "paraphrase",
        "li-shangfu-shoigu-2023-04-18",
        "russia-defence-ministry",
        "2023-04-18",
    ),
    _statement(
        "sergei-shoigu",
        "li-shangfu-shoigu-talks-2023",
        "Shoigu said coordination between the two countries on the world stage had a stabilising effect and helped to reduce the potential for conflict, Russian news agencies reported.",
        "paraphrase",
        "li-shangfu-shoigu-2023-04-18",
        None,
        "2023-04-18",
    ),
    _statement(
        "sergei-shoigu",
        "li-shangfu-shoigu-talks-2023",
        "He described the state visit that Xi Jinping made to Moscow in March as the most important event in Russian-Chinese relations so far this year, TASS reported.",
        "paraphrase",
        "li-shangfu-shoigu-2023-04-18",
        "tass",
        "2023-04-18",
    ),
    _statement(
        "russia-defence-ministry",
        "li-shangfu-shoigu-talks-2023",
        "The ministry said the two sides discussed defence cooperation as well as global and regional security.",
        "paraphrase",
        "li-shangfu-shoigu-2023-04-18",
        None,
        "2023-04-18",
    ),
]
