"""Drawing on a matplotlib ``Axes`` in the house style.

Every ``draw_*`` function takes the ``Axes`` to draw on and returns the artists it made, so an
explorer can move them with ``set_data`` instead of drawing a new figure. Submodules hold one
chapter each; this module holds what they share.
"""

from socialmath.plots.style import (
    PALETTE,
    apply_house_style,
    format_count,
    house_style,
    label_axes,
    new_figure,
)

__all__ = ["PALETTE", "apply_house_style", "format_count", "house_style", "label_axes",
           "new_figure"]
