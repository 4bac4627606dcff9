"""What every twin shares: controls read from the explorer, formulas as signals, house style.

A twin is a chapter explorer's figure as a Vega-Lite chart that the browser computes by itself
(see :mod:`socialmath.twins`). A twin module declares one :class:`Twin`:

* ``explorer``: the explorer class it mirrors. Its controls are read from a default instance
  (:meth:`Control.from_widget`), so their names, ranges, steps and starting values are the
  explorer's own; ``controls`` picks which, ``fixed`` holds those the twin keeps at a value.
* ``formulas(**controls) -> dict``: the numbers the figure states (its title, its markers), as
  plain arithmetic on the controls. Called with numbers it returns numbers (the unit tests
  compare them with the model); called with signals it returns Vega expressions, which become
  the chart's signals of the same names (the browser test reads them back).
* ``model(twin, values) -> dict``: the same numbers from the Python model (the explorer's
  ``compute``, :meth:`Twin.compute`) at those control values: the truth both are held to.
* ``tables(twin) -> [Table]``: for explorers that need a graph or a simulation, the rows the
  model computed over a grid of control values; ``formulas`` receives them as ``tables``.
* ``chart(twin) -> altair chart``: the figure, drawn from those signals and, for explorers that
  need a graph or a simulation, from a :class:`Table` the model computed over a grid of control
  values (the sliders pick a row).
* ``drawn(twin, values) -> {mark: (fields, rows)}``: what the model says a named mark of the chart
  draws at those control values (a curve's points), for the browser test to compare with the
  data behind the mark on the page.
* ``title`` and ``description``: the twin's name (the label of its region on the page) and a
  sentence on what the chart shows (the chart's own accessible description).
* ``note``: one sentence on what the twin leaves out or fixes, if anything (``fixed``: controls
  kept at a value; ``only``: controls of which the twin offers some options).

Every name in ``formulas`` is a Vega signal on the page; every control is a signal bound to an
HTML input (a slider, a list or radio buttons) of the same name.
"""

from __future__ import annotations

import hashlib
import json
import math
import numbers
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from socialmath.plots.style import PALETTE
from socialmath.twins.expr import Expr, _code, signal

#: The chart's size in pixels (the plotting area), close to the explorers' 6.4 x 4.8 inches.
WIDTH, HEIGHT = 480, 300
#: Where tables the model computed are kept between builds (the book sets it; None: not kept).
#: A kept table is used only while the package's code and the numeric libraries are unchanged.
CACHE_DIR: Path | None = None


