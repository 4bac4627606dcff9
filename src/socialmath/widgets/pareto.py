"""Chapter 2 explorer: "how unequal is 80/20?".

>>> explorer = ParetoExplorer()
>>> explorer.controls["alpha"].value = 1.5
>>> round(explorer.result.top20, 2)
0.58
>>> explorer.controls["set_by"].value = "top x% hold y%"
>>> round(explorer.result.alpha, 3)
1.161
"""

from __future__ import annotations

import ipywidgets as widgets

from socialmath.pareto import ALPHA_80_20, ParetoProfile, alpha_for_share, pareto_profile
from socialmath.plots.pareto import draw_lorenz, format_index, format_share, update_lorenz
from socialmath.plots.style import format_count
from socialmath.widgets.base import Explorer

_STYLE = {"description_width": "150px"}
_LAYOUT = widgets.Layout(width="380px")

#: Choices of the sample-size control: small communities to a large network.
SAMPLE_SIZES = (10, 30, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000)
SET_BY = ("alpha", "top x% hold y%")


class ParetoExplorer(Explorer):
    """Pareto's alpha (or "the top x% hold y%") → Lorenz curve, Gini, top-20% and top-1% shares,
    and what a seeded sample of a given size shows instead.

    Every position is valid: alpha runs from 1.05 to 4; "top" stays below 50% and "share" above
    50%, so the share always exceeds the top and an alpha exists.
    """

    figsize = (6.0, 6.0)

    def __init__(self, alpha: float = ALPHA_80_20, top: float = 0.2, share: float = 0.8,
                 sample_size: int = 1_000, seed: int = 0, set_by: str = "alpha") -> None:
        if set_by not in SET_BY:
            raise ValueError(f"set_by must be one of {SET_BY}, got {set_by!r}")
        if sample_size not in SAMPLE_SIZES:
            raise ValueError(f"sample_size must be one of {SAMPLE_SIZES}, got {sample_size!r}")
        alpha_for_share(top, share)  # validates top and share
        pareto_profile(alpha, 10, seed, repeats=1)  # validates alpha and seed
        self.artists = None
        alpha = self.clamp("alpha", alpha, 1.05, 4.0)
        top = self.clamp("top", top, 0.01, 0.49)
        share = self.clamp("share", share, 0.51, 0.99)
        controls = {
            "set_by": widgets.ToggleButtons(options=SET_BY, value=set_by,
                                            description="set inequality by", style=_STYLE),
            "alpha": widgets.FloatSlider(value=alpha, min=1.05, max=4.0,
                                         step=0.01, description="Pareto's alpha",
                                         style=_STYLE, layout=_LAYOUT),
            "top": widgets.FloatSlider(value=top, min=0.01, max=0.49,
                                       step=0.01, readout_format=".0%", description="top x%",
                                       style=_STYLE, layout=_LAYOUT),
            "share": widgets.FloatSlider(value=share, min=0.51, max=0.99,
                                         step=0.01, readout_format=".0%",
                                         description="hold y%", style=_STYLE, layout=_LAYOUT),
            "sample_size": widgets.SelectionSlider(options=SAMPLE_SIZES, value=sample_size,
                                                   description="people in the sample",
                                                   style=_STYLE, layout=_LAYOUT),
            "seed": widgets.IntSlider(value=seed, min=0, max=999, description="random seed",
                                      style=_STYLE, layout=_LAYOUT),
        }
        super().__init__(controls)
        controls["set_by"].observe(self._enable, names="value")
        self._enable()

    def _enable(self, change=None) -> None:
        by_alpha = self.controls["set_by"].value == "alpha"
        self.controls["alpha"].disabled = not by_alpha
        self.controls["top"].disabled = by_alpha
        self.controls["share"].disabled = by_alpha

    def compute(self, set_by: str, alpha: float, top: float, share: float, sample_size: int,
                seed: int) -> ParetoProfile:
        chosen = alpha if set_by == "alpha" else alpha_for_share(top, share)
        return pareto_profile(chosen, sample_size, seed)

    def draw(self, axes, result: ParetoProfile) -> None:
        self.artists = draw_lorenz(axes, result)

    def redraw(self, result: ParetoProfile) -> None:
        update_lorenz(self.artists, result)

    def readout_duplicates(self) -> list:
        return [self.artists.note]

    def moving_artists(self) -> list:
        a = self.artists
        return [a.theory, a.sample, a.top20, a.top1, a.title, a.note, *a.labels.values()]

    def describe(self, result: ParetoProfile) -> str:
        low, high = result.top20_range
        share, index = format_share, format_index
        return (
            f"alpha <b>{index(result.alpha)}</b>: the top 20% hold <b>{share(result.top20)}</b>, "
            f"the top 1% hold <b>{share(result.top1)}</b>, Gini <b>{index(result.gini)}</b><br>"
            f"a sample of {format_count(result.sample_size)} people: top 20% hold "
            f"<b>{share(result.sample_top20)}</b>, Gini <b>{index(result.sample_gini)}</b><br>"
            f"20 samples of that size: the top 20% hold <b>{share(low)}</b> to "
            f"<b>{share(high)}</b>"
        )

    def describe_plain(self) -> str:
        r = self.result
        share, index = format_share, format_index
        return (f"alpha {index(r.alpha)} -> top 20% hold {share(r.top20)}, top 1% hold "
                f"{share(r.top1)}, Gini {index(r.gini)}; a sample of {r.sample_size:,} shows "
                f"{share(r.sample_top20)}")
