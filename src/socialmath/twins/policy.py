"""Chapter 6's twin: the connection policies scored with your weights (PolicyExplorer).

Each policy's value on each criterion comes from a simulation, so the page carries a table the
model computed (``compare_policies`` on the explorer's assumptions, seed 0) for every share of
genuine requests from 0 to 100% by 10%, every cap and every month of a ten-year run; the
explorer's other assumptions (40% of requests from your field, 100 requests a month, the top of
the weak-tie band and the chance of mutual connections across fields) stay at its defaults. The
scoring itself (your weights, relative or absolute scores) is a formula the page evaluates, as
``policy.decide`` does.

>>> numbers = TWIN.evaluate(TWIN.values(reciprocated=10, reach=0, weak_ties=0))
>>> numbers["winner"], round(numbers["margin"], 2)
(3, 0.27)
"""

from __future__ import annotations

from socialmath.plots.policy import CRITERION_COLOURS
from socialmath.plots.style import PALETTE
from socialmath.policy import CRITERIA, Assumptions, compare_policies, standard_policies
from socialmath.twins.base import Table, Twin
from socialmath.twins.expr import (
    Expr,
    _code,
    choose,
    divide,
    equal,
    lines,
    maximum,
    minimum,
    round_,
    signal,
    where,
)
from socialmath.widgets.policy import CAPS, PolicyExplorer

#: Shares of genuine requests the page carries (the explorer's slider moves by 5%).
GENUINE_STEPS = tuple(range(11))
GENUINE_STEP = 0.1
#: The explorer's horizon slider: 6 to 120 months by 6.
MONTHS = tuple(range(6, 121, 6))
SEED = 0
#: The policies in the explorer's order; the last is the capped one.
NAMES = ("accept everyone", "genuine only", "curate by field", "cap at {cap:,}")
WEIGHTS = tuple(CRITERIA)


#: Short names of the criteria in the tables (the page carries thousands of rows).
SHORT = dict(zip(WEIGHTS, ("rd", "rc", "rh", "wt", "sg"), strict=True))


def _column(policy: int, criterion: str) -> str:
    return f"p{policy}{SHORT[criterion]}"


def _number(value: float) -> float:
    """Six significant digits: what the page needs, at a third of the text."""
    return float(f"{value:.6g}")


def tables(twin: Twin) -> list[Table]:
    """Every criterion's value for each policy, genuine share, cap and month."""
    base = twin.instance.base
    open_rows, capped_rows = [], []
    for step in GENUINE_STEPS:
        assumptions = base.replace(genuine_share=round(step * GENUINE_STEP, 10))
        runs = {cap: compare_policies(standard_policies(cap), max(MONTHS), assumptions, SEED)
                for cap in CAPS}
        for cap in CAPS:
            for month in MONTHS:
                values = runs[cap].decide({"readable": 1}, month=month).values
                capped_rows.append({SHORT[c]: _number(values.iloc[3][c]) for c in WEIGHTS})
        for month in MONTHS:  # the first three policies do not depend on the cap
            values = runs[CAPS[0]].decide({"readable": 1}, month=month).values
            open_rows.append({_column(p, c): _number(values.iloc[p][c])
                              for p in range(3) for c in WEIGHTS})
    return [Table("open", {"genuine_step": GENUINE_STEPS, "months": MONTHS}, open_rows),
            Table("capped", {"genuine_step": GENUINE_STEPS, "cap": CAPS, "months": MONTHS},
                  capped_rows)]


def formulas(readable, reciprocated, reach, weak_ties, signal_, scale, genuine_share, cap,
             months, tables):
    """Scores, contributions and totals as ``policy.decide`` computes them, the winner (its
    position in the explorer's order) and its margin."""
    out: dict = {}

    def keep(name, value):
        """Keep a number as a signal of its own, which later formulas refer to by name."""
        out[name] = value
        return signal(name) if isinstance(value, Expr) else value

    step = round_(genuine_share / GENUINE_STEP, 0)
    values = {}
    for p in range(4):
        for c in WEIGHTS:
            value = (tables["open"].at(_column(p, c), genuine_step=step, months=months) if p < 3
                     else tables["capped"].at(SHORT[c], genuine_step=step, cap=cap,
                                              months=months))
            values[p, c] = keep(f"value_{p}_{c}", value)
    best = {c: keep(f"best_{c}", _largest([values[p, c] for p in range(4)])) for c in WEIGHTS}
    weights = dict(zip(WEIGHTS, (readable, reciprocated, reach, weak_ties, signal_),
                       strict=True))
    total_weight = keep("total_weight", sum(weights.values()))
    totals = []
    for p in range(4):
        total = 0
        for c in WEIGHTS:
            relative = where(values[p, c] > 0,
                             divide(values[p, c], where(best[c] > 0, best[c], 1.0)), 0.0)
            absolute = relative if c == "weak_ties" else minimum(maximum(values[p, c], 0.0), 1.0)
            score = where(equal(scale, "relative"), relative, absolute)
            # all weights at 0 count every criterion the same
            weight = where(total_weight > 0, divide(weights[c], total_weight), 1 / len(WEIGHTS))
            total = total + keep(f"contribution_{p}_{c}", score * weight)
        totals.append(keep(f"total_{p}", total))
    top = keep("top", _largest(totals))
    winner = keep("winner", _first(totals, top))
    others = [where(equal(winner, p), -1.0, totals[p]) for p in range(4)]
    second = _largest(others)
    runner_up = _first(others, second)
    margin = keep("margin", top - second)
    two = _decimals(2)
    out["title"] = where(margin < 0.005,
                         lines("With your weights, " + _name(winner, cap),
                               "and " + _name(runner_up, cap) + " tie"),
                         lines(_name(winner, cap) + " wins with your weights",
                               two(top) + ", " + two(margin) + " ahead of the next"))
    return out


