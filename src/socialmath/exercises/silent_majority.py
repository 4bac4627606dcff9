"""Self-checks for chapter 1, "The silent majority".

The expected answers come from the model (``socialmath.attention``), never typed in by hand, and
the hints recognise the usual slips.

>>> check_posts_per_week(900)
Feedback(correct=True, message='Correct: 900 posts per week.')
>>> print(check_posts_per_week(90_000))
✘ Not yet: a percentage where a share was expected? 15% of a network is 0.15 of it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from socialmath._validate import require_share
from socialmath.attention import (
    CAPACITY_DUNBAR_1993,
    CAPACITY_GONCALVES_2011,
    DAYS_PER_WEEK,
    LINKEDIN_CONNECTION_CAP,
    capacity_coverage,
    feed_load,
    nielsen_tiers,
)
from socialmath.exercises.feedback import Feedback, Option, check_choice, check_estimate

#: Exercise 1: a network of 4,000 contacts, 85% silent, active contacts post 1.5 times a week.
POSTS_EXERCISE = {"contacts": 4000, "silent_share": 0.85, "posts_per_active": 1.5}
#: Exercise 2: the same feed, glanced at for 2 seconds a post.
SECONDS_PER_POST = 2.0
#: Exercise 3: Nielsen's 90-9-1 on 12,000 contacts.
NIELSEN_CONTACTS = 12_000
#: Exercise 4: a network of 5,000 contacts against Dunbar's 147.8.
CAPACITY_CONTACTS = 5000
#: Exercise 5: the essay's assumptions, which the learner replaces with their own. ``shown_share``
#: is the share of their contacts' posts that the feed shows (1: every post, as in the essay).
ESSAY_FEED = {"contacts": 25_000, "silent_share": 0.8, "posts_per_active": 1.0,
              "seconds_per_post": 2.0, "minutes_per_day": 15.0, "shown_share": 1.0}
#: The published figures an own-feed assumption is held against (see chapter 1).
FEWEST_SILENT = 0.75        # van Mierlo: fewer than 25% of actors posted at all (vanmierlo2014)
GLANCE_SECONDS = 1.7        # Facebook's marketing figure for a mobile feed item (facebookiq2016)
#: Exercise 5: a need within this share of the budget is too close to call, so both verdicts pass.
TOO_CLOSE_TO_CALL = 0.05
#: The chapter's own network, which a learner may reuse by mistake in exercises 1 to 4.
CHAPTER_CONTACTS = ESSAY_FEED["contacts"]


def _exercise_load(**changes):
    return feed_load(**{**POSTS_EXERCISE, **changes}, seconds_per_post=SECONDS_PER_POST)


def _chapter_feed():
    return feed_load(CHAPTER_CONTACTS, ESSAY_FEED["silent_share"],
                     seconds_per_post=SECONDS_PER_POST)


def _chapter_network(size: int) -> str:
    return (f"that is the chapter's {CHAPTER_CONTACTS:,}-contact network; this exercise has "
            f"{size:,} contacts.")


def check_posts_per_week(answer: object) -> Feedback:
    """Exercise 1: posts reaching the feed each week."""
    c, silent, rate = POSTS_EXERCISE.values()
    slips = [
        (lambda x: x * 100, "a percentage where a share was expected? "
                            "15% of a network is 0.15 of it."),
        (lambda x: x / rate, "that is the number of active contacts; each posts "
                             f"{rate:g} times a week."),
        (lambda x: c * silent * rate, "that uses the silent share; the others post."),
        (lambda x: c * rate, "that counts every contact as active; 85% are silent."),
        (lambda x: c * silent, "that is the number of silent contacts; the posts come from the "
                               f"other {1 - silent:.0%}, {rate:g} times a week each."),
        (lambda x: _exercise_load(contacts=CHAPTER_CONTACTS).posts_per_week,
         _chapter_network(c)),
        (lambda x: _chapter_feed().posts_per_week,
         f"that is the chapter's feed, {CHAPTER_CONTACTS:,} contacts at "
         f"{ESSAY_FEED['silent_share']:.0%} silent; this exercise has {c:,} contacts at "
         f"{silent:.0%} silent."),
    ]
    return check_estimate(answer, _exercise_load().posts_per_week, name="posts per week",
                          slips=slips)


def check_minutes_per_day(answer: object) -> Feedback:
    """Exercise 2: minutes a day to glance at the feed of exercise 1 (4.3, or about 4)."""
    load = _exercise_load()
    slips = [
        (lambda x: x * DAYS_PER_WEEK, "that is the time for a whole week; divide by 7 days."),
        (lambda x: x * DAYS_PER_WEEK / 60, "that is hours a week; convert to minutes and to one "
                                           "day."),
        (lambda x: x * DAYS_PER_WEEK * 60, "that is seconds a week; convert to minutes and to "
                                           "one day."),
        (lambda x: x * 60, "that is seconds a day; divide by 60."),
        (lambda x: x / 60, "that is hours a day; multiply by 60."),
        (lambda x: x / POSTS_EXERCISE["posts_per_active"],
         f"that is {load.active_contacts:,.0f} active contacts at one post each; each posts "
         f"{POSTS_EXERCISE['posts_per_active']:g} times a week."),
        (lambda x: _exercise_load(contacts=CHAPTER_CONTACTS).minutes_per_day_needed,
         _chapter_network(POSTS_EXERCISE["contacts"])),
        (lambda x: _chapter_feed().minutes_per_day_needed,
         f"that is the chapter's feed of {_chapter_feed().posts_per_week:,.0f} posts; this "
         "exercise's feed is exercise 1's, "
         f"{load.posts_per_week:,.0f} posts a week."),
    ]
    return check_estimate(answer, load.minutes_per_day_needed, name="minutes a day",
                          rel_tol=0.02, roundings=(0.1, 1), slips=slips)


def check_heavy_contributors(answer: object) -> Feedback:
    """Exercise 3: heavy contributors among ``NIELSEN_CONTACTS`` under 90-9-1."""
    people = nielsen_tiers(NIELSEN_CONTACTS)
    expected = people["heavy contributors"]
    slips = [
        (lambda x: people["posting"], "that is everyone who posts (9% + 1%); "
                                      "heavy contributors are the 1%."),
        (lambda x: people["contributors"], "that is the 9% who contribute a little."),
        (lambda x: x / 10, "that is 0.1%; Nielsen's heavy contributors are 1%."),
        (lambda x: x * 100, "a percentage where a share was expected? 1% is 0.01."),
    ]
    return check_estimate(answer, expected, name="heavy contributors", slips=slips)


def check_capacity_share(answer: object) -> Feedback:
    """Exercise 4: share of a ``CAPACITY_CONTACTS`` network within Dunbar's 147.8."""
    expected = capacity_coverage(CAPACITY_CONTACTS, CAPACITY_DUNBAR_1993).share
    slips = [
        (lambda x: x * 100, "that is a percentage; the question asks for a share (0 to 1)."),
        (lambda x: 1 / x, "that is contacts per relationship slot; divide the capacity by the "
                          "network size instead."),
        (lambda x: 1 - x, "that is the share *beyond* the capacity."),
        (lambda x: CAPACITY_DUNBAR_1993.estimate / CHAPTER_CONTACTS,
         _chapter_network(CAPACITY_CONTACTS)),
        (lambda x: CAPACITY_GONCALVES_2011.high / CAPACITY_CONTACTS,
         f"that uses Gonçalves's maximum of {CAPACITY_GONCALVES_2011.high:g}; the question asks "
         f"for Dunbar's estimate, {CAPACITY_DUNBAR_1993.estimate:g}."),
        (lambda x: CAPACITY_DUNBAR_1993.high / CAPACITY_CONTACTS,
         f"that uses the top of Dunbar's interval, {CAPACITY_DUNBAR_1993.high:g}; the question "
         f"asks for his estimate, {CAPACITY_DUNBAR_1993.estimate:g}."),
        (lambda x: CAPACITY_DUNBAR_1993.low / CAPACITY_CONTACTS,
         f"that uses the bottom of Dunbar's interval, {CAPACITY_DUNBAR_1993.low:g}; the question "
         f"asks for his estimate, {CAPACITY_DUNBAR_1993.estimate:g}."),
    ]
    return check_estimate(answer, expected, name="share of the network", rel_tol=0.02,
                          roundings=(0.01,), slips=slips)


