"""The list items rendered in Python (meetings/templatetags/records.py, issue 14 item 3)
write what the template includes wrote: the same HTML, escaped the same way, for names
with markup in them, long participant lists, statuses, snippets, ``via`` and meetings that
are not public."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils.safestring import mark_safe

from meetings import services
from meetings.models import Meeting, Statement
from tests import factories

# The includes as they were written in the template language (the reference).
MEETING_ITEM = """{% load meetings_extras %}<li class="record meeting-item">
  <p class="meta"><time datetime="{{ meeting.start_date|iso_date }}">{{ meeting|meeting_dates }}</time> · {{ meeting.get_kind_display }}{% if meeting.status != "held" %} · <span class="badge badge-{% if meeting.is_overdue %}overdue{% else %}{{ meeting.status }}{% endif %}">{{ meeting|status_note }}</span>{% endif %}</p>
  <h3 class="record-title"><a href="{{ meeting.get_absolute_url }}">{{ meeting.title }}</a></h3>
  <p class="detail">{% with people=meeting.participations.all %}{% for p in people %}{% if forloop.counter <= 6 %}{{ p.actor.name }}{% if p.actor.country %} <span class="country">({{ p.actor.country.name }})</span>{% endif %}{% if not forloop.last and forloop.counter < 6 %}, {% endif %}{% elif forloop.counter == 7 %} and {{ people|length|add:"-6" }} more{% endif %}{% endfor %}{% endwith %}{% if meeting.city or meeting.country %} · {% if meeting.city %}{{ meeting.city }}{% if meeting.country %}, {% endif %}{% endif %}{{ meeting.country.name|default:"" }}{% endif %}</p>
  {% if snippet %}<p class="snippet">{{ snippet }}</p>{% endif %}
</li>
"""  # noqa: E501
STATEMENT_ITEM = """{% load meetings_extras %}<li class="record statement-item">
  <p class="meta"><time datetime="{{ statement.said_on|iso_date }}">{{ statement.said_on|human_date }}</time> · {{ statement.get_kind_display }}</p>
  <blockquote class="quote"><p><a href="{{ statement.get_absolute_url }}">{% if snippet %}{{ snippet }}{% else %}{{ statement.words|truncatewords:60 }}{% endif %}</a></p></blockquote>
  <p class="detail">— <a href="{{ statement.speaker.get_absolute_url }}">{{ statement.speaker.name }}</a>{% if statement.speaker.country %} ({{ statement.speaker.country.name }}){% endif %}{% if statement.via %}, via {{ statement.via.name }}{% elif statement.reported_by %}, as reported by {{ statement.reported_by }}{% endif %}{% if statement.meeting and statement.meeting.is_public %}, at <a href="{{ statement.meeting.get_absolute_url }}">{{ statement.meeting.title }}</a>{% endif %}</p>
</li>
"""  # noqa: E501


def both(reference: str, include: str, **context) -> tuple[str, str]:
    return (
        Template(reference).render(Context(context)),
        Template(f'{{% include "includes/{include}" %}}').render(Context(context)),
    )


@pytest.fixture
def records(db):
    people = [
        factories.actor(f"Envoy <b>{n}</b> & Co", country_code=["CN", "RU", None][n % 3])
        for n in range(8)
    ]
    source = factories.article(body="Envoys met in Paris. " * 20)
    many = factories.meeting(participants=people, source=source, city="Paris", country="FR")
    many.status = "planned"
    many.save()
    two = factories.meeting(participants=people[:2], source=source, start_date=None)
    placeless = factories.meeting(participants=people[2:3], source=source)
    hidden = factories.meeting(participants=people[:2], source=source, published=False)
    long_text = " ".join(f"word{n} <i>" for n in range(80))
    statements = [
        services.statement_create(
            speaker=people[0], article=source, start=0, end=10, text=long_text,
            via=people[1], meeting=many, said_on=dt.date(2024, 5, 6),
            editorial_status="published",
        ),
        services.statement_create(
            speaker=people[2], article=source, start=0, end=10, text="Short & sweet",
            meeting=hidden, editorial_status="published",
        ),
    ]  # fmt: skip
    return [many, two, placeless, hidden], statements


@pytest.mark.parametrize("snippet", ["", mark_safe("the <mark>talks</mark> & more"), "a <b>"])
def test_meeting_items_are_what_the_template_wrote(records, snippet):
    meetings, _ = records
    for meeting in Meeting.objects.filter(pk__in=[m.pk for m in meetings]).for_list():
        old, new = both(MEETING_ITEM, "_meeting_item.html", meeting=meeting, snippet=snippet)
        assert new == old


@pytest.mark.parametrize("snippet", ["", mark_safe("the <mark>talks</mark>")])
def test_statement_items_are_what_the_template_wrote(records, snippet):
    _, statements = records
    for statement in Statement.objects.filter(pk__in=[s.pk for s in statements]).for_list():
        old, new = both(
            STATEMENT_ITEM, "_statement_item.html", statement=statement, snippet=snippet
        )
        assert new == old


def test_an_item_without_a_snippet_in_the_context(records):
    meetings, _ = records
    meeting = Meeting.objects.for_list().get(pk=meetings[0].pk)
    old, new = both(MEETING_ITEM, "_meeting_item.html", meeting=meeting)
    assert new == old
    assert "Envoy &lt;b&gt;0&lt;/b&gt; &amp; Co" in new and " and 2 more" in new


def test_meeting_rows_write_the_items_the_model_instances_write(records, django_assert_num_queries):
    """The lists read plain values (MeetingQuerySet.list_rows) in two queries, as
    ``for_list`` does, and the item written from a row is the one written from the meeting:
    the same order, people, countries, venue, dates and status."""
    meetings, _ = records
    chosen = Meeting.objects.filter(pk__in=[m.pk for m in meetings]).newest_first()
    with django_assert_num_queries(2):
        rows = chosen.list_rows()
    instances = list(chosen.for_list())
    assert [row.pk for row in rows] == [m.pk for m in instances]
    for row, meeting in zip(rows, instances, strict=True):
        assert row.list_people == meeting.list_people
        _, from_row = both(MEETING_ITEM, "_meeting_item.html", meeting=row)
        old, new = both(MEETING_ITEM, "_meeting_item.html", meeting=meeting)
        assert from_row == new == old
    assert "Envoy &lt;b&gt;0&lt;/b&gt; &amp; Co" in "".join(
        both(MEETING_ITEM, "_meeting_item.html", meeting=row)[1] for row in rows
    )
