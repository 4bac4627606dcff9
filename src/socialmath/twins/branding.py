"""Chapter 4's twin: how far one post goes (FunnelExplorer), all formulas.

The funnel multiplies your audience by a chain of shares (``branding.reach_funnel``), so the page
computes every stage itself.

>>> numbers = TWIN.evaluate(TWIN.values(contacts=25_000))
>>> numbers["impressions"], numbers["reactions"]
(750.0, 15.0)
"""

from __future__ import annotations

from socialmath.plots.reach import FUNNEL_FLOOR
from socialmath.plots.style import PALETTE
from socialmath.twins.base import HEIGHT, WIDTH, Twin
from socialmath.twins.expr import Expr, format_count, lines
from socialmath.widgets.branding import FunnelExplorer

#: The stages from the audience down, as the explorer names them, and their colours.
STAGES = ("audience", "online while fresh", "shown the post", "reacted", "commented")
COLOURS = ("grey", "sky", "blue", "orange", "vermillion")


def formulas(contacts, followers, share_online, share_shown, reaction_rate, comment_rate,
             reshare_rate):
    """Every stage of the funnel (``branding.reach_funnel``)."""
    audience = contacts + followers
    online = audience * share_online
    impressions = online * share_shown
    reactions = impressions * reaction_rate
    return {
        "audience": audience,
        "online": online,
        "impressions": impressions,
        "reactions": reactions,
        "comments": impressions * comment_rate,
        "reshares": impressions * reshare_rate,
        "filtered_by_feed": online - impressions,
        "pass_on_probability": share_online * share_shown * reshare_rate,
        "title": lines("Of an audience of " + format_count(audience) + ", "
                       + format_count(impressions) + " are shown the post",
                       "and " + format_count(reactions) + " react (expected numbers)"),
    }


def model(twin: Twin, values: dict) -> dict:
    f = twin.compute(values)
    return {"audience": f.audience, "online": f.online, "impressions": f.impressions,
            "reactions": f.reactions, "comments": f.comments, "reshares": f.reshares,
            "filtered_by_feed": f.filtered_by_feed,
            "pass_on_probability": f.pass_on_probability}


def drawn(twin: Twin, values: dict) -> dict:
    """Each stage's bar as the page draws it: its people, at least the axis' floor."""
    stages = twin.compute(values).stages()
    return {"stages_marks": (("stage", "end"), [[i, max(people, FUNNEL_FLOOR)]
                                                for i, (_, people) in enumerate(stages)])}


def _value_text(people: str) -> str:
    """A stage's number as the explorer writes it: a count, or two decimals below one."""
    return f"{people} >= 1 || {people} === 0 ? " + str(
        format_count(Expr(people))) + f" : format({people}, '.2f')"


def chart(twin: Twin):
    import altair as alt

    rows = [{"stage": i, "name": name, "colour": PALETTE[colour]}
            for i, (name, colour) in enumerate(zip(STAGES, COLOURS, strict=True))]
    people = "[audience, online, impressions, reactions, comments][datum.stage]"
    x = alt.X("end:Q", title="people (log scale)",
              scale=alt.Scale(type="log", nice=False, domain=alt.ExprRef(
                  f"[{FUNNEL_FLOOR}, max(audience, 10) * 30]")),
              axis=alt.Axis(format=",~g", values=[10.0 ** e for e in range(-1, 8)]))
    y = alt.Y("stage:O", title=None,
              axis=alt.Axis(labelExpr=f"{list(STAGES)}[datum.value]".replace("'", '"'),
                            labelFontSize=11))
    base = alt.Chart(alt.Data(values=rows)).transform_calculate(
        people=people, end=f"max({people}, {FUNNEL_FLOOR})", start=str(FUNNEL_FLOOR),
        text=_value_text("datum.people"))
    bars = base.mark_bar(height=26).encode(
        y=y, x=x, x2="start:Q", color=alt.Color("colour:N", scale=None)).properties(
        name="stages")
    values = base.mark_text(align="left", dx=5, fontSize=11).encode(
        y=y, x=alt.X("end:Q"), text="text:N")
    return alt.layer(bars, values).properties(width=WIDTH, height=HEIGHT - 60,
                                              title=alt.Title(alt.ExprRef("title")))


TWIN = Twin(
    explorer=FunnelExplorer,
    controls=("contacts", "followers", "share_online", "share_shown", "reaction_rate",
              "comment_rate", "reshare_rate"),
    formulas=formulas,
    model=model,
    chart=chart,
    drawn=drawn,
    title="How far one post goes",
    description="One post's funnel as horizontal bars on a log scale: your audience, those "
                "online while the post is fresh, those the feed shows it to, and the expected "
                "reactions and comments.",
)
