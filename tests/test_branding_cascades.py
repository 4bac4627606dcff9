"""Independent cascades: the ends of p, brute force on tiny graphs, closed forms, and the loop."""

from __future__ import annotations

import itertools
from collections import Counter

import networkx as nx
import numpy as np
import pytest
from scipy import stats

from socialmath.branding import cascades as cascades_module
from socialmath.branding.cascades import (
    MAX_CASCADES,
    branching_factor,
    cascade_by_loop,
    critical_probability,
    expected_cascade_size,
    simulate_cascades,
    structural_virality,
)
from socialmath.graphs import barabasi_albert, erdos_renyi, professional_network
from socialmath.separation import mean_distance


def two_components() -> nx.Graph:
    graph = nx.union(nx.karate_club_graph(), nx.path_graph(range(100, 110)))
    graph.add_node("alone")
    return graph


def test_p_one_reaches_the_whole_component_hop_by_hop_as_a_bfs():
    graph = two_components()
    sources = [0, 33, 100, 105, "alone"]
    run = simulate_cascades(graph, 1.0, sources=sources, hops=10)
    for c, source in enumerate(sources):
        lengths = nx.single_source_shortest_path_length(graph, source)
        assert run.sizes[c] == len(nx.node_connected_component(graph, source)) == len(lengths)
        by_distance = Counter(lengths.values())
        assert run.by_hop[c].tolist() == [by_distance.get(h, 0) for h in range(11)]
        assert run.depth[c] == max(lengths.values())


def test_p_zero_reaches_only_the_seed():
    run = simulate_cascades(barabasi_albert(2000, 3, seed=1), 0.0, n_cascades=50, seed=3)
    assert run.sizes.tolist() == [1] * 50
    assert run.depth.tolist() == [0] * 50
    assert np.all(np.isnan(run.virality))
    assert run.share_reached(3) == 0.0 and np.isnan(run.share_of_reach_within(1))
    assert run.share_of_cascades(1) == 1.0


@pytest.mark.timeout(30)
@pytest.mark.parametrize("p", [5e-324, 1e-300, 1e-12])
def test_a_tiny_p_passes_on_almost_never_and_returns_at_once(p):
    # 5e-324 used to hang: geometric gaps of 1 / p overflowed the int64 positions, which then
    # wrapped round to negative numbers and the loop drawing "more" successes never ended
    run = simulate_cascades(barabasi_albert(2000, 3, seed=1), p, n_cascades=200, seed=3)
    assert run.sizes.tolist() == [1] * 200
    assert run.p == p


def test_below_the_tiny_p_the_number_passed_on_is_still_binomial(monkeypatch):
    # the counting route for tiny p, forced at p = 0.3: same law as the geometric route
    monkeypatch.setattr(cascades_module, "_TINY_P", 1.0)
    rng = np.random.default_rng(5)
    counts = [cascades_module._live_positions(200, 0.3, rng).size for _ in range(2000)]
    assert stats.ttest_1samp(counts, 60.0).pvalue > 1e-3
    positions = cascades_module._live_positions(200, 0.3, rng)
    assert np.all(np.diff(positions) > 0) and positions.min() >= 0 and positions.max() < 200


@pytest.mark.parametrize("n", [2, 3, 10, 57])
def test_structural_virality_of_a_path_and_a_star(n):
    chain = simulate_cascades(nx.path_graph(n), 1.0, sources=[0])
    assert chain.virality[0] == pytest.approx((n + 1) / 3)
    assert structural_virality(nx.path_graph(n)) == pytest.approx((n + 1) / 3)
    broadcast = simulate_cascades(nx.star_graph(n - 1), 1.0, sources=[0])
    assert broadcast.virality[0] == pytest.approx(2 * (n - 1) / n)
    assert structural_virality(nx.star_graph(n - 1)) == pytest.approx(2 * (n - 1) / n)


def test_virality_is_the_mean_distance_of_each_kept_tree():
    graph = professional_network(3000, 8, seed=2)
    run = simulate_cascades(graph, 0.2, n_cascades=40, keep_trees=True, seed=4)
    checked = 0
    for c, (nodes, parents) in enumerate(run.trees):
        assert nodes[0] == run.sources[c] and parents[0] == -1
        assert nodes.size == run.sizes[c] == np.unique(nodes).size
        tree = nx.Graph()
        tree.add_nodes_from(nodes.tolist())
        tree.add_edges_from(zip(nodes[1:].tolist(), parents[1:].tolist(), strict=True))
        assert all(graph.neighbors(int(u)).size and int(v) in graph.neighbors(int(u)).tolist()
                   for u, v in zip(nodes[1:], parents[1:], strict=True))
        if nodes.size > 1:
            assert nx.is_tree(tree)
            assert run.virality[c] == pytest.approx(mean_distance(tree))
            checked += 1
    assert checked >= 10


