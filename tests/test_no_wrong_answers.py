"""Silent wrong answers and unclear errors found by fuzzing: each example is pinned here.

Every case was a wrong number returned without a word, a crash with someone else's message, or an
allocation that could not fit; each must now give the right answer or refuse with the reason.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

from socialmath.attention import feed_load, simulate_weekly_activity
from socialmath.exercises.feedback import check_number
from socialmath.graphs import (
    MAX_NODES,
    barabasi_albert,
    erdos_renyi,
    from_edges,
    professional_network,
    watts_strogatz,
)
from socialmath.pareto import degrees, sample_pareto, simulate_reactions
from socialmath.separation import (
    degrees_of_separation,
    distance_distribution,
    mean_distance,
    reach_estimate,
)

# --- distances --------------------------------------------------------------------------------


def test_repeated_sources_are_collapsed_and_exactness_follows_the_distinct_set():
    dist = distance_distribution(nx.path_graph(5), sources=[0, 1, 2, 3, 4, 4])
    assert dist.exact
    assert dist.n_sources == 5
    assert dist.mean == pytest.approx(2.0)  # 40 / 20 ordered pairs
    assert dist.ci_low == dist.ci_high == dist.mean
    assert dist.counts.tolist() == [0, 8, 6, 4, 2]


def test_repeated_sources_in_a_sample_count_once():
    once = distance_distribution(nx.cycle_graph(9), sources=[0, 3])
    twice = distance_distribution(nx.cycle_graph(9), sources=[3, 0, 3, 0, 0])
    assert twice.counts.tolist() == once.counts.tolist()
    assert twice.n_sources == 2 and not twice.exact


def test_mean_distance_of_one_node_is_refused_with_the_reason():
    with pytest.raises(ValueError, match="no pair of the searched nodes is connected"):
        mean_distance(nx.empty_graph(1))


def test_mean_distance_from_an_isolated_source_is_refused_with_the_reason():
    graph = nx.path_graph(3)
    graph.add_node("alone")
    with pytest.raises(ValueError, match="no pair of the searched nodes is connected"):
        mean_distance(graph, sources=["alone"])
    with pytest.raises(ValueError, match="no pair"):
        degrees_of_separation(graph, sources=["alone"])
    dist = distance_distribution(graph, sources=["alone"])  # the counts themselves are fine
    assert dist.reachable_pairs == 0 and dist.unreachable == 3 and math.isnan(dist.mean)


def test_an_empty_graph_gets_our_message_not_numpys():
    with pytest.raises(ValueError, match="graph must have at least one node"):
        distance_distribution(nx.Graph(), sources=1)


# --- generators -------------------------------------------------------------------------------


def test_erdos_renyi_delivers_every_allowed_mean_degree_for_every_seed():
    for seed in range(40):
        g = erdos_renyi(100, 49.0, seed=seed)
        assert abs(g.mean_degree - 49.0) < 5 * math.sqrt(2 * 49.0 * (1 - 49 / 99) / 100) + 0.1
    assert erdos_renyi(100, 99.0, seed=1).n_edges == 100 * 99 // 2  # complete
    assert erdos_renyi(100, 80.0, seed=1).mean_degree == pytest.approx(80, abs=1.5)


def test_professional_network_delivers_its_mean_degree_at_high_closure():
    g = professional_network(10_000, 20, closure=0.9, seed=0)
    assert g.mean_degree == pytest.approx(20, rel=0.01)


def test_professional_network_refuses_a_closure_with_nothing_to_close():
    with pytest.raises(ValueError, match=r"closure must be in \[0, 0.9\]"):
        professional_network(10_000, 20, closure=1.0)
    with pytest.raises(ValueError, match="closure"):
        professional_network(1000, 4, closure=0.8)


def test_watts_strogatz_keeps_every_edge_even_when_nearly_complete():
    for seed in range(10):
        assert watts_strogatz(20, 18, 1.0, seed=seed).n_edges == 180
    assert watts_strogatz(19, 18, 1.0, seed=0).n_edges == 19 * 18 // 2  # complete: nowhere to go


# --- one graph convention ---------------------------------------------------------------------


def test_degrees_accept_every_graph_type_of_the_package():
    g = watts_strogatz(30, 4, 0.2, seed=1)
    expected = g.degrees.astype(float)
    assert degrees(g).tolist() == expected.tolist()
    assert degrees(g.to_scipy()).tolist() == expected.tolist()
    assert degrees(g.to_networkx()).tolist() == expected.tolist()


def test_degrees_collapse_self_loops_and_repeated_edges_like_distances_do():
    multi = nx.MultiGraph([(0, 1), (0, 1), (1, 1), (1, 2)])
    assert degrees(multi).tolist() == [1.0, 2.0, 1.0]
    looped = nx.Graph([(0, 0), (0, 1)])
    assert degrees(looped).tolist() == [1.0, 1.0]
    assert distance_distribution(multi).counts.tolist() == [0, 4, 2]
    with pytest.raises(TypeError, match="undirected"):
        degrees(nx.DiGraph([(0, 1)]))


# --- ranges that produce infinities -----------------------------------------------------------


def test_simulated_reactions_refuse_parameters_that_overflow():
    with pytest.raises(ValueError, match=r"mu must be in \[-10, 15\]"):
        simulate_reactions(5, mu=10**12)
    with pytest.raises(ValueError, match=r"sigma must be in \(0, 4\]"):
        simulate_reactions(5, sigma=40)
    assert np.isfinite(simulate_reactions(1000, mu=15, sigma=4, seed=1)).all()


def test_a_check_cannot_be_given_a_tolerance_that_accepts_everything():
    with pytest.raises(ValueError, match=r"rel_tol must be a finite number in \[0, 0.5\], got inf"):
        check_number(3, 1, rel_tol=float("inf"))
    with pytest.raises(ValueError, match="abs_tol"):
        check_number(3, 1, abs_tol=-1)
    assert not check_number(3, 1)  # the answer itself never raises


def test_feed_load_survives_a_posting_rate_that_underflows():
    load = feed_load(2, 0.5, posts_per_active=5e-324)
    assert load.contacts_followable == 2.0
    assert load.share_readable == 1.0


# --- sizes that cannot fit ----------------------------------------------------------------------


@pytest.mark.parametrize("call", [
    lambda: simulate_weekly_activity(contacts=10**12),
    lambda: sample_pareto(1.5, size=10**12),
    lambda: erdos_renyi(MAX_NODES, 1000.0),
    lambda: watts_strogatz(MAX_NODES, 1000, 0.1),
    lambda: barabasi_albert(MAX_NODES, 500),
    lambda: professional_network(MAX_NODES, 1000.0),
], ids=["weekly activity", "pareto sample", "erdos-renyi", "watts-strogatz", "barabasi-albert",
        "professional"])
def test_sizes_beyond_memory_are_refused_with_the_estimate_and_the_limit(call):
    with pytest.raises(ValueError, match=r"would need about [\d.]+ [kMGT]B of memory.*limit is"):
        call()


def test_the_memory_limit_can_be_set(monkeypatch):
    monkeypatch.setenv("SOCIALMATH_MEMORY_LIMIT_GB", "0.001")
    with pytest.raises(ValueError, match=r"limit is 1 MB \(set by SOCIALMATH_MEMORY_LIMIT_GB\)"):
        sample_pareto(1.5, size=1_000_000)
    monkeypatch.setenv("SOCIALMATH_MEMORY_LIMIT_GB", "lots")
    with pytest.raises(ValueError, match="SOCIALMATH_MEMORY_LIMIT_GB must be a number"):
        sample_pareto(1.5, size=10)


# --- messages that blame the right parameter ----------------------------------------------------


def test_reach_estimate_blames_contacts_not_population():
    with pytest.raises(ValueError, match=r"contacts must be in \[0, 999999999\] \(fewer than "
                                         r"the population\), got 1000000000000"):
        reach_estimate(contacts=10**12, their_contacts=10)


def test_from_edges_on_zero_nodes_says_there_is_no_node_id():
    with pytest.raises(ValueError, match="sources must be empty: a graph with n = 0 nodes"):
        from_edges(0, np.array([0]), np.array([0]))
    assert from_edges(0, np.array([], dtype=int), np.array([], dtype=int)).n == 0


def test_as_graph_reads_sparse_matrices_of_any_format():
    rng = np.random.default_rng(1)
    rows, cols = rng.integers(0, 50, 250), rng.integers(0, 50, 250)
    matrix = sp.csr_array((rng.random(250), (rows, cols)), shape=(50, 50))
    reference = nx.from_scipy_sparse_array(matrix + matrix.T)
    reference.remove_edges_from(nx.selfloop_edges(reference))
    for fmt in ("csr", "csc", "coo", "lil", "dok"):
        got = degrees(matrix.asformat(fmt))
        assert got.tolist() == [float(d) for _, d in reference.degree()]


# --- found by tests/test_fuzz_public_api.py -----------------------------------------------------


def test_the_feed_formula_checks_its_own_arguments():
    from socialmath.attention import weekly_posts

    with pytest.raises(TypeError, match="contacts must be a real number, got '3'"):
        weekly_posts("3", 0.8, 1.0)
    with pytest.raises(ValueError, match=r"silent_share must be a share in \[0, 1\], got nan"):
        weekly_posts(100, math.nan, 1.0)
    with pytest.raises(ValueError, match="posts_per_active must be >= 0, got -1"):
        weekly_posts(100, 0.8, -1)
    with pytest.raises(ValueError, match="contacts must hold finite numbers only"):
        weekly_posts([100, math.inf], 0.8, 1.0)
    with pytest.raises(ValueError, match="must be a finite number of posts"):
        weekly_posts(1e300, 0.5, 1e300)
    assert weekly_posts(1e300, 0.5, 1.0) == 5e299  # no overflow on the way


def test_the_feed_curve_checks_the_contacts_it_is_asked_about():
    load = feed_load(25_000)
    with pytest.raises(TypeError, match="contacts must be a sequence or array of numbers"):
        load.hours_needed(["a", "b"])
    with pytest.raises(ValueError, match="contacts must hold numbers >= 0"):
        load.hours_needed([-10.0, 10.0])
    assert load.hours_needed([25_000]).tolist() == pytest.approx([5000 * 2 / 3600])


def test_a_fit_is_evaluated_only_where_it_holds_and_names_a_missing_comparison():
    from socialmath.pareto import fit_power_law, sample_power_law

    fit = fit_power_law(sample_power_law(2.5, 1.0, 300, seed=1), max_candidates=20)
    with pytest.raises(ValueError, match=r"x must hold numbers >= 1\.0"):
        fit.survival([-1.0, 2.0])  # was NaN with a RuntimeWarning
    with pytest.raises(ValueError, match="x must be >= "):
        fit.lognormal_survival(0.5)
    with pytest.raises(ValueError, match="alternative must be one of 'lognormal', "
                                         "'exponential', got 'gamma'"):
        fit.comparison("gamma")  # was a KeyError
    with pytest.raises(TypeError, match="alternative must be a string"):
        fit.comparison(np.array(["lognormal"]))  # was numpy's "truth value is ambiguous"


def test_a_fit_refuses_an_x_min_or_data_whose_ratio_overflows():
    from socialmath.pareto import fit_power_law

    with pytest.raises(ValueError, match="x_min must be >= "):
        fit_power_law([1.0, 2.0, 3.0, 10.0], x_min=5e-324)  # was an overflow warning, alpha 1
    with pytest.raises(ValueError, match="values must span less than 1e308"):
        fit_power_law([5e-324, 1.0, 1e10])
