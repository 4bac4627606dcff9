"""Should you accept everyone? Connection policies simulated month by month, and a decision.

A member receives connection requests every month. Some come from genuine profiles, some from
fake or spam ones; some genuine ones come from the member's own field, some from elsewhere. A
**connection policy** decides which requests to accept:

* ``accept everyone``: every request;
* ``genuine only``: every request from a profile that looks genuine (you spot a share
  ``spam_detection`` of the fake ones; the others look genuine to you);
* ``curate by field``: genuine-looking profiles from your own field only;
* ``cap``: genuine-looking profiles until the network reaches a size.

No policy goes past LinkedIn's cap of 30,000 connections (``linkedincap``).

The network grows: each month brings a Poisson number of requests whose mean grows with the number
of genuine contacts you have (people find you through them: the rich get richer). Every rate and
share of the request model is an assumption, an argument you can change: we found no published
figure for the requests a member receives.

Each month the model measures what the network does to you, with the course's earlier models:

* the feed (chapter 1, :mod:`socialmath.attention`): posts a week, minutes a day to glance at them,
  the share a daily budget covers, and the share that is **noise** (posts from fake profiles, and
  the out-of-field posts that do not concern you);
* reciprocation (chapter 4): the share of your contacts you can still answer, given a weekly
  time budget and minutes per real exchange (fake contacts count: their messages take time too);
* reach (chapter 3, :func:`socialmath.separation.reach_estimate`): people at the 2nd and 3rd
  degree and the share of a population within three steps, with more overlap between the circles
  of in-field contacts than of out-of-field ones;
* weak ties: the expected number of contacts with a moderate number of mutual connections,
  the ties Rajkumar et al. (2022, ``rajkumar2022``) found most useful for job mobility when tie
  strength is measured by mutual connections (an inverted U). Where the band starts and ends is
  an assumption.

The simulation is in :mod:`socialmath.policy.simulation`; scoring the policies with your own
weights for each criterion, in :mod:`socialmath.policy.decision`.

All policies see the same stream of requests (common random numbers): each month draws one pool
of requests at the largest rate any policy could have, and a policy with a smaller rate sees a
random subset of it (thinning a Poisson process). So a policy's run does not depend on which other
policies are simulated beside it, and a policy that grows faster sees every request a slower one
sees.

>>> comparison = compare_policies(months=24, seed=1)
>>> summary = comparison.summary()
>>> bool(summary.loc["accept everyone", "contacts"] >= summary["contacts"].max())
True
>>> decision = comparison.decide({"readable": 1, "reciprocated": 1, "reach": 1,
...                               "weak_ties": 1, "signal": 1})
>>> decision.winner in summary.index
True
"""

from socialmath.policy.decision import (
    CRITERIA,
    SCALES,
    TIE_MARGIN,
    Criterion,
    Decision,
    decide,
    winner_by_assumption,
)
from socialmath.policy.simulation import (
    PLATFORM_CAP,
    RULES,
    Assumptions,
    NetworkMeasures,
    Policy,
    PolicyComparison,
    PolicyRun,
    accept_everyone,
    accept_genuine,
    cap_at,
    compare_policies,
    curate_by_field,
    expected_acceptance,
    network_measures,
    reciprocation_capacity,
    request_rate,
    simulate_policy,
    standard_policies,
    tie_strength_shares,
)

__all__ = [
    "CRITERIA",
    "PLATFORM_CAP",
    "RULES",
    "SCALES",
    "TIE_MARGIN",
    "Assumptions",
    "Criterion",
    "Decision",
    "NetworkMeasures",
    "Policy",
    "PolicyComparison",
    "PolicyRun",
    "accept_everyone",
    "accept_genuine",
    "cap_at",
    "compare_policies",
    "curate_by_field",
    "decide",
    "expected_acceptance",
    "network_measures",
    "reciprocation_capacity",
    "request_rate",
    "simulate_policy",
    "standard_policies",
    "tie_strength_shares",
    "winner_by_assumption",
]
