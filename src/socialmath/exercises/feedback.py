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
from collections.abc import Callable, Mapping, Sequence
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


# --- checks for rounded estimates and for judgements ----------------------------------------------


def check_estimate(answer: object, expected: float, *, name: str = "answer",
                   rel_tol: float = 0.01, abs_tol: float = 1e-9,
                   roundings: Sequence[float] = (), slips: Sequence[Slip] = (),
                   unit: str = "") -> Feedback:
    """Like :func:`check_number`, for a question that invites rounding; never raise.

    An answer equal to ``expected`` rounded to a multiple of one of ``roundings`` is right too
    (``1`` accepts "4 steps" for 3.91, ``0.05`` accepts "about a fifth", 0.2, for 0.215). When an
    answer is near several slips, the hint is the nearest slip's, so that each hint can be reached
    even when two slips give close values.

    >>> print(check_estimate(4, expected=3.91, name="steps", roundings=[1]))
    ✔ Correct: 4 steps (3.91 before rounding).
    >>> slips = [(lambda x: 90_000, "k x k"), (lambda x: 89_700, "forgot the overlap")]
    >>> print(check_estimate(89_700, expected=17_940, slips=slips))
    ✘ Not yet: forgot the overlap
    """
    value = _as_number(answer)
    if value is not None and not _close(value, expected, rel_tol, abs_tol):
        suffix = f" {unit}" if unit else ""
        for step in roundings:
            if _is_rounding(value, expected, step):
                return Feedback(True, f"Correct: {_fmt(value)}{suffix} {name} "
                                      f"({_fmt(expected)} before rounding).")
        hint = _nearest_slip(value, expected, slips, rel_tol, abs_tol)
        if hint is not None:
            return Feedback(False, f"Not yet: {hint}")
    return check_number(answer, expected, name=name, rel_tol=rel_tol, abs_tol=abs_tol, unit=unit)


def _is_rounding(value: float, expected: float, step: float) -> bool:
    """Whether ``value`` is ``expected`` rounded to the nearest multiple of ``step`` (not 0)."""
    if not (isinstance(step, numbers.Real) and step > 0):
        return False
    rounded = round(expected / step) * step
    return rounded != 0 and math.isclose(value, rounded, rel_tol=1e-9, abs_tol=step * 1e-6)


def _nearest_slip(value: float, expected: float, slips: Sequence[Slip], rel_tol: float,
                  abs_tol: float) -> str | None:
    """The hint of the slip whose value is nearest ``value``, among those it matches."""
    matches = []
    for wrong, hint in slips:
        try:
            slipped = float(wrong(expected))
        except (ArithmeticError, ValueError, TypeError):
            continue
        if math.isfinite(slipped) and _close(value, slipped, rel_tol, abs_tol):
            matches.append((abs(value - slipped) / max(abs(slipped), abs_tol, 1e-300), hint))
    return min(matches, key=lambda match: match[0])[1] if matches else None


@dataclass(frozen=True)
class Option:
    """One answer to a judgement: whether it can be defended, and why (or why not).

    ``aliases`` are other ways to write the same answer ("cannot tell" for "not shown").
    """

    accepted: bool
    explanation: str
    aliases: tuple[str, ...] = ()


def check_choice(answer: object, options: Mapping[str, Option]) -> Feedback:
    """Judge a choice among named ``options``: every defensible one passes, and each gets its
    explanation, right or wrong. Case, spaces, hyphens and underscores do not matter; never raise.

    >>> options = {"not shown": Option(True, "a chart alone cannot show it."),
    ...            "power law": Option(False, "a straight line is not evidence.")}
    >>> print(check_choice("Power-law", options))
    ✘ Not yet: a straight line is not evidence.
    >>> print(check_choice("not shown", options))
    ✔ Defensible: a chart alone cannot show it.
    >>> print(check_choice(3, options))
    ✘ Expected one of 'not shown', 'power law', got 3.
    """
    if answer is None or answer is Ellipsis:
        return Feedback(False, NO_ANSWER)
    expected = f"Expected one of {', '.join(map(repr, options))}, got {answer!r}."
    if not isinstance(answer, str):
        return Feedback(False, expected)
    chosen = _normalise(answer)
    for name, option in options.items():
        if chosen in {_normalise(alias) for alias in (name, *option.aliases)}:
            if option.accepted:
                return Feedback(True, f"Defensible: {option.explanation}")
            return Feedback(False, f"Not yet: {option.explanation}")
    return Feedback(False, expected)


def _normalise(text: str) -> str:
    """Lower case, hyphens and underscores as spaces, single spaces, no quotes or final stop."""
    cleaned = text.strip().strip("\"'“”‘’.!").lower().replace("-", " ").replace("_", " ")
    return " ".join(cleaned.split())
