"""Self-checks for chapter 2, "The 80/20 law".

The expected answers come from the model (``socialmath.pareto``), never typed in by hand, and the
hints recognise the usual slips: a percentage for a share, the density exponent for Pareto's alpha,
the rest of the population for its top.

>>> print(check_alpha_70_20(round(alpha_for_share(0.2, 0.7), 3)))
✔ Correct: 1.28 Pareto's alpha.
>>> print(check_top1_share(21.5))
✘ Not yet: that is a percentage; the question asks for a share (0 to 1).
"""

from __future__ import annotations

from socialmath.exercises.feedback import NO_ANSWER, Feedback, check_number
from socialmath.pareto import (
    alpha_for_share,
    fit_power_law,
    gini_pareto,
    nested_shares,
    share_of_top,
    simulate_reactions,
)

#: Exercise 1: the top 20% hold 70%.
ALPHA_EXERCISE = {"top": 0.2, "share": 0.7}
#: Exercise 2: the share of the top 1% when alpha = 1.5.
TOP1_ALPHA = 1.5
#: Exercise 3: 80/20 applied three times (the top 0.8% of people).
NESTED_LEVELS = 3
#: Exercise 4: the Gini index at alpha = 2.
GINI_ALPHA = 2.0
#: Exercise 5: the simulated reactions data set of the chapter.
REACTIONS = {"posts": 5000, "seed": 0}
VERDICTS = ("power law", "lognormal", "undecided")


def check_alpha_70_20(answer: object) -> Feedback:
    """Exercise 1: Pareto's alpha for which the top 20% hold 70%."""
    top, share = ALPHA_EXERCISE.values()
    expected = alpha_for_share(top, share)
    slips = [
        (lambda x: x + 1, "that is the density exponent of a power-law fit; Pareto's alpha is "
                          "one less."),
        (lambda x: 1 - 1 / x, "that is 1 - 1/alpha, the exponent in top**(1 - 1/alpha); "
                              "solve it for alpha."),
        (lambda x: alpha_for_share(top, 0.8), "that is the alpha of 80/20; here the top 20% "
                                              "hold 70%."),
    ]
    return check_number(answer, expected, name="Pareto's alpha", rel_tol=0.005, slips=slips)


def check_top1_share(answer: object) -> Feedback:
    """Exercise 2: share of the total held by the top 1% when alpha = ``TOP1_ALPHA``."""
    expected = share_of_top(TOP1_ALPHA, 0.01)
    slips = [
        (lambda x: x * 100, "that is a percentage; the question asks for a share (0 to 1)."),
        (lambda x: 1 - x, "that is the share held by the other 99%."),
        (lambda x: share_of_top(TOP1_ALPHA, 0.2), "that is the share of the top 20%, not of "
                                                   "the top 1%."),
        (lambda x: 0.01 ** (1 / TOP1_ALPHA), "the exponent is 1 - 1/alpha, not 1/alpha."),
    ]
    return check_number(answer, expected, name="share held by the top 1%", rel_tol=0.01,
                        slips=slips)


def check_nested_share(answer: object) -> Feedback:
    """Exercise 3: share held by the top 0.8% if 80/20 holds within the top as well."""
    levels = nested_shares(0.2, 0.8, levels=NESTED_LEVELS)
    expected = levels[-1][1]
    slips = [
        (lambda x: x * 100, "that is a percentage; the question asks for a share (0 to 1)."),
        (lambda x: levels[1][1], "that is two levels (the top 4%); 0.8% is 20% of 20% of 20%."),
        (lambda x: levels[-1][0], "that is the share of *people* (0.008); the question asks "
                                  "for the share they hold."),
    ]
    return check_number(answer, expected, name="share held by the top 0.8%", rel_tol=0.005,
                        slips=slips)


def check_gini_alpha_2(answer: object) -> Feedback:
    """Exercise 4: the Gini index of a Pareto population with alpha = ``GINI_ALPHA``."""
    expected = gini_pareto(GINI_ALPHA)
    slips = [
        (lambda x: x * 100, "a Gini index runs from 0 to 1; that looks like a percentage."),
        (lambda x: 1 / (2 * GINI_ALPHA), "the denominator is 2 alpha - 1, not 2 alpha."),
        (lambda x: 1 / (GINI_ALPHA - 1), "the denominator is 2 alpha - 1, not alpha - 1."),
        (lambda x: share_of_top(GINI_ALPHA, 0.2), "that is the share of the top 20%, not the "
                                                   "Gini index."),
    ]
    return check_number(answer, expected, name="Gini index", rel_tol=0.01, slips=slips)


def reactions_verdict() -> str:
    """The likelihood-ratio verdict (power law against log-normal) on the chapter's data set."""
    fit = fit_power_law(simulate_reactions(**REACTIONS), discrete=True)
    return fit.comparison("lognormal").verdict


def check_reactions_verdict(answer: object) -> Feedback:
    """Exercise 5: which distribution fits the tail of the simulated reactions better?

    >>> check_reactions_verdict("log-normal").correct
    True
    >>> print(check_reactions_verdict(3))
    ✘ Expected one of 'power law', 'lognormal', 'undecided', got 3.
    """
    if answer is None or answer is Ellipsis:
        return Feedback(False, NO_ANSWER)
    if not isinstance(answer, str):
        return Feedback(False, f"Expected one of {', '.join(map(repr, VERDICTS))}, "
                               f"got {answer!r}.")
    choice = answer.strip().lower().replace("-", "").replace("_", " ")
    choice = "power law" if choice in ("powerlaw", "power law", "pareto") else choice
    if choice not in VERDICTS:
        return Feedback(False, f"Expected one of {', '.join(map(repr, VERDICTS))}, "
                               f"got {answer!r}.")
    expected = reactions_verdict()
    if choice == expected:
        return Feedback(True, f"Correct: the test favours the {expected}. A straight-looking "
                              "line on a log-log plot was not enough.")
    if choice == "power law":
        return Feedback(False, "Not yet: look at the sign of R in the comparison with the "
                               "log-normal. A negative R favours the alternative.")
    return Feedback(False, "Not yet: look at the p-value of the comparison. Below 0.1, the sign "
                           "of R can be trusted.")
