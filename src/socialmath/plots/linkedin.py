"""Chapter 7 figures: your network's growth, who is in it, and how it grows.

>>> from socialmath import linkedin
>>> from socialmath.plots import new_figure
>>> connections = linkedin.read_connections(linkedin.SAMPLE)
>>> fig, ax = new_figure()
>>> artists = draw_cumulative(ax, linkedin.growth(connections))
>>> int(artists.curve.get_ydata()[-1]) == linkedin.SAMPLE_SIZE
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from socialmath import pareto
from socialmath._validate import require_instance, require_integer, require_number
from socialmath.attention import CAPACITY_DUNBAR_1993, CAPACITY_GONCALVES_2011, Capacity
from socialmath.linkedin import AttachmentTest, Concentration, Growth, Snapshot
from socialmath.plots.style import PALETTE, format_count, label_axes, require_axes

#: Where the arguments come from, for the messages.
_CAPACITY = "such as socialmath.attention.CAPACITY_DUNBAR_1993"
_CONCENTRATION = "from socialmath.linkedin.concentration"


def _month_dates(growth: Growth) -> np.ndarray:
    """The middle of each month, as matplotlib-friendly datetimes."""
    return (growth.months.astype("datetime64[D]") + np.timedelta64(14, "D")).astype(
        "datetime64[ns]")


def _month_ends(growth: Growth) -> np.ndarray:
    return ((growth.months + np.timedelta64(1, "M")).astype("datetime64[D]")
            - np.timedelta64(1, "D")).astype("datetime64[ns]")


def draw_monthly(ax: Axes, growth: Growth) -> list:
    """Connections made each month (bars) and their mean over the last twelve months (line)."""
    require_axes("ax", ax)
    require_instance("growth", growth, Growth, "from socialmath.linkedin.growth")
    x = _month_dates(growth)
    bars = ax.bar(x, growth.per_month, width=np.timedelta64(25, "D"), color=PALETTE["sky"],
                  label="each month")
    rolling = pd.Series(growth.per_month).rolling(12, min_periods=1).mean().to_numpy()
    (line,) = ax.plot(x, rolling, color=PALETTE["blue"], lw=2,
                      label="mean of the last 12 months")
    busiest = int(np.argmax(growth.per_month))
    month = pd.Timestamp(growth.months[busiest])
    label_axes(ax, "month", "new connections",
               f"Busiest month: {month:%B %Y}, {growth.per_month[busiest]:,} new connections")
    ax.legend(loc="upper left")
    ax.set_ylim(0, max(1, growth.per_month.max()) * 1.15)
    return [bars, line]


@dataclass(frozen=True)
class CumulativeArtists:
    """What ``draw_cumulative`` made."""

    curve: Line2D
    band: Rectangle | None
    estimate: Line2D | None
    crossing: Line2D | None
    labels: list[Text]


def draw_cumulative(ax: Axes, growth: Growth, capacity: Capacity | None = CAPACITY_DUNBAR_1993
                    ) -> CumulativeArtists:
    """The network's size over time, with a relationship capacity (its estimate as a line, its
    interval as a band) and the day the network outgrew the estimate."""
    require_axes("ax", ax)
    require_instance("growth", growth, Growth, "from socialmath.linkedin.growth")
    if capacity is not None:
        require_instance("capacity", capacity, Capacity, _CAPACITY)
    x = _month_ends(growth)
    (curve,) = ax.step(x, growth.cumulative, where="post", color=PALETTE["blue"], lw=2)
    band = estimate = crossing = None
    labels: list[Text] = []
    title = f"{format_count(growth.total)} connections after {growth.months.size} months"
    if capacity is not None:
        band = ax.axhspan(capacity.low, capacity.high, color=PALETTE["green"], alpha=0.15)
        estimate = ax.axhline(capacity.estimate, color=PALETTE["green"], lw=1.5, ls="--")
        labels.append(ax.text(x[0], capacity.high, f" {capacity.name}: {capacity.estimate:g} "
                              f"({capacity.low:g}-{capacity.high:g})", color=PALETTE["green"],
                              fontsize=8, va="bottom"))
        passed = growth.date_reached(capacity.estimate)
        if passed is not None:
            (crossing,) = ax.plot([passed], [capacity.estimate], "o", ms=8,
                                  color=PALETTE["vermillion"])
            labels.append(ax.text(passed, capacity.estimate, f" outgrown {passed:%b %Y} ",
                                  color=PALETTE["vermillion"], fontsize=9, ha="right",
                                  va="bottom"))
            title = f"Outgrew {capacity.name}'s {capacity.estimate:g} in {passed:%B %Y}"
    top = max(growth.total, capacity.high if capacity is not None else 0) * 1.1
    ax.set_ylim(0, top)
    label_axes(ax, "date", "connections (cumulative)", title)
    return CumulativeArtists(curve, band, estimate, crossing, labels)


def draw_lorenz_of_groups(ax: Axes, concentration: Concentration) -> list:
    """The Lorenz curve of group sizes (smallest groups first), with where the top 20% begin."""
    require_axes("ax", ax)
    require_instance("concentration", concentration, Concentration, _CONCENTRATION)
    population, held = pareto.lorenz_curve(concentration.sizes.to_numpy(dtype=float))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_aspect("equal")
    diagonal = ax.plot([0, 1], [0, 1], color=PALETTE["grey"], lw=1, ls="--")[0]
    (curve,) = ax.plot(population, held, color=PALETTE["blue"], lw=2.5)
    start = 1.0 - concentration.top
    (marker,) = ax.plot([start], [1.0 - concentration.top_share], "o", ms=8,
                        color=PALETTE["vermillion"])
    ax.text(start - 0.02, 1.0 - concentration.top_share + 0.03,
            f"top {concentration.top:.0%} of {_plural(concentration.by)}\n"
            f"hold {concentration.top_share:.0%}", color=PALETTE["vermillion"], fontsize=9,
            ha="right", va="bottom")
    label_axes(ax, f"share of {_plural(concentration.by)}, smallest first",
               "share of your contacts",
               f"{concentration.groups:,} {_plural(concentration.by)}: Gini "
               f"{concentration.gini:.2f}")
    return [diagonal, curve, marker]


def draw_top_groups(ax: Axes, concentration: Concentration, k: int = 10) -> list:
    """The ``k`` largest groups as horizontal bars, in percent of the contacts with a value."""
    require_axes("ax", ax)
    require_instance("concentration", concentration, Concentration, _CONCENTRATION)
    require_integer("k", k, low=1, high=1000)
    top = concentration.sizes.iloc[:k][::-1]
    shares = top.to_numpy(dtype=float) / concentration.contacts * 100
    bars = ax.barh([_shorten(str(name)) for name in top.index], shares, color=PALETTE["blue"])
    for y, share in enumerate(shares):
        ax.text(share, y, f" {share:.1f}%", va="center", fontsize=8)
    ax.set_xlim(0, max(shares) * 1.25)
    ax.grid(axis="y", visible=False)
    shown = min(k, concentration.groups)
    if concentration.by == "role":
        leader = str(top.index[-1])
        finding = f"{leader[:1].upper()}{leader[1:]} lead, with {shares[-1]:.0f}% of the contacts"
    else:
        finding = (f"The {shown} largest {_plural(concentration.by)} hold {shares.sum():.0f}% of "
                   "the contacts")
    label_axes(ax, "share of your contacts (%)", "", finding)
    return list(bars)


def _plural(by: str) -> str:
    return {"company": "companies", "position": "positions", "role": "role families"}[by]


def _shorten(text: str, width: int = 28) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def draw_attachment(ax: Axes, test: AttachmentTest, *, label: str | None = None) -> list:
    """Each month's new connections against the network's size at the month's start, with the
    steady-pace model (a flat line) and the pace-proportional-to-size one (a line through zero).
    The title states the verdict and the size exponent beta; ``label`` (say, what made the data)
    goes in front of it."""
    require_axes("ax", ax)
    require_instance("test", test, AttachmentTest, "from socialmath.linkedin.attachment_test")
    if label is not None and not isinstance(label, str):
        raise TypeError(f"label must be a string or None, got {label!r}")
    dots = ax.scatter(test.sizes, test.gains, s=14, color=PALETTE["grey"], alpha=0.6,
                      label="one month")
    grid = np.linspace(0, test.sizes.max() * 1.02, 50)
    (steady,) = ax.plot(grid, np.full(grid.size, test.steady_rate), color=PALETTE["orange"],
                        lw=2, label=f"steady pace: {test.steady_rate:.1f} a month")
    (proportional,) = ax.plot(grid, test.proportional_rate * grid, color=PALETTE["blue"], lw=2,
                              label=f"proportional: {test.proportional_rate:.1%} of the "
                                    "network a month")
    finding = {"proportional": "pace grows with size",
               "steady": "pace does not grow with size",
               "undecided": "neither model fits clearly better",
               "neither": "pace falls as the network grows"}[test.verdict]
    beta = f" (β = {test.beta:.2f})" if math.isfinite(test.beta_se) else ""
    title = f"{finding[0].upper()}{finding[1:]}{beta}"
    if label:
        title = f"{label}: {finding}{beta}"
    label_axes(ax, "network size at the start of the month", "new connections that month", title)
    ax.set_xlim(0, grid[-1])
    ax.set_ylim(0, max(1.0, test.gains.max()) * 1.1)
    ax.legend(loc="upper left")
    return [dots, steady, proportional]


@dataclass(frozen=True)
class TimelineArtists:
    """What ``draw_timeline`` made, for ``update_timeline`` to move."""

    past: Line2D
    now: Line2D
    band: Rectangle
    estimate: Line2D
    budget: Line2D
    title: Text
    note: Text
    band_label: Text
    budget_label: Text


def capacity_position(contacts: int, capacity: Capacity) -> str:
    """Where a network size stands against a capacity: "below", "within", "past" or
    "far past" (beyond the top of its interval).

    >>> capacity_position(750, CAPACITY_DUNBAR_1993)
    'far past'
    """
    require_number("contacts", contacts, low=0)
    require_instance("capacity", capacity, Capacity, _CAPACITY)
    if contacts > capacity.high:
        return "far past"
    if contacts > capacity.estimate:
        return "past"
    return "within" if contacts >= capacity.low else "below"


def capacity_label(capacity: Capacity) -> str:
    """A capacity as its source states it: Dunbar's estimate, or Gonçalves et al.'s range (their
    150 is a midpoint the course chose, not a published figure).

    >>> capacity_label(CAPACITY_DUNBAR_1993)
    "Dunbar 1993's 147.8"
    """
    if not isinstance(capacity, Capacity):
        raise TypeError(f"capacity must be a Capacity, got {type(capacity).__name__}")
    if capacity == CAPACITY_GONCALVES_2011:
        return f"{capacity.name}'s {capacity.low:g}-{capacity.high:g}"
    return f"{capacity.name}'s {capacity.estimate:g}"


def contacts_label(count: int) -> str:
    """ "1 contact", "750 contacts".

    >>> contacts_label(1), contacts_label(30_000)
    ('1 contact', '30,000 contacts')
    """
    count = require_number("count", count, low=0)
    return f"{format_count(count)} contact{'' if count == 1 else 's'}"


def _timeline_title(snap: Snapshot) -> str:
    capacity = snap.fit.coverage.capacity
    return (f"{snap.as_of:%b %Y}: {contacts_label(snap.contacts)}, "
            f"{capacity_position(snap.contacts, capacity)} {capacity_label(capacity)}")


def timeline_facts(snap: Snapshot) -> dict[str, str]:
    """The figures the timeline's note states, formatted: the feed's posts a week, the time to
    glance at all of them, the share the budget covers and up to which network size, the number
    of companies and their Gini index ("" when undefined); an explorer's readout states the same.

    >>> from socialmath import linkedin
    >>> sample = linkedin.read_connections(linkedin.SAMPLE)
    >>> timeline_facts(linkedin.snapshot(sample, "2025-06-30"))["up_to"]
    '15,750 contacts'
    """
    require_instance("snap", snap, Snapshot, "from socialmath.linkedin.snapshot")
    if not isinstance(snap, Snapshot):
        raise TypeError(f"snap must be a Snapshot (from linkedin.snapshot), got "
                        f"{type(snap).__name__}")
    feed = snap.fit.feed
    limit = feed.contacts_at_budget
    minutes = feed.minutes_per_day_needed
    return {
        "posts": format_count(feed.posts_per_week),
        "glance": ("under 1 s" if minutes * 60 < 1 else f"{minutes * 60:.0f} s" if minutes < 1
                   else f"{format_count(minutes)} min"),
        "readable": f"{feed.share_readable:.0%}",
        "up_to": "any size" if not np.isfinite(limit) else f"{format_count(limit)} contacts",
        "companies": f"{snap.companies:,}",
        "gini": "" if np.isnan(snap.company_gini) else f"{snap.company_gini:.2f}",
    }


def _timeline_note(snap: Snapshot) -> str:
    facts = timeline_facts(snap)
    return (f"feed: {facts['posts']} posts a week\n"
            f"glance at all: {facts['glance']} a day\n"
            f"budget covers {facts['readable']} of it, up to {facts['up_to']}\n"
            f"companies: {facts['companies']}"
            + (f", Gini {facts['gini']}" if facts["gini"] else ""))


def _timeline_top(snap: Snapshot) -> float:
    return max(snap.history.total, snap.fit.coverage.capacity.high) * 1.1


def draw_timeline(ax: Axes, snap: Snapshot) -> TimelineArtists:
    """Your network's whole history (grey), the part up to ``snap.as_of`` (blue), a relationship
    capacity, and the network size at which your feed would fill your reading budget (orange,
    pinned to the top edge when it is off the chart)."""
    require_axes("ax", ax)
    require_instance("snap", snap, Snapshot, "from socialmath.linkedin.snapshot")
    history = snap.history
    x = _month_ends(history)
    ax.step(x, history.cumulative, where="post", color=PALETTE["grey"], lw=1.5, alpha=0.6)
    past_x, past_y = _past(history, snap.as_of)
    (past,) = ax.step(past_x, past_y, where="post", color=PALETTE["blue"], lw=2.5)
    (now,) = ax.plot(*_now(snap), "o", ms=9, color=PALETTE["vermillion"])
    capacity = snap.fit.coverage.capacity
    band = ax.axhspan(capacity.low, capacity.high, color=PALETTE["green"], alpha=0.15)
    estimate = ax.axhline(capacity.estimate, color=PALETTE["green"], lw=1.5, ls="--")
    band_label = ax.text(0.01, capacity.high, f" {capacity.name}", color=PALETTE["green"],
                         fontsize=8, va="bottom", transform=ax.get_yaxis_transform())
    top = _timeline_top(snap)
    budget = ax.axhline(_budget_y(snap, top), color=PALETTE["orange"], lw=2, ls=":")
    budget_label = ax.text(0.99, 0, "", color=PALETTE["orange"], fontsize=8, ha="right",
                           transform=ax.get_yaxis_transform(),
                           bbox={"fc": "white", "ec": "none", "alpha": 0.8, "pad": 1})
    _place_budget_label(budget_label, snap, top)
    ax.set_ylim(0, top)
    ax.set_xlim(x[0] - np.timedelta64(31, "D"), x[-1] + np.timedelta64(31, "D"))
    label_axes(ax, "date", "connections", _timeline_title(snap))
    note = ax.text(0.02, 0.97, _timeline_note(snap), transform=ax.transAxes, va="top",
                   fontsize=8.5, bbox={"boxstyle": "round", "fc": "white",
                                       "ec": PALETTE["grey"], "alpha": 0.9})
    return TimelineArtists(past, now, band, estimate, budget, ax.title, note, band_label,
                           budget_label)


def update_timeline(artists: TimelineArtists, snap: Snapshot) -> None:
    """Move the artists of ``draw_timeline`` to show ``snap``; the caller redraws the canvas."""
    require_instance("artists", artists, TimelineArtists, "what draw_timeline returned")
    require_instance("snap", snap, Snapshot, "from socialmath.linkedin.snapshot")
    past_x, past_y = _past(snap.history, snap.as_of)
    artists.past.set_data(past_x, past_y)
    artists.now.set_data(*_now(snap))
    capacity = snap.fit.coverage.capacity
    top = _timeline_top(snap)
    artists.now.axes.set_ylim(0, top)
    _set_band(artists.band, capacity.low, capacity.high)
    artists.estimate.set_ydata([capacity.estimate] * 2)
    artists.band_label.set_y(capacity.high)
    artists.band_label.set_text(f" {capacity.name}")
    artists.budget.set_ydata([_budget_y(snap, top)] * 2)
    _place_budget_label(artists.budget_label, snap, top)
    artists.title.set_text(_timeline_title(snap))
    artists.note.set_text(_timeline_note(snap))


def _now(snap: Snapshot) -> tuple[np.ndarray, list[int]]:
    """The "now" marker's point, its date as a datetime64 like the history's (not a Timestamp)."""
    return np.array([snap.as_of], dtype="datetime64[ns]"), [snap.contacts]


def _set_band(band: Rectangle, low: float, high: float) -> None:
    band.set_y(low)
    band.set_height(high - low)


def _place_budget_label(label: Text, snap: Snapshot, top: float) -> None:
    """Beside the budget line: under it near the top of the chart, above it lower down."""
    y = _budget_y(snap, top)
    # On the floor (a budget of 0 minutes), lift the label by 1% so its box stays on the chart.
    label.set_y(y if y > top / 2 else max(y, 0.01 * top))
    label.set_text(_budget_text(snap, top))
    label.set_va("top" if y > top / 2 else "bottom")


def _budget_text(snap: Snapshot, top: float) -> str:
    limit = snap.fit.feed.contacts_at_budget
    if not np.isfinite(limit):
        return "nobody posts: any size fits your budget "
    where = " (off the chart)" if limit > top else ""
    return f"budget full at {format_count(limit)} contacts{where} "


def _budget_y(snap: Snapshot, top: float) -> float:
    limit = snap.fit.feed.contacts_at_budget
    return top * 0.995 if not np.isfinite(limit) or limit > top else limit


def _past(history: Growth, as_of: pd.Timestamp) -> tuple[np.ndarray, np.ndarray]:
    x = _month_ends(history)
    keep = x <= np.datetime64(as_of.to_period("M").to_timestamp(how="end").normalize(), "ns")
    if not keep.any():
        keep[0] = True
    return x[keep], history.cumulative[keep]
