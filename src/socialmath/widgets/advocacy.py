"""Chapter 5 explorer: an advocacy programme under independence, held against the vendor figures.

>>> explorer = ProgrammeExplorer()
>>> explorer.controls["ambassadors"].value = 10
>>> round(explorer.result.programme.unique_reach)
4989
>>> explorer.controls["population"].value = 1e9
>>> round(explorer.result.programme.overlap, 4)
0.0
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
import pandas as pd

from socialmath.advocacy import (
    LINKEDIN_2016_CTR_RATIO,
    VENDOR_CLAIMS,
    IndependentReach,
    Programme,
    hold_claims,
    independent_reach,
)
from socialmath.plots.advocacy import draw_reach_curves, update_reach_curves
from socialmath.plots.style import format_count
from socialmath.widgets.base import Explorer

_STYLE = {"description_width": "190px"}
_LAYOUT = widgets.Layout(width="420px")

#: Most ambassadors the explorer offers (the curve is always drawn up to here).
MAX_AMBASSADORS = 500
#: Ranges of the controls: contacts stay below the smallest pool, so every position is valid.
FOLLOWERS_RANGE = (100.0, 1e6)
CONTACTS_RANGE = (50, 5000)
POPULATION_RANGE = (1e4, 1e9)
RATE_RANGE = (0.5, 5.0)
#: The "561% further" factor, 6.61 times the page's followers.
REACH_FACTOR = next(c.factor for c in VENDOR_CLAIMS if c.measure == "reach")
#: Fixed limits (people) of the figure's log scale.
Y_LIMITS = (10.0, 1e8)


@dataclass(frozen=True, eq=False)
class ProgrammeView:
    """The independence model for up to ``MAX_AMBASSADORS`` ambassadors, read at ``ambassadors``:
    the curve, the programme at that point and the vendor claims held against it."""

    ambassadors: int
    reach: IndependentReach
    programme: Programme
    claims: pd.DataFrame

    @property
    def curve(self) -> np.ndarray:
        """Unique reach for k = 0 .. MAX_AMBASSADORS ambassadors."""
        return np.concatenate([[0.0], self.reach.unique_curve])

    @property
    def summed(self) -> np.ndarray:
        """Summed contacts for k = 0 .. MAX_AMBASSADORS."""
        return np.concatenate([[0.0], np.cumsum(self.reach.contacts)])


def programme_view(followers: float, ambassadors: int, contacts: int, population: float,
                   rate_ratio: float) -> ProgrammeView:
    """Everything the explorer shows for one position of its controls. The page's followers only
    enter the ratios: the curve is the ambassadors' own unique reach.

    >>> view = programme_view(3000, 100, 500, 1e6, 2.0)
    >>> round(view.programme.reach_ratio, 2), bool(view.claims.loc["8x engagement", "holds"])
    (16.26, True)
    """
    reach = independent_reach(np.full(MAX_AMBASSADORS, float(contacts)), population)
    k = int(ambassadors)
    programme = Programme(followers=float(followers), summed_contacts=float(k * contacts),
                          unique_reach=float(reach.unique_curve[k - 1]), rate_ratio=rate_ratio)
    return ProgrammeView(ambassadors=k, reach=reach, programme=programme,
                         claims=hold_claims(programme))


class ProgrammeExplorer(Explorer):
    """The page's followers, the number of ambassadors, their contacts, the pool of people they
    are drawn from, and how much more often a viewer engages with an employee's share → unique
    reach against the number of ambassadors, and which vendor figures it meets.

    Every position is valid: contacts (50 to 5,000) stay below the smallest pool (10,000).
    """

    figsize = (7.2, 4.8)

    def __init__(self, followers: float = 3000, ambassadors: int = 100, contacts: int = 500,
                 population: float = 1e6, rate_ratio: float = LINKEDIN_2016_CTR_RATIO) -> None:
        if not (isinstance(ambassadors, int) and 1 <= ambassadors <= MAX_AMBASSADORS):
            raise ValueError(f"ambassadors must be an integer in [1, {MAX_AMBASSADORS}], got "
                             f"{ambassadors!r}")
        programme_view(followers, ambassadors, contacts, population, rate_ratio)  # validates
        self.artists = None
        controls = {
            "followers": widgets.FloatLogSlider(
                value=min(max(followers, FOLLOWERS_RANGE[0]), FOLLOWERS_RANGE[1]), base=10,
                min=np.log10(FOLLOWERS_RANGE[0]), max=np.log10(FOLLOWERS_RANGE[1]), step=0.1,
                readout_format=",.0f", description="the page's followers", style=_STYLE,
                layout=_LAYOUT),
            "ambassadors": widgets.IntSlider(value=ambassadors, min=1, max=MAX_AMBASSADORS,
                                             description="ambassadors", style=_STYLE,
                                             layout=_LAYOUT),
            "contacts": widgets.IntSlider(
                value=min(max(int(contacts), CONTACTS_RANGE[0]), CONTACTS_RANGE[1]),
                min=CONTACTS_RANGE[0], max=CONTACTS_RANGE[1], step=50,
                description="contacts per ambassador", style=_STYLE, layout=_LAYOUT),
            "population": widgets.FloatLogSlider(
                value=min(max(population, POPULATION_RANGE[0]), POPULATION_RANGE[1]), base=10,
                min=np.log10(POPULATION_RANGE[0]), max=np.log10(POPULATION_RANGE[1]), step=0.1,
                readout_format=",.0f", description="pool of people", style=_STYLE,
                layout=_LAYOUT),
            "rate_ratio": widgets.FloatSlider(
                value=min(max(rate_ratio, RATE_RANGE[0]), RATE_RANGE[1]), min=RATE_RANGE[0],
                max=RATE_RANGE[1], step=0.1, description="engagement per viewer (x page)",
                style=_STYLE, layout=_LAYOUT),
        }
        super().__init__(controls)

    def compute(self, followers: float, ambassadors: int, contacts: int, population: float,
                rate_ratio: float) -> ProgrammeView:
        return programme_view(followers, ambassadors, contacts, population, rate_ratio)

    def _curves(self, result: ProgrammeView) -> dict[str, np.ndarray]:
        return {"unique reach": result.curve, "sum of contacts": result.summed}

    def draw(self, axes, result: ProgrammeView) -> None:
        self.artists = draw_reach_curves(axes, self._curves(result), result.programme.followers,
                                         REACH_FACTOR, at=result.ambassadors, log=True,
                                         ylim=Y_LIMITS, legend=True)

    def redraw(self, result: ProgrammeView) -> None:
        update_reach_curves(self.artists, self._curves(result), result.programme.followers,
                            REACH_FACTOR, at=result.ambassadors)

    def moving_artists(self) -> list:
        a = self.artists
        return [*a.curves.values(), a.page, a.target, a.marker, a.title, *a.labels.values()]

    def describe(self, result: ProgrammeView) -> str:
        p = result.programme
        marks = []
        for name, row in result.claims.iterrows():
            mark = "–" if row["holds"] is None else ("✔" if row["holds"] else "✘")
            marks.append(f"{mark} {name}")
        k = result.ambassadors
        return (
            f"{_ambassadors(k)} {_reach(k)} <b>{format_count(p.unique_reach)}</b> "
            f"people (<b>{p.overlap:.0%}</b> of their {format_count(p.summed_contacts)} "
            f"contacts are repeats)<br>"
            f"that is <b>{p.reach_ratio:.1f}x</b> the page's followers; engagement "
            f"<b>{p.engagement_ratio:.1f}x</b> the page's<br>"
            f"vendor figures met: {' · '.join(marks)}"
        )

    def describe_plain(self) -> str:
        p = self.result.programme
        k = self.result.ambassadors
        return (f"{_ambassadors(k)} with {p.summed_contacts:,.0f} contacts "
                f"in all {_reach(k)} {p.unique_reach:,.0f} people (overlap {p.overlap:.0%}), "
                f"{p.reach_ratio:.1f}x the page's {p.followers:,.0f} followers")


def _ambassadors(count: int) -> str:
    """"1 ambassador", "2 ambassadors"."""
    return f"{count} ambassador{'' if count == 1 else 's'}"


def _reach(count: int) -> str:
    """The verb for ``count`` ambassadors: "reaches" for one, "reach" for more."""
    return "reaches" if count == 1 else "reach"
