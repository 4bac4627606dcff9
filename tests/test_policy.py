"""Connection policies: reproducible, conserved month by month, ordered by construction, measured
with the course's earlier models, and refusing bad input."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialmath.attention import feed_load
from socialmath.policy import (
    CRITERIA,
    PLATFORM_CAP,
    Assumptions,
    Policy,
    accept_everyone,
    accept_genuine,
    cap_at,
    compare_policies,
    curate_by_field,
    decide,
    expected_acceptance,
    network_measures,
    reciprocation_capacity,
    request_rate,
    simulate_policy,
    standard_policies,
    tie_strength_shares,
    winner_by_assumption,
)
from socialmath.policy.simulation import MAX_REQUESTS
from socialmath.separation import reach_estimate

EQUAL = {name: 1 for name in CRITERIA}
RUN_ARRAYS = ("received", "accepted", "declined", "in_field", "out_of_field", "spam")


@pytest.fixture(scope="module")
def chapter():
    """The chapter's run: the four policies, five years, seed 0."""
    return compare_policies(months=60, seed=0)


# --- reproducibility ------------------------------------------------------------------------------


def test_identical_seeds_give_identical_runs():
    first = compare_policies(months=36, seed=7)
    second = compare_policies(months=36, seed=7)
    for a, b in zip(first.runs, second.runs, strict=True):
        for name in RUN_ARRAYS:
            np.testing.assert_array_equal(getattr(a, name), getattr(b, name))
        pd.testing.assert_frame_equal(a.table(), b.table())


def test_a_generator_seed_is_used_and_different_seeds_differ():
    by_int = compare_policies(months=24, seed=3)
    by_generator = compare_policies(months=24, seed=np.random.default_rng(3))
    np.testing.assert_array_equal(by_int.runs[0].received, by_generator.runs[0].received)
    other = compare_policies(months=24, seed=4)
    assert not np.array_equal(by_int.runs[0].received, other.runs[0].received)


@pytest.mark.parametrize("policy", standard_policies(), ids=lambda p: p.name)
def test_a_policy_run_does_not_depend_on_the_others_simulated_beside_it(chapter, policy):
    alone = simulate_policy(policy, months=60, seed=0)
    together = chapter.run(policy.name)
    for name in RUN_ARRAYS:
        np.testing.assert_array_equal(getattr(alone, name), getattr(together, name))


# --- conservation ---------------------------------------------------------------------------------


def assert_conserved(run, assumptions: Assumptions):
    contacts = run.contacts
    start_in = round(assumptions.start_contacts * assumptions.start_in_field_share)
    assert (run.in_field[0], run.out_of_field[0], run.spam[0]) == (
        start_in, assumptions.start_contacts - start_in, 0)
    # every accepted request is a contact, month by month
    np.testing.assert_array_equal(contacts[1:] - contacts[:-1], run.accepted)
    np.testing.assert_array_equal(run.received, run.accepted + run.declined)
    for kind in ("in_field", "out_of_field", "spam"):
        assert np.all(np.diff(getattr(run, kind)) >= 0), f"{kind} lost contacts"
    assert np.all(run.declined >= 0) and np.all(run.accepted >= 0)
    assert contacts.max() <= run.policy.limit or contacts.max() == contacts[0]
    table = run.table()
    np.testing.assert_array_equal(table["contacts"].to_numpy(), contacts)
    assert (table["in_field"] + table["out_of_field"] + table["spam"] == table["contacts"]).all()
    assert table["accepted"].iloc[1:].sum() == contacts[-1] - contacts[0]


def test_totals_are_conserved_month_by_month(chapter):
    for run in chapter.runs:
        assert_conserved(run, chapter.assumptions)


