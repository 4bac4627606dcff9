"""Chapter 3 self-checks: right answers pass, usual slips get their hint, nothing raises."""

import math

import pytest

from socialmath.exercises.feedback import NO_ANSWER
from socialmath.exercises.separation import (
    check_chain_arrives,
    check_distance_range,
    check_second_degree,
    check_steps_estimate,
    check_three_handshakes,
)

CHECKS = [check_distance_range, check_chain_arrives, check_steps_estimate,
          check_second_degree, check_three_handshakes]


@pytest.mark.parametrize(("check", "answer"), [
    (check_distance_range, (5.4, 6.7)),            # 4.4 and 5.7 intermediaries, plus one link
    (check_distance_range, [6.7, 5.4]),            # either order
    (check_chain_arrives, 0.75 ** 6),              # 6 holders: the starter and 5 intermediaries
    (check_chain_arrives, 0.178),
    (check_chain_arrives, 0.18),                   # "to two decimals"
    (check_steps_estimate, math.log(721e6) / math.log(99)),
    (check_steps_estimate, 4.44),
    (check_steps_estimate, 4.4),
    (check_steps_estimate, 4),                      # "4 steps"
    (check_steps_estimate, math.log(721e6) / math.log(100)),  # 99 rounded to 100
    (check_second_degree, 300 * 299 * 0.2),
    (check_second_degree, 18_000),
])
def test_right_answers_pass(check, answer):
    assert check(answer).correct


@pytest.mark.parametrize(("check", "answer", "hint"), [
    (check_distance_range, (4.4, 5.7), "intermediaries themselves"),
    (check_distance_range, (3.4, 4.7), "subtracts one"),
    (check_distance_range, (6.4, 7.7), "one link too many"),
    (check_distance_range, (6, 6), "famous number"),
    (check_distance_range, (5.4, 5.7), "the low end is right; the high end: those are the"),
    (check_distance_range, 5.4, "two numbers"),
    (check_distance_range, "5.4 to 6.7", "two numbers"),
    (check_chain_arrives, 0.75 ** 5, "leaves out one holder"),   # the review's 0.75^(d-1)
    (check_chain_arrives, 0.237, "leaves out one holder"),
    (check_chain_arrives, 0.75 ** 7, "one holder too many"),
    (check_chain_arrives, 1 - 0.75 ** 6, "not"),
    (check_chain_arrives, 0.25 ** 6, "dropping"),
    (check_chain_arrives, 17.8, "percentage"),
    (check_chain_arrives, 0.17, "cuts the digits off"),
    (check_chain_arrives, 0.2, "one decimal"),
    (check_steps_estimate, math.log10(721e6) / math.log(99), "bases"),
    (check_steps_estimate, math.log(721e6), "ln N alone"),
    (check_steps_estimate, 721e6 / 99, "divides N by k"),
    (check_steps_estimate, math.log(721e6) / math.log(99) - 1, "intermediaries"),
    (check_steps_estimate, 4.74, "measured"),
    (check_steps_estimate, 6, "famous number"),
    (check_steps_estimate, 3.5, "essay's figure"),
    (check_steps_estimate, 3, "recruiter"),
    (check_second_degree, 90_000, "k x k"),
    (check_second_degree, 89_700, "forgets the overlap"),
    (check_second_degree, 71_760, "keeps the overlapping"),
    (check_second_degree, 18_240, "1st degree"),
    (check_second_degree, 59.8, "each contact brings"),
    (check_second_degree, 60, "each contact brings"),
    (check_three_handshakes, "supported", "no study that measured distances on LinkedIn"),
])
def test_slips_get_their_hint(check, answer, hint):
    feedback = check(answer)
    assert not feedback.correct
    assert hint in feedback.message


def test_the_expected_values_are_the_published_figures_worked_through():
    assert check_distance_range((4.4 + 1, 5.7 + 1)).message == "Correct: 5.4 to 6.7 links."
    assert "0.178" in check_chain_arrives(0.178).message
    assert "4.44" in check_steps_estimate(4).message


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("answer", [None, "6.2", float("nan"), float("inf"), True, [1], -3, 0,
                                    1e300])
def test_checks_never_raise(check, answer):
    feedback = check(answer)
    assert not feedback.correct
    assert feedback.message
    if answer is None:
        assert feedback.message == NO_ANSWER


def test_a_whole_number_that_is_not_the_nearest_is_not_a_rounding():
    assert not check_steps_estimate(3).correct
    assert not check_steps_estimate(5).correct


@pytest.mark.parametrize("answer", ["not supported", "No", "unsupported", "not shown",
                                    "cannot tell", "unclear", "not proven"])
def test_every_defensible_verdict_on_three_handshakes_passes_with_its_reason(answer):
    feedback = check_three_handshakes(answer)
    assert feedback.correct
    assert "4.57" in feedback.message or "LinkedIn" in feedback.message
