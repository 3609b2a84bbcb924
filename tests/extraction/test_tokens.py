"""Tokens and the normalised text's offset map: the two whole-text passes every stage reads."""

from meetings.extraction.kb import normalize, normalize_with_map
from meetings.extraction.text import tokens


def _tuples(text, *bounds):
    return [(t.start, t.end, t.text, t.possessive) for t in tokens(text, *bounds)]


def test_a_possessive_token_drops_its_s_and_keeps_the_word_offsets():
    text = "Peru’s envoy met Mr. Ruiz's aide."
    assert _tuples(text) == [
        (0, 4, "Peru", True),
        (7, 12, "envoy", False),
        (13, 16, "met", False),
        (17, 19, "Mr", False),
        (21, 25, "Ruiz", True),
        (28, 32, "aide", False),
    ]


def test_an_upper_case_apostrophe_s_stays_in_its_word():
    # Only a lower-case "’s" marks a possessive; "PERU'S" in a headline is one word.
    assert _tuples("PERU'S envoy’s") == [(0, 6, "PERU'S", False), (7, 12, "envoy", True)]


def test_tokens_within_bounds_only():
    text = "Lima hosted Oslo’s delegation"
    assert _tuples(text, 5, 18) == [(5, 11, "hosted", False), (12, 16, "Oslo", True)]
    assert tokens("") == []


def test_the_offset_map_points_each_normalised_word_back_to_the_text():
    text = "“Vučić met Peña,” the aide said — in São Paulo."
    norm, offsets = normalize_with_map(text)
    assert norm == normalize(text) == "vucic met pena the aide said in sao paulo"
    position = 0
    for word in norm.split():
        start = offsets[position]
        assert normalize(text[start : start + len(word)]) == word
        position += len(word) + 1
