"""socialmath: the mathematics behind social networks, as models a learner can run and check.

The package has three floors. Models (``attention``, ...) take numbers and return numbers or
small frozen dataclasses; ``plots`` draws them on a matplotlib ``Axes``; ``widgets`` wires
sliders to both.
"""

__version__ = "0.1.0"
