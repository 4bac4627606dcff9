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

from socialmath._validate import require_array, require_instance, require_integer, require_number
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
#: Where the need curve's label starts on the x-axis.
LABEL_X = 14.0
#: Minutes in a day: a need above it cannot be met by any budget.
MINUTES_PER_DAY = 24 * 60


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


def format_posts(posts: float) -> str:
    """Posts a week for a label: as ``format_count``, with two figures below 0.1 rather than 0.0.

    >>> format_posts(5000.0), format_posts(1.25), format_posts(0.01)
    ('5,000', '1.2', '0.01')
    """
    posts = require_number("posts", posts, low=0)
    return f"{posts:.2g}" if 0 < posts < 0.05 else format_count(posts)


def format_covered(share: float) -> str:
    """The share of a feed a budget covers, never rounded up to 100% when it falls short.

    >>> format_covered(1.0), format_covered(0.9996), format_covered(0.63)
    ('100%', '99.9%', '63%')
    """
    share = require_number("share", share, low=0)
    if share >= 1.0 or share < 0.995:
        return f"{share:.0%}"
    return f"{np.floor(share * 1000) / 10:.1f}%"


def format_fits(load: FeedLoad) -> str:
    """The network the budget would fit, for a label ("any number" when nobody posts).

    >>> from socialmath.attention import feed_load
    >>> format_fits(feed_load(25_000, 0.8)), format_fits(feed_load(25_000, 1.0))
    ('15,750 contacts', 'any number of contacts')
    """
    fits = _require_load(load).contacts_at_budget
    return "any number of contacts" if not np.isfinite(fits) else f"{format_count(fits)} contacts"


def _title(load: FeedLoad) -> str:
    return (f"{format_posts(load.posts_per_week)} posts a week: "
            f"your budget covers {format_covered(load.share_readable)}")


def _note(load: FeedLoad) -> str:
    needed = load.minutes_per_day_needed
    beyond = " (over 24 h)" if needed > MINUTES_PER_DAY else ""
    return (f"{format_count(load.contacts)} contacts\n"
            f"needed: {format_count(needed)} min a day{beyond}\n"
            f"budget: {load.minutes_per_day:,.0f} min a day\n"
            f"budget fits: {format_fits(load)}")


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
    (you,) = ax.plot([load.contacts], [_clip_hours(load.hours_per_week)], _you_marker(load),
                     ls="none", ms=9, color=PALETTE["vermillion"], clip_on=False, zorder=4)
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
        "budget": ax.text(BUDGET_LABEL_XS[0], 0, "your reading budget", color=PALETTE["orange"],
                          fontsize=9, ha="center", va="bottom"),
        "you": ax.text(load.contacts, 0, "you ", color=PALETTE["vermillion"], fontsize=9,
                       ha="right", va="bottom", fontweight="bold"),
        "overflow": ax.text(0, 0.03, "budget full ", transform=along_x, rotation=90,
                            color=PALETTE["grey"], fontsize=8, ha="right", va="bottom"),
        "capacity": ax.text(CAPACITY_DUNBAR_1993.high, 0.03, " Dunbar's 100-231",
                            transform=along_x, rotation=90, color=PALETTE["green"], fontsize=8,
                            va="bottom"),
    }
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
    artists.you.set_marker(_you_marker(load))
    artists.title.set_text(_title(load))
    artists.note.set_text(_note(load))
    _place_labels(artists, load)


def _require_load(load: object) -> FeedLoad:
    return require_instance("load", load, FeedLoad, "from socialmath.attention.feed_load")


# --- label placement --------------------------------------------------------------------------
# Labels are placed by a small model of the figure in pixels, at the house figure size (6.4 x 4.8
# inches at 100 dpi, the explorer's and ``new_figure``'s): the axes are 561 x 406 pixels, so a
# decade is 161 pixels across and 68 up. The sizes are the labels' measured extents. A fixed model,
# rather than the renderer, keeps the choice the same before and after the layout engine runs, so a
# figure drawn for a position and a figure moved to it agree.

