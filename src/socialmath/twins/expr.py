"""Formulas written once, evaluated two ways: as numbers in Python, as Vega expressions in a page.

A twin's formula is a plain Python function of the controls' values, e.g.

    def posts_per_week(contacts, silent_share, posts_per_active):
        return contacts * (1 - silent_share) * posts_per_active

Called with numbers, it returns a number (what the unit tests compare with the model). Called
with :class:`Expr` values (``signal("contacts")``...), the same arithmetic builds the text of a
Vega expression (what the page evaluates when a slider moves, and what the browser test reads
back and compares with the model). The functions below (``minimum``,
``where``...) do the same: numbers in, a number out; an expression in, an expression out.

>>> posts = signal("contacts") * (1 - signal("silent_share"))
>>> str(posts)
'(contacts * (1 - silent_share))'
>>> def share(contacts, silent_share):
...     return contacts * (1 - silent_share)
>>> round(share(25_000, 0.8), 6), str(share(signal("contacts"), 0.8))
(5000.0, '(contacts * 0.19999999999999996)')
>>> str(where(signal("x") > 0, 1, 2))
'((x > 0) ? 1 : 2)'
"""

from __future__ import annotations

import json
import math
import numbers

import numpy as np

__all__ = ["Expr", "choose", "datum", "divide", "equal", "exp", "floor", "format_count", "lines",
           "log", "log10", "maximum", "minimum", "percent", "pow_", "round_", "signal", "where"]


def _code(value: object) -> str:
    if isinstance(value, Expr):
        return value.code
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, numbers.Real):
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"a formula's constant must be finite, got {value!r}")
        return repr(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)
    if isinstance(value, str):
        return json.dumps(value)
    raise TypeError(f"a formula takes numbers, strings or Expr values, got {value!r}")


class Expr:
    """The text of a Vega expression, combined by Python's operators (``+ - * / **``,
    comparisons, unary minus). Use :func:`where` for a choice; ``and``/``or``/``if`` cannot be
    overloaded, so a formula that branches on a number must use :func:`where` too."""

    __slots__ = ("code",)

    def __init__(self, code: str) -> None:
        if not isinstance(code, str) or not code:
            raise TypeError(f"code must be a non-empty string, got {code!r}")
        self.code = code

    def __str__(self) -> str:
        return self.code

    def __repr__(self) -> str:
        return f"Expr({self.code!r})"

    def _binary(self, other, op: str, reverse: bool = False) -> Expr:
        left, right = (_code(other), self.code) if reverse else (self.code, _code(other))
        return Expr(f"({left} {op} {right})")

    def __add__(self, other): return self._binary(other, "+")
    def __radd__(self, other): return self._binary(other, "+", True)
    def __sub__(self, other): return self._binary(other, "-")
    def __rsub__(self, other): return self._binary(other, "-", True)
    def __mul__(self, other): return self._binary(other, "*")
    def __rmul__(self, other): return self._binary(other, "*", True)
    def __truediv__(self, other): return self._binary(other, "/")
    def __rtruediv__(self, other): return self._binary(other, "/", True)
    def __pow__(self, other): return Expr(f"pow({self.code}, {_code(other)})")
    def __rpow__(self, other): return Expr(f"pow({_code(other)}, {self.code})")
    def __neg__(self): return Expr(f"(-{self.code})")
    def __lt__(self, other): return self._binary(other, "<")
    def __le__(self, other): return self._binary(other, "<=")
    def __gt__(self, other): return self._binary(other, ">")
    def __ge__(self, other): return self._binary(other, ">=")
    # == and != stay Python's identity (an Expr is used as a dict key); use equal() instead.
    __hash__ = object.__hash__

    def __bool__(self) -> bool:
        raise TypeError("an Expr has no truth value: use where(test, a, b) for a choice")


def signal(name: str) -> Expr:
    """A control's value (a Vega signal) by name."""
    if not isinstance(name, str) or not name.isidentifier():
        raise ValueError(f"name must be an identifier, got {name!r}")
    return Expr(name)


def datum(field: str) -> Expr:
    """A field of the current row of a data set (in a calculate or filter transform)."""
    if not isinstance(field, str) or not field.isidentifier():
        raise ValueError(f"field must be an identifier, got {field!r}")
    return Expr(f"datum.{field}")


def _symbolic(*values) -> bool:
    return any(isinstance(value, Expr) for value in values)


def _call(name: str, *values) -> Expr:
    return Expr(f"{name}({', '.join(_code(value) for value in values)})")


def minimum(a, b):
    """The smaller of two values."""
    return _call("min", a, b) if _symbolic(a, b) else min(a, b)


def maximum(a, b):
    """The larger of two values."""
    return _call("max", a, b) if _symbolic(a, b) else max(a, b)


def pow_(a, b):
    """``a`` to the power ``b``."""
    return _call("pow", a, b) if _symbolic(a, b) else float(a) ** float(b)


def exp(a):
    return _call("exp", a) if _symbolic(a) else math.exp(a)


def log(a):
    """The natural logarithm."""
    return _call("log", a) if _symbolic(a) else math.log(a)


def log10(a):
    return Expr(f"(log({_code(a)}) / LN10)") if _symbolic(a) else math.log10(a)


def floor(a):
    return _call("floor", a) if _symbolic(a) else math.floor(a)


def equal(a, b):
    """``a == b`` (Python's ``==`` keeps its meaning on expressions)."""
    return Expr(f"({_code(a)} === {_code(b)})") if _symbolic(a, b) else a == b


def divide(a, b):
    """``a / b``; with numbers, a division by zero gives inf (or nan for 0 / 0) as in a page,
    so that a formula can test for it with :func:`where`."""
    if _symbolic(a, b):
        return Expr(f"({_code(a)} / {_code(b)})")
    if b == 0:
        return math.nan if a == 0 else math.copysign(math.inf, a)
    return a / b


def round_(a, digits: int = 0):
    """``a`` rounded to ``digits`` decimals (as numpy's ``round``, which the models use)."""
    if _symbolic(a):
        scale = 10 ** digits
        return Expr(f"(round({_code(a)} * {scale}) / {scale})")
    return float(np.round(a, digits))


def format_count(a):
    """A count as the figures write it (``plots.style.format_count``): 25,000, or 1.2."""
    if _symbolic(a):
        code = _code(a)
        return Expr(f"format({code}, (abs({code}) >= 100 || {code} === floor({code})) ? "
                    f"',.0f' : ',.1f')")
    from socialmath.plots.style import format_count as plain
    return plain(a)


def percent(a, decimals: int = 0):
    """A share as a percentage, "63%"."""
    if _symbolic(a):
        return Expr(f"format({_code(a)}, '.{decimals}%')")
    return f"{a:.{decimals}%}"


def choose(index, options):
    """``options[index]``: a value picked by a control that stands for its options by their
    positions."""
    if _symbolic(index):
        return Expr(f"[{', '.join(_code(option) for option in options)}][{_code(index)}]")
    return options[index]


def lines(*parts):
    """A title of several lines (Vega draws a list of strings one under the other)."""
    if _symbolic(*parts):
        return Expr(f"[{', '.join(_code(part) for part in parts)}]")
    return list(parts)


def where(test, if_true, if_false):
    """``if_true`` where ``test`` holds, else ``if_false``. With numbers, only the chosen branch
    is used (the other may be inf or nan, as a division by zero gives)."""
    if _symbolic(test, if_true, if_false):
        return Expr(f"({_code(test)} ? {_code(if_true)} : {_code(if_false)})")
    return if_true if test else if_false
