"""The checks beside check_number: rounded estimates, nearest slips, and judgements."""

import math

import numpy as np
import pytest

from socialmath.exercises.feedback import NO_ANSWER, Feedback, Option, check_choice, check_estimate

SLIPS = [(lambda x: 90_000, "k x k"), (lambda x: 89_700, "forgot the overlap"),
         (lambda x: x * 100, "a percentage")]


@pytest.mark.parametrize(("answer", "roundings"), [
    (3.91, ()), (3.9, (0.1,)), (4, (1,)), (4, (0.1, 1)), (4.0, (1,)), (np.float64(4), (1,)),
])
def test_an_answer_rounded_as_the_question_invites_is_right(answer, roundings):
    feedback = check_estimate(answer, 3.9120, name="steps", roundings=roundings)
    assert feedback.correct
    assert feedback.message.startswith("Correct:")


def test_a_rounding_says_the_value_before_rounding():
    assert check_estimate(4, 3.912, name="steps", roundings=(1,)).message == (
        "Correct: 4 steps (3.91 before rounding).")


@pytest.mark.parametrize(("answer", "roundings"), [
    (4, ()),           # not offered: 2% off, beyond the tolerance
    (5, (1,)),         # a whole number, but not the nearest one
    (0, (10,)),        # rounding to zero is never an answer
    (3.85, (0.1,)),    # a multiple of 0.1, but not the nearest one
])
def test_other_roundings_are_not_accepted(answer, roundings):
    assert not check_estimate(answer, 3.912, roundings=roundings).correct


def test_about_a_fifth_is_accepted_for_0_215():
    assert check_estimate(0.2, 0.2154, roundings=(0.01, 0.05)).correct
    assert check_estimate(0.22, 0.2154, roundings=(0.01, 0.05)).correct
    assert not check_estimate(0.25, 0.2154, roundings=(0.01, 0.05)).correct


@pytest.mark.parametrize(("answer", "hint"), [
    (90_000, "k x k"), (89_700, "forgot the overlap"), (89_800, "forgot the overlap"),
    (89_900, "k x k"), (1_794_000, "a percentage"),
])
def test_the_nearest_slip_gives_its_hint_so_every_hint_is_reachable(answer, hint):
    feedback = check_estimate(answer, 17_940, slips=SLIPS)
    assert not feedback.correct
    assert feedback.message == f"Not yet: {hint}"


def test_a_slip_that_fails_is_skipped():
    slips = [(lambda x: 1 / 0, "never"), (lambda x: math.nan, "never"), (lambda x: 50, "fifty")]
    assert check_estimate(50, 10, slips=slips).message == "Not yet: fifty"


def test_otherwise_check_estimate_answers_like_check_number():
    assert check_estimate(None, 5).message == NO_ANSWER
    assert "Expected a number" in check_estimate("4", 5).message
    assert "too high" in check_estimate(6, 5).message
    assert check_estimate(5, 5, name="steps").message == "Correct: 5 steps."


@pytest.mark.parametrize("answer", [None, ..., "x", [4], math.nan, math.inf, True, object(),
                                    -1e300])
def test_check_estimate_never_raises(answer):
    feedback = check_estimate(answer, 3.9, roundings=(1, -1, "a", math.nan), slips=SLIPS)
    assert isinstance(feedback, Feedback) and not feedback.correct


OPTIONS = {"not shown": Option(True, "a chart cannot show it.", ("cannot tell",)),
           "probably not": Option(True, "a fair bet."),
           "power law": Option(False, "a line is not evidence.")}


@pytest.mark.parametrize(("answer", "correct", "message"), [
    ("not shown", True, "Defensible: a chart cannot show it."),
    ("  Cannot-Tell. ", True, "Defensible: a chart cannot show it."),
    ("probably_not", True, "Defensible: a fair bet."),
    ("POWER LAW", False, "Not yet: a line is not evidence."),
    ("'power-law'", False, "Not yet: a line is not evidence."),
])
def test_every_defensible_choice_passes_and_each_gets_its_reason(answer, correct, message):
    feedback = check_choice(answer, OPTIONS)
    assert (feedback.correct, feedback.message) == (correct, message)


@pytest.mark.parametrize("answer", [None, ..., 3, "maybe", ["power law"], True, b"not shown"])
def test_check_choice_never_raises_and_lists_the_options(answer):
    feedback = check_choice(answer, OPTIONS)
    assert not feedback.correct
    if answer is None or answer is Ellipsis:
        assert feedback.message == NO_ANSWER
    else:
        assert "'not shown', 'probably not', 'power law'" in feedback.message