_AXES_PX = (561.0, 406.0)
_DECADE_PX = (_AXES_PX[0] / np.log10(CONTACTS_GRID[-1] / CONTACTS_GRID[0]),
              _AXES_PX[1] / np.log10(HOURS_LIMITS[1] / HOURS_LIMITS[0]))
_LABEL_PX = {"need": (184.0, 14.0), "budget": (131.0, 14.0), "you": (31.0, 12.5),
             "overflow": (11.7, 64.0), "capacity": (11.7, 104.0)}
_MARKER_PX = 12.5
_NOTE_CHAR_PX, _NOTE_PAD_PX, _NOTE_LINE_PX = 6.6, 12.0, 18.0
#: Where the budget's label may sit along the line, in order of preference (its centre).
BUDGET_LABEL_XS = (750.0, 6000.0, 60.0)
#: Where Dunbar's label may sit in its band: at the foot, else at the top (axes fraction).
CAPACITY_LABEL_YS = (0.03, 0.97)

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in pixels from the axes' corner


def _px(contacts: float, hours: float) -> tuple[float, float]:
    """Pixels from the axes' bottom-left corner (hours below the axes go far below them)."""
    return (float(np.log10(contacts / CONTACTS_GRID[0])) * _DECADE_PX[0],
            float(np.log10(max(hours, 1e-30) / HOURS_LIMITS[0])) * _DECADE_PX[1])


def _box(x: float, y: float, size: tuple[float, float], ha: str, va: str) -> Box:
    w, h = size
    x0 = {"left": x, "right": x - w, "center": x - w / 2}[ha]
    y0 = {"bottom": y, "top": y - h, "center": y - h / 2}[va]
    return (x0, y0, x0 + w, y0 + h)


def _overlaps(a: Box, b: Box, pad: float = 1.0) -> bool:
    return a[0] < b[2] + pad and b[0] < a[2] + pad and a[1] < b[3] + pad and b[1] < a[3] + pad


def _inside(a: Box) -> bool:
    return a[0] >= -1 and a[1] >= -1 and a[2] <= _AXES_PX[0] + 1 and a[3] <= _AXES_PX[1] + 1


def _crosses_curve(a: Box, load: FeedLoad) -> bool:
    """Whether the need curve (a straight line in pixels) passes through the box."""
    if load.posts_per_week == 0:
        return False
    xs = CONTACTS_GRID[0] * 10 ** (np.array([a[0], a[2]]) / _DECADE_PX[0])
    ys = [_px(1.0, h)[1] for h in load.hours_needed(xs)]
    return not (max(ys) < a[1] or min(ys) > a[3])


def _note_box(load: FeedLoad) -> Box:
    lines = _note(load).splitlines()
    width = _NOTE_CHAR_PX * max(len(line) for line in lines) + _NOTE_PAD_PX
    height = _NOTE_LINE_PX * len(lines) + _NOTE_PAD_PX / 2
    return _box(0.02 * _AXES_PX[0], 0.97 * _AXES_PX[1], (width, height), "left", "top")