# --- controls ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Control:
    """One input of a twin, named like the explorer's control (and the model's argument).

    ``kind`` is ``"range"`` (a slider over ``low..high`` by ``step``), ``"log"`` (a slider over
    the exponents ``log10(low)..log10(high)``, as ipywidgets' FloatLogSlider), ``"index"`` (a
    slider over the positions of ``options``, for long option lists such as months), ``"select"``
    (a drop-down list of ``options``) or ``"radio"``. ``labels`` name the options as the page
    shows them.
    """

    name: str
    label: str
    kind: str
    value: Any
    low: float | None = None
    high: float | None = None
    step: float | None = None
    options: tuple = ()
    labels: tuple[str, ...] = ()

    @classmethod
    def from_widget(cls, name: str, widget) -> Control:
        """The twin's control for an ipywidgets control of an explorer, with its range, step
        and current value."""
        label = widget.description or name
        if hasattr(widget, "base"):  # FloatLogSlider: min and max are exponents
            return cls(name, label, "log", float(widget.value), low=widget.base ** widget.min,
                       high=widget.base ** widget.max, step=widget.step)
        if hasattr(widget, "min"):
            integer = isinstance(widget.value, int)
            cast = int if integer else float
            return cls(name, label, "range", cast(widget.value), low=cast(widget.min),
                       high=cast(widget.max), step=cast(widget.step))
        options = [option if isinstance(option, tuple) else (str(option), option)
                   for option in widget.options]
        labels = tuple(str(text) for text, _ in options)
        plain = all(isinstance(value, int | float | str) for _, value in options)
        # Options a page cannot hold (dates, capacities) are stood for by their positions.
        values = (tuple(_plain(value) for _, value in options) if plain
                  else tuple(range(len(options))))
        current = next(i for i, (_, value) in enumerate(options) if value == widget.value)
        chosen = ("radio" if type(widget).__name__ == "ToggleButtons"
                  else "index" if len(values) > 12 else "select")
        return cls(name, label, chosen, values[current], options=values, labels=labels)

    @property
    def bound(self) -> str:
        """The signal that the HTML input sets: the control's own name, except for a log
        slider (``log10_<name>``) and an index slider (``<name>_index``)."""
        return {"log": f"log10_{self.name}", "index": f"{self.name}_index"}.get(self.kind,
                                                                                self.name)

    def input_value(self, value) -> float | str:
        """What the HTML input holds when the control is at ``value``."""
        if self.kind == "log":
            return round(math.log10(value), 6)
        if self.kind == "index":
            return self.options.index(value)
        return value

    def params(self) -> list:
        """The Vega-Lite parameters: the bound one, and the control's value derived from it."""
        import altair as alt

        if self.kind in ("range", "log", "index"):
            if self.kind == "range":
                low, high, step, value = self.low, self.high, self.step, self.value
            elif self.kind == "log":
                low, high = math.log10(self.low), math.log10(self.high)
                step, value = self.step, round(math.log10(self.value), 6)
            else:
                low, high, step, value = 0, len(self.options) - 1, 1, self.input_value(
                    self.value)
            name = self.label + (" (log10)" if self.kind == "log" else "")
            bound = alt.param(name=self.bound, value=value, bind=alt.binding_range(
                min=low, max=high, step=step, name=name + " "))
            if self.kind == "log":
                return [bound, alt.param(name=self.name, expr=f"pow(10, {self.bound})")]
            if self.kind == "index":
                return [bound, alt.param(name=self.name,
                                         expr=f"{json.dumps(list(self.options))}[{self.bound}]"),
                        alt.param(name=f"{self.name}_label",
                                  expr=f"{json.dumps(list(self.labels))}[{self.bound}]")]
            return [bound]
        binding = (alt.binding_radio if self.kind == "radio" else alt.binding_select)(
            options=list(self.options), labels=list(self.labels), name=self.label + " ")
        return [alt.param(name=self.name, value=self.value, bind=binding)]

    def positions(self, count: int, rng: np.random.Generator) -> list:
        """``count`` values across the control's range: both ends, then random positions."""
        if self.kind in ("select", "radio", "index"):
            picks = [self.options[0], self.options[-1]]
            picks += [self.options[i] for i in rng.integers(0, len(self.options), count)]
            return picks[:count]
        if self.kind == "log":
            exponents = np.arange(math.log10(self.low), math.log10(self.high) + 1e-9, self.step)
            grid = [float(10 ** round(e, 6)) for e in exponents]
        else:
            steps = int(round((self.high - self.low) / self.step))
            grid = [self.low + i * self.step for i in range(steps + 1)]
            grid = [round(g, 10) for g in grid]
            if isinstance(self.value, int):
                grid = [int(g) for g in grid]
        picks = [grid[0], grid[-1]] + [grid[i] for i in rng.integers(0, len(grid), count)]
        return picks[:count]


def _plain(value):
    """An option as JSON can hold it (numpy numbers, timestamps and capacities made plain)."""
    if isinstance(value, bool | str) or value is None:
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    return str(value)