def _exact_size_distribution(graph: nx.Graph, source, p: float) -> dict[int, float]:
    """Brute force over every live-arc pattern: a cascade is the set of people reachable from
    the source along arcs that are live, each arc live with probability p (Kempe et al.)."""
    arcs = [(u, v) for u, v in graph.edges()] + [(v, u) for u, v in graph.edges()]
    shares: Counter[int] = Counter()
    for pattern in itertools.product([False, True], repeat=len(arcs)):
        live = nx.DiGraph([arc for arc, on in zip(arcs, pattern, strict=True) if on])
        live.add_node(source)
        size = len(nx.descendants(live, source)) + 1
        k = sum(pattern)
        shares[size] += p**k * (1 - p) ** (len(arcs) - k)
    return dict(shares)


@pytest.mark.parametrize(("graph", "source", "p"), [
    (nx.path_graph(3), 0, 0.5),
    (nx.cycle_graph(4), 0, 0.3),
    (nx.Graph([(0, 1), (0, 2), (1, 2), (2, 3), (3, 4)]), 2, 0.6),
], ids=["path", "square", "triangle with a tail"])
def test_size_distribution_matches_brute_force_on_tiny_graphs(graph, source, p):
    """A chi-square goodness-of-fit test on 40,000 seeded cascades; at the 0.1% level a correct
    simulation fails one run in a thousand, and the seeds are fixed, so it never flakes."""
    exact = _exact_size_distribution(graph, source, p)
    run = simulate_cascades(graph, p, sources=[source] * 40_000, seed=7)
    sizes = sorted(exact)
    observed = [int(np.count_nonzero(run.sizes == s)) for s in sizes]
    expected = [exact[s] * 40_000 for s in sizes]
    assert sum(observed) == 40_000
    assert stats.chisquare(observed, expected).pvalue > 0.001


def test_the_array_version_and_the_plain_loop_agree():
    graph = barabasi_albert(3000, 2, seed=5)
    as_nx = graph.to_networkx()
    rng = np.random.default_rng(11)
    sources = rng.integers(0, 3000, 3000)
    loop = [len(cascade_by_loop(as_nx, int(s), 0.15, rng)) for s in sources]
    arrays = simulate_cascades(graph, 0.15, sources=sources, seed=12).sizes
    # Two-sample Kolmogorov-Smirnov test of the size distributions (conservative for counts).
    assert stats.ks_2samp(loop, arrays).pvalue > 0.001
    assert np.mean(arrays) == pytest.approx(np.mean(loop), rel=0.15)


def test_the_loop_records_hops_and_parents():
    reached = cascade_by_loop(nx.star_graph(3), 1, 1.0, np.random.default_rng(0))
    assert reached == {1: (0, None), 0: (1, 1), 2: (2, 0), 3: (2, 0)}


def test_small_batches_and_chunks_give_the_same_cascades(monkeypatch):
    graph = professional_network(500, 6, seed=3)
    whole = simulate_cascades(graph, 1.0, n_cascades=30, seed=1)
    monkeypatch.setattr(cascades_module, "_BATCH_CELLS", 1200)  # two cascades a batch
    monkeypatch.setattr(cascades_module, "_ARC_CHUNK", 7)       # a few contacts a chunk
    pieces = simulate_cascades(graph, 1.0, n_cascades=30, seed=1)
    assert np.array_equal(whole.sources, pieces.sources)
    assert np.array_equal(whole.by_hop, pieces.by_hop)
    assert np.array_equal(whole.depth, pieces.depth)
    # Who passed the post to a person reached by two passes in one step is a tie, broken in the
    # order contacts are examined; the tree, and its virality, may differ, not its levels.
    assert np.array_equal(np.isnan(whole.virality), np.isnan(pieces.virality))


def test_subcritical_cascades_match_the_branching_arithmetic():
    """On a large random network without clustering the branching process is exact up to the
    rare cycles (a share of order size^2 / n). Tolerance: 4 standard errors of the mean."""
    graph = erdos_renyi(200_000, 10, seed=1)
    for p in (0.02, 0.05):
        run = simulate_cascades(graph, p, n_cascades=20_000, seed=2)
        error = run.sizes.std() / np.sqrt(run.n_cascades)
        assert run.mean_size == pytest.approx(expected_cascade_size(graph, p), abs=4 * error)
    assert critical_probability(graph) == pytest.approx(0.1, rel=0.02)  # k_nn - 1 = k here


