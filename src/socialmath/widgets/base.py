"""What every explorer shares: controls built once, a figure updated in place, a static fallback.

An explorer subclass declares its controls and two hooks:

* ``compute(**values)`` runs the model on the controls' values and returns its result;
* ``draw(figure)`` draws the first figure and ``redraw(result)`` moves its artists.

In a Jupyter kernel with ipympl installed, the figure is a live ipympl canvas that ``update``
redraws in place. Elsewhere (a test, a script, a static book page) the figure renders with Agg,
and the explorer's rich display carries a PNG of it, so a page without a kernel still shows
the figure at the defaults.
"""

from __future__ import annotations

import base64
import io
from typing import Any

import ipywidgets as widgets
from matplotlib.figure import Figure

from socialmath.plots.style import house_style, new_figure


def _in_kernel() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def _live_canvas(figure: Figure):
    """Attach an ipympl canvas to ``figure`` when a kernel can show it; else return None."""
    if not _in_kernel():
        return None
    try:
        from ipympl.backend_nbagg import Canvas, FigureManager
    except ImportError:
        return None
    canvas = Canvas(figure)
    FigureManager(canvas, id(figure))
    canvas.header_visible = False
    canvas.toolbar_visible = False
    canvas.resizable = False
    return canvas


class Explorer:
    """Base class of the chapter explorers (see the module docstring)."""

    #: figure size in inches
    figsize: tuple[float, float] = (6.4, 4.8)

    def __init__(self, controls: dict[str, widgets.ValueWidget]) -> None:
        self.controls = controls
        self.result: Any = self.compute(**self.values)
        with house_style():
            self.figure, axes = new_figure(figsize=self.figsize, **self.subplot_options())
            self.draw(axes, self.result)
            # Lay the figure out once and keep those positions: re-running the layout engine on
            # every slider move would cost more than the rest of the draw.
            self.figure.draw_without_rendering()
            self.figure.set_layout_engine("none")
        self._canvas = _live_canvas(self.figure)
        self._static = None if self._canvas is not None else widgets.Output()
        self.readout = widgets.HTML(self.describe(self.result))
        for control in self.controls.values():
            control.observe(self.update, names="value")
        self.widget = self._layout()
        self._show_static()

    # -- hooks for subclasses -------------------------------------------------------------------
    def compute(self, **values):  # pragma: no cover - abstract
        raise NotImplementedError

    def draw(self, axes, result) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def redraw(self, result) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self, result) -> str:
        """HTML shown under the controls; subclasses say what the numbers mean."""
        return ""

    def subplot_options(self) -> dict:
        return {}

    # -- the loop -------------------------------------------------------------------------------
    @property
    def values(self) -> dict[str, Any]:
        """The controls' current values, by name."""
        return {name: control.value for name, control in self.controls.items()}

    def update(self, change=None) -> None:
        """Recompute the model from the controls and move the figure's artists in place."""
        self.result = self.compute(**self.values)
        with house_style():
            self.redraw(self.result)
        self.readout.value = self.describe(self.result)
        if self._canvas is not None:
            self._canvas.draw_idle()
        else:
            self._show_static()

    def _show_static(self) -> None:
        if self._static is None or not _in_kernel():
            return
        from IPython.display import Image, display

        with self._static:
            self._static.clear_output(wait=True)
            display(Image(self.png()))

    def _layout(self) -> widgets.Widget:
        panel = widgets.VBox([*self.controls.values(), self.readout],
                             layout=widgets.Layout(min_width="320px"))
        view = self._canvas if self._canvas is not None else self._static
        return widgets.HBox([panel, view], layout=widgets.Layout(flex_flow="row wrap"))

    # -- display --------------------------------------------------------------------------------
    def png(self) -> bytes:
        """The figure as PNG bytes, as it is now."""
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png")
        return buffer.getvalue()

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude) or {}
        bundle = dict(bundle)
        bundle["image/png"] = base64.b64encode(self.png()).decode("ascii")
        bundle["text/plain"] = f"<{type(self).__name__}: {self.describe_plain()}>"
        return bundle

    def describe_plain(self) -> str:
        """One line of text for the plain display (the book's alt text, a terminal)."""
        return ", ".join(f"{name}={value}" for name, value in self.values.items())
