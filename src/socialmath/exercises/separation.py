"""Self-checks for chapter 3, "Six handshakes, or 3.57?".

Expected answers come from the model (``socialmath.separation``) or from the published figures
(``backstrom2012``, ``ugander2011``), never typed in twice, and the hints recognise the usual
slips: intermediaries for distances, the starter left out of a chain's holders, a percentage for
a share, a logarithm in the wrong base, k x k for the 2nd degree, and a famous number ("six",
"3.5", "three") where a calculation was asked. Exercise 5 is a judgement: more than one answer
can be defended, and each gets its reason.

>>> check_distance_range((5.4, 6.7))
Feedback(correct=True, message='Correct: 5.4 to 6.7 links.')
>>> "intermediaries themselves" in check_distance_range((4.4, 5.7)).message
True
"""

from __future__ import annotations

import math
import numbers

from socialmath.exercises.feedback import (
    NO_ANSWER,
    Feedback,
    Option,
    check_choice,
    check_estimate,
)
from socialmath.separation import random_graph_estimate, reach_estimate

#: Exercise 1: Backstrom et al.'s range for Milgram's chains, in intermediaries
#: (``backstrom2012``, as corrected in the paper's third version).
MILGRAM_INTERMEDIARIES = (4.4, 5.7)
#: Exercise 2: the chapter's assumed drop probability per holder, and a chain of 6 links.
DROP, CHAIN_LINKS = 0.25, 6
#: Exercise 3: Facebook's users in Backstrom et al.'s measurement (``backstrom2012``), the median
#: number of friends (``ugander2011``), and the mean distance measured (``backstrom2012``).
STEPS_MEMBERS, STEPS_CONTACTS, MEASURED_DISTANCE = 721_000_000, 99, 4.74
#: Exercise 4: 300 contacts, each with 300 contacts, 80% of whom you already count.
REACH_EXERCISE = {"contacts": 300, "their_contacts": 300, "overlap": 0.8}


def _distance_slips() -> list:
    return [
        (lambda x: x - 2, "that subtracts one; intermediaries are the people *inside* the "
                          "chain, so the chain has one more link than it has intermediaries."),
        (lambda x: x - 1, "those are the intermediaries themselves; the question asks for the "
                          "number of links."),
        (lambda x: x + 1, "one link too many: a chain with one intermediary has two links."),
    ]


def check_distance_range(answer: object) -> Feedback:
    """Exercise 1: ``answer = (low, high)``, Backstrom et al.'s 4.4 to 5.7 intermediaries for
    Milgram's chains, as distances in links (either order)."""
    if answer is None or answer is Ellipsis:
        return Feedback(False, NO_ANSWER)
    if isinstance(answer, numbers.Real) and not isinstance(answer, bool):
        return Feedback(False, f"Expected two numbers, the low and the high end, for example "
                               f"(1.5, 2.5); got one number, {answer!r}.")
    if (not isinstance(answer, tuple | list) or len(answer) != 2
            or any(isinstance(x, bool) or not isinstance(x, numbers.Real)
                   or not math.isfinite(x) for x in answer)):
        return Feedback(False, f"Expected two numbers, the low and the high end, for example "
                               f"(1.5, 2.5); got {answer!r}.")
    low, high = sorted(float(x) for x in answer)
    results = [check_estimate(value, intermediaries + 1, name="links", rel_tol=0.005,
                              roundings=(), slips=_distance_slips())
               for value, intermediaries in zip((low, high), MILGRAM_INTERMEDIARIES,
                                                strict=True)]
    if all(results):
        first, last = (x + 1 for x in MILGRAM_INTERMEDIARIES)
        return Feedback(True, f"Correct: {first:g} to {last:g} links.")
    messages = [r.message.removeprefix("Not yet: ").rstrip(".") for r in results]
    if not any(results) and messages[0] == messages[1]:
        return Feedback(False, f"Not yet: {messages[0]}.")
    if not any(results) and 6.0 in (low, high):
        return Feedback(False, "Not yet: 6 is the famous number, not this calculation: add one "
                               "link to each end of the range of intermediaries.")
    parts = [f"the {end} end is right" if r else f"the {end} end: {m}"
             for end, r, m in zip(("low", "high"), results, messages, strict=True)]
    return Feedback(False, "Not yet: " + "; ".join(parts) + ".")


