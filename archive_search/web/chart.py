"""The timeline of a query as an SVG bar chart, made on the server.

No JavaScript and nothing fetched: the page's own stylesheet colours it
(classes, no inline style, so the Content-Security-Policy holds). Time runs
left to right, as on the dates' own axis; each bar is a link that narrows
the search to its period, and tells its count on hover (``<title>``).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from markupsafe import Markup, escape

from archive_search.search.timeline import Timeline, next_start, periods as spread

WIDTH, HEIGHT = 720, 180
LEFT, RIGHT, TOP, BOTTOM = 44, 30, 12, 28
# At most this many period names under the bars.
LABELS = 8


def chart(timeline, link) -> Markup:
    """The periods of a :class:`~archive_search.search.timeline.Timeline` as an
    ``<svg>`` element; ``link(since, until)`` gives the URL of a search narrowed
    to one period. Empty markup for a timeline without dated hits.

    Numbers are formatted here and every text (labels, links) is escaped;
    the SVG is joined as strings, a chart of a hundred bars in a millisecond.
    """
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
        h = max(h, 1.0) if period.articles else 0.0
        x = LEFT + i * step
        until = next_start(period.start, timeline.by) - timedelta(days=1)
        href = escape(link(period.start.isoformat(), until.isoformat()))
        parts.append(f'<a href="{href}"><title>{escape(period.label)}: {period.articles:,}</title>'
                     f'<rect class="hit" x="{x:.1f}" y="{TOP}" width="{step:.1f}" height="{plot_h}"/>'
                     f'<rect class="bar" x="{x + gap / 2:.1f}" y="{TOP + plot_h - h:.1f}" '
                     f'width="{max(step - gap, 0.5):.1f}" height="{h:.1f}"/></a>')
    parts.extend(_labels(periods, step))
    aria = escape(f"{periods[0].label} – {periods[-1].label}")
    return Markup(f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" direction="ltr" role="img" '
                  f'aria-label="{aria}" xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>')


def _frame(most: int, plot_h: float) -> str:
    """The axes: the baseline, and the greatest count beside the top."""
    base, right, tick_x = TOP + plot_h, WIDTH - RIGHT, LEFT - 6
    return (f'<line class="axis" x1="{LEFT}" y1="{base}" x2="{right}" y2="{base}"/>'
            f'<line class="grid" x1="{LEFT}" y1="{TOP}" x2="{right}" y2="{TOP}"/>'
            f'<text class="tick" x="{tick_x}" y="{TOP + 4}" text-anchor="end">{most:,}</text>'
            f'<text class="tick" x="{tick_x}" y="{base}" text-anchor="end">0</text>')


def _labels(periods, step: float) -> list[str]:
    """Period names under evenly spread bars, the first and the last among them."""
    every = max(1, -(-len(periods) // LABELS))
    chosen = list(range(0, len(periods), every))
    if chosen[-1] != len(periods) - 1 and len(periods) - 1 - chosen[-1] >= every / 2:
        chosen.append(len(periods) - 1)
    y = HEIGHT - BOTTOM + 16
    return [f'<text class="tick" x="{LEFT + (i + 0.5) * step:.1f}" y="{y}" text-anchor="middle">'
            f'{escape(periods[i].label)}</text>' for i in chosen]


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


def yearly(years: Counter, total: int) -> Timeline:
    """The timeline by year of a search whose year facet is ``years`` (year → articles):
    the same counts as :meth:`archive_search.Archive.timeline` by year, without
    running the query a third time.

    >>> [(p.label, p.articles) for p in yearly(Counter({"2019": 2, "2021": 1}), 4).periods]
    [('2019', 2), ('2020', 0), ('2021', 1)]
    """
    counts = Counter({date(int(year), 1, 1): n for year, n in years.items() if str(year).isdigit()})
    return Timeline("year", spread(counts, "year"), undated=total - sum(counts.values()), total=total)
