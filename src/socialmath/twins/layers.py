"""Small layers the twins share, placed by signals: a band, reference lines, a marker, a label.

Each is an Altair chart of one row whose position comes from a signal (a control or a formula),
so that it moves with the sliders without any data. The chart's main layer names the axes (an
explicit title wins over these layers' field names).
"""

from __future__ import annotations

from socialmath.twins.base import HEIGHT
from socialmath.twins.expr import Expr, signal


def signals(*names: str) -> list[Expr]:
    """The signals of these names, for a formula applied to each row of a data set."""
    return [signal(name) for name in names]


def _row(name: str | None = None):
    import altair as alt

    return alt.Chart(alt.Data(values=[{}]), **({"name": name} if name else {}))


def _x(field: str = "x"):
    import altair as alt

    return alt.X(f"{field}:Q")


def _y(field: str = "y"):
    import altair as alt

    return alt.Y(f"{field}:Q")


def band(low: float, high: float, colour: str, label: str = ""):
    """A vertical band from ``low`` to ``high`` on the x-axis, over the whole height, with its
    label written upwards at its right edge."""
    import altair as alt

    rect = _row().transform_calculate(x=str(low), x2=str(high)).mark_rect(
        color=colour, opacity=0.15).encode(x=_x(), x2="x2:Q")
    if not label:
        return rect
    text = _row().transform_calculate(x=str(high)).mark_text(
        angle=270, align="left", baseline="top", dx=-4, dy=4, color=colour, fontSize=10,
        text=f" {label}").encode(x=_x(), y=alt.value(HEIGHT - 4))
    return alt.layer(rect, text)


def rule_y(value: str, colour: str, label: str = "", dash=None, label_x: float | None = None,
           name: str | None = None):
    """A horizontal line at the signal ``value``, labelled above, from x = ``label_x``."""
    import altair as alt

    line = _row(name).transform_calculate(y=value).mark_rule(
        color=colour, strokeWidth=2, strokeDash=dash or [], clip=True).encode(y=_y())
    if not label:
        return line
    text = _row().transform_calculate(y=value, x=str(label_x)).mark_text(
        color=colour, align="left", baseline="bottom", dy=-3, fontSize=11, text=label,
        clip=True).encode(x=_x(), y=_y())
    return alt.layer(line, text)


def rule_x(value: str, colour: str, label: str = "", dash=None, name: str | None = None):
    """A vertical line at the signal ``value``, labelled upwards at its foot."""
    import altair as alt

    line = _row(name).transform_calculate(x=value).mark_rule(
        color=colour, strokeWidth=1.5, strokeDash=dash or [], clip=True).encode(x=_x())
    if not label:
        return line
    text = _row().transform_calculate(x=value).mark_text(
        angle=270, align="left", baseline="bottom", dx=-4, dy=-3, color=colour, fontSize=10,
        text=label, clip=True).encode(x=_x(), y=alt.value(HEIGHT - 4))
    return alt.layer(line, text)


def point(x: str, y: str, colour: str, label: str = "", name: str | None = None,
          shape: str = "circle", size: int = 110):
    """A marker at the signals (``x``, ``y``), with a bold label above it."""
    import altair as alt

    dot = _row(name).transform_calculate(x=x, y=y).mark_point(
        shape=shape, filled=True, opacity=1, size=size, color=colour).encode(x=_x(), y=_y())
    if not label:
        return dot
    text = _row().transform_calculate(x=x, y=y).mark_text(
        color=colour, fontWeight="bold", align="right", baseline="bottom", dx=-5, dy=-5,
        fontSize=11, text=label).encode(x=_x(), y=_y())
    return alt.layer(dot, text)
