"""Chapter 1 figures: the weekly feed against a reading budget, who writes it, how it varies.

>>> from socialmath.attention import feed_load
>>> from socialmath.plots import new_figure
>>> fig, ax = new_figure()
>>> artists = draw_feed(ax, feed_load(25_000))
>>> int(artists.you.get_xdata()[0])
25000
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator

from socialmath._validate import require_array, require_instance, require_number
from socialmath.attention import (
    CAPACITY_DUNBAR_1993,
    LINKEDIN_CONNECTION_CAP,
    FeedLoad,
)
from socialmath.plots.style import PALETTE, format_count, label_axes, require_axes, require_text

#: Contacts on the x-axis, from a small circle to LinkedIn's cap.
CONTACTS_GRID = np.geomspace(10, LINKEDIN_CONNECTION_CAP, 200)
#: Fixed y-limits (hours a week): from about 4 seconds to 1,000 hours (a week has 168), so
#: that every slider position fits and a move never redraws the axes.
HOURS_LIMITS = (1e-3, 1e3)
HOURS_FLOOR = HOURS_LIMITS[0]
#: Where the labels of the need curve and of the budget line sit on the x-axis.
LABEL_X = 14.0
BUDGET_LABEL_X = 600.0


@dataclass(frozen=True)
class FeedArtists:
    """What ``draw_feed`` made, for ``update_feed`` to move."""

    need: Line2D
    budget: Line2D
    you: Line2D
    overflow: Line2D
    capacity: Polygon
    title: Text
    note: Text
    labels: dict[str, Text]


def _title(load: FeedLoad) -> str:
    return (f"{format_count(load.posts_per_week)} posts a week: "
            f"your budget covers {load.share_readable:.0%}")


def _note(load: FeedLoad) -> str:
    needed = load.minutes_per_day_needed
    return (f"{format_count(load.contacts)} contacts\n"
            f"needed: {format_count(needed)} min a day\n"
            f"budget: {load.minutes_per_day:,.0f} min a day\n"
            f"followable: {format_count(load.contacts_followable)} contacts")


def draw_feed(ax: Axes, load: FeedLoad) -> FeedArtists:
    """Hours a week needed to glance at every post, against network size, with your budget,
    your position and Dunbar's relationship capacity (``dunbar1993``).

    Lines carry their labels directly (no legend box): easier to read, and cheaper to redraw.
    """
    require_axes("ax", ax)
    _require_load(load)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(CONTACTS_GRID[0], CONTACTS_GRID[-1])
    ax.set_ylim(*HOURS_LIMITS)
    capacity = ax.axvspan(CAPACITY_DUNBAR_1993.low, CAPACITY_DUNBAR_1993.high,
                          color=PALETTE["green"], alpha=0.15)
    (need,) = ax.plot(CONTACTS_GRID, load.hours_needed(CONTACTS_GRID), color=PALETTE["blue"],
                      lw=2)
    budget = ax.axhline(load.budget_hours_per_week, color=PALETTE["orange"], lw=2, ls="--")
    overflow = ax.axvline(_overflow_x(load), color=PALETTE["grey"], lw=1, ls=":")
    (you,) = ax.plot([load.contacts], [_clip_hours(load.hours_per_week)], "o", ms=9,
                     color=PALETTE["vermillion"], clip_on=False, zorder=4)
    plain = FuncFormatter(lambda value, _: f"{value:,.10g}")  # 1,000 rather than 10^3
    ax.xaxis.set_major_formatter(plain)
    ax.yaxis.set_major_formatter(plain)
    ax.yaxis.set_minor_locator(NullLocator())
    ax.xaxis.set_minor_locator(LogLocator(subs=(2.0, 5.0)))  # 20, 50, 200...: enough to read
    label_axes(ax, "contacts (log scale)", "hours a week (log scale)", _title(load))
    note = ax.text(0.02, 0.97, _note(load), transform=ax.transAxes, va="top", fontsize=9,
                   bbox={"boxstyle": "round", "fc": "white", "ec": PALETTE["grey"], "alpha": 0.9})
    along_x = ax.get_xaxis_transform()  # x in data, y in axes fraction
    labels = {
        "need": ax.text(LABEL_X, 0, "time to glance at every post", color=PALETTE["blue"],
                        fontsize=9, va="bottom"),
        "budget": ax.text(BUDGET_LABEL_X, 0, "your reading budget", color=PALETTE["orange"],
                          fontsize=9, ha="center", va="bottom"),
        "you": ax.text(load.contacts, 0, "you ", color=PALETTE["vermillion"], fontsize=9,
                       ha="right", va="bottom", fontweight="bold"),
        "overflow": ax.text(0, 0.03, "budget full ", transform=along_x, rotation=90,
                            color=PALETTE["grey"], fontsize=8, ha="right", va="bottom"),
    }
    ax.text(CAPACITY_DUNBAR_1993.high, 0.03, " Dunbar's 100-231", transform=along_x,
            rotation=90, color=PALETTE["green"], fontsize=8, va="bottom")
    artists = FeedArtists(need, budget, you, overflow, capacity, ax.title, note, labels)
    _place_labels(artists, load)
    return artists


def update_feed(artists: FeedArtists, load: FeedLoad) -> None:
    """Move the artists of ``draw_feed`` to show ``load``; the caller redraws the canvas."""
    require_instance("artists", artists, FeedArtists, "what draw_feed returned")
    _require_load(load)
    artists.need.set_ydata(load.hours_needed(CONTACTS_GRID))
    artists.budget.set_ydata([load.budget_hours_per_week] * 2)
    artists.overflow.set_xdata([_overflow_x(load)] * 2)
    artists.you.set_data([load.contacts], [_clip_hours(load.hours_per_week)])
    artists.title.set_text(_title(load))
    artists.note.set_text(_note(load))
    _place_labels(artists, load)


def _require_load(load: object) -> FeedLoad:
    return require_instance("load", load, FeedLoad, "from socialmath.attention.feed_load")


def _place_labels(artists: FeedArtists, load: FeedLoad) -> None:
    """Keep each direct label beside its line; hide the ones whose line is off the axes."""
    bottom, _ = artists.need.axes.get_ylim()
    need_y = float(load.hours_needed([LABEL_X])[0]) * 1.3
    labels = artists.labels
    labels["need"].set_y(max(need_y, bottom))
    labels["need"].set_visible(load.posts_per_week > 0)
    labels["budget"].set_y(max(load.budget_hours_per_week, bottom) * 1.1)
    labels["budget"].set_visible(load.minutes_per_day > 0)
    # "you" sits above-left of the marker; beside the left edge it goes to the right, near the
    # top edge below, so that it stays inside the axes at every position.
    hours = _clip_hours(load.hours_per_week)
    near_left, near_top = load.contacts < 40, hours > HOURS_LIMITS[1] / 5
    labels["you"].set_text(" you" if near_left else "you ")
    labels["you"].set_horizontalalignment("left" if near_left else "right")
    labels["you"].set_verticalalignment("top" if near_top else "bottom")
    labels["you"].set_position((load.contacts, hours / 1.15 if near_top else hours * 1.15))
    labels["overflow"].set_x(_overflow_x(load))
    labels["overflow"].set_visible(CONTACTS_GRID[0] < load.contacts_at_budget
                                   < CONTACTS_GRID[-1])


def _overflow_x(load: FeedLoad) -> float:
    """Where the need curve crosses the budget, kept inside the axes when it falls outside."""
    x = load.contacts_at_budget
    return float(np.clip(x, CONTACTS_GRID[0], CONTACTS_GRID[-1])) if np.isfinite(x) \
        else CONTACTS_GRID[-1]


def _clip_hours(hours: float) -> float:
    """Hours kept on the axes: nobody posting (0 h) sits on the bottom edge, an overflowing feed
    on the top edge, so the marker never vanishes."""
    return min(max(hours, HOURS_LIMITS[0]), HOURS_LIMITS[1])


def draw_people_and_content(ax: Axes, people: dict[str, float], content: dict[str, float],
                            labels: tuple[str, str] = ("share of people", "share of content")
                            ) -> list:
    """Two stacked bars: each group's share of the people, and its share of the content.

    ``people`` and ``content`` map the same group names to shares (each adding up to 1, at most
    ``len(TIER_COLOURS)`` groups); ``labels`` name the two bars. The figure shows why "1% of
    people" and "75% of the content" can describe the same group.

    >>> from socialmath.attention import (CONTENT_SHARES_VAN_MIERLO_2014,
    ...                                   PEOPLE_SHARES_VAN_MIERLO_2014)
    >>> from socialmath.plots import new_figure
    >>> fig, ax = new_figure()
    >>> bars = draw_people_and_content(ax, PEOPLE_SHARES_VAN_MIERLO_2014,
    ...                                CONTENT_SHARES_VAN_MIERLO_2014, labels=("actors", "posts"))
    >>> len(bars), [tick.get_text() for tick in ax.get_xticklabels()]
    (6, ['actors', 'posts'])
    """
    require_axes("ax", ax)
    tiers = [_require_tier_shares("people", people), _require_tier_shares("content", content)]
    if (isinstance(labels, str) or not isinstance(labels, tuple | list) or len(labels) != 2
            or not all(isinstance(label, str) for label in labels)):
        raise TypeError(f"labels must be two strings (the names of the two bars), got {labels!r}")
    bars = []
    for x, shares in enumerate(tiers):
        bottom = 0.0
        for (name, share), colour in zip(shares.items(), TIER_COLOURS, strict=False):
            (bar,) = ax.bar(x, share * 100, bottom=bottom, color=colour, width=0.6,
                            edgecolor="white")
            if share >= 0.04:
                ax.text(x, bottom + share * 50, f"{name}\n{share:.1%}", ha="center",
                        va="center", fontsize=9)
            else:  # too thin to hold its label: write it beside the bar
                ax.text(x + 0.32, bottom + share * 50, f"{name} {share:.1%}", ha="left",
                        va="center", fontsize=8)
            bottom += share * 100
            bars.append(bar)
    ax.set_xticks([0, 1], list(labels))
    ax.set_xlim(-0.5, 1.9)
    ax.set_ylim(0, 100)
    label_axes(ax, "", "percent of people, or of posts (%)",
               "A few people write most of what you read")
    ax.grid(axis="x", visible=False)
    return bars


#: Colours of the groups of ``draw_people_and_content``, in order: one per group.
TIER_COLOURS = tuple(PALETTE[name] for name in ("sky", "orange", "vermillion", "purple", "green",
                                                 "blue", "yellow"))


def _require_tier_shares(name: str, shares: object) -> dict[str, float]:
    """Group names mapped to shares in [0, 1] that add up to 1, at most one group per colour."""
    if not isinstance(shares, dict):
        raise TypeError(f"{name} must be a dict of group names to shares, e.g. "
                        f"{{'lurkers': 0.9, 'posters': 0.1}}, got {type(shares).__name__}")
    if not 1 <= len(shares) <= len(TIER_COLOURS):
        raise ValueError(f"{name} must hold 1 to {len(TIER_COLOURS)} groups, got {len(shares)}")
    for group in shares:
        require_text(f"each group name in {name}", group)
    values = require_array(name, list(shares.values()), low=0, high=1)
    if abs(values.sum() - 1.0) > 1e-6:
        raise ValueError(f"{name} must hold shares adding up to 1, got {values.sum():g}")
    return dict(zip(shares, values.tolist(), strict=True))


def draw_weekly_posts(ax: Axes, posts, expected: float) -> list:
    """Histogram of simulated weekly posts, with the expected value and a 90% interval."""
    require_axes("ax", ax)
    posts = require_array("posts", posts, low=0)
    expected = require_number("expected", expected, low=0)
    low, high = np.quantile(posts, [0.05, 0.95])
    _, _, patches = ax.hist(posts, bins=30, color=PALETTE["blue"], alpha=0.8)
    mean_line = ax.axvline(expected, color=PALETTE["black"], lw=2, label="expected")
    band = ax.axvspan(low, high, color=PALETTE["orange"], alpha=0.2, zorder=0,
                      label="90% of simulated weeks")
    label_axes(ax, "posts reaching your feed in a week", "number of simulated weeks",
               f"Most weeks bring {format_count(low)} to {format_count(high)} posts")
    ax.legend(loc="upper right")
    return [*patches, mean_line, band]
