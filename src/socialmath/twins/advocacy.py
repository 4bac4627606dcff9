"""Chapter 5's twin: unique reach against the number of ambassadors (ProgrammeExplorer).

The independence model has a closed form, so the twin is all formulas: k ambassadors with c
contacts each, drawn from a pool of N people, reach N (1 - (1 - c/N)^k) people.

>>> numbers = TWIN.evaluate(TWIN.values(ambassadors=10))
>>> round(numbers["unique_reach"])
4989
"""

from __future__ import annotations

from socialmath.plots.advocacy import CURVE_COLOURS
from socialmath.plots.style import PALETTE
from socialmath.twins import layers
from socialmath.twins.base import HEIGHT, WIDTH, Twin
from socialmath.twins.expr import Expr, datum, format_count, lines, maximum, pow_, where
from socialmath.widgets.advocacy import MAX_AMBASSADORS, REACH_FACTOR, Y_LIMITS, ProgrammeExplorer


def unique_reach(ambassadors, contacts, population):
    """People reached by ``ambassadors`` random audiences of ``contacts`` people each, out of
    ``population`` (``advocacy.independent_reach``)."""
    return population * (1 - pow_(1 - contacts / population, ambassadors))


def formulas(followers, ambassadors, contacts, population, rate_ratio):
    """What the figure states (``widgets.advocacy.programme_view`` and ``Programme``)."""
    unique = unique_reach(ambassadors, contacts, population)
    summed = ambassadors * contacts
    ratio = unique / followers
    verdict = where(ratio >= REACH_FACTOR, "reach", "fall short of")
    return {
        "unique_reach": unique,
        "summed_contacts": summed,
        "overlap": 1 - unique / summed,
        "reach_ratio": ratio,
        "engagement_ratio": ratio * rate_ratio,
        "target": REACH_FACTOR * followers,
        "title": lines(format_count(ambassadors) + " ambassadors reach " + _one_decimal(ratio)
                       + "x the page's followers:",
                       "they " + verdict + f" the {REACH_FACTOR:g}x that \"561% further\" needs"),
    }


def _one_decimal(value):
    if isinstance(value, Expr):
        return Expr(f"format({value.code}, ',.1f')")
    return f"{value:,.1f}"


def model(twin: Twin, values: dict) -> dict:
    p = twin.compute(values).programme
    return {"unique_reach": p.unique_reach, "summed_contacts": p.summed_contacts,
            "overlap": p.overlap, "reach_ratio": p.reach_ratio,
            "engagement_ratio": p.engagement_ratio, "target": REACH_FACTOR * p.followers}


def drawn(twin: Twin, values: dict) -> dict:
    view = twin.compute(values)
    k = range(1, MAX_AMBASSADORS + 1)
    return {"unique_marks": (("k", "reach"), [[i, float(view.curve[i])] for i in k]),
            "summed_marks": (("k", "reach"), [[i, float(view.summed[i])] for i in k])}


def chart(twin: Twin):
    import altair as alt

    x = alt.X("k:Q", title="ambassadors, k", scale=alt.Scale(domain=[0, MAX_AMBASSADORS * 1.3],
                                                             nice=False))
    y = alt.Y("reach:Q", title="people reached (log scale)",
              scale=alt.Scale(type="log", domain=list(Y_LIMITS), nice=False),
              axis=alt.Axis(format=",~s", values=[10 ** e for e in range(1, 9)]))
    contacts, population = layers.signals("contacts", "population")
    curves = []
    for name, reach, colour, dash, label, dy in (
            ("summed", lambda k: k * contacts, CURVE_COLOURS["sum of contacts"], [6, 4],
             "sum of contacts", -7),
            ("unique", lambda k: unique_reach(k, contacts, population),
             CURVE_COLOURS["unique reach"], [], "unique reach", 7)):
        curves.append(alt.Chart(alt.sequence(1, MAX_AMBASSADORS + 1, as_="k"), name=name)
                      .transform_calculate(reach=str(reach(datum("k"))))
                      .mark_line(color=colour, strokeWidth=2.2, strokeDash=dash, clip=True)
                      .encode(x=x, y=y))
        # the label at the curve's right-hand end
        curves.append(alt.Chart(alt.Data(values=[{}])).transform_calculate(
            k=str(MAX_AMBASSADORS),
            reach=str(maximum(reach(MAX_AMBASSADORS), Y_LIMITS[0]))).mark_text(
            align="left", dx=4, dy=dy, color=colour, fontSize=11, text=label, clip=True).encode(
            x=alt.X("k:Q"), y=alt.Y("reach:Q")))
    page = layers.rule_y("followers", PALETTE["black"], "the page's followers", dash=[2, 3],
                         label_x=5)
    target = layers.rule_y("target", PALETTE["vermillion"], f"{REACH_FACTOR:g}x the followers",
                           dash=[8, 3, 2, 3], label_x=5)
    marker = layers.point("ambassadors", "unique_reach", CURVE_COLOURS["unique reach"],
                          name="you")
    return alt.layer(*curves, page, target, marker).properties(
        width=WIDTH, height=HEIGHT,
        title=alt.Title(alt.ExprRef("title")))


TWIN = Twin(
    explorer=ProgrammeExplorer,
    controls=("followers", "ambassadors", "contacts", "population", "rate_ratio"),
    formulas=formulas,
    model=model,
    chart=chart,
    drawn=drawn,
    title="Reach of an advocacy programme",
    description="People reached against the number of ambassadors (log scale): their unique "
                "reach bends below the sum of their contacts as their audiences overlap, "
                "against the page's followers and the 6.61 times them that the 561% claim "
                "needs.",
    tolerance={"unique_marks": 1e-6, "summed_marks": 1e-9},
)
