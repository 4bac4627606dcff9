"""Self-check functions for the exercises, one module per chapter.

Each ``check_*`` function takes the learner's answer and returns a :class:`Feedback`, which
displays as a coloured line in a notebook. Checks never raise, whatever they are given.
"""

from socialmath.exercises.feedback import (
    Feedback,
    Option,
    check_choice,
    check_estimate,
    check_number,
)

__all__ = ["Feedback", "Option", "check_choice", "check_estimate", "check_number"]
