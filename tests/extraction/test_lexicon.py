"""The word lists are data: every pattern that needs a reporting verb comes from one table."""

import re

from meetings.extraction import lexicon, meetings, quotes


def test_each_reporting_verb_use_is_a_known_one():
    uses = {u for us in lexicon.REPORTING_VERBS.values() for u in us}
    assert uses <= {
        "weak",
        "paraphrase",
        "trailing",
        "name-first",
        "attribution",
        "addressee",
        "relay",
    }


def test_patterns_are_derived_from_the_reporting_verb_table():
    for verb in lexicon.reporting_verbs("trailing"):
        assert quotes._TRAILING_CUE.search(f"The border is open, Ana Torres {verb}.")
    for verb in lexicon.reporting_verbs("name-first"):
        assert quotes._NAME_THEN_CUE.match(f", Torres {verb} on Monday")
    for verb in lexicon.reporting_verbs("attribution"):
        assert meetings._ATTRIBUTION_VERB.match(f" {verb} on Monday")
    assert set(lexicon.reporting_verbs("weak")) == quotes.WEAK_CUES
    assert quotes._PARAPHRASE_CUE.search("Vera told reporters that the border was open")
    assert not quotes._TRAILING_CUE.search("The border is open, Ana Torres cautioned.")


def test_every_reporting_verb_attributes_a_quote(empty_kb):
    from meetings.extraction import ArticleInput, extract

    for verb in lexicon.reporting_verbs():
        if re.search(r"ing$|^according$|^quoted$|^cited$", verb):
            continue  # participles and source verbs frame quotes in their own way
        text = f'Chilean President Ana Torres met the press. "We are ready," Torres {verb}.'
        p = extract(ArticleInput(text=text), empty_kb)
        assert [s.speaker for s in p.statements if s.kind != "paraphrase"] == ["Ana Torres"], verb


def test_relay_and_addressee_patterns_come_from_the_table():
    for verb in lexicon.reporting_verbs("relay"):
        assert quotes._RELAYED.match(f" {verb} Vera as saying")
    for verb in lexicon.reporting_verbs("addressee"):
        assert quotes._TOLD.search(f"she {verb} the agency")
        assert verb in quotes._ADDRESSEE


def test_name_particles_come_from_one_table():
    from meetings.extraction import mentions, organisations, pipeline
    from meetings.services import extraction as service

    assert mentions.PARTICLES is lexicon.PARTICLES
    assert {"bin", "al", "de", "van"} <= lexicon.PARTICLES
    assert "van der" in lexicon.PARTICLES_BETWEEN_NAMES
    assert lexicon.ALIAS_PARTICLES <= lexicon.PARTICLES
    assert "abu" not in lexicon.ALIAS_PARTICLES  # "Abu Dhabi's ministry" opens with a name
    assert pipeline._PARTICLES == lexicon.PARTICLES | lexicon.COURTESY_TITLES
    assert service._PARTICLES == lexicon.ALIAS_PARTICLES | lexicon.BODY_NAME_LINKS
    for particle in lexicon.PARTICLES_BETWEEN_NAMES:
        assert organisations._PARTICLE_RUN.match(f" {particle} Berg")


def test_honorific_flags_give_the_courtesy_titles_and_the_styles_an_alias_drops():
    from meetings.services import extraction as service

    assert {"mr", "ms", "dr", "madam"} <= lexicon.COURTESY_TITLES <= lexicon.ALIAS_STYLES
    assert {"sir", "president", "minister"} <= lexicon.ALIAS_STYLES - lexicon.COURTESY_TITLES
    assert service._HONORIFICS is lexicon.ALIAS_STYLES
    assert "sheikh" not in lexicon.ALIAS_STYLES  # "Sheikh Tamim" is kept as an alias


def test_side_nouns_are_the_lexicon_list():
    assert meetings._SIDE_NOUNS is lexicon.SIDE_NOUNS
