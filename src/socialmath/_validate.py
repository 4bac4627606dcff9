"""Argument checks shared by every public function.

Each check raises ``TypeError`` for a value of the wrong kind and ``ValueError`` for a value out of
range, and the message names the parameter, the value received and what is allowed, e.g.
``active_share must be a share in [0, 1], got 1.5``.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

__all__ = [
    "require_count",
    "require_integer",
    "require_number",
    "require_positive",
    "require_share",
    "require_rng",
]


def _is_real(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def require_number(name: str, value: object, low: float | None = None, high: float | None = None,
                   *, low_open: bool = False, high_open: bool = False) -> float:
    """Return ``value`` as a float after checking it is a finite real number in the given range.

    >>> require_number("hours", 2, low=0)
    2.0
    >>> require_number("hours", -1, low=0)
    Traceback (most recent call last):
    ...
    ValueError: hours must be >= 0, got -1
    """
    if not _is_real(value):
        raise TypeError(f"{name} must be a real number, got {value!r} ({type(value).__name__})")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    if low is not None and (number < low or (low_open and number == low)):
        sign = ">" if low_open else ">="
        raise ValueError(f"{name} must be {sign} {_fmt(low)}, got {value!r}")
    if high is not None and (number > high or (high_open and number == high)):
        sign = "<" if high_open else "<="
        raise ValueError(f"{name} must be {sign} {_fmt(high)}, got {value!r}")
    return number


def require_positive(name: str, value: object) -> float:
    """A finite number strictly greater than zero.

    >>> require_positive("seconds_per_post", 0)
    Traceback (most recent call last):
    ...
    ValueError: seconds_per_post must be > 0, got 0
    """
    return require_number(name, value, low=0, low_open=True)


def require_share(name: str, value: object) -> float:
    """A share (a fraction, not a percentage) in [0, 1].

    >>> require_share("active_share", 1.5)
    Traceback (most recent call last):
    ...
    ValueError: active_share must be a share in [0, 1], got 1.5 (a percentage? divide by 100)
    """
    number = require_number(name, value)
    if not 0.0 <= number <= 1.0:
        hint = " (a percentage? divide by 100)" if 1.0 < number <= 100.0 else ""
        raise ValueError(f"{name} must be a share in [0, 1], got {value!r}{hint}")
    return number


def require_integer(name: str, value: object, low: int | None = None,
                    high: int | None = None) -> int:
    """An integer (Python or numpy) in [low, high]; floats such as 3.0 are refused.

    >>> require_integer("weeks", 2.5, low=1)
    Traceback (most recent call last):
    ...
    TypeError: weeks must be an integer, got 2.5 (float)
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {value!r} ({type(value).__name__})")
    number = int(value)
    if low is not None and number < low:
        raise ValueError(f"{name} must be >= {low}, got {value!r}")
    if high is not None and number > high:
        raise ValueError(f"{name} must be <= {high}, got {value!r}")
    return number


def require_count(name: str, value: object, high: int | None = None) -> int:
    """A whole number of people, posts, nodes...: an integer >= 0.

    >>> require_count("contacts", -3)
    Traceback (most recent call last):
    ...
    ValueError: contacts must be >= 0, got -3
    """
    return require_integer(name, value, low=0, high=high)


def require_rng(name: str, seed: object) -> np.random.Generator:
    """Turn ``seed`` (None, an int >= 0 or a ``numpy.random.Generator``) into a Generator.

    >>> int(require_rng("seed", 1).integers(10)) == int(require_rng("seed", 1).integers(10))
    True
    """
    if seed is None or isinstance(seed, np.random.Generator):
        return np.random.default_rng(seed)
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise TypeError(f"{name} must be None, an integer >= 0 or a numpy.random.Generator, "
                        f"got {seed!r} ({type(seed).__name__})")
    if seed < 0:
        raise ValueError(f"{name} must be >= 0, got {seed!r}")
    return np.random.default_rng(int(seed))


def _fmt(bound: float) -> str:
    return f"{bound:g}"
