"""Scoring connection policies with your own weights: which policy wins, by how much, and why,
and whether the answer flips when an assumption changes.

Each criterion is "higher is better". A policy's score on a criterion is, on the relative scale,
its value divided by the best policy's value on it (1 = as good as the best of the policies
compared) or, on the absolute scale, the value itself (a share, from 0 to 1; the number of weak
ties, which has no natural top, stays relative to the best). Its total is the weighted mean of its
scores, with the weights you choose. The two scales can rank policies differently: on the
relative scale answering 10% of your contacts beats answering 1% as clearly as 100% beats 10%.

>>> from socialmath.policy import compare_policies
>>> decision = compare_policies(months=36, seed=0).decide({"signal": 1})
>>> decision.winner
'curate by field'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from socialmath._validate import require_integer, require_number
from socialmath.policy.simulation import (
    Assumptions,
    Policy,
    _require_assumptions,
    compare_policies,
)

__all__ = ["CRITERIA", "SCALES", "TIE_MARGIN", "Criterion", "Decision", "decide",
           "winner_by_assumption"]


# --- deciding -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Criterion:
    """One thing you may care about, read from a policy's measures (higher is better)."""

    name: str
    label: str
    meaning: str


#: How scores are computed from values (see the module docstring).
SCALES = ("relative", "absolute")

#: Totals closer than this are a tie, everywhere the course judges a decision (the explorer's
#: verdict, the exercises' checks): a different seed moves the chapter's totals by about as much.
TIE_MARGIN = 0.005

#: The criteria of the decision, by name. Each is "higher is better" and in [0, 1] before it is
#: scaled, except ``weak_ties`` (a number of ties).
CRITERIA: dict[str, Criterion] = {
    "readable": Criterion("readable", "readable feed",
                          "share of the weekly feed your daily budget covers"),
    "reciprocated": Criterion("reciprocated", "answered contacts",
                              "share of your contacts you can reciprocate with"),
    "reach": Criterion("reach", "three-step reach",
                       "share of the population within three steps of you"),
    "weak_ties": Criterion("weak_ties", "moderately weak ties",
                           "expected number of moderately weak ties"),
    "signal": Criterion("signal", "signal in feed",
                        "share of your feed that is not noise"),
}


def _criterion_values(measures: Mapping[str, float]) -> dict[str, float]:
    return {"readable": measures["share_readable"],
            "reciprocated": measures["share_reciprocated"],
            "reach": measures["share_within_three"],
            "weak_ties": measures["moderately_weak"],
            "signal": 1.0 - measures["noise_share"]}


@dataclass(frozen=True, eq=False)
class Decision:
    """The policies scored with your weights.

    ``values`` holds each policy's raw value on each criterion; ``scores`` the same on the
    ``scale`` chosen, between 0 and 1 (see the module docstring); ``contributions`` the scores
    times your weights (normalised to add up to 1), and ``totals`` their sums, between 0 and 1.
    """

    month: int
    scale: str
    weights: dict[str, float]
    values: pd.DataFrame
    scores: pd.DataFrame
    contributions: pd.DataFrame
    totals: pd.Series

    @property
    def ranking(self) -> list[str]:
        """Policies from the highest total score to the lowest (ties keep the given order)."""
        return list(self._ranking)

    @cached_property
    def _ranking(self) -> tuple[str, ...]:
        return tuple(self.totals.sort_values(ascending=False, kind="stable").index)

    @property
    def winner(self) -> str:
        """The policy with the highest total score."""
        return self.ranking[0]

    @property
    def tied(self) -> list[str]:
        """The winner and every policy whose total is within :data:`TIE_MARGIN` of it, best
        first: more than one name means the decision is a tie."""
        top = float(self.totals[self.winner])
        return [name for name in self.ranking if top - float(self.totals[name]) < TIE_MARGIN]

    @property
    def verdict(self) -> str:
        """In a few words: "genuine only wins by 0.09", or "cap at 1,000 and accept everyone tie"
        (or "genuine only and 2 others tie") when totals are within :data:`TIE_MARGIN`."""
        tied = self.tied
        if len(tied) > 2:  # short enough for a figure's title
            return f"{tied[0]} and {len(tied) - 1} others tie"
        if len(tied) > 1:
            return f"{tied[0]} and {tied[1]} tie"
        return f"{self.winner} wins by {self.margin:.2f}"

    @property
    def margin(self) -> float:
        """How far the winner is ahead of the runner-up (0 if alone)."""
        if len(self.ranking) < 2:
            return 0.0
        return float(self.totals[self.ranking[0]] - self.totals[self.ranking[1]])

    def why(self) -> str:
        """Why the winner wins: the criteria that carry it and where the runner-up beats it.

        >>> d = compare_policies(months=60, seed=0).decide({"reciprocated": 1})
        >>> d.why().startswith("cap at 1,000 wins")
        True
        """
        winner = self.winner
        parts = [f"{winner} wins with {self.totals[winner]:.2f} of a possible 1"]
        if len(self.tied) > 1:
            names = f"{', '.join(self.tied[:-1])} and {self.tied[-1]}"
            parts = [f"{names} tie with {self.totals[winner]:.2f} of a possible 1 (totals "
                     f"within {TIE_MARGIN})"]
        if len(self.ranking) > 1:
            second = self.ranking[1]
            if len(self.tied) == 1:
                parts[0] += f", {self.margin:.2f} ahead of {second}"
            gap = self.contributions.loc[winner] - self.contributions.loc[second]
            ahead = gap[gap > 1e-9].sort_values(ascending=False)
            behind = gap[gap < -1e-9].sort_values()
            if not ahead.empty:
                subject = winner if len(self.tied) > 1 else "it"
                parts.append(f"{subject} gains most on " + _criteria_list(ahead))
            if not behind.empty:
                parts.append(f"{second} does better on " + _criteria_list(-behind))
        return "; ".join(parts) + "."


