"""Chapter 2 figures: Lorenz curves, the share of the top against alpha, and tails on log-log axes.

>>> from socialmath.pareto import pareto_profile
>>> from socialmath.plots import new_figure
>>> fig, ax = new_figure()
>>> artists = draw_lorenz(ax, pareto_profile(1.5, 1000))
>>> artists.theory.get_xdata().size
201
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.text import Text

from socialmath._validate import require_array, require_instance, require_number, require_share
from socialmath.pareto import (
    ALPHA_80_20,
    LORENZ_GRID,
    ParetoProfile,
    PowerLawFit,
    share_of_top,
)
from socialmath.plots.style import (
    PALETTE,
    format_count,
    label_axes,
    require_axes,
    require_colour,
    require_text,
)

#: The alphas that later summaries report for Pareto's incomes, about 1.2 to 1.9. We read the range
#: in a secondary abstract, not in Pareto's text (``pareto1896`` is unread; see FACTS).
PARETO_ALPHA_RANGE = (1.2, 1.9)


#: Population shares at which the population and sample curves are labelled.
LABEL_AT = {"theory": 0.45, "sample": 0.55}
#: Lowest height of the population curve's label (below it, the label would leave the axes).
LABEL_FLOOR = 0.08
#: Where the population's label, moved to the right, reaches the top 1%'s label below the marker.
LABEL_CLEAR_FROM = 0.75


@dataclass(frozen=True)
class LorenzArtists:
    """What ``draw_lorenz`` made, for ``update_lorenz`` to move."""

    theory: Line2D
    sample: Line2D
    top20: Line2D
    top1: Line2D
    title: Text
    note: Text
    labels: dict[str, Text]


def format_share(share: float) -> str:
    """A share as a whole percentage, with one decimal where rounding would say 0% or 100% of a
    share that is neither (99.6%, not 100%), and "over 99.9%" beyond.

    >>> format_share(0.58), format_share(0.9964), format_share(0.99996), format_share(1.0)
    ('58%', '99.6%', 'over 99.9%', '100%')
    """
    share = require_share("share", share)
    if 0.0 < share < 0.005 or 0.995 <= share < 1.0:
        text = f"{share:.1%}"
        if text == "100.0%":
            return "over 99.9%"
        return "under 0.1%" if text == "0.0%" else text
    return f"{share:.0%}"


def format_index(value: float) -> str:
    """An alpha or a Gini index to two decimals, or three where two would round it to a whole
    number it is not (alpha 1.002, not 1.00).

    >>> format_index(1.16), format_index(1.0022), format_index(0.9956), format_index(1.0)
    ('1.16', '1.002', '0.996', '1.00')
    """
    value = require_number("value", value)
    text = f"{value:.2f}"
    if float(text).is_integer() and value != float(text):
        return f"{value:.3f}"
    return text


def _lorenz_title(profile: ParetoProfile) -> str:
    return (f"alpha {format_index(profile.alpha)}: top 20% hold {format_share(profile.top20)}, "
            f"top 1% hold {format_share(profile.top1)}")


def _lorenz_note(profile: ParetoProfile) -> str:
    low, high = profile.top20_range
    return (f"Gini: {format_index(profile.gini)} (theory), "
            f"{format_index(profile.sample_gini)} (sample)\n"
            f"top 20% in a sample of {format_count(profile.sample_size)}: "
            f"{format_share(profile.sample_top20)}\n"
            f"over 20 samples: {format_share(low)} to {format_share(high)}")


def _marker_y(profile: ParetoProfile, top: float) -> float:
    """Height of the Lorenz curve where the top ``top`` begin."""
    return 1.0 - share_of_top(profile.alpha, top)


def draw_lorenz(ax: Axes, profile: ParetoProfile) -> LorenzArtists:
    """The Lorenz curve of a Pareto population, a sample's curve, and where the top 20% and the
    top 1% begin. Axes are fixed at [0, 1] so that every slider position fits.

    Curves carry their labels directly (no legend box): easier to read, and cheaper to redraw.
    """
    require_axes("ax", ax)
    _require_profile(profile)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_aspect("equal")
    ax.plot([0, 1], [0, 1], color=PALETTE["grey"], lw=1, ls="--")
    (theory,) = ax.plot(LORENZ_GRID, profile.lorenz, color=PALETTE["blue"], lw=2.5)
    (sample,) = ax.plot(LORENZ_GRID, profile.sample_lorenz, color=PALETTE["orange"], lw=1.5)
    (top20,) = ax.plot([0.8], [_marker_y(profile, 0.2)], "o", ms=8, color=PALETTE["vermillion"])
    (top1,) = ax.plot([0.99], [_marker_y(profile, 0.01)], "s", ms=7, color=PALETTE["purple"])
    label_axes(ax, "share of people, poorest first", "share of the total they hold",
               _lorenz_title(profile))
    note = ax.text(0.03, 0.97, _lorenz_note(profile), transform=ax.transAxes, va="top",
                   fontsize=8.5, bbox={"boxstyle": "round", "fc": "white",
                                       "ec": PALETTE["grey"], "alpha": 0.9})
    ax.text(0.15, 0.16, "everyone equal", color=PALETTE["grey"], fontsize=8, rotation=45,
            rotation_mode="anchor", ha="center", va="bottom")
    labels = {
        "theory": ax.text(LABEL_AT["theory"], 0, "population", color=PALETTE["blue"],
                          fontsize=9, ha="left", va="top"),
        "sample": ax.text(LABEL_AT["sample"], 0, "one random sample", color=PALETTE["orange"],
                          fontsize=9, ha="right", va="bottom"),
        "top20": ax.text(0.78, 0, "top 20% begin", color=PALETTE["vermillion"], fontsize=8,
                         ha="right", va="bottom"),
        "top1": ax.text(0.97, 0, "top 1% ", color=PALETTE["purple"], fontsize=8, ha="right",
                        va="bottom"),
    }
    artists = LorenzArtists(theory, sample, top20, top1, ax.title, note, labels)
    _place_lorenz_labels(artists, profile)
    return artists


def update_lorenz(artists: LorenzArtists, profile: ParetoProfile) -> None:
    """Move the artists of ``draw_lorenz`` to show ``profile``; the caller redraws the canvas."""
    require_instance("artists", artists, LorenzArtists, "what draw_lorenz returned")
    _require_profile(profile)
    artists.theory.set_ydata(profile.lorenz)
    artists.sample.set_ydata(profile.sample_lorenz)
    artists.top20.set_ydata([_marker_y(profile, 0.2)])
    artists.top1.set_ydata([_marker_y(profile, 0.01)])
    artists.title.set_text(_lorenz_title(profile))
    artists.note.set_text(_lorenz_note(profile))
    _place_lorenz_labels(artists, profile)


def _require_profile(profile: object) -> ParetoProfile:
    return require_instance("profile", profile, ParetoProfile,
                            "from socialmath.pareto.pareto_profile")


def _place_lorenz_labels(artists: LorenzArtists, profile: ParetoProfile) -> None:
    """Keep each label beside its curve or marker."""
    labels = artists.labels
    at = LABEL_AT["theory"]
    height = float(np.interp(at, LORENZ_GRID, profile.lorenz))
    floored = height < LABEL_FLOOR
    if floored:  # the curve hugs the bottom: label it where it has risen
        at = float(np.interp(LABEL_FLOOR, profile.lorenz, LORENZ_GRID))
        height = LABEL_FLOOR
    labels["theory"].set_position((at, height - 0.02))
    labels["theory"].set_horizontalalignment("right" if at > 0.6 else "left")
    beside_top1 = floored and at > LABEL_CLEAR_FROM  # the population's label, by the marker
    labels["sample"].set_y(float(np.interp(LABEL_AT["sample"], LORENZ_GRID,
                                           profile.sample_lorenz)) + 0.02)
    labels["top20"].set_y(_marker_y(profile, 0.2) + 0.01)
    top1 = _marker_y(profile, 0.01)
    near_top = top1 > 0.93  # below the marker, or the label would leave the axes
    labels["top1"].set_verticalalignment("top" if near_top else "bottom")
    y = top1 - 0.02 if near_top else top1 + 0.02
    if beside_top1:  # above the population's label, which hangs below LABEL_FLOOR - 0.02
        y = max(y, LABEL_FLOOR)
    labels["top1"].set_y(y)


def draw_top_share_by_alpha(ax: Axes, alphas: np.ndarray | None = None) -> list:
    """Share held by the top 20% against Pareto's alpha, with 80/20 and Pareto's own range.

    ``alphas`` (the curve's x values; 1 to 3 by default) must increase and be at least 1.
    """
    require_axes("ax", ax)
    if alphas is None:
        grid = np.linspace(1.0, 3.0, 300)
    else:
        grid = require_array("alphas", alphas, low=1, min_size=2)
        if np.any(np.diff(grid) <= 0):
            raise ValueError(f"alphas must increase from one value to the next, got {alphas!r}")
    band = ax.axvspan(*PARETO_ALPHA_RANGE, color=PALETTE["green"], alpha=0.15,
                      label="alphas reported for Pareto's incomes")
    (curve,) = ax.plot(grid, [share_of_top(a, 0.2) * 100 for a in grid], color=PALETTE["blue"],
                       lw=2.5, label="share held by the top 20%")
    (rule,) = ax.plot([ALPHA_80_20], [80], "o", ms=9, color=PALETTE["vermillion"],
                      label=f"80/20 needs alpha = {ALPHA_80_20:.2f}")
    (typical,) = ax.plot([1.5], [share_of_top(1.5, 0.2) * 100], "s", ms=8,
                         color=PALETTE["orange"], label="alpha = 1.5: about 58%")
    ax.set_xlim(grid[0], grid[-1])
    ax.set_ylim(0, 100)
    label_axes(ax, "Pareto's alpha (larger = more equal)", "share held by the top 20% (%)",
               "80/20 is one point on a curve, at the unequal end")
    ax.legend(loc="upper right", fontsize=9)
    return [band, curve, rule, typical]


def _ccdf(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct values and the share of data at or above each (the complementary CDF)."""
    data = np.sort(values[values > 0])
    points, first = np.unique(data, return_index=True)
    return points, 1.0 - first / data.size


def draw_ccdf(ax: Axes, values, fit: PowerLawFit | None = None, *, label: str = "data",
              xlabel: str = "value (log scale)", title: str | None = None,
              colour: str = "blue") -> list:
    """The share of the positive values at or above x, on log-log axes (a log axis has no room for
    zero, so zeros are left out, and the shares are of the positive values only). With ``fit``:
    the fitted power law from x_min and, when the fit holds a log-normal comparison, the fitted
    log-normal, both scaled to the share of positive values in the tail. ``colour`` names a colour
    of the house palette."""
    require_axes("ax", ax)
    data = require_array("values", values)
    if not np.any(data > 0):
        raise ValueError("values must hold at least one value > 0 (a log-log plot shows only "
                         "those), got none")
    if fit is not None:
        require_instance("fit", fit, PowerLawFit, "from socialmath.pareto.fit_power_law, or None")
        if fit.x_min > data.max():
            raise ValueError(f"fit must be a fit of these values: its x_min ({fit.x_min:g}) is "
                             f"above their largest value ({data.max():g})")
    require_text("label", label)
    require_text("xlabel", xlabel)
    require_text("title", title, optional=True)
    require_colour("colour", colour)
    points, above = _ccdf(data)
    ax.set_xscale("log")
    ax.set_yscale("log")
    (dots,) = ax.plot(points, above, "o", ms=3.5, color=PALETTE[colour], alpha=0.7, label=label)
    artists = [dots]
    if fit is not None:
        tail_share = np.count_nonzero(data >= fit.x_min) / np.count_nonzero(data > 0)
        x = np.unique(np.concatenate([[fit.x_min], np.geomspace(fit.x_min, points[-1], 100)]))
        if fit.discrete:
            x = np.unique(np.round(x))
        (line,) = ax.plot(x, tail_share * fit.survival(x), color=PALETTE["vermillion"],
                          lw=2, label=f"power law from x_min = {fit.x_min:g}, "
                                      f"density exponent {fit.alpha:.2f}")
        artists.append(line)
        if any(c.alternative == "lognormal" for c in fit.comparisons):
            (curve,) = ax.plot(x, tail_share * fit.lognormal_survival(x),
                               color=PALETTE["green"], lw=2, ls="--",
                               label="log-normal from the same x_min")
            artists.append(curve)
    label_axes(ax, xlabel, "share of positive values at or above x (log scale)", title)
    ax.legend(loc="lower left", fontsize=9)
    return artists
