from meetings.extraction.quotemarks import find_quote_spans, quote_text


def quoted(text):
    return [text[slice(*quote_text(text, q))] for q in find_quote_spans(text)]


def test_curly_and_straight_quotes_are_paired():
    text = 'She said “we are ready” and then "we will go," he added.'
    assert quoted(text) == ["we are ready", "we will go"]


def test_apostrophes_inside_words_are_not_quote_marks():
    text = "The minister’s aide said it’s “a good day for both sides’ teams”."
    assert quoted(text) == ["a good day for both sides’ teams"]


def test_single_quotes_as_primary_marks():
    text = "The envoy called it ‘a turning point in our ties’, officials said."
    assert quoted(text) == ["a turning point in our ties"]


def test_doubled_apostrophes_pair_like_double_quotes():
    text = "He said ``talks went well'' after the meeting."
    assert quoted(text) == ["talks went well"]


def test_mixed_open_and_close_styles_pair():
    text = 'He said “we are ready" before leaving.'
    assert quoted(text) == ["we are ready"]


def test_odd_number_of_marks_never_crashes_and_stray_close_is_ignored():
    text = "She called for “calm”. in other words” nothing else."
    assert quoted(text) == ["calm"]


def test_quote_over_several_paragraphs_gives_one_entry_per_paragraph():
    text = (
        "“First paragraph of the speech.\n\n“Second paragraph goes on.\n\n"
        "“Last one ends here,” she said."
    )
    assert quoted(text) == [
        "First paragraph of the speech.",
        "Second paragraph goes on.",
        "Last one ends here",
    ]


def test_trailing_comma_is_dropped_but_final_period_kept():
    text = '"We agreed on the plan," he said. "It is done."'
    assert quoted(text) == ["We agreed on the plan", "It is done."]


def test_quote_nested_in_another_is_not_a_separate_quote():
    text = "'We discussed \"difficult issues\" frankly,' he told reporters."
    assert quoted(text) == ['We discussed "difficult issues" frankly']
