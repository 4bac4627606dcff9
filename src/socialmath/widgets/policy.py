"""Chapter 6 explorer: the connection policies side by side, scored with your own weights.

>>> explorer = PolicyExplorer()
>>> explorer.controls["reciprocated"].value = 10
>>> explorer.controls["reach"].value = 0
>>> explorer.controls["weak_ties"].value = 0
>>> explorer.result.decision.winner
'cap at 1,000'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ipywidgets as widgets

from socialmath.plots.policy import (
    draw_decision,
    draw_tradeoffs,
    update_decision,
    update_tradeoffs,
)
from socialmath.policy import (
    CRITERIA,
    PLATFORM_CAP,
    SCALES,
    Assumptions,
    Decision,
    PolicyComparison,
    compare_policies,
    standard_policies,
)
from socialmath.widgets.base import Explorer

_STYLE = {"description_width": "190px"}
_LAYOUT = widgets.Layout(width="420px")
#: Weights run from 0 (ignore) to this.
MAX_WEIGHT = 10
#: Caps offered by the cap slider: from Dunbar's order of size to LinkedIn's cap.
CAPS = (150, 300, 500, 1000, 2000, 5000, 10_000, PLATFORM_CAP)
#: The top of the band of moderately weak ties runs from the band's bottom to this many mutual
#: connections (the band is an assumption: we found no figure for its edges).
MAX_WEAK_HIGH = 40
#: The chance that two contacts from different fields (or two out of your field) know each other
#: runs from 0 to this (the chapter's value is 0.05%; an assumption).
MAX_MUTUAL_ACROSS = 0.002


@dataclass(frozen=True)
class PolicyChoice:
    """What the explorer shows: the comparison, the decision, and whether the weights were all 0
    (then every criterion counts the same)."""

    comparison: PolicyComparison
    decision: Decision
    equal_weights: bool


@lru_cache(maxsize=128)
def _comparison(assumptions: Assumptions, cap: int, months: int, seed: int) -> PolicyComparison:
    return compare_policies(standard_policies(cap), months, assumptions, seed)


class PolicyExplorer(Explorer):
    """Your weight for each criterion, the scale of the scores, and the assumptions that matter
    most (genuine share, in-field share, requests a month, the top of the band of moderately weak
    ties, the chance that two contacts outside one field know each other, the cap, the horizon)
    → every policy's value on every criterion, and the score your weights give each policy.

    Every position is valid: weights run from 0 to 10 (all at 0 counts every criterion the
    same), the scale is relative or absolute, shares from 0 to 1, requests from 0 to 500 a
    month, the band's top from its bottom (``weak_low``) to 40 mutual connections, the chance
    across fields from 0 to 0.2%, the cap from 150 to 30,000, the horizon from 6 months to 10
    years.
    """

    figsize = (11.0, 4.4)

    def __init__(self, weights: dict[str, float] | None = None,
                 assumptions: Assumptions | None = None, cap: int = 1000, months: int = 60,
                 scale: str = "relative", seed: int = 0) -> None:
        base = Assumptions() if assumptions is None else assumptions
        chosen = {name: 5 for name in CRITERIA} if weights is None else dict(weights)
        compare_policies(standard_policies(cap), months, base, seed)  # validates the defaults
        if set(chosen) - set(CRITERIA):
            raise ValueError(f"weights must name criteria among {list(CRITERIA)}, got "
                             f"{sorted(set(chosen) - set(CRITERIA))}")
        if cap not in CAPS:
            raise ValueError(f"cap must be one of {CAPS}, got {cap!r}")
        if scale not in SCALES:
            raise ValueError(f"scale must be one of {list(SCALES)}, got {scale!r}")
        self.base = base
        self.seed = seed
        self.artists = None
        controls: dict[str, widgets.ValueWidget] = {}
        for name, criterion in CRITERIA.items():
            controls[name] = widgets.IntSlider(
                value=int(min(max(round(chosen.get(name, 0)), 0), MAX_WEIGHT)), min=0,
                max=MAX_WEIGHT, description=f"weight: {criterion.label}", style=_STYLE,
                layout=_LAYOUT)
        controls["scale"] = widgets.ToggleButtons(
            options=[("relative to the best", "relative"), ("absolute", "absolute")],
            value=scale, description="scores", style={"description_width": "190px",
                                                      "button_width": "110px"})
        controls["genuine_share"] = widgets.FloatSlider(
            value=base.genuine_share, min=0.0, max=1.0, step=0.05, readout_format=".0%",
            description="requests from genuine profiles", style=_STYLE, layout=_LAYOUT)
        controls["in_field_share"] = widgets.FloatSlider(
            value=base.in_field_share, min=0.0, max=1.0, step=0.05, readout_format=".0%",
            description="requests from your field", style=_STYLE, layout=_LAYOUT)
        controls["requests_per_month"] = widgets.IntSlider(
            value=int(min(max(round(base.requests_per_month), 0), 500)), min=0, max=500, step=10,
            description="requests a month (base)", style=_STYLE, layout=_LAYOUT)
        controls["weak_high"] = widgets.IntSlider(
            value=int(min(max(base.weak_high, base.weak_low), MAX_WEAK_HIGH)),
            min=base.weak_low, max=max(MAX_WEAK_HIGH, base.weak_low),
            description="weak ties: most mutual", style=_STYLE, layout=_LAYOUT)
        controls["mutual_across"] = widgets.FloatSlider(
            value=min(base.mutual_across, MAX_MUTUAL_ACROSS), min=0.0, max=MAX_MUTUAL_ACROSS,
            step=0.0001, readout_format=".2%", description="chance two others know each other",
            style=_STYLE, layout=_LAYOUT)
        controls["cap"] = widgets.SelectionSlider(
            options=CAPS, value=cap, description="cap at", style=_STYLE, layout=_LAYOUT)
        controls["months"] = widgets.IntSlider(
            value=min(max(months, 6), 120), min=6, max=120, step=6, description="months",
            style=_STYLE, layout=_LAYOUT)
        super().__init__(controls)

    def subplot_options(self) -> dict:
        return {"ncols": 2}

    def compute(self, scale: str, genuine_share: float, in_field_share: float,
                requests_per_month: int, weak_high: int, mutual_across: float, cap: int,
                months: int, **weights: float) -> PolicyChoice:
        assumptions = self.base.replace(genuine_share=float(genuine_share),
                                        in_field_share=float(in_field_share),
                                        requests_per_month=float(requests_per_month),
                                        weak_high=int(weak_high),
                                        mutual_across=float(mutual_across))
        comparison = _comparison(assumptions, int(cap), int(months), self.seed)
        equal = not any(weights.values())
        decision = comparison.decide({name: 1.0 for name in CRITERIA} if equal else weights,
                                     scale=scale)
        return PolicyChoice(comparison, decision, equal)

    def draw(self, axes, result: PolicyChoice) -> None:
        left, right = axes
        self.artists = (draw_tradeoffs(left, result.decision),
                        draw_decision(right, result.decision))

    def redraw(self, result: PolicyChoice) -> None:
        update_tradeoffs(self.artists[0], result.decision)
        update_decision(self.artists[1], result.decision)

    def moving_artists(self) -> list:
        """What changes on most moves: the grid's colours, values and finding, the bars, their
        totals and the verdict (the rest is in :meth:`static_state`)."""
        tradeoffs, decision = self.artists
        return [tradeoffs.cells, *tradeoffs.texts.ravel(), tradeoffs.title, decision.title,
                *(bar for bars in decision.segments.values() for bar in bars), *decision.totals]

    def static_state(self) -> tuple:
        """The row names (they change with the cap) and the scale (the left title and the bars'
        axis label say which): the background is drawn again when they change."""
        return tuple(self.result.decision.scores.index), self.result.decision.scale

    def describe(self, result: PolicyChoice) -> str:
        d = result.decision
        note = "<br><i>all weights are 0: every criterion counts the same</i>" \
            if result.equal_weights else ""
        return f"after {result.comparison.months} months: {d.why()}{note}"

    def describe_plain(self) -> str:
        d = self.result.decision
        totals = ", ".join(f"{name} {total:.2f}" for name, total in d.totals.items())
        return (f"after {self.result.comparison.months} months, {d.scale} scores -> {totals}; "
                f"{d.verdict}")
