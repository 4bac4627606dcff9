"""Graded feedback for exercises: a check never raises, it says what is right or what to look at.

A chapter's check functions compare a learner's answer with the model's value and, when it is off,
test it against the usual slips (a percentage for a share, a weekly figure for a daily one...) to
give a hint instead of a bare "wrong".

>>> check_number(5000, expected=5000.0, name="posts per week")
Feedback(correct=True, message='Correct: 5,000 posts per week.')
>>> check_number(None, expected=5000.0).correct
False
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from socialmath._validate import require_number

#: A slip to recognise: a function that turns the right answer into the wrong one it would produce,
#: and the hint to give when the learner's answer matches it.
Slip = tuple[Callable[[float], float], str]

NO_ANSWER = "No answer yet: replace None with your answer and run the cell again."


@dataclass(frozen=True)
class Feedback:
    """The outcome of a check: whether the answer is right, and a message for the learner."""

    correct: bool
    message: str

    def __bool__(self) -> bool:
        return self.correct

    def _repr_html_(self) -> str:
        colour, mark = ("#009E73", "✔") if self.correct else ("#D55E00", "✘")
        return (f'<div style="border-left: 4px solid {colour}; padding: 0.3em 0.8em;">'
                f"<b>{mark}</b> {escape(self.message)}</div>")

    def __str__(self) -> str:
        return ("✔ " if self.correct else "✘ ") + self.message


def _as_number(answer: object) -> float | None:
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return None
    value = float(answer)
    return value if math.isfinite(value) else None


def _close(a: float, b: float, rel_tol: float, abs_tol: float) -> bool:
    return math.isclose(a, b, rel_tol=rel_tol, abs_tol=abs_tol)


def check_number(answer: object, expected: float, *, name: str = "answer",
                 rel_tol: float = 0.01, abs_tol: float = 1e-9,
                 slips: Sequence[Slip] = (), unit: str = "") -> Feedback:
    """Compare a numeric answer with ``expected``; recognise ``slips``; never raise because of
    the ``answer``. The other arguments are the exercise author's, and are checked: a tolerance
    that would accept every answer is refused.

    >>> slips = [(lambda x: x * 100, "a percentage where a share was expected?")]
    >>> print(check_number(63, expected=0.63, slips=slips, name="share"))
    ✘ Not yet: a percentage where a share was expected?
    """
    require_number("expected", expected)
    require_number("rel_tol", rel_tol, low=0, high=0.5)
    require_number("abs_tol", abs_tol, low=0, high=max(1.0, abs(float(expected))) * 0.5)
    if not isinstance(name, str) or not isinstance(unit, str):
        raise TypeError(f"name and unit must be strings, got {name!r} and {unit!r}")
    if answer is None or answer is Ellipsis:
        return Feedback(False, NO_ANSWER)
    value = _as_number(answer)
    if value is None:
        return Feedback(False, f"Expected a number, got {answer!r} "
                               f"({type(answer).__name__}). Write it without quotes.")
    suffix = f" {unit}" if unit else ""
    if _close(value, expected, rel_tol, abs_tol):
        return Feedback(True, f"Correct: {_fmt(expected)}{suffix} {name}.".replace(" answer.", "."))
    for wrong, hint in slips:
        try:
            slipped = wrong(expected)
        except (ArithmeticError, ValueError):
            continue
        if _close(value, slipped, rel_tol, abs_tol):
            return Feedback(False, f"Not yet: {hint}")
    direction = "high" if value > expected else "low"
    ratio = value / expected if expected else math.inf
    if expected and ratio > 0 and (ratio > 5 or ratio < 0.2):
        return Feedback(False, f"Not yet: {_fmt(value)} is too {direction} by a factor of about "
                               f"{max(ratio, 1 / ratio):,.0f}. Check the units of each step.")
    return Feedback(False, f"Not yet: {_fmt(value)} is too {direction}. Go through the steps "
                           f"again, one quantity at a time.")


def _fmt(value: float) -> str:
    if float(value).is_integer() or abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:,.3g}"
