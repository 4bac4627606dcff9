"""Chapter 2 self-checks: right answers pass, usual slips get their hint, nothing raises."""

import math

import pytest

from socialmath.exercises.feedback import NO_ANSWER, Feedback
from socialmath.exercises.pareto import (
    check_alpha_70_20,
    check_gini_alpha_2,
    check_karate_verdict,
    check_nested_share,
    check_top1_share,
    check_vendor_chart,
)

CHECKS = [check_alpha_70_20, check_top1_share, check_nested_share, check_gini_alpha_2,
          check_karate_verdict, check_vendor_chart]


@pytest.mark.parametrize(("check", "answer"), [
    (check_alpha_70_20, 1.2847),
    (check_alpha_70_20, 1.285),
    (check_top1_share, 0.2154),
    (check_top1_share, 0.01 ** (1 / 3)),
    (check_top1_share, 0.22),        # rounded to two decimals
    (check_top1_share, 0.2),         # "about a fifth", as the solution says
    (check_top1_share, 0.21),        # 0.2154 cut to two decimals
    (check_top1_share, 0.215),
    (check_nested_share, 0.51),
    (check_nested_share, 0.512),
    (check_nested_share, 0.8**3),
    (check_nested_share, 0.5),       # "half of everything", as the solution says
    (check_gini_alpha_2, 1 / 3),
    (check_gini_alpha_2, 0.333),
    (check_gini_alpha_2, 0.33),
])
def test_right_answers_pass(check, answer):
    assert check(answer).correct


@pytest.mark.parametrize(("check", "answer", "hint"), [
    (check_alpha_70_20, 2.2847, "density exponent"),
    (check_alpha_70_20, 0.2216, "solve it for alpha"),
    (check_alpha_70_20, 1.161, "80/20"),
    (check_alpha_70_20, 0.778, "that is 1/alpha"),
    (check_alpha_70_20, 4.51, "1 / (ln 0.7 / ln 0.2)"),
    (check_top1_share, 21.54, "percentage"),
    (check_top1_share, 22, "percentage"),        # the percentage, rounded
    (check_top1_share, 21.5, "percentage"),
    (check_top1_share, 21, "percentage"),
    (check_top1_share, 20, "percentage"),
    (check_nested_share, 51, "percentage"),
    (check_nested_share, 50, "percentage"),
    (check_top1_share, 0.7846, "other 99%"),
    (check_top1_share, 0.585, "top 20%"),
    (check_top1_share, 0.0464, "1 - 1/alpha"),
    (check_nested_share, 51.2, "percentage"),
    (check_nested_share, 0.64, "two levels"),
    (check_nested_share, 0.008, "people"),
    (check_gini_alpha_2, 33.3, "percentage"),
    (check_gini_alpha_2, 0.25, "not 2 alpha"),
    (check_gini_alpha_2, 1.0, "not alpha - 1"),
    (check_gini_alpha_2, 0.4472, "top 20%"),
    (check_karate_verdict, "power law", "never shows a power law"),
    (check_karate_verdict, "not a power law", "came from one seed"),
    (check_vendor_chart, "power law", "cannot show a power law"),
    (check_vendor_chart, "not a power law", "cannot rule a power law out"),
])
def test_slips_get_their_hint(check, answer, hint):
    feedback = check(answer)
    assert not feedback.correct
    assert hint in feedback.message


def test_the_right_alpha_is_shown_to_the_three_decimals_asked():
    for answer in (1.285, 1.2848, 1.28):
        feedback = check_alpha_70_20(answer)
        assert feedback.correct
        assert "1.285" in feedback.message


def test_a_cut_answer_says_what_it_was_cut_from():
    assert "0.2154 cut to 2 decimals" in check_top1_share(0.21).message
    assert not check_top1_share(0.209).correct      # neither cut nor rounded


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("answer", [None, ..., "abc", [1, 2], math.nan, math.inf, True, -5,
                                    0, 1e300, {"a": 1}])
def test_checks_never_raise(check, answer):
    feedback = check(answer)
    assert isinstance(feedback, Feedback)
    assert not feedback.correct
    assert feedback.message


@pytest.mark.parametrize("check", CHECKS)
def test_no_answer_yet(check):
    assert check(None).message == NO_ANSWER
    assert "No answer yet" in check(None)._repr_html_()


def test_far_off_answers_get_a_direction():
    assert "too high" in check_alpha_70_20(1.5).message
    assert "too low" in check_top1_share(0.1).message


def test_a_quarter_is_not_about_a_fifth():
    assert not check_top1_share(0.25).correct


@pytest.mark.parametrize("answer", ["not shown", "Cannot tell", "probably not", "unlikely",
                                    "undecided", "Inconclusive", "unknown",
                                    "probably not a power law"])
def test_every_defensible_verdict_on_the_vendor_chart_passes_with_its_reason(answer):
    feedback = check_vendor_chart(answer)
    assert feedback.correct
    assert "data" in feedback.message   # each reason says what would settle it


@pytest.mark.parametrize("answer", ["not ruled out, not shown", "Not ruled out, not shown.",
                                    "borderline", "inconclusive", "undecided", "not shown",
                                    "run more bootstraps", "more bootstraps"])
def test_every_defensible_verdict_on_the_karate_club_passes_with_its_reason(answer):
    feedback = check_karate_verdict(answer)
    assert feedback.correct
    assert "not shown" in feedback.message or "not ruled out" in feedback.message


@pytest.mark.parametrize("answer", ["power law", "not a power law", "no"])
def test_a_verdict_the_borderline_p_value_cannot_carry_is_explained(answer):
    feedback = check_karate_verdict(answer)
    assert not feedback.correct
    assert "0.1" in feedback.message
