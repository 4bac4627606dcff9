"""Self-checks for chapter 4, "Social user or mass medium?".

Expected answers come from the models (``socialmath.branding``), never typed in twice, and each
question's likeliest slip has its own hint: a person's mean where a friend's was asked, a
forgotten stage of the funnel, the contact who passed you the post counted as new, hours where
minutes were needed. A slip's hint is given whether the learner rounds its result to two or
three significant figures or not; the questions' answers are accepted to two significant figures
where the question invites rounding.

The judging exercise (:func:`check_your_tipping_point`) takes the learner's own week and their
verdict on the essay's 25,000 contacts, computes their tipping point and grades the verdict
against it; it asks for a reason, rather than refusing, when an input lies outside the chapter's
plausible ranges.

>>> check_friends_mean(34 / 12)
Feedback(correct=True, message="Correct: 2.83 a friend's contacts (mean over friendships).")
>>> "person" in check_friends_mean(2.4).message
True
"""

from __future__ import annotations

import math

import numpy as np

from socialmath.branding.funnel import reach_funnel
from socialmath.branding.tipping import (
    MINUTES_PER_EXCHANGE_RANGE,
    TIPPING_ASSUMPTIONS,
    reciprocation,
)
from socialmath.exercises.feedback import (
    Feedback,
    Option,
    Slip,
    _as_number,
    check_choice,
    check_estimate,
)

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


def _round_significant(value: float, figures: int) -> float:
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, figures - 1 - math.floor(math.log10(abs(value))))


def _with_roundings(slips: list[Slip], figures: tuple[int, ...] = (2, 3)) -> list[Slip]:
    """Each slip, and the same slip rounded to 2 and 3 significant figures: a learner who makes
    the slip and rounds the result gets the slip's hint, not a generic one."""
    rounded = [(lambda x, wrong=wrong, f=f: _round_significant(float(wrong(x)), f), hint)
               for wrong, hint in slips for f in figures]
    return [*slips, *rounded]


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
    return check_estimate(answer, expected, name="a friend's contacts (mean over friendships)",
                          rel_tol=0.01, roundings=(0.1,), slips=_with_roundings(slips))


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
    return check_estimate(answer, expected, name="reactions", rel_tol=0.01,
                          slips=_with_roundings(slips))


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
        (lambda x: 1.0 / (FRIEND_MEAN - PERSON_MEAN),
         "that takes a person's 12 contacts away from the friend's 41; only one of the friend's "
         "contacts already has the post, the one who passed it on: 1 / (41 - 1)."),
        (lambda x: x * 100, "that is a percentage; the question asks for a probability (0 to "
                            "1)."),
    ]
    return check_estimate(answer, expected, name="critical probability", rel_tol=0.01,
                          slips=_with_roundings(slips))


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
        (lambda x: x * e["requests_per_contact"],
         "that is the number of replies your time allows each week, 180 / 4. The question asks "
         "for the network in which 2% of the contacts send you that many: divide it by 0.02."),
    ]
    return check_estimate(answer, expected, name="contacts (tipping size)", rel_tol=0.01,
                          slips=_with_roundings(slips))


#: Exercise 5: the learner's verdict, "past" or "within" (the essay's 25,000 contacts against
#: their own tipping point), and other ways to write each.
VERDICTS = {"past": ("past it", "beyond", "beyond it", "over", "over it", "above", "above it"),
            "within": ("within it", "below", "below it", "under", "under it", "inside")}


def _percent(share: float) -> str:
    """A share as a percentage: up to three significant figures (1%, 0.09%, 9.6%), two below
    0.1% (0.096%)."""
    return f"{share * 100:.3g}%" if share >= 0.001 or share == 0 else f"{share * 100:.2g}%"


def _times(ratio: float) -> str:
    return f"{ratio:,.1f}" if ratio >= 10 else f"{ratio:.2f}"


def _week_problem(hours: object, minutes: object, share: object) -> str | None:
    """What is wrong with the inputs of exercise 5 as numbers, or None."""
    given = {"hours": hours, "minutes": minutes, "share": share}
    missing = [name for name, value in given.items() if value is None or value is Ellipsis]
    if missing:
        return (f"No value yet for {', '.join(missing)}: replace None with numbers for your own "
                "week, then run the cell again.")
    examples = {"hours": "2 (hours a week)", "minutes": "5 (minutes a reply)",
                "share": "0.01 (one contact in a hundred writes each week)"}
    for name, value in given.items():
        if _as_number(value) is None:
            return f"{name} must be a finite number, such as {examples[name]}; got {value!r}."
    if not 0 <= float(hours) <= 7 * 24:
        return f"hours must be between 0 and 168, the hours in a week; got {hours!r}."
    if not float(minutes) > 0:
        return f"minutes must be more than 0: a real reply takes some time; got {minutes!r}."
    shortest, longest = MINUTES_PER_EXCHANGE_RANGE
    if not shortest <= float(minutes) <= longest:
        return (f"minutes must be between {shortest:g} (under a second) and {longest:,} (a whole "
                f"week) for one reply; got {minutes!r}.")
    if not 0 <= float(share) <= 1:
        return (f"share must be between 0 and 1: the share of your contacts who write to you in "
                f"a week. Did you write a percentage? {float(share):g}% is "
                f"{float(share) / 100:g}." if float(share) > 1 else
                f"share must be between 0 and 1, got {share!r}.")
    return None


