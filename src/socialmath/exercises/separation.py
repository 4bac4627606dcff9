"""Self-checks for chapter 3, "Six handshakes, or 3.57?".

Expected answers come from the model (``socialmath.separation``) or from the published figures
(``travers1969``), never typed in twice, and the hints recognise the usual slips: intermediaries
for distances, a percentage for a share, a logarithm in the wrong base, k x k for the 2nd degree,
and the famous "six" where a calculation was asked. Exercise 5 is a judgement: more than one
answer can be defended, and each gets its reason.

>>> check_mean_distance(6.2)
Feedback(correct=True, message='Correct: 6.2 links (mean distance).')
>>> "subtracts one" in check_mean_distance(4.2).message
True
"""

from __future__ import annotations

import math

from socialmath.exercises.feedback import Feedback, Option, check_choice, check_estimate
from socialmath.separation import random_graph_estimate, reach_estimate

#: Exercise 1: Travers and Milgram's mean number of intermediaries (``travers1969``).
TRAVERS_INTERMEDIARIES = 5.2
#: Exercise 2: starters, starters who sent the letter on, and completed chains (``travers1969``).
TRAVERS_STARTERS, TRAVERS_SENT, TRAVERS_COMPLETED = 296, 217, 64
#: Exercise 3: an illustrative network: a billion members with 200 contacts each (an assumption).
STEPS_MEMBERS, STEPS_CONTACTS = 1_000_000_000, 200
#: Exercise 4: 300 contacts, each with 300 contacts, 80% of whom you already count.
REACH_EXERCISE = {"contacts": 300, "their_contacts": 300, "overlap": 0.8}


def check_mean_distance(answer: object) -> Feedback:
    """Exercise 1: the mean distance (links) behind 5.2 intermediaries."""
    expected = TRAVERS_INTERMEDIARIES + 1
    slips = [
        (lambda x: x - 2, "that subtracts one; intermediaries are the people *inside* the "
                          "chain, so the chain has one more link than it has intermediaries."),
        (lambda x: x - 1, "that is the number of intermediaries itself; the question asks "
                          "for the number of links."),
        (lambda x: x + 1, "one link too many: a chain with one intermediary has two links."),
        (lambda x: 6, "6 is the famous number, not this calculation: add one link to the 5.2 "
                      "intermediaries."),
    ]
    return check_estimate(answer, expected, name="links (mean distance)", rel_tol=0.005,
                          slips=slips)


def check_completion_share(answer: object) -> Feedback:
    """Exercise 2: the share (0 to 1) of the 296 starters whose chain reached the target."""
    expected = TRAVERS_COMPLETED / TRAVERS_STARTERS
    slips = [
        (lambda x: x * 100, "that is a percentage; the question asks for a share (0 to 1)."),
        (lambda x: TRAVERS_COMPLETED / TRAVERS_SENT,
         "that divides by the 217 who sent the letter on; the question counts all 296 starters."),
        (lambda x: 1 - x, "that is the share of chains that did *not* arrive."),
        (lambda x: 0.05, "that is the pilot study (3 of 60 letters), not the 1969 experiment."),
    ]
    return check_estimate(answer, expected, name="share of chains completed", rel_tol=0.02,
                          roundings=(0.01, 0.05), slips=slips)


def check_steps_estimate(answer: object) -> Feedback:
    """Exercise 3: ln N / ln k for a billion members with 200 contacts each."""
    expected = random_graph_estimate(STEPS_MEMBERS, STEPS_CONTACTS)
    slips = [
        (lambda x: math.log10(STEPS_MEMBERS) / math.log(STEPS_CONTACTS),
         "the two logarithms have different bases; use the same one (any base) for both."),
        (lambda x: math.log(STEPS_MEMBERS), "that is ln N alone; divide it by ln k."),
        (lambda x: STEPS_MEMBERS / STEPS_CONTACTS,
         "that divides N by k; the steps come from logarithms: k^steps = N."),
        (lambda x: x - 1, "that is one fewer: you may have computed intermediaries; the "
                          "estimate is a number of steps (links)."),
        (lambda x: 6, "6 is the famous number, not this calculation: divide ln N by ln k."),
        (lambda x: 3.5, "3.5 is the essay's figure for social networks, not this calculation: "
                        "divide ln N by ln k."),
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
    "supported": Option(False, "no study measured distances on LinkedIn, and the measured "
                               "averages elsewhere are above three in either unit: Facebook's "
                               "4.57 links are 3.57 intermediaries. \"Anyone\" would need a "
                               "maximum, and a maximum is larger than an average.",
                        ("yes", "true")),
    "not supported": Option(True, "the closest measurements disagree with it. Facebook's mean "
                                  "distance was 4.57 links, 3.57 intermediaries: above three "
                                  "whichever way you count handshakes, and \"anyone\" asks for "
                                  "a maximum, which is larger than a mean.",
                            ("no", "false", "wrong")),
    "not shown": Option(True, "we found no published distance figure for LinkedIn itself; the "
                              "evidence is from Facebook, Twitter, instant messaging, letters "
                              "and e-mail. On Facebook, three is below the average in either "
                              "unit, so the claim would at least need its own measurement.",
                        ("cannot tell", "can't tell", "unknown", "no evidence")),
}


def check_three_handshakes(answer: object) -> Feedback:
    """Exercise 5: judge a recruiter's claim, "you are three handshakes from anyone on LinkedIn".

    >>> check_three_handshakes("not shown").correct and check_three_handshakes("no").correct
    True
    >>> check_three_handshakes("supported").correct
    False
    """
    return check_choice(answer, THREE_HANDSHAKES)
