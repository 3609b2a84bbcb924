"""The Analysis that the mentions stage hands on: one way to add an entity."""

from meetings.extraction import ArticleInput, extract
from meetings.extraction.document import document
from meetings.extraction.mentions import analyze


def test_add_entity_creates_once_and_records_every_mention(empty_kb):
    text = "Tomas Quispe spoke. Later Quispe left."
    analysis = analyze(document(text), empty_kb)
    before = len(analysis.mentions)
    first = analysis.add_entity(
        "person:x", "person", "Ana Soto", span=(0, 3), surface="Ana", rule="test"
    )
    again = analysis.add_entity("person:x", "person", "ignored", span=(5, 8), surface="Sot")
    assert first is again
    assert (first.name, first.rule, first.spans, first.first) == (
        "Ana Soto",
        "test",
        [(0, 3), (5, 8)],
        0,
    )
    assert [m.key for m in analysis.mentions[before:]] == ["person:x", "person:x"]


def test_a_ner_hook_adds_its_people_through_the_analysis(empty_kb):
    text = "On Monday Kaveh Rostami smiled quietly."
    start = text.index("Kaveh")

    def ner(_text):
        return [(start, start + len("Kaveh Rostami"), "PERSON")]

    without = extract(ArticleInput(text=text), empty_kb)
    assert "Kaveh Rostami" not in {a.name for a in without.actors}
    proposal = extract(ArticleInput(text=text), empty_kb, ner=ner)
    assert "Kaveh Rostami" in {a.name for a in proposal.actors}


def test_add_entity_keeps_one_surface_each_and_the_mention_it_is_told(empty_kb):
    text = "Tomas Quispe spoke. Later Quispe left."
    analysis = analyze(document(text), empty_kb)
    analysis.add_entity(
        "org:x", "organization", "Radio X", span=(0, 5), surface="Tomas", how="short"
    )
    ent = analysis.add_entity(
        "org:x", "organization", "Radio X", span=(26, 32), surface="Tomas", sentence=1,
        in_quote=True, source=True,
    )  # fmt: skip
    assert ent.surfaces == ["Tomas"]
    last = analysis.mentions[-1]
    assert (last.how, last.sentence, last.in_quote, last.source) == ("name", 1, True, True)
    assert analysis.mentions[-2].how == "short"


def test_later_stages_add_their_entities_through_the_analysis(empty_kb, monkeypatch):
    # The quotes stage (a new speaker named after the quote) and the organisations stage
    # (an acronym before a noun of a body) both add what they find by add_entity.
    from meetings.extraction.mentions import Analysis

    added = []
    real = Analysis.add_entity

    def spy(self, key, *args, **kwargs):
        added.append(key)
        return real(self, key, *args, **kwargs)

    monkeypatch.setattr(Analysis, "add_entity", spy)
    text = 'The QXRB troops left on Monday. "We are leaving in good order," Okonkwo said.'
    proposal = extract(ArticleInput(text=text), empty_kb)
    assert {"org:qxrb", "person:okonkwo"} <= set(added)
    assert {"QXRB", "Okonkwo"} <= {a.name for a in proposal.actors}
