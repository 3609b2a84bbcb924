"""The charts written in Python (meetings/templatetags/charts.py) write what the includes
wrote in the template language: the same markup, byte for byte, escaped the same way, for
names with markup in them, networks with and without links between counterparts, and venue
maps with more countries than the description names and meetings without a venue, and
activity charts with and without gaps, ticks and earlier months."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template import Context, Template

from meetings.site.network import Edge, Node, _laid_out
from meetings.site.timeline import Activity
from meetings.site.venues import VenueMap
from meetings.templatetags.meetings_extras import chart_geometry
from tests.site.test_activity_chart import CASES

# The includes' chart sections as they were written in the template language (the reference).
NETWORK = """{% load l10n %}{% localize off %}
  <figure class="chart network-chart">
    <svg role="img" aria-labelledby="network-svg-title network-svg-desc" viewBox="0 0 {{ network.width }} {{ network.height }}" class="network-svg" focusable="false">
      <title id="network-svg-title">{{ network.centre.name }} and the counterparts met most often</title>
      <desc id="network-svg-desc">{% for node in network.nodes %}{{ node.name }}: {{ node.count }} meeting{{ node.count|pluralize }}{% if not forloop.last %}; {% endif %}{% endfor %}.</desc>
      {% for edge in network.links %}<line class="network-link" x1="{{ edge.a.x }}" y1="{{ edge.a.y }}" x2="{{ edge.b.x }}" y2="{{ edge.b.y }}" stroke-width="{{ edge.width }}"/>{% endfor %}
      {% for edge in network.spokes %}<line class="network-spoke" x1="{{ edge.a.x }}" y1="{{ edge.a.y }}" x2="{{ edge.b.x }}" y2="{{ edge.b.y }}" stroke-width="{{ edge.width }}"/>{% endfor %}
      {% for node in network.nodes %}
      <g class="network-node"><title>{{ node.name }}: {{ node.count }} meeting{{ node.count|pluralize }} with {{ network.centre.name }}</title>
        <circle cx="{{ node.x }}" cy="{{ node.y }}" r="{{ node.r }}"/>
        <text x="{{ node.label_x }}" y="{{ node.label_y }}" text-anchor="{{ node.anchor }}">{{ node.label }}</text>
      </g>
      {% endfor %}
      <g class="network-centre"><circle cx="{{ network.centre.x }}" cy="{{ network.centre.y }}" r="{{ network.centre.r }}"/>
        <text x="{{ network.centre.label_x }}" y="{{ network.centre.label_y }}" text-anchor="middle">{{ network.centre.label }}</text>
      </g>
    </svg>
  </figure>
  {% endlocalize %}
  <details class="chart-data">
    <summary>The numbers</summary>
    <table>
      <caption>Meetings of {{ network.centre.name }} with each counterpart</caption>
      <thead><tr><th scope="col">Counterpart</th><th scope="col">Meetings</th></tr></thead>
      <tbody>{% for node in network.nodes %}<tr><th scope="row"><a href="{{ node.url }}">{{ node.name }}</a></th><td>{{ node.count }}</td></tr>{% endfor %}</tbody>
    </table>
    {% if network.links %}
    <table>
      <caption>Counterparts at the same meetings of {{ network.centre.name }}</caption>
      <thead><tr><th scope="col">Counterparts</th><th scope="col">Meetings together</th></tr></thead>
      <tbody>{% for edge in network.links %}<tr><th scope="row">{{ edge.a.name }} and {{ edge.b.name }}</th><td>{{ edge.count }}</td></tr>{% endfor %}</tbody>
    </table>
    {% endif %}
  </details>"""  # noqa: E501
ACTIVITY = """{% load l10n %}{% if bars %}{% localize off %}
<figure class="chart">
  <svg role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 {{ width }} {{ bottom }}" class="activity-svg" focusable="false">
    <title id="chart-title">Meetings and statements per month, {{ first.name }} to {{ last.name }}</title>
    <desc id="chart-desc">{{ meetings }} meeting{{ meetings|pluralize }} and {{ statements }} statement{{ statements|pluralize }} in these months; the busiest was {{ busiest.name }} with {{ busiest.meetings }} meeting{{ busiest.meetings|pluralize }} and {{ busiest.statements }} statement{{ busiest.statements|pluralize }}.</desc>
    <line x1="36" y1="{{ height }}" x2="{{ width }}" y2="{{ height }}" class="axis"/>
    <text x="30" y="16" class="tick" text-anchor="end">{{ peak }}</text>
    <text x="30" y="{{ height }}" class="tick" text-anchor="end">0</text>
    {% for bar in bars %}
    <g>
      <title>{{ bar.name }}: {{ bar.meetings }} meeting{{ bar.meetings|pluralize }}, {{ bar.statements }} statement{{ bar.statements|pluralize }}</title>
      {% if bar.meetings_height %}<rect class="bar-meetings" x="{{ bar.x }}" y="{{ bar.meetings_y }}" width="{{ bar_width }}" height="{{ bar.meetings_height }}"/>{% endif %}
      {% if bar.statements_height %}<rect class="bar-statements" x="{{ bar.x }}" y="{{ bar.statements_y }}" width="{{ bar_width }}" height="{{ bar.statements_height }}"/>{% endif %}
      {% if bar.tick %}<text x="{{ bar.x }}" y="{{ tick_y }}" class="tick">{{ bar.tick }}</text>{% endif %}
    </g>
    {% endfor %}
  </svg>
  <figcaption><span class="key key-meetings">Meetings</span> <span class="key key-statements">Statements</span>{% if earlier %} <span class="chart-earlier">The chart shows the newest months; the record goes back to {{ earlier }}: see the timeline for earlier ones.</span>{% endif %}</figcaption>
