"""The timeline of a query as an SVG bar chart, made on the server.

No JavaScript and nothing fetched: the page's own stylesheet colours it
(classes, no inline style, so the Content-Security-Policy holds). Time runs
left to right, as on the dates' own axis; each bar is a link that narrows
the search to its period, and tells its count on hover (``<title>``).
"""

from __future__ import annotations

from datetime import timedelta

from markupsafe import Markup, escape

from archive_search.search.timeline import next_start

WIDTH, HEIGHT = 720, 180
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 12, 28
# At most this many period names under the bars.
LABELS = 8


def chart(timeline, link) -> Markup:
    """The periods of a :class:`~archive_search.search.timeline.Timeline` as an
    ``<svg>`` element; ``link(since, until)`` gives the URL of a search narrowed
    to one period. Empty markup for a timeline without dated hits."""
    periods = timeline.periods
    if not periods:
        return Markup("")
    most = max(p.articles for p in periods) or 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / len(periods)
    gap = min(2.0, step * 0.2)
    parts = [_frame(most, plot_h)]
    for i, period in enumerate(periods):
        h = period.articles / most * plot_h
        x, y = LEFT + i * step, TOP + plot_h - h
        until = next_start(period.start, timeline.by) - timedelta(days=1)
        parts.append(Markup(
            '<a href="{href}"><title>{label}: {count}</title>'
            '<rect class="hit" x="{hx:.1f}" y="{top}" width="{step:.1f}" height="{plot_h}"/>'
            '<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}"/></a>').format(
            href=escape(link(period.start.isoformat(), until.isoformat())), x=x + gap / 2, y=y,
            w=max(step - gap, 0.5), h=max(h, 1.0 if period.articles else 0.0), label=escape(period.label),
            count=f"{period.articles:,}", hx=x, top=TOP, step=step, plot_h=plot_h))
    parts.extend(_labels(periods, step))
    return Markup(
        '<svg class="timeline" viewBox="0 0 {w} {h}" direction="ltr" role="img" aria-label="{aria}" '
        'xmlns="http://www.w3.org/2000/svg">{body}</svg>').format(
        w=WIDTH, h=HEIGHT, aria=escape(f"{periods[0].label} – {periods[-1].label}"), body=Markup("").join(parts))


def _frame(most: int, plot_h: float) -> Markup:
    """The axes: the baseline, and the greatest count beside the top."""
    base = TOP + plot_h
    return Markup(
        '<line class="axis" x1="{l}" y1="{base}" x2="{r}" y2="{base}"/>'
        '<line class="grid" x1="{l}" y1="{top}" x2="{r}" y2="{top}"/>'
        '<text class="tick" x="{tx}" y="{ty}" text-anchor="end">{most}</text>'
        '<text class="tick" x="{tx}" y="{base}" text-anchor="end">0</text>').format(
        l=LEFT, r=WIDTH - RIGHT, base=base, top=TOP, tx=LEFT - 6, ty=TOP + 4, most=f"{most:,}")


def _labels(periods, step: float) -> list[Markup]:
    """Period names under evenly spread bars, the first and the last among them."""
    every = max(1, -(-len(periods) // LABELS))
    chosen = list(range(0, len(periods), every))
    if chosen[-1] != len(periods) - 1 and len(periods) - 1 - chosen[-1] >= every / 2:
        chosen.append(len(periods) - 1)
    y = HEIGHT - BOTTOM + 16
    return [Markup('<text class="tick" x="{x:.1f}" y="{y}" text-anchor="middle">{label}</text>').format(
        x=LEFT + (i + 0.5) * step, y=y, label=escape(periods[i].label)) for i in chosen]


def period_for(years) -> str:
    """The period to count by, for hits spread over these years (the facets' years):
    years when they span over five of them, else months.

    >>> period_for(["2013", "2017", "2019"]), period_for(["2019", "2020"]), period_for([])
    ('year', 'month', 'month')
    """
    numbers = [int(y) for y in years if str(y).isdigit()]
    if numbers and max(numbers) - min(numbers) + 1 > 5:
        return "year"
    return "month"
