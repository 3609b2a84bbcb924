"""Encounters told by a plural subject ("the foreign ministers of A and B, X and Y,
discussed ..."), tested with sentences written for these tests."""

from datetime import date

import pytest

from meetings.extraction import ArticleInput, extract


def meetings(kb, text):
    proposal = extract(ArticleInput(text=text, published=date(2024, 5, 10)), kb)
    return [sorted(p.name for p in m.participants) for m in proposal.meetings]


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan and Peruvian foreign ministers, Ana Ruiz and Tom Otieno, discussed trade.",
        "The two leaders, Ana Ruiz and Tom Otieno, also discussed a new air link in Lima.",
        "The presidents of Kenya and Peru, Ana Ruiz and Tom Otieno, discussed fisheries.",
    ],
)
def test_named_plural_subject_of_discussed_is_an_encounter(empty_kb, text):
    assert ["Ana Ruiz", "Tom Otieno"] in meetings(empty_kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "The foreign ministers discussed the war in Ukraine and relations with China.",
        "Kenyan ministers discussed the budget on Monday.",
        "Ana Ruiz discussed the drought with farmers in the north.",
    ],
)
def test_discussed_without_two_named_sides_is_no_encounter(empty_kb, text):
    assert meetings(empty_kb, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "President Ana Ruiz spoke today with President Tom Otieno of Peru about trade.",
        "President Ana Ruiz talked on Monday with President Tom Otieno of Peru.",
    ],
)
def test_a_day_between_spoke_and_with_still_tells_an_encounter(empty_kb, text):
    assert ["Ana Ruiz", "Tom Otieno"] in meetings(empty_kb, text)


def test_a_trip_for_discussions_with_someone_is_an_encounter(empty_kb):
    text = (
        "President Ana Ruiz travels to Lima on Tuesday for political discussions with Tom Otieno."
    )
    assert ["Ana Ruiz", "Tom Otieno"] in meetings(empty_kb, text)
