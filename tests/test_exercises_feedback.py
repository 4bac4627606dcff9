"""The checks beside check_number: rounded estimates, nearest slips, and judgements."""

import math

import numpy as np
import pytest

from socialmath.exercises.feedback import (
    NO_ANSWER,
    Feedback,
    Option,
    check_choice,
    check_estimate,
    check_number,
)

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


# --- what a check says when the answer is not a number --------------------------------------------


@pytest.mark.parametrize(("answer", "message"), [
    ((4, 3), "Python reads 4,3 as two numbers, (4, 3): write 4.3 for a decimal, and 4000 or "
             "4_000 for thousands."),
    ((4, 0), "Python reads 4,0 as two numbers, (4, 0): write 4.0 for a decimal, and 4000 or "
             "4_000 for thousands."),
    ((12, 500), "Python reads 12,500 as two numbers, (12, 500): write 12.500 for a decimal, and "
                "12500 or 12_500 for thousands."),
    ("4", "Expected a number, got '4' (text). Write it without quotes: 4."),
    ("4,3", "Expected a number, got '4,3' (text). Write it without quotes, with a point for "
            "decimals (4.3) and no comma in thousands (4000)."),
    ("many", "Expected a number, got 'many' (text). Replace it with the number itself, without "
             "quotes."),
    ([4], "Expected one number, got a list, [4]. Write the number alone, without brackets."),
    (True, "True is a yes-or-no answer; this question asks for a number. Replace it with the "
           "number itself."),
    (math.nan, "That is nan, 'not a number': a calculation went wrong on the way, such as 0 / 0 "
               "or a value left empty. Compute each step again."),
    (math.inf, "That is inf, infinite: a division by zero on the way? Compute each step again."),
    (10**400, "That number has 401 digits, far too many for any answer here: check the powers "
              "of ten."),
])
@pytest.mark.parametrize("check", [check_number, check_estimate])
def test_an_answer_that_is_not_a_number_gets_a_message_for_what_it_is(check, answer, message):
    feedback = check(answer, 4.3)
    assert (feedback.correct, feedback.message) == (False, message)


def test_a_huge_integer_never_raises_in_any_check():
    """float(10**400) raises OverflowError; a check must not."""
    for check in (check_number, check_estimate):
        assert not check(10**400, 5).correct
        assert not check(-(10**400), 5, slips=SLIPS).correct


def test_exact_numbers_of_other_kinds_are_read():
    from decimal import Decimal
    from fractions import Fraction

    assert check_number(Decimal("4.3"), 4.3).correct
    assert check_number(Fraction(43, 10), 4.3).correct


@pytest.mark.parametrize(("answer", "named"), [
    (30.1, "the 7 days of a week"), (258, "60 (seconds"), (430, "100, a percentage"),
    (0.043, "100, a percentage"), (15_480, "the 3,600 seconds"), (1806, "7 x 60"),
])
def test_check_the_units_when_the_answer_is_off_by_a_unit_factor(answer, named):
    message = check_number(answer, 4.3).message
    assert "check the units of each step" in message and named in message


@pytest.mark.parametrize("answer", [23.8, 0.7, 40, 1e6])
def test_no_word_on_units_when_the_factor_is_none_of_them(answer):
    message = check_number(answer, 4.3).message
    assert "factor of about" in message
    assert "units" not in message and "Go through the steps again" in message
