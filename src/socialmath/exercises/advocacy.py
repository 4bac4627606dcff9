"""Self-checks for chapter 5, "Employee advocacy".

The expected answers come from the model (``socialmath.advocacy``), never typed in twice, and the
hints recognise the usual slips: a sum where a union was asked for, the triple overlap subtracted
instead of added back, the people missed instead of the people reached, 561% read as 5.61 times.

>>> check_union(790)
Feedback(correct=True, message='Correct: 790 people.')
>>> "counted twice" in check_union(900).message
True
>>> check_561_verdict((0.3, False)).correct
True
"""

from __future__ import annotations

import math
import numbers

from socialmath.advocacy import (
    LINKEDIN_2017_ENGAGEMENT,
    LINKEDIN_2017_SHARERS,
    VENDOR_CLAIMS,
    independent_reach,
    required_overlap,
)
from socialmath.exercises.feedback import NO_ANSWER, Feedback, check_estimate, check_number
from socialmath.pareto import ALPHA_80_20, alpha_for_share

#: Exercise 1: three ambassadors' audiences, the people each pair shares, and those all three share.
UNION_EXERCISE = {"sizes": (400, 300, 200), "pairs": (50, 40, 30), "triple": 10}
#: Exercises 2 and 3: 20 ambassadors with 500 contacts each, drawn independently from 10,000.
POOL_EXERCISE = {"ambassadors": 20, "contacts": 500, "population": 10_000}
MARGINAL_AT = 10
#: Exercises 5 and 6: a page with 2,000 followers, 25 ambassadors with 600 contacts each.
CLAIM_EXERCISE = {"followers": 2000, "ambassadors": 25, "contacts": 600}
#: Exercise 6: a pool of people a team's contacts might come from (one trade in one country).
TEAM_POOL = 50_000
#: "561% further": 6.61 times the page's followers.
REACH_FACTOR = next(claim.factor for claim in VENDOR_CLAIMS if claim.measure == "reach")


def check_union(answer: object) -> Feedback:
    """Exercise 1: distinct people among three audiences, by inclusion-exclusion."""
    sizes, pairs, triple = UNION_EXERCISE.values()
    expected = sum(sizes) - sum(pairs) + triple
    slips = [
        (lambda x: sum(sizes), "that adds the three audiences: people who know two ambassadors "
                               "are counted twice. Subtract the pairwise overlaps."),
        (lambda x: sum(sizes) - sum(pairs), "almost: the 10 people who know all three were "
                                            "added three times and subtracted three times. "
                                            "Add them back once."),
        (lambda x: sum(sizes) - sum(pairs) - triple,
         "the triple overlap is added back, not subtracted."),
        (lambda x: sum(sizes) + sum(pairs) + triple, "the pairwise overlaps are subtracted."),
    ]
    return check_number(answer, expected, name="people", rel_tol=0, abs_tol=0.5, slips=slips)


def _pool():
    a, c, n = POOL_EXERCISE.values()
    return independent_reach([c] * a, n)


def check_independent_reach(answer: object) -> Feedback:
    """Exercise 2: expected distinct people reached by 20 ambassadors of 500 contacts each, in a
    pool of 10,000."""
    a, c, n = POOL_EXERCISE.values()
    missed = (1 - c / n) ** a
    slips = [
        (lambda x: a * c, "that is the sum of the audiences, as if no one were counted twice."),
        (lambda x: n * missed, "that is the number of people *missed* by all 20; the question "
                               "asks for the people reached."),
        (lambda x: missed, "that is a share; multiply by the 10,000 people of the pool."),
        (lambda x: 1 - missed, "that is the share reached; multiply by the 10,000 people."),
    ]
    return check_number(answer, _pool().unique, name="people", rel_tol=0.005, slips=slips)


def check_marginal_reach(answer: object) -> Feedback:
    """Exercise 3: new people brought by the 10th of those ambassadors."""
    a, c, n = POOL_EXERCISE.values()
    reach = _pool()
    expected = reach.marginal[MARGINAL_AT - 1]
    slips = [
        (lambda x: c, "that counts all 500 contacts as new; the 9 ambassadors before already "
                      "reach some of them."),
        (lambda x: c * (1 - c / n) ** MARGINAL_AT, "that is the 11th ambassador: a contact of "
                                                  "the 10th is new if none of the 9 before "
                                                  "knows them, 0.95 to the power 9."),
        (lambda x: c * (1 - c / n) ** (MARGINAL_AT - 2), "that is the 9th ambassador: a contact "
                                                        "of the 10th is new if none of the 9 "
                                                        "before knows them, 0.95 to the power "
                                                        "9, not 8."),
        (lambda x: reach.unique_curve[MARGINAL_AT - 1], "that is the reach of the first 10 "
                                                        "together; the question asks what the "
                                                        "10th adds."),
        (lambda x: c * (1 - c / n) ** (MARGINAL_AT - 1) / n, "that is a share of the pool; the "
                                                             "question asks for people."),
    ]
    return check_number(answer, expected, name="new people", rel_tol=0.005, slips=slips)


def check_alpha_3_30(answer: object) -> Feedback:
    """Exercise 4: the Pareto alpha for which the top 3% hold 30%."""
    expected = alpha_for_share(LINKEDIN_2017_SHARERS, LINKEDIN_2017_ENGAGEMENT)
    slips = [
        (lambda x: x + 1, "that is the density exponent of a power-law fit; Pareto's alpha is "
                          "one less."),
        (lambda x: 1 - 1 / x, "that is 1 - 1/alpha, the exponent in top**(1 - 1/alpha); solve "
                              "it for alpha."),
        (lambda x: ALPHA_80_20, "that is the alpha of 80/20; here the top 3% hold 30%."),
        (lambda x: alpha_for_share(LINKEDIN_2017_SHARERS, 1 - LINKEDIN_2017_ENGAGEMENT),
         "that gives the top 3% 70% of the total; they hold 30%."),
        (lambda x: 1 / x, "that is 1/alpha; alpha is one over it."),
        (lambda x: 1 / (1 - 1 / x), "that divides the logarithms the wrong way round: "
                                    "1 - 1/alpha = ln 0.30 / ln 0.03, which is below 1."),
    ]
    return check_estimate(answer, expected, name="Pareto's alpha", rel_tol=0.01,
                          roundings=(0.1,), slips=slips)


