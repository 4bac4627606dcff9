"""The 80/20 law: Pareto distributions, Lorenz curves, the Gini index and honest power-law fitting.

Two exponents meet in this chapter, and they differ by one:

* Pareto's ``alpha`` (``pareto1896``) describes the tail of the *counts*: the number of people above
  an income ``x`` falls like ``1 / x**alpha``. The closed forms below (``share_of_top``,
  ``alpha_for_share``, ``gini_pareto``, ``lorenz_pareto``) use it. Exact 80/20 needs
  ``alpha = log 5 / log 4``, about 1.16.
* The power-law exponent of Clauset, Shalizi and Newman (``clauset2009``) describes the
  *density* ``p(x) ~ x**-alpha``; it is Pareto's alpha plus one. ``fit_power_law`` and
  ``sample_power_law`` use it, as the ``powerlaw`` package does.

>>> round(alpha_for_share(top=0.2, share=0.8), 6)
1.160964
>>> round(share_of_top(1.5, 0.2), 2)
0.58
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
from scipy import optimize, special

from socialmath._validate import (
    require_array,
    require_bool,
    require_choice,
    require_count,
    require_integer,
    require_memory,
    require_number,
    require_number_or_array,
    require_positive,
    require_rng,
    require_share,
)

__all__ = [
    "ALPHA_80_20",
    "Comparison",
    "ParetoProfile",
    "PowerLawFit",
    "alpha_for_share",
    "compare_distributions",
    "degrees",
    "fit_power_law",
    "gini",
    "gini_pareto",
    "goodness_of_fit",
    "lorenz_curve",
    "lorenz_pareto",
    "nested_shares",
    "pareto_profile",
    "sample_pareto",
    "sample_power_law",
    "share_of_top",
    "simulate_reactions",
    "text_progress",
    "top_share",
]

#: Pareto's alpha for which the top 20% hold exactly 80%: log 5 / log 4 (about 1.160964).
ALPHA_80_20 = math.log(5) / math.log(4)

#: Bounds of the power-law exponent searched by the discrete maximum-likelihood fit.
_EXPONENT_BOUNDS = (1.0 + 1e-6, 20.0)


# --- closed forms for a Pareto distribution -------------------------------------------------------


def _require_pareto_alpha(alpha: object) -> float:
    return require_number("alpha", alpha, low=1)


def _require_open_share(name: str, value: object) -> float:
    share = require_share(name, value)
    if share in (0.0, 1.0):
        raise ValueError(f"{name} must be strictly between 0 and 1, got {value!r}")
    return share


def share_of_top(alpha: float, top: float = 0.2) -> float:
    """Share of the total held by the richest ``top`` share of a Pareto population.

    From the Lorenz curve ``L(F) = 1 - (1 - F)**(1 - 1/alpha)``, the top ``top`` hold
    ``top**(1 - 1/alpha)``.

    >>> round(share_of_top(ALPHA_80_20, 0.2), 6)
    0.8
    >>> round(share_of_top(1.5, 0.01), 3)
    0.215
    """
    a = _require_pareto_alpha(alpha)
    t = require_share("top", top)
    if t == 0.0:
        return 0.0
    return t ** (1.0 - 1.0 / a)


def alpha_for_share(top: float = 0.2, share: float = 0.8) -> float:
    """Pareto's alpha for which the top ``top`` share of people hold ``share`` of the total.

    >>> round(alpha_for_share(0.2, 0.8), 6)
    1.160964
    >>> round(alpha_for_share(0.2, 0.58), 2)
    1.51
    """
    t = _require_open_share("top", top)
    s = _require_open_share("share", share)
    if s <= t:
        raise ValueError(f"share must be greater than top (an unequal split), got share={share!r} "
                         f"for top={top!r}")
    return 1.0 / (1.0 - math.log(s) / math.log(t))


def gini_pareto(alpha: float) -> float:
    """The Gini index of a Pareto distribution, ``1 / (2 alpha - 1)`` (alpha >= 1).

    >>> gini_pareto(1.5)
    0.5
    >>> round(gini_pareto(ALPHA_80_20), 3)
    0.756
    """
    a = _require_pareto_alpha(alpha)
    return 1.0 / (2.0 * a - 1.0)


def lorenz_pareto(alpha: float, population: Sequence[float] | np.ndarray) -> np.ndarray:
    """The Lorenz curve of a Pareto distribution at the population shares given (poorest first).

    >>> lorenz_pareto(ALPHA_80_20, [0.0, 0.8, 1.0]).round(6).tolist()
    [0.0, 0.2, 1.0]
    """
    a = _require_pareto_alpha(alpha)
    shares = _require_shares("population", population)
    return 1.0 - (1.0 - shares) ** (1.0 - 1.0 / a)


def nested_shares(top: float = 0.2, share: float = 0.8, levels: int = 3
                  ) -> list[tuple[float, float]]:
    """The 80/20 rule applied to its own top: the top ``top**k`` hold ``share**k``, k = 1..levels.

    A Pareto distribution is self-similar, so if 20% hold 80%, then 4% (20% of 20%) hold 64%
    (80% of 80%), and so on down.

    >>> [(round(t, 3), round(s, 3)) for t, s in nested_shares(0.2, 0.8, levels=3)]
    [(0.2, 0.8), (0.04, 0.64), (0.008, 0.512)]
    """
    t = _require_open_share("top", top)
    s = _require_open_share("share", share)
    n = require_integer("levels", levels, low=1, high=50)
    return [(t**k, s**k) for k in range(1, n + 1)]


# --- inequality in data ---------------------------------------------------------------------------


def _require_shares(name: str, values: object) -> np.ndarray:
    return require_array(name, values, low=0, high=1)


def _require_amounts(name: str, values: object) -> np.ndarray:
    """Non-negative amounts (incomes, posts, reactions) with a positive total."""
    array = require_array(name, values, low=0)
    if array.sum() <= 0:
        raise ValueError(f"{name} must have a total > 0, got all zeros")
    return array


def lorenz_curve(values: Sequence[float] | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The Lorenz curve of ``values``: population shares and the share of the total they hold,
    poorest first, from (0, 0) to (1, 1).

    >>> population, held = lorenz_curve([1, 1, 2, 4])
    >>> population.tolist(), held.tolist()
    ([0.0, 0.25, 0.5, 0.75, 1.0], [0.0, 0.125, 0.25, 0.5, 1.0])
    """
    array = np.sort(_require_amounts("values", values))
    held = np.concatenate([[0.0], np.cumsum(array)]) / array.sum()
    held[-1] = 1.0
    population = np.linspace(0.0, 1.0, array.size + 1)
    return population, held


