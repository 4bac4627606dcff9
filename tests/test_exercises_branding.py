"""Chapter 4 self-checks: right answers, the rounding the questions invite, every hint reachable,
and the judging exercise accepting any defensible answer."""

from __future__ import annotations

import pytest

from socialmath.branding import TIPPING_ASSUMPTIONS, reciprocation, tipping_band
from socialmath.exercises.branding import (
    check_critical_probability,
    check_friends_mean,
    check_reactions,
    check_tipping_size,
    check_your_tipping_point,
)

CHECKS = [check_friends_mean, check_reactions, check_critical_probability, check_tipping_size]


@pytest.mark.parametrize(("check", "answer"), [
    (check_friends_mean, 34 / 12), (check_friends_mean, 2.83), (check_friends_mean, 2.8),
    (check_reactions, 9), (check_reactions, 9.0),
    (check_critical_probability, 0.025), (check_critical_probability, 1 / 40),
    (check_tipping_size, 2250), (check_tipping_size, 2_250.0),
])
def test_right_answers_and_their_roundings(check, answer):
    assert check(answer).correct, check(answer).message


@pytest.mark.parametrize(("check", "answer", "hint"), [
    (check_friends_mean, 2.4, "mean contacts of a *person*"),
    (check_friends_mean, 0.4333, "that is the gap"),
    (check_friends_mean, 6.8, "mean of the squares"),
    (check_friends_mean, 2.4 + 1.3 / 2.4, "sample variance"),
    (check_friends_mean, 2.9, "sample variance"),                # 2.94 to two figures
    (check_friends_mean, 0.43, "that is the gap"),
    (check_friends_mean, 3.44, "adds the variance itself"),
    (check_reactions, 7.2, "followers"),
    (check_reactions, 45, "skips the feed"),
    (check_reactions, 60, "everyone is online"),
    (check_reactions, 300, "impressions"),
    (check_reactions, 900, "percentage"),
    (check_critical_probability, 1 / 41, "only 40 are new"),
    (check_critical_probability, 0.024, "only 40 are new"),     # 1 / 41 to two figures
    (check_critical_probability, 0.0244, "only 40 are new"),    # ... to three
    (check_critical_probability, 0.0245, "only 40 are new"),    # ... rounded up
    (check_critical_probability, 1 / 29, "takes a person's 12 contacts away"),
    (check_critical_probability, 0.0345, "takes a person's 12 contacts away"),
    (check_critical_probability, 0.034, "takes a person's 12 contacts away"),
    (check_critical_probability, 1 / 11, "a *person's* contacts"),
    (check_critical_probability, 1 / 12, "forgets the one who passed"),
    (check_critical_probability, 2.5, "percentage"),
    (check_tipping_size, 37.5, "convert 3 hours"),
    (check_tipping_size, 22.5, "2% is 0.02"),
    (check_tipping_size, 9750, "a month"),
    (check_tipping_size, 36_000, "divide the time"),
    (check_tipping_size, 45, "divide it by 0.02"),
])
def test_each_likely_slip_gets_its_own_hint(check, answer, hint):
    feedback = check(answer)
    assert not feedback.correct
    assert hint in feedback.message, feedback.message


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("answer", [None, "9", [1, 2], float("nan"), True])
def test_checks_never_raise(check, answer):
    feedback = check(answer)
    assert not feedback.correct
    assert feedback.message


def test_two_significant_figures_are_enough_where_the_question_invites_rounding():
    assert check_friends_mean(2.8).correct        # 2.83
    assert not check_friends_mean(2.7).correct
    assert not check_friends_mean(3).correct      # one figure is not enough


# --- exercise 5: judge the essay with your own week ----------------------------------------------


def test_the_verdict_is_graded_against_the_learners_own_tipping_point():
    central = check_your_tipping_point(2, 5, 0.01, "past")
    assert central.correct
    assert "2,400" in central.message and "10.4 times" in central.message
    assert not check_your_tipping_point(2, 5, 0.01, "within").correct
    # 2 hours, 5 minutes, one contact in 1,250 writing: a tipping point of 30,000, past 25,000.
    assert reciprocation(2, 5, requests_per_contact=0.0008).tipping_size == pytest.approx(30_000)
    assert check_your_tipping_point(2, 5, 0.0008, "within").correct
    assert not check_your_tipping_point(2, 5, 0.0008, "past").correct
    # More time with the central share also crosses 25,000: 21 hours a week.
    assert check_your_tipping_point(21, 5, 0.01, "within").correct


