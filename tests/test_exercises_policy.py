"""Chapter 6 self-checks: right answers pass, usual slips get their hint, judging checks accept
any choice and explain it, and nothing raises."""

import pytest

from socialmath.exercises.feedback import NO_ANSWER
from socialmath.exercises.policy import (
    check_accepted,
    check_claim_status,
    check_flip,
    check_mutual_connections,
    check_noise_share,
    check_third_policy,
    check_weights_for,
    check_winner,
)
from socialmath.policy import compare_policies, standard_policies

EQUAL = {"readable": 1, "reciprocated": 1, "reach": 1, "weak_ties": 1, "signal": 1}


@pytest.mark.parametrize(("check", "answer"), [
    (check_accepted, 164),
    (check_noise_share, 1 - 165 / 450),
    (check_noise_share, 0.63),
    (check_mutual_connections, 799 * 0.005 + 1200 * 0.0005),
    (check_mutual_connections, 4.6),
    (check_claim_status, "V2"),
    (check_claim_status, " u "),
])
def test_right_answers_pass(check, answer):
    assert check(answer).correct


@pytest.mark.parametrize(("check", "answer", "hint"), [
    (check_accepted, 160, "miss"),
    (check_accepted, 200, "accepting everyone"),
    (check_accepted, 36, "decline"),
    (check_accepted, 196, "spot"),
    (check_accepted, 4, "only the fake profiles you miss"),
    (check_noise_share, 63.3, "percentage"),
    (check_noise_share, 0.45, "fake profiles' posts"),
    (check_noise_share, 1 - 120 / 450, "every out-of-field post"),
    (check_noise_share, 165 / 450, "signal"),
    (check_mutual_connections, 4.0, "only your in-field"),
    (check_mutual_connections, 10.0, "in-field chance"),
    (check_mutual_connections, 1.0, "across-field chance"),
    (check_mutual_connections, 0.6, "only your out-of-field"),
    (check_claim_status, "V", "did not test a chain"),
    (check_claim_status, "V3", "one of the statuses"),
])
def test_slips_get_their_hint(check, answer, hint):
    feedback = check(answer)
    assert not feedback.correct
    assert hint in feedback.message


@pytest.mark.parametrize("check", [check_accepted, check_noise_share, check_mutual_connections,
                                   check_claim_status])
@pytest.mark.parametrize("answer", [None, "164", float("nan"), float("inf"), True, -3, 0, 1e300,
                                    [1, "x"], {True}])
def test_plain_checks_never_raise(check, answer):
    feedback = check(answer)
    assert not feedback.correct
    assert feedback.message
    if answer is None:
        assert feedback.message == NO_ANSWER


@pytest.fixture(scope="module")
def chapter():
    return compare_policies(months=60, seed=0)


@pytest.mark.parametrize("weights", [EQUAL, {"reciprocated": 1}, {"signal": 2, "reach": 1},
                                     {"weak_ties": 1, "readable": 3}])
def test_winner_accepts_any_weights_and_judges_the_prediction(chapter, weights):
    winner = chapter.decide(weights).winner
    right = check_winner(weights, winner)
    assert right.correct and winner in right.message
    wrong = next(name for name in chapter.names if chapter.decide(weights).totals[winner]
                 - chapter.decide(weights).totals[name] > 0.005)
    feedback = check_winner(weights, wrong)
    assert not feedback.correct and winner in feedback.message and "scores" in feedback.message


def test_winner_accepts_either_of_a_tie():
    # On readability alone, every policy whose feed fits the budget scores 1: any of them is right.
    weights = {"readable": 1}
    decision = compare_policies(months=60, seed=0).decide(weights)
    tied = [n for n in decision.ranking if decision.totals[decision.winner] - decision.totals[n]
            < 0.005]
    assert len(tied) > 1
    for name in tied:
        assert check_winner(weights, name).correct


def test_weights_for_a_target(chapter):
    assert check_weights_for("curate by field", {"signal": 1}).correct
    assert check_weights_for("cap at 1,000", {"reciprocated": 5, "signal": 1}).correct
    feedback = check_weights_for("cap at 1,000", {"reach": 1})
    assert not feedback.correct and "answered contacts" in feedback.message
    hopeless = check_weights_for("accept everyone", {"signal": 1})
    assert not hopeless.correct


def test_weights_for_explains_ties_and_dominated_policies():
    # Genuine only does at least as well as accepting everyone on every criterion after five
    # years: no weights make accepting everyone win, and the hint must not suggest otherwise.
    for weights in ({"reach": 1, "weak_ties": 1}, {"readable": 1}, EQUAL):
        feedback = check_weights_for("accept everyone", weights)
        assert not feedback.correct
        assert "genuine only does at least as well as accept everyone" in feedback.message
    # On readability alone three policies tie at 100%: a tie is not a win, and the cap is named.
    tie = check_weights_for("curate by field", {"readable": 1})
    assert not tie.correct
    assert "a tie is not a win" in tie.message and "cap at 1,000" in tie.message


