"""Argument checks shared by every public function.

Each check raises ``TypeError`` for a value of the wrong kind and ``ValueError`` for a value out of
range, and the message names the parameter, the value received and what is allowed, e.g.
``active_share must be a share in [0, 1], got 1.5``.
"""

from __future__ import annotations

import math
import numbers
import os

import numpy as np

__all__ = [
    "memory_limit",
    "describe_range",
    "format_bytes",
    "require_array",
    "require_bool",
    "require_choice",
    "require_count",
    "require_instance",
    "require_integer",
    "require_memory",
    "require_number",
    "require_number_or_array",
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
    >>> require_number("minutes_per_day", 2000, low=0, high=1440)
    Traceback (most recent call last):
    ...
    ValueError: minutes_per_day must be in [0, 1440], got 2000
    """
    if not _is_real(value):
        raise TypeError(f"{name} must be a real number, got {value!r} ({type(value).__name__})")
    number = float(value)
    if not math.isfinite(number):
        allowed = "" if low is None and high is None else \
            " " + describe_range(low, high, low_open, high_open)
        raise ValueError(f"{name} must be a finite number{allowed}, got {value!r}")
    too_low = low is not None and (number < low or (low_open and number == low))
    too_high = high is not None and (number > high or (high_open and number == high))
    if too_low or too_high:
        raise ValueError(f"{name} must be {describe_range(low, high, low_open, high_open)}, "
                         f"got {value!r}")
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
    if not _is_real(value):
        raise TypeError(f"{name} must be a share in [0, 1], got {value!r} "
                        f"({type(value).__name__})")
    number = float(value)
    if not 0.0 <= number <= 1.0:  # NaN too
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
    if (low is not None and number < low) or (high is not None and number > high):
        raise ValueError(f"{name} must be {describe_range(low, high)}, got {value!r}")
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


def require_bool(name: str, value: object) -> bool:
    """True or False (numpy's too); 1, 0, "yes" and None are refused.

    >>> require_bool("discrete", 1)
    Traceback (most recent call last):
    ...
    TypeError: discrete must be True or False, got 1 (int)
    """
    if not isinstance(value, bool | np.bool_):
        raise TypeError(f"{name} must be True or False, got {value!r} ({type(value).__name__})")
    return bool(value)


def require_array(name: str, values: object, low: float | None = None,
                  high: float | None = None, *, min_size: int = 1) -> np.ndarray:
    """A one-dimensional sequence or array of at least ``min_size`` finite numbers in
    [low, high], as a float array (a new one: changing it leaves ``values`` alone).

    >>> require_array("values", [1, 2.5]).tolist()
    [1.0, 2.5]
    >>> require_array("values", [])
    Traceback (most recent call last):
    ...
    ValueError: values must hold at least 1 number, got none
    >>> require_array("population", [0.5, 1.5], low=0, high=1)
    Traceback (most recent call last):
    ...
    ValueError: population must hold numbers in [0, 1], got values from 0.5 to 1.5
    """
    if values is None or isinstance(values, str | bytes | numbers.Number | dict | set):
        raise TypeError(f"{name} must be a sequence or array of numbers, got {values!r} "
                        f"({type(values).__name__})")
    try:
        array = np.array(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a sequence or array of numbers, got "
                        f"{_short(values)}") from None
    if np.asarray(values).dtype == bool:
        raise TypeError(f"{name} must hold numbers, got True/False values")
    if array.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional (a sequence of numbers), got shape "
                         f"{array.shape}")
    if array.size < min_size:
        raise ValueError(f"{name} must hold at least {min_size} number"
                         f"{'' if min_size == 1 else 's'}, got {array.size or 'none'}")
    if not np.isfinite(array).all():
        raise ValueError(f"{name} must hold finite numbers only, got a NaN or an infinity")
    if array.size and ((low is not None and array.min() < low)
                       or (high is not None and array.max() > high)):
        raise ValueError(f"{name} must hold numbers {describe_range(low, high)}, got values from "
                         f"{array.min():g} to {array.max():g}")
    return array


def require_number_or_array(name: str, value: object, low: float | None = None,
                            high: float | None = None) -> float | np.ndarray:
    """A number (returned as a float) or a sequence or array of numbers (returned as a float
    array, possibly empty), finite and in [low, high]: the argument of a formula evaluated at one
    point or along a curve.

    >>> require_number_or_array("contacts", 25), require_number_or_array("contacts", [1, 2])
    (25.0, array([1., 2.]))
    """
    if isinstance(value, list | tuple | np.ndarray):
        return require_array(name, value, low, high, min_size=0)
    return require_number(name, value, low, high)


def require_choice(name: str, value: object, choices) -> object:
    """One of ``choices`` (compared with ``==``; the message lists them all).

    >>> require_choice("colour", "pink", ["blue", "orange"])
    Traceback (most recent call last):
    ...
    ValueError: colour must be one of 'blue', 'orange', got 'pink'
    """
    allowed = list(choices)
    try:
        if value in allowed:
            return value
    except (TypeError, ValueError):  # an array, or a value that cannot be compared: not one
        pass
    raise ValueError(f"{name} must be one of {', '.join(map(repr, allowed))}, got "
                     f"{_short(value, with_type=False)}")


def require_instance(name: str, value: object, kind: type | tuple[type, ...],
                     hint: str = "") -> object:
    """An object of the class ``kind`` (or one of several), e.g. a model's result handed to a
    plot; ``hint`` says where one comes from.

    >>> from fractions import Fraction
    >>> require_instance("load", {}, Fraction, "make one with Fraction(1, 2)")
    Traceback (most recent call last):
    ...
    TypeError: load must be a Fraction (make one with Fraction(1, 2)), got dict
    """
    if not isinstance(value, kind):
        kinds = kind if isinstance(kind, tuple) else (kind,)
        names = " or ".join(k.__name__ for k in kinds)
        article = "an" if names[0].lower() in "aeiou" else "a"
        raise TypeError(f"{name} must be {article} {names}{f' ({hint})' if hint else ''}, got "
                        f"{type(value).__name__}")
    return value


def _short(value: object, limit: int = 60, with_type: bool = True) -> str:
    """``repr(value)``, cut to ``limit`` characters, with its type."""
    text = repr(value)
    text = text if len(text) <= limit else text[:limit - 3] + "..."
    return f"{text} ({type(value).__name__})" if with_type else text


def describe_range(low: float | None, high: float | None, low_open: bool = False,
                   high_open: bool = False) -> str:
    """The whole allowed range in words: ``in [0, 1]``, ``> 0``, ``in [1, 30000]``...

    >>> describe_range(0, 1, high_open=True), describe_range(1, None), describe_range(None, 5)
    ('in [0, 1)', '>= 1', '<= 5')
    """
    if low is not None and high is not None:
        if high < low or (high == low and (low_open or high_open)):
            return f"in an empty range ({_fmt(low)} to {_fmt(high)}): no value is allowed"
        return (f"in {'(' if low_open else '['}{_fmt(low)}, {_fmt(high)}"
                f"{')' if high_open else ']'}")
    if low is not None:
        return f"{'>' if low_open else '>='} {_fmt(low)}"
    if high is not None:
        return f"{'<' if high_open else '<='} {_fmt(high)}"
    return "a finite number"


def _fmt(bound: float) -> str:
    if isinstance(bound, numbers.Integral) or float(bound).is_integer() and abs(bound) < 1e15:
        return str(int(bound))
    return f"{bound:g}"


# --- memory ---------------------------------------------------------------------------------------

#: Environment variable that sets the memory limit, in gigabytes (GB, 10**9 bytes).
MEMORY_LIMIT_VARIABLE = "SOCIALMATH_MEMORY_LIMIT_GB"


def memory_limit() -> int:
    """Bytes a single call may allocate: ``SOCIALMATH_MEMORY_LIMIT_GB`` if set, otherwise half of
    this machine's physical memory (4 GB when it cannot be read).

    >>> memory_limit() > 0
    True
    """
    setting = os.environ.get(MEMORY_LIMIT_VARIABLE, "").strip()
    if setting:
        try:
            gigabytes = float(setting)
        except ValueError:
            gigabytes = math.nan
        if not math.isfinite(gigabytes) or gigabytes <= 0:
            raise ValueError(f"{MEMORY_LIMIT_VARIABLE} must be a number of gigabytes > 0, "
                             f"got {setting!r}")
        return int(gigabytes * 1e9)
    try:
        return int(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2)
    except (AttributeError, ValueError, OSError):  # pragma: no cover - not Linux or macOS
        return 4 * 10**9


def format_bytes(n_bytes: float) -> str:
    """A size for a message: ``1.5 GB``, ``34 TB`` (powers of 1,000).

    >>> format_bytes(34e12), format_bytes(2_500_000)
    ('34 TB', '2.5 MB')
    """
    for unit, size in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n_bytes >= size:
            return f"{n_bytes / size:.2g} {unit}"
    return f"{n_bytes:.0f} bytes"


def require_memory(name: str, value: object, n_bytes: float, what: str = "") -> None:
    """Refuse, before anything is allocated, a call whose estimated memory ``n_bytes`` exceeds
    :func:`memory_limit`; the message names the parameter, its value, the estimate and the limit.

    >>> require_memory("size", 10**12, 8e12, "the sample")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: size=1000000000000 would need about 8 TB of memory for the sample; the limit is ...
    """
    limit = memory_limit()
    if n_bytes > limit:
        source = ("set by " + MEMORY_LIMIT_VARIABLE) if os.environ.get(MEMORY_LIMIT_VARIABLE) \
            else f"half this machine's memory; set {MEMORY_LIMIT_VARIABLE} to change it"
        purpose = f" for {what}" if what else ""
        raise ValueError(f"{name}={value!r} would need about {format_bytes(n_bytes)} of memory"
                         f"{purpose}; the limit is {format_bytes(limit)} ({source})")
