"""The terms chapters 1 to 3 rest on stay in the glossary (and so stay defined where first used)."""

import pytest
from test_glossary import ENTRIES

#: Terms a reader with school mathematics meets in chapters 1 to 3 and needs defined.
REQUIRED = ["Poisson process", "log-log axes", "probability density", "log-normal", "CCDF",
            "maximum likelihood", "Kolmogorov–Smirnov distance", "bootstrap",
            "breadth-first search", "confidence interval", "HyperANF", "Lorenz curve",
            "Gini index", "power law", "p-value", "standard deviation", "clustering coefficient"]


@pytest.mark.parametrize("term", REQUIRED)
def test_the_term_is_in_the_glossary(term):
    assert any(term in names for names in ENTRIES), f"{term!r} is missing from book/glossary.md"
