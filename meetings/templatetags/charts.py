"""The SVG charts of the record pages, written in Python: the counterpart network
(includes/_network.html) and the venue map (includes/_venue_map.html), each with its table.

Each chart is a few hundred numbers and names; written through the template language they
cost the country and actor pages 5 ms of CPU (every coordinate a variable node, looked up,
localised and escaped), f-strings here a fraction of it. The markup is the one the includes
wrote, byte for byte, escaped the same way; coordinates are written without localisation,
as the includes' ``{% localize off %}`` did.
"""

from __future__ import annotations

from django import template
from django.utils.html import conditional_escape as esc
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _s(count: int) -> str:
    """``{{ count|pluralize }}``."""
    return "" if count == 1 else "s"


@register.simple_tag
def network_chart(network) -> SafeString:
    """The network's figure and its tables (meetings/site/network.py's ``Network``)."""
    centre = network.centre
    centre_name = esc(centre.name)
    desc = "; ".join(f"{esc(n.name)}: {n.count} meeting{_s(n.count)}" for n in network.nodes)
    out = [
        '\n  <figure class="chart network-chart">\n'
        '    <svg role="img" aria-labelledby="network-svg-title network-svg-desc" '
        f'viewBox="0 0 {network.width} {network.height}" class="network-svg" focusable="false">\n'
        f'      <title id="network-svg-title">{centre_name} and the counterparts met most often'
        "</title>\n"
        f'      <desc id="network-svg-desc">{desc}.</desc>\n      '
    ]
    for kind, edges in (("link", network.links), ("spoke", network.spokes)):
        out.extend(
            f'<line class="network-{kind}" x1="{e.a.x}" y1="{e.a.y}" x2="{e.b.x}" y2="{e.b.y}" '
            f'stroke-width="{e.width}"/>'
            for e in edges
        )
        out.append("\n      ")
    for node in network.nodes:
        out.append(
            f'\n      <g class="network-node"><title>{esc(node.name)}: {node.count} '
            f"meeting{_s(node.count)} with {centre_name}</title>\n"
            f'        <circle cx="{node.x}" cy="{node.y}" r="{node.r}"/>\n'
            f'        <text x="{node.label_x}" y="{node.label_y}" '
            f'text-anchor="{esc(node.anchor)}">{esc(node.label)}</text>\n'
            "      </g>\n      "
        )
    out.append(
        f'\n      <g class="network-centre"><circle cx="{centre.x}" cy="{centre.y}" '
        f'r="{centre.r}"/>\n'
        f'        <text x="{centre.label_x}" y="{centre.label_y}" text-anchor="middle">'
        f"{esc(centre.label)}</text>\n"
        "      </g>\n"
        "    </svg>\n"
        "  </figure>\n"
        "  \n"
        '  <details class="chart-data">\n'
        "    <summary>The numbers</summary>\n"
        "    <table>\n"
        f"      <caption>Meetings of {centre_name} with each counterpart</caption>\n"
        '      <thead><tr><th scope="col">Counterpart</th><th scope="col">Meetings</th></tr>'
        "</thead>\n"
        "      <tbody>"
    )
    out.extend(
        f'<tr><th scope="row"><a href="{esc(n.url)}">{esc(n.name)}</a></th><td>{n.count}</td></tr>'
        for n in network.nodes
    )
    out.append("</tbody>\n    </table>\n    ")
    if network.links:
        out.append(
            "\n    <table>\n"
            f"      <caption>Counterparts at the same meetings of {centre_name}</caption>\n"
            '      <thead><tr><th scope="col">Counterparts</th><th scope="col">Meetings '
            "together</th></tr></thead>\n"
            "      <tbody>"
        )
        out.extend(
            f'<tr><th scope="row">{esc(e.a.name)} and {esc(e.b.name)}</th><td>{e.count}</td></tr>'
            for e in network.links
        )
        out.append("</tbody>\n    </table>\n    ")
    out.append("\n  </details>")
    return mark_safe("".join(out))


DESCRIBED = 12  # venue countries named in the map's description (the table has them all)