def _limit() -> float:
    followers, ambassadors, contacts = CLAIM_EXERCISE.values()
    return required_overlap(REACH_FACTOR, followers, ambassadors * contacts)


def check_required_overlap(answer: object) -> Feedback:
    """Exercise 5: the largest overlap at which 25 ambassadors of 600 contacts reach 561%
    further than a page of 2,000 followers (a share, 0 to 1)."""
    followers, ambassadors, contacts = CLAIM_EXERCISE.values()
    summed = ambassadors * contacts
    slips = [
        (lambda x: x * 100, "that is a percentage; the question asks for a share (0 to 1)."),
        (lambda x: 1 - x, "that is the share of the contacts who are distinct people; the "
                          "overlap is the rest."),
        (lambda x: required_overlap(REACH_FACTOR - 1, followers, summed),
         "that reads 561% further as 5.61 times the page; 561% *more* is 6.61 times."),
        (lambda x: x * summed, "that is the number of repeats; the overlap is that number as a "
                               "share of the 15,000 contacts."),
    ]
    return check_number(answer, _limit(), name="largest overlap", rel_tol=0.02, abs_tol=0.002,
                        slips=slips)


def check_561_verdict(answer: object) -> Feedback:
    """Exercise 6, a judgement: ``answer = (overlap, holds)``, your estimate of the overlap among
    the 25 colleagues' audiences (a share) and whether "561% further" then holds (True or False).

    Any estimate from 0 up to the largest possible overlap can be defended (the union is at
    least one colleague's own 600 contacts, so at most 1 - 600 / 15,000 = 0.96); the verdict
    must follow from it. The feedback says what the estimate means: how many of the 25 a person
    reached knows, on average.

    >>> feedback = check_561_verdict((0.05, False))
    >>> feedback.correct, "14,250 people, 7.1 times" in feedback.message
    (False, True)
    >>> check_561_verdict((0.99, False)).correct   # fewer people than one colleague's contacts
    False
    """
    if answer is None or answer is Ellipsis:
        return Feedback(False, NO_ANSWER)
    if not isinstance(answer, tuple | list) or len(answer) != 2:
        return Feedback(False, f"Expected a pair (overlap, holds), for example (0.3, False), got "
                               f"{answer!r}.")
    estimate, holds = answer
    if isinstance(estimate, bool) or not isinstance(estimate, numbers.Real) or not math.isfinite(
            estimate):
        return Feedback(False, f"The overlap must be a number, got {estimate!r}.")
    if 1 < estimate <= 100:
        return Feedback(False, "The overlap looks like a percentage; write it as a share "
                               "between 0 and 1 (30% is 0.3).")
    if not 0 <= estimate < 1:
        return Feedback(False, f"An overlap is a share between 0 and 1, got {estimate!r}.")
    if not isinstance(holds, bool):
        return Feedback(False, f"Say whether the claim holds with True or False, got {holds!r}.")
    followers, ambassadors, contacts = CLAIM_EXERCISE.values()
    highest = 1 - contacts / (ambassadors * contacts)
    if estimate > highest:
        return Feedback(False, f"An overlap of {estimate:.0%} is impossible here: the "
                               f"{ambassadors} colleagues would reach fewer people than one of "
                               f"them alone ({contacts}). The overlap is at most "
                               f"{highest:.0%}, when all of them know the same {contacts} people.")
    reach = ambassadors * contacts * (1 - estimate)
    ratio = reach / followers
    known = 1 / (1 - estimate)
    really = ratio >= REACH_FACTOR
    facts = (f"with an overlap of {estimate:.0%} the {ambassadors} colleagues reach "
             f"{reach:,.0f} people, {ratio:.1f} times the page's {followers:,} followers")
    meaning = (f"An overlap of {estimate:.0%} means that a person they reach knows "
               f"{known:.1f} of the {ambassadors} colleagues on average.")
    if holds != really:
        verb = "more" if really else "less"
        ending = "holds" if really else "fails"
        return Feedback(False, f"Not yet: {facts}. That is {verb} than the {REACH_FACTOR:g} times "
                               f"the claim needs, so it {ending}.")
    if estimate == 0:
        return Feedback(False, "Consistent, but hard to defend: an overlap of 0 means no two of "
                               "the 25 colleagues share a single contact. Colleagues who work "
                               "together nearly always do.")
    if really:
        in_pool = independent_reach([contacts] * ambassadors, TEAM_POOL).overlap
        return Feedback(True, f"Consistent: {facts}, so the claim holds. {meaning} It needs an "
                              f"overlap below {_limit():.0%}; independent audiences of this size "
                              f"already overlap by {in_pool:.0%} in a pool of {TEAM_POOL:,} "
                              f"people, so your colleagues' contacts must come from a much larger "
                              f"pool, such as many countries or trades.")
    return Feedback(True, f"Consistent: {facts}, short of the {REACH_FACTOR:g} times the claim "
                          f"needs. {meaning} Any overlap above {_limit():.0%} sinks it; "
                          f"colleagues whose contacts come from one trade in one country usually "
                          f"share more than that.")