def test_branching_closed_forms():
    star = nx.star_graph(4)  # k_nn = sum k^2 / sum k = 20 / 8
    assert critical_probability(star) == pytest.approx(1 / 1.5)
    assert branching_factor(star, 0.3) == pytest.approx(0.45)
    assert critical_probability(nx.Graph([(0, 1), (2, 3)])) == float("inf")
    assert expected_cascade_size(nx.complete_graph(5), 0.5) == float("inf")  # R = 1.5


def test_summaries():
    run = simulate_cascades(nx.path_graph(7), 1.0, sources=[0, 3], hops=2)
    assert run.sizes.tolist() == [7, 7]
    assert run.by_hop.tolist() == [[1, 1, 1], [1, 2, 2]]
    assert run.depth.tolist() == [6, 3]
    assert run.hops == 2
    assert run.share_reached(1) == pytest.approx((1 + 2) / 2 / 6)
    assert run.share_of_reach_within(2) == pytest.approx((2 + 4) / 12)
    sizes, shares = run.size_distribution()
    assert sizes.tolist() == [7] and shares.tolist() == [1.0]
    assert run.share_of_cascades(6) == 0.0 and run.mean_size == 7.0
    assert run.share_ending_within(3) == 0.5 and run.share_ending_within(6) == 1.0
    assert run.share_ending_within(0) == 0.0


def test_labels_and_random_sources_are_reproducible():
    graph = nx.relabel_nodes(nx.karate_club_graph(), lambda v: f"member {v}")
    run = simulate_cascades(graph, 0.3, sources=["member 0", "member 33"], seed=1)
    assert run.sources.tolist() == [0, 33]
    first = simulate_cascades(graph, 0.3, n_cascades=200, seed=5)
    again = simulate_cascades(graph, 0.3, n_cascades=200, seed=5)
    assert np.array_equal(first.sizes, again.sizes) and np.array_equal(first.sources,
                                                                       again.sources)
    assert simulate_cascades(graph, 0.3, seed=5).n_cascades == 1000


@pytest.mark.parametrize(("call", "error", "name"), [
    (lambda: simulate_cascades(nx.path_graph(3), 1.5), ValueError, "p"),
    (lambda: simulate_cascades(nx.path_graph(3), "half"), TypeError, "p"),
    (lambda: simulate_cascades(nx.path_graph(3), 0.5, n_cascades=0), ValueError, "n_cascades"),
    (lambda: simulate_cascades(nx.path_graph(3), 0.5, n_cascades=MAX_CASCADES + 1), ValueError,
     "n_cascades"),
    (lambda: simulate_cascades(nx.path_graph(3), 0.5, n_cascades=2.0), TypeError, "n_cascades"),
    (lambda: simulate_cascades(nx.path_graph(3), 0.5, sources=[]), ValueError, "sources"),
    (lambda: simulate_cascades(nx.path_graph(3), 0.5, sources=1), TypeError, "sources"),
    (lambda: simulate_cascades(nx.path_graph(3), 0.5, sources=[7]), ValueError, "sources"),
    (lambda: simulate_cascades(nx.path_graph(3), 0.5, sources={0: 1}), TypeError, "sources"),
    (lambda: simulate_cascades(nx.path_graph(3), 0.5, n_cascades=2, sources=[0]), ValueError,
     "n_cascades must match"),
    (lambda: simulate_cascades(nx.path_graph(3), 0.5, hops=0), ValueError, "hops"),
    (lambda: simulate_cascades(nx.path_graph(3), 0.5, hops=1001), ValueError, "hops"),
    (lambda: simulate_cascades(nx.path_graph(3), 0.5, keep_trees="yes"), TypeError,
     "keep_trees"),
    (lambda: simulate_cascades(nx.path_graph(3), 0.5, seed=-2), ValueError, "seed"),
    (lambda: simulate_cascades(nx.Graph(), 0.5), ValueError, "graph"),
    (lambda: simulate_cascades("graph", 0.5), TypeError, "graph"),
    (lambda: simulate_cascades(nx.path_graph(3), 0.5, n_cascades=5_000_000, hops=20),
     ValueError, r"hops \+ 1\) must be at most 50,000,000 .* 0.8 GB"),
    (lambda: simulate_cascades(barabasi_albert(100_000, 2), 0.5, n_cascades=1000,
                               keep_trees=True), ValueError, r"keep_trees .* 1.6 GB"),
    (lambda: simulate_cascades(nx.path_graph(3), 0.5).share_reached(11), ValueError, "hops"),
    (lambda: simulate_cascades(nx.path_graph(3), 0.5).share_of_cascades(0), ValueError,
     "at_most"),
    (lambda: simulate_cascades(nx.path_graph(3), 0.5).share_ending_within(-1), ValueError,
     "hops"),
    (lambda: cascade_by_loop(nx.DiGraph([(0, 1)]), 0, 0.5, np.random.default_rng()), TypeError,
     "graph"),
    (lambda: cascade_by_loop(nx.path_graph(2), 5, 0.5, np.random.default_rng()), ValueError,
     "source"),
    (lambda: cascade_by_loop(nx.path_graph(2), 0, 0.5, 1), TypeError, "rng"),
    (lambda: cascade_by_loop(nx.path_graph(2), 0, 2, np.random.default_rng()), ValueError, "p"),
    (lambda: structural_virality(nx.cycle_graph(4)), ValueError, "tree"),
    (lambda: structural_virality(nx.Graph()), ValueError, "tree"),
    (lambda: critical_probability(nx.empty_graph(3)), ValueError, "at least one link"),
    (lambda: branching_factor(nx.path_graph(3), -0.1), ValueError, "p"),
])
def test_bad_input_names_the_parameter(call, error, name):
    with pytest.raises(error, match=name):
        call()