def gini(values: Sequence[float] | np.ndarray) -> float:
    """The Gini index of ``values``: 0 when everyone holds the same, towards 1 when one holds all.

    Computed as twice the area between the line of equality and the Lorenz curve.

    >>> gini([5, 5, 5, 5])
    0.0
    >>> gini([0, 0, 0, 1])
    0.75
    """
    array = np.sort(_require_amounts("values", values))
    n = array.size
    ranks = np.arange(1, n + 1)
    value = 2.0 * np.sum(ranks * array) / (n * array.sum()) - (n + 1.0) / n
    return float(min(1.0, max(0.0, value)))


def top_share(values: Sequence[float] | np.ndarray, top: float = 0.2) -> float:
    """Share of the total held by the top ``top`` share of ``values`` (read off the Lorenz curve,
    interpolating between people when ``top * n`` is not a whole number).

    >>> top_share([1, 1, 1, 1, 6], top=0.2)
    0.6
    """
    t = require_share("top", top)
    population, held = lorenz_curve(values)
    return float(1.0 - np.interp(1.0 - t, population, held))


def _top_share_by_partition(values: np.ndarray, top: float) -> float:
    """``top_share`` for a checked array, in linear time (a partition instead of a sort)."""
    n = values.size
    position = (1.0 - top) * n
    below = min(int(math.floor(position)), n - 1)
    part = np.partition(values, below)
    held = part[:below].sum() + (position - below) * part[below]
    return float(1.0 - held / values.sum())


# --- samplers -------------------------------------------------------------------------------------


def sample_pareto(alpha: float, size: int, x_min: float = 1.0,
                  seed: int | np.random.Generator | None = 0) -> np.ndarray:
    """Draw ``size`` values from a Pareto distribution with Pareto's ``alpha`` (P(X > x) =
    (x_min / x)**alpha), by inverting its distribution function.

    >>> values = sample_pareto(3.0, 200_000, seed=1)
    >>> abs(gini(values) - gini_pareto(3.0)) < 0.01
    True
    """
    a = require_number("alpha", alpha, low=0.1, high=1000)
    n = require_count("size", size)
    low = require_number("x_min", x_min, low=1e-100, high=1e100)
    rng = require_rng("seed", seed)
    require_memory("size", size, 16.0 * n, "the sample (two arrays of 8 bytes a value)")
    return low * (1.0 - rng.random(n)) ** (-1.0 / a)