def check_own_feed(mine: object, covers: object) -> Feedback:
    """Exercise 5: your own feed. ``mine`` holds your assumptions (the keys of ``ESSAY_FEED``;
    a key you leave out keeps the essay's value), ``covers`` your verdict: True if your daily
    budget covers your whole feed, False if not.

    Any assumptions you can defend are accepted; the check recomputes the feed from them, says
    whether your verdict follows, and notes where an assumption leaves the published figures.

    >>> mine = {"silent_share": 0.9, "posts_per_active": 0.5, "shown_share": 0.5}
    >>> check_own_feed(mine, True).correct
    True
    >>> print(check_own_feed(mine, False).message[:72])
    Not yet: under your assumptions 625 posts a week reach your feed; glanci
    """
    if mine is None or covers is None or mine is Ellipsis or covers is Ellipsis:
        return Feedback(False, "No answer yet: set your assumptions in `mine` and replace None "
                               "in `covers` with True or False, then run the cell again.")
    if not isinstance(mine, Mapping):
        return Feedback(False, f"`mine` should be a dictionary like {ESSAY_FEED}, got {mine!r}.")
    unknown = sorted(str(key) for key in mine if key not in ESSAY_FEED)
    if unknown:
        return Feedback(False, f"Unknown assumption(s) {', '.join(unknown)}: the keys are "
                               f"{', '.join(ESSAY_FEED)}.")
    if not isinstance(covers, (bool, np.bool_)):
        return Feedback(False, f"`covers` should be True or False, got {covers!r}.")
    values = {**ESSAY_FEED, **mine}
    try:
        shown = require_share("shown_share", values["shown_share"])
        load = feed_load(values["contacts"], values["silent_share"],
                         values["posts_per_active"] * shown, values["seconds_per_post"],
                         values["minutes_per_day"])
    except (TypeError, ValueError) as error:
        return Feedback(False, f"These assumptions cannot be used: {error}.")
    fits = load.share_readable >= 1.0
    account = (f"under your assumptions {load.posts_per_week:,.0f} posts a week reach your feed; "
               f"glancing at them takes {load.minutes_per_day_needed:,.1f} minutes a day, and "
               f"your budget is {load.minutes_per_day:g} minutes, so it covers "
               f"{_covered(load)}.")
    notes = _own_feed_notes(load, shown)
    if _too_close_to_call(load):
        return Feedback(True, f"Defensible: {account} That is within "
                              f"{TOO_CLOSE_TO_CALL:.0%} of your budget, too close to call: a "
                              "little more or less time a post, or a few contacts more or "
                              "fewer, tips it, so "
                              f"True and False can both be defended.{notes}")
    if bool(covers) != fits:
        return Feedback(False, f"Not yet: {account}{notes}")
    verdict = (" For you, the essay's \"too many to read\" does not hold." if fits
               else " For you, the essay's \"too many to read\" holds.")
    return Feedback(True, f"Defensible: {account}{verdict}{notes}")


