"""socialmath: the mathematics behind social networks, as models a learner can run and check.

The package has three floors. Models (``attention``, ...) take numbers and return numbers or
small frozen dataclasses; ``plots`` draws them on a matplotlib ``Axes``; ``widgets`` wires
sliders to both. ``exercises`` holds the self-checks of each chapter.

A chapter's modules do not always share its notebook's name (chapter 1's notebook is the
"silent majority", its model is ``attention``). This table maps each chapter to its modules; a
test checks that every module listed exists.

======================================  ===============  ======================  ========================  ======================================
notebook                                model            plots                   widgets                   exercises
======================================  ===============  ======================  ========================  ======================================
``00-start-here``                       ``attention``    --                      ``widgets.attention``     ``exercises.silent_majority``
``01-silent-majority``                  ``attention``    ``plots.attention``     ``widgets.attention``     ``exercises.silent_majority``
``02-pareto``                           ``pareto``       ``plots.pareto``        ``widgets.pareto``        ``exercises.pareto``
``03-degrees-of-separation``            ``separation``   ``plots.separation``    ``widgets.separation``    ``exercises.separation``
======================================  ===============  ======================  ========================  ======================================

Shared by every chapter: ``graphs`` (networks as compressed sparse rows, and their generators),
``datasets`` (the small CSV files in ``data/``), ``editions`` and ``cli`` (the student edition
and the ``socialmath`` command), ``plots.style`` (the house style), ``widgets.base`` (what an
explorer is) and ``exercises.feedback`` (graded hints).
"""

__version__ = "0.1.0"
