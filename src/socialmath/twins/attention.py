"""Chapter 1's twin: the weekly feed against a reading budget (FeedExplorer), all formulas.

>>> from socialmath.attention import feed_load
>>> numbers = TWIN.evaluate(TWIN.values(contacts=30_000))
>>> numbers["posts_per_week"], numbers["title"]
(6000.0, '6,000 posts a week: your budget covers 52%')
>>> covered(0.9996), covered(1.0)
('99.9%', '100%')
"""

from __future__ import annotations

from socialmath.attention import CAPACITY_DUNBAR_1993, DAYS_PER_WEEK, SECONDS_PER_HOUR
from socialmath.plots.attention import CONTACTS_GRID, HOURS_LIMITS
from socialmath.plots.style import PALETTE
from socialmath.twins import layers
from socialmath.twins.base import HEIGHT, WIDTH, Twin
from socialmath.twins.expr import (
    datum,
    divide,
    floor,
    format_count,
    maximum,
    minimum,
    percent,
    round_,
    where,
)
from socialmath.widgets.attention import FeedExplorer


def _clip_hours(hours):
    return minimum(maximum(hours, HOURS_LIMITS[0]), HOURS_LIMITS[1])


def posts_from(contacts, silent_share, posts_per_active):
    """Posts a week from ``contacts`` people (``attention.weekly_posts``, rounding included)."""
    return round_(contacts * (1 - silent_share), 9) * posts_per_active


def hours_needed(contacts, silent_share, posts_per_active, seconds_per_post):
    """Hours a week to glance at every post (``FeedLoad.hours_needed``)."""
    return posts_from(contacts, silent_share, posts_per_active) * seconds_per_post \
        / SECONDS_PER_HOUR


def covered(share):
    """The share as ``plots.attention.format_covered`` writes it: never 100% when it falls short."""
    near_full = percent(floor(share * 1000) / 1000, 1)
    return where(share >= 1, percent(share), where(share < 0.995, percent(share), near_full))


def formulas(contacts, silent_share, posts_per_active, seconds_per_post, minutes_per_day):
    """What the figure states, from the controls (``attention.feed_load``)."""
    posts = posts_from(contacts, silent_share, posts_per_active)
    readable = minutes_per_day * 60.0 * DAYS_PER_WEEK / seconds_per_post
    share = where(posts > 0, minimum(1.0, divide(readable, posts)), 1.0)
    per_contact = posts_from(1, silent_share, posts_per_active)
    at_budget = divide(readable, per_contact)
    hours = posts * seconds_per_post / SECONDS_PER_HOUR
    return {
        "posts_per_week": posts,
        "hours_per_week": hours,
        "share_readable": share,
        "contacts_followable": where(per_contact > 0, minimum(contacts, at_budget), contacts),
        "budget_hours": minutes_per_day * DAYS_PER_WEEK * 60.0 / SECONDS_PER_HOUR,
        "you_hours": _clip_hours(hours),
        # where the need curve crosses the budget, kept on the axes
        "overflow_x": where(per_contact > 0, minimum(maximum(at_budget, CONTACTS_GRID[0]),
                                                     CONTACTS_GRID[-1]), CONTACTS_GRID[-1]),
        "title": format_count(posts) + " posts a week: your budget covers " + covered(share),
    }


def model(twin: Twin, values: dict) -> dict:
    load = twin.compute(values)
    return {"posts_per_week": load.posts_per_week, "hours_per_week": load.hours_per_week,
            "share_readable": load.share_readable,
            "contacts_followable": load.contacts_followable,
            "budget_hours": load.budget_hours_per_week,
            "you_hours": min(max(load.hours_per_week, HOURS_LIMITS[0]), HOURS_LIMITS[1])}


def drawn(twin: Twin, values: dict) -> dict:
    """The need curve as the model gives it, floored at the axis' bottom as the page draws it."""
    load = twin.compute(values)
    hours = [max(h, HOURS_LIMITS[0]) for h in load.hours_needed(CONTACTS_GRID)]
    return {"need_marks": (("contacts", "hours"),
                           [[float(c), h] for c, h in zip(CONTACTS_GRID, hours, strict=True)])}


def chart(twin: Twin):
    import altair as alt

    x = alt.X("contacts:Q", title="contacts (log scale)",
              scale=alt.Scale(type="log", nice=False, domain=[float(CONTACTS_GRID[0]),
                                                              float(CONTACTS_GRID[-1])]),
              axis=alt.Axis(values=[10, 100, 1000, 10_000], format=","))
    y = alt.Y("hours:Q", title="hours a week (log scale)",
              scale=alt.Scale(type="log", nice=False, domain=list(HOURS_LIMITS)),
              axis=alt.Axis(values=[0.001, 0.01, 0.1, 1, 10, 100, 1000], format=",~g"))
    points = len(CONTACTS_GRID)
    ratio = float(CONTACTS_GRID[-1] / CONTACTS_GRID[0])
    need_hours = hours_needed(datum("contacts"), *(layers.signals(
        "silent_share", "posts_per_active", "seconds_per_post")))
    need = alt.Chart(alt.sequence(0, points, as_="i"), name="need").transform_calculate(
        contacts=f"{CONTACTS_GRID[0]} * pow({ratio}, datum.i / {points - 1})",
    ).transform_calculate(
        hours=str(maximum(need_hours, HOURS_LIMITS[0])),
    ).mark_line(color=PALETTE["blue"], strokeWidth=2, clip=True).encode(x=x, y=y)
    dunbar = layers.band(CAPACITY_DUNBAR_1993.low, CAPACITY_DUNBAR_1993.high, PALETTE["green"],
                         "Dunbar's 100-231")
    budget = layers.rule_y("budget_hours", PALETTE["orange"], "your reading budget",
                           dash=[6, 4], label_x=300)
    overflow = layers.rule_x("overflow_x", PALETTE["grey"], "budget full", dash=[2, 3])
    you = layers.point("contacts", "you_hours", PALETTE["vermillion"], "you", name="you")
    return alt.layer(dunbar, need, budget, overflow, you).properties(
        width=WIDTH, height=HEIGHT, title=alt.Title(alt.ExprRef("title")))


TWIN = Twin(
    explorer=FeedExplorer,
    controls=("contacts", "silent_share", "posts_per_active", "seconds_per_post",
              "minutes_per_day"),
    formulas=formulas,
    model=model,
    chart=chart,
    drawn=drawn,
    title="Your feed",
    description="Hours a week needed to glance at every post in your feed against your number "
                "of contacts (both log scales), with your daily reading budget as a line and "
                "your own network as a dot.",
)
