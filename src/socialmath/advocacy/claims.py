"""How concentrated engagement is among ambassadors, and what each vendor figure would require.

>>> round(required_overlap(6.61, followers=2000, summed_contacts=15000), 3)
0.119
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from socialmath._validate import require_number, require_share
from socialmath.pareto import alpha_for_share, gini, top_share

__all__ = [
    "LINKEDIN_2016_CTR_RATIO",
    "LINKEDIN_2017_ENGAGEMENT",
    "LINKEDIN_2017_SHARERS",
    "VENDOR_CLAIMS",
    "Concentration",
    "Programme",
    "VendorClaim",
    "concentration",
    "hold_claims",
    "required_overlap",
    "required_rate_ratio",
    "required_sharers_reach",
    "sharers_engagement_share",
]


# --- concentration of engagement ----------------------------------------------------------------


@dataclass(frozen=True)
class Concentration:
    """How unequal engagement is among ambassadors: the share held by the ``top`` share of them,
    the Gini index, and the Pareto alpha that gives the same top share (``inf`` when the top hold
    no more than their number, 1 when they hold everything)."""

    top: float
    share: float
    gini: float
    alpha: float


def concentration(values, top: float = 0.03) -> Concentration:
    """Share of the total held by the ``top`` share of ``values``, the Gini index (both from
    :mod:`socialmath.pareto`), and the Pareto alpha with the same top share.

    >>> c = concentration([1] * 97 + [10, 10, 10], top=0.03)
    >>> round(c.share, 3), round(c.alpha, 2)
    (0.236, 1.7)
    """
    t = require_share("top", top)
    if t in (0.0, 1.0):
        raise ValueError(f"top must be strictly between 0 and 1, got {top!r}")
    share = top_share(values, t)
    if share <= t + 1e-12:  # no more than their number (up to rounding)
        alpha = math.inf
    elif share >= 1.0 - 1e-12:
        alpha = 1.0
    else:
        alpha = alpha_for_share(t, share)
    return Concentration(top=t, share=share, gini=gini(values), alpha=alpha)


# --- the vendor figures, and what each would require --------------------------------------------


@dataclass(frozen=True)
class VendorClaim:
    """A figure sold with employee advocacy: its wording as reported, its source (a key of
    ``book/references.bib``, or ``""`` when none was found), its status, what it compares
    (``measure``) and the factor it claims."""

    name: str
    wording: str
    source: str
    status: str
    measure: str
    factor: float


#: The figures of the course's fact sheet. "561% further" is read as 5.61 times *more* reach,
#: 6.61 times the page's; the primary MSLGroup report was not found, nor any data behind the
#: "10x" and "8x" figures, so those are unverified (U) and shown only as claims.
VENDOR_CLAIMS = (
    VendorClaim("561% further", "brand messages reach 561% further when employees share them",
                "", "U (attributed to MSLGroup, report not found)", "reach", 6.61),
    VendorClaim("24x re-shares", "brand messages are re-shared 24x more often when employees "
                "share them", "", "U (attributed to MSLGroup, report not found)", "re-shares",
                24.0),
    VendorClaim("2x click-through", "employee shares get 2x the click-through rate of company "
                "shares of the same content", "linkedin2016", "vendor claim (LinkedIn 2016)",
                "clicks per viewer", 2.0),
    VendorClaim("10x connections", "employees have 10x more connections than the company has "
                "followers", "", "U (folklore, no data found)", "connections", 10.0),
    VendorClaim("8x engagement", "employee content gets 8x more engagement", "",
                "U (folklore, no data found)", "engagement", 8.0),
)
#: LinkedIn's 2017 figure: "only 3% of employees share content", and they "generate 30% of all
#: content engagement for a typical business" (``linkedin2017``, a vendor claim).
LINKEDIN_2017_SHARERS, LINKEDIN_2017_ENGAGEMENT = 0.03, 0.30
#: LinkedIn's 2016 ratio of click-through rates, employee shares over company shares
#: (``linkedin2016``, a vendor claim): 2x overall, 2.4x above 10,000 employees, 1.8x below.
LINKEDIN_2016_CTR_RATIO = 2.0


@dataclass(frozen=True)
class Programme:
    """What an advocacy programme adds up to: the page's ``followers``, the ambassadors'
    ``summed_contacts`` and the ``unique_reach`` (distinct people) among them, and
    ``rate_ratio``, how much more often a viewer engages with an employee's share than with the
    page's (an assumption; LinkedIn 2016 reports 2 for clicks)."""

    followers: float
    summed_contacts: float
    unique_reach: float
    rate_ratio: float = 1.0

    def __post_init__(self) -> None:
        require_number("followers", self.followers, low=0, low_open=True)
        summed = require_number("summed_contacts", self.summed_contacts, low=0)
        require_number("unique_reach", self.unique_reach, low=0, high=summed)
        require_number("rate_ratio", self.rate_ratio, low=0, low_open=True)

    @property
    def overlap(self) -> float:
        """Share of the summed contacts counted more than once."""
        return 1.0 - self.unique_reach / self.summed_contacts if self.summed_contacts else 0.0

    @property
    def reach_ratio(self) -> float:
        """The ambassadors' unique reach over the page's followers."""
        return self.unique_reach / self.followers

    @property
    def connections_ratio(self) -> float:
        """The ambassadors' summed contacts over the page's followers."""
        return self.summed_contacts / self.followers

    @property
    def engagement_ratio(self) -> float:
        """Engagement with the ambassadors' shares over engagement with the page's post:
        reach ratio x per-viewer rate ratio."""
        return self.reach_ratio * self.rate_ratio


