"""Chapter 4 figures on reach: one post's funnel, cascades, thresholds and the tipping point.

>>> from socialmath.branding import reach_funnel
>>> from socialmath.plots import new_figure
>>> fig, ax = new_figure()
>>> artists = draw_funnel(ax, reach_funnel(25_000))
>>> [round(float(bar.get_x() + bar.get_width())) for bar in artists.bars]
[25000, 2500, 750, 15, 2]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from socialmath._validate import require_instance, require_number
from socialmath.branding.cascades import Cascades
from socialmath.branding.funnel import Funnel
from socialmath.branding.thresholds import Contagion, Riot
from socialmath.branding.tipping import GROUP_SIZES, Reciprocation, TippingBand
from socialmath.plots.branding import ccdf
from socialmath.plots.style import (
    PALETTE,
    format_count,
    label_axes,
    require_axes,
    require_axes_pair,
    require_labelled,
)

__all__ = [
    "CascadeArtists",
    "FunnelArtists",
    "TippingArtists",
    "draw_cascades",
    "draw_contagion",
    "draw_funnel",
    "draw_riot",
    "draw_tipping",
    "update_cascades",
    "update_funnel",
    "update_tipping",
]

#: The funnel's x-axis starts here (people, log scale): fewer than one person is drawn at it.
FUNNEL_FLOOR = 0.1
#: Top of the tipping figure's y-axis: room above the curves (at most 1) for the range bars.
TIPPING_Y_TOP = 1.42
#: Network sizes on the tipping figure's x-axis: from 1, so that the low end of the capacity's
#: range (about 2 contacts) shows.
SIZES_GRID = np.geomspace(1, 100_000, 250)


def _box(ax: Axes, x: float, y: float, text: str, ha: str = "left", va: str = "top") -> Text:
    return ax.text(x, y, text, transform=ax.transAxes, ha=ha, va=va, fontsize=9,
                   bbox={"boxstyle": "round", "fc": "white", "ec": PALETTE["grey"],
                         "alpha": 0.9})


# --- the funnel -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FunnelArtists:
    """What ``draw_funnel`` made, for ``update_funnel`` to move."""

    bars: BarContainer
    filtered: Rectangle
    values: list[Text]
    filtered_label: Text
    title: Text


def _funnel_widths(funnel: Funnel) -> list[float]:
    return [max(people, FUNNEL_FLOOR) for _, people in funnel.stages()]


def _funnel_title(funnel: Funnel) -> str:
    return (f"Of an audience of {format_count(funnel.audience)}, "
            f"{format_count(funnel.impressions)} are shown the post\n"
            f"and {format_count(funnel.reactions)} react (expected numbers)")


def draw_funnel(ax: Axes, funnel: Funnel) -> FunnelArtists:
    """One post's funnel as horizontal bars on a log scale, from the audience down to the
    comments; the people who were online but whose feed did not show the post are the hatched
    part of the third bar."""
    require_axes("ax", ax)
    require_instance("funnel", funnel, Funnel, "from socialmath.branding.reach_funnel")
    names = [name for name, _ in funnel.stages()]
    rows = np.arange(len(names))[::-1]
    ax.set_xscale("log")
    colours = [PALETTE["grey"], PALETTE["sky"], PALETTE["blue"], PALETTE["orange"],
               PALETTE["vermillion"]]
    widths = np.array(_funnel_widths(funnel)) - FUNNEL_FLOOR  # each bar ends at its number
    bars = ax.barh(rows, widths, left=FUNNEL_FLOOR, color=colours, height=0.6)
    filtered = Rectangle((funnel.impressions, rows[2] - 0.3), 0, 0.6, fill=False,
                         hatch="///", ec=PALETTE["sky"], lw=0)
    ax.add_patch(filtered)
    ax.set_yticks(rows, names)
    ax.grid(axis="y", visible=False)
    values = [ax.text(0, row, "", va="center", fontsize=9) for row in rows]
    # In the gap between the "online" and "shown" bars, from the left: never past the axes.
    filtered_label = ax.text(FUNNEL_FLOOR * 1.2, rows[2] + 0.34, "", fontsize=8,
                             color=PALETTE["blue"], va="bottom")
    label_axes(ax, "people (log scale)", "", _funnel_title(funnel))
    artists = FunnelArtists(bars, filtered, values, filtered_label, ax.title)
    _place_funnel(ax, artists, funnel)
    return artists


def update_funnel(artists: FunnelArtists, funnel: Funnel) -> None:
    """Move the artists of ``draw_funnel``; the caller redraws the canvas."""
    require_instance("artists", artists, FunnelArtists, "what draw_funnel returned")
    require_instance("funnel", funnel, Funnel, "from socialmath.branding.reach_funnel")
    for bar, width in zip(artists.bars, _funnel_widths(funnel), strict=True):
        bar.set_width(width - FUNNEL_FLOOR)
    artists.title.set_text(_funnel_title(funnel))
    _place_funnel(artists.title.axes, artists, funnel)


def _place_funnel(ax: Axes, artists: FunnelArtists, funnel: Funnel) -> None:
    widths = _funnel_widths(funnel)
    ax.set_xlim(FUNNEL_FLOOR, max(widths[0], 10.0) * 30)
    for row, (text, bar, (_, people)) in enumerate(zip(artists.values, artists.bars,
                                                       funnel.stages(), strict=True)):
        end = bar.get_x() + bar.get_width()
        text.set_x((max(end, widths[1]) if row == 2 else end) * 1.15)  # past the hatched part
        text.set_text(format_count(people) if people >= 1 or people == 0 else f"{people:.2f}")
    shown, online = widths[2], widths[1]
    artists.filtered.set_x(shown)
    artists.filtered.set_width(max(online - shown, 0.0))
    artists.filtered_label.set_text(
        f"hatched: online but not shown by the feed, {format_count(funnel.filtered_by_feed)} "
        f"of {format_count(funnel.online)}")


# --- cascades -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CascadeArtists:
    """What ``draw_cascades`` made, for ``update_cascades`` to move."""

    sizes: Line2D
    hops: BarContainer
    hop_values: list[Text]
    titles: tuple[Text, Text]
    note: Text


#: The hop groups of the right-hand panel.
HOP_GROUPS = ("1", "2", "3", "4+")


def _hop_shares(run: Cascades) -> np.ndarray:
    """Share of everyone in the cascades but their authors at hop 1, 2, 3, and 4 or more."""
    reached = float((run.sizes - 1).sum())
    if reached == 0:
        return np.zeros(4)
    first = run.by_hop[:, 1:4].sum(axis=0) / reached
    return np.append(first, max(0.0, 1.0 - first.sum()))


def _hop_group_name(group: str) -> str:
    return {"1": "1 hop", "4+": "4 or more hops"}.get(group, f"{group} hops")


def _cascade_titles(run: Cascades) -> tuple[str, str]:
    alone = run.share_of_cascades(1)
    shares = _hop_shares(run)
    if not shares.any():
        right = "Nobody passed the post on"
    else:
        most = int(np.argmax(shares))
        right = (f"{shares[most]:.0%} of those who passed it on\n"
                 f"are {_hop_group_name(HOP_GROUPS[most])} from the author")
    return (f"At p = {run.p:.3g}, {alone:.0%} of posts\nare never passed on", right)


def _cascade_note(run: Cascades, critical: float | None) -> str:
    lines = [f"{run.n_cascades:,} cascades on {format_count(run.n_nodes)} people",
             f"mean size: {run.mean_size:,.1f}", f"largest: {format_count(run.sizes.max())}"]
    if critical is not None:
        lines.append(f"critical p: {critical:.3f}")
    return "\n".join(lines)


def draw_cascades(axes, run: Cascades, critical: float | None = None) -> CascadeArtists:
    """Two panels: left, the share of cascades of size s or more (log-log), a cascade's size
    being its author and everyone who passed the post on; right, where those who passed it on
    are, by hops from the author, titled with the largest group. ``critical`` (the critical p)
    goes in the note."""
    require_axes_pair("axes", axes)
    require_instance("run", run, Cascades, "from socialmath.branding.simulate_cascades")
    _require_critical(critical)
    left, right = axes
    left.set_xscale("log")
    left.set_yscale("log")
    (sizes,) = left.plot(*ccdf(run.sizes), "o-", ms=3, lw=1, color=PALETTE["blue"])
    left.set_ylim(0.5 / run.n_cascades, 1.5)
    label_axes(left, "cascade size s: the author and those who passed it on (log scale)",
               "share of cascades of size s or more", _cascade_titles(run)[0])
    note = _box(left, 0.97, 0.97, _cascade_note(run, critical), ha="right")
    hops = right.bar(HOP_GROUPS, _hop_shares(run), color=PALETTE["orange"], width=0.6)
    right.set_ylim(0, 1.12)
    hop_values = [right.text(i, 0, "", ha="center", va="bottom", fontsize=9)
                  for i in range(len(HOP_GROUPS))]
    label_axes(right, "hops from the author", "share of those who passed it on",
               _cascade_titles(run)[1])
    artists = CascadeArtists(sizes, hops, hop_values, (left.title, right.title), note)
    _place_cascades(artists, run, critical)
    return artists


def update_cascades(artists: CascadeArtists, run: Cascades, critical: float | None = None
                    ) -> None:
    """Move the artists of ``draw_cascades``; the caller redraws the canvas."""
    require_instance("artists", artists, CascadeArtists, "what draw_cascades returned")
    require_instance("run", run, Cascades, "from socialmath.branding.simulate_cascades")
    _require_critical(critical)
    artists.sizes.set_data(*ccdf(run.sizes))
    for bar, height in zip(artists.hops, _hop_shares(run), strict=True):
        bar.set_height(height)
    _place_cascades(artists, run, critical)


def _place_cascades(artists: CascadeArtists, run: Cascades, critical: float | None) -> None:
    artists.sizes.axes.set_xlim(0.8, max(10.0, float(run.sizes.max()) * 2))
    for title, text in zip(artists.titles, _cascade_titles(run), strict=True):
        title.set_text(text)
    artists.note.set_text(_cascade_note(run, critical))
    for text, height in zip(artists.hop_values, _hop_shares(run), strict=True):
        text.set_y(height + 0.01)
        text.set_text(f"{height:.0%}")


# --- thresholds -----------------------------------------------------------------------------------


def draw_riot(ax: Axes, riots: dict[str, Riot]) -> list[Line2D]:
    """People rioting after each round, one step line per crowd."""
    require_axes("ax", ax)
    require_labelled("riots", riots, lambda name, crowd: require_instance(
        name, crowd, Riot, "from socialmath.branding.riot"), "a Riot")
    colours = [PALETTE["vermillion"], PALETTE["blue"]]
    last = max(crowd.joined.size for crowd in riots.values())
    lines = []
    for (name, crowd), colour in zip(riots.items(), colours, strict=False):
        # A crowd that has stopped stays where it is: its line runs on, flat, to the last round.
        joined = np.pad(crowd.joined, (0, last - crowd.joined.size), mode="edge")
        (line,) = ax.step(np.arange(last), joined, where="post", color=colour, lw=2.5,
                          label=f"{name}: {crowd.size} riot")
        lines.append(line)
    largest = max(crowd.thresholds.size for crowd in riots.values())
    ax.set_ylim(0, largest * 1.08)
    label_axes(ax, "round", "people rioting",
               "Two almost identical crowds, opposite outcomes")
    # Below the rising line and above the flat one: the lower right is empty.
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 0.06))
    return lines


def _adopted_label(share: float) -> str:
    """A share as the legend shows it: whole percentages, unless that would round a few seeds to
    0% or nearly everyone to 100%."""
    if share in (0.0, 1.0) or 0.01 <= share <= 0.99:
        return f"{share:.0%}"
    return f"{share:.1%}"


def draw_contagion(ax: Axes, runs: dict[str, Contagion]) -> list[Line2D]:
    """Share of the network adopting after each round. Round 0 is the seeds, as in
    :class:`socialmath.branding.Contagion`; the x-axis is linear from 0 to 1 and logarithmic past
    1, so that round 0 shows and hundreds of rounds fit."""
    require_axes("ax", ax)
    require_labelled("runs", runs, lambda name, run: require_instance(
        name, run, Contagion, "from socialmath.branding.threshold_contagion"),
        "a Contagion")
    styles = [(PALETTE["blue"], "-"), (PALETTE["blue"], "--"), (PALETTE["vermillion"], "-"),
              (PALETTE["vermillion"], "--")]
    ax.set_xscale("symlog", linthresh=1.0, linscale=0.4)
    last = max(run.adopted.size for run in runs.values())
    lines = []
    for (name, run), (colour, dash) in zip(runs.items(), styles, strict=False):
        # A contagion that has stopped stays where it is: flat to the last round of any.
        shares = np.pad(run.share_by_round, (0, last - run.adopted.size), mode="edge")
        (line,) = ax.plot(np.arange(last), shares, dash, color=colour, lw=2,
                          label=f"{name}: {_adopted_label(run.final_share)}")
        lines.append(line)
    ax.set_xlim(0, last * 1.5)
    ax.set_ylim(0, 1.05)
    label_axes(ax, "round, the seeds being round 0 (log scale past 1)", "share who adopted",
               "Complex contagion crossed the clustered ring,\nnot the random network")
    # Between the curves: simple contagion on the random network has taken over by round 10,
    # and the curves of the ring are still low at round 50.
    ax.legend(loc="center", bbox_to_anchor=(0.5, 0.55), fontsize=9)
    return lines


# --- the tipping point ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TippingArtists:
    """What ``draw_tipping`` made, for ``update_tipping`` to move."""

    reciprocated: Line2D
    answered: Line2D
    tipping: Line2D
    you: Line2D
    title: Text
    note: Text

    @property
    def legend(self):
        """The legend of the two curves (drawn above them)."""
        return self.reciprocated.axes.get_legend()


def _tipping_title(point: Reciprocation, contacts: int) -> str:
    tipping = ("never fill your time" if np.isinf(point.tipping_size) else
               f"fill your time at {format_count(point.tipping_size)} contacts")
    return (f"With {format_count(contacts)} contacts you can keep up with "
            f"{point.reciprocated_share(contacts):.1%} of them;\nincoming messages {tipping}")


def _tipping_size_text(point: Reciprocation) -> str:
    if np.isinf(point.tipping_size):
        return "never (nobody writes)"
    return f"{format_count(point.tipping_size)} contacts"


def _tipping_note(point: Reciprocation) -> str:
    return (f"capacity: {format_count(point.capacity)} contacts\n"
            f"tipping size: {_tipping_size_text(point)}\n"
            f"{point.hours_per_week:g} h a week, {point.minutes_per_exchange:g} min an exchange")


def draw_tipping(ax: Axes, point: Reciprocation, contacts: int,
                 band: TippingBand | None = None) -> TippingArtists:
    """Share of your contacts you can keep up with, and share of incoming messages you can
    answer, against network size; with ``band``, the range of the capacity and of the tipping
    size over the assumptions (bars above the curves); and published group sizes: Dunbar's 147.8
    and Lindenfors and colleagues' 95% interval, 4 to 520 (shaded green). The band does not
    move with the assumptions' central values: ``update_tipping`` leaves it in place."""
    require_axes("ax", ax)
    require_instance("point", point, Reciprocation, "from socialmath.branding.reciprocation")
    require_number("contacts", contacts, low=1, high=SIZES_GRID[-1])
    if band is not None:
        require_instance("band", band, TippingBand, "from socialmath.branding.tipping_band")
    ax.set_xscale("log")
    ax.set_xlim(SIZES_GRID[0], SIZES_GRID[-1])
    ax.set_ylim(0, TIPPING_Y_TOP)
    ax.set_yticks(np.linspace(0, 1, 6))
    lindenfors = GROUP_SIZES["lindenfors2021_bayesian"]
    dunbar = GROUP_SIZES["dunbar1993"]
    ax.axvspan(max(lindenfors.interval_low, SIZES_GRID[0]), lindenfors.interval_high,
               color=PALETTE["green"], alpha=0.12)
    # Vertical lines stop below the range bars, so that they do not cross the bars' labels.
    below_bars = 1.03 / TIPPING_Y_TOP
    ax.axvline(dunbar.estimate_low, ymax=below_bars, color=PALETTE["green"], lw=1.5)
    along_x = ax.get_xaxis_transform()
    ax.text(dunbar.estimate_low, 0.02, " Dunbar 147.8", transform=along_x, color=PALETTE["green"],
            fontsize=8, va="bottom", rotation=90)
    # Inside the shaded band, left of the curves' bends: the curves are flat at 1 there.
    ax.text(lindenfors.interval_low * 1.15, 0.6, "Lindenfors et al.\n95% interval:\n4 to 520",
            color=PALETTE["green"], fontsize=8, va="center")
    if band is not None:  # the ranges over the assumptions, as bars above the curves
        for y, low, high, colour, name in (
                (1.1, band.capacity_low, band.capacity_high, PALETTE["blue"], "capacity"),
                (1.27, band.tipping_low, band.tipping_high, PALETTE["orange"], "tipping size")):
            ax.plot([_clip_size(low), _clip_size(high)], [y, y], "|-", color=colour, lw=2, ms=8)
            ax.text(_clip_size(low), y + 0.035, f"{name} over the assumptions' ranges: "
                    f"{format_count(low)} to {format_count(high)}", color=colour, fontsize=8,
                    va="bottom")
    (reciprocated,) = ax.plot(SIZES_GRID, point.reciprocated_share(SIZES_GRID), "-",
                              color=PALETTE["blue"], lw=2.5,
                              label="contacts you can keep up with")
    (answered,) = ax.plot(SIZES_GRID, point.answered_share(SIZES_GRID), "-",
                          color=PALETTE["orange"], lw=2, label="messages you can answer")
    tipping = ax.axvline(_clip_size(point.tipping_size), ymax=below_bars, color=PALETTE["orange"],
                         ls="--", lw=1.5)
    (you,) = ax.plot([contacts], [point.reciprocated_share(contacts)], "o", ms=9,
                     color=PALETTE["vermillion"], mec="black", label="you")
    label_axes(ax, "contacts (log scale)", "share", _tipping_title(point, contacts))
    note = _box(ax, 0.98, 0.72, _tipping_note(point), ha="right")
    # A legend in a lower corner, under the flat start of the curves: labels beside the moving
    # curves and marker would leave the axes or land on other text at some positions.
    ax.legend(handles=[reciprocated, answered, you], loc=_legend_corner(point, contacts),
              fontsize=9)
    return TippingArtists(reciprocated, answered, tipping, you, ax.title, note)


