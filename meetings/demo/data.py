"""Demo data set for Diplomatic Meetings: actors, articles, meetings and statements.

Every article body below is a demo text written by the project team for the
"Diplomatic Meetings demo desk"; none of it is copied from a real outlet. The facts
(who met whom, where and when, who held which office) follow the public record. What
people said is given as reported speech; the only words in quote marks are a few short
phrases that were widely reported at the time (for example Xi Jinping's "the first red
line that must not be crossed" in Bali in 2022). No quotation is invented.

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
# Each role alias text appears at most once per actor: the Alias table keeps one validity
# window per actor and normalized text, so a second window (a second term) would be dropped.
# Where an office was held twice, the role alias covers the current or latest term.
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
        ],
        [
            (
                "Minister of National Defense",
                "china-defence-ministry",
                "CN",
                "2023-03-12",
                "2023-10-24",
            )
        ],
    ),
    _person(
        "vladimir-putin",
        "Vladimir Putin",
        "RU",
        "Q7747",
        ["Putin", "Vladimir Vladimirovich Putin", "Mr. Putin", "Mr Putin"],
        [
            ("the Russian president", "2000-05-07", "2008-05-07"),
            ("the Russian president", "2012-05-07", None),
            ("Russia's president", "2000-05-07", "2008-05-07"),
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
            ("Minister of Defence", "russia-defence-ministry", "RU", "2012-11-06", "2024-05-12"),
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
            ("China's foreign minister", "2013-03-16", "2022-12-30"),
            ("China's foreign minister", "2023-07-25", None),
        ],
        [
            (
                "Minister of Foreign Affairs",
                "china-foreign-ministry",
                "CN",
                "2013-03-16",
                "2022-12-30",
            ),
            ("Minister of Foreign Affairs", "china-foreign-ministry", "CN", "2023-07-25", None),
        ],
    ),
    _person(
        "qin-gang",
        "Qin Gang",
        "CN",
        None,
        ["Qin"],
        [("the Chinese foreign minister", "2022-12-30", "2023-07-25")],
        [
            (
                "Minister of Foreign Affairs",
                "china-foreign-ministry",
                "CN",
                "2022-12-30",
                "2023-07-25",
            )
        ],
    ),
    _person(
        "li-qiang",
        "Li Qiang",
        "CN",
        None,
        [],
        [
            ("the Chinese premier", "2023-03-11", None),
            ("China's premier", "2023-03-11", None),
        ],
        [("Premier of the State Council", "", "CN", "2023-03-11", None)],
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
            ("the U.S. president", "2025-01-20", None),
            ("the US president", "2017-01-20", "2021-01-20"),
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
        [("Secretary-General", "united-nations", None, "2017-01-01", None)],
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
        [("Secretary General", "nato", None, "2014-10-01", "2024-10-01")],
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
    _person(
        "andrzej-duda",
        "Andrzej Duda",
        "PL",
        None,
        ["Duda"],
        [
            ("the Polish president", "2015-08-06", "2025-08-06"),
            ("Poland's president", "2015-08-06", "2025-08-06"),
        ],
        [("President of Poland", "", "PL", "2015-08-06", "2025-08-06")],
    ),
    # --- organizations -----------------------------------------------------------------
    _organization(
        "xinhua", "Xinhua", "CN", "Q204839", ["Xinhua News Agency", "Xinhua news agency"]
    ),
    _organization("tass", "TASS", "RU", None, ["TASS news agency", "ITAR-TASS"]),
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
        ["Chinese Foreign Ministry", "China's Foreign Ministry"],
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

        Li told the Russian president that Beijing wanted closer contacts between the Chinese
        and Russian armed forces and more security cooperation in multilateral forums, Xinhua
        news agency reported.

        According to Xinhua, Putin said defence ties held an important place in relations
        between Moscow and Beijing. The Russian
        president also spoke of the state visit Xi Jinping made to Moscow in March.

        Russian Defence Minister Sergei Shoigu invited Li for the official visit, which runs
        from April 16 to April 19. China's Ministry of National Defense said on
        Friday that Li would hold talks with Russia's military leadership and tour Russian
        military education institutions.

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
    _article(
        "xi-state-visit-moscow-2023",
        "Xi ends three-day state visit to Russia",
        "2023/03/xi-state-visit-moscow",
        "MOSCOW, March 22",
        "2023-03-22",
        """
        Chinese President Xi Jinping left Moscow on Wednesday at the end of a three-day state
        visit to Russia, his first trip abroad since he was elected to a third term as head of
        state earlier this month.

        Xi arrived on Monday and held an informal meeting with Russian President Vladimir Putin
        at the Kremlin the same evening. The two leaders held formal talks on Tuesday and
        signed a joint statement on deepening their partnership, as well as a plan for
        economic cooperation until 2030.

        Putin told reporters after Tuesday's talks that many provisions of the peace plan put
        forward by China could be taken as a basis for settling the conflict in Ukraine when
        the West and Kyiv were ready for it.

        Xi said China held an objective and impartial position on the Ukraine crisis and
        favoured peace and dialogue, Xinhua news agency reported.

        Putin said Russia was ready to meet China's growing demand for energy and that work
        was continuing on a new gas pipeline to China through Mongolia.

        The visit came less than two weeks after the National People's Congress unanimously
        re-elected Xi as president on March 10. Western governments have urged Beijing to use
        its influence with Moscow to help end the war in Ukraine.
        """,
    ),
    _article(
        "kishida-visits-kyiv-2023",
        "Japan's Kishida makes surprise visit to Kyiv",
        "2023/03/kishida-visits-kyiv",
        "KYIV, March 21",
        "2023-03-21",
        """
        Japanese Prime Minister Fumio Kishida made an unannounced visit to Kyiv on Tuesday and
        held talks with Ukrainian President Volodymyr Zelenskyy, becoming the first Japanese
        leader since the Second World War to visit a country at war.

        Kishida travelled by train from Poland, Japanese officials said. Before meeting
        Zelenskyy he went to Bucha, the town outside Kyiv where the bodies of civilians were
        found after Russian troops withdrew last year, and paid tribute to the victims.

        Kishida told Zelenskyy that Japan would continue to stand with Ukraine, according to
        Japanese officials.

        Zelenskyy thanked Japan for its help and for its leadership of the Group of Seven,
        his office said.

        Japan holds the rotating G7 presidency this year and will host the group's leaders in
        Hiroshima in May. Kishida had been the only G7 leader who had not visited Ukraine
        since the Russian invasion began in February last year.

        The visit coincided with Chinese President Xi Jinping's state visit to Russia. Xi was
        in the Russian capital for talks with President Vladimir Putin on the same day.
        """,
    ),
    _article(
        "trump-kim-singapore-summit-2018",
        "Trump and Kim hold first U.S.-North Korea summit in Singapore",
        "2018/06/trump-kim-singapore-summit",
        "SINGAPORE, June 12",
        "2018-06-12",
        """
        U.S. President Donald Trump and North Korean leader Kim Jong Un held a summit on
        Singapore's Sentosa island on Tuesday, the first meeting between a sitting American
        president and a leader of North Korea.

        The two men met alone with their interpreters before being joined by their
        delegations. They later signed a joint statement in which Kim committed to work
        towards the complete denuclearisation of the Korean peninsula and the United States
        committed to provide security guarantees to North Korea.

        Kim said at the start of the meeting that old prejudices and practices had stood in
        the way of the talks but that the two sides had overcome them.

        At a news conference after the summit, Trump said the United States would stop its
        joint military exercises with South Korea while negotiations continued. He also said
        he would invite Kim to the White House at the appropriate time.

        The meeting followed a rapid series of contacts this spring. Kim met South Korean
        President Moon Jae-in on April 27 at the Panmunjom truce village on the inter-Korean
        border, where the two leaders pledged to work for a peninsula free of nuclear weapons.
        In March, Kim travelled to Beijing for talks with Chinese President Xi Jinping on his
        first trip abroad as leader.
        """,
    ),
    _article(
        "putin-kim-vladivostok-summit-2019",
        "Putin and Kim hold first summit in Vladivostok",
        "2019/04/putin-kim-vladivostok-summit",
        "VLADIVOSTOK, April 25",
        "2019-04-25",
        """
        Russian President Vladimir Putin and North Korean leader Kim Jong Un held their first
        summit on Thursday at a university campus on Russky Island, off the Pacific port of
        Vladivostok.

        Kim arrived in Vladivostok on Wednesday aboard his armoured train. The two leaders
        talked one-on-one for about two hours before being joined by their delegations.

        Speaking to reporters after the talks, Putin said North Korea would need international
        security guarantees if it were to give up its nuclear programme, and that such
        guarantees could be discussed in a multilateral format.

        Putin said he would share the content of the talks with the United States and China.

        Kim said at the start of the talks that he hoped the meeting would help the two sides
        discuss the situation on the Korean peninsula.

        The summit came two months after Kim's second meeting with U.S. President Donald
        Trump, held in Hanoi on February 27 and 28, ended without an agreement.
        """,
    ),
    _article(
        "biden-xi-bali-2022",
        "Biden and Xi hold first in-person talks as presidents in Bali",
        "2022/11/biden-xi-bali",
        "NUSA DUA, Indonesia, Nov. 14",
        "2022-11-14",
        """
        U.S. President Joe Biden and Chinese President Xi Jinping met for more than three
        hours on the Indonesian island of Bali on Monday, their first face-to-face meeting
        since Biden took office.

        The talks took place at a hotel in Nusa Dua on the eve of the Group of 20 summit.
        Biden said at the start that the two countries had a responsibility to keep
        competition between them from turning into conflict.

        Xi told Biden that the Taiwan question lay at the core of China's interests and was
        "the first red line that must not be crossed," according to a Chinese readout carried
        by Xinhua.

        Speaking to reporters afterwards, Biden said he did not believe there was any imminent
        attempt by China to invade Taiwan. He added that there was no need for a new Cold War.

        The White House said the two presidents had agreed that their senior officials would
        keep talking on climate, debt relief and other issues, and that Secretary of State
        Antony Blinken would travel to China.

        Both leaders also opposed the use or threat of use of nuclear weapons in Ukraine,
        according to the U.S. account of the meeting.
        """,
    ),
    _article(
        "biden-xi-woodside-summit-2023",
        "Biden and Xi agree to restore military contacts at California summit",
        "2023/11/biden-xi-woodside-summit",
        "WOODSIDE, California, Nov. 15",
        "2023-11-15",
        """
        U.S. President Joe Biden and Chinese President Xi Jinping held a summit on Wednesday
        at the Filoli estate south of San Francisco, their first meeting in a year, and agreed
        to restore contacts between their militaries.

        The talks, on the margins of the Asia-Pacific Economic Cooperation forum, lasted about
        four hours, including a working lunch and a walk in the estate's gardens.

        Biden told reporters afterwards that the two sides had agreed to resume high-level
        military communications and that China would act against companies producing the
        chemicals used to make fentanyl. He said he and Xi had also agreed that either of them
        could pick up the phone and call the other.

        Xi told Biden that "Planet Earth is big enough for the two countries to succeed,"
        Xinhua news agency reported. He said turning their backs on each other was not an
        option for China and the United States.

        The two leaders last met in person a year ago in Bali, Indonesia, on the sidelines of
        the Group of 20 summit. Relations deteriorated early this year after the United States
        shot down a Chinese balloon that had crossed its territory.
        """,
    ),
    _article(
        "g20-new-delhi-summit-2023",
        "G20 summit ends in New Delhi with African Union as permanent member",
        "2023/09/g20-new-delhi-summit",
        "NEW DELHI, Sept. 10",
        "2023-09-10",
        """
        Indian Prime Minister Narendra Modi closed the Group of 20 summit in New Delhi on
        Sunday and handed the group's rotating presidency to Brazilian President Luiz Inácio
        Lula da Silva.

        The two-day summit, held on September 9 and 10 at the new Bharat Mandapam convention
        centre, was attended by U.S. President Joe Biden, German Chancellor Olaf Scholz,
        French President Emmanuel Macron, Turkish President Recep Tayyip Erdoğan, Japanese
        Prime Minister Fumio Kishida and Saudi Crown Prince Mohammed bin Salman, among
        others. China was represented by Premier Li Qiang and Russia by Foreign Minister
        Sergey Lavrov.

        On Saturday, Modi announced that the African Union had become a permanent member of
        the G20 and invited its chairperson, Comoros President Azali Assoumani, to take his
        seat at the table.

        Later the same day Modi said the leaders had reached consensus on a joint declaration.

        Lula said Brazil's presidency would focus on social inclusion and the fight against
        hunger, the energy transition and the reform of global governance institutions.

        Lavrov told reporters the summit had been a success and that Western attempts to put
        Ukraine at the centre of its agenda had failed.

        Biden had held talks with Modi at the prime minister's residence on Friday, before
        the summit opened. Saudi Arabia's crown prince is due to hold talks with Modi on
        Monday during a state visit to India.
        """,
    ),
    _article(
        "brics-johannesburg-summit-2023",
        "BRICS invites six countries to join at Johannesburg summit",
        "2023/08/brics-johannesburg-summit",
        "JOHANNESBURG, Aug. 24",
        "2023-08-24",
        """
        The BRICS group of emerging economies will admit six new members, South African
        President Cyril Ramaphosa announced on Thursday at the close of a three-day summit in
        Johannesburg.

        Ramaphosa said Argentina, Egypt, Ethiopia, Iran, Saudi Arabia and the United Arab
        Emirates had been invited to become full members from January 1, 2024.

        The summit, held from August 22 to 24 at the Sandton Convention Centre, brought
        together Ramaphosa, Chinese President Xi Jinping, Brazilian President Luiz Inácio
        Lula da Silva and Indian Prime Minister Narendra Modi. Russian President Vladimir
        Putin took part by video link and was represented in person by Foreign Minister
        Sergey Lavrov.

        Xi described the expansion as historic and said it showed the determination of the
        BRICS countries to unite with other developing nations, Xinhua news agency reported.

        Lula said earlier in the week that the group did not want to be a counterweight to the
        Group of Seven or the United States, but to organise the countries of the Global
        South.

        Xi was also on a state visit to South Africa and held talks with Ramaphosa in
        Pretoria on Tuesday.
        """,
    ),
    _article(
        "lavrov-kuleba-antalya-talks-2022",
        "Lavrov and Kuleba meet in Turkey, no progress on ceasefire",
        "2022/03/lavrov-kuleba-antalya-talks",
        "ANTALYA, Turkey, March 10",
        "2022-03-10",
        """
        Russian Foreign Minister Sergey Lavrov and his Ukrainian counterpart Dmytro Kuleba held
        talks in the Turkish resort of Antalya on Thursday, the highest-level contact between
        the two governments since Russia invaded Ukraine on February 24.

        The meeting, hosted by Turkish Foreign Minister Mevlüt Çavuşoğlu on the sidelines of
        the Antalya Diplomacy Forum, lasted about an hour and a half and produced no
        agreement.

        Kuleba told reporters that he had proposed a 24-hour ceasefire to deal with the most
        urgent humanitarian problems but that no progress had been made. He said Lavrov did
        not appear to be in a position to commit to it.

        Kuleba said Ukraine was ready for diplomacy but would not surrender.

        Lavrov told a separate news conference that Russia was not against a meeting between
        President Vladimir Putin and Ukrainian President Volodymyr Zelenskyy, but that such a
        meeting would have to be well prepared.

        Çavuşoğlu said Turkey would continue its efforts to bring the two sides together,
        Anadolu Agency reported.
        """,
    ),
    _article(
        "xi-zelenskyy-phone-call-2023",
        "Xi and Zelenskyy hold first call since Russian invasion",
        "2023/04/xi-zelenskyy-phone-call",
        "KYIV, April 26",
        "2023-04-26",
        """
        Ukrainian President Volodymyr Zelenskyy spoke by telephone with Chinese President Xi
        Jinping on Wednesday, their first contact since Russia launched its full-scale
        invasion of Ukraine more than a year ago.

        Zelenskyy described the conversation as "long and meaningful" in a post on social
        media. He said he expected the call, together with the appointment of a Ukrainian
        ambassador to China, to give a strong impetus to relations between the two countries.

        Xi told Zelenskyy that China would send its special representative for Eurasian
        affairs to Ukraine and other countries to hold talks on a political settlement, Xinhua
        news agency reported.

        According to Xinhua, Xi said that dialogue and negotiation were the only viable way
        out of the conflict.

        The envoy is Li Hui, a former Chinese ambassador to Russia.

        The call came five weeks after Xi's talks with Russian President Vladimir Putin at the
        Kremlin. Kyiv and Western governments had urged Beijing for months to engage directly
        with the Ukrainian leadership.
        """,
    ),
    _article(
        "guterres-putin-moscow-2022",
        "Guterres meets Putin in Moscow, presses for Mariupol evacuation",
        "2022/04/guterres-putin-moscow",
        "MOSCOW, April 26",
        "2022-04-26",
        """
        U.N. Secretary-General António Guterres met Russian President Vladimir Putin at the
        Kremlin on Tuesday and pressed for civilians to be allowed to leave the besieged city
        of Mariupol.

        Earlier in the day Guterres held talks with Foreign Minister Sergey Lavrov. At a joint
        news conference after that meeting, Guterres said he had proposed a humanitarian
        contact group bringing together Russia, Ukraine and the United Nations to look for
        safe corridors for civilians.

        The United Nations said after the Kremlin meeting that Putin had agreed in principle
        to the involvement of the U.N. and the International Committee of the Red Cross in
        evacuating civilians from the Azovstal steel plant in Mariupol.

        Guterres arrived in Moscow from Ankara, where he met Turkish President Recep Tayyip
        Erdoğan on Monday.

        The U.N. chief is due to travel on to Ukraine and meet President Volodymyr Zelenskyy
        in Kyiv on Thursday.

        Ukrainian officials had criticised the decision to visit Moscow before Kyiv. Guterres
        has described the Russian invasion as a violation of Ukraine's territorial integrity
        and of the U.N. Charter.
        """,
    ),
    _article(
        "stoltenberg-visits-kyiv-2023",
        "NATO chief Stoltenberg visits Kyiv for the first time since invasion",
        "2023/04/stoltenberg-visits-kyiv",
        "KYIV, April 20",
        "2023-04-20",
        """
        NATO Secretary General Jens Stoltenberg made an unannounced visit to Kyiv on Thursday,
        his first trip to Ukraine since Russia's full-scale invasion, and met President
        Volodymyr Zelenskyy.

        At a joint news conference, Stoltenberg said "Ukraine's rightful place is in NATO."
        He added that over time the alliance's support would help make membership possible.

        Zelenskyy urged the allies to agree on a clear path to membership for Ukraine at the
        alliance's summit in the Lithuanian capital in July. He also asked them for more
        weapons, including modern combat aircraft.

        Stoltenberg invited Zelenskyy to attend the Vilnius summit, which will be held on
        July 11 and 12.

        Ukraine applied to join NATO last September. The allies agreed in 2008 that Ukraine
        would one day become a member but have never set a timetable.

        The alliance itself does not send weapons to Ukraine; deliveries are made by
        individual member countries.
        """,
    ),
    _article(
        "biden-visits-kyiv-2023",
        "Biden makes surprise visit to Kyiv ahead of war anniversary",
        "2023/02/biden-visits-kyiv",
        "KYIV, Feb. 20",
        "2023-02-20",
        """
        U.S. President Joe Biden made an unannounced visit to Kyiv on Monday, days before the
        first anniversary of Russia's invasion, and met Ukrainian President Volodymyr
        Zelenskyy at the Mariinsky Palace.

        Biden announced a further half a billion dollars in U.S. military aid for Ukraine,
        including artillery ammunition, and said Washington would impose new sanctions on
        Russia later in the week.

        Standing beside Zelenskyy, Biden said "Kyiv stands" one year after the invasion and
        pledged continued American support for Ukraine.

        Zelenskyy called the visit an extremely important sign of support for all Ukrainians.

        The two leaders walked together to St. Michael's Golden-Domed Monastery as air raid
        sirens sounded across the capital.

        Biden is due to travel on to Poland, where he will meet President Andrzej Duda in
        Warsaw on Tuesday before giving a speech on the war.

        The White House said Russia had been notified of the trip shortly before Biden
        departed, to avoid any risk of a confrontation.
        """,
    ),
    _article(
        "camp-david-trilateral-summit-2023",
        "U.S., Japan and South Korea agree to annual summits at Camp David",
        "2023/08/camp-david-trilateral-summit",
        "CAMP DAVID, Maryland, Aug. 18",
        "2023-08-18",
        """
        U.S. President Joe Biden hosted Japanese Prime Minister Fumio Kishida and South Korean
        President Yoon Suk Yeol at Camp David on Friday for the first stand-alone summit of
        the three countries' leaders.

        The leaders agreed to hold a trilateral summit every year, to set up a hotline for
        use in a crisis and to consult one another quickly on regional threats, Biden told a
        joint news conference at the presidential retreat.

        Yoon said the three countries would share real-time data on North Korean missile
        launches by the end of the year, Yonhap news agency reported.

        Kishida said closer cooperation between the three countries was needed at a time when
        the security environment around them was growing more severe.

        The meeting was the first time Biden had invited foreign leaders to Camp David since
        taking office.

        Japan and South Korea have sought to mend relations strained by historical disputes.
        Yoon travelled to Tokyo for a summit with Kishida on March 16, the first such visit
        by a South Korean president in 12 years.
        """,
    ),
    _article(
        "putin-kim-vostochny-2023",
        "Putin hosts Kim Jong Un at Russia's Vostochny spaceport",
        "2023/09/putin-kim-vostochny",
        "MOSCOW, Sept. 13",
        "2023-09-13",
        """
        Russian President Vladimir Putin hosted North Korean leader Kim Jong Un at the
        Vostochny Cosmodrome near the town of Tsiolkovsky in Russia's Far East on Wednesday,
        showing him around the launch site before the two held talks.

        Kim travelled to Russia by armoured train on his first trip abroad since the COVID-19
        pandemic. The talks in the Amur region, first between the delegations and then
        one-on-one, lasted several hours.

        Asked by reporters whether Russia would help North Korea build satellites, Putin
        replied that this was why they had come to the cosmodrome.

        Kim told Putin that North Korea would always support the decisions of the Russian
        leadership, according to Russian state media.

        The two leaders last met in Vladivostok in April 2019. Defence Minister Sergei Shoigu
        visited Pyongyang in July, when Kim showed him an exhibition of North Korean weapons,
        including ballistic missiles.

        The United States has warned North Korea against supplying arms to Russia for its war
        in Ukraine.
        """,
    ),
    _article(
        "erdogan-putin-sochi-2023",
        "Erdoğan and Putin discuss reviving grain deal in Sochi",
        "2023/09/erdogan-putin-sochi",
        "SOCHI, Russia, Sept. 4",
        "2023-09-04",
        """
        Russian President Vladimir Putin hosted Turkish President Recep Tayyip Erdoğan in the
        Black Sea resort of Sochi on Monday for talks on reviving the agreement that allowed
        Ukraine to export grain by sea.

        Russia withdrew from the Black Sea Grain Initiative in July, a year after it was
        brokered by Turkey and the United Nations.

        Speaking after the talks, Putin said Russia would return to the deal as soon as the
        West met its commitments on easing restrictions on Russian agricultural exports.

        Putin also said Russia was close to agreements to supply grain free of charge to six
        African countries.

        Erdoğan said Turkey and the United Nations had prepared new proposals to revive the
        initiative and that he believed a solution could be reached soon, Anadolu Agency
        reported.

        It was Erdoğan's first visit to Russia since his re-election in May and the first
        face-to-face meeting between the two leaders in almost a year. They last met in the
        Kazakh capital Astana in October 2022.
        """,
    ),
    _article(
        "modi-poland-ukraine-trip-2024",
        "Modi to visit Poland and Ukraine this week",
        "2024/08/modi-poland-ukraine-trip",
        "NEW DELHI, Aug. 19",
        "2024-08-19",
        """
        Indian Prime Minister Narendra Modi will visit Poland and Ukraine this week, India's
        Ministry of External Affairs said on Monday.

        Modi will be in Poland on August 21 and 22, the first visit to the country by an
        Indian prime minister in 45 years, and will hold talks with Prime Minister Donald
        Tusk in Warsaw, the ministry said.

        He will then travel to Kyiv on August 23 at the invitation of Ukrainian President
        Volodymyr Zelenskyy. No Indian prime minister has visited Ukraine since the two
        countries established diplomatic relations more than three decades ago.

        A senior ministry official told reporters that India had consistently called for
        dialogue and diplomacy to end the war and was ready to contribute to a peaceful
        settlement.

        The trip comes six weeks after Modi travelled to Moscow on July 8 and 9 for an annual
        summit with Russian President Vladimir Putin, his first visit to Russia since the
        invasion of Ukraine. Zelenskyy criticised the timing of that visit, which coincided
        with a deadly Russian missile strike on a children's hospital in Kyiv.

        India has refrained from condemning Russia at the United Nations and has increased
        its purchases of Russian oil since 2022.
        """,
    ),
    _article(
        "blinken-wang-yi-munich-2024",
        "Blinken and Wang Yi meet in Munich",
        "2024/02/blinken-wang-yi-munich",
        "MUNICH, Feb. 16",
        "2024-02-16",
        """
        U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi on the
        sidelines of the Munich Security Conference on Friday, the latest in a series of
        contacts aimed at steadying relations between the two powers.

        The State Department said the two sides had a frank and constructive discussion and
        agreed on the importance of keeping lines of communication open.

        Blinken raised concerns about China's support for Russia's defence industry and
        stressed the importance of peace and stability across the Taiwan Strait, the
        department said.

        Wang told Blinken that the most important task for both countries was to follow the
        guidance of their presidents and turn the understandings reached at their November
        summit in California into reality, according to the Chinese Foreign Ministry.

        The two ministers also discussed the situation in the Middle East and on the Korean
        Peninsula.

        Wang, who also heads the Communist Party's foreign affairs office, held talks with
        U.S. National Security Adviser Jake Sullivan in Bangkok last month.
        """,
    ),
    _article(
        "trump-putin-alaska-summit-announced-2025",
        "Trump says he will meet Putin in Alaska on August 15",
        "2025/08/trump-putin-alaska-summit-announced",
        "WASHINGTON, Aug. 9",
        "2025-08-09",
        """
        U.S. President Donald Trump said he will meet Russian President Vladimir Putin in
        Alaska next Friday, August 15, in an effort to end the war in Ukraine.

        Trump announced the meeting on his social media platform late on Friday. The Kremlin
        confirmed the summit on Saturday, and a Kremlin aide said it made sense to hold it in
        Alaska because the state lies close to Russia across the Bering Strait.

        Speaking at the White House before the announcement, Trump said any agreement would
        involve "some swapping of territories" between Russia and Ukraine.

        Ukrainian President Volodymyr Zelenskyy said on Saturday that Ukrainians would not
        give their land to the occupier and that any decision taken without Ukraine would be a
        decision against peace.

        It will be the first summit between the two leaders since Trump returned to the White
        House in January. They last held a summit in Helsinki on July 16, 2018, during
        Trump's first term, and have spoken by telephone several times this year.

        European leaders have pressed Washington to make sure Ukraine takes part in any talks
        on its future.
        """,
    ),
    _article(
        "quad-sydney-summit-cancelled-2023",
        "Quad summit in Sydney called off after Biden postpones trip",
        "2023/05/quad-sydney-summit-cancelled",
        "CANBERRA, May 17",
        "2023-05-17",
        """
        A summit of the Quad group of Australia, India, Japan and the United States planned
        for Sydney next week has been called off after U.S. President Joe Biden postponed his
        trip to Australia, Prime Minister Anthony Albanese said on Wednesday.

        Biden had been due to attend the meeting on May 24 with Albanese, Indian Prime
        Minister Narendra Modi and Japanese Prime Minister Fumio Kishida. The White House said
        he would cut short an Asia-Pacific tour to return to Washington for talks with
        congressional leaders on raising the U.S. debt ceiling.

        Albanese said the four leaders would instead meet on the sidelines of the Group of
        Seven summit in Hiroshima, Japan, this weekend.

        He said Modi would still come to Australia for a bilateral visit and that the two
        prime ministers would hold talks in Sydney next week.

        Albanese told reporters that Biden had invited him to visit Washington.

        The Quad leaders last met in person in Tokyo in May last year.
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
                "Russian Defence Minister Sergei Shoigu invited Li for the official visit, which runs from April 16 to April 19.",
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
    {
        "key": "xi-russia-state-visit-2023-03",
        "kind": "visit",
        "status": "held",
        "start_date": "2023-03-20",
        "end_date": "2023-03-22",
        "date_precision": "day",
        "city": "Moscow",
        "country": "RU",
        "summary": "Xi Jinping paid a three-day state visit to Russia, his first trip abroad after starting a third term as president.",
        "participants": [("xi-jinping", "guest"), ("vladimir-putin", "host")],
        "evidence": [
            (
                "xi-state-visit-moscow-2023",
                "Chinese President Xi Jinping left Moscow on Wednesday at the end of a three-day state visit to Russia, his first trip abroad since he was elected to a third term as head of state earlier this month.",
            ),
            (
                "li-shangfu-meets-putin-2023",
                "The Russian president also spoke of the state visit Xi Jinping made to Moscow in March.",
            ),
        ],
    },
    {
        "key": "xi-putin-informal-meeting-2023-03-20",
        "kind": "meeting",
        "status": "held",
        "start_date": "2023-03-20",
        "end_date": None,
        "date_precision": "day",
        "city": "Moscow",
        "country": "RU",
        "summary": "Putin and Xi held an informal meeting at the Kremlin on the evening Xi arrived.",
        "participants": [("vladimir-putin", "host"), ("xi-jinping", "guest")],
        "evidence": [
            (
                "xi-state-visit-moscow-2023",
                "Xi arrived on Monday and held an informal meeting with Russian President Vladimir Putin at the Kremlin the same evening.",
            ),
        ],
    },
    {
        "key": "xi-putin-talks-2023-03-21",
        "kind": "talks",
        "status": "held",
        "start_date": "2023-03-21",
        "end_date": None,
        "date_precision": "day",
        "city": "Moscow",
        "country": "RU",
        "summary": "Formal Russian-Chinese talks at the Kremlin, ending with a joint statement on the partnership and an economic cooperation plan to 2030.",
        "participants": [("vladimir-putin", "host"), ("xi-jinping", "guest")],
        "evidence": [
            (
                "xi-state-visit-moscow-2023",
                "The two leaders held formal talks on Tuesday and signed a joint statement on deepening their partnership, as well as a plan for economic cooperation until 2030.",
            ),
            (
                "kishida-visits-kyiv-2023",
                "Xi was in the Russian capital for talks with President Vladimir Putin on the same day.",
            ),
        ],
    },
    {
        "key": "kishida-zelenskyy-kyiv-2023-03-21",
        "kind": "talks",
        "status": "held",
        "start_date": "2023-03-21",
        "end_date": None,
        "date_precision": "day",
        "city": "Kyiv",
        "country": "UA",
        "summary": "Fumio Kishida made an unannounced trip to Kyiv and held talks with Volodymyr Zelenskyy.",
        "participants": [("fumio-kishida", "guest"), ("volodymyr-zelenskyy", "host")],
        "evidence": [
            (
                "kishida-visits-kyiv-2023",
                "Japanese Prime Minister Fumio Kishida made an unannounced visit to Kyiv on Tuesday and held talks with Ukrainian President Volodymyr Zelenskyy, becoming the first Japanese leader since the Second World War to visit a country at war.",
            ),
        ],
    },
    {
        "key": "trump-kim-singapore-2018-06-12",
        "kind": "summit",
        "status": "held",
        "start_date": "2018-06-12",
        "end_date": None,
        "date_precision": "day",
        "city": "Singapore",
        "country": "SG",
        "summary": "The first summit between a sitting U.S. president and a North Korean leader, ending with a joint statement on denuclearisation and security guarantees.",
        "participants": [("donald-trump", "participant"), ("kim-jong-un", "participant")],
        "evidence": [
            (
                "trump-kim-singapore-summit-2018",
                "U.S. President Donald Trump and North Korean leader Kim Jong Un held a summit on Singapore's Sentosa island on Tuesday, the first meeting between a sitting American president and a leader of North Korea.",
            ),
        ],
    },
    {
        "key": "moon-kim-panmunjom-2018-04-27",
        "kind": "summit",
        "status": "held",
        "start_date": "2018-04-27",
        "end_date": None,
        "date_precision": "day",
        "city": "Panmunjom",
        "country": "KR",
        "summary": "Moon Jae-in and Kim Jong Un met at the truce village of Panmunjom and pledged to work for a nuclear-free Korean peninsula.",
        "participants": [("moon-jae-in", "host"), ("kim-jong-un", "guest")],
        "evidence": [
            (
                "trump-kim-singapore-summit-2018",
                "Kim met South Korean President Moon Jae-in on April 27 at the Panmunjom truce village on the inter-Korean border, where the two leaders pledged to work for a peninsula free of nuclear weapons.",
            ),
        ],
    },
    {
        "key": "kim-xi-beijing-2018-03",
        "kind": "talks",
        "status": "held",
        "start_date": "2018-03-01",
        "end_date": None,
        "date_precision": "month",
        "city": "Beijing",
        "country": "CN",
        "summary": "Kim Jong Un's first trip abroad as leader took him to Beijing for talks with Xi Jinping.",
        "participants": [("kim-jong-un", "guest"), ("xi-jinping", "host")],
        "evidence": [
            (
                "trump-kim-singapore-summit-2018",
                "In March, Kim travelled to Beijing for talks with Chinese President Xi Jinping on his first trip abroad as leader.",
            ),
        ],
    },
    {
        "key": "putin-kim-vladivostok-2019-04-25",
        "kind": "summit",
        "status": "held",
        "start_date": "2019-04-25",
        "end_date": None,
        "date_precision": "day",
        "city": "Vladivostok",
        "country": "RU",
        "summary": "The first summit between Vladimir Putin and Kim Jong Un, held on Russky Island.",
        "participants": [("vladimir-putin", "host"), ("kim-jong-un", "guest")],
        "evidence": [
            (
                "putin-kim-vladivostok-summit-2019",
                "Russian President Vladimir Putin and North Korean leader Kim Jong Un held their first summit on Thursday at a university campus on Russky Island, off the Pacific port of Vladivostok.",
            ),
        ],
    },
    {
        "key": "trump-kim-hanoi-2019-02",
        "kind": "summit",
        "status": "held",
        "start_date": "2019-02-27",
        "end_date": "2019-02-28",
        "date_precision": "day",
        "city": "Hanoi",
        "country": "VN",
        "summary": "The second Trump-Kim summit, which ended without an agreement.",
        "participants": [("donald-trump", "participant"), ("kim-jong-un", "participant")],
        "evidence": [
            (
                "putin-kim-vladivostok-summit-2019",
                "The summit came two months after Kim's second meeting with U.S. President Donald Trump, held in Hanoi on February 27 and 28, ended without an agreement.",
            ),
        ],
    },
    {
        "key": "biden-xi-bali-2022-11-14",
        "kind": "meeting",
        "status": "held",
        "start_date": "2022-11-14",
        "end_date": None,
        "date_precision": "day",
        "city": "Nusa Dua",
        "country": "ID",
        "summary": "Biden and Xi met for the first time in person as presidents, on the eve of the G20 summit in Bali.",
        "participants": [("joe-biden", "participant"), ("xi-jinping", "participant")],
        "evidence": [
            (
                "biden-xi-bali-2022",
                "U.S. President Joe Biden and Chinese President Xi Jinping met for more than three hours on the Indonesian island of Bali on Monday, their first face-to-face meeting since Biden took office.",
            ),
            (
                "biden-xi-woodside-summit-2023",
                "The two leaders last met in person a year ago in Bali, Indonesia, on the sidelines of the Group of 20 summit.",
            ),
        ],
    },
    {
        "key": "biden-xi-woodside-2023-11-15",
        "kind": "summit",
        "status": "held",
        "start_date": "2023-11-15",
        "end_date": None,
        "date_precision": "day",
        "city": "Woodside",
        "country": "US",
        "summary": "Biden and Xi met at the Filoli estate during the APEC week and agreed to restore military communications.",
        "participants": [("joe-biden", "host"), ("xi-jinping", "guest")],
        "evidence": [
            (
                "biden-xi-woodside-summit-2023",
                "U.S. President Joe Biden and Chinese President Xi Jinping held a summit on Wednesday at the Filoli estate south of San Francisco, their first meeting in a year, and agreed to restore contacts between their militaries.",
            ),
        ],
    },
    {
        "key": "g20-new-delhi-summit-2023-09",
        "kind": "summit",
        "status": "held",
        "start_date": "2023-09-09",
        "end_date": "2023-09-10",
        "date_precision": "day",
        "city": "New Delhi",
        "country": "IN",
        "summary": "The G20 leaders' summit under India's presidency admitted the African Union as a permanent member and adopted a joint declaration.",
        "participants": [
            ("narendra-modi", "host"),
            ("joe-biden", "participant"),
            ("olaf-scholz", "participant"),
            ("emmanuel-macron", "participant"),
            ("recep-tayyip-erdogan", "participant"),
            ("fumio-kishida", "participant"),
            ("mohammed-bin-salman", "participant"),
            ("lula", "participant"),
            ("sergey-lavrov", "participant"),
            ("li-qiang", "participant"),
            ("african-union", "participant"),
        ],
        "evidence": [
            (
                "g20-new-delhi-summit-2023",
                "The two-day summit, held on September 9 and 10 at the new Bharat Mandapam convention centre, was attended by U.S. President Joe Biden, German Chancellor Olaf Scholz, French President Emmanuel Macron, Turkish President Recep Tayyip Erdoğan, Japanese Prime Minister Fumio Kishida and Saudi Crown Prince Mohammed bin Salman, among others.",
            ),
            (
                "g20-new-delhi-summit-2023",
                "Indian Prime Minister Narendra Modi closed the Group of 20 summit in New Delhi on Sunday and handed the group's rotating presidency to Brazilian President Luiz Inácio Lula da Silva.",
            ),
        ],
    },
    {
        "key": "biden-modi-new-delhi-2023-09-08",
        "kind": "talks",
        "status": "held",
        "start_date": "2023-09-08",
        "end_date": None,
        "date_precision": "day",
        "city": "New Delhi",
        "country": "IN",
        "summary": "Biden and Modi held bilateral talks at Modi's residence on the eve of the G20 summit.",
        "participants": [("narendra-modi", "host"), ("joe-biden", "guest")],
        "evidence": [
            (
                "g20-new-delhi-summit-2023",
                "Biden had held talks with Modi at the prime minister's residence on Friday, before the summit opened.",
            ),
        ],
    },
    {
        "key": "mbs-modi-new-delhi-2023-09-11",
        "kind": "talks",
        "status": "planned",
        "start_date": "2023-09-11",
        "end_date": None,
        "date_precision": "day",
        "city": "New Delhi",
        "country": "IN",
        "summary": "Talks between Mohammed bin Salman and Narendra Modi announced for the Saudi crown prince's state visit after the G20 summit.",
        "participants": [("narendra-modi", "host"), ("mohammed-bin-salman", "guest")],
        "evidence": [
            (
                "g20-new-delhi-summit-2023",
                "Saudi Arabia's crown prince is due to hold talks with Modi on Monday during a state visit to India.",
            ),
        ],
    },
    {
        "key": "brics-johannesburg-summit-2023-08",
        "kind": "summit",
        "status": "held",
        "start_date": "2023-08-22",
        "end_date": "2023-08-24",
        "date_precision": "day",
        "city": "Johannesburg",
        "country": "ZA",
        "summary": "The 15th BRICS summit invited six countries to join the group from January 2024.",
        "participants": [
            ("cyril-ramaphosa", "host"),
            ("xi-jinping", "participant"),
            ("lula", "participant"),
            ("narendra-modi", "participant"),
            ("sergey-lavrov", "participant"),
        ],
        "evidence": [
            (
                "brics-johannesburg-summit-2023",
                "The summit, held from August 22 to 24 at the Sandton Convention Centre, brought together Ramaphosa, Chinese President Xi Jinping, Brazilian President Luiz Inácio Lula da Silva and Indian Prime Minister Narendra Modi.",
            ),
        ],
    },
    {
        "key": "xi-ramaphosa-pretoria-2023-08-22",
        "kind": "talks",
        "status": "held",
        "start_date": "2023-08-22",
        "end_date": None,
        "date_precision": "day",
        "city": "Pretoria",
        "country": "ZA",
        "summary": "Xi Jinping and Cyril Ramaphosa held talks during Xi's state visit to South Africa.",
        "participants": [("cyril-ramaphosa", "host"), ("xi-jinping", "guest")],
        "evidence": [
            (
                "brics-johannesburg-summit-2023",
                "Xi was also on a state visit to South Africa and held talks with Ramaphosa in Pretoria on Tuesday.",
            ),
        ],
    },
    {
        "key": "lavrov-kuleba-antalya-2022-03-10",
        "kind": "talks",
        "status": "held",
        "start_date": "2022-03-10",
        "end_date": None,
        "date_precision": "day",
        "city": "Antalya",
        "country": "TR",
        "summary": "The first talks between the Russian and Ukrainian foreign ministers after the invasion, hosted by Turkey; no ceasefire was agreed.",
        "participants": [
            ("sergey-lavrov", "participant"),
            ("dmytro-kuleba", "participant"),
            ("mevlut-cavusoglu", "mediator"),
        ],
        "evidence": [
            (
                "lavrov-kuleba-antalya-talks-2022",
                "Russian Foreign Minister Sergey Lavrov and his Ukrainian counterpart Dmytro Kuleba held talks in the Turkish resort of Antalya on Thursday, the highest-level contact between the two governments since Russia invaded Ukraine on February 24.",
            ),
            (
                "lavrov-kuleba-antalya-talks-2022",
                "The meeting, hosted by Turkish Foreign Minister Mevlüt Çavuşoğlu on the sidelines of the Antalya Diplomacy Forum, lasted about an hour and a half and produced no agreement.",
            ),
        ],
    },
    {
        "key": "xi-zelenskyy-call-2023-04-26",
        "kind": "call",
        "status": "held",
        "start_date": "2023-04-26",
        "end_date": None,
        "date_precision": "day",
        "city": None,
        "country": None,
        "summary": "Xi Jinping and Volodymyr Zelenskyy spoke by telephone for the first time since Russia's full-scale invasion.",
        "participants": [("volodymyr-zelenskyy", "participant"), ("xi-jinping", "participant")],
        "evidence": [
            (
                "xi-zelenskyy-phone-call-2023",
                "Ukrainian President Volodymyr Zelenskyy spoke by telephone with Chinese President Xi Jinping on Wednesday, their first contact since Russia launched its full-scale invasion of Ukraine more than a year ago.",
            ),
        ],
    },
    {
        "key": "guterres-putin-moscow-2022-04-26",
        "kind": "meeting",
        "status": "held",
        "start_date": "2022-04-26",
        "end_date": None,
        "date_precision": "day",
        "city": "Moscow",
        "country": "RU",
        "summary": "António Guterres met Vladimir Putin at the Kremlin and raised the evacuation of civilians from Mariupol.",
        "participants": [("vladimir-putin", "host"), ("antonio-guterres", "guest")],
        "evidence": [
            (
                "guterres-putin-moscow-2022",
                "U.N. Secretary-General António Guterres met Russian President Vladimir Putin at the Kremlin on Tuesday and pressed for civilians to be allowed to leave the besieged city of Mariupol.",
            ),
        ],
    },
    {
        "key": "guterres-lavrov-moscow-2022-04-26",
        "kind": "talks",
        "status": "held",
        "start_date": "2022-04-26",
        "end_date": None,
        "date_precision": "day",
        "city": "Moscow",
        "country": "RU",
        "summary": "Guterres and Lavrov held talks followed by a joint news conference.",
        "participants": [("sergey-lavrov", "host"), ("antonio-guterres", "guest")],
        "evidence": [
            (
                "guterres-putin-moscow-2022",
                "Earlier in the day Guterres held talks with Foreign Minister Sergey Lavrov.",
            ),
        ],
    },
    {
        "key": "guterres-erdogan-ankara-2022-04-25",
        "kind": "meeting",
        "status": "held",
        "start_date": "2022-04-25",
        "end_date": None,
        "date_precision": "day",
        "city": "Ankara",
        "country": "TR",
        "summary": "Guterres met Erdoğan in Ankara on his way to Moscow and Kyiv.",
        "participants": [("recep-tayyip-erdogan", "host"), ("antonio-guterres", "guest")],
        "evidence": [
            (
                "guterres-putin-moscow-2022",
                "Guterres arrived in Moscow from Ankara, where he met Turkish President Recep Tayyip Erdoğan on Monday.",
            ),
        ],
    },
    {
        "key": "guterres-zelenskyy-kyiv-2022-04-28",
        "kind": "meeting",
        "status": "planned",
        "start_date": "2022-04-28",
        "end_date": None,
        "date_precision": "day",
        "city": "Kyiv",
        "country": "UA",
        "summary": "Guterres's meeting with Zelenskyy in Kyiv, announced for two days after his Moscow talks.",
        "participants": [("volodymyr-zelenskyy", "host"), ("antonio-guterres", "guest")],
        "evidence": [
            (
                "guterres-putin-moscow-2022",
                "The U.N. chief is due to travel on to Ukraine and meet President Volodymyr Zelenskyy in Kyiv on Thursday.",
            ),
        ],
    },
    {
        "key": "stoltenberg-zelenskyy-kyiv-2023-04-20",
        "kind": "meeting",
        "status": "held",
        "start_date": "2023-04-20",
        "end_date": None,
        "date_precision": "day",
        "city": "Kyiv",
        "country": "UA",
        "summary": "Jens Stoltenberg met Volodymyr Zelenskyy on his first visit to Ukraine since the full-scale invasion.",
        "participants": [("volodymyr-zelenskyy", "host"), ("jens-stoltenberg", "guest")],
        "evidence": [
            (
                "stoltenberg-visits-kyiv-2023",
                "NATO Secretary General Jens Stoltenberg made an unannounced visit to Kyiv on Thursday, his first trip to Ukraine since Russia's full-scale invasion, and met President Volodymyr Zelenskyy.",
            ),
        ],
    },
    {
        "key": "nato-vilnius-summit-2023-07",
        "kind": "summit",
        "status": "planned",
        "start_date": "2023-07-11",
        "end_date": "2023-07-12",
        "date_precision": "day",
        "city": "Vilnius",
        "country": "LT",
        "summary": "The NATO summit in Vilnius, to which Stoltenberg invited Zelenskyy.",
        "participants": [
            ("state:LT", "host"),
            ("nato", "participant"),
            ("jens-stoltenberg", "participant"),
            ("volodymyr-zelenskyy", "guest"),
        ],
        "evidence": [
            (
                "stoltenberg-visits-kyiv-2023",
                "Stoltenberg invited Zelenskyy to attend the Vilnius summit, which will be held on July 11 and 12.",
            ),
        ],
    },
    {
        "key": "biden-kyiv-visit-2023-02-20",
        "kind": "visit",
        "status": "held",
        "start_date": "2023-02-20",
        "end_date": None,
        "date_precision": "day",
        "city": "Kyiv",
        "country": "UA",
        "summary": "Joe Biden made an unannounced visit to Kyiv shortly before the first anniversary of the invasion and met Volodymyr Zelenskyy.",
        "participants": [("joe-biden", "guest"), ("volodymyr-zelenskyy", "host")],
        "evidence": [
            (
                "biden-visits-kyiv-2023",
                "U.S. President Joe Biden made an unannounced visit to Kyiv on Monday, days before the first anniversary of Russia's invasion, and met Ukrainian President Volodymyr Zelenskyy at the Mariinsky Palace.",
            ),
        ],
    },
    {
        "key": "biden-duda-warsaw-2023-02-21",
        "kind": "meeting",
        "status": "planned",
        "start_date": "2023-02-21",
        "end_date": None,
        "date_precision": "day",
        "city": "Warsaw",
        "country": "PL",
        "summary": "Biden's meeting with the Polish president in Warsaw, announced for the day after his Kyiv visit.",
        "participants": [("joe-biden", "guest"), ("andrzej-duda", "host")],
        "evidence": [
            (
                "biden-visits-kyiv-2023",
                "Biden is due to travel on to Poland, where he will meet President Andrzej Duda in Warsaw on Tuesday before giving a speech on the war.",
            ),
        ],
    },
    {
        "key": "camp-david-summit-2023-08-18",
        "kind": "summit",
        "status": "held",
        "start_date": "2023-08-18",
        "end_date": None,
        "date_precision": "day",
        "city": "Camp David",
        "country": "US",
        "summary": "The first stand-alone summit of the leaders of the United States, Japan and South Korea.",
        "participants": [
            ("joe-biden", "host"),
            ("fumio-kishida", "guest"),
            ("yoon-suk-yeol", "guest"),
        ],
        "evidence": [
            (
                "camp-david-trilateral-summit-2023",
                "U.S. President Joe Biden hosted Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol at Camp David on Friday for the first stand-alone summit of the three countries' leaders.",
            ),
        ],
    },
    {
        "key": "yoon-kishida-tokyo-2023-03-16",
        "kind": "summit",
        "status": "held",
        "start_date": "2023-03-16",
        "end_date": None,
        "date_precision": "day",
        "city": "Tokyo",
        "country": "JP",
        "summary": "Yoon Suk Yeol's summit with Fumio Kishida in Tokyo, the first such visit by a South Korean president in 12 years.",
        "participants": [("fumio-kishida", "host"), ("yoon-suk-yeol", "guest")],
        "evidence": [
            (
                "camp-david-trilateral-summit-2023",
                "Yoon travelled to Tokyo for a summit with Kishida on March 16, the first such visit by a South Korean president in 12 years.",
            ),
        ],
    },
    {
        "key": "putin-kim-vostochny-2023-09-13",
        "kind": "summit",
        "status": "held",
        "start_date": "2023-09-13",
        "end_date": None,
        "date_precision": "day",
        "city": "Tsiolkovsky",
        "country": "RU",
        "summary": "Putin received Kim Jong Un at the Vostochny Cosmodrome for talks on Kim's first trip abroad since the pandemic.",
        "participants": [("vladimir-putin", "host"), ("kim-jong-un", "guest")],
        "evidence": [
            (
                "putin-kim-vostochny-2023",
                "Russian President Vladimir Putin hosted North Korean leader Kim Jong Un at the Vostochny Cosmodrome near the town of Tsiolkovsky in Russia's Far East on Wednesday, showing him around the launch site before the two held talks.",
            ),
        ],
    },
    {
        "key": "shoigu-pyongyang-visit-2023-07",
        "kind": "visit",
        "status": "held",
        "start_date": "2023-07-01",
        "end_date": None,
        "date_precision": "month",
        "city": "Pyongyang",
        "country": "KP",
        "summary": "Sergei Shoigu visited Pyongyang, where Kim Jong Un showed him an exhibition of North Korean weapons.",
        "participants": [("sergei-shoigu", "guest"), ("kim-jong-un", "host")],
        "evidence": [
            (
                "putin-kim-vostochny-2023",
                "Defence Minister Sergei Shoigu visited Pyongyang in July, when Kim showed him an exhibition of North Korean weapons, including ballistic missiles.",
            ),
        ],
    },
    {
        "key": "erdogan-putin-sochi-2023-09-04",
        "kind": "meeting",
        "status": "held",
        "start_date": "2023-09-04",
        "end_date": None,
        "date_precision": "day",
        "city": "Sochi",
        "country": "RU",
        "summary": "Putin and Erdoğan discussed reviving the Black Sea grain deal.",
        "participants": [("vladimir-putin", "host"), ("recep-tayyip-erdogan", "guest")],
        "evidence": [
            (
                "erdogan-putin-sochi-2023",
                "Russian President Vladimir Putin hosted Turkish President Recep Tayyip Erdoğan in the Black Sea resort of Sochi on Monday for talks on reviving the agreement that allowed Ukraine to export grain by sea.",
            ),
        ],
    },
    {
        "key": "putin-erdogan-astana-2022-10",
        "kind": "meeting",
        "status": "held",
        "start_date": "2022-10-01",
        "end_date": None,
        "date_precision": "month",
        "city": "Astana",
        "country": "KZ",
        "summary": "Putin and Erdoğan met in the Kazakh capital, their last face-to-face meeting before Sochi in 2023.",
        "participants": [
            ("vladimir-putin", "participant"),
            ("recep-tayyip-erdogan", "participant"),
        ],
        "evidence": [
            (
                "erdogan-putin-sochi-2023",
                "They last met in the Kazakh capital Astana in October 2022.",
            ),
        ],
    },
    {
        "key": "modi-poland-visit-2024-08",
        "kind": "visit",
        "status": "planned",
        "start_date": "2024-08-21",
        "end_date": "2024-08-22",
        "date_precision": "day",
        "city": "Warsaw",
        "country": "PL",
        "summary": "Modi's announced visit to Poland, the first by an Indian prime minister in 45 years, with talks with Donald Tusk.",
        "participants": [("narendra-modi", "guest"), ("donald-tusk", "host")],
        "evidence": [
            (
                "modi-poland-ukraine-trip-2024",
                "Modi will be in Poland on August 21 and 22, the first visit to the country by an Indian prime minister in 45 years, and will hold talks with Prime Minister Donald Tusk in Warsaw, the ministry said.",
            ),
        ],
    },
    {
        "key": "modi-kyiv-visit-2024-08-23",
        "kind": "visit",
        "status": "planned",
        "start_date": "2024-08-23",
        "end_date": None,
        "date_precision": "day",
        "city": "Kyiv",
        "country": "UA",
        "summary": "Modi's announced one-day visit to Kyiv at Zelenskyy's invitation.",
        "participants": [("narendra-modi", "guest"), ("volodymyr-zelenskyy", "host")],
        "evidence": [
            (
                "modi-poland-ukraine-trip-2024",
                "He will then travel to Kyiv on August 23 at the invitation of Ukrainian President Volodymyr Zelenskyy.",
            ),
        ],
    },
    {
        "key": "modi-putin-moscow-2024-07",
        "kind": "summit",
        "status": "held",
        "start_date": "2024-07-08",
        "end_date": "2024-07-09",
        "date_precision": "day",
        "city": "Moscow",
        "country": "RU",
        "summary": "The annual India-Russia summit, Modi's first visit to Russia since the invasion of Ukraine.",
        "participants": [("narendra-modi", "guest"), ("vladimir-putin", "host")],
        "evidence": [
            (
                "modi-poland-ukraine-trip-2024",
                "The trip comes six weeks after Modi travelled to Moscow on July 8 and 9 for an annual summit with Russian President Vladimir Putin, his first visit to Russia since the invasion of Ukraine.",
            ),
        ],
    },
    {
        "key": "blinken-wang-yi-munich-2024-02-16",
        "kind": "meeting",
        "status": "held",
        "start_date": "2024-02-16",
        "end_date": None,
        "date_precision": "day",
        "city": "Munich",
        "country": "DE",
        "summary": "Blinken and Wang Yi met on the margins of the Munich Security Conference.",
        "participants": [("antony-blinken", "participant"), ("wang-yi", "participant")],
        "evidence": [
            (
                "blinken-wang-yi-munich-2024",
                "U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi on the sidelines of the Munich Security Conference on Friday, the latest in a series of contacts aimed at steadying relations between the two powers.",
            ),
        ],
    },
    {
        "key": "trump-putin-alaska-2025-08-15",
        "kind": "summit",
        "status": "planned",
        "start_date": "2025-08-15",
        "end_date": None,
        "date_precision": "day",
        "city": None,
        "country": "US",
        "summary": "The Trump-Putin summit in Alaska as announced a week ahead; the city had not been named.",
        "participants": [("donald-trump", "host"), ("vladimir-putin", "guest")],
        "evidence": [
            (
                "trump-putin-alaska-summit-announced-2025",
                "U.S. President Donald Trump said he will meet Russian President Vladimir Putin in Alaska next Friday, August 15, in an effort to end the war in Ukraine.",
            ),
        ],
    },
    {
        "key": "trump-putin-helsinki-2018-07-16",
        "kind": "summit",
        "status": "held",
        "start_date": "2018-07-16",
        "end_date": None,
        "date_precision": "day",
        "city": "Helsinki",
        "country": "FI",
        "summary": "The Trump-Putin summit in Helsinki during Trump's first term.",
        "participants": [("donald-trump", "participant"), ("vladimir-putin", "participant")],
        "evidence": [
            (
                "trump-putin-alaska-summit-announced-2025",
                "They last held a summit in Helsinki on July 16, 2018, during Trump's first term, and have spoken by telephone several times this year.",
            ),
        ],
    },
    {
        "key": "quad-sydney-summit-2023-05-24",
        "kind": "summit",
        "status": "cancelled",
        "start_date": "2023-05-24",
        "end_date": None,
        "date_precision": "day",
        "city": "Sydney",
        "country": "AU",
        "summary": "The Quad leaders' summit planned for Sydney, called off after Biden postponed his trip to Australia.",
        "participants": [
            ("anthony-albanese", "host"),
            ("joe-biden", "participant"),
            ("narendra-modi", "participant"),
            ("fumio-kishida", "participant"),
        ],
        "evidence": [
            (
                "quad-sydney-summit-cancelled-2023",
                "A summit of the Quad group of Australia, India, Japan and the United States planned for Sydney next week has been called off after U.S. President Joe Biden postponed his trip to Australia, Prime Minister Anthony Albanese said on Wednesday.",
            ),
            (
                "quad-sydney-summit-cancelled-2023",
                "Biden had been due to attend the meeting on May 24 with Albanese, Indian Prime Minister Narendra Modi and Japanese Prime Minister Fumio Kishida.",
            ),
        ],
    },
    {
        "key": "quad-hiroshima-2023-05-20",
        "kind": "summit",
        "status": "planned",
        "start_date": "2023-05-20",
        "end_date": None,
        "date_precision": "day",
        "city": "Hiroshima",
        "country": "JP",
        "summary": "The Quad leaders' meeting moved to the margins of the G7 summit in Hiroshima.",
        "participants": [
            ("fumio-kishida", "host"),
            ("joe-biden", "participant"),
            ("narendra-modi", "participant"),
            ("anthony-albanese", "participant"),
        ],
        "evidence": [
            (
                "quad-sydney-summit-cancelled-2023",
                "Albanese said the four leaders would instead meet on the sidelines of the Group of Seven summit in Hiroshima, Japan, this weekend.",
            ),
        ],
    },
    {
        "key": "modi-albanese-sydney-2023-05-24",
        "kind": "talks",
        "status": "planned",
        "start_date": "2023-05-24",
        "end_date": None,
        "date_precision": "day",
        "city": "Sydney",
        "country": "AU",
        "summary": "Bilateral talks between Albanese and Modi in Sydney, kept after the Quad summit there was called off.",
        "participants": [("anthony-albanese", "host"), ("narendra-modi", "guest")],
        "evidence": [
            (
                "quad-sydney-summit-cancelled-2023",
                "He said Modi would still come to Australia for a bilateral visit and that the two prime ministers would hold talks in Sydney next week.",
            ),
        ],
    },
    {
        "key": "quad-tokyo-summit-2022-05",
        "kind": "summit",
        "status": "held",
        "start_date": "2022-05-01",
        "end_date": None,
        "date_precision": "month",
        "city": "Tokyo",
        "country": "JP",
        "summary": "The last in-person Quad leaders' summit before the cancelled Sydney meeting.",
        "participants": [
            ("fumio-kishida", "host"),
            ("joe-biden", "participant"),
            ("narendra-modi", "participant"),
            ("anthony-albanese", "participant"),
        ],
        "evidence": [
            (
                "quad-sydney-summit-cancelled-2023",
                "The Quad leaders last met in person in Tokyo in May last year.",
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
        "Li told the Russian president that Beijing wanted closer contacts between the Chinese and Russian armed forces and more security cooperation in multilateral forums, Xinhua news agency reported.",
        "paraphrase",
        "li-shangfu-putin-2023-04-16",
        "xinhua",
        "2023-04-16",
    ),
    _statement(
        "vladimir-putin",
        "li-shangfu-meets-putin-2023",
        "According to Xinhua, Putin said defence ties held an important place in relations between Moscow and Beijing.",
        "paraphrase",
        "li-shangfu-putin-2023-04-16",
        "xinhua",
        "2023-04-16",
    ),
    _statement(
        "vladimir-putin",
        "li-shangfu-meets-putin-2023",
        "The Russian president also spoke of the state visit Xi Jinping made to Moscow in March.",
        "paraphrase",
        "li-shangfu-putin-2023-04-16",
        "xinhua",
        "2023-04-16",
    ),
    _statement(
        "china-defence-ministry",
        "li-shangfu-meets-putin-2023",
        "China's Ministry of National Defense said on Friday that Li would hold talks with Russia's military leadership and tour Russian military education institutions.",
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
    _statement(
        "vladimir-putin",
        "xi-state-visit-moscow-2023",
        "Putin told reporters after Tuesday's talks that many provisions of the peace plan put forward by China could be taken as a basis for settling the conflict in Ukraine when the West and Kyiv were ready for it.",
        "paraphrase",
        "xi-putin-talks-2023-03-21",
        None,
        "2023-03-21",
    ),
    _statement(
        "xi-jinping",
        "xi-state-visit-moscow-2023",
        "Xi said China held an objective and impartial position on the Ukraine crisis and favoured peace and dialogue, Xinhua news agency reported.",
        "paraphrase",
        "xi-putin-talks-2023-03-21",
        "xinhua",
        "2023-03-21",
    ),
    _statement(
        "vladimir-putin",
        "xi-state-visit-moscow-2023",
        "Putin said Russia was ready to meet China's growing demand for energy and that work was continuing on a new gas pipeline to China through Mongolia.",
        "paraphrase",
        "xi-putin-talks-2023-03-21",
        None,
        "2023-03-21",
    ),
    _statement(
        "fumio-kishida",
        "kishida-visits-kyiv-2023",
        "Kishida told Zelenskyy that Japan would continue to stand with Ukraine, according to Japanese officials.",
        "paraphrase",
        "kishida-zelenskyy-kyiv-2023-03-21",
        None,
        "2023-03-21",
    ),
    _statement(
        "volodymyr-zelenskyy",
        "kishida-visits-kyiv-2023",
        "Zelenskyy thanked Japan for its help and for its leadership of the Group of Seven, his office said.",
        "paraphrase",
        "kishida-zelenskyy-kyiv-2023-03-21",
        None,
        "2023-03-21",
    ),
    _statement(
        "kim-jong-un",
        "trump-kim-singapore-summit-2018",
        "Kim said at the start of the meeting that old prejudices and practices had stood in the way of the talks but that the two sides had overcome them.",
        "paraphrase",
        "trump-kim-singapore-2018-06-12",
        None,
        "2018-06-12",
    ),
    _statement(
        "donald-trump",
        "trump-kim-singapore-summit-2018",
        "At a news conference after the summit, Trump said the United States would stop its joint military exercises with South Korea while negotiations continued.",
        "paraphrase",
        "trump-kim-singapore-2018-06-12",
        None,
        "2018-06-12",
    ),
    _statement(
        "donald-trump",
        "trump-kim-singapore-summit-2018",
        "He also said he would invite Kim to the White House at the appropriate time.",
        "paraphrase",
        "trump-kim-singapore-2018-06-12",
        None,
        "2018-06-12",
    ),
    _statement(
        "vladimir-putin",
        "putin-kim-vladivostok-summit-2019",
        "Speaking to reporters after the talks, Putin said North Korea would need international security guarantees if it were to give up its nuclear programme, and that such guarantees could be discussed in a multilateral format.",
        "paraphrase",
        "putin-kim-vladivostok-2019-04-25",
        None,
        "2019-04-25",
    ),
    _statement(
        "vladimir-putin",
        "putin-kim-vladivostok-summit-2019",
        "Putin said he would share the content of the talks with the United States and China.",
        "paraphrase",
        "putin-kim-vladivostok-2019-04-25",
        None,
        "2019-04-25",
    ),
    _statement(
        "kim-jong-un",
        "putin-kim-vladivostok-summit-2019",
        "Kim said at the start of the talks that he hoped the meeting would help the two sides discuss the situation on the Korean peninsula.",
        "paraphrase",
        "putin-kim-vladivostok-2019-04-25",
        None,
        "2019-04-25",
    ),
    _statement(
        "joe-biden",
        "biden-xi-bali-2022",
        "Biden said at the start that the two countries had a responsibility to keep competition between them from turning into conflict.",
        "paraphrase",
        "biden-xi-bali-2022-11-14",
        None,
        "2022-11-14",
    ),
    _statement(
        "xi-jinping",
        "biden-xi-bali-2022",
        "the first red line that must not be crossed",
        "partial",
        "biden-xi-bali-2022-11-14",
        "xinhua",
        "2022-11-14",
    ),
    _statement(
        "joe-biden",
        "biden-xi-bali-2022",
        "Speaking to reporters afterwards, Biden said he did not believe there was any imminent attempt by China to invade Taiwan.",
        "paraphrase",
        "biden-xi-bali-2022-11-14",
        None,
        "2022-11-14",
    ),
    _statement(
        "joe-biden",
        "biden-xi-bali-2022",
        "He added that there was no need for a new Cold War.",
        "paraphrase",
        "biden-xi-bali-2022-11-14",
        None,
        "2022-11-14",
    ),
    _statement(
        "joe-biden",
        "biden-xi-woodside-summit-2023",
        "Biden told reporters afterwards that the two sides had agreed to resume high-level military communications and that China would act against companies producing the chemicals used to make fentanyl.",
        "paraphrase",
        "biden-xi-woodside-2023-11-15",
        None,
        "2023-11-15",
    ),
    _statement(
        "joe-biden",
        "biden-xi-woodside-summit-2023",
        "He said he and Xi had also agreed that either of them could pick up the phone and call the other.",
        "paraphrase",
        "biden-xi-woodside-2023-11-15",
        None,
        "2023-11-15",
    ),
    _statement(
        "xi-jinping",
        "biden-xi-woodside-summit-2023",
        "Planet Earth is big enough for the two countries to succeed",
        "direct",
        "biden-xi-woodside-2023-11-15",
        "xinhua",
        "2023-11-15",
    ),
    _statement(
        "xi-jinping",
        "biden-xi-woodside-summit-2023",
        "He said turning their backs on each other was not an option for China and the United States.",
        "paraphrase",
        "biden-xi-woodside-2023-11-15",
        None,
        "2023-11-15",
    ),
    _statement(
        "narendra-modi",
        "g20-new-delhi-summit-2023",
        "On Saturday, Modi announced that the African Union had become a permanent member of the G20 and invited its chairperson, Comoros President Azali Assoumani, to take his seat at the table.",
        "paraphrase",
        "g20-new-delhi-summit-2023-09",
        None,
        "2023-09-09",
    ),
    _statement(
        "narendra-modi",
        "g20-new-delhi-summit-2023",
        "Later the same day Modi said the leaders had reached consensus on a joint declaration.",
        "paraphrase",
        "g20-new-delhi-summit-2023-09",
        None,
        "2023-09-09",
    ),
    _statement(
        "lula",
        "g20-new-delhi-summit-2023",
        "Lula said Brazil's presidency would focus on social inclusion and the fight against hunger, the energy transition and the reform of global governance institutions.",
        "paraphrase",
        "g20-new-delhi-summit-2023-09",
        None,
        "2023-09-10",
    ),
    _statement(
        "sergey-lavrov",
        "g20-new-delhi-summit-2023",
        "Lavrov told reporters the summit had been a success and that Western attempts to put Ukraine at the centre of its agenda had failed.",
        "paraphrase",
        "g20-new-delhi-summit-2023-09",
        None,
        "2023-09-10",
    ),
    _statement(
        "cyril-ramaphosa",
        "brics-johannesburg-summit-2023",
        "Ramaphosa said Argentina, Egypt, Ethiopia, Iran, Saudi Arabia and the United Arab Emirates had been invited to become full members from January 1, 2024.",
        "paraphrase",
        "brics-johannesburg-summit-2023-08",
        None,
        "2023-08-24",
    ),
    _statement(
        "xi-jinping",
        "brics-johannesburg-summit-2023",
        "Xi described the expansion as historic and said it showed the determination of the BRICS countries to unite with other developing nations, Xinhua news agency reported.",
        "paraphrase",
        "brics-johannesburg-summit-2023-08",
        "xinhua",
        "2023-08-24",
    ),
    _statement(
        "lula",
        "brics-johannesburg-summit-2023",
        "Lula said earlier in the week that the group did not want to be a counterweight to the Group of Seven or the United States, but to organise the countries of the Global South.",
        "paraphrase",
        "brics-johannesburg-summit-2023-08",
        None,
        "2023-08-22",
    ),
    _statement(
        "dmytro-kuleba",
        "lavrov-kuleba-antalya-talks-2022",
        "Kuleba told reporters that he had proposed a 24-hour ceasefire to deal with the most urgent humanitarian problems but that no progress had been made.",
        "paraphrase",
        "lavrov-kuleba-antalya-2022-03-10",
        None,
        "2022-03-10",
    ),
    _statement(
        "dmytro-kuleba",
        "lavrov-kuleba-antalya-talks-2022",
        "He said Lavrov did not appear to be in a position to commit to it.",
        "paraphrase",
        "lavrov-kuleba-antalya-2022-03-10",
        None,
        "2022-03-10",
    ),
    _statement(
        "dmytro-kuleba",
        "lavrov-kuleba-antalya-talks-2022",
        "Kuleba said Ukraine was ready for diplomacy but would not surrender.",
        "paraphrase",
        "lavrov-kuleba-antalya-2022-03-10",
        None,
        "2022-03-10",
    ),
    _statement(
        "sergey-lavrov",
        "lavrov-kuleba-antalya-talks-2022",
        "Lavrov told a separate news conference that Russia was not against a meeting between President Vladimir Putin and Ukrainian President Volodymyr Zelenskyy, but that such a meeting would have to be well prepared.",
        "paraphrase",
        "lavrov-kuleba-antalya-2022-03-10",
        None,
        "2022-03-10",
    ),
    _statement(
        "mevlut-cavusoglu",
        "lavrov-kuleba-antalya-talks-2022",
        "Çavuşoğlu said Turkey would continue its efforts to bring the two sides together, Anadolu Agency reported.",
        "paraphrase",
        "lavrov-kuleba-antalya-2022-03-10",
        "anadolu",
        "2022-03-10",
    ),
    _statement(
        "volodymyr-zelenskyy",
        "xi-zelenskyy-phone-call-2023",
        "long and meaningful",
        "partial",
        "xi-zelenskyy-call-2023-04-26",
        None,
        "2023-04-26",
    ),
    _statement(
        "volodymyr-zelenskyy",
        "xi-zelenskyy-phone-call-2023",
        "He said he expected the call, together with the appointment of a Ukrainian ambassador to China, to give a strong impetus to relations between the two countries.",
        "paraphrase",
        "xi-zelenskyy-call-2023-04-26",
        None,
        "2023-04-26",
    ),
    _statement(
        "xi-jinping",
        "xi-zelenskyy-phone-call-2023",
        "Xi told Zelenskyy that China would send its special representative for Eurasian affairs to Ukraine and other countries to hold talks on a political settlement, Xinhua news agency reported.",
        "paraphrase",
        "xi-zelenskyy-call-2023-04-26",
        "xinhua",
        "2023-04-26",
    ),
    _statement(
        "xi-jinping",
        "xi-zelenskyy-phone-call-2023",
        "According to Xinhua, Xi said that dialogue and negotiation were the only viable way out of the conflict.",
        "paraphrase",
        "xi-zelenskyy-call-2023-04-26",
        "xinhua",
        "2023-04-26",
    ),
    _statement(
        "antonio-guterres",
        "guterres-putin-moscow-2022",
        "At a joint news conference after that meeting, Guterres said he had proposed a humanitarian contact group bringing together Russia, Ukraine and the United Nations to look for safe corridors for civilians.",
        "paraphrase",
        "guterres-lavrov-moscow-2022-04-26",
        None,
        "2022-04-26",
    ),
    _statement(
        "united-nations",
        "guterres-putin-moscow-2022",
        "The United Nations said after the Kremlin meeting that Putin had agreed in principle to the involvement of the U.N. and the International Committee of the Red Cross in evacuating civilians from the Azovstal steel plant in Mariupol.",
        "paraphrase",
        "guterres-putin-moscow-2022-04-26",
        None,
        "2022-04-26",
    ),
    _statement(
        "antonio-guterres",
        "guterres-putin-moscow-2022",
        "Guterres has described the Russian invasion as a violation of Ukraine's territorial integrity and of the U.N. Charter.",
        "paraphrase",
        None,
        None,
        None,
    ),
    _statement(
        "jens-stoltenberg",
        "stoltenberg-visits-kyiv-2023",
        "Ukraine's rightful place is in NATO",
        "direct",
        "stoltenberg-zelenskyy-kyiv-2023-04-20",
        None,
        "2023-04-20",
    ),
    _statement(
        "jens-stoltenberg",
        "stoltenberg-visits-kyiv-2023",
        "He added that over time the alliance's support would help make membership possible.",
        "paraphrase",
        "stoltenberg-zelenskyy-kyiv-2023-04-20",
        None,
        "2023-04-20",
    ),
    _statement(
        "volodymyr-zelenskyy",
        "stoltenberg-visits-kyiv-2023",
        "Zelenskyy urged the allies to agree on a clear path to membership for Ukraine at the alliance's summit in the Lithuanian capital in July.",
        "paraphrase",
        "stoltenberg-zelenskyy-kyiv-2023-04-20",
        None,
        "2023-04-20",
    ),
    _statement(
        "volodymyr-zelenskyy",
        "stoltenberg-visits-kyiv-2023",
        "He also asked them for more weapons, including modern combat aircraft.",
        "paraphrase",
        "stoltenberg-zelenskyy-kyiv-2023-04-20",
        None,
        "2023-04-20",
    ),
    _statement(
        "joe-biden",
        "biden-visits-kyiv-2023",
        "Biden announced a further half a billion dollars in U.S. military aid for Ukraine, including artillery ammunition, and said Washington would impose new sanctions on Russia later in the week.",
        "paraphrase",
        "biden-kyiv-visit-2023-02-20",
        None,
        "2023-02-20",
    ),
    _statement(
        "joe-biden",
        "biden-visits-kyiv-2023",
        "Kyiv stands",
        "partial",
        "biden-kyiv-visit-2023-02-20",
        None,
        "2023-02-20",
    ),
    _statement(
        "volodymyr-zelenskyy",
        "biden-visits-kyiv-2023",
        "Zelenskyy called the visit an extremely important sign of support for all Ukrainians.",
        "paraphrase",
        "biden-kyiv-visit-2023-02-20",
        None,
        "2023-02-20",
    ),
    _statement(
        "joe-biden",
        "camp-david-trilateral-summit-2023",
        "The leaders agreed to hold a trilateral summit every year, to set up a hotline for use in a crisis and to consult one another quickly on regional threats, Biden told a joint news conference at the presidential retreat.",
        "paraphrase",
        "camp-david-summit-2023-08-18",
        None,
        "2023-08-18",
    ),
    _statement(
        "yoon-suk-yeol",
        "camp-david-trilateral-summit-2023",
        "Yoon said the three countries would share real-time data on North Korean missile launches by the end of the year, Yonhap news agency reported.",
        "paraphrase",
        "camp-david-summit-2023-08-18",
        "yonhap",
        "2023-08-18",
    ),
    _statement(
        "fumio-kishida",
        "camp-david-trilateral-summit-2023",
        "Kishida said closer cooperation between the three countries was needed at a time when the security environment around them was growing more severe.",
        "paraphrase",
        "camp-david-summit-2023-08-18",
        None,
        "2023-08-18",
    ),
    _statement(
        "vladimir-putin",
        "putin-kim-vostochny-2023",
        "Asked by reporters whether Russia would help North Korea build satellites, Putin replied that this was why they had come to the cosmodrome.",
        "paraphrase",
        "putin-kim-vostochny-2023-09-13",
        None,
        "2023-09-13",
    ),
    _statement(
        "kim-jong-un",
        "putin-kim-vostochny-2023",
        "Kim told Putin that North Korea would always support the decisions of the Russian leadership, according to Russian state media.",
        "paraphrase",
        "putin-kim-vostochny-2023-09-13",
        None,
        "2023-09-13",
    ),
    _statement(
        "vladimir-putin",
        "erdogan-putin-sochi-2023",
        "Speaking after the talks, Putin said Russia would return to the deal as soon as the West met its commitments on easing restrictions on Russian agricultural exports.",
        "paraphrase",
        "erdogan-putin-sochi-2023-09-04",
        None,
        "2023-09-04",
    ),
    _statement(
        "vladimir-putin",
        "erdogan-putin-sochi-2023",
        "Putin also said Russia was close to agreements to supply grain free of charge to six African countries.",
        "paraphrase",
        "erdogan-putin-sochi-2023-09-04",
        None,
        "2023-09-04",
    ),
    _statement(
        "recep-tayyip-erdogan",
        "erdogan-putin-sochi-2023",
        "Erdoğan said Turkey and the United Nations had prepared new proposals to revive the initiative and that he believed a solution could be reached soon, Anadolu Agency reported.",
        "paraphrase",
        "erdogan-putin-sochi-2023-09-04",
        "anadolu",
        "2023-09-04",
    ),
    _statement(
        "india-external-affairs-ministry",
        "modi-poland-ukraine-trip-2024",
        "Indian Prime Minister Narendra Modi will visit Poland and Ukraine this week, India's Ministry of External Affairs said on Monday.",
        "paraphrase",
        "modi-kyiv-visit-2024-08-23",
        None,
        "2024-08-19",
    ),
    _statement(
        "india-external-affairs-ministry",
        "modi-poland-ukraine-trip-2024",
        "A senior ministry official told reporters that India had consistently called for dialogue and diplomacy to end the war and was ready to contribute to a peaceful settlement.",
        "paraphrase",
        "modi-kyiv-visit-2024-08-23",
        None,
        "2024-08-19",
    ),
    _statement(
        "volodymyr-zelenskyy",
        "modi-poland-ukraine-trip-2024",
        "Zelenskyy criticised the timing of that visit, which coincided with a deadly Russian missile strike on a children's hospital in Kyiv.",
        "paraphrase",
        "modi-putin-moscow-2024-07",
        None,
        "2024-07-08",
    ),
    _statement(
        "antony-blinken",
        "blinken-wang-yi-munich-2024",
        "Blinken raised concerns about China's support for Russia's defence industry and stressed the importance of peace and stability across the Taiwan Strait, the department said.",
        "paraphrase",
        "blinken-wang-yi-munich-2024-02-16",
        None,
        "2024-02-16",
    ),
    _statement(
        "wang-yi",
        "blinken-wang-yi-munich-2024",
        "Wang told Blinken that the most important task for both countries was to follow the guidance of their presidents and turn the understandings reached at their November summit in California into reality, according to the Chinese Foreign Ministry.",
        "paraphrase",
        "blinken-wang-yi-munich-2024-02-16",
        "china-foreign-ministry",
        "2024-02-16",
    ),
    _statement(
        "donald-trump",
        "trump-putin-alaska-summit-announced-2025",
        "U.S. President Donald Trump said he will meet Russian President Vladimir Putin in Alaska next Friday, August 15, in an effort to end the war in Ukraine.",
        "paraphrase",
        "trump-putin-alaska-2025-08-15",
        None,
        "2025-08-08",
    ),
    _statement(
        "donald-trump",
        "trump-putin-alaska-summit-announced-2025",
        "some swapping of territories",
        "partial",
        None,
        None,
        "2025-08-08",
    ),
    _statement(
        "volodymyr-zelenskyy",
        "trump-putin-alaska-summit-announced-2025",
        "Ukrainian President Volodymyr Zelenskyy said on Saturday that Ukrainians would not give their land to the occupier and that any decision taken without Ukraine would be a decision against peace.",
        "paraphrase",
        None,
        None,
        "2025-08-09",
    ),
    _statement(
        "anthony-albanese",
        "quad-sydney-summit-cancelled-2023",
        "A summit of the Quad group of Australia, India, Japan and the United States planned for Sydney next week has been called off after U.S. President Joe Biden postponed his trip to Australia, Prime Minister Anthony Albanese said on Wednesday.",
        "paraphrase",
        "quad-sydney-summit-2023-05-24",
        None,
        "2023-05-17",
    ),
    _statement(
        "anthony-albanese",
        "quad-sydney-summit-cancelled-2023",
        "Albanese said the four leaders would instead meet on the sidelines of the Group of Seven summit in Hiroshima, Japan, this weekend.",
        "paraphrase",
        "quad-hiroshima-2023-05-20",
        None,
        "2023-05-17",
    ),
    _statement(
        "anthony-albanese",
        "quad-sydney-summit-cancelled-2023",
        "He said Modi would still come to Australia for a bilateral visit and that the two prime ministers would hold talks in Sydney next week.",
        "paraphrase",
        "modi-albanese-sydney-2023-05-24",
        None,
        "2023-05-17",
    ),
    _statement(
        "anthony-albanese",
        "quad-sydney-summit-cancelled-2023",
        "Albanese told reporters that Biden had invited him to visit Washington.",
        "paraphrase",
        None,
        None,
        "2023-05-17",
    ),
]
