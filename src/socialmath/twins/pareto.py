"""Chapter 2's twin: how unequal is 80/20 (ParetoExplorer).

The population's Lorenz curve, its Gini index and the top shares are closed forms in alpha. The
random sample is the explorer's own: its values are (1 - u)^(-1/alpha) for uniform draws u of
the seeded generator, so the page carries the sorted 1 - u of each sample size once and raises
them to the power -1/alpha itself, whatever alpha the sliders give.

>>> numbers = TWIN.evaluate(TWIN.values(alpha=1.5))
>>> round(numbers["top20"], 3), numbers["gini"]
(0.585, 0.5)
"""

from __future__ import annotations

import numpy as np

from socialmath.pareto import LORENZ_GRID, lorenz_curve, sample_pareto
from socialmath.plots.style import PALETTE
from socialmath.twins import layers
from socialmath.twins.base import Table, Twin
from socialmath.twins.expr import Expr, datum, equal, log, percent, pow_, where
from socialmath.widgets.pareto import SAMPLE_SIZES, ParetoExplorer

#: The sample sizes the page carries (their draws weigh about 10 bytes each).
TWIN_SAMPLE_SIZES = tuple(n for n in SAMPLE_SIZES if n <= 10_000)
#: The explorer's default seed, which the twin keeps.
SEED = 0
SIZE = 400


def draws(n: int, seed: int = SEED) -> np.ndarray:
    """1 - u for the first ``n`` uniform draws of ``default_rng(seed)``, largest first: the
    sample ``pareto_profile`` draws first is these to the power -1/alpha, smallest first."""
    return np.sort(1.0 - np.random.default_rng(seed).random(n))[::-1]


def tables(twin: Twin) -> list[Table]:
    # each list starts with 0, which stands for the curve's (0, 0) point
    rows = [{"sample_size": n, "v": [0.0, *(float(f"{v:.7g}") for v in draws(n))]}
            for n in TWIN_SAMPLE_SIZES]
    return [Table("samples", {"sample_size": TWIN_SAMPLE_SIZES}, rows)]


def chosen_alpha(set_by, alpha, top, share):
    """Alpha as set: directly, or from "the top x% hold y%" (``pareto.alpha_for_share``)."""
    from_shares = 1 / (1 - log(share) / log(top))
    return where(equal(set_by, "alpha"), alpha, from_shares)


def lorenz(population, alpha):
    """The Lorenz curve of a Pareto population (``pareto.lorenz_pareto``)."""
    return 1 - pow_(1 - population, 1 - 1 / alpha)


def formulas(set_by, alpha, top, share, sample_size, tables=None):
    a = chosen_alpha(set_by, alpha, top, share)
    top20 = pow_(0.2, 1 - 1 / a)
    top1 = pow_(0.01, 1 - 1 / a)
    return {
        "chosen_alpha": a,
        "gini": 1 / (2 * a - 1),
        "top20": top20,
        "top1": top1,
        "title": "alpha " + _two_decimals(a) + ": top 20% hold " + percent(top20)
        + ", top 1% hold " + percent(top1),
    }


def _two_decimals(value):
    return Expr(f"format({value.code}, '.2f')") if isinstance(value, Expr) else f"{value:.2f}"


def model(twin: Twin, values: dict) -> dict:
    profile = twin.compute({**values, "seed": SEED})
    return {"chosen_alpha": profile.alpha, "gini": profile.gini, "top20": profile.top20,
            "top1": profile.top1}


def drawn(twin: Twin, values: dict) -> dict:
    """The population's curve on the explorer's grid, and the explorer's first sample's Lorenz
    curve at every point (``pareto_profile`` draws that sample first)."""
    alpha = twin.compute({**values, "seed": SEED}).alpha
    sample = sample_pareto(alpha, values["sample_size"],
                           seed=np.random.default_rng(SEED))
    population, held = lorenz_curve(sample)
    theory = twin.compute({**values, "seed": SEED}).lorenz
    return {"theory_marks": (("population", "held"),
                             [[float(p), float(h)] for p, h in zip(LORENZ_GRID, theory,
                                                                   strict=True)]),
            "sample_marks": (("population", "held"),
                             [[float(p), float(h)] for p, h in zip(population, held,
                                                                   strict=True)])}


