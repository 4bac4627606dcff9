"""Explorers: sliders wired to a model and a figure that updates in place, one module per chapter.

>>> from socialmath.widgets import FeedExplorer
>>> FeedExplorer().result.posts_per_week
5000.0
"""

from socialmath.widgets.advocacy import ProgrammeExplorer
from socialmath.widgets.attention import FeedExplorer
from socialmath.widgets.base import Explorer
from socialmath.widgets.linkedin import NetworkTimelineExplorer
from socialmath.widgets.pareto import ParetoExplorer
from socialmath.widgets.policy import PolicyExplorer
from socialmath.widgets.separation import SmallWorldExplorer, YourNetworkExplorer

__all__ = ["Explorer", "FeedExplorer", "NetworkTimelineExplorer", "ParetoExplorer",
           "PolicyExplorer", "ProgrammeExplorer", "SmallWorldExplorer", "YourNetworkExplorer"]
