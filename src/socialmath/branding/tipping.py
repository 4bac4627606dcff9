"""The tipping point: the network size past which you can no longer answer everyone.

Keeping up a contact takes real exchanges: a message read and answered, a comment replied to.
With a weekly time budget and a few minutes per exchange, two numbers follow:

* the **reciprocation capacity**, the number of contacts you can keep up with at a given cadence
  (exchanges per contact per month):
  ``capacity = hours_per_week x 60 x 52/12 / (minutes_per_exchange x exchanges_per_month)``;
* the **tipping size**, the network size at which the messages and requests your contacts send
  you alone fill the budget: ``tipping = hours_per_week x 60 / (minutes_per_exchange x
  requests_per_contact)``, with ``requests_per_contact`` the replies one contact asks of you in
  a week.

Past the tipping size you answer only a share of what arrives: the essay's one-way mass medium.
Every input is an assumption (:data:`TIPPING_ASSUMPTIONS`; we found no published figure for
any of them), so :func:`tipping_band` gives the range over their plausible values. The published
estimates of human group size are a band too: Dunbar's 147.8, with a 95% interval of 100.2 to
231.1 (``dunbar1993``), re-estimated by Lindenfors and colleagues at 69 to 109 with a 95%
interval of 4 to 520 (``lindenfors2021``), who conclude that specifying any one number is futile.

>>> point = reciprocation(hours_per_week=2, minutes_per_exchange=5, exchanges_per_month=1,
...                       requests_per_contact=0.01)
>>> round(point.capacity), round(point.tipping_size)
(104, 2400)
>>> round(point.answered_share(25_000), 3)
0.096
"""

from __future__ import annotations

import itertools
import numbers
from dataclasses import dataclass

import numpy as np

from socialmath._validate import require_number
from socialmath.branding.funnel import Assumption

__all__ = [
    "GROUP_SIZES",
    "TIPPING_ASSUMPTIONS",
    "GroupSize",
    "Reciprocation",
    "TippingBand",
    "reciprocation",
    "tipping_band",
]

WEEKS_PER_MONTH = 52 / 12
MINUTES_PER_HOUR = 60.0
#: The widest ranges :func:`reciprocation` accepts for the minutes an exchange takes (from under
#: a second to a whole week) and the exchanges a month a contact needs (from one in eight years
#: to one an hour): beyond them the capacity is no longer a number of people.
MINUTES_PER_EXCHANGE_RANGE = (0.01, 7 * 24 * 60)
EXCHANGES_PER_MONTH_RANGE = (0.01, 720)


@dataclass(frozen=True)
class GroupSize:
    """A published estimate of human group size: its point estimate(s) and 95% interval."""

    name: str
    estimate_low: float
    estimate_high: float
    interval_low: float
    interval_high: float
    source: str


#: Dunbar's extrapolation from primates, and Lindenfors and colleagues' two re-estimates.
GROUP_SIZES: dict[str, GroupSize] = {
    "dunbar1993": GroupSize("Dunbar 1993", 147.8, 147.8, 100.2, 231.1, "dunbar1993"),
    "lindenfors2021_bayesian": GroupSize("Lindenfors et al. 2021 (Bayesian)", 69.0, 109.0,
                                         4.0, 520.0, "lindenfors2021"),
    "lindenfors2021_gls": GroupSize("Lindenfors et al. 2021 (GLS)", 16.0, 42.0, 2.0, 336.0,
                                    "lindenfors2021"),
}

#: The inputs of :func:`reciprocation`: defaults and plausible ranges. All are assumptions.
TIPPING_ASSUMPTIONS: dict[str, Assumption] = {
    item.name: item for item in (
        Assumption("hours_per_week", 2.0, 0.5, 5.0, "",
                   "time you give each week to reading and answering your contacts. We found "
                   "no published figure. An assumption."),
        Assumption("minutes_per_exchange", 5.0, 2.0, 15.0, "",
                   "minutes for one real exchange: reading a message or a comment and writing "
                   "a reply that is more than a reaction. An assumption."),
        Assumption("exchanges_per_month", 1.0, 0.25, 4.0, "",
                   "real exchanges a month that keep one contact a two-way relationship. "
                   "An assumption."),
        Assumption("requests_per_contact", 0.01, 0.002, 0.05, "",
                   "messages, requests and comments needing a reply that one contact sends "
                   "you in a week (0.01: one contact in a hundred writes each week). "
                   "An assumption."),
    )
}


@dataclass(frozen=True)
class Reciprocation:
    """What a weekly time budget allows: the contacts you can keep up with, and the network size
    at which incoming requests fill it."""

    hours_per_week: float
    minutes_per_exchange: float
    exchanges_per_month: float
    requests_per_contact: float
    capacity: float
    tipping_size: float

    def reciprocated_share(self, contacts):
        """Share of ``contacts`` you can keep up with: ``min(1, capacity / contacts)`` (a number,
        or an array for an array of network sizes; 1 for no contacts).

        >>> reciprocation().reciprocated_share(1000)
        0.104
        """
        return _share_within(self.capacity, contacts)

    def answered_share(self, contacts):
        """Share of the incoming requests you can answer: ``min(1, tipping_size / contacts)``.

        >>> reciprocation().answered_share([1000, 4800])
        array([1. , 0.5])
        """
        return _share_within(self.tipping_size, contacts)

    def hours_needed(self, contacts):
        """Hours a week that answering every incoming request would take.

        >>> reciprocation().hours_needed(25_000)
        20.833333333333332
        """
        sizes = _require_contacts(contacts)
        hours = sizes * self.requests_per_contact * self.minutes_per_exchange / MINUTES_PER_HOUR
        return float(hours) if np.ndim(hours) == 0 else hours


