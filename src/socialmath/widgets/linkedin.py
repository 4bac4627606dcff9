"""Chapter 7 explorer: your network over time, against your attention.

>>> explorer = NetworkTimelineExplorer()
>>> explorer.controls["as_of"].value = explorer.controls["as_of"].options[0][1]
>>> explorer.result.contacts < explorer.result.history.total
True
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from socialmath import linkedin
from socialmath.attention import CAPACITY_DUNBAR_1993, CAPACITY_GONCALVES_2011, Capacity
from socialmath.linkedin import Snapshot, snapshot
from socialmath.plots.linkedin import (
    capacity_label,
    capacity_position,
    contacts_label,
    draw_timeline,
    timeline_facts,
    update_timeline,
)
from socialmath.plots.style import format_count
from socialmath.widgets.base import Explorer

_STYLE = {"description_width": "170px"}
_LAYOUT = widgets.Layout(width="400px")

#: Relationship capacities offered: Dunbar's 147.8 (100.2-231.1) and Gonçalves's 100-200.
CAPACITIES = (("Dunbar 1993: 147.8", CAPACITY_DUNBAR_1993),
              ("Gonçalves et al. 2011: 100-200", CAPACITY_GONCALVES_2011))


def month_options(connections: pd.DataFrame) -> list[tuple[str, pd.Timestamp]]:
    """The last day of every month from the first connection to the last, labelled "Mar 2019".

    >>> month_options(linkedin.read_connections(linkedin.SAMPLE))[-1][0]
    'Jun 2025'
    """
    history = linkedin.growth(connections)
    ends = [pd.Period(month, "M").to_timestamp(how="end").normalize()
            for month in history.months.astype(str)]
    return [(f"{end:%b %Y}", end) for end in ends]


class NetworkTimelineExplorer(Explorer):
    """A date in your network's history, a relationship capacity and chapter 1's reading
    assumptions → your network's size then, the share a capacity covers, your feed and how much of
    it your budget covers.

    Every position is valid: the date runs over the months of the history, the silent share from 0
    to 100%, the seconds per post from 0.5 to 30, the minutes a day from 0 to 180. A default
    outside a slider's range starts at the range's nearest end, with a warning.
    """

    figsize = (7.5, 5.0)

    def __init__(self, connections: pd.DataFrame | None = None, as_of: object = None,
                 capacity: Capacity = CAPACITY_DUNBAR_1993, silent_share: float = 0.8,
                 posts_per_active: float = 1.0, seconds_per_post: float = 2.0,
                 minutes_per_day: float = 15.0) -> None:
        self.connections = (linkedin.read_connections(linkedin.SAMPLE) if connections is None
                            else connections)
        options = month_options(self.connections)
        chosen = options[-1][1] if as_of is None else linkedin._require_date("as_of", as_of)
        # Validate every default through the model before building controls around them.
        snapshot(self.connections, chosen, capacity=capacity, silent_share=silent_share,
                 posts_per_active=posts_per_active, seconds_per_post=seconds_per_post,
                 minutes_per_day=minutes_per_day)
        start = min((end for _, end in options if end >= chosen), default=options[-1][1])
        if capacity not in [value for _, value in CAPACITIES]:
            raise ValueError(f"capacity must be one of {[label for label, _ in CAPACITIES]}, "
                             f"got {capacity!r}")
        self.artists = None
        controls = {
            "as_of": widgets.SelectionSlider(options=options, value=start, description="as of",
                                             style=_STYLE, layout=_LAYOUT),
            "capacity": widgets.Dropdown(options=CAPACITIES, value=capacity,
                                         description="relationship capacity", style=_STYLE,
                                         layout=_LAYOUT),
            "silent_share": widgets.FloatSlider(
                value=silent_share, min=0.0, max=1.0, step=0.01, readout_format=".0%",
                description="silent share", style=_STYLE, layout=_LAYOUT),
            "posts_per_active": widgets.FloatSlider(
                value=self.clamp("posts_per_active", posts_per_active, 0.0, 10.0), min=0.0,
                max=10.0, step=0.1, description="posts / active / week", style=_STYLE,
                layout=_LAYOUT),
            "seconds_per_post": widgets.FloatSlider(
                value=self.clamp("seconds_per_post", seconds_per_post, 0.5, 30.0), min=0.5,
                max=30.0, step=0.1, description="seconds per post", style=_STYLE,
                layout=_LAYOUT),
            "minutes_per_day": widgets.FloatSlider(
                value=self.clamp("minutes_per_day", minutes_per_day, 0.0, 180.0), min=0.0,
                max=180.0, step=1.0, description="minutes a day", style=_STYLE,
                layout=_LAYOUT),
        }
        super().__init__(controls)

    def compute(self, as_of, capacity, silent_share, posts_per_active, seconds_per_post,
                minutes_per_day) -> Snapshot:
        return snapshot(self.connections, as_of, capacity=capacity, silent_share=silent_share,
                        posts_per_active=posts_per_active, seconds_per_post=seconds_per_post,
                        minutes_per_day=minutes_per_day)

    def draw(self, axes, result: Snapshot) -> None:
        self.artists = draw_timeline(axes, result)

    def redraw(self, result: Snapshot) -> None:
        update_timeline(self.artists, result)

    def readout_duplicates(self) -> list:
        return [self.artists.note]

    def moving_artists(self) -> list:
        a = self.artists
        return [a.budget, a.past, a.now, a.budget_label, a.title, a.note]

    def static_state(self) -> Capacity:
        """The capacity: its band, line and label move only when you choose another."""
        return self.result.fit.coverage.capacity

    def describe(self, result: Snapshot) -> str:
        fit = result.fit
        capacity = fit.coverage.capacity
        facts = timeline_facts(result)
        return (
            f"on <b>{result.as_of:%d %b %Y}</b>: <b>{format_count(result.contacts)}</b> "
            f"contact{'' if result.contacts == 1 else 's'} at {facts['companies']} companies"
            + (f" (Gini {facts['gini']})" if facts["gini"] else "") + "<br>"
            f"{capacity_label(capacity)} covers "
            f"<b>{fit.share_within_capacity:.0%}</b> of them<br>"
            f"your feed: <b>{facts['posts']}</b> posts a week, {facts['glance']} a day to "
            f"glance at all; your budget covers <b>{facts['readable']}</b>, up to "
            f"{facts['up_to']}"
        )

    def describe_plain(self) -> str:
        r = self.result
        capacity = r.fit.coverage.capacity
        return (f"{r.as_of:%b %Y}: {contacts_label(r.contacts)}, "
                f"{capacity_position(r.contacts, capacity)} {capacity_label(capacity)}, "
                f"{r.fit.feed.posts_per_week:,.0f} posts a week, "
                f"{r.fit.feed.share_readable:.0%} readable")
