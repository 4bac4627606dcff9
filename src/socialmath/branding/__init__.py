"""Personal branding by the numbers: how networks grow unequal, why your contacts have more
contacts than you, how far one post goes, and where a social user tips into a mass medium.

One idea a module; everything public is also importable from ``socialmath.branding``:

* :mod:`~socialmath.branding.growth`: preferential against uniform attachment, the inequality
  each produces over time (:func:`grow_network`), the degree shares theory expects
  (:func:`degree_shares`) and a maximum-likelihood fit of the tail (:func:`fit_degree_tail`);
* :mod:`~socialmath.branding.paradox`: the friendship paradox on any graph
  (:func:`friendship_paradox`), person by person by number of contacts
  (:func:`paradox_by_degree`), and Feld's eight girls (:func:`feld_1991_graph`);
* :mod:`~socialmath.branding.funnel`: one post from audience to comments (:func:`reach_funnel`),
  every rate an :class:`Assumption` with its source where one exists;
* :mod:`~socialmath.branding.cascades`: independent cascades, many at once
  (:func:`simulate_cascades`), structural virality, and the branching arithmetic that says when
  cascades die out (:func:`critical_probability`);
* :mod:`~socialmath.branding.thresholds`: Granovetter's riot (:func:`riot`) and simple against
  complex contagion on clustered and random networks (:func:`threshold_contagion`);
* :mod:`~socialmath.branding.tipping`: reciprocation capacity and the tipping size of a network
  (:func:`reciprocation`), as a band over the assumptions (:func:`tipping_band`).

>>> from socialmath import branding
>>> branding.friendship_paradox(branding.feld_1991_graph()).mean_friend_degree
3.0
>>> round(branding.reach_funnel(25_000).impressions)
750
"""

from socialmath.branding.cascades import (
    MAX_CASCADES,
    Cascades,
    branching_factor,
    cascade_by_loop,
    critical_probability,
    expected_cascade_size,
    simulate_cascades,
    structural_virality,
)
from socialmath.branding.funnel import FUNNEL_ASSUMPTIONS, Assumption, Funnel, reach_funnel
from socialmath.branding.growth import (
    MAX_LINKS,
    Growth,
    degree_shares,
    fit_degree_tail,
    grow_network,
    tail_exponent,
)
from socialmath.branding.paradox import (
    FELD_1991_EDGES,
    FELD_1991_NAMES,
    FriendshipParadox,
    feld_1991_graph,
    friends_mean_degree,
    friendship_paradox,
    paradox_by_degree,
)
from socialmath.branding.thresholds import (
    Contagion,
    Riot,
    clustered_and_random,
    neighbourhood,
    riot,
    threshold_contagion,
)
from socialmath.branding.tipping import (
    GROUP_SIZES,
    TIPPING_ASSUMPTIONS,
    GroupSize,
    Reciprocation,
    TippingBand,
    reciprocation,
    tipping_band,
)

__all__ = [
    "FELD_1991_EDGES",
    "FELD_1991_NAMES",
    "FUNNEL_ASSUMPTIONS",
    "GROUP_SIZES",
    "MAX_CASCADES",
    "MAX_LINKS",
    "TIPPING_ASSUMPTIONS",
    "Assumption",
    "Cascades",
    "Contagion",
    "FriendshipParadox",
    "Funnel",
    "GroupSize",
    "Growth",
    "Reciprocation",
    "Riot",
    "TippingBand",
    "branching_factor",
    "cascade_by_loop",
    "clustered_and_random",
    "critical_probability",
    "degree_shares",
    "expected_cascade_size",
    "feld_1991_graph",
    "fit_degree_tail",
    "friends_mean_degree",
    "friendship_paradox",
    "grow_network",
    "neighbourhood",
    "paradox_by_degree",
    "reach_funnel",
    "reciprocation",
    "riot",
    "simulate_cascades",
    "structural_virality",
    "tail_exponent",
    "threshold_contagion",
    "tipping_band",
]
