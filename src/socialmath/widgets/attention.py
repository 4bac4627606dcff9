"""Chapter 1 explorer: "your feed".

>>> explorer = FeedExplorer()
>>> explorer.controls["contacts"].value = 30_000
>>> explorer.result.posts_per_week
6000.0
"""

from __future__ import annotations

import ipywidgets as widgets

from socialmath.attention import LINKEDIN_CONNECTION_CAP, FeedLoad, feed_load
from socialmath.plots.attention import (
    MINUTES_PER_DAY,
    draw_feed,
    format_covered,
    format_fits,
    format_posts,
    update_feed,
)
from socialmath.widgets.base import Explorer

_STYLE = {"description_width": "170px"}
_LAYOUT = widgets.Layout(width="400px")


class FeedExplorer(Explorer):
    """Contacts, silent share, posting rate, reading speed and budget → your weekly feed.

    Every slider position is a valid model input: the contacts slider runs from 10 to LinkedIn's cap
    of 30,000, seconds per post never reaches zero. A starting value outside a slider's range is
    moved to its nearest end, with a warning.
    """

    def __init__(self, contacts: int = 25_000, silent_share: float = 0.8,
                 posts_per_active: float = 1.0, seconds_per_post: float = 2.0,
                 minutes_per_day: float = 15.0) -> None:
        # Validate the defaults through the model before building sliders around them.
        feed_load(contacts, silent_share, posts_per_active, seconds_per_post, minutes_per_day)
        self.artists = None
        contacts = self.clamp("contacts", contacts, 10, LINKEDIN_CONNECTION_CAP)
        posts_per_active = self.clamp("posts_per_active", posts_per_active, 0.0, 10.0)
        seconds_per_post = self.clamp("seconds_per_post", seconds_per_post, 0.5, 30.0)
        minutes_per_day = self.clamp("minutes_per_day", minutes_per_day, 0.0, 180.0)
        controls = {
            "contacts": widgets.IntSlider(
                value=contacts, min=10,
                max=LINKEDIN_CONNECTION_CAP, step=10, description="contacts",
                style=_STYLE, layout=_LAYOUT),
            "silent_share": widgets.FloatSlider(
                value=silent_share, min=0.0, max=1.0, step=0.01, readout_format=".0%",
                description="silent share", style=_STYLE, layout=_LAYOUT),
            "posts_per_active": widgets.FloatSlider(
                value=posts_per_active, min=0.0, max=10.0, step=0.1,
                description="posts / active / week", style=_STYLE, layout=_LAYOUT),
            "seconds_per_post": widgets.FloatSlider(
                value=seconds_per_post, min=0.5, max=30.0, step=0.1,
                description="seconds per post", style=_STYLE, layout=_LAYOUT),
            "minutes_per_day": widgets.FloatSlider(
                value=minutes_per_day, min=0.0, max=180.0, step=1.0,
                description="minutes a day", style=_STYLE, layout=_LAYOUT),
        }
        super().__init__(controls)

    def compute(self, **values) -> FeedLoad:
        return feed_load(**values)

    def draw(self, axes, result: FeedLoad) -> None:
        self.artists = draw_feed(axes, result)

    def redraw(self, result: FeedLoad) -> None:
        update_feed(self.artists, result)

    def readout_duplicates(self) -> list:
        return [self.artists.note]

    def moving_artists(self) -> list:
        a = self.artists
        return [a.need, a.budget, a.you, a.overflow, a.title, a.note, *a.labels.values()]

    def describe(self, result: FeedLoad) -> str:
        needed = result.minutes_per_day_needed
        beyond = ", more than a day holds" if needed > MINUTES_PER_DAY else ""
        active = result.active_contacts  # an expected count: whole people, or "fewer than 1"
        people = "fewer than 1" if 0 < active < 0.5 else f"{active:,.0f}"
        over_cap = LINKEDIN_CONNECTION_CAP < result.contacts_at_budget < float("inf")
        cap = f", more than LinkedIn's cap of {LINKEDIN_CONNECTION_CAP:,}" if over_cap else ""
        return (
            f"<b>{format_posts(result.posts_per_week)}</b> posts a week from "
            f"<b>{people}</b> {'contact' if people in ('fewer than 1', '1') else 'contacts'} "
            "counted as active<br>"
            f"to glance at all: <b>{result.hours_per_week:,.1f} h</b> a week "
            f"({needed:,.0f} min a day{beyond})<br>"
            f"your budget covers <b>{format_covered(result.share_readable)}</b> of the feed; "
            f"{'it would fit' if result.share_readable >= 1 else 'it fits'} "
            f"<b>{format_fits(result)}</b>{cap}"
        )

    def describe_plain(self) -> str:
        r = self.result
        return (f"{r.contacts:,} contacts -> {format_posts(r.posts_per_week)} posts a week, "
                f"{r.hours_per_week:,.1f} h to glance at all, "
                f"{format_covered(r.share_readable)} readable")