def _place_labels(artists: FeedArtists, load: FeedLoad) -> None:
    """Keep each direct label beside its line, inside the axes and off the other labels and the
    "you" marker: try its places in order of preference, and hide it when none is free (the line
    keeps its colour, and the note and readout carry the numbers)."""
    labels = artists.labels
    budget = load.budget_hours_per_week
    hours = _clip_hours(load.hours_per_week)
    mx, my = _px(load.contacts, hours)
    marker = (mx - _MARKER_PX / 2, my - _MARKER_PX / 2, mx + _MARKER_PX / 2, my + _MARKER_PX / 2)
    budget_y = _px(1.0, budget)[1] if load.minutes_per_day > 0 else None
    taken = [_note_box(load), marker]

    # "you": above-left of the marker, else the other corners, else over the budget line;
    # never crossed by the curve or the budget line if it can be helped, always inside the axes.
    places = [(hours * 1.15, "right", "bottom"), (hours / 1.15, "left", "top"),
              (hours * 1.15, "left", "bottom"), (hours / 1.15, "right", "top")]
    if budget > 0:
        places.append((budget * 1.1, "right", "bottom"))
    inside = [(y, ha, va) for y, ha, va in places
              if _inside(box := _box(mx, _px(1.0, y)[1], _LABEL_PX["you"], ha, va))
              and not _overlaps(box, taken[0])]
    chosen = inside[0] if inside else places[0]
    for y, ha, va in inside:
        box = _box(mx, _px(1.0, y)[1], _LABEL_PX["you"], ha, va)
        crossed = budget_y is not None and box[1] - 1 <= budget_y <= box[3] + 1
        if not crossed and not _crosses_curve(box, load):
            chosen = (y, ha, va)
            break
    y, ha, va = chosen
    labels["you"].set_text(" you" if ha == "left" else "you ")
    labels["you"].set_horizontalalignment(ha)
    labels["you"].set_verticalalignment(va)
    labels["you"].set_position((load.contacts, y))
    taken.append(_box(mx, _px(1.0, y)[1], _LABEL_PX["you"], ha, va))

    # The curve's label, above the curve at the left edge, or where the curve enters the axes
    # when it starts below them (few posts: the curve is on the axes only on the right).
    need_at_label = float(load.hours_needed([LABEL_X])[0])
    places = [(LABEL_X, need_at_label * 1.3)]
    if 0 < need_at_label * 1.3 <= HOURS_LIMITS[0]:
        entering = HOURS_LIMITS[0] * 2
        places.append((LABEL_X * entering / (need_at_label * 1.3), entering))
    shown = False
    for x, need_y in places:
        if load.posts_per_week > 0 and need_y > HOURS_LIMITS[0]:
            box = _box(_px(x, 1.0)[0], _px(1.0, need_y)[1], _LABEL_PX["need"], "left", "bottom")
            if _inside(box) and not any(_overlaps(box, other) for other in taken):
                taken.append(box)
                shown = True
                break
    if not shown:
        x, need_y = places[0]
    labels["need"].set_position((x, need_y if need_y > 0 else HOURS_LIMITS[0]))
    labels["need"].set_visible(shown)

    # The budget's label, above its line.
    label_y = max(budget, HOURS_LIMITS[0]) * 1.1
    shown = False
    for x in BUDGET_LABEL_XS:
        box = _box(_px(x, 1.0)[0], _px(1.0, label_y)[1], _LABEL_PX["budget"], "center", "bottom")
        if load.minutes_per_day > 0 and _inside(box) \
                and not any(_overlaps(box, other) for other in taken):
            labels["budget"].set_position((x, label_y))
            taken.append(box)
            shown = True
            break
    if not shown:
        labels["budget"].set_position((BUDGET_LABEL_XS[0], label_y))
    labels["budget"].set_visible(shown)

    # Dunbar's label, at the foot of its band or at its top.
    dunbar_x = _px(CAPACITY_DUNBAR_1993.high, 1.0)[0]
    shown = False
    for fraction in CAPACITY_LABEL_YS:
        va = "bottom" if fraction < 0.5 else "top"
        box = _box(dunbar_x, fraction * _AXES_PX[1], _LABEL_PX["capacity"], "left", va)
        if not any(_overlaps(box, other) for other in taken):
            labels["capacity"].set_y(fraction)
            labels["capacity"].set_verticalalignment(va)
            taken.append(box)
            shown = True
            break
    if not shown:
        labels["capacity"].set_y(CAPACITY_LABEL_YS[0])
        labels["capacity"].set_verticalalignment("bottom")
    labels["capacity"].set_visible(shown)

    # "budget full", left of its line at the foot, while the crossing is on the axes.
    crossing = load.contacts_at_budget
    x = _overflow_x(load)
    labels["overflow"].set_x(x)
    shown = CONTACTS_GRID[0] < crossing < CONTACTS_GRID[-1]
    if shown:
        box = _box(_px(x, 1.0)[0], 0.03 * _AXES_PX[1], _LABEL_PX["overflow"], "right", "bottom")
        shown = _inside(box) and not any(_overlaps(box, other) for other in taken)
    labels["overflow"].set_visible(shown)


