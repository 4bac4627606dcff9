"""Self-checks for chapter 2, "The 80/20 law".

The expected answers come from the model (``socialmath.pareto``), never typed in by hand, and the
hints recognise the usual slips: a percentage for a share, the density exponent for Pareto's alpha,
the rest of the population for its top. Exercises 5 and 6 are judgements: more than one answer can
be defended, and each gets its reason.

>>> print(check_alpha_70_20(round(alpha_for_share(0.2, 0.7), 3)))
✔ Correct: Pareto's alpha is 1.285 (1.2847 to four decimals).
>>> print(check_top1_share(21.5))
✘ Not yet: that is a percentage; the question asks for a share (0 to 1).
"""

from __future__ import annotations

import math

from socialmath.exercises.feedback import (
    Feedback,
    Option,
    Slip,
    check_choice,
    check_estimate,
)
from socialmath.pareto import alpha_for_share, gini_pareto, nested_shares, share_of_top

#: Exercise 1: the top 20% hold 70%.
ALPHA_EXERCISE = {"top": 0.2, "share": 0.7}
#: Exercise 2: the share of the top 1% when alpha = 1.5.
TOP1_ALPHA = 1.5
#: Exercise 3: 80/20 applied three times (the top 0.8% of people).
NESTED_LEVELS = 3
#: Exercise 4: the Gini index at alpha = 2.
GINI_ALPHA = 2.0

PERCENTAGE = "that is a percentage; the question asks for a share (0 to 1)."


def _percentage_slips(hint: str = PERCENTAGE) -> list[Slip]:
    """A share written as a percentage, exact or rounded as people round them (22, 21.5, 20)."""
    return [(lambda x: x * 100, hint), (lambda x: round(x * 100), hint),
            (lambda x: math.floor(x * 100), hint), (lambda x: round(x * 20) * 5, hint)]


def _truncated(answer: object, expected: float, name: str,
               decimals: tuple[int, ...] = (2, 3)) -> Feedback | None:
    """A right answer cut (not rounded) to a few decimals, as 0.21 for 0.2154; else None."""
    if isinstance(answer, bool) or not isinstance(answer, int | float) or not answer > 0:
        return None
    for places in decimals:
        cut = math.floor(expected * 10**places) / 10**places
        if math.isclose(answer, cut, rel_tol=1e-9):
            return Feedback(True, f"Correct: {answer:g} {name} ({expected:.4f} cut to "
                                  f"{places} decimals).")
    return None


def check_alpha_70_20(answer: object) -> Feedback:
    """Exercise 1: Pareto's alpha for which the top 20% hold 70%."""
    top, share = ALPHA_EXERCISE.values()
    expected = alpha_for_share(top, share)
    exponent = math.log(share) / math.log(top)  # 1 - 1/alpha
    slips = [
        (lambda x: x + 1, "that is the density exponent of a power-law fit; Pareto's alpha is "
                          "one less."),
        (lambda x: 1 - 1 / x, "that is 1 - 1/alpha, the exponent in top**(1 - 1/alpha); "
                              "solve it for alpha."),
        (lambda x: 1 / x, "that is 1/alpha. You found 1/alpha = 1 - ln 0.7 / ln 0.2; "
                          "alpha is one over it."),
        (lambda x: 1 / exponent, "that is 1 / (ln 0.7 / ln 0.2). The ratio of logarithms is "
                                 "1 - 1/alpha, so alpha = 1 / (1 - ln 0.7 / ln 0.2)."),
        (lambda x: alpha_for_share(top, 0.8), "that is the alpha of 80/20; here the top 20% "
                                              "hold 70%."),
    ]
    feedback = check_estimate(answer, expected, name="Pareto's alpha", rel_tol=0.005,
                              roundings=(0.001,), slips=slips)
    if feedback.correct:  # the question asks for three decimals: show them
        return Feedback(True, f"Correct: Pareto's alpha is {expected:.3f} ({expected:.4f} to "
                              "four decimals).")
    return feedback