def check_chain_arrives(answer: object) -> Feedback:
    """Exercise 2: the share (0 to 1) of chains of 6 links that arrive when every holder, the
    starter included, drops the letter with probability 0.25."""
    keep = 1 - DROP
    expected = keep ** CHAIN_LINKS
    slips = [
        (lambda x: keep ** (CHAIN_LINKS - 1),
         "that leaves out one holder. A chain of 6 links has 6 holders: the starter and 5 "
         "intermediaries, each of whom can drop the letter."),
        (lambda x: keep ** (CHAIN_LINKS + 1),
         "one holder too many: the target receives the letter but does not pass it on."),
        (lambda x: 1 - x, "that is the share of chains that do *not* arrive."),
        (lambda x: DROP ** CHAIN_LINKS,
         "that multiplies the chances of *dropping*; a chain arrives when every holder keeps "
         "the letter going, with probability 0.75 each."),
        (lambda x: 1 - DROP * CHAIN_LINKS,
         "that subtracts the drops; chances of independent steps multiply: 0.75 × 0.75 × ..."),
        (lambda x: x * 100, "that is a percentage; the question asks for a share (0 to 1)."),
        (lambda x: math.floor(x * 100) / 100,
         "that cuts the digits off; 0.75 to the 6th power is 0.178, which rounds to 0.18."),
        (lambda x: round(x, 1), "that is rounded to one decimal; give two, as the question asks."),
    ]
    return check_estimate(answer, expected, name="share of chains that arrive", rel_tol=0.02,
                          roundings=(0.01,), slips=slips)


def check_steps_estimate(answer: object) -> Feedback:
    """Exercise 3: ln N / ln k for Facebook's 721 million users with a median of 99 friends."""
    expected = random_graph_estimate(STEPS_MEMBERS, STEPS_CONTACTS)
    slips = [
        (lambda x: math.log10(STEPS_MEMBERS) / math.log(STEPS_CONTACTS),
         "the two logarithms have different bases; use the same one (any base) for both."),
        (lambda x: math.log(STEPS_MEMBERS), "that is ln N alone; divide it by ln k."),
        (lambda x: STEPS_MEMBERS / STEPS_CONTACTS,
         "that divides N by k; the steps come from logarithms: k^steps = N."),
        (lambda x: x - 1, "that is one fewer: you may have computed intermediaries; the "
                          "estimate is a number of steps (links)."),
        (lambda x: MEASURED_DISTANCE, "4.74 is the distance Backstrom and colleagues measured; "
                                      "the question asks for the estimate ln N / ln k, to "
                                      "compare with it."),
        (lambda x: 6, "6 is the famous number, not this calculation: divide ln N by ln k."),
        (lambda x: 3.5, "3.5 is the essay's figure for social networks, not this calculation: "
                        "divide ln N by ln k."),
        (lambda x: 3, "3 is the recruiter's \"three handshakes\", not this calculation: divide "
                      "ln N by ln k."),
    ]
    return check_estimate(answer, expected, name="steps", rel_tol=0.01, roundings=(0.1, 1),
                          slips=slips)


def check_second_degree(answer: object) -> Feedback:
    """Exercise 4: 2nd-degree contacts with 300 contacts of 300 each, overlap 80%."""
    estimate = reach_estimate(**REACH_EXERCISE)
    contacts, theirs, overlap = REACH_EXERCISE.values()
    slips = [
        (lambda x: contacts * theirs, "that is k x k: it forgets the overlap between circles."),
        (lambda x: contacts * (theirs - 1),
         "that forgets the overlap: 80% of their contacts are people you already count."),
        (lambda x: contacts * (theirs - 1) * overlap,
         "that keeps the overlapping 80%; the *new* people are the other 20%."),
        (lambda x: contacts + x, "that adds your 1st degree; the 2nd degree counts only the "
                                 "people two steps away."),
        (lambda x: x / contacts, "that is the new people each contact brings; multiply by your "
                                 f"{contacts} contacts."),
    ]
    return check_estimate(answer, estimate.by_degree[1], name="2nd-degree contacts",
                          rel_tol=0.01, slips=slips)


#: Exercise 5: the answers to "you are three handshakes from anyone on LinkedIn", with reasons.
THREE_HANDSHAKES = {
    "supported": Option(False, "we found no study that measured distances on LinkedIn, and "
                               "the measured averages elsewhere are above three in either "
                               "unit: Facebook's 4.57 links are 3.57 intermediaries. "
                               "\"Anyone\" would need a maximum, and a maximum is larger than "
                               "an average.",
                        ("yes", "true", "proven")),
    "not supported": Option(True, "the closest measurements disagree with it. Facebook's mean "
                                  "distance was 4.57 links, 3.57 intermediaries: above three "
                                  "whichever way you count handshakes, and \"anyone\" asks for "
                                  "a maximum, which is larger than a mean.",
                            ("no", "false", "wrong", "unsupported", "not supported by the "
                             "evidence", "refuted")),
    "not shown": Option(True, "we found no published distance figure for LinkedIn itself; the "
                              "evidence is from Facebook, Twitter, instant messaging, letters "
                              "and e-mail. On Facebook, three is below the average in either "
                              "unit, so the claim would at least need its own measurement.",
                        ("cannot tell", "can't tell", "unknown", "no evidence", "unclear",
                         "not proven", "unproven", "not known", "undecided")),
}


def check_three_handshakes(answer: object) -> Feedback:
    """Exercise 5: judge a recruiter's claim, "you are three handshakes from anyone on LinkedIn".

    >>> check_three_handshakes("not shown").correct and check_three_handshakes("no").correct
    True
    >>> check_three_handshakes("supported").correct
    False
    """
    return check_choice(answer, THREE_HANDSHAKES)