def test_every_corner_of_the_ranges_gets_the_verdict_its_numbers_give():
    ends = {name: (a.low, a.high) for name, a in TIPPING_ASSUMPTIONS.items()}
    for hours in ends["hours_per_week"]:
        for minutes in ends["minutes_per_exchange"]:
            for share in ends["requests_per_contact"]:
                tipping = reciprocation(hours, minutes, requests_per_contact=share).tipping_size
                right = "past" if tipping < 25_000 else "within"
                wrong = "within" if right == "past" else "past"
                assert check_your_tipping_point(hours, minutes, share, right).correct
                assert not check_your_tipping_point(hours, minutes, share, wrong).correct
    band = tipping_band()
    assert band.tipping_low < 25_000 < band.tipping_high  # both verdicts occur over the ranges


def test_inputs_outside_the_ranges_are_accepted_with_a_request_for_a_reason():
    measured = check_your_tipping_point(2, 5, 0.001, "past")  # below the 0.2% floor
    assert measured.correct
    assert "outside the chapter's plausible range" in measured.message
    assert "say in a sentence how you know" in measured.message
    inside = check_your_tipping_point(2, 5, 0.01, "past")
    assert "outside" not in inside.message


@pytest.mark.parametrize(("week", "hint"), [
    ((120, 5, 0.01), "Or is it minutes?"),
    ((2, 0.05, 0.01), "Or is it hours?"),
    ((2, 5, 1), "Or is it a percentage?"),
])
def test_a_likely_unit_slip_is_named_even_when_accepted(week, hint):
    assert hint in check_your_tipping_point(*week, "past").message


def test_nobody_writing_and_no_time_are_the_two_ends():
    assert check_your_tipping_point(2, 5, 0, "within").correct       # never fills your time
    assert not check_your_tipping_point(2, 5, 0, "past").correct
    assert check_your_tipping_point(0, 5, 0.01, "past").correct      # no time at all
    assert check_your_tipping_point(2, 5, 0.01, "Past it").correct   # other ways to write it
    # Exactly at the tipping point the messages just fill the time: within it.
    assert check_your_tipping_point(2, 5, 0.001 * 0.96, "below").correct


@pytest.mark.parametrize(("args", "message"), [
    ((None, 5, 0.01, "past"), "No value yet for hours"),
    ((None, None, None, None), "No value yet for hours, minutes, share"),
    ((2, 5, 0.01, None), "No verdict yet"),
    (("2", 5, 0.01, "past"), "hours must be a finite number"),
    ((float("inf"), 5, 0.01, "past"), "hours must be a finite number"),
    ((float("nan"), 5, 0.01, "past"), "hours must be a finite number"),
    ((True, 5, 0.01, "past"), "hours must be a finite number"),
    ((2, [5], 0.01, "past"), "minutes must be a finite number"),
    ((200, 5, 0.01, "past"), "between 0 and 168"),
    ((-1, 5, 0.01, "past"), "between 0 and 168"),
    ((2, 0, 0.01, "past"), "minutes must be more than 0"),
    ((2, 5e-324, 0.01, "past"), "minutes must be between 0.01 (under a second) and 10,080"),
    ((2, 20_000, 0.01, "past"), "minutes must be between 0.01"),
    ((2, 5, 2, "past"), "Did you write a percentage? 2% is 0.02"),
    ((2, 5, -0.1, "past"), "share must be between 0 and 1"),
    ((2, 5, 0.01, True), 'Answer "past" or "within"'),
    ((2, 5, 0.01, "maybe"), 'Answer "past" or "within"'),
    ((2, 5, 0.01, 3), 'Answer "past" or "within"'),
])
def test_the_judging_check_explains_bad_input_and_never_raises(args, message):
    feedback = check_your_tipping_point(*args)
    assert not feedback.correct
    assert message in feedback.message, feedback.message
