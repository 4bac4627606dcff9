"""Chapter 4 explorers: grow a network, the friendship paradox, one post's funnel, cascades, and
your own tipping point.

>>> growth = GrowthExplorer()
>>> growth.controls["preferential_share"].value = 0.0
>>> bool(growth.result.top1[-1] < 0.05)
True
>>> tipping = TippingExplorer()
>>> tipping.controls["requests_per_contact"].value = 0.02
>>> round(tipping.result.tipping_size)
1200
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ipywidgets as widgets
import numpy as np

from socialmath.attention import LINKEDIN_CONNECTION_CAP
from socialmath.branding.cascades import Cascades, critical_probability, simulate_cascades
from socialmath.branding.funnel import Funnel, reach_funnel
from socialmath.branding.growth import Growth, grow_network
from socialmath.branding.paradox import (
    FriendshipParadox,
    feld_1991_graph,
    friends_mean_degree,
    friendship_paradox,
)
from socialmath.branding.tipping import Reciprocation, reciprocation, tipping_band
from socialmath.graphs import (
    Graph,
    as_graph,
    barabasi_albert,
    erdos_renyi,
    professional_network,
    watts_strogatz,
)
from socialmath.plots.branding import draw_growth, draw_paradox, update_growth, update_paradox
from socialmath.plots.reach import (
    draw_cascades,
    draw_funnel,
    draw_tipping,
    update_cascades,
    update_funnel,
    update_tipping,
)
from socialmath.plots.style import format_count
from socialmath.widgets.base import Explorer

__all__ = ["CascadeExplorer", "FunnelExplorer", "GrowthExplorer", "ParadoxExplorer",
           "TippingExplorer"]

_STYLE = {"description_width": "170px"}
_LAYOUT = widgets.Layout(width="400px")


def _choice(value, options: tuple, name: str):
    if value not in options:
        raise ValueError(f"{name} must be one of {options}, got {value!r}")
    return value


# --- grow a network -------------------------------------------------------------------------------

#: Network sizes offered: each grows in well under a second.
GROWTH_SIZES = (1_000, 2_000, 5_000, 10_000, 20_000, 50_000)


@lru_cache(maxsize=128)
def _grown(n: int, m: int, preferential_share: float, seed: int) -> Growth:
    return grow_network(n, m, preferential_share=preferential_share, seed=seed)


class GrowthExplorer(Explorer):
    """People who join (n), links per newcomer (m) and the share of links that go by popularity
    → the top-1% share of contacts and the Gini index as the network grows, against the two pure
    rules at the same size (dashed)."""

    def __init__(self, n: int = 20_000, m: int = 3, preferential_share: float = 1.0,
                 seed: int = 0) -> None:
        _choice(n, GROWTH_SIZES, "n")
        grow_network(100, m, preferential_share=preferential_share, seed=seed)  # validates
        if m > 10:
            raise ValueError(f"m must be between 1 and 10 here, got {m!r}")
        self.seed = seed
        self.artists = None
        controls = {
            "n": widgets.SelectionSlider(options=GROWTH_SIZES, value=n,
                                         description="people who join", style=_STYLE,
                                         layout=_LAYOUT),
            "m": widgets.IntSlider(value=m, min=1, max=10, description="links per newcomer",
                                   style=_STYLE, layout=_LAYOUT),
            "preferential_share": widgets.FloatSlider(
                value=preferential_share, min=0.0, max=1.0, step=0.1, readout_format=".0%",
                description="links by popularity", style=_STYLE, layout=_LAYOUT),
        }
        super().__init__(controls)

    def compute(self, n: int, m: int, preferential_share: float) -> Growth:
        return _grown(n, m, round(float(preferential_share), 6), self.seed)

    def references(self) -> dict[str, Growth]:
        n, m = self.values["n"], self.values["m"]
        return {"all preferential": _grown(n, m, 1.0, self.seed),
                "all uniform": _grown(n, m, 0.0, self.seed)}

    def draw(self, axes, result: Growth) -> None:
        self.artists = draw_growth(axes, result, self.references())

    def redraw(self, result: Growth) -> None:
        update_growth(self.artists, result, self.references())

    def moving_artists(self) -> list:
        a = self.artists
        # In the order they were drawn: among equal z-orders, blitting keeps this order.
        return [a.top1, a.gini, *a.references.values(), a.title, a.note]

    def readout_duplicates(self) -> list:
        return [self.artists.note]

    def describe(self, result: Growth) -> str:
        return (
            f"the best-connected 1% hold <b>{result.top1[-1]:.1%}</b> of all contacts; "
            f"Gini index <b>{result.gini[-1]:.2f}</b><br>"
            f"largest hub: <b>{format_count(result.max_degree[-1])}</b> contacts "
            f"(mean {result.graph.mean_degree:.1f})<br>"
            f"of the top 1%, <b>{result.first_movers(0.01, 0.1):.0%}</b> were among the first "
            f"10% to join"
        )

    def describe_plain(self) -> str:
        r = self.result
        return (f"n={r.n:,}, m={r.m}, {r.preferential_share:.0%} by popularity -> top 1% hold "
                f"{r.top1[-1]:.1%}, Gini {r.gini[-1]:.2f}, largest hub "
                f"{r.max_degree[-1]:,}")


# --- the friendship paradox -----------------------------------------------------------------------

#: The networks offered, by name.
NETWORKS = ("Feld's eight girls", "random (Erdős–Rényi)", "small world (Watts–Strogatz)",
            "preferential attachment", "professional (hubs and triangles)")


@dataclass(frozen=True, eq=False)
class ParadoxView:
    """The friendship paradox on one network, with each person's numbers for the figure."""

    network: str
    paradox: FriendshipParadox
    degrees: np.ndarray
    friends_mean: np.ndarray


