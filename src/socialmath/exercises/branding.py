"""Self-checks for chapter 4, "Social user or mass medium?".

Expected answers come from the models (``socialmath.branding``), never typed in twice, and each
question's likeliest slip has its own hint: a person's mean where a friend's was asked, a
forgotten stage of the funnel, the contact who passed you the post counted as new, hours where
minutes were needed.

>>> check_friends_mean(34 / 12)
Feedback(correct=True, message="Correct: 2.83 a friend's contacts (mean over friendships).")
>>> "person" in check_friends_mean(2.4).message
True
"""

from __future__ import annotations

import numpy as np

from socialmath.branding.funnel import reach_funnel
from socialmath.branding.tipping import TIPPING_ASSUMPTIONS, reciprocation, tipping_band
from socialmath.exercises.feedback import NO_ANSWER, Feedback, _as_number, check_number

#: Exercise 1: five colleagues and their numbers of contacts among themselves.
TEAM_DEGREES = (1, 2, 2, 3, 4)
#: Exercise 2: one post's funnel.
FUNNEL_EXERCISE = {"contacts": 8000, "followers": 2000, "share_online": 0.15,
                   "share_shown": 0.2, "reaction_rate": 0.03}
#: Exercise 3: a network where a person has 12 contacts on average and a friend 41.
PERSON_MEAN, FRIEND_MEAN = 12, 41
#: Exercise 4: 3 hours a week, 4 minutes a reply, 2% of contacts writing each week.
TIPPING_EXERCISE = {"hours_per_week": 3.0, "minutes_per_exchange": 4.0,
                    "requests_per_contact": 0.02}
#: Exercise 5: the essay's network.
ESSAY_CONTACTS = 25_000


def check_friends_mean(answer: object) -> Feedback:
    """Exercise 1: a friend's mean number of contacts, over all friendships, in the team."""
    k = np.array(TEAM_DEGREES, dtype=float)
    expected = float((k**2).sum() / k.sum())
    mean, variance = float(k.mean()), float(k.var())
    slips = [
        (lambda x: mean, "that is the mean contacts of a *person*; the question asks about a "
                         "friend, counted once for each friendship: sum of k squared over sum "
                         "of k."),
        (lambda x: variance / mean, "that is the gap, variance / mean; add the mean to it."),
        (lambda x: float((k**2).mean()), "that is the mean of the squares; divide it by the "
                                         "mean number of contacts."),
        (lambda x: mean + float(k.var(ddof=1)) / mean,
         "that uses the sample variance (dividing by n - 1); Feld's identity uses the variance "
         "of the whole group, dividing by n."),
        (lambda x: mean + variance, "that adds the variance itself; Feld's identity adds "
                                    "variance / mean."),
    ]
    return check_number(answer, expected, name="a friend's contacts (mean over friendships)",
                        rel_tol=0.01, slips=slips)


def check_reactions(answer: object) -> Feedback:
    """Exercise 2: expected reactions to one post."""
    expected = reach_funnel(**FUNNEL_EXERCISE).reactions
    e = FUNNEL_EXERCISE
    audience = e["contacts"] + e["followers"]
    slips = [
        (lambda x: reach_funnel(e["contacts"], 0, e["share_online"], e["share_shown"],
                                e["reaction_rate"]).reactions,
         "that leaves out the 2,000 followers: they see your posts too."),
        (lambda x: audience * e["share_online"] * e["reaction_rate"],
         "that skips the feed: only 20% of those online are shown the post."),
        (lambda x: audience * e["share_shown"] * e["reaction_rate"],
         "that assumes everyone is online; only 15% open the feed while the post is fresh."),
        (lambda x: audience * e["share_online"] * e["share_shown"],
         "that is the number of impressions; 3% of them react."),
        (lambda x: x * 100, "that looks like a percentage was used as a number: 3% is 0.03."),
    ]
    return check_number(answer, expected, name="reactions", rel_tol=0.01, slips=slips)