# --- tables computed by the model ----------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Table:
    """Rows the Python model computed over a grid of control values, shipped in the page as a
    named data set. ``keys`` are the control names that index it (their values on the grid, in
    order); row ``i`` of the grid is at position ``index`` (row-major order of ``keys``)."""

    name: str
    keys: dict[str, tuple]
    rows: list[dict]

    def __post_init__(self) -> None:
        expected = math.prod(len(values) for values in self.keys.values())
        if len(self.rows) != expected:
            raise ValueError(f"table {self.name!r} must have {expected} rows (one per grid "
                             f"point of {list(self.keys)}), got {len(self.rows)}")

    def position(self, **values) -> Expr | int:
        """The row at the controls' values: a number for numbers, an expression for signals
        (``indexof`` finds each value on its grid)."""
        index: Any = 0
        for key, grid in self.keys.items():
            value = values[key]
            here = (Expr(f"indexof({json.dumps(list(grid))}, {_code(value)})")
                    if isinstance(value, Expr) else list(grid).index(value))
            index = index * len(grid) + here
        return index

    def at(self, column: str, **values):
        """A column at the controls' values: the number, or ``data('name')[i].column``."""
        index = self.position(**values)
        if isinstance(index, Expr):
            # a row not there yet (before the data set loads) reads as undefined, not an error
            return Expr(f"(data({json.dumps(self.name)})[{index.code}] || {{}}).{column}")
        return self.rows[index][column]