@lru_cache(maxsize=256)
def _network(network: str, n: int, mean_degree: int, seed: int) -> Graph:
    if network == NETWORKS[0]:
        return as_graph(feld_1991_graph())[0]
    if network == NETWORKS[1]:
        return erdos_renyi(n, mean_degree, seed=seed)
    if network == NETWORKS[2]:
        return watts_strogatz(n, mean_degree, 0.1, seed=seed)
    if network == NETWORKS[3]:
        return barabasi_albert(n, mean_degree // 2, seed=seed)
    # Triangles need two random contacts each to close: closure at most 1 - 2 / mean_degree.
    closure = min(0.5, 1.0 - 2.0 / mean_degree)
    return professional_network(n, mean_degree, closure=closure, seed=seed)


@lru_cache(maxsize=256)
def paradox_view(network: str, n: int, mean_degree: int, seed: int = 0) -> ParadoxView:
    """The friendship paradox on one of ``NETWORKS`` (size and degree ignored for Feld's).

    >>> paradox_view("Feld's eight girls", 100, 4).paradox.mean_friend_degree
    3.0
    """
    graph = _network(_choice(network, NETWORKS, "network"), n, mean_degree, seed)
    return ParadoxView(network, friendship_paradox(graph), graph.degrees,
                       friends_mean_degree(graph))


class ParadoxExplorer(Explorer):
    """A network (Feld's eight girls or a random network of a chosen kind, size and mean number
    of contacts) → each person's contacts against their contacts' mean, and the share of people
    whose contacts have more contacts than they do. For Feld's network the size and degree
    sliders are disabled."""

    def __init__(self, network: str = NETWORKS[4], n: int = 2000, mean_degree: int = 10,
                 seed: int = 0) -> None:
        _choice(network, NETWORKS, "network")
        if not (100 <= n <= 5000 and n % 100 == 0):
            raise ValueError(f"n must be a multiple of 100 from 100 to 5,000, got {n!r}")
        if not (2 <= mean_degree <= 20 and mean_degree % 2 == 0):
            raise ValueError(f"mean_degree must be an even number from 2 to 20, got "
                             f"{mean_degree!r}")
        self.seed = seed
        self.artists = None
        controls = {
            "network": widgets.Dropdown(options=NETWORKS, value=network, description="network",
                                        style=_STYLE, layout=_LAYOUT),
            "n": widgets.IntSlider(value=n, min=100, max=5000, step=100, description="people",
                                   style=_STYLE, layout=_LAYOUT),
            "mean_degree": widgets.IntSlider(value=mean_degree, min=2, max=20, step=2,
                                             description="mean contacts", style=_STYLE,
                                             layout=_LAYOUT),
        }
        super().__init__(controls)
        self._enable_sizes()

    def compute(self, network: str, n: int, mean_degree: int) -> ParadoxView:
        even = 2 * max(1, round(mean_degree / 2))  # a ring needs an even number of neighbours
        return paradox_view(network, n, even, self.seed)

    def update(self, change=None) -> None:
        self._enable_sizes()
        super().update(change)

    def _enable_sizes(self) -> None:
        fixed = self.values["network"] == NETWORKS[0]
        self.controls["n"].disabled = fixed
        self.controls["mean_degree"].disabled = fixed

    def draw(self, axes, result: ParadoxView) -> None:
        self.artists = draw_paradox(axes, result.paradox, result.degrees, result.friends_mean)

    def redraw(self, result: ParadoxView) -> None:
        update_paradox(self.artists, result.paradox, result.degrees, result.friends_mean)

    def moving_artists(self) -> list:
        a = self.artists
        return [a.diagonal, a.people, a.mean, a.friend_mean, a.title, a.note]

    def readout_duplicates(self) -> list:
        return [self.artists.note]

    def describe(self, result: ParadoxView) -> str:
        p = result.paradox
        return (
            f"a person has <b>{p.mean_degree:.2f}</b> contacts on average; a friend has "
            f"<b>{p.mean_friend_degree:.2f}</b><br>"
            f"Feld's mean + variance / mean: {p.mean_degree:.2f} + {p.variance:.2f} / "
            f"{p.mean_degree:.2f} = <b>{p.feld_identity:.2f}</b><br>"
            f"<b>{p.share_below:.0%}</b> of people have fewer contacts than their contacts' "
            f"average ({p.share_above:.0%} more, {p.share_equal:.0%} the same)"
        )

    def describe_plain(self) -> str:
        p = self.result.paradox
        return (f"{self.result.network}: {p.mean_degree:.2f} contacts, {p.mean_friend_degree:.2f}"
                f" for a friend, {p.share_below:.0%} below their friends")


# --- one post's funnel ----------------------------------------------------------------------------


class FunnelExplorer(Explorer):
    """Contacts, followers and the funnel's rates → the expected audience, impressions,
    reactions and comments of one post. Every slider position is a valid input."""

    figsize = (7.4, 4.4)

    def __init__(self, contacts: int = 25_000, followers: int = 0, share_online: float = 0.1,
                 share_shown: float = 0.3, reaction_rate: float = 0.02,
                 comment_rate: float = 0.002, reshare_rate: float = 0.001) -> None:
        reach_funnel(contacts, followers, share_online, share_shown, reaction_rate,
                     comment_rate, reshare_rate)  # validates the defaults
        self.artists = None

        def share(name, value, high, step, description, fmt=".1%"):
            return widgets.FloatSlider(value=self.clamp(name, value, 0.0, high), min=0.0,
                                       max=high, step=step, readout_format=fmt,
                                       description=description, style=_STYLE, layout=_LAYOUT)

        controls = {
            "contacts": widgets.IntSlider(
                value=self.clamp("contacts", contacts, 0, LINKEDIN_CONNECTION_CAP), min=0,
                max=LINKEDIN_CONNECTION_CAP, step=100, description="contacts", style=_STYLE,
                layout=_LAYOUT),
            "followers": widgets.IntSlider(
                value=self.clamp("followers", followers, 0, 100_000), min=0, max=100_000,
                step=500, description="followers", style=_STYLE, layout=_LAYOUT),
            "share_online": share("share_online", share_online, 1.0, 0.01,
                                  "online while fresh", ".0%"),
            "share_shown": share("share_shown", share_shown, 1.0, 0.01, "shown by the feed",
                                 ".0%"),
            "reaction_rate": share("reaction_rate", reaction_rate, 0.1, 0.001,
                                   "reactions / impression"),
            "comment_rate": share("comment_rate", comment_rate, 0.02, 0.0005,
                                  "comments / impression", ".2%"),
            "reshare_rate": share("reshare_rate", reshare_rate, 0.01, 0.0005,
                                  "reshares / impression", ".2%"),
        }
        super().__init__(controls)

    def compute(self, **values) -> Funnel:
        return reach_funnel(**values)

    def draw(self, axes, result: Funnel) -> None:
        self.artists = draw_funnel(axes, result)

    def redraw(self, result: Funnel) -> None:
        update_funnel(self.artists, result)

    def moving_artists(self) -> list:
        a = self.artists
        return [*a.bars.patches, a.filtered, *a.values, a.filtered_label, a.title]

    def describe(self, result: Funnel) -> str:
        return (
            f"<b>{format_count(result.impressions)}</b> impressions "
            f"({result.share_of_audience_shown:.1%} of the audience), "
            f"<b>{format_count(result.reactions)}</b> reactions, "
            f"<b>{format_count(result.comments)}</b> comments<br>"
            f"not shown by the feed: <b>{format_count(result.filtered_by_feed)}</b> people who "
            f"were online<br>"
            f"chance that one member of the audience passes it on: "
            f"<b>{result.pass_on_probability:.2g}</b>"
        )

    def describe_plain(self) -> str:
        r = self.result
        return (f"audience {r.audience:,.0f} -> {r.impressions:,.0f} impressions, "
                f"{r.reactions:,.1f} reactions, {r.comments:,.1f} comments")


# --- cascades -------------------------------------------------------------------------------------

#: The explorer's network: preferential attachment, 10,000 people, 3 links per newcomer.
CASCADE_NETWORK = {"n": 10_000, "m": 3}
#: Cascades per position of the slider, and the slider's range of p.
CASCADE_COUNT = 1000
P_RANGE = (1e-3, 0.2)


@lru_cache(maxsize=1)
def _cascade_graph(seed: int) -> Graph:
    return barabasi_albert(CASCADE_NETWORK["n"], CASCADE_NETWORK["m"], seed=seed)


@lru_cache(maxsize=128)
def _cascades(p: float, seed: int) -> Cascades:
    return simulate_cascades(_cascade_graph(seed), p, n_cascades=CASCADE_COUNT, seed=seed)


class CascadeExplorer(Explorer):
    """The pass-on probability p (log scale) → the size distribution of 1,000 independent
    cascades on a 10,000-person preferential-attachment network, and where the people reached
    are, hop by hop."""

    figsize = (10.5, 4.4)

    def __init__(self, p: float = 0.05, seed: int = 0) -> None:
        if not P_RANGE[0] <= p <= P_RANGE[1]:
            raise ValueError(f"p must be in [{P_RANGE[0]:g}, {P_RANGE[1]:g}], got {p!r}")
        self.seed = seed
        self.critical = critical_probability(_cascade_graph(seed))
        self.artists = None
        controls = {
            "p": widgets.FloatLogSlider(value=p, base=10, min=np.log10(P_RANGE[0]),
                                        max=np.log10(P_RANGE[1]), step=0.05,
                                        readout_format=".3f", description="pass-on probability",
                                        style=_STYLE, layout=_LAYOUT),
        }
        super().__init__(controls)

    def subplot_options(self) -> dict:
        return {"ncols": 2}

    def compute(self, p: float) -> Cascades:
        # Four significant digits: the slider's own float noise does not miss the cache.
        return _cascades(float(np.clip(float(f"{p:.4g}"), *P_RANGE)), self.seed)

    def draw(self, axes, result: Cascades) -> None:
        self.artists = draw_cascades(axes, result, self.critical)

    def redraw(self, result: Cascades) -> None:
        update_cascades(self.artists, result, self.critical)

    def moving_artists(self) -> list:
        a = self.artists
        return [a.sizes, *a.hops.patches, *a.hop_values, *a.titles, a.note]

    def readout_duplicates(self) -> list:
        return [self.artists.note]

    def describe(self, result: Cascades) -> str:
        return (
            f"<b>{result.share_of_cascades(1):.0%}</b> of posts are never passed on; "
            f"mean size <b>{result.mean_size:,.1f}</b>, largest "
            f"<b>{format_count(result.sizes.max())}</b><br>"
            f"share of the network reached within 1, 2, 3 hops: "
            f"{result.share_reached(1):.2%}, {result.share_reached(2):.2%}, "
            f"{result.share_reached(3):.2%}<br>"
            f"critical p of this network: <b>{self.critical:.3f}</b> "
            f"(p is {result.p / self.critical:.2g} times it)"
        )

    def describe_plain(self) -> str:
        r = self.result
        return (f"p={r.p:.3g} -> {r.share_of_cascades(1):.0%} never passed on, mean size "
                f"{r.mean_size:,.1f}, largest {r.sizes.max():,}")


# --- your tipping point ---------------------------------------------------------------------------


class TippingExplorer(Explorer):
    """Your contacts, weekly time, minutes per exchange, exchanges a month per contact and the
    requests each contact sends → the contacts you can keep up with and the network size at which
    incoming messages fill your time, against Dunbar's and Lindenfors and colleagues' group sizes.
    """

    figsize = (8.0, 5.0)

    def __init__(self, contacts: int = 25_000, hours_per_week: float = 2.0,
                 minutes_per_exchange: float = 5.0, exchanges_per_month: float = 1.0,
                 requests_per_contact: float = 0.01) -> None:
        reciprocation(hours_per_week, minutes_per_exchange, exchanges_per_month,
                      requests_per_contact)  # validates the defaults
        self.band = tipping_band()
        self.artists = None
        controls = {
            "contacts": widgets.IntSlider(
                value=self.clamp("contacts", contacts, 10, LINKEDIN_CONNECTION_CAP), min=10,
                max=LINKEDIN_CONNECTION_CAP, step=10, description="your contacts",
                style=_STYLE, layout=_LAYOUT),
            "hours_per_week": widgets.FloatSlider(
                value=self.clamp("hours_per_week", hours_per_week, 0.0, 20.0), min=0.0,
                max=20.0, step=0.5,
                description="hours a week", style=_STYLE, layout=_LAYOUT),
            "minutes_per_exchange": widgets.FloatSlider(
                value=self.clamp("minutes_per_exchange", minutes_per_exchange, 1.0, 30.0),
                min=1.0, max=30.0, step=0.5,
                description="minutes an exchange", style=_STYLE, layout=_LAYOUT),
            "exchanges_per_month": widgets.FloatSlider(
                value=self.clamp("exchanges_per_month", exchanges_per_month, 0.25, 8.0),
                min=0.25, max=8.0, step=0.25,
                description="exchanges / contact / month", style=_STYLE, layout=_LAYOUT),
            "requests_per_contact": widgets.FloatSlider(
                value=self.clamp("requests_per_contact", requests_per_contact, 0.0, 0.1),
                min=0.0, max=0.1, step=0.001,
                readout_format=".1%", description="contacts writing / week", style=_STYLE,
                layout=_LAYOUT),
        }
        super().__init__(controls)

    def _point(self, values: dict) -> Reciprocation:
        return reciprocation(values["hours_per_week"], values["minutes_per_exchange"],
                             values["exchanges_per_month"], values["requests_per_contact"])

    def compute(self, **values) -> Reciprocation:
        return self._point(values)

    def draw(self, axes, result: Reciprocation) -> None:
        self.artists = draw_tipping(axes, result, self.values["contacts"], self.band)

    def redraw(self, result: Reciprocation) -> None:
        update_tipping(self.artists, result, self.values["contacts"])

    def moving_artists(self) -> list:
        a = self.artists
        return [a.reciprocated, a.answered, a.tipping, a.you, a.title, a.note, a.legend]

    def readout_duplicates(self) -> list:
        return [self.artists.note]

    def describe(self, result: Reciprocation) -> str:
        contacts = self.values["contacts"]
        tipping = ("never (nobody writes)" if np.isinf(result.tipping_size)
                   else f"<b>{format_count(result.tipping_size)}</b> contacts")
        return (
            f"you can keep up with <b>{format_count(result.capacity)}</b> contacts: "
            f"<b>{result.reciprocated_share(contacts):.1%}</b> of your "
            f"{format_count(contacts)}<br>"
            f"incoming messages fill your time at {tipping}; at your size they would take "
            f"<b>{result.hours_needed(contacts):,.1f} h</b> a week<br>"
            f"you can answer <b>{result.answered_share(contacts):.0%}</b> of them"
        )

    def describe_plain(self) -> str:
        r, contacts = self.result, self.values["contacts"]
        return (f"{contacts:,} contacts, {r.hours_per_week:g} h a week -> capacity "
                f"{r.capacity:,.0f}, tipping size {r.tipping_size:,.0f}, "
                f"{r.reciprocated_share(contacts):.1%} kept up with")