def _overflow_x(load: FeedLoad) -> float:
    """Where the need curve crosses the budget, kept inside the axes when it falls outside."""
    x = load.contacts_at_budget
    return float(np.clip(x, CONTACTS_GRID[0], CONTACTS_GRID[-1])) if np.isfinite(x) \
        else CONTACTS_GRID[-1]


def _you_marker(load: FeedLoad) -> str:
    """A dot on the axes; a triangle pointing off the axes when the need is beyond them."""
    if load.hours_per_week > HOURS_LIMITS[1]:
        return "^"
    if 0 < load.hours_per_week < HOURS_LIMITS[0]:
        return "v"
    return "o"


def _clip_hours(hours: float) -> float:
    """Hours kept on the axes: nobody posting (0 h) sits on the bottom edge, an overflowing feed
    on the top edge, so the marker never vanishes (it turns into a triangle pointing off the
    axes, see ``_you_marker``)."""
    return min(max(hours, HOURS_LIMITS[0]), HOURS_LIMITS[1])


def draw_people_and_content(ax: Axes, people: dict[str, float], content: dict[str, float],
                            labels: tuple[str, str] = ("share of people", "share of content"),
                            ylabel: str = "share of the people, or of the content (%)",
                            title: str = "A few people write most of the content") -> list:
    """Two stacked bars: each group's share of the people, and its share of the content.

    ``people`` and ``content`` map the same group names to shares (each adding up to 1, at most
    ``len(TIER_COLOURS)`` groups); ``labels`` name the two bars, ``ylabel`` the axis, and
    ``title`` states what the figure shows (say where the figures come from: a study's forums are
    not your feed). The figure shows why "1% of
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
    label_axes(ax, "", ylabel, title)
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


def draw_weekly_posts(ax: Axes, posts, expected: float, bins: int = 12) -> list:
    """Histogram of simulated weekly posts, with the expected value and a 90% interval; the title
    says how much the total moves from week to week (its standard deviation over its mean).

    >>> from socialmath.plots import new_figure
    >>> fig, ax = new_figure()
    >>> artists = draw_weekly_posts(ax, [98, 100, 102, 100], expected=100)
    >>> ax.get_title()
    'The weekly total barely moves: ±2% (one standard deviation)'
    """
    require_axes("ax", ax)
    posts = require_array("posts", posts, low=0)
    expected = require_number("expected", expected, low=0)
    bins = require_integer("bins", bins, low=1, high=200)
    low, high = np.quantile(posts, [0.05, 0.95])
    spread = posts.std(ddof=1) / posts.mean() if posts.size > 1 and posts.mean() > 0 else 0.0
    _, _, patches = ax.hist(posts, bins=bins, color=PALETTE["blue"], alpha=0.8)
    mean_line = ax.axvline(expected, color=PALETTE["black"], lw=2, label="expected")
    band = ax.axvspan(low, high, color=PALETTE["orange"], alpha=0.2, zorder=0,
                      label="90% of simulated weeks")
    moves = "barely moves" if spread < 0.05 else "moves"
    label_axes(ax, "posts reaching your feed in a week", "number of simulated weeks",
               f"The weekly total {moves}: ±{spread:.0%} (one standard deviation)")
    ax.legend(loc="upper right")
    return [*patches, mean_line, band]