</figure>
<details class="chart-data">
  <summary>The numbers</summary>
  <table>
    <caption class="visually-hidden">Meetings and statements per month</caption>
    <thead><tr><th scope="col">Month</th><th scope="col">Meetings</th><th scope="col">Statements</th></tr></thead>
    <tbody>{% for bar in bars %}{% if bar.meetings or bar.statements %}<tr><th scope="row">{{ bar.name }}</th><td>{{ bar.meetings }}</td><td>{{ bar.statements }}</td></tr>{% endif %}{% endfor %}</tbody>
  </table>
</details>
{% endlocalize %}{% else %}<p class="empty">No dated activity yet.</p>{% endif %}
"""  # noqa: E501
VENUES = """{% load l10n %}{% localize off %}
  <figure class="chart venue-chart">
    <svg role="img" aria-labelledby="venues-svg-title venues-svg-desc" viewBox="{{ venues.viewbox }}" class="venue-svg" focusable="false">
      <title id="venues-svg-title">Map of the countries where {{ venues_of|lower }} were held</title>
      <desc id="venues-svg-desc">{% for row in venues.rows|slice:":12" %}{{ row.country__name }}: {{ row.n }}{% if not forloop.last %}; {% endif %}{% endfor %}{% if venues.rows|length > 12 %}; and {{ venues.rows|length|add:"-12" }} more countries (see the table){% endif %}.</desc>
      {{ venues.paths }}
    </svg>
    <figcaption class="venue-legend">Meetings held there: {% for step in venues.legend %}<span class="key venue-key-{{ step.shade }}">{% if step.low == step.high %}{{ step.low }}{% else %}{{ step.low }}–{{ step.high }}{% endif %}</span> {% endfor %}</figcaption>
  </figure>
  {% endlocalize %}
  <details class="chart-data">
    <summary>The numbers</summary>
    <table>
      <caption>Meetings per venue country</caption>
      <thead><tr><th scope="col">Venue country</th><th scope="col">Meetings</th></tr></thead>
      <tbody>{% for row in venues.rows %}<tr><th scope="row">{{ row.country__name }}</th><td>{{ row.n }}</td></tr>{% endfor %}{% if venues.unknown %}<tr><th scope="row">No known venue</th><td>{{ venues.unknown }}</td></tr>{% endif %}</tbody>
    </table>
  </details>"""  # noqa: E501


def written(reference: str, tag: str, **context) -> tuple[str, str]:
    return (
        Template(reference).render(Context(context)),
        Template("{% load charts %}{% " + tag + " %}").render(Context(context)),
    )


def network(counterparts: int, linked: bool):
    centre = Node(key="1", name="Centre <b>&</b> Co", url="/actors/centre/", count=40)
    nodes = [
        Node(
            key=str(n + 2),
            name=f'Envoy {n} "<i>" with a name longer than the label shows',
            url=f"/actors/envoy-{n}/?a=1&b=2",
            count=counterparts * 3 - n * 2,
        )
        for n in range(counterparts)
    ]
    pairs = [(2, 3, 4), (3, 5, 1)] if linked else []
    return _laid_out(centre, nodes, pairs, counterparts + 3, None, None)


@pytest.mark.parametrize(("counterparts", "linked"), [(1, False), (5, True), (12, True)])
def test_the_network_chart_is_what_the_template_wrote(counterparts, linked):
    shown = network(counterparts, linked)
    assert bool(shown.links) == (linked and counterparts >= 4)
    old, new = written(NETWORK, "network_chart network", network=shown)
    assert new == old
    assert "Centre &lt;b&gt;&amp;&lt;/b&gt; Co" in new and "&amp;b=2" in new


def test_a_network_edge_is_drawn_with_unlocalised_coordinates():
    a = Node(key="a", name="A", url="/a/", count=1, x=1234.5, y=0.1)
    b = Node(key="b", name="B", url="/b/", count=1, x=-0.5, y=1000.0)
    shown = network(3, True)
    shown.links = [Edge(a, b, 3, 2.5)]
    old, new = written(NETWORK, "network_chart network", network=shown)
    assert new == old
    assert 'x1="1234.5" y1="0.1" x2="-0.5" y2="1000.0"' in new


@pytest.mark.parametrize(("countries", "unknown"), [(1, 0), (12, 3), (30, 0), (40, 7)])
def test_the_venue_chart_is_what_the_template_wrote(countries, unknown):
    rows = [
        {"country_id": code, "country__name": f"Land <{code}> & Sons", "n": 1000 - 7 * n}
        for n, code in enumerate(["FR", "CN", "RU", "US", "DE", "JP", "IN", "BR"] * 5)
    ][:countries]
    venues = VenueMap(rows=rows, unknown=unknown, peak=rows[0]["n"], sampled=None)
    of = "Meetings of <Someone>"
    old, new = written(VENUES, "venue_chart venues venues_of", venues=venues, venues_of=of)
    assert new == old
    assert "meetings of &lt;someone&gt;" in new and "Land &lt;FR&gt; &amp; Sons" in new


@pytest.mark.parametrize("case", CASES)
def test_the_activity_chart_is_what_the_template_wrote(case):
    old = Template(ACTIVITY).render(Context(chart_geometry(CASES[case])))
    new = Template("{% load meetings_extras %}{% activity_chart activity %}").render(
        Context({"activity": CASES[case]})
    )
    assert new == old


def test_an_activity_chart_of_a_longer_record_says_so_as_the_template_did():
    activity = Activity(CASES["long-with-gaps"])
    activity.first = dt.date(2018, 3, 9)
    old = Template(ACTIVITY).render(Context(chart_geometry(activity)))
    new = Template("{% load meetings_extras %}{% activity_chart activity %}").render(
        Context({"activity": activity})
    )
    assert new == old
    assert "the record goes back to March 2018" in new
