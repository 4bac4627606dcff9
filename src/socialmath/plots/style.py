"""The house style: a colour-blind-safe palette, readable type, labelled axes.

>>> fig, ax = new_figure()
>>> label_axes(ax, "contacts", "hours per week", "Your feed grows with your network")
>>> ax.get_xlabel()
'contacts'
"""

from __future__ import annotations

from contextlib import contextmanager

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

#: Okabe & Ito's colour-blind-safe palette, by role.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "grey": "#6E6E6E",
    "black": "#000000",
}

HOUSE_RC = {
    "axes.prop_cycle": mpl.cycler(color=[PALETTE[c] for c in
                                         ("blue", "orange", "green", "vermillion", "sky",
                                          "purple", "grey")]),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 11,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "legend.frameon": False,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "savefig.bbox": "tight",
}


def apply_house_style() -> None:
    """Make the house style the default for every later figure (notebooks call this once)."""
    mpl.rcParams.update(HOUSE_RC)


@contextmanager
def house_style():
    """The house style for the figures made inside a ``with`` block only."""
    with mpl.rc_context(HOUSE_RC):
        yield


def new_figure(nrows: int = 1, ncols: int = 1, figsize: tuple[float, float] = (6.4, 4.8),
               **subplot_kw) -> tuple[Figure, Axes | np.ndarray]:
    """A figure and its axes in the house style, outside pyplot's state (nothing leaks between
    cells). It renders with Agg; ``figure.savefig`` and IPython's display both work.
    """
    with house_style():
        figure = Figure(figsize=figsize, layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.subplots(nrows, ncols, subplot_kw=subplot_kw or None)
    return figure, axes


def label_axes(ax: Axes, xlabel: str, ylabel: str, title: str | None = None) -> None:
    """Label both axes (with units) and set a title that states the finding."""
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title is not None:
        ax.set_title(title)


def format_count(value: float) -> str:
    """A count for a label: 25,000 or 1.6 as written in prose.

    >>> format_count(25000.0), format_count(1.25), format_count(3150.4)
    ('25,000', '1.2', '3,150')
    """
    if abs(value) >= 100 or float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.1f}"
