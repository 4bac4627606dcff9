"""Employee advocacy: how many people a company's post reaches when its employees share it.

A company **page** has followers; an **ambassador** is an employee who shares the page's posts
with their own contacts. The people a post can reach are the *union* of those audiences, not
their sum: someone who knows two ambassadors, or who knows one and follows the page, is one
person. One idea a module; everything public is also importable from ``socialmath.advocacy``:

* :mod:`~socialmath.advocacy.reach` counts that union three ways: exactly on a network
  (:func:`union_reach`, :func:`reach_curve`, :func:`overlap`: the union of the ambassadors'
  neighbourhoods, read from the CSR arrays of :class:`socialmath.graphs.Graph`); under
  independence (:func:`independent_reach`: if each audience is a random subset of a pool of N
  people, inclusion-exclusion sums in closed form to N (1 - (1 - F/N) prod(1 - c_i/N))); and by
  simulating that model (:func:`simulate_independent_reach`). :func:`company` places a company
  on a network.
* :mod:`~socialmath.advocacy.cascades` follows the post when people pass it on: chapter 4's
  independent cascade from many ambassadors at once, on shared draws (:func:`cascade_samples`,
  :func:`cascade_reach`, :func:`cascade_curve`).
* :mod:`~socialmath.advocacy.choice` picks ambassadors (:func:`choose_ambassadors`: greedy,
  most-connected or random; :func:`best_ambassadors`: every combination, for small cases), for
  their contacts or for their cascades.
* :mod:`~socialmath.advocacy.claims` measures how concentrated engagement is
  (:func:`concentration`) and what each vendor figure would require (:func:`hold_claims`,
  :func:`required_overlap`, :func:`required_rate_ratio`).

>>> import networkx as nx
>>> union_reach(nx.path_graph(5), [1, 3])   # {0, 2} and {2, 4}: 2 is counted once
3
>>> choose_ambassadors(nx.star_graph(4), k=1).ambassadors
(0,)
"""

from socialmath.advocacy.cascades import (
    CascadeSamples,
    cascade_curve,
    cascade_reach,
    cascade_samples,
)
from socialmath.advocacy.choice import RULES, Selection, best_ambassadors, choose_ambassadors
from socialmath.advocacy.claims import (
    LINKEDIN_2016_CTR_RATIO,
    LINKEDIN_2017_ENGAGEMENT,
    LINKEDIN_2017_SHARERS,
    VENDOR_CLAIMS,
    Concentration,
    Programme,
    VendorClaim,
    concentration,
    hold_claims,
    required_overlap,
    required_rate_ratio,
    required_sharers_reach,
    sharers_engagement_share,
)
from socialmath.advocacy.reach import (
    Company,
    IndependentReach,
    SimulatedReach,
    company,
    independent_reach,
    overlap,
    reach_curve,
    simulate_independent_reach,
    union_reach,
)

__all__ = [
    "LINKEDIN_2016_CTR_RATIO",
    "LINKEDIN_2017_ENGAGEMENT",
    "LINKEDIN_2017_SHARERS",
    "RULES",
    "VENDOR_CLAIMS",
    "CascadeSamples",
    "Company",
    "Concentration",
    "IndependentReach",
    "Programme",
    "Selection",
    "SimulatedReach",
    "VendorClaim",
    "best_ambassadors",
    "cascade_curve",
    "cascade_reach",
    "cascade_samples",
    "choose_ambassadors",
    "company",
    "concentration",
    "hold_claims",
    "independent_reach",
    "overlap",
    "reach_curve",
    "required_overlap",
    "required_rate_ratio",
    "required_sharers_reach",
    "sharers_engagement_share",
    "simulate_independent_reach",
    "union_reach",
]