def test_flip_uses_the_same_tie_rule_as_the_explorer(chapter):
    # 300 requests a month: genuine only drops to third behind a near tie of the cap and
    # accepting everyone. The winner changes whichever of the two you call the winner.
    after = compare_policies(months=60, seed=0,
                             assumptions=chapter.assumptions.replace(requests_per_month=300))
    decision = after.decide(EQUAL)
    assert len(decision.tied) == 2 and "genuine only" not in decision.tied
    assert check_flip("requests_per_month", 300, EQUAL, True).correct
    assert not check_flip("requests_per_month", 300, EQUAL, False).correct
    # On readability alone the same three policies tie before and after: either answer stands.
    for answer in (True, False):
        feedback = check_flip("genuine_share", 0.8, {"readable": 1}, answer)
        assert feedback.correct and "Either answer" in feedback.message


def test_flip(chapter):
    # Keeping an assumption at its value changes nothing; for a real change, the check must agree
    # with the model whichever way it goes.
    no_change = check_flip("genuine_share", 0.8, EQUAL, False)
    assert no_change.correct and "stays" in no_change.message
    result = compare_policies(months=60, seed=0,
                              assumptions=chapter.assumptions.replace(hours_per_week=30))
    flips = result.decide(EQUAL).winner != chapter.decide(EQUAL).winner
    feedback = check_flip("hours_per_week", 30, EQUAL, flips)
    assert feedback.correct
    assert not check_flip("hours_per_week", 30, EQUAL, not flips).correct


@pytest.mark.parametrize(("args", "hint"), [
    ((None, 0.5, EQUAL, True), "Name one of the assumptions"),
    (("trust", 0.5, EQUAL, True), "Name one of the assumptions"),
    (("genuine_share", 1.5, EQUAL, True), "cannot be used"),
    (("genuine_share", "half", EQUAL, True), "cannot be used"),
    (("genuine_share", 0.5, EQUAL, "yes"), "True"),
    (("genuine_share", 0.5, None, True), "my_weights is still None"),
    (("genuine_share", 0.5, EQUAL, None), "replace None"),
    (("genuine_share", 0.5, {"signal": 0}, True), "above 0"),
    (("genuine_share", 0.5, {"noise": 1}, True), "Unknown criteria"),
    (("genuine_share", 0.5, {"signal": -1}, True), "number >= 0"),
    (("genuine_share", 0.5, [1, 2], True), "dictionary"),
])
def test_flip_never_raises(args, hint):
    feedback = check_flip(*args)
    assert not feedback.correct and hint in feedback.message


@pytest.mark.parametrize(("weights", "answer", "hint"), [
    (EQUAL, None, "replace None"),
    (EQUAL, "accept nobody", "Name one of the policies"),
    (EQUAL, 3, "Name one of the policies"),
    ({"signal": float("nan")}, "genuine only", "number >= 0"),
    ({"signal": True}, "genuine only", "number >= 0"),
    ("equal", "genuine only", "dictionary"),
])
def test_winner_never_raises(weights, answer, hint):
    feedback = check_winner(weights, answer)
    assert not feedback.correct and hint in feedback.message
    assert not check_weights_for(answer, weights).correct


def test_a_third_policy_can_reorder_two_others_on_the_relative_scale(chapter):
    mixed = {"reciprocated": 1, "weak_ties": 2, "signal": 3}
    # Moving only the cap from 1,000 to 5,000 reverses genuine only and curate by field.
    for cap in (5000,):
        before = chapter.decide(mixed).totals
        after = compare_policies(standard_policies(cap), months=60, seed=0).decide(mixed).totals
        assert before["genuine only"] > before["curate by field"]
        assert after["genuine only"] < after["curate by field"]
        right = check_third_policy(cap, mixed, True)
        assert right.correct and "answered contacts" in right.message
        assert not check_third_policy(cap, mixed, False).correct
    # Weights on criteria whose best value the cap does not set cannot reorder them.
    steady = check_third_policy(30_000, {"reach": 1, "signal": 1}, False)
    assert steady.correct and "No best value you weigh moved" in steady.message


@pytest.mark.parametrize(("args", "hint"), [
    ((None, EQUAL, True), "replace None"),
    ((5000, EQUAL, None), "replace None"),
    ((0, EQUAL, True), "from 1 to 30,000"),
    ((2.5, EQUAL, True), "whole number"),
    ((True, EQUAL, True), "whole number"),
    (("big", EQUAL, True), "whole number"),
    ((5000, EQUAL, "yes"), "True"),
    ((5000, None, True), "replace None"),
    ((5000, {"noise": 1}, True), "Unknown criteria"),
])
def test_third_policy_never_raises(args, hint):
    feedback = check_third_policy(*args)
    assert not feedback.correct and hint in feedback.message
