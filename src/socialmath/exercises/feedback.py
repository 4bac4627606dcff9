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

import decimal
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
    """The answer as a finite float, or None when it is not one (a check then asks why with
    :func:`not_a_number`). Never raises: an integer too large for a float is None too."""
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real | decimal.Decimal):
        return None
    try:
        value = float(answer)
    except (OverflowError, ValueError, TypeError):
        return None
    return value if math.isfinite(value) else None


def not_a_number(answer: object) -> str:
    """What to say when an answer is not a usable number, by what it is instead.

    >>> print(not_a_number((4, 3)))
    Python reads 4,3 as two numbers, (4, 3): write 4.3 for a decimal, and 4000 or 4_000 for \
thousands.
    >>> print(not_a_number("900"))
    Expected a number, got '900' (text). Write it without quotes: 900.
    """
    if isinstance(answer, tuple) and answer and all(
            isinstance(part, numbers.Integral) and not isinstance(part, bool) for part in answer):
        first, rest = int(answer[0]), [abs(int(part)) for part in answer[1:]] or [0]
        typed = ",".join(str(part) for part in answer)
        count = {2: "two", 3: "three"}.get(len(answer), str(len(answer)))
        groups = all(part == 0 or len(str(part)) == 3 for part in rest)  # 12,500 or 4,000
        thousands = int(f"{first}" + "".join(f"{part:03d}" for part in rest)) if groups \
            else first * 1000
        second = rest[0]
        return (f"Python reads {typed} as {count} numbers, {answer!r}: write {first}.{second} "
                f"for a decimal, and {thousands} or {thousands:_} for thousands.")
    if isinstance(answer, bool):
        return (f"{answer} is a yes-or-no answer; this question asks for a number. Replace it "
                "with the number itself.")
    if isinstance(answer, numbers.Integral):  # too large for a float
        return (f"That number has {len(str(abs(int(answer))))} digits, far too many for any "
                "answer here: check the powers of ten.")
    if isinstance(answer, numbers.Real | decimal.Decimal):
        value = float(answer)
        if math.isnan(value):
            return ("That is nan, 'not a number': a calculation went wrong on the way, such as "
                    "0 / 0 or a value left empty. Compute each step again.")
        return (f"That is {value}, infinite: a division by zero on the way? Compute each step "
                "again.")
    if isinstance(answer, numbers.Complex):
        return f"Expected a real number, got the complex number {answer!r}."
    if isinstance(answer, str):
        text = answer.strip().replace(" ", "")
        try:
            return (f"Expected a number, got {answer!r} (text). Write it without quotes: "
                    f"{float(text.replace('_', '')):g}.")
        except ValueError:
            pass
        if "," in text and text.replace(",", "").replace(".", "").isdigit():
            return (f"Expected a number, got {answer!r} (text). Write it without quotes, with "
                    "a point for decimals (4.3) and no comma in thousands (4000).")
        return (f"Expected a number, got {answer!r} (text). Replace it with the number itself, "
                "without quotes.")
    if isinstance(answer, list | tuple | set | dict) or hasattr(answer, "__len__"):
        kind = type(answer).__name__
        return (f"Expected one number, got a {kind}, {answer!r}. Write the number alone, "
                "without brackets.")
    return f"Expected a number, got {answer!r} ({type(answer).__name__})."


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
        return Feedback(False, not_a_number(answer))
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
        factor = max(ratio, 1 / ratio)
        unit_hint = _unit_factor(factor)
        advice = (f" That is close to {unit_hint}: check the units of each step." if unit_hint
                  else " Go through the steps again, one quantity at a time.")
        return Feedback(False, f"Not yet: {_fmt(value)} is too {direction} by a factor of about "
                               f"{factor:,.0f}.{advice}")
    return Feedback(False, f"Not yet: {_fmt(value)} is too {direction}. Go through the steps "
                           f"again, one quantity at a time.")


#: Factors that a slip of units produces, and what each is (the first that fits is named).
UNIT_FACTORS = (
    (7, "the 7 days of a week"),
    (12, "the 12 months of a year"),
    (24, "the 24 hours of a day"),
    (52, "the 52 weeks of a year"),
    (60, "60 (seconds in a minute, or minutes in an hour)"),
    (100, "100, a percentage for a share"),
    (168, "the 168 hours of a week"),
    (365, "the 365 days of a year"),
    (420, "7 x 60 (a week of days, in minutes or seconds)"),
    (1000, "1,000 (thousands)"),
    (1440, "the 1,440 minutes of a day"),
    (3600, "the 3,600 seconds of an hour"),
    (10_080, "the 10,080 minutes of a week"),
    (25_200, "7 x 3,600 (a week of days, in seconds and hours)"),
    (86_400, "the 86,400 seconds of a day"),
)
#: How near a factor must be to a unit factor to be named (8%: 6.5 to 7.5 for 7).
UNIT_TOLERANCE = 0.08


def _unit_factor(factor: float) -> str | None:
    """The unit factor that ``factor`` is near, described; None if it is near none."""
    for unit, description in UNIT_FACTORS:
        if abs(factor / unit - 1) <= UNIT_TOLERANCE:
            return description
    return None


def _fmt(value: float) -> str:
    """Three significant figures, four between 100 and 1,000 (162.5 years, not 162), and whole
    numbers from 1,000 up."""
    if float(value).is_integer() or abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:,.4g}" if abs(value) >= 100 else f"{value:,.3g}"


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