def reciprocation(hours_per_week: float = TIPPING_ASSUMPTIONS["hours_per_week"].value,
                  minutes_per_exchange: float = TIPPING_ASSUMPTIONS["minutes_per_exchange"].value,
                  exchanges_per_month: float = TIPPING_ASSUMPTIONS["exchanges_per_month"].value,
                  requests_per_contact: float = TIPPING_ASSUMPTIONS["requests_per_contact"].value
                  ) -> Reciprocation:
    """Reciprocation capacity and tipping size for one set of assumptions (module docstring).

    >>> point = reciprocation(hours_per_week=1, minutes_per_exchange=10, exchanges_per_month=2)
    >>> round(point.capacity, 1), point.tipping_size
    (13.0, 600.0)
    >>> reciprocation(requests_per_contact=0).tipping_size
    inf
    """
    hours = require_number("hours_per_week", hours_per_week, low=0, high=7 * 24)
    minutes = require_number("minutes_per_exchange", minutes_per_exchange,
                             *MINUTES_PER_EXCHANGE_RANGE)
    cadence = require_number("exchanges_per_month", exchanges_per_month,
                             *EXCHANGES_PER_MONTH_RANGE)
    requests = require_number("requests_per_contact", requests_per_contact, low=0, high=1000)
    budget = hours * MINUTES_PER_HOUR
    capacity = budget * WEEKS_PER_MONTH / (minutes * cadence)
    tipping = budget / (minutes * requests) if requests > 0 else float("inf")
    return Reciprocation(hours_per_week=hours, minutes_per_exchange=minutes,
                         exchanges_per_month=cadence, requests_per_contact=requests,
                         capacity=capacity, tipping_size=tipping)


@dataclass(frozen=True)
class TippingBand:
    """The lowest and highest capacity and tipping size over every combination of the ends of
    the assumptions' ranges, and the values at the central assumptions."""

    central: Reciprocation
    capacity_low: float
    capacity_high: float
    tipping_low: float
    tipping_high: float


def tipping_band(**ranges) -> TippingBand:
    """Capacity and tipping size over ranges of the assumptions.

    Each keyword is an input of :func:`reciprocation`, given as a number (held fixed) or a pair
    ``(low, high)``; inputs not given take their range from :data:`TIPPING_ASSUMPTIONS`. The
    central values are each range's default (or its midpoint on a log scale, for a range given
    here).

    >>> band = tipping_band()
    >>> round(band.capacity_low), round(band.capacity_high)
    (2, 2600)
    >>> round(band.tipping_low), round(band.tipping_high)
    (40, 75000)
    >>> band = tipping_band(hours_per_week=2, minutes_per_exchange=5, exchanges_per_month=1,
    ...                     requests_per_contact=(0.005, 0.02))
    >>> round(band.tipping_low), round(band.tipping_high)
    (1200, 4800)
    """
    unknown = set(ranges) - set(TIPPING_ASSUMPTIONS)
    if unknown:
        raise TypeError(f"tipping_band got unknown inputs {sorted(unknown)}; allowed: "
                        f"{sorted(TIPPING_ASSUMPTIONS)}")
    ends, central = {}, {}
    for name, assumption in TIPPING_ASSUMPTIONS.items():
        given = ranges.get(name, (assumption.low, assumption.high))
        low, high = _require_range(name, given)
        ends[name] = (low, high)
        if name not in ranges:
            central[name] = assumption.value
        else:
            central[name] = float(np.sqrt(low * high)) if low > 0 else (low + high) / 2
    corners = [reciprocation(**dict(zip(ends, values, strict=True)))
               for values in itertools.product(*ends.values())]
    capacities = [corner.capacity for corner in corners]
    tippings = [corner.tipping_size for corner in corners]
    return TippingBand(central=reciprocation(**central), capacity_low=min(capacities),
                       capacity_high=max(capacities), tipping_low=min(tippings),
                       tipping_high=max(tippings))


def _require_range(name: str, value: object) -> tuple[float, float]:
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        number = require_number(name, value)
        return number, number
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise TypeError(f"{name} must be a number or a pair (low, high), got {value!r}")
    low = require_number(f"{name} low", value[0])
    high = require_number(f"{name} high", value[1])
    if low > high:
        raise ValueError(f"{name} must be a pair (low, high) with low <= high, got {value!r}")
    return low, high


def _require_contacts(contacts: object) -> np.ndarray | float:
    if isinstance(contacts, bool | str | bytes):
        raise TypeError(f"contacts must be a number or an array of numbers, got {contacts!r}")
    try:
        sizes = np.asarray(contacts, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"contacts must be a number or an array of numbers, got "
                        f"{contacts!r}") from None
    if not np.all(np.isfinite(sizes)) or np.any(sizes < 0):
        raise ValueError(f"contacts must be finite and >= 0, got {contacts!r}")
    return sizes


def _share_within(limit: float, contacts):
    sizes = _require_contacts(contacts)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # tiny sizes: share 1
        share = np.where(sizes > 0, np.minimum(1.0, limit / np.where(sizes > 0, sizes, 1.0)), 1.0)
    return float(share) if np.ndim(share) == 0 else share