def sample_power_law(alpha: float, x_min: float, size: int, discrete: bool = False,
                     seed: int | np.random.Generator | None = 0) -> np.ndarray:
    """Draw ``size`` values with density ``p(x) ~ x**-alpha`` for ``x >= x_min`` (the convention
    of ``fit_power_law``; Pareto's alpha is this alpha minus one).

    Discrete values are exact for the first 2**16 integers above ``x_min`` (inverse transform on
    the Hurwitz-zeta distribution function) and use the continuous approximation of Clauset et al.
    beyond, where it is accurate.

    >>> sample_power_law(2.5, 5, 6, discrete=True, seed=1).tolist()
    [7.0, 34.0, 5.0, 33.0, 6.0, 7.0]
    """
    a = require_number("alpha", alpha, low=1.1, high=1000)
    n = require_count("size", size)
    is_discrete = require_bool("discrete", discrete)
    low = _require_x_min(x_min, is_discrete)
    rng = require_rng("seed", seed)
    require_memory("size", size, 40.0 * n, "the sample (five arrays of 8 bytes a value)")
    u = rng.random(n)
    if not is_discrete:
        return low * (1.0 - u) ** (-1.0 / (a - 1.0))
    table = low + np.arange(2**16, dtype=float)
    survival = special.zeta(a, table) / special.zeta(a, low)  # P(X >= k)
    cdf_below = 1.0 - survival  # P(X < k)
    index = np.searchsorted(cdf_below, u, side="right") - 1
    values = table[index]
    beyond = index == table.size - 1
    if np.any(beyond):
        last = table[-1]
        tail_u = (u[beyond] - cdf_below[-1]) / survival[-1]
        tail_u = np.clip(tail_u, 0.0, 1.0 - 1e-16)
        values[beyond] = np.floor((last - 0.5) * (1.0 - tail_u) ** (-1.0 / (a - 1.0)) + 0.5)
    return values


def simulate_reactions(posts: int = 5_000, mu: float = 1.5, sigma: float = 1.3,
                       seed: int | np.random.Generator | None = 0) -> np.ndarray:
    """A simulated data set: reactions per post, drawn from a log-normal and rounded down.

    The parameters are illustrative, not measured on any platform. The data are heavy-tailed and
    look roughly straight on a log-log plot, yet they are not a power law: a fair test says so.

    >>> reactions = simulate_reactions(1000, seed=3)
    >>> int(reactions.min()) >= 0, reactions.size
    (True, 1000)
    """
    n = require_count("posts", posts)
    # exp(15 + 4 x 8.3), the largest draw a float64 normal gives, is about 1e21: always finite.
    centre = require_number("mu", mu, low=-10, high=15)
    spread = require_number("sigma", sigma, low=0, high=4, low_open=True)
    rng = require_rng("seed", seed)
    require_memory("posts", posts, 16.0 * n, "the data set (8 bytes a post)")
    return np.floor(rng.lognormal(centre, spread, n))


def degrees(graph) -> np.ndarray:
    """The degree of every node, as a float array (ready for fitting), in node order.

    ``graph`` is anything the rest of the package reads (:func:`socialmath.graphs.as_graph`): a
    networkx graph, a scipy.sparse adjacency matrix or a :class:`socialmath.graphs.Graph`. The
    convention is the package's: contacts are counted once, so a self-loop adds nothing and
    repeated edges of a multigraph count once (networkx's own ``degree`` counts both).

    >>> import networkx as nx
    >>> degrees(nx.path_graph(3)).tolist()
    [1.0, 2.0, 1.0]
    """
    from socialmath.graphs import as_graph

    g, _ = as_graph(graph)
    return g.degrees.astype(float)


# --- one Pareto population, in theory and in a sample ---------------------------------------------

#: Population shares at which ``ParetoProfile`` samples its Lorenz curves (201 points).
LORENZ_GRID = np.linspace(0.0, 1.0, 201)


@dataclass(frozen=True, eq=False)
class ParetoProfile:
    """What a Pareto alpha implies, and what a sample of ``sample_size`` people shows instead.

    ``lorenz`` and ``sample_lorenz`` are the Lorenz curves at ``LORENZ_GRID``; ``top20_range`` is
    the lowest and highest top-20% share over ``repeats`` samples of the same size.
    """

    alpha: float
    gini: float
    top20: float
    top1: float
    sample_size: int
    seed: int
    sample_gini: float
    sample_top20: float
    sample_top1: float
    top20_range: tuple[float, float]
    lorenz: np.ndarray
    sample_lorenz: np.ndarray


