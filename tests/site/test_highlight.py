"""One way of cutting a text at its spans serves the article page and the review page."""

from meetings.site.highlight import article_body, highlight, pieces


def span(start, end, number=1, kind="meeting", **extra):
    return {
        "start": start,
        "end": end,
        "anchor": f"a{number}",
        "url": f"/r/{number}/",
        "label": f"Row {number}",
        "kind": kind,
        "number": number,
        **extra,
    }


def marked(text, number, kind="meeting"):
    return (
        f'<mark id="a{number}" class="span span-{kind}">{text}</mark>'
        f'<a class="span-ref" href="/r/{number}/" title="Row {number}">[{number}]'
        f'<span class="visually-hidden"> Row {number}</span></a>'
    )


def test_pieces_cut_at_every_boundary_and_know_what_covers_them():
    outer, inner = span(0, 9), span(4, 6, 2)
    cut = [(a, b, [s["number"] for s in c]) for a, b, c in pieces("0123456789", [outer, inner])]
    assert cut == [(0, 4, [1]), (4, 6, [1, 2]), (6, 9, [1]), (9, 10, [])]


def test_pieces_of_a_window_ignore_boundaries_outside_it():
    assert [(a, b) for a, b, _ in pieces("0123456789", [span(1, 8)], 3, 6)] == [(3, 6)]


def test_the_article_body_shows_each_character_once_under_the_first_span():
    body = "Alpha met Beta. Beta said hello."
    spans = [span(0, 15, 1), span(10, 32, 2, "statement")]
    assert article_body(body, spans) == (
        "<p>" + marked("Alpha met Beta.", 1) + marked(" Beta said hello.", 2, "statement") + "</p>"
    )


def test_a_span_inside_an_earlier_one_is_not_shown_twice():
    body = "Alpha met Beta in Rome."
    assert article_body(body, [span(0, 23, 1), span(10, 14, 2)]) == "<p>" + marked(body, 1) + "</p>"


def test_the_article_body_is_cut_into_paragraphs_and_escaped():
    body = "One & two.\n\nThree <four>."
    html = article_body(body, [span(6, 16, 1)])
    assert html == (
        "<p>One &amp; "
        + marked("two.", 1)
        + "</p>\n<p>"
        + marked("Thre", 1)
        + "e &lt;four&gt;.</p>"
    )


def test_the_review_marks_every_covering_span_and_links_the_innermost():
    body = "Alpha said: peace."
    spans = [
        span(0, 18, 1, state="is-draft", target="m1"),
        span(12, 17, 2, "statement", state="is-accepted", target="s2"),
        span(30, 40, 3, state="is-draft", target="bad"),  # outside the text: left out
    ]
    html = highlight(body, spans)
    assert html.count("<mark") == 3
    assert '<span id="at-m1" class="hl-anchor"></span>' in html
    assert (
        '<span id="at-s2" class="hl-anchor"></span><a class="hl" href="#s2" data-target="s2"'
        ' title="Row 2"><mark class="hl-meeting hl-statement is-accepted">peace</mark></a>'
    ) in html
    assert "at-bad" not in html
