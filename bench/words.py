"""Word lists for the synthetic corpus: names, offices, topics and the filler vocabulary.

Hand-written and small on purpose: the generator combines them (surnames from syllables,
quotes from three parts, filler sentences from a Zipf-weighted vocabulary) so a million
articles do not repeat each other while the lists stay readable.
"""


def split_words(text: str) -> list[str]:
    return text.split()


FIRST_NAMES = split_words("""
Adrian Aiko Alexei Amara Ana Andrei Anil Anton Ayesha Bao Beatriz Boris Carlos Chen Chidi
Claire Dana Daniel Darius Dmitri Elena Emeka Emil Erik Esra Fatima Felipe Hana Hassan Helga
Hiroshi Ibrahim Ines Ingrid Ivan Jae Jamal Javier Jin Joao Jonas Jorge Julia Karim Kateryna
Kenji Khalid Kofi Lars Layla Leila Li Lina Lucia Luis Mahmoud Maria Marek Marta Mateo Mei
Mikhail Min Mohammed Nadia Naledi Nikolai Nina Noor Olga Omar Oscar Pablo Paolo Pedro Petra
Priya Rahul Rania Ravi Rosa Ruslan Sami Samuel Sara Sergei Shira Sofia Sun Tamar Tariq Thabo
Tomas Viktor Wei Yara Yuki Yusuf Zanele Zhang Zofia
""")

SURNAME_HEADS = split_words(
    "Va Ko Ma Ta Li Sa Be Do Ra Ni Ha Zu Pe Mo Ga Fe Lu Ke Ar Os Bra Dre Kri Sto"
)
SURNAME_MIDDLES = split_words("ren lo mi sha tor ve dan ri ka bel no sti gu lan ze mar")
SURNAME_TAILS = split_words(
    "ko ov ez son ani escu berg idis ova ian oglu sky ari elli ing aw uchi ard ston enko"
)

TITLES = [
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Defence Minister",
    "Finance Minister",
    "Trade Minister",
    "Energy Minister",
    "National Security Adviser",
    "Deputy Foreign Minister",
    "Special Envoy",
    "Ambassador",
    "Chancellor",
    "Vice President",
    "Interior Minister",
]

KINDS = ["meeting", "visit", "call", "summit", "talks"]
KIND_WEIGHTS = [45, 20, 20, 5, 10]

OUTLETS = [
    "Synthetic Wire",
    "Synthetic Herald",
    "Synthetic Daily",
    "Synthetic Observer",
    "Synthetic Agency",
]

TOPICS = split_words("""
trade energy security climate migration sanctions investment agriculture fisheries shipping
cybersecurity health education tourism infrastructure railways ports pipelines nuclear
disarmament ceasefire prisoners humanitarian aid water borders airspace space satellites
semiconductors minerals grain fertilizer debt tariffs currency banking customs visas
students scientists archaeology culture sport aviation telecommunications refugees
peacekeeping maritime navigation fishing forests drought floods vaccines pandemic
""")

QUOTE_OPENERS = [
    "We agreed that",
    "Our countries believe that",
    "I told my counterpart that",
    "There is no doubt that",
    "We will make sure that",
    "Both sides recognise that",
    "It is clear that",
    "We discussed how",
    "I am convinced that",
    "Our governments have decided that",
    "We reaffirmed that",
    "Nobody should doubt that",
]
QUOTE_CLOSERS = [
    "must remain a priority for both our peoples",
    "cannot wait any longer",
    "will be on the agenda of our next meeting",
    "deserves the attention of the whole region",
    "is the foundation of a lasting partnership",
    "requires patience and trust on both sides",
    "will be discussed again by our experts next month",
    "is in the interest of every country represented here",
    "will not be decided by force",
    "has improved considerably over the last year",
]

LEAD_VERBS = {
    "meeting": "met",
    "visit": "received",
    "call": "spoke by telephone with",
    "summit": "joined a summit with",
    "talks": "held talks with",
}

CUES = ["said", "told reporters", "said after the talks", "added", "stressed"]

# Everyday words of diplomatic reporting; ranked roughly by how often they appear.
VOCABULARY = split_words("""
the of and to in a on for with that said talks minister officials government country
cooperation meeting agreement relations between both sides foreign president week
statement ministry visit capital delegation bilateral regional security leaders
discussed issues economic support partners next year agreed years new further
development joint region international talks peace dialogue negotiations issue
official spokesman told reporters press conference counterpart meetings visits
strategic partnership framework memorandum understanding signed documents projects
investment trade energy border conflict crisis situation efforts stability
mutual respect interests sovereignty territorial integrity principles charter
united nations council resolution sanctions embassy ambassador envoy consul
summit forum conference session agenda round consultations working group
expert level technical committee commission mechanism process implementation
progress results outcome proposals initiative plan roadmap timetable deadline
concerns differences disagreements tensions positions views opinions approach
exchange ideas information data intelligence military defence forces troops
exercises weapons arms control treaty nuclear program inspectors agency report
economy growth markets prices oil gas supplies exports imports tariffs goods
companies firms business investors banks loans credit debt funds budget
humanitarian aid assistance refugees displaced civilians casualties victims
ceasefire truce hostilities offensive attack strikes shelling frontline
reconstruction recovery infrastructure railway highway bridge port airport
pipeline power grid electricity renewable solar wind hydro climate emissions
water drought floods harvest grain wheat rice food prices fertilizer shipping
corridor route transit customs visa travel tourism students universities
culture heritage museum exhibition festival anniversary ceremony wreath memorial
parliament lawmakers opposition election campaign vote referendum constitution
court judge ruling law legislation reform corruption investigation prosecutor
journalists media broadcast interview newspaper television radio online social
network platform technology digital cyber attack hackers satellite space launch
health hospital vaccine doses pandemic virus outbreak doctors medicine supplies
friendship trust confidence goodwill solidarity unity cohesion integration
community diaspora citizens nationals consular protection detained released
prisoners exchange hostages negotiators mediators facilitation channels backchannel
morning afternoon evening day night hours minutes earlier later today yesterday
tomorrow monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december spring summer
autumn winter season quarter decade century history historic landmark milestone
""")