def pareto_profile(alpha: float, sample_size: int = 1000, seed: int = 0,
                   repeats: int = 20) -> ParetoProfile:
    """Gini and top shares of a Pareto(alpha) population, and of seeded samples from it.

    >>> profile = pareto_profile(1.5, sample_size=1000, seed=0)
    >>> round(profile.top20, 3), round(profile.gini, 3)
    (0.585, 0.5)
    >>> profile.top20_range[0] < profile.top20 < profile.top20_range[1]
    True
    """
    a = _require_pareto_alpha(alpha)
    n = require_integer("sample_size", sample_size, low=10, high=1_000_000)
    start = require_integer("seed", seed, low=0)
    times = require_integer("repeats", repeats, low=1, high=1000)
    rng = np.random.default_rng(start)
    samples = [sample_pareto(a, n, seed=rng) for _ in range(times)]
    first = samples[0]
    population, held = lorenz_curve(first)
    top20s = [top_share(first, 0.2)] + [_top_share_by_partition(sample, 0.2)
                                        for sample in samples[1:]]
    return ParetoProfile(
        alpha=a, gini=gini_pareto(a), top20=share_of_top(a, 0.2), top1=share_of_top(a, 0.01),
        sample_size=n, seed=start, sample_gini=gini(first), sample_top20=top20s[0],
        sample_top1=top_share(first, 0.01), top20_range=(min(top20s), max(top20s)),
        lorenz=lorenz_pareto(a, LORENZ_GRID),
        sample_lorenz=np.interp(LORENZ_GRID, population, held))


# --- fitting a power law (Clauset, Shalizi & Newman 2009) -----------------------------------------


@dataclass(frozen=True)
class Comparison:
    """A likelihood-ratio test of the power law against another distribution (Vuong's test).

    ``ratio`` is the log-likelihood ratio R (positive: the power law fits better);
    ``normalised_ratio`` is R divided by its standard deviation (sqrt(n) times the spread of the
    pointwise ratios); ``p_value`` is the two-sided significance of the sign of R.
    """

    alternative: str
    ratio: float
    normalised_ratio: float
    p_value: float
    parameters: tuple[float, ...]

    @property
    def verdict(self) -> str:
        """Which distribution the data favour, or that they cannot tell them apart (p >= 0.1)."""
        if self.p_value >= 0.1:
            return "undecided"
        return "power law" if self.ratio > 0 else self.alternative


@dataclass(frozen=True)
class PowerLawFit:
    """A power-law fit of a data set's tail: ``p(x) ~ x**-alpha`` for ``x >= x_min``.

    ``p_value`` is the bootstrap goodness-of-fit p-value (NaN when no bootstrap was run): small
    values (below 0.1) rule the power law out. ``comparisons`` hold the likelihood-ratio tests.
    """

    alpha: float
    x_min: float
    discrete: bool
    n: int
    n_tail: int
    ks_distance: float
    standard_error: float
    candidates: int
    p_value: float = math.nan
    bootstraps: int = 0
    comparisons: tuple[Comparison, ...] = ()

    @property
    def pareto_alpha(self) -> float:
        """Pareto's alpha for the same tail: the exponent of P(X > x), ``alpha - 1``."""
        return self.alpha - 1.0

    def comparison(self, alternative: str) -> Comparison:
        """The comparison against ``alternative`` ("lognormal" or "exponential")."""
        if not isinstance(alternative, str):
            raise TypeError(f"alternative must be a string (\"lognormal\" or \"exponential\"), "
                            f"got {alternative!r} ({type(alternative).__name__})")
        for item in self.comparisons:
            if item.alternative == alternative:
                return item
        names = [item.alternative for item in self.comparisons]
        if not names:
            raise ValueError(f"alternative {alternative!r} was not compared: this fit was made "
                             f"with compare=False, so it holds no comparison")
        return require_choice("alternative", alternative, names)  # raises: it is not there

    def survival(self, x) -> np.ndarray:
        """P(X >= x) under the fitted power law, for ``x >= x_min`` (the tail's own share).

        >>> fit = PowerLawFit(alpha=2.0, x_min=1.0, discrete=False, n=10, n_tail=10,
        ...                   ks_distance=0.0, standard_error=0.3, candidates=1)
        >>> fit.survival([1.0, 4.0]).tolist()
        [1.0, 0.25]
        """
        points = np.asarray(require_number_or_array("x", x, low=self.x_min))
        return _power_law_survival(points, self.alpha, self.x_min, self.discrete)

    def lognormal_survival(self, x) -> np.ndarray:
        """P(X >= x) under the log-normal of the likelihood-ratio comparison, truncated at
        ``x_min`` like the power law, for ``x >= x_min`` (a ``ValueError`` if the fit was made
        without comparisons)."""
        points = np.asarray(require_number_or_array("x", x, low=self.x_min))
        mu, sigma = self.comparison("lognormal").parameters
        shift = 0.5 if self.discrete else 0.0
        values = np.log(points - shift)
        start = special.log_ndtr(-(math.log(self.x_min - shift) - mu) / sigma)
        return np.exp(special.log_ndtr(-(values - mu) / sigma) - start)

    def summary(self) -> str:
        """A few lines that state the fit and its tests, rounded for display."""
        lines = [f"power law: alpha = {self.alpha:.2f} ± {self.standard_error:.2f}, "
                 f"x_min = {self.x_min:g}, tail of {self.n_tail:,} of {self.n:,} values"]
        if self.bootstraps:
            lines.append(f"goodness of fit: p = {self.p_value:.2f} ({self.bootstraps} bootstraps; "
                         f"p < 0.1 rules the power law out)")
        for item in self.comparisons:
            lines.append(f"vs {item.alternative}: R = {item.ratio:.1f}, normalised "
                         f"{item.normalised_ratio:.2f}, p = {item.p_value:.3f} -> {item.verdict}")
        return "\n".join(lines)


