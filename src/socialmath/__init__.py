"""socialmath: the mathematics behind social networks, as models a learner can run and check.

The package has three floors. Models (``attention``, ...) take numbers and return numbers or
small frozen dataclasses; ``plots`` draws them on a matplotlib ``Axes``; ``widgets`` wires
sliders to both. ``exercises`` holds the self-checks of each chapter.

A chapter's modules do not always share its notebook's name (chapter 1's notebook is the
"silent majority", its model is ``attention``). This table maps each chapter to its modules: the
model ``socialmath.<model>``, and ``socialmath.plots.<plots>``, ``socialmath.widgets.<widgets>``
and ``socialmath.exercises.<exercises>`` ("--": none); a chapter with two plot modules has a row
for each. A test checks that every one exists.

=============================  ===========  ===========  ===========  ===============
notebook                       model        plots        widgets      exercises
=============================  ===========  ===========  ===========  ===============
00-start-here                  attention    --           attention    silent_majority
01-silent-majority             attention    attention    attention    silent_majority
02-pareto                      pareto       pareto       pareto       pareto
03-degrees-of-separation       separation   separation   separation   separation
04-social-user-or-mass-medium  branding     branding     branding     branding
04-social-user-or-mass-medium  branding     reach        branding     branding
05-employee-advocacy           advocacy     advocacy     advocacy     advocacy
06-should-you-accept-everyone  policy       policy       policy       policy
07-your-own-network            linkedin     linkedin     linkedin     your_network
=============================  ===========  ===========  ===========  ===============

Shared by every chapter: ``graphs`` (networks as compressed sparse rows, and their generators),
``datasets`` (the small CSV files in ``data/``), ``editions`` and ``cli`` (the student edition
and the ``socialmath`` command), ``plots.style`` (the house style), ``widgets.base`` (what an
explorer is) and ``exercises.feedback`` (graded hints).
"""

__version__ = "0.1.0"
