"""The demo check of "Start here": its slips get their hints, and it is not chapter 1's answer."""

import pytest

from socialmath.exercises.feedback import NO_ANSWER
from socialmath.exercises.silent_majority import check_posts_per_week
from socialmath.exercises.start_here import check_demo_posts


def test_the_right_answer_passes():
    assert check_demo_posts(400).correct


@pytest.mark.parametrize(("answer", "hint"), [
    (1600, "silent contacts"), (40_000, "percentage"), (2000, "every contact"),
])
def test_slips_get_their_hint(answer, hint):
    feedback = check_demo_posts(answer)
    assert not feedback.correct and hint in feedback.message


def test_the_demo_does_not_give_away_chapter_1():
    assert not check_posts_per_week(400).correct
    assert not check_posts_per_week(1600).correct


@pytest.mark.parametrize(("answer", "says"), [
    (None, NO_ANSWER), ("400", "without quotes: 400"), ([400], "without brackets"),
    (float("nan"), "not a number"), (True, "yes-or-no"), ((4, 0), "as two numbers"),
    (10**400, "401 digits"), (float("inf"), "infinite"),
])
def test_the_demo_never_raises_and_says_what_is_wrong(answer, says):
    """Start here promises that a check never crashes, whatever you type."""
    feedback = check_demo_posts(answer)
    assert not feedback.correct
    assert says in feedback.message