def _require_x_min(x_min: object, discrete: bool) -> float:
    """A positive x_min; for discrete data, a whole number >= 1 (5 and 5.0 are both accepted)."""
    if not discrete:
        return require_positive("x_min", x_min)
    number = require_number("x_min", x_min, low=1)
    if not number.is_integer():
        raise ValueError(f"x_min must be a whole number >= 1 for discrete data, got {x_min!r}")
    return number


def _require_fit_data(values: object, discrete: bool) -> np.ndarray:
    array = require_array("values", values)
    array = np.sort(array[array > 0])
    if np.unique(array).size < 2:
        raise ValueError("values must hold at least two distinct positive values to fit a tail, "
                         f"got {np.unique(array).size}")
    if discrete and not np.all(array == np.floor(array)):
        raise ValueError("values must be whole numbers when discrete=True, got a fraction")
    if array[-1] / 1e308 > array[0]:  # the fit divides every value by x_min
        raise ValueError(f"values must span less than 1e308 (largest / smallest positive), got "
                         f"{array[0]:g} to {array[-1]:g}")
    return array


def _continuous_alpha(tail: np.ndarray, x_min: float) -> float:
    return float(1.0 + tail.size / np.sum(np.log(tail / x_min)))


def _discrete_alpha(log_sum: float, n: int, x_min: float) -> float:
    def negative_log_likelihood(a: float) -> float:
        return a * log_sum + n * math.log(special.zeta(a, x_min))

    result = optimize.minimize_scalar(negative_log_likelihood, bounds=_EXPONENT_BOUNDS,
                                      method="bounded", options={"xatol": 1e-9})
    return float(result.x)


def _power_law_survival(x: np.ndarray, alpha: float, x_min: float, discrete: bool) -> np.ndarray:
    """P(X >= x) for a power law from ``x_min`` (Hurwitz zeta ratio when discrete)."""
    if discrete:
        return special.zeta(alpha, x) / special.zeta(alpha, x_min)
    return (x / x_min) ** (1.0 - alpha)


def _power_law_cdf_below(x: np.ndarray, alpha: float, x_min: float, discrete: bool) -> np.ndarray:
    """P(X < x) for the fitted power law (equal to P(X <= x) when continuous)."""
    return 1.0 - _power_law_survival(x, alpha, x_min, discrete)


def _ks_distance(tail: np.ndarray, alpha: float, x_min: float, discrete: bool) -> float:
    """Largest gap between the data's and the model's fraction of values below each data value."""
    points, first = np.unique(tail, return_index=True)
    empirical = first / tail.size
    model = _power_law_cdf_below(points, alpha, x_min, discrete)
    return float(np.max(np.abs(model - empirical)))


def _fit_tail(data: np.ndarray, x_min: float, discrete: bool) -> tuple[float, float, int]:
    """alpha, KS distance and tail size for a fixed x_min (``data`` sorted)."""
    tail = data[np.searchsorted(data, x_min, side="left"):]
    if discrete:
        alpha = _discrete_alpha(float(np.sum(np.log(tail))), tail.size, x_min)
    else:
        alpha = _continuous_alpha(tail, x_min)
    return alpha, _ks_distance(tail, alpha, x_min, discrete), int(tail.size)


def _candidates(data: np.ndarray, max_candidates: int) -> np.ndarray:
    """Every distinct value but the largest, thinned evenly to ``max_candidates`` if needed."""
    distinct = np.unique(data)[:-1]
    if distinct.size <= max_candidates:
        return distinct
    picks = np.unique(np.round(np.linspace(0, distinct.size - 1, max_candidates)).astype(int))
    return distinct[picks]


