"""Silent-majority arithmetic: who posts, what reaches your feed, and how much of it you can read.

Everything here is plain arithmetic on a few assumptions, each an argument with a sourced default
where a source exists:

* participation inequality, as a silent share (the essay's 80%) or as tiers of people
  (Nielsen's 90-9-1, ``nielsen2006``);
* a reading speed in seconds per post (no peer-reviewed figure exists; Facebook's marketing
  figure is 1.7 s per mobile item, ``facebookiq2016``);
* a daily time budget in minutes;
* a relationship capacity (Dunbar's 147.8, ``dunbar1993``; 100-200 stable relationships on Twitter,
  ``goncalves2011``).

>>> feed_load(25_000).posts_per_week
5000.0
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from socialmath._validate import (
    require_count,
    require_integer,
    require_memory,
    require_number,
    require_number_or_array,
    require_positive,
    require_rng,
    require_share,
)

__all__ = [
    "CAPACITY_DUNBAR_1993",
    "CAPACITY_GONCALVES_2011",
    "CONTENT_SHARES_VAN_MIERLO_2014",
    "LINKEDIN_CONNECTION_CAP",
    "NIELSEN_90_9_1",
    "PEOPLE_SHARES_VAN_MIERLO_2014",
    "Capacity",
    "CapacityCoverage",
    "FeedLoad",
    "Tier",
    "WeeklyActivity",
    "active_contacts",
    "capacity_coverage",
    "essay_tiers",
    "feed_load",
    "nielsen_tiers",
    "people_per_tier",
    "posts_within_budget",
    "reading_hours",
    "simulate_weekly_activity",
    "weekly_posts",
]

#: LinkedIn's cap on first-degree connections (``linkedincap``, read through a secondary source).
LINKEDIN_CONNECTION_CAP = 30_000

SECONDS_PER_HOUR = 3600.0
DAYS_PER_WEEK = 7


# --- participation inequality -------------------------------------------------------------------


@dataclass(frozen=True)
class Tier:
    """A group of people who post at a similar rate.

    ``share`` is the share of people (not of content) in the tier; ``posts_per_week`` is the mean
    number of posts one member publishes in a week.
    """

    name: str
    share: float
    posts_per_week: float

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise TypeError(f"Tier name must be a non-empty string, got {self.name!r}")
        require_share(f"share of tier {self.name!r}", self.share)
        require_number(f"posts_per_week of tier {self.name!r}", self.posts_per_week, low=0)


#: Nielsen's participation inequality (``nielsen2006``): shares of *people*. Nielsen gives no
#: posting rates, so the rates here are an assumption to change: lurkers never post,
#: contributors about once a month, heavy contributors about every working day.
NIELSEN_90_9_1: tuple[Tier, ...] = (
    Tier("lurkers", 0.90, 0.0),
    Tier("contributors", 0.09, 0.25),
    Tier("heavy contributors", 0.01, 5.0),
)

#: Van Mierlo (2014, ``vanmierlo2014``) ranks the actors of four online health communities by their
#: number of posts into three groups: the top 1% (superusers), the next 9% (contributors) and the
#: other 90% (lurkers, some of whom posted). These are the groups' shares of *actors*.
PEOPLE_SHARES_VAN_MIERLO_2014: dict[str, float] = {
    "lurkers": 0.90,
    "contributors": 0.09,
    "superusers": 0.01,
}

#: Van Mierlo (2014, ``vanmierlo2014``): the same three groups' shares of *content*. So the top 1%
#: of actors wrote 74.7% of the posts.
CONTENT_SHARES_VAN_MIERLO_2014: dict[str, float] = {
    "lurkers": 0.013,
    "contributors": 0.240,
    "superusers": 0.747,
}


def essay_tiers(silent_share: float = 0.8, posts_per_active: float = 1.0) -> tuple[Tier, ...]:
    """The essay's two-tier network: a silent share, and active people posting at one rate.

    >>> [(t.name, t.share) for t in essay_tiers(0.8)]
    [('silent', 0.8), ('active', 0.2)]
    """
    silent = require_share("silent_share", silent_share)
    rate = require_number("posts_per_active", posts_per_active, low=0)
    return (Tier("silent", silent, 0.0), Tier("active", round(1.0 - silent, 12), rate))


def _require_tiers(tiers: object) -> tuple[Tier, ...]:
    if not isinstance(tiers, Sequence) or isinstance(tiers, str) or len(tiers) == 0:
        raise TypeError(f"tiers must be a non-empty sequence of Tier, got {tiers!r}")
    for tier in tiers:
        if not isinstance(tier, Tier):
            raise TypeError(f"tiers must contain only Tier objects, got {tier!r}")
    total = sum(tier.share for tier in tiers)
    if abs(total - 1.0) > 1e-9:
        raise ValueError(f"tiers must have shares adding up to 1, got {total:g}")
    return tuple(tiers)


def people_per_tier(contacts: int, tiers: Sequence[Tier] = NIELSEN_90_9_1) -> dict[str, float]:
    """Expected number of people in each tier.

    >>> people_per_tier(25_000)
    {'lurkers': 22500.0, 'contributors': 2250.0, 'heavy contributors': 250.0}
    """
    n = require_count("contacts", contacts)
    checked = _require_tiers(tiers)
    return {tier.name: round(n * tier.share, 9) for tier in checked}


def nielsen_tiers(contacts: int) -> dict[str, float]:
    """Nielsen's 90-9-1 applied to a network: lurkers, contributors, heavy contributors, posting.

    >>> nielsen_tiers(25_000)["posting"]
    2500.0
    """
    people = people_per_tier(contacts, NIELSEN_90_9_1)
    people["posting"] = people["contributors"] + people["heavy contributors"]
    return people


def active_contacts(contacts: int, silent_share: float = 0.8) -> float:
    """Expected number of contacts who post in a week, given the share that stays silent.

    >>> active_contacts(25_000, silent_share=0.8)
    5000.0
    """
    n = require_count("contacts", contacts)
    silent = require_share("silent_share", silent_share)
    return float(weekly_posts(n, silent, 1.0))


# --- reading time and attention budget ----------------------------------------------------------


def reading_hours(posts: float, seconds_per_post: float = 2.0) -> float:
    """Hours needed to glance at ``posts`` posts at ``seconds_per_post`` each.

    >>> round(reading_hours(5000, seconds_per_post=1.7), 3)
    2.361
    """
    n = require_number("posts", posts, low=0)
    seconds = require_positive("seconds_per_post", seconds_per_post)
    return n * seconds / SECONDS_PER_HOUR


def posts_within_budget(minutes_per_day: float = 15.0, seconds_per_post: float = 2.0,
                        days: int = DAYS_PER_WEEK) -> float:
    """How many posts a daily reading budget covers over ``days`` days.

    >>> posts_within_budget(15, seconds_per_post=2)
    3150.0
    """
    minutes = require_number("minutes_per_day", minutes_per_day, low=0, high=24 * 60)
    seconds = require_positive("seconds_per_post", seconds_per_post)
    n_days = require_integer("days", days, low=1)
    return minutes * 60.0 * n_days / seconds


@dataclass(frozen=True)
class FeedLoad:
    """What a network sends to your feed in a week, and how much of it a time budget covers.

    The first five fields are the inputs; the others are computed from them.
    """

    contacts: int
    silent_share: float
    posts_per_active: float
    seconds_per_post: float
    minutes_per_day: float
    active_contacts: float
    posts_per_week: float
    hours_per_week: float
    minutes_per_day_needed: float
    posts_readable_per_week: float
    share_readable: float
    contacts_followable: float

    @property
    def posts_per_contact(self) -> float:
        """Posts a week that one contact adds to the feed: (1 - silent share) x posting rate."""
        return weekly_posts(1, self.silent_share, self.posts_per_active)

    @property
    def contacts_at_budget(self) -> float:
        """Network size at which the feed fills the daily budget exactly (inf if nobody posts)."""
        per_contact = self.posts_per_contact
        if per_contact == 0:
            return float("inf")
        return self.posts_readable_per_week / per_contact

    @property
    def budget_hours_per_week(self) -> float:
        """The daily budget over a week, in hours."""
        return self.minutes_per_day * DAYS_PER_WEEK * 60.0 / SECONDS_PER_HOUR

    def hours_needed(self, contacts) -> np.ndarray:
        """Hours a week needed to glance at every post of networks of ``contacts`` people (an
        array), everything else as in this load: the curve that ``hours_per_week`` is one point
        of.

        >>> feed_load(25_000).hours_needed([25_000, 50_000]).round(3).tolist()
        [2.778, 5.556]
        """
        posts = weekly_posts(require_number_or_array("contacts", contacts, low=0),
                             self.silent_share, self.posts_per_active)
        return np.asarray(posts * self.seconds_per_post / SECONDS_PER_HOUR)


def weekly_posts(contacts, silent_share: float, posts_per_active: float):
    """The feed formula, in one place: posts a week from ``contacts`` people (a number or an
    array) of whom a share ``silent_share`` never post and the others post ``posts_per_active``
    times a week.

    >>> weekly_posts(25_000, 0.8, 1.0)
    5000.0
    >>> weekly_posts([100, 200], 0.5, 2.0).tolist()
    [100.0, 200.0]
    """
    people = require_number_or_array("contacts", contacts, low=0)
    silent = require_share("silent_share", silent_share)
    rate = require_number("posts_per_active", posts_per_active, low=0)
    posting = np.multiply(people, 1.0 - silent)
    # Rounded to 9 decimals, so that 25,000 x (1 - 0.8) is 5,000 and not 4,999.999999999999;
    # beyond 1e290 rounding would overflow, and has nothing left to round anyway.
    with np.errstate(over="ignore"):
        posting = np.where(posting < 1e290, np.round(np.minimum(posting, 1e290), 9), posting)
        posts = posting * rate
    if not np.all(np.isfinite(posts)):
        raise ValueError(f"contacts x (1 - silent_share) x posts_per_active must be a finite "
                         f"number of posts, got contacts={contacts!r}, "
                         f"posts_per_active={posts_per_active!r}")
    return float(posts) if np.ndim(posts) == 0 else posts


def feed_load(contacts: int, silent_share: float = 0.8, posts_per_active: float = 1.0,
              seconds_per_post: float = 2.0, minutes_per_day: float = 15.0) -> FeedLoad:
    """Posts reaching your feed each week, the time needed to glance at all of them, and the share
    of them (and of your contacts) that a daily reading budget covers.

    Every contact's posts are assumed to reach your feed; a real feed ranks and filters, so this is
    the load before the platform chooses for you.

    >>> load = feed_load(25_000, silent_share=0.8, posts_per_active=1, seconds_per_post=2,
    ...                  minutes_per_day=15)
    >>> load.posts_per_week, round(load.hours_per_week, 2), round(load.share_readable, 2)
    (5000.0, 2.78, 0.63)
    """
    n = require_count("contacts", contacts)
    active = active_contacts(n, silent_share)
    rate = require_number("posts_per_active", posts_per_active, low=0)
    posts = float(weekly_posts(n, float(silent_share), rate))
    hours = reading_hours(posts, seconds_per_post)
    readable = posts_within_budget(minutes_per_day, seconds_per_post)
    share = 1.0 if posts == 0 else min(1.0, readable / posts)
    per_contact = float(weekly_posts(1, float(silent_share), rate))
    # Followable contacts: the budget over the posts of one contact, never more than you have
    # (computed per contact, so that a tiny posting rate cannot underflow into a division by 0).
    followable = float(n) if per_contact == 0 else min(float(n), readable / per_contact)
    return FeedLoad(
        contacts=n,
        silent_share=float(silent_share),
        posts_per_active=rate,
        seconds_per_post=float(seconds_per_post),
        minutes_per_day=float(minutes_per_day),
        active_contacts=active,
        posts_per_week=posts,
        hours_per_week=hours,
        minutes_per_day_needed=hours * 60.0 / DAYS_PER_WEEK,
        posts_readable_per_week=readable,
        share_readable=share,
        contacts_followable=followable,
    )


# --- week-to-week variability ---------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class WeeklyActivity:
    """Simulated posters and posts, one value per simulated week."""

    posters: np.ndarray
    posts: np.ndarray

    @property
    def weeks(self) -> int:
        return int(self.posts.size)

    def summary(self, coverage: float = 0.9) -> dict[str, float]:
        """Mean, standard deviation and a central interval of the weekly posts.

        >>> activity = simulate_weekly_activity(1000, essay_tiers(0.8), weeks=52, seed=1)
        >>> sorted(activity.summary())
        ['high', 'low', 'mean', 'std']
        """
        share = require_number("coverage", coverage, low=0, high=1, low_open=True)
        tail = (1.0 - share) / 2.0
        low, high = np.quantile(self.posts, [tail, 1.0 - tail])
        return {
            "mean": float(self.posts.mean()),
            "std": float(self.posts.std(ddof=1)) if self.weeks > 1 else 0.0,
            "low": float(low),
            "high": float(high),
        }


def simulate_weekly_activity(contacts: int, tiers: Sequence[Tier] = NIELSEN_90_9_1,
                             weeks: int = 52, seed: int | np.random.Generator | None = 0
                             ) -> WeeklyActivity:
    """Simulate who posts in each of ``weeks`` weeks.

    Tier sizes are fixed (rounded to whole people); each person posts a Poisson number of times a
    week at their tier's rate, independently of the others and of other weeks. The result holds,
    for every week, the number of people who posted at least once and the number of posts.

    >>> activity = simulate_weekly_activity(25_000, essay_tiers(0.8, 1.0), weeks=200, seed=42)
    >>> bool(abs(activity.posts.mean() - 5000) < 50)
    True
    """
    n = require_count("contacts", contacts)
    checked = _require_tiers(tiers)
    n_weeks = require_integer("weeks", weeks, low=1, high=10_000)
    rng = require_rng("seed", seed)
    sizes = _tier_sizes(n, checked)
    # One row per week, one column per person, a few weeks at a time: at least one week of the
    # largest tier must fit (8 bytes a person for the counts, 1 for who posted).
    require_memory("contacts", contacts, 9.0 * max(sizes),
                   "one simulated week (9 bytes a person)")
    chunk = int(max(1, min(64, _CHUNK_VALUES // max(1, max(sizes)))))
    posters = np.zeros(n_weeks, dtype=np.int64)
    posts = np.zeros(n_weeks, dtype=np.int64)
    for tier, size in zip(checked, sizes, strict=True):
        if size == 0 or tier.posts_per_week == 0:
            continue
        for start in range(0, n_weeks, chunk):
            stop = min(n_weeks, start + chunk)
            counts = rng.poisson(tier.posts_per_week, size=(stop - start, size))
            posters[start:stop] += (counts > 0).sum(axis=1)
            posts[start:stop] += counts.sum(axis=1)
    return WeeklyActivity(posters=posters, posts=posts)


#: Values drawn at once by ``simulate_weekly_activity`` (64 weeks of a 30,000-person tier fit).
_CHUNK_VALUES = 2_000_000


def _tier_sizes(contacts: int, tiers: Sequence[Tier]) -> list[int]:
    """Whole people per tier, by largest remainder, so the sizes add up to ``contacts``."""
    exact = [contacts * tier.share for tier in tiers]
    sizes = [int(np.floor(x)) for x in exact]
    leftover = contacts - sum(sizes)
    order = sorted(range(len(tiers)), key=lambda i: exact[i] - sizes[i], reverse=True)
    for i in order[:leftover]:
        sizes[i] += 1
    return sizes


# --- relationship capacity ------------------------------------------------------------------------


@dataclass(frozen=True)
class Capacity:
    """A published estimate of how many relationships a person can keep up, with its range."""

    name: str
    estimate: float
    low: float
    high: float
    source: str


#: Dunbar (1993): 147.8 with a 95% interval of 100.2-231.1 (``dunbar1993``).
CAPACITY_DUNBAR_1993 = Capacity("Dunbar 1993", 147.8, 100.2, 231.1, "dunbar1993")
#: Gonçalves et al. (2011): 100-200 stable relationships on Twitter (``goncalves2011``).
CAPACITY_GONCALVES_2011 = Capacity("Gonçalves et al. 2011", 150.0, 100.0, 200.0, "goncalves2011")


@dataclass(frozen=True)
class CapacityCoverage:
    """Share of a network that a relationship capacity covers, at its estimate and at its ends."""

    contacts: int
    capacity: Capacity
    share: float
    share_low: float
    share_high: float

    @property
    def beyond_capacity(self) -> float:
        """Contacts beyond the capacity estimate: an audience you cannot keep up with."""
        return max(0.0, self.contacts - self.capacity.estimate)


def capacity_coverage(contacts: int, capacity: Capacity = CAPACITY_DUNBAR_1993) -> CapacityCoverage:
    """Share of your contacts that fits within a relationship capacity.

    >>> round(capacity_coverage(25_000).share, 5)
    0.00591
    """
    n = require_count("contacts", contacts)
    if n == 0:
        raise ValueError("contacts must be >= 1 to compute a share of the network, got 0")
    if not isinstance(capacity, Capacity):
        raise TypeError(f"capacity must be a Capacity, got {capacity!r}")

    def share(size: float) -> float:
        return min(1.0, size / n)

    return CapacityCoverage(n, capacity, share(capacity.estimate), share(capacity.low),
                            share(capacity.high))