def check_critical_probability(answer: object) -> Feedback:
    """Exercise 3: the pass-on probability at which cascades stop dying out."""
    expected = 1.0 / (FRIEND_MEAN - 1)
    slips = [
        (lambda x: 1.0 / FRIEND_MEAN, "the person who passed you the post is one of your 41 "
                                      "contacts: only 40 are new. Use 1 / (41 - 1)."),
        (lambda x: 1.0 / (PERSON_MEAN - 1), "that uses a *person's* contacts; a post travels "
                                            "along friendships, so it reaches friends, who have "
                                            "41 on average."),
        (lambda x: 1.0 / PERSON_MEAN, "that uses a person's contacts, and forgets the one who "
                                      "passed the post on."),
        (lambda x: x * 100, "that is a percentage; the question asks for a probability (0 to "
                            "1)."),
    ]
    return check_number(answer, expected, name="critical probability", rel_tol=0.01,
                        slips=slips)


def check_tipping_size(answer: object) -> Feedback:
    """Exercise 4: the network size at which incoming requests fill the weekly time."""
    e = TIPPING_EXERCISE
    expected = reciprocation(e["hours_per_week"], e["minutes_per_exchange"],
                             requests_per_contact=e["requests_per_contact"]).tipping_size
    slips = [
        (lambda x: x / 60, "the time is in hours and the replies in minutes: convert 3 hours "
                           "to 180 minutes first."),
        (lambda x: x / 100, "2% is 0.02, not 2."),
        (lambda x: x * 52 / 12, "that is a month's time; the requests are counted per week."),
        (lambda x: x * e["minutes_per_exchange"] ** 2,
         "the minutes per reply divide the time; they do not multiply it."),
    ]
    return check_number(answer, expected, name="contacts (tipping size)", rel_tol=0.01,
                        slips=slips)


def check_your_tipping_point(answer: object) -> Feedback:
    """Exercise 5 (judge): your own tipping size, from assumptions you can defend.

    Any answer within the band that the assumptions' plausible ranges span is accepted; the
    feedback says what it means for the essay's 25,000 contacts.

    >>> feedback = check_your_tipping_point(2400)
    >>> feedback.correct, "answer about 10% of what arrives" in feedback.message
    (True, True)
    """
    if answer is None or answer is Ellipsis:
        return Feedback(False, NO_ANSWER)
    value = _as_number(answer)
    if value is None or value <= 0:
        return Feedback(False, f"Expected a positive number of contacts, got {answer!r}. "
                               "Compute it with branding.reciprocation(...).tipping_size.")
    band = tipping_band()
    ranges = {name: (a.low, a.high) for name, a in TIPPING_ASSUMPTIONS.items()}
    hours, minutes = ranges["hours_per_week"], ranges["minutes_per_exchange"]
    requests = ranges["requests_per_contact"]
    if value < band.tipping_low * 0.99:
        return Feedback(False, (
            f"Not defensible yet: {value:,.0f} is below {band.tipping_low:,.0f}, the smallest "
            f"tipping size the ranges allow ({hours[0]:g} hours a week, {minutes[1]:g} minutes a "
            f"reply, {requests[1]:.0%} of contacts writing each week). Check the units: hours "
            "into minutes, a percentage into a share."))
    if value > band.tipping_high * 1.01:
        return Feedback(False, (
            f"Not defensible yet: {value:,.0f} is above {band.tipping_high:,.0f}, the largest "
            f"tipping size the ranges allow ({hours[1]:g} hours a week, {minutes[0]:g} minutes a "
            f"reply, {requests[0]:.1%} of contacts writing each week). To defend more, you "
            "would need more time, faster replies or fewer messages than the chapter thinks "
            "plausible: say which, and why."))
    answered = min(1.0, value / ESSAY_CONTACTS)
    if value < ESSAY_CONTACTS:
        verdict = (f"the essay's {ESSAY_CONTACTS:,} contacts are past it: you could answer "
                   f"about {answered:.0%} of what arrives, and the rest goes unanswered. The "
                   "essay's worry holds under your assumptions.")
    else:
        verdict = (f"the essay's {ESSAY_CONTACTS:,} contacts are within it: you could answer "
                   "everyone who writes. Your assumptions make the essay's worry too strong; "
                   "check that they describe a real week of yours.")
    return Feedback(True, f"Defensible: with a tipping size of {value:,.0f}, {verdict}")

