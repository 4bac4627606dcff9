"""The house style: a colour-blind-safe palette, readable type, labelled axes; and the argument
checks every plot function shares.

>>> fig, ax = new_figure()
>>> label_axes(ax, "contacts", "hours per week", "Your feed grows with your network")
>>> ax.get_xlabel()
'contacts'

A plot function checks its arguments as a model does, before it draws anything: a ``TypeError``
or ``ValueError`` that names the parameter, the value and what is allowed, never matplotlib's
``AttributeError`` from deep inside. The checks that need matplotlib live here
(:func:`require_axes`, :func:`require_colour`, :func:`require_text`); the others come from
:mod:`socialmath._validate` (``require_instance`` for a model's result, ``require_array`` for a
series, ``require_number``...). A chapter's plot module uses them like this::

    def draw_cascade(ax, result, colour="blue"):
        require_axes("ax", ax)
        require_instance("result", result, Cascade, "from socialmath.branding.cascade")
        require_colour("colour", colour)
        ...

``tests/test_plots_arguments.py`` calls every public plot function with one bad argument at a
time; a new plot module is found from the chapter table in ``socialmath.__doc__``.
"""

from __future__ import annotations

from contextlib import contextmanager

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from socialmath._validate import require_choice, require_integer, require_number

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

    ``figsize`` is (width, height) in inches, each in (0, 50]; ``nrows`` and ``ncols`` are
    1 to 10.
    """
    require_integer("nrows", nrows, low=1, high=10)
    require_integer("ncols", ncols, low=1, high=10)
    if isinstance(figsize, str) or not isinstance(figsize, tuple | list) or len(figsize) != 2:
        raise TypeError(f"figsize must be (width, height) in inches, got {figsize!r}")
    for size in figsize:
        require_number("figsize", size, low=0, high=50, low_open=True)
    with house_style():
        figure = Figure(figsize=figsize, layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.subplots(nrows, ncols, subplot_kw=subplot_kw or None)
    return figure, axes


def label_axes(ax: Axes, xlabel: str, ylabel: str, title: str | None = None) -> None:
    """Label both axes (with units) and set a title that states the finding."""
    require_axes("ax", ax)
    require_text("xlabel", xlabel)
    require_text("ylabel", ylabel)
    require_text("title", title, optional=True)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title is not None:
        ax.set_title(title)


def format_count(value: float) -> str:
    """A count for a label: 25,000 or 1.6 as written in prose.

    >>> format_count(25000.0), format_count(1.25), format_count(3150.4)
    ('25,000', '1.2', '3,150')
    """
    value = require_number("value", value)
    if abs(value) >= 100 or float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.1f}"


# --- argument checks shared by the plot functions -----------------------------------------------


def require_axes(name: str, value: object) -> Axes:
    """A matplotlib ``Axes`` to draw on.

    >>> require_axes("ax", "figure")
    Traceback (most recent call last):
    ...
    TypeError: ax must be a matplotlib Axes to draw on (fig, ax = new_figure()), got str
    """
    if not isinstance(value, Axes):
        hint = " (one Axes of the array: ax[0])" if isinstance(value, np.ndarray) else ""
        raise TypeError(f"{name} must be a matplotlib Axes to draw on (fig, ax = new_figure()), "
                        f"got {type(value).__name__}{hint}")
    return value


def require_colour(name: str, value: object) -> str:
    """A colour of the house palette, by name (``"blue"``, ``"orange"``...).

    >>> require_colour("colour", "red")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: colour must be one of 'blue', 'orange', 'green', 'vermillion', ..., got 'red'
    """
    if not isinstance(value, str):
        raise TypeError(f"{name} must be the name of a house colour ({', '.join(PALETTE)}), "
                        f"got {value!r} ({type(value).__name__})")
    return require_choice(name, value, PALETTE)


def require_text(name: str, value: object, *, optional: bool = False) -> str | None:
    """A string for a label or a title (``None`` too when ``optional``: no title).

    >>> require_text("xlabel", 3)
    Traceback (most recent call last):
    ...
    TypeError: xlabel must be a string, got 3 (int)
    """
    if value is None and optional:
        return None
    if not isinstance(value, str):
        allowed = "a string or None" if optional else "a string"
        raise TypeError(f"{name} must be {allowed}, got {value!r} ({type(value).__name__})")
    return value



def require_axes_pair(name: str, value: object) -> tuple[Axes, Axes]:
    """Two matplotlib ``Axes`` side by side (``fig, axes = new_figure(ncols=2)``).

    >>> require_axes_pair("axes", new_figure()[1])
    Traceback (most recent call last):
    ...
    TypeError: axes must be two matplotlib Axes (fig, axes = new_figure(ncols=2)), got Axes
    """
    pair = list(value) if isinstance(value, list | tuple | np.ndarray) else None
    if pair is None or len(pair) != 2 or not all(isinstance(ax, Axes) for ax in pair):
        raise TypeError(f"{name} must be two matplotlib Axes (fig, axes = new_figure(ncols=2)), "
                        f"got {type(value).__name__}")
    return pair[0], pair[1]


def require_labelled(name: str, value: object, check, what: str) -> dict:
    """A non-empty dict from labels (strings) to values, each passed to ``check(name[label],
    value)``; ``what`` says what a value is, for the message.

    >>> require_labelled("riots", [], None, "a Riot (from socialmath.branding.riot)")
    Traceback (most recent call last):
    ...
    TypeError: riots must be a dict from labels to a Riot (from socialmath.branding.riot), got list
    """
    if not isinstance(value, dict):
        raise TypeError(f"{name} must be a dict from labels to {what}, got {type(value).__name__}")
    if not value:
        raise ValueError(f"{name} must hold at least one label and {what}, got an empty dict")
    for label, item in value.items():
        require_text(f"each label of {name}", label)
        check(f"{name}[{label!r}]", item)
    return value