@register.simple_tag
def venue_chart(venues, venues_of: str) -> SafeString:
    """The venue map's figure and its table (meetings/site/venues.py's ``VenueMap``)."""
    rows = venues.rows
    desc = "; ".join(f"{esc(r['country__name'])}: {r['n']}" for r in rows[:DESCRIBED])
    if len(rows) > DESCRIBED:
        desc += f"; and {len(rows) - DESCRIBED} more countries (see the table)"
    legend = "".join(
        f'<span class="key venue-key-{step["shade"]}">'
        + (f"{step['low']}" if step["low"] == step["high"] else f"{step['low']}–{step['high']}")
        + "</span> "
        for step in venues.legend()
    )
    table = "".join(
        f'<tr><th scope="row">{esc(r["country__name"])}</th><td>{r["n"]}</td></tr>' for r in rows
    )
    if venues.unknown:
        table += f'<tr><th scope="row">No known venue</th><td>{venues.unknown}</td></tr>'
    return mark_safe(
        '\n  <figure class="chart venue-chart">\n'
        '    <svg role="img" aria-labelledby="venues-svg-title venues-svg-desc" '
        f'viewBox="{venues.viewbox}" class="venue-svg" focusable="false">\n'
        '      <title id="venues-svg-title">Map of the countries where '
        f"{esc(venues_of.lower())} were held</title>\n"
        f'      <desc id="venues-svg-desc">{desc}.</desc>\n'
        f"      {venues.paths()}\n"
        "    </svg>\n"
        f'    <figcaption class="venue-legend">Meetings held there: {legend}</figcaption>\n'
        "  </figure>\n"
        "  \n"
        '  <details class="chart-data">\n'
        "    <summary>The numbers</summary>\n"
        "    <table>\n"
        "      <caption>Meetings per venue country</caption>\n"
        '      <thead><tr><th scope="col">Venue country</th><th scope="col">Meetings</th></tr>'
        "</thead>\n"
        f"      <tbody>{table}</tbody>\n"
        "    </table>\n"
        "  </details>"
    )


def activity_markup(chart: dict) -> SafeString:
    """The activity chart (meetings_extras.activity_chart works out its geometry): bars per
    month, a text summary and a table of the same numbers. Written through the template
    language it cost the busiest actor's page 3.3 ms of CPU (36 months, some 400 variables),
    here a tenth of it."""
    bars = chart["bars"]
    if not bars:
        return mark_safe('<p class="empty">No dated activity yet.</p>\n')
    height, width, bar_width = chart["height"], chart["width"], chart["bar_width"]
    busiest, meetings, statements = chart["busiest"], chart["meetings"], chart["statements"]
    out = [
        '\n<figure class="chart">\n'
        '  <svg role="img" aria-labelledby="chart-title chart-desc" '
        f'viewBox="0 0 {width} {chart["bottom"]}" class="activity-svg" focusable="false">\n'
        '    <title id="chart-title">Meetings and statements per month, '
        f"{esc(chart['first'].name)} to {esc(chart['last'].name)}</title>\n"
        f'    <desc id="chart-desc">{meetings} meeting{_s(meetings)} and {statements} '
        f"statement{_s(statements)} in these months; the busiest was {esc(busiest.name)} "
        f"with {busiest.meetings} meeting{_s(busiest.meetings)} and {busiest.statements} "
        f"statement{_s(busiest.statements)}.</desc>\n"
        f'    <line x1="36" y1="{height}" x2="{width}" y2="{height}" class="axis"/>\n'
        f'    <text x="30" y="16" class="tick" text-anchor="end">{chart["peak"]}</text>\n'
        f'    <text x="30" y="{height}" class="tick" text-anchor="end">0</text>\n    '
    ]
    for bar in bars:
        meetings_rect = statements_rect = tick = ""
        if bar.meetings_height:
            meetings_rect = (
                f'<rect class="bar-meetings" x="{bar.x}" y="{bar.meetings_y}" '
                f'width="{bar_width}" height="{bar.meetings_height}"/>'
            )
        if bar.statements_height:
            statements_rect = (
                f'<rect class="bar-statements" x="{bar.x}" y="{bar.statements_y}" '
                f'width="{bar_width}" height="{bar.statements_height}"/>'
            )
        if bar.tick:
            tick = f'<text x="{bar.x}" y="{chart["tick_y"]}" class="tick">{esc(bar.tick)}</text>'
        out.append(
            "\n    <g>\n"
            f"      <title>{esc(bar.name)}: {bar.meetings} meeting{_s(bar.meetings)}, "
            f"{bar.statements} statement{_s(bar.statements)}</title>\n"
            f"      {meetings_rect}\n      {statements_rect}\n      {tick}\n"
            "    </g>\n    "
        )
    earlier = ""
    if chart["earlier"]:
        earlier = (
            ' <span class="chart-earlier">The chart shows the newest months; the record goes '
            f"back to {esc(chart['earlier'])}: see the timeline for earlier ones.</span>"
        )
    out.append(
        "\n  </svg>\n"
        '  <figcaption><span class="key key-meetings">Meetings</span> '
        f'<span class="key key-statements">Statements</span>{earlier}</figcaption>\n'
        "</figure>\n"
        '<details class="chart-data">\n'
        "  <summary>The numbers</summary>\n"
        "  <table>\n"
        '    <caption class="visually-hidden">Meetings and statements per month</caption>\n'
        '    <thead><tr><th scope="col">Month</th><th scope="col">Meetings</th>'
        '<th scope="col">Statements</th></tr></thead>\n'
        "    <tbody>"
    )
    out.extend(
        f'<tr><th scope="row">{esc(bar.name)}</th><td>{bar.meetings}</td>'
        f"<td>{bar.statements}</td></tr>"
        for bar in bars
        if bar.meetings or bar.statements
    )
    out.append("</tbody>\n  </table>\n</details>\n\n")
    return mark_safe("".join(out))
