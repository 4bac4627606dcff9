"""The self-check of "Start here": one small question, to show how a check answers back.

>>> print(check_demo_posts(1600))
✘ Not yet: that counts the silent contacts; the posts come from the other 20%.
>>> print(check_demo_posts(400))
✔ Correct: 400 posts per week.
"""

from __future__ import annotations

from socialmath.attention import feed_load
from socialmath.exercises.feedback import Feedback, check_estimate

#: The demo: 2,000 contacts, 80% silent, the others posting once a week.
DEMO = {"contacts": 2000, "silent_share": 0.8, "posts_per_active": 1.0}


def check_demo_posts(answer: object) -> Feedback:
    """Posts a week from ``DEMO``'s network."""
    contacts, silent, _ = DEMO.values()
    slips = [
        (lambda x: contacts * silent, "that counts the silent contacts; the posts come from the "
                                      f"other {1 - silent:.0%}."),
        (lambda x: x * 100, "a percentage where a share was expected? 20% of a network is 0.2 "
                            "of it."),
        (lambda x: contacts, "that counts every contact as posting; 80% are silent."),
    ]
    return check_estimate(answer, feed_load(**DEMO).posts_per_week, name="posts per week",
                          slips=slips)
