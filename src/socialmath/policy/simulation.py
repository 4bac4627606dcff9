"""Connection policies simulated month by month on a growing network, and what the network does
to you each month: feed, reciprocation, reach and weak ties (see :mod:`socialmath.policy`).

>>> run = simulate_policy(cap_at(800), months=24, seed=2)
>>> int(run.contacts.max()), bool((run.received == run.accepted + run.declined).all())
(800, True)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from socialmath._validate import (
    require_count,
    require_integer,
    require_number,
    require_positive,
    require_rng,
    require_share,
)
from socialmath.attention import LINKEDIN_CONNECTION_CAP, posts_within_budget, reading_hours
from socialmath.branding.tipping import (
    EXCHANGES_PER_MONTH_RANGE,
    MINUTES_PER_EXCHANGE_RANGE,
    Reciprocation,
    reciprocation,
)
from socialmath.separation import reach_estimate

__all__ = [
    "PLATFORM_CAP",
    "RULES",
    "Assumptions",
    "NetworkMeasures",
    "Policy",
    "PolicyComparison",
    "PolicyRun",
    "accept_everyone",
    "accept_genuine",
    "cap_at",
    "compare_policies",
    "curate_by_field",
    "expected_acceptance",
    "network_measures",
    "reciprocation_capacity",
    "request_rate",
    "simulate_policy",
    "standard_policies",
    "tie_strength_shares",
]

#: No policy goes past LinkedIn's cap on first-degree connections (``linkedincap``).
PLATFORM_CAP = LINKEDIN_CONNECTION_CAP
#: Longest simulation (months): fifty years.
MAX_MONTHS = 600
#: Most requests one simulation may draw (about 1 s of work); larger runs are refused.
MAX_REQUESTS = 20_000_000
#: Bytes per drawn request while a month is processed (a float key, three flags, sorting).
_BYTES_PER_REQUEST = 30


# --- assumptions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Assumptions:
    """Everything the simulation assumes, in one place, each with a default you can change.

    Only a few defaults have a source; the others are round numbers chosen to describe a member
    who gets noticed, and are labelled as assumptions wherever the course uses them.

    Your network at the start:
        ``start_contacts`` (all genuine), a share ``start_in_field_share`` of them in your field.
    Incoming requests (no published figure found; all assumptions):
        ``requests_per_month`` arrive whatever your size, plus ``extra_requests_per_contact`` a
        month for each genuine contact you have (people find you through your contacts). A share
        ``genuine_share`` of requests come from genuine profiles, a share ``in_field_share`` of
        requests from your field; you spot a share ``spam_detection`` of the fake profiles.
    Your feed (chapter 1):
        a share ``silent_share`` of genuine contacts never post, the others post
        ``posts_per_active`` times a week; each fake profile you accepted posts
        ``spam_posts_per_week``. Posts from your field concern you, a share
        ``out_of_field_relevance`` of the others do, none from fake profiles.
        You glance at a post in ``seconds_per_post`` and give the feed ``minutes_per_day``.
    Reciprocation (chapter 4):
        ``hours_per_week`` for real exchanges, ``minutes_per_exchange`` each, and a contact you
        reciprocate with gets ``exchanges_per_month``.
    Reach (chapter 3):
        each genuine contact has ``their_contacts`` contacts, of whom a share ``overlap_in_field``
        (for a contact in your field) or ``overlap_out_of_field`` (elsewhere) are people you
        already reach; ``population`` people in all.
    Mutual connections and weak ties:
        an in-field contact knows each of your other in-field contacts with probability
        ``mutual_in_field``; any other pair of your contacts know each other with probability
        ``mutual_across``. A tie is moderately weak when its number of mutual connections is
        between ``weak_low`` and ``weak_high`` (both included).

    >>> Assumptions().genuine_share
    0.8
    >>> Assumptions(genuine_share=80)
    Traceback (most recent call last):
    ...
    ValueError: genuine_share must be a share in [0, 1], got 80 (a percentage? divide by 100)
    """

    start_contacts: int = 500
    start_in_field_share: float = 0.5
    requests_per_month: float = 100.0
    extra_requests_per_contact: float = 0.03
    genuine_share: float = 0.8
    in_field_share: float = 0.4
    spam_detection: float = 0.9
    silent_share: float = 0.8
    posts_per_active: float = 1.0
    spam_posts_per_week: float = 0.5
    out_of_field_relevance: float = 0.25
    seconds_per_post: float = 2.0
    minutes_per_day: float = 15.0
    hours_per_week: float = 2.0
    minutes_per_exchange: float = 5.0
    exchanges_per_month: float = 1.0
    their_contacts: float = 500.0
    overlap_in_field: float = 0.6
    overlap_out_of_field: float = 0.3
    population: float = 1e9
    mutual_in_field: float = 0.005
    mutual_across: float = 0.0005
    weak_low: int = 2
    weak_high: int = 10

    def __post_init__(self) -> None:
        require_count("start_contacts", self.start_contacts, high=PLATFORM_CAP)
        for name in ("start_in_field_share", "genuine_share", "in_field_share", "spam_detection",
                     "silent_share", "out_of_field_relevance", "overlap_in_field",
                     "overlap_out_of_field", "mutual_in_field", "mutual_across"):
            require_share(name, getattr(self, name))
        require_number("requests_per_month", self.requests_per_month, low=0, high=100_000)
        require_number("extra_requests_per_contact", self.extra_requests_per_contact, low=0,
                       high=10)
        require_number("posts_per_active", self.posts_per_active, low=0, high=1000)
        require_number("spam_posts_per_week", self.spam_posts_per_week, low=0, high=1000)
        require_positive("seconds_per_post", self.seconds_per_post)
        require_number("minutes_per_day", self.minutes_per_day, low=0, high=24 * 60)
        require_number("hours_per_week", self.hours_per_week, low=0, high=7 * 24)
        require_number("minutes_per_exchange", self.minutes_per_exchange,
                       *MINUTES_PER_EXCHANGE_RANGE)  # reciprocation's ranges, checked up front
        require_number("exchanges_per_month", self.exchanges_per_month, *EXCHANGES_PER_MONTH_RANGE)
        require_number("their_contacts", self.their_contacts, low=1, high=PLATFORM_CAP)
        require_number("population", self.population, low=PLATFORM_CAP + 1, high=1e11)
        low = require_count("weak_low", self.weak_low, high=100_000)
        require_integer("weak_high", self.weak_high, low=low, high=100_000)

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """The names of the assumptions, in order."""
        return tuple(field.name for field in dataclasses.fields(cls))

    def replace(self, **changes) -> Assumptions:
        """A copy with some assumptions changed (checked like the originals).

        >>> Assumptions().replace(genuine_share=0.5).genuine_share
        0.5
        """
        unknown = sorted(set(changes) - set(self.names()))
        if unknown:
            raise ValueError(f"assumption names must be among {list(self.names())}, "
                             f"got {unknown}")
        return dataclasses.replace(self, **changes)


# --- growth of requests, and reciprocation (chapter 4) -------------------------------------------


def request_rate(genuine_contacts: float, assumptions: Assumptions | None = None) -> float:
    """Mean number of connection requests a month for a member with ``genuine_contacts``:
    ``requests_per_month + extra_requests_per_contact x genuine_contacts``.

    This is chapter 4's mixed attachment (:func:`socialmath.branding.grow_network`) seen from one
    member: newcomers who attach uniformly reach you at a rate that does not depend on your size
    (the first term); those who attach in proportion to contacts reach you in proportion to yours
    (the second term, the rich get richer of ``barabasi1999``).

    >>> request_rate(1000)
    130.0
    """
    a = _require_assumptions(assumptions)
    contacts = require_number("genuine_contacts", genuine_contacts, low=0, high=PLATFORM_CAP)
    return a.requests_per_month + a.extra_requests_per_contact * contacts


def _reciprocation(a: Assumptions) -> Reciprocation:
    return reciprocation(hours_per_week=a.hours_per_week,
                         minutes_per_exchange=a.minutes_per_exchange,
                         exchanges_per_month=a.exchanges_per_month)


def reciprocation_capacity(assumptions: Assumptions | None = None) -> float:
    """How many contacts you can reciprocate with: chapter 4's reciprocation capacity
    (:func:`socialmath.branding.reciprocation`), the minutes you give real exchanges in a month
    divided by the minutes each reciprocated contact takes in that month.

    >>> round(reciprocation_capacity(), 1)  # 2 h a week, 5 min an exchange, one a month
    104.0
    """
    return _reciprocation(_require_assumptions(assumptions)).capacity


# --- policies -------------------------------------------------------------------------------------

#: The rules a policy can follow, and what each accepts.
RULES = {
    "everyone": "every request",
    "genuine": "requests from profiles that look genuine",
    "field": "requests from genuine-looking profiles in your field",
    "cap": "requests from genuine-looking profiles, until the network reaches its cap",
}


@dataclass(frozen=True)
class Policy:
    """A connection policy: a name, a rule from :data:`RULES` and, for ``cap``, its size."""

    name: str
    rule: str
    cap: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise TypeError(f"name must be a non-empty string, got {self.name!r}")
        if self.rule not in RULES:
            raise ValueError(f"rule must be one of {list(RULES)}, got {self.rule!r}")
        if self.rule == "cap":
            require_integer("cap", self.cap, low=1, high=PLATFORM_CAP)
        elif self.cap is not None:
            raise ValueError(f"cap must be None unless rule is 'cap', got {self.cap!r}")

    @property
    def limit(self) -> int:
        """The largest network this policy allows (LinkedIn's cap for all but ``cap``)."""
        return PLATFORM_CAP if self.cap is None else min(self.cap, PLATFORM_CAP)

    def accepts(self, genuine: np.ndarray, in_field: np.ndarray,
                detected: np.ndarray) -> np.ndarray:
        """Which requests the rule accepts (before any cap): one boolean per request.

        A fake profile looks genuine unless it is ``detected``.

        >>> flags = np.array([True, False, False]), np.array([True, True, False])
        >>> curate_by_field().accepts(*flags, np.array([False, False, False])).tolist()
        [True, True, False]
        """
        genuine, in_field, detected = _require_flags(genuine=genuine, in_field=in_field,
                                                     detected=detected)
        if self.rule == "everyone":
            return np.ones(np.shape(genuine), dtype=bool)
        looks_genuine = np.asarray(genuine) | ~np.asarray(detected)
        if self.rule == "field":
            return looks_genuine & np.asarray(in_field)
        return looks_genuine


def accept_everyone() -> Policy:
    """Accept every request."""
    return Policy("accept everyone", "everyone")


def accept_genuine() -> Policy:
    """Accept every request from a profile that looks genuine: the essay's own policy."""
    return Policy("genuine only", "genuine")


def curate_by_field() -> Policy:
    """Accept genuine-looking profiles from your field only."""
    return Policy("curate by field", "field")


def cap_at(size: int) -> Policy:
    """Accept genuine-looking profiles until the network has ``size`` contacts.

    >>> cap_at(1000).name
    'cap at 1,000'
    """
    limit = require_integer("size", size, low=1, high=PLATFORM_CAP)
    return Policy(f"cap at {limit:,}", "cap", limit)


def standard_policies(cap: int = 1000) -> tuple[Policy, ...]:
    """The four policies of the chapter, the last capped at ``cap`` contacts.

    >>> [p.name for p in standard_policies(150)]
    ['accept everyone', 'genuine only', 'curate by field', 'cap at 150']
    """
    require_integer("cap", cap, low=1, high=PLATFORM_CAP)  # checked here: cap_at calls it size
    return (accept_everyone(), accept_genuine(), curate_by_field(), cap_at(cap))


def expected_acceptance(policy: Policy, assumptions: Assumptions | None = None) -> float:
    """The share of requests a policy accepts on average, before any cap stops it.

    >>> round(expected_acceptance(accept_genuine()), 3)  # 80% genuine + 10% of 20% fake unseen
    0.82
    """
    p = _require_policy(policy)
    a = _require_assumptions(assumptions)
    if p.rule == "everyone":
        return 1.0
    looks_genuine = a.genuine_share + (1.0 - a.genuine_share) * (1.0 - a.spam_detection)
    return looks_genuine * (a.in_field_share if p.rule == "field" else 1.0)


# --- what a network of a given composition does to you -------------------------------------------


@dataclass(frozen=True, eq=False)
class NetworkMeasures:
    """What a network of ``in_field``, ``out_of_field`` (genuine) and ``spam`` contacts does to
    you. Every field is an array with one value per network (one per month in a simulation).
    """

    in_field: np.ndarray
    out_of_field: np.ndarray
    spam: np.ndarray
    posts_per_week: np.ndarray
    minutes_per_day: np.ndarray
    share_readable: np.ndarray
    noise_share: np.ndarray
    capacity: float
    share_reciprocated: np.ndarray
    overlap: np.ndarray
    second_degree: np.ndarray
    third_degree: np.ndarray
    share_within_three: np.ndarray
    mutual_in_field: np.ndarray
    mutual_out_of_field: np.ndarray
    weakest: np.ndarray
    moderately_weak: np.ndarray
    strong: np.ndarray

    @property
    def genuine(self) -> np.ndarray:
        """Genuine contacts."""
        return self.in_field + self.out_of_field

    @property
    def contacts(self) -> np.ndarray:
        """All contacts, fake ones included."""
        return self.genuine + self.spam

    def as_frame(self) -> pd.DataFrame:
        """One row per network, one column per measure."""
        names = ["contacts", "in_field", "out_of_field", "spam", "posts_per_week",
                 "minutes_per_day", "share_readable", "noise_share", "share_reciprocated",
                 "second_degree", "third_degree", "share_within_three", "weakest",
                 "moderately_weak", "strong"]
        return pd.DataFrame({name: np.asarray(getattr(self, name)) for name in names})


def network_measures(in_field, out_of_field, spam=0,
                     assumptions: Assumptions | None = None) -> NetworkMeasures:
    """Feed, reciprocation, reach and weak ties of networks with the given numbers of in-field
    and out-of-field genuine contacts and of fake ones (each a count or a 1-d array of counts).

    *Feed*: genuine contacts post ``(1 - silent_share) x posts_per_active`` times a week on average,
    fake ones ``spam_posts_per_week``; the noise share is the share of posts that do not concern
    you. Minutes and the readable share use :func:`socialmath.attention.reading_hours` and
    :func:`socialmath.attention.posts_within_budget`.

    *Reciprocation*: chapter 4's reciprocated share, :func:`reciprocation_capacity` over all
    contacts, at most 1: a fake contact takes time too, since its messages must be read before
    you can tell it apart.

    *Reach*: :func:`socialmath.separation.reach_estimate` for the genuine contacts, with the
    overlap averaged over them (in-field and out-of-field overlaps weighted by their numbers; the
    reach arithmetic is linear in ``1 - overlap``, so this is exact for the 2nd degree). Fake
    profiles introduce you to no one.

    *Weak ties*: an in-field contact's mutual connections with you are the other in-field contacts
    it knows (each with probability ``mutual_in_field``) and the out-of-field ones it knows (each
    with ``mutual_across``); an out-of-field contact knows each other contact with
    ``mutual_across``. Many small independent chances add up to a Poisson count, so the expected
    number of moderately weak ties is the number of contacts times the Poisson probability of
    ``weak_low .. weak_high`` mutual connections. Fake profiles are not ties.

    >>> m = network_measures(600, 900, 300)
    >>> round(float(m.posts_per_week[0]), 6), round(float(m.noise_share[0]), 3)
    (450.0, 0.633)
    """
    a = _require_assumptions(assumptions)
    inside, outside, fake = (_require_counts(name, value) for name, value in
                             (("in_field", in_field), ("out_of_field", out_of_field),
                              ("spam", spam)))
    try:
        inside, outside, fake = np.broadcast_arrays(inside, outside, fake)
    except ValueError:
        raise ValueError(f"in_field, out_of_field and spam must be counts or arrays of one size, "
                         f"got sizes {inside.size}, {outside.size} and {fake.size}") from None
    genuine = inside + outside
    if np.any(genuine + fake > PLATFORM_CAP):
        raise ValueError(f"in_field + out_of_field + spam must be <= {PLATFORM_CAP:,} "
                         f"(LinkedIn's cap), got up to {int((genuine + fake).max()):,}")

    # the feed (chapter 1)
    posting = 1.0 - a.silent_share
    genuine_posts = genuine * posting * a.posts_per_active
    posts = genuine_posts + fake * a.spam_posts_per_week
    relevant = (inside + outside * a.out_of_field_relevance) * posting * a.posts_per_active
    with np.errstate(invalid="ignore", divide="ignore"):
        noise = np.where(posts > 0, 1.0 - relevant / np.where(posts > 0, posts, 1.0), 0.0)
    minutes = np.array([reading_hours(float(p), a.seconds_per_post) * 60.0 / 7.0 for p in posts])
    budget = posts_within_budget(a.minutes_per_day, a.seconds_per_post)
    with np.errstate(over="ignore"):  # a tiny feed (posts_per_active=5e-324): all of it readable
        readable = np.where(posts > 0, np.minimum(1.0, budget / np.where(posts > 0, posts, 1.0)),
                            1.0)

    # reciprocation (chapter 4)
    keeping_up = _reciprocation(a)
    capacity = keeping_up.capacity
    reciprocated = np.asarray(keeping_up.reciprocated_share(genuine + fake), dtype=float)

    # reach (chapter 3)
    overlap = np.where(genuine > 0, (inside * a.overlap_in_field + outside * a.overlap_out_of_field)
                       / np.maximum(genuine, 1), 0.0)
    reaches = [reach_estimate(int(g), a.their_contacts, float(o), a.population)
               for g, o in zip(genuine, overlap, strict=True)]
    second = np.array([r.by_degree[1] for r in reaches])
    third = np.array([r.by_degree[2] for r in reaches])
    within = np.array([r.share_within_three for r in reaches])

    # mutual connections and weak ties
    mutual_in = np.maximum(inside - 1, 0) * a.mutual_in_field + outside * a.mutual_across
    mutual_out = (inside + np.maximum(outside - 1, 0)) * a.mutual_across
    shares = [tie_strength_shares(mutual, a.weak_low, a.weak_high)
              for mutual in (mutual_in, mutual_out)]
    weakest, moderate, strong = (inside * shares[0][i] + outside * shares[1][i] for i in range(3))

    return NetworkMeasures(
        in_field=inside, out_of_field=outside, spam=fake, posts_per_week=posts,
        minutes_per_day=minutes, share_readable=readable, noise_share=noise, capacity=capacity,
        share_reciprocated=reciprocated, overlap=overlap, second_degree=second,
        third_degree=third, share_within_three=within, mutual_in_field=mutual_in,
        mutual_out_of_field=mutual_out, weakest=weakest, moderately_weak=moderate,
        strong=strong)


def tie_strength_shares(mutual, weak_low: int = 2, weak_high: int = 10
                        ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Shares of ties that are weakest (fewer than ``weak_low`` mutual connections), moderately
    weak (``weak_low`` to ``weak_high``) and strong (more), when the number of mutual connections
    of a tie is a Poisson count with mean ``mutual`` (a number or an array).

    >>> [round(float(x), 3) for x in tie_strength_shares(5.0)]
    [0.04, 0.946, 0.014]
    """
    try:
        means = np.asarray(mutual, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"mutual must be a number >= 0 or an array of them, got "
                        f"{mutual!r}") from None
    if not np.all(np.isfinite(means)) or np.any(means < 0):
        raise ValueError(f"mutual must hold finite numbers >= 0, got {mutual!r}")
    low = require_count("weak_low", weak_low, high=100_000)
    high = require_integer("weak_high", weak_high, low=low, high=100_000)
    below = stats.poisson.cdf(low - 1, means) if low > 0 else np.zeros_like(means)
    up_to_high = stats.poisson.cdf(high, means)
    return below, up_to_high - below, 1.0 - up_to_high


# --- the simulation -------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class PolicyRun:
    """One policy simulated month by month.

    ``received``, ``accepted`` and ``declined`` have one value per month (month 1 to ``months``);
    ``in_field``, ``out_of_field`` and ``spam`` (contacts of each kind) have one more, the start
    being month 0. Every accepted request is a contact: ``contacts[m] = contacts[m - 1] +
    accepted[m]``, and every request received is accepted or declined.
    """

    policy: Policy
    assumptions: Assumptions
    received: np.ndarray
    accepted: np.ndarray
    declined: np.ndarray
    in_field: np.ndarray
    out_of_field: np.ndarray
    spam: np.ndarray
    measures: NetworkMeasures

    @property
    def months(self) -> int:
        """Months simulated."""
        return int(self.received.size)

    @property
    def contacts(self) -> np.ndarray:
        """Contacts at the end of each month (month 0: the start)."""
        return self.in_field + self.out_of_field + self.spam

    @property
    def genuine(self) -> np.ndarray:
        """Genuine contacts at the end of each month."""
        return self.in_field + self.out_of_field

    def at(self, month: int | None = None) -> dict[str, float]:
        """The measures at the end of ``month`` (default: the last month).

        >>> run = simulate_policy(cap_at(600), months=12, seed=0)
        >>> run.at()["contacts"]
        600.0
        """
        m = self.months if month is None else require_integer("month", month, low=0,
                                                               high=self.months)
        row = self.measures.as_frame().iloc[m]
        return {name: float(value) for name, value in row.items()}

    def table(self) -> pd.DataFrame:
        """One row per month: requests received, accepted, declined, and every measure."""
        frame = self.measures.as_frame()
        frame.insert(0, "month", np.arange(self.months + 1))
        for name in ("received", "accepted", "declined"):
            frame.insert(frame.columns.get_loc("contacts"), name,
                         np.concatenate([[0], getattr(self, name)]))
        return frame.set_index("month")


def simulate_policy(policy: Policy, months: int = 60, assumptions: Assumptions | None = None,
                    seed: int | np.random.Generator | None = 0) -> PolicyRun:
    """Simulate one policy for ``months`` months (see the module docstring).

    The result is the same as this policy's run in :func:`compare_policies` with the same
    ``months``, ``assumptions`` and ``seed``.

    >>> run = simulate_policy(accept_everyone(), months=12, seed=3)
    >>> bool((run.contacts[1:] == run.contacts[:-1] + run.accepted).all())
    True
    """
    return compare_policies([_require_policy(policy)], months, assumptions, seed).runs[0]


def compare_policies(policies: Sequence[Policy] | None = None, months: int = 60,
                     assumptions: Assumptions | None = None,
                     seed: int | np.random.Generator | None = 0) -> PolicyComparison:
    """Simulate several policies on the same stream of requests (default: the four of
    :func:`standard_policies`).

    >>> comparison = compare_policies(months=12, seed=0)
    >>> list(comparison.summary().index)
    ['accept everyone', 'genuine only', 'curate by field', 'cap at 1,000']
    """
    chosen = standard_policies() if policies is None else _require_policies(policies)
    n_months = require_integer("months", months, low=1, high=MAX_MONTHS)
    a = _require_assumptions(assumptions)
    rng = require_rng("seed", seed)
    top_rate = request_rate(PLATFORM_CAP, a)
    expected = top_rate * n_months
    if expected > MAX_REQUESTS:
        raise ValueError(
            f"months x request rate would draw about {expected:,.0f} requests "
            f"(the largest rate, at {PLATFORM_CAP:,} contacts, is {top_rate:,.0f} a month; about "
            f"{top_rate * _BYTES_PER_REQUEST / 1e6:,.0f} MB a month); at most {MAX_REQUESTS:,} are "
            f"allowed: lower months, requests_per_month or extra_requests_per_contact")

    n = len(chosen)
    start_in = int(round(a.start_contacts * a.start_in_field_share))
    kinds = np.zeros((n, 3, n_months + 1), dtype=np.int64)  # in-field, out-of-field, spam
    kinds[:, 0, 0] = start_in
    kinds[:, 1, 0] = a.start_contacts - start_in
    flows = np.zeros((n, 2, n_months), dtype=np.int64)  # received, accepted
    for month in range(n_months):
        order, genuine, in_field, detected = _draw_month(rng, top_rate, a)
        for i, policy in enumerate(chosen):
            now = kinds[i, :, month]
            rate = request_rate(float(now[0] + now[1]), a)
            seen = int(np.searchsorted(order, rate / top_rate)) if top_rate > 0 else 0
            take = np.flatnonzero(policy.accepts(genuine[:seen], in_field[:seen],
                                                 detected[:seen]))
            take = take[:max(0, policy.limit - int(now.sum()))]
            is_genuine, is_in = genuine[take], in_field[take]
            kinds[i, :, month + 1] = now + (int(np.count_nonzero(is_genuine & is_in)),
                                            int(np.count_nonzero(is_genuine & ~is_in)),
                                            int(np.count_nonzero(~is_genuine)))
            flows[i, :, month] = (seen, take.size)

    runs = []
    for i, policy in enumerate(chosen):
        received, accepted = flows[i]
        runs.append(PolicyRun(
            policy=policy, assumptions=a, received=received, accepted=accepted,
            declined=received - accepted, in_field=kinds[i, 0], out_of_field=kinds[i, 1],
            spam=kinds[i, 2], measures=network_measures(kinds[i, 0], kinds[i, 1], kinds[i, 2], a)))
    return PolicyComparison(runs=tuple(runs), assumptions=a, months=n_months)


@dataclass(frozen=True, eq=False)
class PolicyComparison:
    """Several policies simulated on the same stream of requests."""

    runs: tuple[PolicyRun, ...]
    assumptions: Assumptions
    months: int

    @property
    def names(self) -> list[str]:
        """The policies' names, in order."""
        return [run.policy.name for run in self.runs]

    def run(self, name: str) -> PolicyRun:
        """The run of the policy called ``name``."""
        if not isinstance(name, str):
            raise TypeError(f"name must be one of {self.names}, got {name!r}")
        for candidate in self.runs:
            if candidate.policy.name == name:
                return candidate
        raise ValueError(f"name must be one of {self.names}, got {name!r}")

    def summary(self, month: int | None = None) -> pd.DataFrame:
        """Every measure of every policy at the end of ``month`` (default: the last)."""
        return pd.DataFrame({run.policy.name: run.at(month) for run in self.runs}).T

    def decide(self, weights: Mapping[str, float], month: int | None = None,
               scale: str = "relative"):
        """Score the policies at ``month`` (default: the last) with ``weights`` on ``scale``: a
        :class:`socialmath.policy.decision.Decision` (see :func:`~socialmath.policy.decide`)."""
        from socialmath.policy.decision import decide

        m = self.months if month is None else require_integer("month", month, low=0,
                                                               high=self.months)
        # The measures of a month never change: keep them (an explorer decides again and again
        # on the same comparison; only the weights or the scale move).
        summaries = self.__dict__.setdefault("_summaries", {})
        if m not in summaries:
            summaries[m] = self.summary(m)
        return decide(summaries[m], weights, month=m, scale=scale)


def _draw_month(rng: np.random.Generator, top_rate: float, a: Assumptions):
    """One month's pool of requests at the largest possible rate, sorted by arrival key: a
    policy whose rate is ``r`` sees the requests whose key is below ``r / top_rate``."""
    size = int(rng.poisson(top_rate)) if top_rate > 0 else 0
    order = rng.random(size)
    genuine = rng.random(size) < a.genuine_share
    in_field = rng.random(size) < a.in_field_share
    detected = rng.random(size) < a.spam_detection
    sort = np.argsort(order, kind="stable")
    return order[sort], genuine[sort], in_field[sort], detected[sort]


# --- argument checks ------------------------------------------------------------------------------


def _require_assumptions(assumptions: object) -> Assumptions:
    if assumptions is None:
        return Assumptions()
    if not isinstance(assumptions, Assumptions):
        raise TypeError(f"assumptions must be an Assumptions (or None for the defaults), "
                        f"got {assumptions!r} ({type(assumptions).__name__})")
    return assumptions


def _require_policy(policy: object, name: str = "policy") -> Policy:
    if not isinstance(policy, Policy):
        raise TypeError(f"{name} must be a Policy (accept_everyone(), cap_at(1000), ...), "
                        f"got {policy!r} ({type(policy).__name__})")
    return policy


def _require_policies(policies: object) -> tuple[Policy, ...]:
    if isinstance(policies, Policy | str) or not isinstance(policies, Sequence):
        raise TypeError(f"policies must be a sequence of Policy, got {policies!r}")
    if not 1 <= len(policies) <= 20:
        raise ValueError(f"policies must hold 1 to 20 policies, got {len(policies)}")
    chosen = tuple(_require_policy(policy, f"policies[{i}]") for i, policy in enumerate(policies))
    names = [policy.name for policy in chosen]
    if len(set(names)) != len(names):
        raise ValueError(f"policies must have distinct names, got {names}")
    return chosen


def _require_counts(name: str, value: object) -> np.ndarray:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        raise TypeError(f"{name} must be a count or a 1-d array of counts, got {value!r}")
    array = np.asarray(value)
    if array.ndim > 1 or array.size == 0:
        raise ValueError(f"{name} must be a count or a non-empty 1-d array of counts, "
                         f"got shape {array.shape}")
    if not np.issubdtype(array.dtype, np.number) or np.issubdtype(array.dtype, np.bool_):
        raise TypeError(f"{name} must hold numbers, got dtype {array.dtype}")
    if (not np.all(np.isfinite(array)) or np.any(array < 0) or np.any(array > PLATFORM_CAP)
            or np.any(array != np.round(array))):
        raise ValueError(f"{name} must hold whole numbers in [0, {PLATFORM_CAP:,}] (LinkedIn's "
                         f"cap), got {value!r}")
    return np.atleast_1d(array).astype(np.int64)


def _require_flags(**flags: object) -> tuple[np.ndarray, ...]:
    """Boolean arrays of one shape (one flag per request), named as the caller named them."""
    arrays = []
    for name, value in flags.items():
        array = np.asarray(value) if isinstance(value, Sequence | np.ndarray) else None
        if array is None or array.ndim != 1 or (array.size and array.dtype != np.bool_):
            raise TypeError(f"{name} must be a 1-d array of True/False, one per request, got "
                            f"{value!r}")
        arrays.append(array.astype(bool))
    sizes = {name: array.size for name, array in zip(flags, arrays, strict=True)}
    if len(set(sizes.values())) > 1:
        raise ValueError(f"genuine, in_field and detected must have one flag per request each, "
                         f"got sizes {sizes}")
    return tuple(arrays)

