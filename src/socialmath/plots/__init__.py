"""Drawing on a matplotlib ``Axes`` in the house style.

Every ``draw_*`` function takes the ``Axes`` to draw on and returns the artists it made, so an
explorer can move them with ``set_data`` instead of drawing a new figure. Submodules hold one
chapter each; this module holds what they share.

Every public plot function checks its arguments before it draws, as the models do: a
``TypeError`` or ``ValueError`` naming the parameter, the value and what is allowed. The checks
are shared: :func:`require_axes`, :func:`require_colour` and :func:`require_text` (in
``plots.style``) and the model checks of ``socialmath._validate`` (``require_instance``,
``require_array``...); ``plots.style`` shows how a new plot module uses them.
"""

from socialmath.plots.style import (
    PALETTE,
    apply_house_style,
    format_count,
    house_style,
    label_axes,
    new_figure,
    require_axes,
    require_colour,
    require_text,
)

__all__ = ["PALETTE", "apply_house_style", "format_count", "house_style", "label_axes",
           "new_figure", "require_axes", "require_colour", "require_text"]