def check_top1_share(answer: object) -> Feedback:
    """Exercise 2: share of the total held by the top 1% when alpha = ``TOP1_ALPHA``."""
    expected = share_of_top(TOP1_ALPHA, 0.01)
    name = "share held by the top 1%"
    slips = [
        *_percentage_slips(),
        (lambda x: 1 - x, "that is the share held by the other 99%."),
        (lambda x: share_of_top(TOP1_ALPHA, 0.2), "that is the share of the top 20%, not of "
                                                   "the top 1%."),
        (lambda x: 0.01 ** (1 / TOP1_ALPHA), "the exponent is 1 - 1/alpha, not 1/alpha."),
    ]
    return (_truncated(answer, expected, name)
            or check_estimate(answer, expected, name=name, rel_tol=0.01,
                              roundings=(0.01, 0.05), slips=slips))


def check_nested_share(answer: object) -> Feedback:
    """Exercise 3: share held by the top 0.8% if 80/20 holds within the top as well.

    "Half of everything", as the solution puts it, is accepted: 0.512 rounded to 0.05.
    """
    levels = nested_shares(0.2, 0.8, levels=NESTED_LEVELS)
    expected = levels[-1][1]
    slips = [
        *_percentage_slips(),
        (lambda x: levels[1][1], "that is two levels (the top 4%); 0.8% is 20% of 20% of 20%."),
        (lambda x: levels[-1][0], "that is the share of *people* (0.008); the question asks "
                                  "for the share they hold."),
    ]
    return check_estimate(answer, expected, name="share held by the top 0.8%", rel_tol=0.005,
                          roundings=(0.01, 0.05), slips=slips)


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


#: Exercise 5: what the karate club's borderline bootstrap p-values allow you to conclude.
KARATE_VERDICTS = {
    "power law": Option(False, "a p-value above 0.1 never shows a power law. It only says that "
                               "the test could not rule one out, and with the few dozen degrees "
                               "of the club's tail it had little to work with."),
    "not a power law": Option(False, "0.02 came from one seed. With 50 bootstraps, a p-value near "
                                     "0.1 wanders by several hundredths from seed to seed, and "
                                     "step 7's twenty runs together (1,000 bootstraps) put it "
                                     "just above 0.1. The data do not rule the power law out.",
                              ("no", "ruled out", "not power law")),
    "not ruled out, not shown": Option(True, "p sits on the threshold. The seeds disagree because "
                                             "50 bootstraps measure p only to within several "
                                             "hundredths, and 1,000 put it just above 0.1. The "
                                             "power law is not ruled out, and 34 people cannot "
                                             "show one either.",
                                       ("borderline", "inconclusive", "undecided", "not shown",
                                        "not ruled out", "cannot tell", "can't tell", "unknown",
                                        "not ruled out not shown", "neither")),
    "run more bootstraps": Option(True, "a good next step, since more bootstraps pin p down (step "
                                        "7's twenty runs together put it just above 0.1). But "
                                        "they add no data. With 34 people the verdict stays "
                                        "\"not ruled out, not shown\".",
                                  ("more bootstraps", "need more bootstraps", "more samples")),
}


def check_karate_verdict(answer: object) -> Feedback:
    """Exercise 5: judge the karate club's borderline test (p 0.02 with one seed, 0.22 with
    another).

    >>> check_karate_verdict("borderline").correct
    True
    >>> check_karate_verdict("not a power law").correct
    False
    """
    return check_choice(answer, KARATE_VERDICTS)


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
                        ("cannot tell", "can't tell", "not enough", "no evidence", "undecided",
                         "inconclusive", "unknown", "not proven", "cannot say", "can't say")),
    "probably not": Option(True, "a fair bet, since Broido and Clauset found social networks at "
                                 "best weakly scale free; but it is a bet on other networks, not "
                                 "a reading of this chart. Only the data and the test can "
                                 "settle it.",
                           ("unlikely", "probably not a power law", "probably not scale free")),
}


def check_vendor_chart(answer: object) -> Feedback:
    """Exercise 6: judge a vendor's claim that a straight log-log chart shows a power law.

    >>> check_vendor_chart("cannot tell").correct
    True
    >>> check_vendor_chart("power law").correct
    False
    """
    return check_choice(answer, VENDOR_CHART)
