"""Chapter 7's twin: your network over time against your attention (NetworkTimelineExplorer).

The network's size at the end of each month is a table the model computed from the export (the
synthetic sample on the site); the relationship capacity and chapter 1's feed arithmetic are
formulas on that size.

>>> numbers = TWIN.evaluate(TWIN.values())
>>> numbers["contacts"]
750
>>> numbers["title"][0]
"Jun 2025: 750 contacts, far past Dunbar 1993's 147.8"
"""

from __future__ import annotations

from socialmath import linkedin
from socialmath.plots.style import PALETTE
from socialmath.twins import attention, layers
from socialmath.twins.base import HEIGHT, WIDTH, Table, Twin
from socialmath.twins.expr import (
    choose,
    datum,
    divide,
    format_count,
    lines,
    maximum,
    minimum,
    percent,
    where,
)
from socialmath.widgets.linkedin import CAPACITIES, NetworkTimelineExplorer, month_options

#: The capacities offered, in the explorer's order.
_CAPS = [capacity for _, capacity in CAPACITIES]


def tables(twin: Twin | None = None) -> list[Table]:
    """The network's size at the end of every month of its history (the explorer's months)."""
    connections = (twin.instance if twin is not None else NetworkTimelineExplorer()).connections
    months = month_options(connections)
    history = linkedin.growth(connections)
    rows = [{"as_of": i, "date": f"{end:%Y-%m-%d}", "label": label,
             "contacts": int(history.cumulative[i])} for i, (label, end) in enumerate(months)]
    return [Table("months", {"as_of": tuple(range(len(rows)))}, rows)]


def _capacity(capacity, field: str):
    return choose(capacity, [getattr(c, field) for c in _CAPS])


def formulas(as_of, capacity, silent_share, posts_per_active, seconds_per_post, minutes_per_day,
             tables):
    months = tables["months"]
    contacts = months.at("contacts", as_of=as_of)
    estimate, low, high = (_capacity(capacity, f) for f in ("estimate", "low", "high"))
    feed = attention.formulas(maximum(contacts, 1), silent_share, posts_per_active,
                              seconds_per_post, minutes_per_day)
    top = max(max(row["contacts"] for row in months.rows), max(c.high for c in _CAPS)) * 1.1
    per_contact = attention.posts_from(1, silent_share, posts_per_active)
    # the network size at which the feed fills the budget, pinned to the top when off the chart
    limit = where(per_contact > 0,
                  divide(minutes_per_day * 60.0 * 7 / seconds_per_post, per_contact), 2 * top)
    position = where(contacts > high, "far past", where(contacts > estimate, "past", where(
        contacts >= low, "within", "below")))
    return {
        "contacts": contacts,
        "share_within_capacity": minimum(1.0, estimate / maximum(contacts, 1)),
        "posts_per_week": feed["posts_per_week"],
        "share_readable": feed["share_readable"],
        "followable": feed["contacts_followable"],
        "capacity_estimate": estimate,
        "capacity_low": low,
        "capacity_high": high,
        "budget_y": where(limit > top, top * 0.995, limit),
        "title": lines(months.at("label", as_of=as_of) + ": " + format_count(contacts)
                       + " contacts, " + position + " " + _capacity(capacity, "name") + "'s "
                       + choose(capacity, [f"{c.estimate:g}" for c in _CAPS]),
                       "your feed: " + format_count(feed["posts_per_week"])
                       + " posts a week; your budget covers " + percent(feed["share_readable"])),
    }


def model(twin: Twin, values: dict) -> dict:
    snap = twin.compute(values)
    fit = snap.fit
    capacity = fit.coverage.capacity
    return {"contacts": snap.contacts, "share_within_capacity": fit.share_within_capacity,
            "posts_per_week": fit.feed.posts_per_week, "share_readable": fit.feed.share_readable,
            "followable": fit.feed.contacts_followable, "capacity_estimate": capacity.estimate,
            "capacity_low": capacity.low, "capacity_high": capacity.high}


def drawn(twin: Twin, values: dict) -> dict:
    """The network's size month by month up to the chosen month (the blue steps)."""
    snap = twin.compute(values)
    rows = [[i, int(c)] for i, c in enumerate(snap.history.cumulative) if i <= values["as_of"]]
    return {"past_marks": (("as_of", "contacts"), rows)}


def chart(twin: Twin):
    import altair as alt

    months = twin.table_list[0]
    top = max(max(row["contacts"] for row in months.rows), max(c.high for c in _CAPS)) * 1.1
    x = alt.X("date:T", title="date")
    y = alt.Y("contacts:Q", title="connections", scale=alt.Scale(domain=[0, top], nice=False))
    history = alt.Chart(alt.NamedData("months")).mark_line(
        interpolate="step-after", color=PALETTE["grey"], opacity=0.6, strokeWidth=1.5).encode(
        x=x, y=y)
    past = alt.Chart(alt.NamedData("months"), name="past").transform_filter(
        str(datum("as_of") <= layers.signals("as_of")[0])).mark_line(
        interpolate="step-after", color=PALETTE["blue"], strokeWidth=2.5).encode(x=x, y=y)
    now = alt.Chart(alt.NamedData("months")).transform_filter(
        "datum.as_of === as_of").mark_point(filled=True, size=110, opacity=1,
                                             color=PALETTE["vermillion"]).encode(x=x, y=y)
    band = alt.Chart(alt.Data(values=[{}])).transform_calculate(
        y="capacity_low", y2="capacity_high").mark_rect(
        color=PALETTE["green"], opacity=0.15).encode(y=alt.Y("y:Q"), y2="y2:Q")
    estimate = layers.rule_y("capacity_estimate", PALETTE["green"], dash=[6, 4])
    budget = layers.rule_y("budget_y", PALETTE["orange"], dash=[2, 3])
    return alt.layer(history, band, estimate, past, budget, now).properties(
        width=WIDTH, height=HEIGHT, title=alt.Title(alt.ExprRef("title")))


TWIN = Twin(
    explorer=NetworkTimelineExplorer,
    controls=("as_of", "capacity", "silent_share", "posts_per_active", "seconds_per_post",
              "minutes_per_day"),
    formulas=formulas,
    model=model,
    chart=chart,
    drawn=drawn,
    tables=tables,
    title="Your network over time",
    description="Connections of the synthetic sample network month by month, up to the chosen "
                "month, against a relationship capacity band and the network size at which "
                "the feed fills your daily reading budget (dotted orange line).",
    note="It shows the synthetic sample; your own export stays in the notebook.",
)
