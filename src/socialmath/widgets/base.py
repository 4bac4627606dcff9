"""What every explorer shares: controls built once, a figure updated in place, a static fallback.

Writing an explorer
-------------------

Subclass :class:`Explorer`, build the controls in ``__init__`` (a dict, name -> ipywidgets
control) and call ``super().__init__(controls)``. **Control names are the model's argument
names**: ``compute(**self.values)`` passes each control's value under its name, and tests move
controls by those names. Check the constructor's values through the model first, and keep every
slider position a valid model input (bound sliders by each other when one limits another, e.g.
``contacts <= population - 1``). A constructor value outside a slider's range is clamped with
:meth:`Explorer.clamp`, which warns; never silently.

The hooks, in the order the base class calls them:

* ``compute(**values) -> result`` (required): run the model on the controls' values. The result is
  kept as ``self.result``.
* ``subplot_options() -> dict`` (optional): keyword arguments for the figure's ``subplots``
  (e.g. ``{"projection": "polar"}``); ``figsize`` is a class attribute.
* ``draw(axes, result)`` (required): draw the first figure on ``axes`` (what
  ``subplot_options`` asked for) and keep the artists that will move, e.g. ``self.artists``.
* ``redraw(result)`` (required): move those artists to show a new result (``set_data``,
  ``set_text``...); never create new artists here.
* ``describe(result) -> str`` (optional): the HTML readout under the controls.
* ``describe_plain() -> str`` (optional): one line of plain text for ``self.result`` (the
  plain display: a terminal, the book's text).
* ``moving_artists() -> list`` (optional): every artist that ``redraw`` changes. Declare it to
  get blitting (below); without it, every move redraws the whole figure, which is correct but
  slower.
* ``static_state() -> hashable`` (optional): what the figure's static part shows, when some
  control changes it now and then (the row names of a table, a band that one choice moves). The
  background is drawn again whenever it changes (below), so those artists need not be redrawn
  on every move.
* ``readout_duplicates() -> list`` (optional): artists that only repeat what the readout says
  (a note box of numbers). The live canvas leaves them out, since the readout sits beside it and
  redrawing their text on every move costs as much as the rest; the static image (``png``, the
  book) keeps them.

Blitting
--------

A move redraws only what moves. The first time, and whenever the figure's static part may have
changed, the base class draws the figure with the moving artists hidden (marked *animated*,
which matplotlib leaves out of a full draw) and keeps that picture, the *background*. On every
later move it pastes the background back, draws the moving artists on it in z-order
(``axes.draw_artist``) and sends the result (``canvas.blit``): the tick labels, axis labels,
grid and other text that did not change are not drawn again. ipympl supports this.

The background is drawn again when the figure size, its resolution, any axes' limits or
``static_state()`` change, or when the subclass calls :meth:`Explorer.invalidate_background`.
So list every artist ``redraw`` changes on most moves: lines, markers, bars (each patch), texts
(labels, notes) and the title when it states a finding that changes. What a control changes
only now and then (a dropdown's choice, the names of rows) can stay in the background instead,
described by ``static_state()``: moving that control then costs a full draw, every other move
less. A static artist drawn *above* a moving one (a legend over bars) must be listed too, or
the moving one would be painted over it.

Where it shows
--------------

In a Jupyter kernel with ipympl installed, the figure is a live ipympl canvas that ``update``
redraws in place. Elsewhere (a test, a script, a static book page) the figure renders with Agg,
and the explorer's rich display carries a PNG of it, so a page without a kernel still shows
the figure at the defaults. ``render()`` draws the current state now, by blitting when it can
(what the benchmark times).
"""

from __future__ import annotations

import base64
import io
import warnings
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
        self._background = None
        self._background_key = None
        self._live_layout = False
        self._canvas = _live_canvas(self.figure)
        if self._canvas is not None:
            self.use_live_layout()
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

    def moving_artists(self) -> list:
        """Every artist ``redraw`` changes; declare them to get blitting (module docstring)."""
        return []

    def static_state(self):
        """What the static part of the figure shows that a control may change (module
        docstring); hashable. The default, None, says nothing beyond the axes' limits."""
        return None

    def readout_duplicates(self) -> list:
        """Artists that repeat the readout, left out of the live canvas (module docstring)."""
        return []

    def use_live_layout(self, live: bool = True) -> None:
        """Show the figure as the live canvas does (without ``readout_duplicates``) or as the
        static image does (with them). An ipympl canvas gets the live layout by itself."""
        for artist in self.readout_duplicates():
            artist.set_visible(not live)
        self._live_layout = live
        self.invalidate_background()

    # -- helpers for subclasses -----------------------------------------------------------------
    @staticmethod
    def clamp(name: str, value, low, high):
        """``value`` kept within a control's range [low, high], with a warning when it moves.

        >>> Explorer.clamp("contacts", 50, 10, 30_000)
        50
        """
        if value < low or value > high:
            kept = low if value < low else high
            warnings.warn(f"{name}={value!r} is outside the control's range [{low}, {high}]; "
                          f"the explorer starts at {kept!r}", UserWarning, stacklevel=3)
            return type(value)(kept) if isinstance(value, int | float) else kept
        return value

    def invalidate_background(self) -> None:
        """Draw the static part again at the next move (see the module docstring)."""
        self._background = None

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
            self.render()
        else:
            self._show_static()

    def render(self) -> None:
        """Draw the figure as it is now on its canvas: by blitting the moving artists onto the
        kept background when the explorer declares them, else by a full draw."""
        canvas = self.figure.canvas
        moving = self.moving_artists()
        if not moving:
            canvas.draw_idle() if canvas is self._canvas else canvas.draw()
            return
        key = self._static_key()
        if self._background is None or key != self._background_key:
            for artist in moving:
                artist.set_animated(True)
            try:
                canvas.draw()
            finally:
                for artist in moving:
                    artist.set_animated(False)
            self._background = canvas.copy_from_bbox(self.figure.bbox)
            self._background_key = key
        else:
            canvas.restore_region(self._background)
        # The spines go back on top of what moved beneath them (bars standing on an axis), in
        # z-order as a full draw would.
        spines = [spine for ax in self.figure.axes for spine in ax.spines.values()]
        for artist in sorted([*moving, *spines], key=lambda a: a.get_zorder()):
            if artist.get_visible():
                (artist.axes or self.figure).draw_artist(artist)
        canvas.blit(self.figure.bbox)

    def _static_key(self) -> tuple:
        """What the background depends on besides the moving artists."""
        limits = tuple((tuple(ax.get_xlim()), tuple(ax.get_ylim())) for ax in self.figure.axes)
        return (tuple(self.figure.bbox.bounds), self.figure.dpi, limits, self.static_state())

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
        hidden = self._live_layout
        if hidden:
            self.use_live_layout(False)
        try:
            self.figure.savefig(buffer, format="png")
        finally:
            if hidden:
                self.use_live_layout(True)
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
