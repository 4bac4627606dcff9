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


@pytest.mark.parametrize("answer", [None, "400", [400], float("nan"), True])
def test_the_demo_never_raises(answer):
    feedback = check_demo_posts(answer)
    assert not feedback.correct
    assert feedback.message == NO_ANSWER or "Expected a number" in feedback.message