def chart(twin: Twin):
    import altair as alt

    x = alt.X("population:Q", title="share of people, poorest first",
              scale=alt.Scale(domain=[0, 1], nice=False), axis=alt.Axis(format="%"))
    y = alt.Y("held:Q", title="share of the total they hold",
              scale=alt.Scale(domain=[0, 1], nice=False), axis=alt.Axis(format="%"))
    equal_line = alt.Chart(alt.Data(values=[{"population": 0, "held": 0},
                                            {"population": 1, "held": 1}])).mark_line(
        color=PALETTE["grey"], strokeDash=[4, 4], strokeWidth=1).encode(x=x, y=y)
    steps = len(LORENZ_GRID) - 1
    theory = alt.Chart(alt.sequence(0, steps + 1, as_="i"), name="theory").transform_calculate(
        population=f"datum.i / {steps}",
    ).transform_calculate(
        held=str(lorenz(datum("population"), layers.signals("chosen_alpha")[0])),
    ).mark_line(color=PALETTE["blue"], strokeWidth=2.5).encode(x=x, y=y)
    a = layers.signals("chosen_alpha")[0]
    sample = alt.Chart(alt.NamedData("samples"), name="sample").transform_filter(
        "datum.sample_size === sample_size"
    ).transform_flatten(["v"]).transform_window(
        i="row_number()",
    ).transform_calculate(
        x=str(where(datum("v") > 0, pow_(datum("v"), -1 / a), 0)),
    ).transform_window(
        cumulative="sum(x)", frame=[None, 0], sort=[alt.SortField("i")],
    ).transform_joinaggregate(
        total="sum(x)",
    ).transform_calculate(
        population="(datum.i - 1) / sample_size", held="datum.cumulative / datum.total",
    ).mark_line(color=PALETTE["orange"], strokeWidth=1.5).encode(x=x, y=y, order="i:Q")
    top20 = layers.point("0.8", "1 - top20", PALETTE["vermillion"], "top 20% begin",
                         name="top20")
    top1 = layers.point("0.99", "1 - top1", PALETTE["purple"], "top 1%", name="top1",
                        shape="square", size=80)
    legend = alt.Chart(alt.Data(values=[
        {"population": 0.03, "held": 0.93, "text": "population", "colour": PALETTE["blue"]},
        {"population": 0.03, "held": 0.87, "text": "one random sample (seed 0)",
         "colour": PALETTE["orange"]}])).mark_text(align="left", fontSize=11).encode(
        x=x, y=y, text="text:N", color=alt.Color("colour:N", scale=None))
    return alt.layer(equal_line, theory, sample, top20, top1, legend).properties(
        width=SIZE, height=SIZE, title=alt.Title(alt.ExprRef("title")))


TWIN = Twin(
    explorer=ParetoExplorer,
    controls=("set_by", "alpha", "top", "share", "sample_size"),
    fixed={"seed": SEED},
    only={"sample_size": TWIN_SAMPLE_SIZES},
    formulas=formulas,
    model=model,
    chart=chart,
    drawn=drawn,
    tables=tables,
    title="How unequal is 80/20?",
    description="The Lorenz curve of a Pareto population for the chosen alpha, with one random "
                "sample's curve, and where the top 20% and the top 1% begin.",
    note=f"The sample is the explorer's seed {SEED}, up to {max(TWIN_SAMPLE_SIZES):,} people; "
         f"the notebook also offers other seeds, larger samples and the range over 20 samples.",
    tolerance={"sample_marks": 1e-5},
)
