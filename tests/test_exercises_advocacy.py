"""Chapter 5 self-checks: right answers pass, usual slips get their hint, the judgement accepts
any defensible estimate whose verdict follows from it, and nothing raises."""

import pytest

from socialmath.exercises.advocacy import (
    check_561_verdict,
    check_alpha_3_30,
    check_independent_reach,
    check_marginal_reach,
    check_required_overlap,
    check_union,
)
from socialmath.exercises.feedback import NO_ANSWER

CHECKS = [check_union, check_independent_reach, check_marginal_reach, check_alpha_3_30,
          check_required_overlap]


@pytest.mark.parametrize(("check", "answer"), [
    (check_union, 790),
    (check_independent_reach, 10_000 * (1 - 0.95**20)),
    (check_independent_reach, 6415),
    (check_marginal_reach, 500 * 0.95**9),
    (check_marginal_reach, 315),
    (check_alpha_3_30, 1.52),
    (check_alpha_3_30, 1.523),
    (check_alpha_3_30, 1.5),   # alpha = 1.5229 to two figures
    (check_required_overlap, 0.119),
    (check_required_overlap, 0.12),
    (check_required_overlap, 1 - 6.61 * 2000 / 15000),
])
def test_right_answers_pass(check, answer):
    assert check(answer).correct


@pytest.mark.parametrize(("check", "answer", "hint"), [
    (check_union, 900, "counted twice"),
    (check_union, 780, "Add them back once"),
    (check_union, 770, "added back, not subtracted"),
    (check_union, 1030, "are subtracted"),
    (check_independent_reach, 10_000, "sum of the audiences"),
    (check_independent_reach, 3585, "*missed*"),
    (check_independent_reach, 0.3585, "multiply by the 10,000"),
    (check_independent_reach, 0.6415, "share reached"),
    (check_marginal_reach, 500, "all 500 contacts"),
    (check_marginal_reach, 299.4, "11th"),
    (check_marginal_reach, 4012.6, "first 10 together"),
    (check_marginal_reach, 0.0315, "share of the pool"),
    (check_alpha_3_30, 2.52, "density exponent"),
    (check_alpha_3_30, 0.343, "1 - 1/alpha"),
    (check_alpha_3_30, 1.161, "80/20"),
    (check_alpha_3_30, 1.113, "70%"),
    (check_required_overlap, 11.87, "percentage"),
    (check_required_overlap, 0.881, "distinct people"),
    (check_required_overlap, 0.252, "5.61 times"),
    (check_marginal_reach, 332, "9th"),               # 500 x 0.95^8
    (check_alpha_3_30, 0.66, "1/alpha"),              # 1 / 1.5229 = 0.657
    (check_alpha_3_30, 2.91, "wrong way round"),      # ln 0.03 / ln 0.30 = 2.913
    (check_required_overlap, 1780, "number of repeats"),   # 15,000 - 13,220
])
def test_slips_get_their_hint(check, answer, hint):
    feedback = check(answer)
    assert not feedback.correct
    assert hint in feedback.message


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("answer", [None, "790", float("nan"), float("inf"), True, [1], -3, 0,
                                    1e300])
def test_checks_never_raise(check, answer):
    feedback = check(answer)
    assert not feedback.correct
    assert feedback.message
    if answer is None:
        assert feedback.message == NO_ANSWER


# --- the judgement --------------------------------------------------------------------------------

@pytest.mark.parametrize("answer", [(0.3, False), (0.2, False), (0.6, False), (0.12, False),
                                    (0.05, True), (0.11, True), [0.4, False]])
def test_any_estimate_with_the_verdict_it_implies_passes(answer):
    feedback = check_561_verdict(answer)
    assert feedback.correct, feedback.message
    assert "Consistent" in feedback.message


def test_a_verdict_that_does_not_follow_is_explained():
    wrong = check_561_verdict((0.3, True))
    assert not wrong.correct
    assert "10,500 people, 5.2 times" in wrong.message and "fails" in wrong.message
    wrong = check_561_verdict((0.05, False))
    assert not wrong.correct and "holds" in wrong.message


@pytest.mark.parametrize("estimate", [0.961, 0.97, 0.99])
def test_an_overlap_above_the_largest_possible_is_refused(estimate):
    # 25 colleagues of 600 contacts reach at least 600 people: overlap <= 1 - 600 / 15,000 = 0.96
    feedback = check_561_verdict((estimate, False))
    assert not feedback.correct
    assert "impossible" in feedback.message and "96%" in feedback.message


def test_the_largest_possible_overlap_is_accepted():
    feedback = check_561_verdict((0.96, False))
    assert feedback.correct, feedback.message
    assert "knows 25.0 of the 25 colleagues" in feedback.message


def test_the_feedback_says_what_the_estimate_means():
    # an overlap of 0.3: 10,500 people for 15,000 contacts, each knows 1/0.7 = 1.4 colleagues
    assert "knows 1.4 of the 25" in check_561_verdict((0.3, False)).message
    # a verdict that holds cites the overlap of independent audiences in a pool of 50,000: 13%
    assert "13% in a pool of 50,000" in check_561_verdict((0.05, True)).message


def test_an_overlap_of_zero_is_not_defensible_for_colleagues():
    feedback = check_561_verdict((0.0, True))
    assert not feedback.correct and "single contact" in feedback.message


@pytest.mark.parametrize(("answer", "hint"), [
    (None, NO_ANSWER),
    (0.3, "pair"),
    ((0.3,), "pair"),
    ((0.3, False, 1), "pair"),
    ("0.3, False", "pair"),
    (("0.3", False), "must be a number"),
    ((float("nan"), False), "must be a number"),
    ((True, False), "must be a number"),
    ((30, False), "percentage"),
    ((1.0, False), "between 0 and 1"),
    ((-0.1, False), "between 0 and 1"),
    ((1e9, False), "between 0 and 1"),
    ((0.3, "no"), "True or False"),
    ((0.3, 0), "True or False"),
])
def test_the_judgement_never_raises_and_says_what_is_wrong(answer, hint):
    feedback = check_561_verdict(answer)
    assert not feedback.correct
    assert hint in feedback.message
