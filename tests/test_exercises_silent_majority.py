"""Chapter 1 self-checks: right answers pass, usual slips get their hint, nothing raises."""

import math

import pytest

from socialmath.exercises.feedback import NO_ANSWER, Feedback, check_number
from socialmath.exercises.silent_majority import (
    check_capacity_share,
    check_heavy_contributors,
    check_minutes_per_day,
    check_posts_per_week,
)

CHECKS = [check_posts_per_week, check_minutes_per_day, check_heavy_contributors,
          check_capacity_share]


@pytest.mark.parametrize(("check", "answer"), [
    (check_posts_per_week, 900),
    (check_minutes_per_day, 900 * 2 / 60 / 7),
    (check_minutes_per_day, 4.3),
    (check_heavy_contributors, 120),
    (check_capacity_share, 147.8 / 5000),
    (check_capacity_share, 0.03),
])
def test_right_answers_pass(check, answer):
    assert check(answer).correct


@pytest.mark.parametrize(("check", "answer", "hint"), [
    (check_posts_per_week, 90_000, "percentage"),
    (check_posts_per_week, 600, "active contacts"),
    (check_posts_per_week, 5100, "silent share"),
    (check_posts_per_week, 6000, "every contact"),
    (check_minutes_per_day, 30, "whole week"),
    (check_minutes_per_day, 0.5, "hours a week"),
    (check_heavy_contributors, 1200, "everyone who posts"),
    (check_heavy_contributors, 1080, "9%"),
    (check_heavy_contributors, 12, "0.1%"),
    (check_capacity_share, 2.956, "percentage"),
    (check_capacity_share, 5000 / 147.8, "contacts per relationship"),
])
def test_usual_slips_get_a_specific_hint(check, answer, hint):
    feedback = check(answer)
    assert not feedback.correct
    assert hint in feedback.message


def test_far_off_answer_says_by_how_much():
    feedback = check_posts_per_week(9_000_000)
    assert "too high by a factor of about 10,000" in feedback.message


def test_close_but_wrong_answer_says_which_way():
    assert "too low" in check_posts_per_week(700).message


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("answer", [None, "900", [900], float("nan"), math.inf, True, object()])
def test_checks_never_raise(check, answer):
    feedback = check(answer)
    assert isinstance(feedback, Feedback) and not feedback.correct


def test_no_answer_prompts_the_learner():
    assert check_posts_per_week(None).message == NO_ANSWER


def test_feedback_displays_as_coloured_html():
    html = check_posts_per_week(900)._repr_html_()
    assert "#009E73" in html and "Correct" in html
    assert "#D55E00" in check_posts_per_week(1)._repr_html_()


def test_feedback_html_escapes_the_learners_text():
    assert "<script>" not in check_number("<script>", expected=1)._repr_html_()