def _legend_corner(point: Reciprocation, contacts: int) -> str:
    """The lower left, unless the "you" marker sits there (a small network that you can barely
    keep up with): then the lower right, where the curves have fallen to their lowest."""
    in_lower_left = contacts < 300 and point.reciprocated_share(contacts) < 0.4
    return "lower right" if in_lower_left else "lower left"


def update_tipping(artists: TippingArtists, point: Reciprocation, contacts: int) -> None:
    """Move the artists of ``draw_tipping``; the caller redraws the canvas."""
    require_instance("artists", artists, TippingArtists, "what draw_tipping returned")
    require_instance("point", point, Reciprocation, "from socialmath.branding.reciprocation")
    require_number("contacts", contacts, low=1, high=SIZES_GRID[-1])
    artists.reciprocated.set_ydata(point.reciprocated_share(SIZES_GRID))
    artists.answered.set_ydata(point.answered_share(SIZES_GRID))
    artists.tipping.set_xdata([_clip_size(point.tipping_size)] * 2)
    artists.you.set_data([contacts], [point.reciprocated_share(contacts)])
    artists.title.set_text(_tipping_title(point, contacts))
    artists.note.set_text(_tipping_note(point))
    artists.legend.set_loc(_legend_corner(point, contacts))


def _require_critical(critical: object) -> None:
    if critical is not None:
        require_number("critical", critical, low=0, high=1)


def _clip_size(size: float) -> float:
    return float(np.clip(size, SIZES_GRID[0], SIZES_GRID[-1]))
