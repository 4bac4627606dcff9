"""Chapter 4 self-checks: right answers, the rounding the questions invite, every hint reachable,
and the judging exercise accepting any defensible answer."""

from __future__ import annotations

import pytest

from socialmath.branding import tipping_band
from socialmath.exercises.branding import (
    check_critical_probability,
    check_friends_mean,
    check_reactions,
    check_tipping_size,
    check_your_tipping_point,
)

CHECKS = [check_friends_mean, check_reactions, check_critical_probability, check_tipping_size,
          check_your_tipping_point]


@pytest.mark.parametrize(("check", "answer"), [
    (check_friends_mean, 34 / 12), (check_friends_mean, 2.83),
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
    (check_friends_mean, 3.44, "adds the variance itself"),
    (check_reactions, 7.2, "followers"),
    (check_reactions, 45, "skips the feed"),
    (check_reactions, 60, "everyone is online"),
    (check_reactions, 300, "impressions"),
    (check_reactions, 900, "percentage"),
    (check_critical_probability, 1 / 41, "only 40 are new"),
    (check_critical_probability, 1 / 11, "a *person's* contacts"),
    (check_critical_probability, 1 / 12, "forgets the one who passed"),
    (check_critical_probability, 2.5, "percentage"),
    (check_tipping_size, 37.5, "convert 3 hours"),
    (check_tipping_size, 22.5, "2% is 0.02"),
    (check_tipping_size, 9750, "a month"),
    (check_tipping_size, 36_000, "divide the time"),
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


def test_the_judging_exercise_accepts_anything_in_the_band_and_says_what_it_means():
    band = tipping_band()
    for value in (band.tipping_low, 1000, 2400, 24_999, band.tipping_high):
        assert check_your_tipping_point(value).correct
    assert "are past it" in check_your_tipping_point(2400).message
    assert "about 10% of what arrives" in check_your_tipping_point(2400).message
    assert "are within it" in check_your_tipping_point(50_000).message


def test_the_judging_exercise_explains_what_falls_outside_the_band():
    low = check_your_tipping_point(10)
    assert not low.correct and "Check the units" in low.message
    high = check_your_tipping_point(1_000_000)
    assert not high.correct and "say which, and why" in high.message
    assert "positive number" in check_your_tipping_point(-5).message
