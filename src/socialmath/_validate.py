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
    "require_count",
    "require_integer",
    "require_memory",
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