def _covered(load) -> str:
    """What the budget covers, in words that never say 100% of a feed it does not cover."""
    if load.share_readable >= 1.0:
        return "the whole feed"
    if load.share_readable < 0.95:
        return f"{load.share_readable:.0%} of it"
    short = load.posts_per_week - load.posts_readable_per_week
    gap = "less than one post" if short < 1 else f"{short:,.0f} posts"
    return f"{math.floor(load.share_readable * 1000) / 10:.1f}% of it, {gap} a week short"


def _too_close_to_call(load) -> bool:
    """Whether the time the feed needs is within ``TOO_CLOSE_TO_CALL`` of the budget."""
    if load.minutes_per_day <= 0:
        return False
    return abs(load.minutes_per_day_needed / load.minutes_per_day - 1) <= TOO_CLOSE_TO_CALL


def _own_feed_notes(load, shown: float) -> str:
    """Where the learner's assumptions leave the figures the chapter cites."""
    notes = []
    if load.silent_share < FEWEST_SILENT:
        notes.append(f"your silent share, {load.silent_share:.0%}, is lower than the published "
                     "figures suggest (van Mierlo: fewer than a quarter posted at all)")
    if load.seconds_per_post < GLANCE_SECONDS:
        notes.append(f"{load.seconds_per_post:g} s a post is quicker than a glance on mobile "
                     f"({GLANCE_SECONDS:g} s, a marketing figure)")
    if load.contacts > LINKEDIN_CONNECTION_CAP:
        notes.append(f"LinkedIn caps connections at {LINKEDIN_CONNECTION_CAP:,}")
    if shown == 1.0 and not math.isclose(load.posts_per_week, 0.0):
        notes.append("you assumed the feed shows every post; a ranked feed shows fewer, so try "
                     "a shown_share below 1")
    return (" Note that " + "; ".join(notes) + ".") if notes else ""


#: Exercise 6: the claim to judge.
PEOPLE_OR_CONTENT_CLAIM = "1% of users create 75% of the content, so 75% of users are silent."
_DOES_NOT_FOLLOW = (
    "75% is a share of the content, not of the people, and the premise says nothing about how "
    "the other 25% of the content is spread over the other 99% of users. If there are many posts "
    "per person, all of them may have posted a little; if there are few, most may be silent. In "
    "van Mierlo's forums more than 75% of the actors did not post, but that comes from another "
    "of the study's figures (fewer than 25% posted at all), not from the 74.7%.")
PEOPLE_OR_CONTENT_OPTIONS = {
    "does not follow": Option(True, _DOES_NOT_FOLLOW,
                              aliases=("doesn't follow", "not follow", "no", "false", "wrong",
                                       "invalid")),
    "cannot tell": Option(True, "the premise alone cannot give the silent share, so the \"so\" "
                                "does not follow. " + _DOES_NOT_FOLLOW,
                          aliases=("can't tell", "not shown", "unknown", "depends",
                                   "it depends")),
    "follows": Option(False, "that reads a share of the content as a share of the people. "
                             + _DOES_NOT_FOLLOW,
                      aliases=("it follows", "yes", "true", "right", "valid")),
}


def check_people_or_content(answer: object) -> Feedback:
    """Exercise 6: does "75% of users are silent" follow from "1% create 75% of the content"?

    >>> print(check_people_or_content("follows").message[:60])
    Not yet: that reads a share of the content as a share of the
    >>> check_people_or_content("does not follow").correct
    True
    """
    return check_choice(answer, PEOPLE_OR_CONTENT_OPTIONS)