def required_overlap(factor: float, followers: float, summed_contacts: float) -> float:
    """The largest overlap at which ambassadors whose contacts add up to ``summed_contacts``
    still reach ``factor`` times the page's ``followers``: 1 - factor x followers / summed.
    Negative when even no overlap is not enough.

    >>> round(required_overlap(6.61, 2000, 15000), 3)
    0.119
    """
    f = require_number("factor", factor, low=0, low_open=True)
    page = require_number("followers", followers, low=0, low_open=True)
    summed = require_number("summed_contacts", summed_contacts, low=0, low_open=True)
    return 1.0 - f * page / summed


def required_rate_ratio(factor: float, reach_ratio: float) -> float:
    """How much more often each viewer must engage with an employee's share than with the
    page's post, for engagement to be ``factor`` times the page's when reach is ``reach_ratio``
    times the page's.

    >>> required_rate_ratio(8, 2.5)
    3.2
    """
    f = require_number("factor", factor, low=0, low_open=True)
    ratio = require_number("reach_ratio", reach_ratio, low=0, low_open=True)
    return f / ratio


def sharers_engagement_share(sharers_reach: float, followers: float,
                             rate_ratio: float = LINKEDIN_2016_CTR_RATIO) -> float:
    """Share of all engagement that comes from the sharers, if the page's post reaches its
    ``followers``, the sharers reach ``sharers_reach`` other people, and their viewers engage
    ``rate_ratio`` times as often: r R / (r R + F).

    >>> round(sharers_engagement_share(750, 3000), 3)
    0.333
    """
    reach = require_number("sharers_reach", sharers_reach, low=0)
    page = require_number("followers", followers, low=0, low_open=True)
    ratio = require_number("rate_ratio", rate_ratio, low=0, low_open=True)
    return ratio * reach / (ratio * reach + page)


def required_sharers_reach(share: float, followers: float,
                           rate_ratio: float = LINKEDIN_2016_CTR_RATIO) -> float:
    """The sharers' unique reach for them to bring ``share`` of all engagement:
    share / (1 - share) x followers / rate_ratio (the inverse of
    :func:`sharers_engagement_share`).

    >>> round(required_sharers_reach(0.30, 3000), 1)
    642.9
    """
    s = require_share("share", share)
    if s == 1.0:
        raise ValueError("share must be below 1: the page's own post always brings some, got 1")
    page = require_number("followers", followers, low=0, low_open=True)
    ratio = require_number("rate_ratio", rate_ratio, low=0, low_open=True)
    return s / (1.0 - s) * page / ratio


def _needs(claim: VendorClaim, programme: Programme) -> tuple[float, bool | None, str]:
    """This programme's value for ``claim``, whether it meets it, and what would."""
    p = programme
    if claim.measure == "reach":
        limit = required_overlap(claim.factor, p.followers, p.summed_contacts)
        if limit <= 0:
            need = (f"impossible here: even with no overlap the contacts add up to only "
                    f"{p.connections_ratio:.1f}x the followers")
        else:
            need = (f"overlap at most {limit:.0%} (here {p.overlap:.0%}), or at most "
                    f"{p.unique_reach / claim.factor:,.0f} followers")
        return p.reach_ratio, p.reach_ratio >= claim.factor, need
    if claim.measure == "connections":
        return (p.connections_ratio, p.connections_ratio >= claim.factor,
                f"at most {p.summed_contacts / claim.factor:,.0f} followers; the distinct "
                f"people would still be {1 - p.overlap:.0%} of the connections")
    if claim.measure == "clicks per viewer":
        return (p.rate_ratio, None,
                f"a rate per viewer, which reach does not enter (an assumption here); total "
                f"clicks would be {p.reach_ratio * claim.factor:.1f}x the page's")
    needed = required_rate_ratio(claim.factor, p.reach_ratio)
    return (p.engagement_ratio, p.engagement_ratio >= claim.factor,
            f"each viewer {needed:.1f}x as engaged as the page's viewers "
            f"(assumed here: {p.rate_ratio:g}x)")


def hold_claims(programme: Programme, claims=VENDOR_CLAIMS) -> pd.DataFrame:
    """One row per vendor claim: what it compares, the factor claimed, this programme's value,
    whether it meets the claim (None for a per-viewer rate, which is an input here) and what
    would make it true.

    >>> table = hold_claims(Programme(followers=3000, summed_contacts=26000,
    ...                               unique_reach=16000, rate_ratio=2.0))
    >>> row = table.loc["561% further"]
    >>> round(float(row["this programme"]), 2), bool(row["holds"])
    (5.33, False)
    """
    if not isinstance(programme, Programme):
        raise TypeError(f"programme must be a Programme, got {type(programme).__name__}")
    if not isinstance(claims, tuple | list) or not claims:
        raise (ValueError if isinstance(claims, tuple | list) else TypeError)(
            f"claims must be a non-empty list or tuple of VendorClaim objects (such as "
            f"VENDOR_CLAIMS), got {claims!r}")
    rows = []
    for claim in claims:
        if not isinstance(claim, VendorClaim):
            raise TypeError(f"claims must hold VendorClaim objects, got {claim!r}")
        value, holds, need = _needs(claim, programme)
        rows.append({"claim": claim.name, "status": claim.status, "compares": claim.measure,
                     "claimed": claim.factor, "this programme": value, "holds": holds,
                     "would need": need})
    return pd.DataFrame(rows).set_index("claim")
