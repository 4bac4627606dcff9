"""Chapter 3 self-checks: right answers pass, usual slips get their hint, nothing raises."""

import math

import pytest

from socialmath.exercises.feedback import NO_ANSWER
from socialmath.exercises.separation import (
    check_completion_share,
    check_mean_distance,
    check_second_degree,
    check_steps_estimate,
    check_three_handshakes,
)

CHECKS = [check_mean_distance, check_completion_share, check_steps_estimate,
          check_second_degree, check_three_handshakes]


@pytest.mark.parametrize(("check", "answer"), [
    (check_mean_distance, 6.2),
    (check_completion_share, 64 / 296),
    (check_completion_share, 0.216),
    (check_completion_share, 0.22),
    (check_completion_share, 0.2),                  # "about one chain in five"
    (check_steps_estimate, math.log(1e9) / math.log(200)),
    (check_steps_estimate, 3.91),
    (check_steps_estimate, 3.9),
    (check_steps_estimate, 4),                      # "4 steps"
    (check_second_degree, 300 * 299 * 0.2),
    (check_second_degree, 18_000),
])
def test_right_answers_pass(check, answer):
    assert check(answer).correct


@pytest.mark.parametrize(("check", "answer", "hint"), [
    (check_mean_distance, 4.2, "subtracts one"),
    (check_mean_distance, 5.2, "intermediaries itself"),
    (check_mean_distance, 7.2, "one link too many"),
    (check_mean_distance, 6, "famous number"),
    (check_completion_share, 21.6, "percentage"),
    (check_completion_share, 64 / 217, "217"),
    (check_completion_share, 1 - 64 / 296, "not"),
    (check_completion_share, 0.05, "pilot"),
    (check_steps_estimate, 9 / math.log(200), "bases"),
    (check_steps_estimate, math.log(1e9), "ln N alone"),
    (check_steps_estimate, 5_000_000, "divides N by k"),
    (check_steps_estimate, math.log(1e9) / math.log(200) - 1, "intermediaries"),
    (check_steps_estimate, 6, "famous number"),
    (check_steps_estimate, 3.5, "essay's figure"),
    (check_second_degree, 90_000, "k x k"),
    (check_second_degree, 89_700, "forgets the overlap"),
    (check_second_degree, 71_760, "keeps the overlapping"),
    (check_second_degree, 18_240, "1st degree"),
    (check_second_degree, 59.8, "each contact brings"),
    (check_second_degree, 60, "each contact brings"),
    (check_three_handshakes, "supported", "no study measured distances on LinkedIn"),
])
def test_slips_get_their_hint(check, answer, hint):
    feedback = check(answer)
    assert not feedback.correct
    assert hint in feedback.message


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


@pytest.mark.parametrize("answer", ["not supported", "No", "not shown", "cannot tell"])
def test_every_defensible_verdict_on_three_handshakes_passes_with_its_reason(answer):
    feedback = check_three_handshakes(answer)
    assert feedback.correct
    assert "4.57" in feedback.message or "LinkedIn" in feedback.message