def _outside_ranges(hours: float, minutes: float, share: float) -> list[str]:
    """A sentence for each input outside the chapter's plausible range, with the likeliest slip
    when the value suggests one."""
    notes = []
    ranges = {"hours": ("hours_per_week", hours, "hours a week"),
              "minutes": ("minutes_per_exchange", minutes, "minutes a reply"),
              "share": ("requests_per_contact", share, "share of contacts writing each week")}
    for name, (key, value, what) in ranges.items():
        a = TIPPING_ASSUMPTIONS[key]
        if a.low <= value <= a.high:
            continue
        shown = _percent(value) if name == "share" else f"{value:g}"
        low, high = ((f"{a.low:.1%}", f"{a.high:.0%}") if name == "share"
                     else (f"{a.low:g}", f"{a.high:g}"))
        note = (f"Your {what}, {shown}, is outside the chapter's plausible range ({low} to "
                f"{high}). That is fine if it describes your week: say in a sentence how you "
                "know (for instance, you counted last month's messages).")
        if name == "hours" and value > 20:
            note += f" Or is it minutes? {value:g} hours a week is {value / 7:.1f} hours a day."
        if name == "minutes" and value < 1:
            note += f" Or is it hours? {value:g} minutes is {value * 60:.0f} seconds."
        if name == "share" and value > 0.2:
            note += (f" Or is it a percentage? {value:g}% of your contacts would be "
                     f"{value / 100:g}.")
        notes.append(note)
    return notes


def check_your_tipping_point(hours: object, minutes: object, share: object,
                             verdict: object) -> Feedback:
    """Exercise 5 (judge): from your own week (``hours`` a week, ``minutes`` a reply, ``share``
    of your contacts writing each week), are the essay's 25,000 contacts ``"past"`` your tipping
    point or ``"within"`` it?

    Any week is accepted: inputs outside the chapter's plausible ranges get a request to say why
    they describe you, not a rejection. The check computes your tipping point and grades your
    verdict against it.

    >>> feedback = check_your_tipping_point(2, 5, 0.01, "past")
    >>> feedback.correct, "2,400" in feedback.message
    (True, True)
    >>> check_your_tipping_point(2, 5, 0.01, "within").correct
    False
    """
    problem = _week_problem(hours, minutes, share)
    if problem:
        return Feedback(False, problem)
    h, m, q = float(hours), float(minutes), float(share)
    point = reciprocation(h, m, requests_per_contact=q)
    tipping = point.tipping_size
    # At the tipping point itself the messages just fill your time: within (rounding aside).
    at_it = math.isclose(tipping, ESSAY_CONTACTS, rel_tol=1e-9)
    truth = "past" if tipping < ESSAY_CONTACTS and not at_it else "within"
    if math.isinf(tipping):
        facts = ("Nobody writes to you, so no network size fills your time: the essay's "
                 f"{ESSAY_CONTACTS:,} contacts are within it.")
    elif tipping == 0:
        facts = ("With no time a week for replies, any message is past your time: the essay's "
                 f"{ESSAY_CONTACTS:,} contacts are past your tipping point, which is 0.")
    elif truth == "past":
        facts = (f"With {h:g} hours a week, {m:g} minutes a reply and {_percent(q)} of your "
                 f"contacts writing each week, your tipping point is {tipping:,.0f} contacts. The "
                 f"essay's {ESSAY_CONTACTS:,} are {_times(ESSAY_CONTACTS / tipping)} times it. "
                 f"Answering all they send would take {point.hours_needed(ESSAY_CONTACTS):,.1f} "
                 f"hours a week, and your {h:g} cover "
                 f"{_percent(point.answered_share(ESSAY_CONTACTS))} of it.")
    else:
        facts = (f"With {h:g} hours a week, {m:g} minutes a reply and {_percent(q)} of your "
                 f"contacts writing each week, your tipping point is {tipping:,.0f} contacts, so "
                 f"the essay's {ESSAY_CONTACTS:,} are within it: their messages would take "
                 f"{point.hours_needed(ESSAY_CONTACTS):,.1f} of your {h:g} hours a week.")
    options = {
        "past": Option(truth == "past", facts, VERDICTS["past"]),
        "within": Option(truth == "within", facts, VERDICTS["within"]),
    }
    if verdict is None or verdict is Ellipsis:
        return Feedback(False, 'No verdict yet: set answer to "past" or "within" and run the '
                               "cell again.")
    judged = check_choice(verdict, options)
    if not judged.message.startswith(("Defensible", "Not yet")):
        return Feedback(False, f'Answer "past" or "within" (the essay\'s {ESSAY_CONTACTS:,} '
                               f"contacts against your tipping point); got {verdict!r}.")
    notes = " ".join(_outside_ranges(h, m, q))
    if judged.correct:
        lead = "Right, and it follows from your own numbers."
        close = ("" if truth == "past" else " The essay's worry does not hold for a week like "
                 "yours; check that your numbers describe a real week, not a hoped-for one.")
        return Feedback(True, " ".join(part for part in (lead, facts + close, notes) if part))
    return Feedback(False, " ".join(part for part in (
        "Not what your own numbers say.", facts, "Compare 25,000 with your tipping point, "
        "hours a week x 60 / (minutes a reply x share writing).", notes) if part))
