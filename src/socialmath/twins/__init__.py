"""Browser twins: each chapter's main explorer as a chart the reader's browser computes itself.

The book's pages cannot run Python, so each explorer's still image is backed by a *twin*: the
same controls and the same figure as a Vega-Lite chart (built here through Altair), whose
formulas the browser evaluates when a slider moves. Explorers whose model needs a graph or a
simulation ship a table that the Python model computed over a grid of control values, and the
sliders pick its rows. The book's extension (``book/_ext/socialmath_book.py``) places each twin
after its explorer's snapshot; the site serves Vega, Vega-Lite and vega-embed itself
(``book/js``), so the twins work offline.

Why here, one module per chapter beside ``widgets/``: a twin is the explorer's third floor in
another medium. It imports the explorer (for its controls) and the model (for its formulas and
tables), and the unit tests hold each twin's numbers to the model at sampled control values;
nothing in the package imports a twin, and Altair (the ``book`` extra) is imported only when a
specification is built.

>>> "FeedExplorer" in TWINS, twin("SmallWorldExplorer").controls
(True, ('n', 'k', 'p'))
"""

from __future__ import annotations

from importlib import import_module

from socialmath.twins.base import Control, Table, Twin

#: Explorer class name -> the module holding its twin (``TWIN``, or the attribute named after a
#: colon when a chapter has two), one module per chapter.
TWINS: dict[str, str] = {
    "FeedExplorer": "socialmath.twins.attention",
    "ParetoExplorer": "socialmath.twins.pareto",
    "SmallWorldExplorer": "socialmath.twins.separation",
    "YourNetworkExplorer": "socialmath.twins.separation:REACH_TWIN",
    "FunnelExplorer": "socialmath.twins.branding",
    "PolicyExplorer": "socialmath.twins.policy",
    "ProgrammeExplorer": "socialmath.twins.advocacy",
    "NetworkTimelineExplorer": "socialmath.twins.linkedin",
}

__all__ = ["TWINS", "Control", "Table", "Twin", "twin"]


def twin(explorer: str) -> Twin:
    """The twin of the explorer named ``explorer`` (a class name).

    >>> twin("FeedExplorer").controls[0]
    'contacts'
    """
    if explorer not in TWINS:
        raise ValueError(f"explorer must be one of {sorted(TWINS)}, got {explorer!r}")
    module, _, attribute = TWINS[explorer].partition(":")
    return getattr(import_module(module), attribute or "TWIN")