def test_a_single_person_tree_has_no_virality():
    assert np.isnan(structural_virality(nx.empty_graph(1)))


# --- virality by size ----------------------------------------------------------------------------


def test_by_size_of_chains_and_broadcasts_is_their_closed_form():
    # Chains of 5 and 12 people and a broadcast to 30: virality (n + 1) / 3 and 2 (n - 1) / n.
    chains = simulate_cascades(nx.path_graph(12), 1.0, sources=[0, 11])
    short = simulate_cascades(nx.path_graph(5), 1.0, sources=[0])
    star = simulate_cascades(nx.star_graph(29), 1.0, sources=[0])
    assert chains.by_size((2, 10)).loc["10+", "median virality"] == pytest.approx(13 / 3)
    assert chains.by_size((2, 10)).loc["10+", "median depth"] == 11
    assert short.by_size((2, 10)).loc["2–9", "median virality"] == pytest.approx(2.0)
    assert star.by_size((2, 10)).loc["10+", "median virality"] == pytest.approx(2 * 29 / 30)
    assert star.by_size((2, 10)).loc["10+", "median depth"] == 1


def test_by_size_groups_every_cascade_once_and_matches_a_direct_count():
    run = simulate_cascades(professional_network(5000, 10, seed=2), 0.12, n_cascades=600,
                            seed=4)
    table = run.by_size()
    assert table.index.tolist() == ["2–9", "10–99", "100–999", "1,000+"]
    assert table["cascades"].sum() == np.count_nonzero(run.sizes >= 2)
    for (name, row), (low, high) in zip(table.iterrows(),
                                        [(2, 10), (10, 100), (100, 1000), (1000, None)],
                                        strict=True):
        inside = (run.sizes >= low) & ((run.sizes < high) if high else True)
        assert row["cascades"] == inside.sum(), name
        if inside.any():
            assert row["median virality"] == pytest.approx(np.median(run.virality[inside]))
            assert row["median depth"] == np.median(run.depth[inside])
        else:
            assert np.isnan(row["median virality"]) and np.isnan(row["median depth"])


def test_by_size_counts_posts_never_passed_on_when_asked():
    run = simulate_cascades(nx.path_graph(5), 0.0, n_cascades=7, seed=1)
    table = run.by_size((1, 2))
    assert table["cascades"].tolist() == [7, 0]
    assert np.isnan(table.loc["1", "median virality"])  # a lone author has no pairs
    assert table.loc["1", "median depth"] == 0


@pytest.mark.parametrize(("edges", "error"), [
    ("2, 10", TypeError), (10, TypeError), ((), ValueError), ((10, 2), ValueError),
    ((0, 10), ValueError), ((2.5,), TypeError),
])
def test_by_size_bad_edges_name_the_parameter(edges, error):
    run = simulate_cascades(nx.path_graph(5), 1.0, sources=[0])
    with pytest.raises(error, match="edges"):
        run.by_size(edges)