def _criteria_list(gaps: pd.Series, most: int = 2) -> str:
    items = [f"{CRITERIA[name].label} ({value:+.2f})" for name, value in gaps.head(most).items()]
    return " and ".join(items)


def decide(summary: pd.DataFrame, weights: Mapping[str, float], month: int = 0,
           scale: str = "relative") -> Decision:
    """Score policies from their measures (``summary``: one row per policy, the columns of
    :meth:`NetworkMeasures.as_frame`) with ``weights``, one non-negative number per criterion of
    :data:`CRITERIA` (missing criteria weigh 0; the weights are normalised to add up to 1), on the
    ``scale`` ``"relative"`` (to the best policy) or ``"absolute"``.

    >>> table = pd.DataFrame({"share_readable": [1.0, 0.5], "share_reciprocated": [0.1, 0.2],
    ...                       "share_within_three": [0.2, 0.4], "moderately_weak": [100, 50],
    ...                       "noise_share": [0.5, 0.5]}, index=["A", "B"])
    >>> d = decide(table, {"readable": 1, "reach": 1})
    >>> d.totals.round(2).to_dict()
    {'A': 0.75, 'B': 0.75}
    >>> decide(table, {"readable": 1, "reach": 1}, scale="absolute").totals.round(2).to_dict()
    {'A': 0.6, 'B': 0.45}
    """
    if not isinstance(summary, pd.DataFrame) or summary.empty:
        raise TypeError(f"summary must be a non-empty DataFrame of measures, one row per policy, "
                        f"got {type(summary).__name__}")
    w = _require_weights(weights)
    require_integer("month", month, low=0)
    if not isinstance(scale, str) or scale not in SCALES:
        raise ValueError(f"scale must be one of {list(SCALES)}, got {scale!r}")
    required = ["share_readable", "share_reciprocated", "share_within_three", "moderately_weak",
                "noise_share"]
    missing = [column for column in required if column not in summary.columns]
    if missing:
        raise ValueError(f"summary must have the columns {required}, missing {missing}")
    values = pd.DataFrame([_criterion_values(row) for _, row in summary.iterrows()],
                          index=summary.index)[list(CRITERIA)].astype(float)
    best = values.max(axis=0)
    relative = values.div(best.where(best > 0, 1.0), axis=1).where(values > 0, 0.0)
    if scale == "relative":
        scores = relative
    else:
        scores = values.clip(0.0, 1.0)
        scores["weak_ties"] = relative["weak_ties"]
    contributions = scores.mul(pd.Series(w), axis=1)
    return Decision(month=month, scale=scale, weights=w, values=values, scores=scores,
                    contributions=contributions, totals=contributions.sum(axis=1))


def _require_weights(weights: object) -> dict[str, float]:
    if not isinstance(weights, Mapping):
        raise TypeError(f"weights must be a mapping from criterion name to a number >= 0, "
                        f"got {weights!r} ({type(weights).__name__})")
    unknown = sorted(str(name) for name in weights if name not in CRITERIA)
    if unknown:
        raise ValueError(f"weights must name criteria among {list(CRITERIA)}, got {unknown}")
    raw = {name: require_number(f"weights[{name!r}]", weights.get(name, 0.0), low=0, high=1e6)
           for name in CRITERIA}
    total = sum(raw.values())
    if total == 0:
        raise ValueError(f"weights must not all be 0, got {dict(weights)!r}")
    return {name: value / total for name, value in raw.items()}




def winner_by_assumption(name: str, values: Iterable[float], weights: Mapping[str, float],
                         policies: Sequence[Policy] | None = None, months: int = 60,
                         assumptions: Assumptions | None = None,
                         seed: int | np.random.Generator | None = 0,
                         scale: str = "relative") -> pd.DataFrame:
    """Change one assumption through ``values`` and decide again at each (with ``weights`` on
    ``scale``): one row per value with the winner, its margin and every policy's total score.
    Where the winner changes, the answer depends on that assumption.

    >>> table = winner_by_assumption("genuine_share", [0.5, 0.9], {"signal": 1}, months=12)
    >>> list(table.columns[:2])
    ['winner', 'margin']
    """
    base = _require_assumptions(assumptions)
    if not isinstance(name, str) or name not in Assumptions.names():
        raise ValueError(f"name must be one of {list(Assumptions.names())}, got {name!r}")
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise TypeError(f"values must be a sequence of values for {name}, got {values!r}")
    chosen = list(values)
    if not chosen or len(chosen) > 100:
        raise ValueError(f"values must hold 1 to 100 values, got {len(chosen)}")
    _require_weights(weights)
    rows = []
    for value in chosen:
        try:
            changed = base.replace(**{name: value})
        except (TypeError, ValueError) as error:  # it names the assumption: say it came in values
            raise type(error)(f"values must hold values of {name}: {error}") from None
        comparison = compare_policies(policies, months, changed, seed)
        decision = comparison.decide(weights, scale=scale)
        rows.append({name: value, "winner": decision.winner, "margin": decision.margin,
                     **decision.totals.to_dict()})
    return pd.DataFrame(rows).set_index(name)
