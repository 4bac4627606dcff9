"""Chapter 3's twins: Watts and Strogatz's small world (SmallWorldExplorer), and your network by
LinkedIn degree (YourNetworkExplorer, all formulas: ``REACH_TWIN``).

Mean distance and clustering need a graph, so the page carries a table the model computed with
the explorer's own function (``widgets.separation.small_world``, seed 0) at every position of
the explorer's sliders: each network size n, each number of ring neighbours k and each rewiring
share p on the slider's log grid (41 values from 1e-4 to 1), with the sweep curve for each n and
k. The sliders pick the row.

>>> from socialmath.twins.base import Table
>>> small = Table("small_world", {"n": (200,), "k": (4,), "p_step": (0, 1)},
...               [{"distance": 1.0}, {"distance": 0.9}])
>>> small.at("distance", n=200, k=4, p_step=1)
0.9
"""

from __future__ import annotations

import math

from socialmath.plots.separation import P_LIMITS, REACH_LIMITS, REACH_TOP
from socialmath.plots.style import PALETTE
from socialmath.twins import layers
from socialmath.twins.base import HEIGHT, WIDTH, Table, Twin
from socialmath.twins.expr import (
    Expr,
    exp,
    format_count,
    lines,
    log10,
    minimum,
    percent,
    round_,
)
from socialmath.widgets.separation import (
    CURVE_P,
    NEIGHBOURS,
    POPULATION,
    SIZES,
    SmallWorldExplorer,
    YourNetworkExplorer,
    small_world,
)

#: The rewiring slider's step, in powers of ten, and its positions (0 = 1e-4 ... 40 = 1).
P_STEP = 0.1
P_STEPS = tuple(range(round((math.log10(P_LIMITS[1]) - math.log10(P_LIMITS[0])) / P_STEP) + 1))
SEED = 0


def p_at(step: int) -> float:
    """The rewiring share at a position of the slider."""
    return float(10 ** round(math.log10(P_LIMITS[0]) + step * P_STEP, 6))


def tables(twin: Twin) -> list[Table]:
    """Every slider position's graph (``small_world``), and each n and k's sweep curve."""
    rows, curves = [], []
    for n in SIZES:
        for k in NEIGHBOURS:
            curve = small_world(n, k, 0.0, SEED).curve
            curves.append({"n": n, "k": k, "p": [float(p) for p in CURVE_P],
                           "distance": [round(float(v), 6) for v in curve.relative_distance],
                           "clustering": [round(float(v), 6)
                                          for v in curve.relative_clustering]})
            for step in P_STEPS:
                point = small_world(n, k, p_at(step), SEED)
                rows.append({"mean_distance": round(point.mean_distance, 6),
                             "clustering": round(point.clustering, 6),
                             "relative_distance": round(point.relative_distance, 6),
                             "relative_clustering": round(point.relative_clustering, 6)})
    return [Table("small_world", {"n": SIZES, "k": NEIGHBOURS, "p_step": P_STEPS}, rows),
            Table("sweep", {"n": SIZES, "k": NEIGHBOURS}, curves)]


def formulas(n, k, p, tables):
    """The row of the chosen graph: the sliders' n, k and p's position on its grid."""
    step = round_((log10(p) - math.log10(P_LIMITS[0])) / P_STEP, 0)
    table = tables["small_world"]
    at = {name: table.at(name, n=n, k=k, p_step=step)
          for name in ("mean_distance", "clustering", "relative_distance",
                       "relative_clustering")}
    return {**at,
            "title": lines("At p = " + _short(p) + ", distances shrink to "
                           + percent(at["relative_distance"]) + " of the ring's",
                           "while clustering keeps " + percent(at["relative_clustering"]))}


def _short(p):
    """p as the explorer's title writes it (two significant digits)."""
    return Expr(f"format({p.code}, '.2~g')") if isinstance(p, Expr) else f"{p:.2g}"


def model(twin: Twin, values: dict) -> dict:
    result = twin.compute(values)
    return {"mean_distance": result.mean_distance, "clustering": result.clustering,
            "relative_distance": result.relative_distance,
            "relative_clustering": result.relative_clustering}


def drawn(twin: Twin, values: dict) -> dict:
    curve = twin.compute(values).curve
    return {"distance_marks": (("p", "distance"), [[float(p), float(v)] for p, v in zip(
                curve.p, curve.relative_distance, strict=True)]),
            "clustering_marks": (("p", "clustering"), [[float(p), float(v)] for p, v in zip(
                curve.p, curve.relative_clustering, strict=True)])}


def chart(twin: Twin):
    import altair as alt

    x = alt.X("p:Q", title="share of edges rewired, p (log scale)",
              scale=alt.Scale(type="log", domain=list(P_LIMITS), nice=False),
              axis=alt.Axis(values=[1e-4, 1e-3, 1e-2, 1e-1, 1], format="~g"))
    y_scale = alt.Scale(domain=[0, 1.08], nice=False)

    def curve(field, colour, label, label_p):
        base = alt.Chart(alt.NamedData("sweep")).transform_filter(
            "datum.n === n && datum.k === k").transform_flatten(["p", field])
        line = base.mark_line(color=colour, strokeWidth=2).encode(
            x=x, y=alt.Y(f"{field}:Q", title="relative to the ring (p = 0)", scale=y_scale)
        ).properties(name=field)
        text = base.transform_filter(f"abs(datum.p - {label_p}) < 1e-12").mark_text(
            align="left", baseline="bottom", dx=4, dy=-4, color=colour, fontSize=11,
            text=label).encode(x=x, y=alt.Y(f"{field}:Q"))
        return line, text

    distance, distance_label = curve("distance", PALETTE["blue"], "mean distance L(p) / L(0)",
                                     CURVE_P[8])
    clustering, clustering_label = curve("clustering", PALETTE["orange"],
                                         "clustering C(p) / C(0)", CURVE_P[2])
    point_d = layers.point("p", "relative_distance", PALETTE["blue"], name="distance_point")
    point_c = layers.point("p", "relative_clustering", PALETTE["orange"],
                           name="clustering_point", shape="square")
    return alt.layer(distance, clustering, distance_label, clustering_label, point_d,
                     point_c).properties(width=WIDTH, height=HEIGHT,
                                         title=alt.Title(alt.ExprRef("title")))