def _scan(data: np.ndarray, discrete: bool, max_candidates: int,
          x_min: float | None) -> tuple[float, float, float, int, int]:
    """The x_min with the smallest KS distance: (alpha, x_min, distance, tail size, candidates)."""
    candidates = np.array([x_min]) if x_min is not None else _candidates(data, max_candidates)
    best = None
    for candidate in candidates:
        alpha, distance, n_tail = _fit_tail(data, float(candidate), discrete)
        if best is None or distance < best[2]:
            best = (alpha, float(candidate), distance, n_tail)
    return (*best, int(candidates.size))


def fit_power_law(values: Sequence[float] | np.ndarray, discrete: bool = False, *,
                  x_min: float | None = None, max_candidates: int = 300, bootstraps: int = 0,
                  seed: int | np.random.Generator | None = 0,
                  progress: Callable[[int, int], None] | None = None,
                  compare: bool = True) -> PowerLawFit:
    """Fit a power law to the tail of ``values`` the way Clauset, Shalizi & Newman (2009) do.

    * ``alpha`` by maximum likelihood for each candidate ``x_min`` (closed form when continuous;
      numerically, with the Hurwitz zeta function, when discrete);
    * ``x_min`` as the candidate with the smallest Kolmogorov-Smirnov distance between the data
      and the fitted law (every distinct value, thinned to ``max_candidates``; or the one given);
    * with ``bootstraps > 0``, a goodness-of-fit p-value (see ``goodness_of_fit``);
    * with ``compare``, likelihood-ratio tests against a log-normal and an exponential tail.

    Values <= 0 are dropped, as the ``powerlaw`` package does. Unlike that package's default,
    any fitted alpha > 1 is accepted (``powerlaw`` discards x_min candidates whose alpha is 3 or
    more), so on data whose best-fitting tail is steeper than 3 the two can choose different x_min.
    The standard error is (alpha - 1) / sqrt(n_tail), exact for continuous data and an
    approximation for discrete data.

    >>> data = sample_power_law(2.5, 1, 5000, seed=2)
    >>> fit = fit_power_law(data)
    >>> round(fit.alpha, 1), fit.comparison("exponential").verdict
    (2.5, 'power law')
    """
    is_discrete = require_bool("discrete", discrete)
    data = _require_fit_data(values, is_discrete)
    fixed = None if x_min is None else _require_x_min(x_min, is_discrete)
    if fixed is not None and np.count_nonzero(data >= fixed) < 2:
        raise ValueError(f"x_min must leave at least two values in the tail, got {x_min!r}")
    if fixed is not None and data[-1] / 1e308 > fixed:  # the fit divides every value by x_min
        raise ValueError(f"x_min must be >= {data[-1] / 1e308:.3g} (the largest value / 1e308), "
                         f"got {x_min!r}")
    cap = require_integer("max_candidates", max_candidates, low=1, high=100_000)
    n_boot = require_integer("bootstraps", bootstraps, low=0, high=10_000)
    rng = require_rng("seed", seed)
    if progress is not None and not callable(progress):
        raise TypeError(f"progress must be None or a function (done, total), got {progress!r}")
    want_comparisons = require_bool("compare", compare)

    alpha, best_x_min, distance, n_tail, n_candidates = _scan(data, is_discrete, cap, fixed)
    fit = PowerLawFit(alpha=alpha, x_min=best_x_min, discrete=is_discrete, n=int(data.size),
                      n_tail=n_tail, ks_distance=distance,
                      standard_error=(alpha - 1.0) / math.sqrt(n_tail), candidates=n_candidates)
    comparisons = compare_distributions(data, fit) if want_comparisons else ()
    p_value = math.nan
    if n_boot:
        p_value = goodness_of_fit(data, fit, bootstraps=n_boot, seed=rng, progress=progress,
                                  max_candidates=cap, fixed_x_min=fixed is not None)
    return replace(fit, p_value=p_value, bootstraps=n_boot, comparisons=comparisons)


