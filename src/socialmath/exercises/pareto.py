"""Self-checks for chapter 2, "The 80/20 law".

The expected answers come from the model (``socialmath.pareto``), never typed in by hand, and the
hints recognise the usual slips: a percentage for a share, the density exponent for Pareto's alpha,
the rest of the population for its top. Exercise 6 is a judgement: more than one answer can be
defended, and each gets its reason.

>>> print(check_alpha_70_20(round(alpha_for_share(0.2, 0.7), 3)))
✔ Correct: 1.28 Pareto's alpha.
>>> print(check_top1_share(21.5))
✘ Not yet: that is a percentage; the question asks for a share (0 to 1).
"""

from __future__ import annotations

from socialmath.exercises.feedback import Feedback, Option, check_choice, check_estimate
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
    return check_estimate(answer, expected, name="Pareto's alpha", rel_tol=0.005,
                          roundings=(0.001,), slips=slips)


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
    return check_estimate(answer, expected, name="share held by the top 1%", rel_tol=0.01,
                          roundings=(0.01, 0.05), slips=slips)


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
    return check_estimate(answer, expected, name="share held by the top 0.8%", rel_tol=0.005,
                          roundings=(0.01,), slips=slips)


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
    return check_estimate(answer, expected, name="Gini index", rel_tol=0.01, roundings=(0.01,),
                          slips=slips)


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
    expected = reactions_verdict()
    hints = {
        "power law": "look at the sign of R in the comparison with the log-normal. A negative R "
                     "favours the alternative.",
        "lognormal": "look at the sign of R in the comparison with the log-normal. A positive R "
                     "favours the power law.",
        "undecided": "look at the p-value of the comparison. Below 0.1, the sign of R can be "
                     "trusted.",
    }
    right = (f"the test favours the {expected}. A straight-looking line on a log-log plot was "
             "not enough.")
    aliases = {"power law": ("powerlaw", "pareto"), "lognormal": ("log normal",),
               "undecided": ("cannot tell", "can't tell")}
    return check_choice(answer, {verdict: Option(verdict == expected,
                                                 right if verdict == expected else hints[verdict],
                                                 aliases[verdict])
                                 for verdict in VERDICTS})


#: Exercise 6: the answers to "does the vendor's chart show a power law?", each with its reason.
VENDOR_CHART = {
    "power law": Option(False, "a straight line on log-log axes and a high R² are what the "
                               "simulated reactions of step 6 gave too, and they were drawn from "
                               "a log-normal. The chart cannot show a power law."),
    "not a power law": Option(False, "the chart cannot rule a power law out either: a straight "
                                     "line is what a power law would give too. You need the data "
                                     "and the test.",
                              ("no",)),
    "not shown": Option(True, "the chart alone cannot tell. Ask for the data, fit the tail by "
                              "maximum likelihood, run the bootstrap test and compare with a "
                              "log-normal, as in step 6.",
                        ("cannot tell", "can't tell", "not enough", "no evidence")),
    "probably not": Option(True, "a fair bet, since Broido and Clauset found social networks at "
                                 "best weakly scale free; but it is a bet on other networks, not "
                                 "a reading of this chart. Only the data and the test can "
                                 "settle it.",
                           ("unlikely",)),
}


def check_vendor_chart(answer: object) -> Feedback:
    """Exercise 6: judge a vendor's claim that a straight log-log chart shows a power law.

    >>> check_vendor_chart("cannot tell").correct
    True
    >>> check_vendor_chart("power law").correct
    False
    """
    return check_choice(answer, VENDOR_CHART)