# --- the twin ------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Twin:
    """A chapter explorer's browser twin (see the module docstring)."""

    explorer: type
    controls: tuple[str, ...]
    formulas: Callable[..., dict]
    model: Callable[[Twin, dict], dict]
    chart: Callable[[Twin], Any]
    title: str
    description: str
    note: str = ""
    fixed: dict[str, Any] = field(default_factory=dict)
    #: controls whose options the twin offers only some of (the page carries data for those)
    only: dict[str, tuple] = field(default_factory=dict)
    #: sliders the twin moves by a coarser step than the explorer (its table has fewer rows)
    step: dict[str, float] = field(default_factory=dict)
    tables: Callable[[Twin], Sequence[Table]] = lambda twin: ()
    drawn: Callable[[Twin, dict], dict] = lambda twin, values: {}
    #: how close the page's numbers must come to the model's (relative), per readout name
    tolerance: dict[str, float] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.explorer.__name__

    @cached_property
    def instance(self):
        """A default explorer (built once): its controls and its model."""
        return self.explorer()

    def compute(self, values: dict):
        """The explorer's model at these control values (``Explorer.compute``). A control whose
        options the page stands for by their positions is given the option itself."""
        given = dict(values)
        for name, widget in self.instance.controls.items():
            options = getattr(widget, "options", None)
            if name in given and options and not hasattr(widget, "min"):
                pairs = [o if isinstance(o, tuple) else (str(o), o) for o in options]
                if not all(isinstance(v, int | float | str) for _, v in pairs):
                    given[name] = pairs[given[name]][1]
        return self.instance.compute(**given)

    def inputs(self) -> list[Control]:
        """The controls, read from a default explorer (with only the options in ``only``)."""
        controls = []
        for name in self.controls:
            control = Control.from_widget(name, self.instance.controls[name])
            if name in self.only:
                kept = [i for i, option in enumerate(control.options)
                        if option in self.only[name]]
                control = replace(control, options=tuple(control.options[i] for i in kept),
                                  labels=tuple(control.labels[i] for i in kept))
            if name in self.step:
                control = replace(control, step=self.step[name])
            controls.append(control)
        return controls

    def defaults(self) -> dict:
        return {control.name: control.value for control in self.inputs()}

    def values(self, **chosen) -> dict:
        """Every control's value: the defaults, ``fixed`` and then ``chosen``."""
        return {**self.defaults(), **self.fixed, **chosen}

    def numbers(self, values: dict) -> dict:
        """The model's numbers at these control values (``model``)."""
        return self.model(self, values)

    def marks(self, values: dict) -> dict:
        """What the model says the named marks draw at these control values (``drawn``)."""
        return self.drawn(self, values)

    def evaluate(self, values: dict) -> dict:
        """The twin's formulas on numbers (as the page computes them)."""
        return self.formulas(**{name: values[name] for name in self.controls},
                             **self._table_kwargs())

    @cached_property
    def table_list(self) -> list[Table]:
        """The twin's tables, computed once by the model (``tables``), or read back from
        ``CACHE_DIR`` when the same code computed them before."""
        if CACHE_DIR is None:
            return list(self.tables(self))
        path = Path(CACHE_DIR) / f"{self.name}-{_code_fingerprint()}.json"
        if path.exists():
            return [Table(t["name"], {k: tuple(v) for k, v in t["keys"]}, t["rows"])
                    for t in json.loads(path.read_text(encoding="utf-8"))]
        tables = list(self.tables(self))
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")
        partial.write_text(json.dumps([{"name": t.name, "keys": list(t.keys.items()),
                                        "rows": t.rows} for t in tables]), encoding="utf-8")
        partial.replace(path)  # atomic: a build running beside this one reads all or nothing
        return tables

    def _table_kwargs(self) -> dict:
        tables = self.table_list
        return {"tables": {t.name: t for t in tables}} if tables else {}

    def positions(self, count: int = 5, seed: int = 0) -> list[dict]:
        """Sampled control values: the defaults (where the page opens), then positions the
        sliders can reach: each control's ends, then random steps."""
        rng = np.random.default_rng(seed)
        inputs = self.inputs()
        columns = {c.name: c.positions(count, rng) for c in inputs}
        rows = [self.values()]
        for i in range(count):
            rows.append(self.values(**{name: picks[i] for name, picks in columns.items()}))
        return rows

    def spec(self) -> dict:
        """The Vega-Lite specification of the twin (a dict, ready for JSON)."""
        import altair as alt

        with alt.data_transformers.disable_max_rows():
            chart = self.chart(self)
            tables = {t.name: t.rows for t in self.table_list}
            # Vega-Lite keeps only the data sets a layer draws: a table that only the signals
            # read gets a layer that draws none of its rows.
            chart.layer = [*chart.layer, *(
                alt.Chart(alt.NamedData(name)).transform_filter("false").mark_point()
                for name in tables)]
            params = [param for control in self.inputs() for param in control.params()]
            named = {name: signal(name) for name in self.controls}
            readout = self.formulas(**named, **self._table_kwargs())
            params += [alt.param(name=name, expr=_code(value)) for name, value in readout.items()]
            chart = chart.add_params(*params).properties(description=self.description)
            spec = chart.to_dict()
        spec.setdefault("datasets", {}).update(tables)
        spec["config"] = {**spec.get("config", {}), **house_config()}
        return spec

    def spec_json(self) -> str:
        return json.dumps(self.spec(), separators=(",", ":"), allow_nan=False)


def _code_fingerprint() -> str:
    """The package's code and data, and the numeric libraries' versions: what a table depends
    on."""
    from importlib.metadata import version

    import socialmath

    digest = hashlib.sha256()
    package = Path(socialmath.__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".csv") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    for library in ("numpy", "scipy", "pandas", "networkx"):
        digest.update(f"{library} {version(library)}".encode())
    return digest.hexdigest()[:16]


def house_config() -> dict:
    """The house style of ``plots.style`` as Vega-Lite configuration: the palette, type sizes,
    no top or right frame, a light grid."""
    order = ("blue", "orange", "green", "vermillion", "sky", "purple", "grey")
    return {
        "view": {"stroke": None, "continuousWidth": WIDTH, "continuousHeight": HEIGHT},
        "range": {"category": [PALETTE[c] for c in order]},
        "title": {"fontSize": 14, "fontWeight": "bold", "anchor": "start", "limit": WIDTH + 60},
        "axis": {"labelFontSize": 11, "titleFontSize": 12, "gridOpacity": 0.3,
                 "titleFontWeight": "normal", "domainColor": PALETTE["black"]},
        "legend": {"labelFontSize": 11, "titleFontSize": 11},
        "text": {"fontSize": 11},
    }