def goodness_of_fit(values: Sequence[float] | np.ndarray, fit: PowerLawFit, bootstraps: int = 100,
                    seed: int | np.random.Generator | None = 0,
                    progress: Callable[[int, int], None] | None = None,
                    max_candidates: int = 300, fixed_x_min: bool = False) -> float:
    """Bootstrap p-value of a power-law fit (Clauset et al. 2009, section 4.1).

    Each synthetic data set has the size of the original: values below ``x_min`` are resampled
    from the data, the tail is drawn from the fitted law, and the whole fit (``x_min`` included)
    is redone. The p-value is the share of synthetic sets that fit *worse* than the data (larger
    KS distance). Time is bounded by ``bootstraps`` (at most 10,000) and ``max_candidates``; each
    finished bootstrap calls ``progress(done, total)``.

    >>> data = sample_power_law(2.5, 1, 500, seed=4)
    >>> fit = fit_power_law(data, compare=False)
    >>> 0.1 < goodness_of_fit(data, fit, bootstraps=20, seed=1) <= 1
    True
    """
    if not isinstance(fit, PowerLawFit):
        raise TypeError(f"fit must be a PowerLawFit, got {type(fit).__name__}")
    data = _require_fit_data(values, fit.discrete)
    n_boot = require_integer("bootstraps", bootstraps, low=1, high=10_000)
    rng = require_rng("seed", seed)
    cap = require_integer("max_candidates", max_candidates, low=1, high=100_000)
    if progress is not None and not callable(progress):
        raise TypeError(f"progress must be None or a function (done, total), got {progress!r}")
    fixed = require_bool("fixed_x_min", fixed_x_min)
    body = data[data < fit.x_min]
    tail_share = np.count_nonzero(data >= fit.x_min) / data.size
    worse = 0
    for done in range(1, n_boot + 1):
        n_tail = int(rng.binomial(data.size, tail_share))
        synthetic = np.concatenate([
            rng.choice(body, data.size - n_tail) if body.size else np.empty(0),
            sample_power_law(fit.alpha, fit.x_min, n_tail, discrete=fit.discrete, seed=rng),
        ])
        synthetic = np.sort(synthetic)
        if np.unique(synthetic).size >= 2:
            *_, distance, _, _ = _scan(synthetic, fit.discrete, cap,
                                       fit.x_min if fixed else None)
            worse += distance >= fit.ks_distance
        if progress is not None:
            progress(done, n_boot)
    return worse / n_boot


def text_progress(every: int = 10, label: str = "bootstrap") -> Callable[[int, int], None]:
    """A ``progress`` callback that prints one line every ``every`` steps (for notebooks), on
    stderr like any progress report (``tqdm``'s, or a long distance search's), so that stdout
    holds only results.

    >>> import contextlib
    >>> report = text_progress(every=2)
    >>> with contextlib.redirect_stderr(sys.stdout):  # shown here, where stdout is checked
    ...     for done in range(1, 5):
    ...         report(done, 4)
    bootstrap 2/4
    bootstrap 4/4
    """
    step = require_integer("every", every, low=1)
    if not isinstance(label, str):
        raise TypeError(f"label must be a string, got {label!r}")

    def report(done: int, total: int) -> None:
        if done % step == 0 or done == total:
            print(f"{label} {done}/{total}", file=sys.stderr, flush=True)

    return report


# --- alternatives: log-normal and exponential tails -----------------------------------------------


def _power_law_log_pdf(tail: np.ndarray, fit: PowerLawFit) -> np.ndarray:
    a, low = fit.alpha, fit.x_min
    if fit.discrete:
        return -a * np.log(tail) - math.log(special.zeta(a, low))
    return math.log((a - 1.0) / low) - a * np.log(tail / low)


def _exponential_log_pdf(tail: np.ndarray, x_min: float, discrete: bool
                         ) -> tuple[np.ndarray, tuple[float, ...]]:
    excess = tail - x_min
    mean_excess = max(float(excess.mean()), 1e-12)
    if discrete:
        rate = math.log1p(1.0 / mean_excess)
        return math.log(-math.expm1(-rate)) - rate * excess, (rate,)
    rate = 1.0 / mean_excess
    return math.log(rate) - rate * excess, (rate,)


def _log_normal_cdf_gap(upper: np.ndarray, lower: np.ndarray) -> np.ndarray:
    """log(Phi(upper) - Phi(lower)) for standard-normal quantiles, stable in both tails."""
    flip = lower > 0
    hi = np.where(flip, -lower, upper)
    lo = np.where(flip, -upper, lower)
    log_hi = special.log_ndtr(hi)
    log_lo = special.log_ndtr(lo)
    return log_hi + np.log1p(-np.exp(np.minimum(log_lo - log_hi, -1e-300)))