TWIN = Twin(
    explorer=SmallWorldExplorer,
    controls=("n", "k", "p"),
    formulas=formulas,
    model=model,
    chart=chart,
    drawn=drawn,
    tables=tables,
    title="A small world",
    description="Watts and Strogatz's figure: mean distance and clustering of a rewired ring, "
                "relative to the ring, against the share of edges rewired (log scale), with the "
                "chosen network marked.",
    tolerance={"mean_distance": 1e-5, "clustering": 1e-5, "relative_distance": 1e-5,
               "relative_clustering": 1e-5, "distance_marks": 1e-5, "clustering_marks": 1e-5},
)


# --- your network by LinkedIn degree (YourNetworkExplorer): formulas -----------------------------


def reach_formulas(contacts, their_contacts, overlap, population=POPULATION):
    """People at the 1st, 2nd and 3rd degree (``separation.reach_estimate``)."""
    branching = (their_contacts - 1) * (1 - overlap)
    total = 1 + contacts
    second = (population - total) * (1 - exp(-(contacts * branching) / population))
    total = total + second
    third = (population - total) * (1 - exp(-(second * branching) / population))
    share = minimum(1.0, (contacts + second + third) / (population - 1))
    return {"first": contacts, "second": second, "third": third, "share_within_three": share,
            "naive_second": contacts * their_contacts,
            "naive_third": contacts * their_contacts * their_contacts,
            "title": lines(percent(share, 1) + " of " + format_count(population) + " people",
                           "are within three steps of you")}


def reach_model(twin: Twin, values: dict) -> dict:
    r = twin.compute(values)
    return {"first": r.by_degree[0], "second": r.by_degree[1], "third": r.by_degree[2],
            "share_within_three": r.share_within_three, "naive_second": r.naive[1],
            "naive_third": r.naive[2]}


def reach_drawn(twin: Twin, values: dict) -> dict:
    r = twin.compute(values)
    return {"degrees_marks": (("degree", "people"), [
        [i + 1, float(min(max(v, REACH_LIMITS[0]), REACH_LIMITS[1]))]
        for i, v in enumerate(r.by_degree)])}


def reach_chart(twin: Twin):
    import altair as alt

    clip = f"min(max({{}}, {REACH_LIMITS[0]}), {REACH_LIMITS[1]})"
    rows = [{"degree": i + 1, "name": name} for i, name in enumerate(("1st", "2nd", "3rd"))]
    x = alt.X("degree:O", title="LinkedIn degree (distance from you)",
              axis=alt.Axis(labelExpr="['', '1st', '2nd', '3rd'][datum.value]", labelAngle=0))
    y = alt.Y("people:Q", title="people (log scale)",
              scale=alt.Scale(type="log", domain=[REACH_LIMITS[0], REACH_TOP], nice=False),
              axis=alt.Axis(values=[1, 1e3, 1e6, 1e9, 1e12], format=",.0f"))
    bars = alt.Chart(alt.Data(values=rows), name="degrees").transform_calculate(
        people=clip.format("[first, second, third][datum.degree - 1]"),
    ).mark_bar(color=PALETTE["blue"], width=60).encode(
        x=x, y=y, y2=alt.datum(REACH_LIMITS[0]))  # a log axis has no 0
    naive = alt.Chart(alt.Data(values=rows)).transform_calculate(
        people=clip.format("[first, naive_second, naive_third][datum.degree - 1]"),
    ).mark_tick(color=PALETTE["vermillion"], thickness=3, size=70).encode(x=x, y=y)
    everyone = alt.Chart(alt.Data(values=[{}])).transform_calculate(
        people=clip.format(repr(POPULATION))).mark_rule(
        color=PALETTE["grey"], strokeDash=[2, 3], strokeWidth=1.5).encode(y=y)
    legend = alt.Chart(alt.Data(values=[
        {"text": "bars: with overlap, in a finite population", "colour": PALETTE["blue"],
         "people": 3e16},
        {"text": "ticks: naive k, k x k, k x k x k", "colour": PALETTE["vermillion"],
         "people": 3e15},
        {"text": "dotted: everyone in the network", "colour": PALETTE["grey"],
         "people": 3e14}])).mark_text(align="left", x=8, fontSize=11).encode(
        y=y, text="text:N", color=alt.Color("colour:N", scale=None))
    return alt.layer(bars, naive, everyone, legend).properties(
        width=360, height=HEIGHT, title=alt.Title(alt.ExprRef("title")))


REACH_TWIN = Twin(
    explorer=YourNetworkExplorer,
    controls=("contacts", "their_contacts", "overlap"),
    formulas=reach_formulas,
    model=reach_model,
    chart=reach_chart,
    drawn=reach_drawn,
    title="Your network by LinkedIn degree",
    description="People at the 1st, 2nd and 3rd LinkedIn degree (log scale), with overlap "
                "between circles and a billion-member network as a ceiling, against the naive "
                "k, k x k and k x k x k.",
)
