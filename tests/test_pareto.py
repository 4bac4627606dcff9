"""Closed forms and inequality measures of chapter 2, against published or closed-form values."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialmath.pareto import (
    ALPHA_80_20,
    alpha_for_share,
    degrees,
    gini,
    gini_pareto,
    lorenz_curve,
    lorenz_pareto,
    nested_shares,
    sample_pareto,
    sample_power_law,
    share_of_top,
    simulate_reactions,
    text_progress,
    top_share,
)

LOG5_OVER_LOG4 = math.log(5) / math.log(4)


# --- closed forms ---------------------------------------------------------------------------------


def test_alpha_for_80_20_is_log5_over_log4():
    assert round(alpha_for_share(0.2, 0.8), 6) == 1.160964
    assert alpha_for_share(0.2, 0.8) == pytest.approx(LOG5_OVER_LOG4, rel=1e-12)
    assert pytest.approx(LOG5_OVER_LOG4, rel=1e-15) == ALPHA_80_20


def test_share_of_top_at_log5_over_log4_is_80_percent():
    assert share_of_top(LOG5_OVER_LOG4, 0.2) == pytest.approx(0.8, abs=1e-12)


def test_top_20_percent_at_alpha_1_5_hold_about_58_percent():
    assert share_of_top(1.5, 0.2) == pytest.approx(0.2 ** (1 / 3))
    assert round(share_of_top(1.5, 0.2), 2) == 0.58


def test_gini_of_pareto_is_one_over_two_alpha_minus_one():
    assert gini_pareto(1.5) == 0.5
    assert gini_pareto(1.0) == 1.0
    assert round(gini_pareto(LOG5_OVER_LOG4), 3) == 0.756


def test_nested_80_20_gives_64_4():
    levels = nested_shares(0.2, 0.8, levels=2)
    assert levels[1] == pytest.approx((0.04, 0.64))
    # the same numbers come out of the Pareto distribution with alpha = log 5 / log 4
    assert share_of_top(LOG5_OVER_LOG4, 0.04) == pytest.approx(0.64)


def test_lorenz_pareto_passes_through_80_20():
    curve = lorenz_pareto(LOG5_OVER_LOG4, [0.0, 0.8, 1.0])
    assert curve == pytest.approx([0.0, 0.2, 1.0])


def test_share_of_top_edges():
    assert share_of_top(2.0, 0.0) == 0.0
    assert share_of_top(2.0, 1.0) == 1.0


@given(top=st.floats(0.01, 0.99), share=st.floats(0.01, 0.99))
def test_alpha_for_share_inverts_share_of_top(top, share):
    if share <= top * 1.001:
        return
    alpha = alpha_for_share(top, share)
    assert alpha > 1
    assert share_of_top(alpha, top) == pytest.approx(share, rel=1e-9)


@given(alpha=st.floats(1.0, 50.0), top=st.floats(0.0, 1.0))
def test_top_holds_at_least_its_share_of_people(alpha, top):
    assert top - 1e-12 <= share_of_top(alpha, top) <= 1.0


# --- data -----------------------------------------------------------------------------------------


def test_lorenz_curve_of_a_small_example():
    population, held = lorenz_curve([4, 1, 2, 1])
    assert population.tolist() == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert held.tolist() == [0.0, 0.125, 0.25, 0.5, 1.0]


def test_gini_of_equal_and_of_one_holding_all():
    assert gini([3, 3, 3]) == 0.0
    assert gini([0, 0, 0, 0, 10]) == pytest.approx(0.8)


def test_top_share_reads_the_lorenz_curve():
    assert top_share([1, 1, 1, 1, 6], 0.2) == pytest.approx(0.6)
    assert top_share([1, 1, 1, 1, 6], 0.1) == pytest.approx(0.3)  # half of the richest person
    assert top_share([5, 5], 1.0) == pytest.approx(1.0)


def test_sample_gini_tends_to_closed_form():
    values = sample_pareto(3.0, 200_000, seed=11)
    assert gini(values) == pytest.approx(gini_pareto(3.0), abs=0.01)


def test_sample_top_share_tends_to_closed_form():
    values = sample_pareto(2.5, 200_000, seed=12)
    assert top_share(values, 0.2) == pytest.approx(share_of_top(2.5, 0.2), abs=0.01)


def test_samplers_repeat_with_a_seed():
    assert np.array_equal(sample_pareto(1.5, 10, seed=3), sample_pareto(1.5, 10, seed=3))
    assert np.array_equal(sample_power_law(2.5, 5, 10, discrete=True, seed=3),
                          sample_power_law(2.5, 5, 10, discrete=True, seed=3))
    assert np.array_equal(simulate_reactions(50, seed=4), simulate_reactions(50, seed=4))


def test_discrete_sampler_matches_the_zeta_probabilities():
    from scipy.special import zeta

    values = sample_power_law(2.5, 5, 100_000, discrete=True, seed=5)
    assert values.min() == 5
    assert np.all(values == np.floor(values))
    for k in (5, 6, 10):
        expected = k**-2.5 / zeta(2.5, 5)
        assert np.mean(values == k) == pytest.approx(expected, abs=0.005)


def test_continuous_sampler_is_above_x_min():
    values = sample_power_law(3.0, 2.0, 1000, seed=1)
    assert values.min() >= 2.0


def test_reactions_are_whole_and_heavy_tailed():
    reactions = simulate_reactions(5000, seed=0)
    assert np.all(reactions == np.floor(reactions)) and reactions.min() >= 0
    assert top_share(reactions, 0.2) > 0.5


def test_degrees_of_karate_club():
    import networkx as nx

    values = degrees(nx.karate_club_graph())
    assert values.size == 34 and values.max() == 17 and values.sum() == 2 * 78


def test_text_progress_prints_every_step_on_stderr(capsys):
    report = text_progress(every=5, label="fit")
    for done in range(1, 8):
        report(done, 7)
    out, err = capsys.readouterr()
    assert err == "fit 5/7\nfit 7/7\n"
    assert out == ""  # stdout is for results, as with the distance search's progress


# --- property tests -------------------------------------------------------------------------------

amounts = st.lists(st.one_of(st.just(0.0), st.floats(1e-6, 1e6)), min_size=1, max_size=60).filter(
    lambda xs: sum(xs) > 0)


@settings(max_examples=60)
@given(values=amounts)
def test_lorenz_curve_is_monotone_convex_from_origin_to_one(values):
    population, held = lorenz_curve(values)
    assert (population[0], held[0]) == (0.0, 0.0)
    assert (population[-1], held[-1]) == (1.0, 1.0)
    steps = np.diff(held)
    assert np.all(steps >= -1e-12)
    assert np.all(np.diff(steps) >= -1e-9)  # equal population steps: slopes never decrease
    assert np.all(held <= population + 1e-12)


@settings(max_examples=60)
@given(values=amounts, scale=st.floats(1e-3, 1e3))
def test_gini_is_in_unit_interval_and_scale_invariant(values, scale):
    value = gini(values)
    assert 0.0 <= value <= 1.0
    assert gini(np.asarray(values) * scale) == pytest.approx(value, abs=1e-9)


@settings(max_examples=60)
@given(values=amounts, top=st.floats(0.0, 1.0))
def test_top_share_is_at_least_the_top_share_of_people(values, top):
    assert top - 1e-9 <= top_share(values, top) <= 1.0 + 1e-12


# --- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("call", "error", "name"), [
    (lambda: share_of_top(0.5, 0.2), ValueError, "alpha"),
    (lambda: share_of_top("2", 0.2), TypeError, "alpha"),
    (lambda: share_of_top(2.0, 20), ValueError, "top"),
    (lambda: alpha_for_share(0.0, 0.8), ValueError, "top"),
    (lambda: alpha_for_share(0.2, 1.0), ValueError, "share"),
    (lambda: alpha_for_share(0.3, 0.2), ValueError, "share"),
    (lambda: gini_pareto(0.9), ValueError, "alpha"),
    (lambda: gini_pareto(float("nan")), ValueError, "alpha"),
    (lambda: lorenz_pareto(0.5, [0.5]), ValueError, "alpha"),
    (lambda: lorenz_pareto(1.5, [1.5]), ValueError, "population"),
    (lambda: lorenz_pareto(1.5, "0.5"), TypeError, "population"),
    (lambda: nested_shares(0.2, 0.8, levels=0), ValueError, "levels"),
    (lambda: nested_shares(1.0, 0.8), ValueError, "top"),
    (lambda: nested_shares(0.2, 0.0), ValueError, "share"),
    (lambda: lorenz_curve([]), ValueError, "values"),
    (lambda: lorenz_curve([1, -1, 3]), ValueError, "values"),
    (lambda: lorenz_curve([0, 0]), ValueError, "values"),
    (lambda: lorenz_curve([[1, 2]]), ValueError, "values"),
    (lambda: gini(["a", "b"]), TypeError, "values"),
    (lambda: gini([1, float("inf")]), ValueError, "values"),
    (lambda: gini(5), TypeError, "values"),
    (lambda: top_share([1, 2], 1.5), ValueError, "top"),
    (lambda: top_share([1, -2], 0.2), ValueError, "values"),
    (lambda: sample_pareto(0, 10), ValueError, "alpha"),
    (lambda: sample_pareto(1.5, -1), ValueError, "size"),
    (lambda: sample_pareto(1.5, 2.5), TypeError, "size"),
    (lambda: sample_pareto(1.5, 10, x_min=0), ValueError, "x_min"),
    (lambda: sample_pareto(1.5, 10, seed=-1), ValueError, "seed"),
    (lambda: sample_power_law(1.0, 1, 10), ValueError, "alpha"),
    (lambda: sample_power_law(2.5, 0.5, 10, discrete=True), ValueError, "x_min"),
    (lambda: sample_power_law(2.5, 0, 10, discrete=True), ValueError, "x_min"),
    (lambda: sample_power_law(2.5, 1, 10, discrete="yes"), TypeError, "discrete"),
    (lambda: sample_power_law(2.5, 1, -5), ValueError, "size"),
    (lambda: sample_power_law(2.5, 1, 5, seed="x"), TypeError, "seed"),
    (lambda: simulate_reactions(-1), ValueError, "posts"),
    (lambda: simulate_reactions(10, mu=float("nan")), ValueError, "mu"),
    (lambda: simulate_reactions(10, sigma=0), ValueError, "sigma"),
    (lambda: simulate_reactions(10, seed=1.5), TypeError, "seed"),
    (lambda: degrees([1, 2, 3]), TypeError, "graph"),
    (lambda: text_progress(every=0), ValueError, "every"),
    (lambda: text_progress(label=3), TypeError, "label"),
])
def test_bad_input_names_the_parameter(call, error, name):
    with pytest.raises(error, match=name):
        call()


@settings(max_examples=60)
@given(values=amounts, top=st.floats(0.0, 1.0))
def test_linear_time_top_share_matches_the_lorenz_reading(values, top):
    from socialmath.pareto import _top_share_by_partition

    array = np.asarray(values, dtype=float)
    assert _top_share_by_partition(array, top) == pytest.approx(top_share(array, top), abs=1e-9)
