"""Self-checks for chapter 1, "The silent majority".

The expected answers come from the model (``socialmath.attention``), never typed in by hand, and
the hints recognise the usual slips.

>>> check_posts_per_week(900)
Feedback(correct=True, message='Correct: 900 posts per week.')
>>> print(check_posts_per_week(90_000))
✘ Not yet: a percentage where a share was expected? 15% of a network is 0.15 of it.
"""

from __future__ import annotations

from socialmath.attention import (
    CAPACITY_DUNBAR_1993,
    DAYS_PER_WEEK,
    capacity_coverage,
    feed_load,
    nielsen_tiers,
)
from socialmath.exercises.feedback import Feedback, check_number

#: Exercise 1: a network of 4,000 contacts, 85% silent, active contacts post 1.5 times a week.
POSTS_EXERCISE = {"contacts": 4000, "silent_share": 0.85, "posts_per_active": 1.5}
#: Exercise 2: the same feed, glanced at for 2 seconds a post.
SECONDS_PER_POST = 2.0
#: Exercise 3: Nielsen's 90-9-1 on 12,000 contacts.
NIELSEN_CONTACTS = 12_000
#: Exercise 4: a network of 5,000 contacts against Dunbar's 147.8.
CAPACITY_CONTACTS = 5000


def _exercise_load():
    return feed_load(**POSTS_EXERCISE, seconds_per_post=SECONDS_PER_POST)


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
    ]
    return check_number(answer, _exercise_load().posts_per_week, name="posts per week",
                        slips=slips)


def check_minutes_per_day(answer: object) -> Feedback:
    """Exercise 2: minutes a day to glance at the feed of exercise 1."""
    load = _exercise_load()
    slips = [
        (lambda x: x * DAYS_PER_WEEK, "that is the time for a whole week; divide by 7 days."),
        (lambda x: x * DAYS_PER_WEEK / 60, "that is hours a week; convert to minutes and to one "
                                           "day."),
        (lambda x: x * 60, "that is seconds a day; divide by 60."),
        (lambda x: x / 60, "that is hours a day; multiply by 60."),
    ]
    return check_number(answer, load.minutes_per_day_needed, name="minutes a day",
                        rel_tol=0.02, slips=slips)


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
    return check_number(answer, expected, name="heavy contributors", slips=slips)


def check_capacity_share(answer: object) -> Feedback:
    """Exercise 4: share of a ``CAPACITY_CONTACTS`` network within Dunbar's 147.8."""
    expected = capacity_coverage(CAPACITY_CONTACTS, CAPACITY_DUNBAR_1993).share
    slips = [
        (lambda x: x * 100, "that is a percentage; the question asks for a share (0 to 1)."),
        (lambda x: 1 / x, "that is contacts per relationship slot; divide the capacity by the "
                          "network size instead."),
        (lambda x: 1 - x, "that is the share *beyond* the capacity."),
    ]
    return check_number(answer, expected, name="share of the network", rel_tol=0.02,
                        slips=slips)
