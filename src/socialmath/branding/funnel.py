"""How far one post goes: from your audience to the people who see it, react and comment.

The funnel multiplies five numbers, and every one of them is an assumption:

    audience      = contacts + followers
    online        = audience x share_online       (open the feed while the post is fresh)
    impressions   = online x share_shown          (the feed ranks and filters: not everything
                                                   is shown)
    reactions     = impressions x reaction_rate
    comments      = impressions x comment_rate
    reshares      = impressions x reshare_rate

:data:`FUNNEL_ASSUMPTIONS` gives each rate a default, a plausible range and its source where one
exists. For most of them we found no published figure for LinkedIn: they are there to be changed.
A share of the audience passes the post on, ``share_online x share_shown x reshare_rate``; that
is the probability ``p`` of an independent cascade (:mod:`socialmath.branding.cascades`).

>>> funnel = reach_funnel(1000)
>>> funnel.online, funnel.impressions, funnel.reactions
(100.0, 30.0, 0.6)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from socialmath._validate import require_count, require_number, require_share

__all__ = [
    "FUNNEL_ASSUMPTIONS",
    "Assumption",
    "Funnel",
    "reach_funnel",
]


@dataclass(frozen=True)
class Assumption:
    """A model parameter: its default, a plausible range, and where the numbers come from.

    ``source`` is a citation key of ``book/references.bib``, or the empty string when we found no
    source; ``note`` says what the parameter means and why the range.
    """

    name: str
    value: float
    low: float
    high: float
    source: str
    note: str

    def __post_init__(self) -> None:
        for name in ("value", "low", "high"):
            require_number(f"{self.name} {name}", getattr(self, name))
        if not self.low <= self.value <= self.high:
            raise ValueError(f"{self.name}: value must be within [low, high] = "
                             f"[{self.low:g}, {self.high:g}], got {self.value:g}")

    @property
    def sourced(self) -> bool:
        """Whether a published source backs the numbers (or at least bounds them)."""
        return bool(self.source)


#: The funnel's rates: defaults, ranges and sources. None is a measurement of LinkedIn's feed.
FUNNEL_ASSUMPTIONS: dict[str, Assumption] = {
    item.name: item for item in (
        Assumption(
            "share_online", 0.10, 0.02, 0.30, "shift2016",
            "share of your audience who open the feed while the post is fresh (a day or two). "
            "Fewer than 23% of members were active in a whole quarter in 2016 (shift2016), so a "
            "day's share of all members is lower; your own contacts may be more active than the "
            "average member. The value is an assumption below that bound."),
        Assumption(
            "share_shown", 0.30, 0.05, 0.80, "dangi2020",
            "share of those online whose feed shows the post. The feed ranks posts (partly on "
            "dwell time, dangi2020) and shows a selection; we found no published share. "
            "An assumption."),
        Assumption(
            "reaction_rate", 0.02, 0.005, 0.05, "",
            "reactions (likes and the like) per impression. We found no peer-reviewed figure. "
            "An assumption."),
        Assumption(
            "comment_rate", 0.002, 0.0005, 0.01, "",
            "comments per impression. We found no peer-reviewed figure. An assumption."),
        Assumption(
            "reshare_rate", 0.001, 0.0002, 0.005, "",
            "reshares per impression, the step that lets a post travel beyond your audience. "
            "We found no peer-reviewed figure. An assumption."),
    )
}


@dataclass(frozen=True)
class Funnel:
    """One post's funnel: the inputs, then the expected number of people at each stage."""

    contacts: int
    followers: int
    share_online: float
    share_shown: float
    reaction_rate: float
    comment_rate: float
    reshare_rate: float
    audience: float
    online: float
    impressions: float
    reactions: float
    comments: float
    reshares: float

    @property
    def filtered_by_feed(self) -> float:
        """People who opened the feed while the post was fresh but were not shown it."""
        return self.online - self.impressions

    @property
    def share_of_audience_shown(self) -> float:
        """Impressions as a share of the audience (0 for an empty audience)."""
        return self.impressions / self.audience if self.audience else 0.0

    @property
    def pass_on_probability(self) -> float:
        """Chance that one member of the audience passes the post on: the ``p`` of an
        independent cascade, ``share_online x share_shown x reshare_rate``."""
        return self.share_online * self.share_shown * self.reshare_rate

    @property
    def chance_passed_on(self) -> float:
        """Chance that at least one member of the audience passes the post on,
        ``1 - (1 - p) ** audience``: each member independently, with ``p`` the
        :attr:`pass_on_probability`. ``reshares`` is the expected number who do.

        >>> round(reach_funnel(25_000).chance_passed_on, 3)
        0.528
        """
        return float(-np.expm1(self.audience * np.log1p(-self.pass_on_probability))
                     if self.pass_on_probability < 1 else float(self.audience > 0))

    def stages(self) -> list[tuple[str, float]]:
        """(stage, people) from the audience down to the comments, for a table or a figure."""
        return [("audience", self.audience), ("online while fresh", self.online),
                ("shown the post", self.impressions), ("reacted", self.reactions),
                ("commented", self.comments)]


def reach_funnel(contacts: int, followers: int = 0,
                 share_online: float = FUNNEL_ASSUMPTIONS["share_online"].value,
                 share_shown: float = FUNNEL_ASSUMPTIONS["share_shown"].value,
                 reaction_rate: float = FUNNEL_ASSUMPTIONS["reaction_rate"].value,
                 comment_rate: float = FUNNEL_ASSUMPTIONS["comment_rate"].value,
                 reshare_rate: float = FUNNEL_ASSUMPTIONS["reshare_rate"].value) -> Funnel:
    """The expected audience, impressions, reactions, comments and reshares of one post.

    Every rate is a share in [0, 1] (0.02, not 2%); the defaults and their sources are in
    :data:`FUNNEL_ASSUMPTIONS`. Rates are per impression, so a comment does not need a reaction.

    >>> funnel = reach_funnel(25_000, share_online=0.1, share_shown=0.3, reaction_rate=0.02)
    >>> funnel.audience, funnel.impressions, funnel.reactions, funnel.filtered_by_feed
    (25000.0, 750.0, 15.0, 1750.0)
    """
    n_contacts = require_count("contacts", contacts)
    n_followers = require_count("followers", followers)
    online_share = require_share("share_online", share_online)
    shown_share = require_share("share_shown", share_shown)
    reacting = require_share("reaction_rate", reaction_rate)
    commenting = require_share("comment_rate", comment_rate)
    resharing = require_share("reshare_rate", reshare_rate)
    audience = float(n_contacts + n_followers)
    online = audience * online_share
    impressions = online * shown_share
    return Funnel(
        contacts=n_contacts, followers=n_followers, share_online=online_share,
        share_shown=shown_share, reaction_rate=reacting, comment_rate=commenting,
        reshare_rate=resharing, audience=audience, online=online, impressions=impressions,
        reactions=impressions * reacting, comments=impressions * commenting,
        reshares=impressions * resharing)