def _log_normal_log_pdf(tail: np.ndarray, x_min: float, discrete: bool, mu: float,
                        sigma: float) -> np.ndarray:
    if discrete:
        upper = (np.log(tail + 0.5) - mu) / sigma
        lower = (np.log(tail - 0.5) - mu) / sigma
        start = (math.log(x_min - 0.5) - mu) / sigma
        return _log_normal_cdf_gap(upper, lower) - special.log_ndtr(-start)
    z = (np.log(tail) - mu) / sigma
    start = (math.log(x_min) - mu) / sigma
    return (-0.5 * z**2 - np.log(tail * sigma * math.sqrt(2.0 * math.pi))
            - special.log_ndtr(-start))


def _log_normal_cost(tail: np.ndarray, x_min: float, discrete: bool
                     ) -> Callable[[float, float], float]:
    """Negative log-likelihood of a log-normal truncated at ``x_min``, as a function of (mu,
    sigma), computed from sufficient statistics (continuous) or from distinct values (discrete),
    so each evaluation is cheap however long the tail."""
    n = tail.size
    if discrete:
        points, counts = np.unique(tail, return_counts=True)
        log_upper, log_lower = np.log(points + 0.5), np.log(points - 0.5)
        log_start = math.log(x_min - 0.5)

        def cost(mu: float, sigma: float) -> float:
            gaps = _log_normal_cdf_gap((log_upper - mu) / sigma, (log_lower - mu) / sigma)
            return float(-np.dot(counts, gaps)
                         + n * special.log_ndtr(-(log_start - mu) / sigma))
        return cost

    logs = np.log(tail)
    s1, s2 = float(logs.sum()), float(np.dot(logs, logs))
    log_start = math.log(x_min)

    def cost(mu: float, sigma: float) -> float:
        squares = s2 - 2.0 * mu * s1 + n * mu * mu
        return float(n * math.log(sigma) + squares / (2.0 * sigma * sigma) + s1
                     + 0.5 * n * math.log(2.0 * math.pi)
                     + n * special.log_ndtr(-(log_start - mu) / sigma))
    return cost


def _fit_log_normal(tail: np.ndarray, x_min: float, discrete: bool
                    ) -> tuple[np.ndarray, tuple[float, ...]]:
    logs = np.log(tail)
    start = np.array([logs.mean(), math.log(max(logs.std(), 1e-3))])
    negative_log_likelihood = _log_normal_cost(tail, x_min, discrete)

    def cost(params: np.ndarray) -> float:
        mu, log_sigma = params
        value = negative_log_likelihood(mu, math.exp(np.clip(log_sigma, -10.0, 5.0)))
        return value if np.isfinite(value) else 1e300

    result = optimize.minimize(cost, start, method="Nelder-Mead",
                               options={"xatol": 1e-7, "fatol": 1e-9, "maxiter": 4000})
    mu, sigma = float(result.x[0]), math.exp(float(np.clip(result.x[1], -10.0, 5.0)))
    return _log_normal_log_pdf(tail, x_min, discrete, mu, sigma), (mu, sigma)


def _vuong(name: str, power_law: np.ndarray, other: np.ndarray,
           parameters: tuple[float, ...]) -> Comparison:
    pointwise = power_law - other
    ratio = float(pointwise.sum())
    spread = float(pointwise.std())
    if spread == 0.0:
        return Comparison(name, ratio, 0.0, 1.0, parameters)
    normalised = ratio / (spread * math.sqrt(pointwise.size))
    p_value = float(special.erfc(abs(normalised) / math.sqrt(2.0)))
    return Comparison(name, ratio, normalised, p_value, parameters)


def compare_distributions(values: Sequence[float] | np.ndarray, fit: PowerLawFit
                          ) -> tuple[Comparison, ...]:
    """Likelihood-ratio tests of the fitted power law against a log-normal and an exponential, each
    fitted by maximum likelihood to the same tail (``x >= x_min``) (Clauset et al. 2009, sec. 5).

    >>> rng = np.random.default_rng(5)
    >>> data = rng.lognormal(0.0, 1.0, 3000)
    >>> fit = fit_power_law(data, x_min=float(np.quantile(data, 0.3)), compare=False)
    >>> compare_distributions(data, fit)[0].verdict
    'lognormal'
    """
    if not isinstance(fit, PowerLawFit):
        raise TypeError(f"fit must be a PowerLawFit, got {type(fit).__name__}")
    data = _require_fit_data(values, fit.discrete)
    tail = data[data >= fit.x_min]
    power_law = _power_law_log_pdf(tail, fit)
    log_normal, log_normal_params = _fit_log_normal(tail, fit.x_min, fit.discrete)
    exponential, exponential_params = _exponential_log_pdf(tail, fit.x_min, fit.discrete)
    return (_vuong("lognormal", power_law, log_normal, log_normal_params),
            _vuong("exponential", power_law, exponential, exponential_params))