assumption_sets = st.builds(
    Assumptions,
    start_contacts=st.integers(0, 3000),
    start_in_field_share=st.floats(0, 1),
    requests_per_month=st.floats(0, 300),
    extra_requests_per_contact=st.floats(0, 0.1),
    genuine_share=st.floats(0, 1),
    in_field_share=st.floats(0, 1),
    spam_detection=st.floats(0, 1),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(assumptions=assumption_sets, seed=st.integers(0, 2**32 - 1),
       cap=st.integers(1, PLATFORM_CAP), months=st.integers(1, 48))
def test_conservation_and_orderings_hold_for_any_assumptions(assumptions, seed, cap, months):
    comparison = compare_policies(standard_policies(cap), months, assumptions, seed)
    everyone, genuine, field, capped = comparison.runs
    for run in comparison.runs:
        assert_conserved(run, assumptions)
    # accepting everyone gives the most contacts, every month
    for run in comparison.runs[1:]:
        assert np.all(everyone.contacts >= run.contacts)
    # "genuine only" accepts a superset of what the two stricter policies accept
    assert np.all(genuine.contacts >= field.contacts)
    assert np.all(genuine.contacts >= capped.contacts)
    # a cap never grows past its size (a network that starts above it just stops growing)
    assert np.all(capped.contacts <= max(cap, assumptions.start_contacts))
    # curating by field never adds an out-of-field genuine contact; accepting everyone declines
    # nothing until LinkedIn's cap
    assert np.all(field.out_of_field == field.out_of_field[0])
    below_cap = everyone.contacts[:-1] < PLATFORM_CAP
    assert np.all(everyone.declined[below_cap & (everyone.contacts[1:] < PLATFORM_CAP)] == 0)
    # fake profiles are accepted only by mistake or by accepting everyone
    assert np.all(everyone.spam >= genuine.spam)


def test_platform_cap_stops_every_policy():
    fast = Assumptions(start_contacts=29_900, requests_per_month=500)
    comparison = compare_policies([accept_everyone(), accept_genuine()], 6, fast, seed=1)
    for run in comparison.runs:
        assert run.contacts[-1] == PLATFORM_CAP
        assert run.declined[-1] == run.received[-1]


# --- the request model ----------------------------------------------------------------------------


def test_accepted_share_matches_the_expected_acceptance():
    steady = Assumptions(start_contacts=0, requests_per_month=2000, extra_requests_per_contact=0.0)
    for policy in (accept_everyone(), accept_genuine(), curate_by_field()):
        # about 24,000 requests, below LinkedIn's cap: the standard error of a share is below
        # 0.0033, so 0.015 is more than four standard errors
        run = simulate_policy(policy, months=12, assumptions=steady, seed=11)
        assert run.contacts[-1] < PLATFORM_CAP
        share = run.accepted.sum() / run.received.sum()
        assert share == pytest.approx(expected_acceptance(policy, steady), abs=0.015)


def test_a_thinned_stream_arrives_at_its_own_rate():
    # Stuck at its cap, the network keeps one size, so its rate stays 50 + 0.05 x 1,000 = 100 a
    # month while the pool is drawn at 50 + 0.05 x 30,000 = 1,550.
    stuck = Assumptions(start_contacts=1000, requests_per_month=50, extra_requests_per_contact=0.05)
    run = simulate_policy(cap_at(1000), months=400, assumptions=stuck, seed=5)
    assert run.accepted.sum() == 0
    # Poisson(100) over 400 months: the mean's standard error is 0.5
    assert run.received.mean() == pytest.approx(request_rate(1000, stuck), abs=2.5)
    assert run.received.var() == pytest.approx(100, rel=0.2)


def test_request_rate_and_capacity_formulas():
    a = Assumptions(requests_per_month=40, extra_requests_per_contact=0.02, hours_per_week=1,
                    minutes_per_exchange=10, exchanges_per_month=2)
    assert request_rate(500, a) == 50.0
    assert reciprocation_capacity(a) == pytest.approx(60 * 52 / 12 / 20)
    assert expected_acceptance(curate_by_field(), Assumptions(
        genuine_share=0.5, spam_detection=0.5, in_field_share=0.4)) == pytest.approx(0.3)
    assert expected_acceptance(cap_at(10)) == expected_acceptance(accept_genuine())


def test_reciprocation_is_chapter_fours():
    from socialmath.branding import reciprocation

    a = Assumptions(hours_per_week=3, minutes_per_exchange=4, exchanges_per_month=2)
    chapter_four = reciprocation(hours_per_week=3, minutes_per_exchange=4, exchanges_per_month=2)
    assert reciprocation_capacity(a) == chapter_four.capacity
    counts = np.array([10, 100, 1000, 20_000])
    np.testing.assert_allclose(network_measures(counts // 2, counts - counts // 2, 0, a)
                               .share_reciprocated, chapter_four.reciprocated_share(counts))


def test_policies_accept_what_their_rule_says():
    genuine = np.array([True, True, False, False])
    in_field = np.array([True, False, True, False])
    detected = np.array([False, False, True, False])
    assert accept_everyone().accepts(genuine, in_field, detected).tolist() == [True] * 4
    assert accept_genuine().accepts(genuine, in_field, detected).tolist() == [
        True, True, False, True]
    assert curate_by_field().accepts(genuine, in_field, detected).tolist() == [
        True, False, False, False]
    assert cap_at(5).accepts(genuine, in_field, detected).tolist() == [True, True, False, True]
    assert cap_at(30_000).limit == PLATFORM_CAP and accept_everyone().limit == PLATFORM_CAP


# --- measures -------------------------------------------------------------------------------------


def test_feed_measures_are_chapter_one_when_there_is_no_spam():
    a = Assumptions()
    for genuine in (10, 2500, 25_000):
        m = network_measures(genuine // 2, genuine - genuine // 2, 0, a)
        load = feed_load(genuine, a.silent_share, a.posts_per_active, a.seconds_per_post,
                         a.minutes_per_day)
        assert m.posts_per_week[0] == pytest.approx(load.posts_per_week)
        assert m.minutes_per_day[0] == pytest.approx(load.minutes_per_day_needed)
        assert m.share_readable[0] == pytest.approx(load.share_readable)


def test_noise_share_by_hand():
    # 600 + 900 genuine contacts post 0.2 a week each: 300 posts; 300 fakes post 0.5: 150.
    # Relevant: 600 x 0.2 + 900 x 0.2 x 0.25 = 165 of 450.
    m = network_measures(600, 900, 300)
    assert m.posts_per_week[0] == pytest.approx(450)
    assert m.noise_share[0] == pytest.approx(1 - 165 / 450)
    assert network_measures(100, 0, 0).noise_share[0] == pytest.approx(0.0)
    assert network_measures(0, 0, 50).noise_share[0] == pytest.approx(1.0)
    empty = network_measures(0, 0, 0)
    assert empty.noise_share[0] == 0 and empty.share_readable[0] == 1


def test_reach_uses_the_weighted_overlap():
    a = Assumptions()
    m = network_measures(3000, 1000, 200, a)
    overlap = (3000 * 0.6 + 1000 * 0.3) / 4000
    expected = reach_estimate(4000, a.their_contacts, overlap, a.population)
    assert m.overlap[0] == pytest.approx(0.525)
    assert m.second_degree[0] == pytest.approx(expected.by_degree[1])
    assert m.share_within_three[0] == pytest.approx(expected.share_within_three)
    # fake contacts add no reach
    assert network_measures(3000, 1000, 0, a).second_degree[0] == m.second_degree[0]


def test_reciprocated_share():
    capacity = reciprocation_capacity()
    m = network_measures([50, 1040], [50, 1040], [0, 5000])
    assert m.share_reciprocated[0] == 1.0
    assert m.share_reciprocated[1] == pytest.approx(capacity / 7080)  # fake contacts count


def test_tie_strength_shares_are_poisson():
    weakest, moderate, strong = tie_strength_shares(np.array([0.0, 5.0, 30.0]), 2, 10)
    np.testing.assert_allclose(weakest + moderate + strong, 1.0)
    assert weakest[0] == 1.0
    assert weakest[1] == pytest.approx(math.exp(-5) * (1 + 5))
    assert strong[2] > 0.99
    _, band, _ = tie_strength_shares(4.0, 0, 0)
    assert band == pytest.approx(math.exp(-4))


def test_moderately_weak_ties_match_a_brute_force_ego_network():
    """Draw the links among your contacts (in-field pairs with q_in, other pairs with q_across),
    count each contact's mutual connections exactly, and compare the band counts with the model's
    Poisson expectation."""
    a = Assumptions(mutual_in_field=0.02, mutual_across=0.002, weak_low=2, weak_high=6)
    inside, outside = 300, 500
    n = inside + outside
    expected = network_measures(inside, outside, 0, a)
    rng = np.random.default_rng(0)
    in_field = np.arange(n) < inside
    chance = np.where(in_field[:, None] & in_field[None, :], a.mutual_in_field, a.mutual_across)
    counts = []
    for _ in range(20):
        upper = np.triu(rng.random((n, n)) < chance, k=1)
        mutual = (upper | upper.T).sum(axis=1)
        band = (mutual >= a.weak_low) & (mutual <= a.weak_high)
        counts.append((band.sum(), (mutual < a.weak_low).sum()))
    moderate, weakest = np.mean(counts, axis=0)
    # Binomial against its Poisson approximation, averaged over 20 graphs: within 3%
    assert moderate == pytest.approx(expected.moderately_weak[0], rel=0.03)
    assert weakest == pytest.approx(expected.weakest[0], rel=0.05)


def test_the_closing_tables_chapter_six_statements_hold(chapter):
    summary = chapter.summary()
    # claim 3: nobody can answer more than about a tenth of their contacts after five years
    assert summary["share_reciprocated"].max() < 0.11
    # claim 4: accepting every genuine profile brings the most moderately weak ties, and fake
    # profiles add no reach
    assert summary.loc["genuine only", "moderately_weak"] == summary["moderately_weak"].max()
    assert summary.loc["accept everyone", "share_within_three"] == pytest.approx(
        summary.loc["genuine only", "share_within_three"])


# --- deciding -------------------------------------------------------------------------------------


def test_scores_are_relative_to_the_best_and_totals_are_weighted_means(chapter):
    weights = {"readable": 2, "reciprocated": 1, "reach": 3, "weak_ties": 0, "signal": 4}
    decision = chapter.decide(weights)
    assert sum(decision.weights.values()) == pytest.approx(1.0)
    assert decision.weights["signal"] == pytest.approx(0.4)
    assert ((decision.scores >= 0) & (decision.scores <= 1)).all().all()
    np.testing.assert_allclose(decision.scores.max(axis=0), 1.0)
    expected = sum(decision.scores[name] * w / 10 for name, w in weights.items())
    pd.testing.assert_series_equal(decision.totals, expected, check_names=False)
    assert decision.ranking[0] == decision.winner
    assert decision.margin >= 0
    assert decision.winner in decision.why()


@pytest.mark.parametrize("criterion", list(CRITERIA))
def test_one_criterion_alone_picks_the_policy_best_on_it(chapter, criterion):
    decision = chapter.decide({criterion: 1})
    assert decision.values.loc[decision.winner, criterion] == decision.values[criterion].max()


def test_chapter_decisions(chapter):
    assert chapter.decide(EQUAL).winner == "genuine only"
    assert chapter.decide({"reciprocated": 1}).winner == "cap at 1,000"
    assert chapter.decide({"signal": 1}).winner == "curate by field"


def test_decide_from_a_hand_made_table():
    table = pd.DataFrame({"share_readable": [1.0, 0.5], "share_reciprocated": [0.0, 0.0],
                          "share_within_three": [0.2, 0.4], "moderately_weak": [100, 50],
                          "noise_share": [0.5, 0.75]}, index=["A", "B"])
    decision = decide(table, {"readable": 1, "reciprocated": 1, "signal": 2})
    # scores: readable 1 / 0.5, reciprocated 0 / 0, signal 1 / 0.5
    assert decision.totals.to_dict() == pytest.approx({"A": 0.75, "B": 0.375})
    assert decision.winner == "A" and decision.margin == pytest.approx(0.375)


def test_absolute_scores_are_the_shares_themselves(chapter):
    decision = chapter.decide(EQUAL, scale="absolute")
    summary = chapter.summary()
    np.testing.assert_allclose(decision.scores["reciprocated"], summary["share_reciprocated"])
    np.testing.assert_allclose(decision.scores["signal"], 1 - summary["noise_share"])
    np.testing.assert_allclose(decision.scores["weak_ties"],
                               summary["moderately_weak"] / summary["moderately_weak"].max())
    assert decision.scale == "absolute"
    # on the absolute scale, answering 10% of your contacts instead of 1% gains little
    heavy = {"reciprocated": 3, "signal": 3, "readable": 1, "reach": 1, "weak_ties": 1}
    assert chapter.decide(heavy).winner == "cap at 1,000"
    assert chapter.decide(heavy, scale="absolute").winner == "genuine only"
    with pytest.raises(ValueError, match="scale"):
        chapter.decide(EQUAL, scale="log")


def test_a_tie_is_reported():
    table = pd.DataFrame({"share_readable": [1.0, 1.0], "share_reciprocated": [0.1, 0.1],
                          "share_within_three": [0.2, 0.2], "moderately_weak": [1, 1],
                          "noise_share": [0.5, 0.5]}, index=["A", "B"])
    decision = decide(table, EQUAL)
    assert decision.margin == 0 and decision.why().startswith("A and B tie with 1.00")


def test_winner_by_assumption_finds_a_flip():
    table = winner_by_assumption("genuine_share", [0.2, 1.0], {"readable": 1, "reach": 1},
                                 months=60)
    assert list(table.index) == [0.2, 1.0]
    # with only genuine profiles, accepting everyone is accepting genuine profiles: a tie
    assert table.loc[1.0, "accept everyone"] == pytest.approx(table.loc[1.0, "genuine only"])
    # with mostly fake requests, accepting everyone floods the feed
    assert table.loc[0.2, "accept everyone"] < table.loc[0.2, "genuine only"]


# --- bad input ------------------------------------------------------------------------------------


BAD_ASSUMPTIONS = [
    ("start_contacts", -1, ValueError), ("start_contacts", 30_001, ValueError),
    ("start_contacts", 2.5, TypeError), ("start_in_field_share", 1.5, ValueError),
    ("requests_per_month", -1, ValueError), ("requests_per_month", 1e6, ValueError),
    ("extra_requests_per_contact", 11, ValueError),
    ("extra_requests_per_contact", float("nan"), ValueError),
    ("genuine_share", 80, ValueError), ("in_field_share", -0.1, ValueError),
    ("spam_detection", "high", TypeError), ("silent_share", 2, ValueError),
    ("posts_per_active", -1, ValueError), ("spam_posts_per_week", None, TypeError),
    ("out_of_field_relevance", 1.1, ValueError), ("seconds_per_post", 0, ValueError),
    ("minutes_per_day", 2000, ValueError), ("hours_per_week", -5, ValueError),
    ("minutes_per_exchange", 0, ValueError), ("exchanges_per_month", 0, ValueError),
    # accepted here, they failed later, in the first month simulated: reciprocation's ranges
    ("minutes_per_exchange", 5e-324, ValueError), ("exchanges_per_month", 1e6, ValueError),
    ("their_contacts", 0.5, ValueError), ("overlap_in_field", 1.2, ValueError),
    ("overlap_out_of_field", True, TypeError), ("population", 1000, ValueError),
    ("mutual_in_field", 2, ValueError), ("mutual_across", -1, ValueError),
    ("weak_low", -1, ValueError), ("weak_high", 1, ValueError), ("weak_high", 3.0, TypeError),
]


@pytest.mark.parametrize(("name", "value", "error"), BAD_ASSUMPTIONS)
def test_assumptions_refuse_bad_values_naming_them(name, value, error):
    with pytest.raises(error, match=name):
        Assumptions(**{name: value})
    with pytest.raises(error, match=name):
        Assumptions().replace(**{name: value})


def test_every_assumption_has_a_bad_value_tested():
    assert {name for name, _, _ in BAD_ASSUMPTIONS} == set(Assumptions.names())


def test_unknown_assumption_names_are_refused():
    with pytest.raises(ValueError, match="assumption names"):
        Assumptions().replace(genuine=0.5)


@pytest.mark.parametrize(("kwargs", "error", "match"), [
    ({"months": 0}, ValueError, "months"),
    ({"months": 601}, ValueError, "months"),
    ({"months": 12.0}, TypeError, "months"),
    ({"seed": -1}, ValueError, "seed"),
    ({"seed": "x"}, TypeError, "seed"),
    ({"assumptions": {"genuine_share": 0.5}}, TypeError, "assumptions"),
    ({"policies": []}, ValueError, "policies"),
    ({"policies": accept_everyone()}, TypeError, "policies"),
    ({"policies": ["accept everyone"]}, TypeError, r"policies\[0\] must be a Policy"),
    ({"policies": [cap_at(5), cap_at(5)]}, ValueError, "distinct"),
])
def test_compare_policies_refuses_bad_input(kwargs, error, match):
    with pytest.raises(error, match=match):
        compare_policies(**kwargs)


def test_a_run_too_large_is_refused_with_an_estimate():
    flood = Assumptions(requests_per_month=100_000, extra_requests_per_contact=10)
    with pytest.raises(ValueError, match=r"about [\d,]+ requests .* MB a month") as error:
        compare_policies(months=600, assumptions=flood)
    assert f"{MAX_REQUESTS:,}" in str(error.value)


@pytest.mark.parametrize(("build", "error", "name"), [
    (lambda: Policy("", "everyone"), TypeError, r"name"),
    (lambda: Policy("x", "some"), ValueError, r"rule"),
    (lambda: Policy("x", "cap"), TypeError, r"cap"),
    (lambda: Policy("x", "genuine", cap=10), ValueError, r"cap"),
    (lambda: cap_at(0), ValueError, r"size"),
    (lambda: cap_at(30_001), ValueError, r"size"),
    (lambda: cap_at(1.5), TypeError, r"size"),
    (lambda: standard_policies(0), ValueError, r"cap must be in \[1, 30000\], got 0"),
    (lambda: simulate_policy("genuine only"), TypeError, r"policy must be a Policy"),
    (lambda: expected_acceptance(accept_everyone(), "defaults"), TypeError, r"assumptions"),
    (lambda: request_rate(-1), ValueError, r"genuine_contacts"),
    (lambda: network_measures(-1, 0, 0), ValueError,
     r"in_field must hold whole numbers in \[0, 30,000\]"),
    (lambda: network_measures(1.5, 0, 0), ValueError, r"in_field"),
    (lambda: network_measures(20_000, 20_000, 0), ValueError, r"in_field \+ out_of_field \+ spam"),
    (lambda: network_measures([[1, 2]], 0, 0), ValueError, r"in_field"),
    (lambda: network_measures("10", 0, 0), TypeError, r"in_field"),
    (lambda: network_measures(True, 0, 0), TypeError, r"in_field"),
    (lambda: network_measures([1, 2], [1, 2, 3], 0), ValueError,
     r"in_field, out_of_field and spam must be counts or arrays of one size, got sizes 2, 3 and 1"),
    (lambda: network_measures(1e300, 0, 0), ValueError, r"in_field must hold whole numbers in"),
    (lambda: compare_policies([accept_everyone(), 1.0]), TypeError,
     r"policies\[1\] must be a Policy"),
    (lambda: winner_by_assumption("genuine_share", [0.5, math.nan], {"signal": 1}, months=6),
     ValueError, r"values must hold values of genuine_share: genuine_share must be a share"),
    (lambda: tie_strength_shares(object()), TypeError, r"mutual must be a number >= 0"),
    (lambda: tie_strength_shares(["a"]), TypeError, r"mutual must be a number >= 0"),
    (lambda: accept_genuine().accepts(None, [True], [False]), TypeError,
     r"genuine must be a 1-d array of True/False"),
    (lambda: accept_genuine().accepts([True], [True], [0.5]), TypeError, r"detected must be"),
    (lambda: accept_genuine().accepts([True], [True, False], [False]), ValueError,
     r"one flag per request each, got sizes \{'genuine': 1, 'in_field': 2, 'detected': 1\}"),
    (lambda: decide(compare_policies(months=6).summary(), {"signal": 1}, month=math.nan),
     TypeError, r"month must be an integer"),
    (lambda: decide(compare_policies(months=6).summary(), {"signal": 1}, scale=np.ones(2)),
     ValueError, r"scale must be one of"),
    (lambda: compare_policies(months=6).run(np.ones(2)), TypeError, r"name must be one of"),
    (lambda: tie_strength_shares(-1.0), ValueError, r"mutual"),
    (lambda: tie_strength_shares(1.0, 5, 2), ValueError, r"weak_high"),
])
def test_bad_input_is_refused(build, error, name):
    # each message names the parameter the caller used (standard_policies(0) named cap_at's
    # "size", simulate_policy a list "policies[0]" it never saw, a mismatch numpy's shapes)
    with pytest.raises(error, match=name):
        build()


def test_a_tiny_feed_is_all_readable_without_an_overflow_warning():
    # budget / posts overflowed to inf (with a RuntimeWarning) for posts_per_active=5e-324
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        measures = network_measures([0, 100, 30_000], [0, 0, 0], 0,
                                    Assumptions(posts_per_active=5e-324))
    assert measures.share_readable.tolist() == [1.0, 1.0, 1.0]


@pytest.mark.parametrize(("weights", "error", "match"), [
    ({}, ValueError, "not all be 0"),
    ({"signal": 0}, ValueError, "not all be 0"),
    ({"noise": 1}, ValueError, "criteria among"),
    ({"signal": -1}, ValueError, r"weights\['signal'\] must be in \[0, 1000000\], got -1"),
    ({"signal": "high"}, TypeError, r"weights\['signal'\] must be a real number"),
    ([1, 2, 3], TypeError, "mapping"),
])
def test_bad_weights_are_refused(chapter, weights, error, match):
    with pytest.raises(error, match=match):
        chapter.decide(weights)


def test_other_bad_input_of_the_decision(chapter):
    with pytest.raises(TypeError, match="summary"):
        decide(pd.DataFrame(), EQUAL)
    with pytest.raises(ValueError, match="columns"):
        decide(pd.DataFrame({"contacts": [1]}), EQUAL)
    with pytest.raises(ValueError, match="month"):
        chapter.decide(EQUAL, month=61)
    with pytest.raises(ValueError, match="name must be one of"):
        chapter.run("accept nobody")
    with pytest.raises(ValueError, match="month"):
        chapter.runs[0].at(-1)
    with pytest.raises(ValueError, match="name must be one of"):
        winner_by_assumption("trust", [1], EQUAL)
    with pytest.raises(ValueError, match="1 to 100 values"):
        winner_by_assumption("genuine_share", [], EQUAL)
    with pytest.raises(TypeError, match="values"):
        winner_by_assumption("genuine_share", "0.5", EQUAL)
    with pytest.raises(ValueError, match="genuine_share"):
        winner_by_assumption("genuine_share", [1.5], EQUAL, months=6)


def test_one_tie_rule_for_every_verdict():
    from socialmath.policy import TIE_MARGIN

    comparison = compare_policies(months=60, seed=0)
    clear = comparison.decide({name: 1 for name in CRITERIA})
    assert clear.tied == ["genuine only"]
    assert clear.verdict == f"genuine only wins by {clear.margin:.2f}"
    # Three policies keep a feed the budget covers: on readability alone they tie exactly.
    tie = comparison.decide({"readable": 1})
    assert sorted(tie.tied) == ["cap at 1,000", "curate by field", "genuine only"]
    assert tie.verdict == "genuine only and 2 others tie"
    assert tie.why().startswith("genuine only, curate by field and cap at 1,000 tie with 1.00")
    # A lead smaller than the margin is a tie too, and the margin is the one the checks use.
    busy = compare_policies(months=60, seed=0,
                            assumptions=comparison.assumptions.replace(requests_per_month=300))
    near = busy.decide({name: 1 for name in CRITERIA})
    assert 0 < near.margin < TIE_MARGIN and len(near.tied) == 2