def _largest(values):
    return maximum(maximum(values[0], values[1]), maximum(values[2], values[3]))


def _first(values, largest):
    """The position of the first of four values that equals the largest (ties keep the
    explorer's order)."""
    return where(values[0] >= largest, 0, where(values[1] >= largest, 1, where(
        values[2] >= largest, 2, 3)))


def _name(index, cap):
    """A policy's name by its position, the cap written in."""
    if isinstance(index, Expr) or isinstance(cap, Expr):
        return where(equal(index, 3), "cap at " + Expr(f"format({_code(cap)}, ',')"),
                     choose(index, [*NAMES[:3], ""]))
    return NAMES[index].format(cap=cap)


def _decimals(digits):
    def write(value):
        if isinstance(value, Expr):
            return Expr(f"format({value.code}, '.{digits}f')")
        return f"{value:.{digits}f}"
    return write


def model(twin: Twin, values: dict) -> dict:
    decision = twin.compute(values).decision
    names = list(decision.totals.index)
    numbers = {f"total_{p}": float(decision.totals.iloc[p]) for p in range(4)}
    numbers.update({f"contribution_{p}_{c}": float(decision.contributions.iloc[p][c])
                    for p in range(4) for c in WEIGHTS})
    numbers.update({f"value_{p}_{c}": float(decision.values.iloc[p][c])
                    for p in range(4) for c in WEIGHTS})
    numbers["winner"] = names.index(decision.winner)
    numbers["margin"] = decision.margin
    return numbers


def chart(twin: Twin):
    import altair as alt

    rows = [{"policy": p, "criterion": c, "order": i, "label": CRITERIA[c].label}
            for p in range(4) for i, c in enumerate(WEIGHTS)]
    contribution = "[" + ", ".join(f"contribution_{p}_{c}" for p in range(4)
                                   for c in WEIGHTS) + "][datum.policy * 5 + datum.order]"
    names = ("datum.value < 3 ? " + repr(list(NAMES[:3])).replace("'", '"')
             + "[datum.value] : 'cap at ' + format(cap, ',')")
    y = alt.Y("policy:O", title=None, axis=alt.Axis(labelExpr=names, labelFontSize=11))
    bars = alt.Chart(alt.Data(values=rows), name="contributions").transform_calculate(
        contribution=contribution,
    ).mark_bar(height=22).encode(
        y=y,
        x=alt.X("sum(contribution):Q", title="total score, 0 to 1",
                scale=alt.Scale(domain=[0, 1.18], nice=False), stack="zero"),
        color=alt.Color("label:N", title="criterion",
                        scale=alt.Scale(domain=[CRITERIA[c].label for c in WEIGHTS],
                                        range=[PALETTE[CRITERION_COLOURS[c]] for c in WEIGHTS]),
                        legend=alt.Legend(orient="bottom", columns=3)),
        order=alt.Order("order:Q"),
    )
    totals = alt.Chart(alt.Data(values=[{"policy": p} for p in range(4)])).transform_calculate(
        total="[total_0, total_1, total_2, total_3][datum.policy]",
        text="format(datum.total, '.2f')",
    ).mark_text(align="left", dx=4, fontSize=11).encode(y=y, x=alt.X("total:Q"), text="text:N")
    return alt.layer(bars, totals).properties(width=420, height=200,
                                               title=alt.Title(alt.ExprRef("title")))


TWIN = Twin(
    explorer=PolicyExplorer,
    controls=("readable", "reciprocated", "reach", "weak_ties", "signal", "scale",
              "genuine_share", "cap", "months"),
    fixed={"in_field_share": 0.4, "requests_per_month": 100,
           "weak_high": Assumptions().weak_high, "mutual_across": Assumptions().mutual_across},
    step={"genuine_share": GENUINE_STEP},
    formulas=lambda signal=None, **values: formulas(signal_=signal, **values),
    model=model,
    chart=chart,
    tables=tables,
    title="Should you accept everyone?",
    description="Each connection policy's total score with your weights, as a bar stacked from "
                "the criteria: a readable feed, answered contacts, three-step reach, moderately "
                "weak ties and signal in the feed.",
    tolerance={"margin": 1e-4, **{f"total_{p}": 1e-4 for p in range(4)},
               **{f"{kind}_{p}_{c}": 1e-4 for kind in ("value", "contribution")
                  for p in range(4) for c in WEIGHTS}},
    note="The share of genuine requests moves by 10%; 40% of requests from your field, 100 "
         "requests a month and the weak-tie band and mutual-connection chance stay at the "
         "explorer's defaults.",
)
