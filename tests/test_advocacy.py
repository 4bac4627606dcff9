"""Employee advocacy: unions against brute force, the independence formula against
inclusion-exclusion and simulation, greedy against every combination, and bad input."""

from __future__ import annotations

import math
from itertools import combinations

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialmath import advocacy
from socialmath.advocacy import (
    LINKEDIN_2017_ENGAGEMENT,
    RULES,
    VENDOR_CLAIMS,
    Programme,
    best_ambassadors,
    choose_ambassadors,
    company,
    concentration,
    hold_claims,
    independent_reach,
    overlap,
    reach_curve,
    required_overlap,
    required_rate_ratio,
    required_sharers_reach,
    sharers_engagement_share,
    simulate_independent_reach,
    union_reach,
)
from socialmath.graphs import from_edges, professional_network, watts_strogatz
from socialmath.pareto import alpha_for_share, gini_pareto, sample_pareto

GREEDY_BOUND = 1.0 - 1.0 / math.e


def brute_union(graph: nx.Graph, ambassadors, followers=(), exclude=()) -> set:
    """The people reached, by Python sets."""
    reached = set(followers)
    for node in ambassadors:
        reached |= set(graph.neighbors(node))
    return reached - set(exclude)


# --- reach on a graph ----------------------------------------------------------------------------

graphs_with_choices = st.integers(min_value=1, max_value=25).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=60),
        st.lists(st.integers(0, n - 1), unique=True, max_size=n),
        st.lists(st.integers(0, n - 1), unique=True, max_size=n),
        st.lists(st.integers(0, n - 1), unique=True, max_size=n)))


def _graph(n, edges) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from((u, v) for u, v in edges if u != v)
    return graph


@settings(max_examples=80, deadline=None)
@given(graphs_with_choices)
def test_union_reach_and_its_curve_equal_brute_force(case):
    n, edges, ambassadors, followers, exclude = case
    graph = _graph(n, edges)
    curve = reach_curve(graph, ambassadors, followers, exclude)
    expected = [len(brute_union(graph, ambassadors[:k], followers, exclude))
                for k in range(len(ambassadors) + 1)]
    assert curve.tolist() == expected
    assert union_reach(graph, ambassadors, followers, exclude) == expected[-1]


@settings(max_examples=60, deadline=None)
@given(graphs_with_choices)
def test_overlap_equals_brute_force(case):
    n, edges, ambassadors, _, exclude = case
    graph = _graph(n, edges)
    summed = sum(len(set(graph.neighbors(a)) - set(exclude)) for a in ambassadors)
    unique = len(brute_union(graph, ambassadors, (), exclude))
    expected = 1 - unique / summed if summed else 0.0
    assert overlap(graph, ambassadors, exclude) == pytest.approx(expected, abs=1e-12)


def test_labels_and_graph_kinds_give_the_same_reach():
    labelled = nx.relabel_nodes(nx.karate_club_graph(), lambda v: f"member {v}")
    plain = nx.karate_club_graph()
    ambassadors = [0, 33, 5]
    expected = len(brute_union(plain, ambassadors, followers=[1, 2], exclude=[0]))
    assert union_reach(labelled, [f"member {v}" for v in ambassadors],
                       followers=["member 1", "member 2"], exclude=["member 0"]) == expected
    assert union_reach(nx.to_scipy_sparse_array(plain), ambassadors, [1, 2], [0]) == expected
    assert union_reach(plain, np.array(ambassadors), np.array([1, 2]), np.array([0])) == expected


def test_a_large_graph_matches_sets():
    g = professional_network(20_000, 30, seed=3)
    rng = np.random.default_rng(4)
    ambassadors = rng.choice(g.n, 200, replace=False)
    followers = rng.choice(g.n, 1000, replace=False)
    reached = set(followers.tolist())
    for node in ambassadors:
        reached |= set(g.neighbors(int(node)).tolist())
    reached -= set(ambassadors.tolist())
    assert union_reach(g, ambassadors, followers, exclude=ambassadors) == len(reached)


# --- reach under independence --------------------------------------------------------------------


def inclusion_exclusion(contacts, population, followers=0.0) -> float:
    """Expected union by inclusion-exclusion over every subset of audiences (the page included),
    with the expected size of an intersection N x product of shares under independence."""
    shares = [c / population for c in contacts] + ([followers / population] if followers else [])
    total = 0.0
    for size in range(1, len(shares) + 1):
        for subset in combinations(shares, size):
            total += (-1) ** (size + 1) * population * math.prod(subset)
    return total


@pytest.mark.parametrize("contacts, population, followers", [
    ([200, 150, 100], 1000, 300),
    ([500] * 8, 10_000, 0),
    ([1, 2, 3, 4, 5, 6, 7], 20, 10),
    ([30_000, 5_000, 150, 12_000], 1e6, 250_000),
])
def test_the_closed_form_is_inclusion_exclusion(contacts, population, followers):
    reach = independent_reach(contacts, population, followers)
    assert reach.unique == pytest.approx(inclusion_exclusion(contacts, population), rel=1e-10)
    assert reach.total[-1] == pytest.approx(
        inclusion_exclusion(contacts, population, followers), rel=1e-10)
    assert reach.total[0] == pytest.approx(followers)
    assert reach.marginal.sum() == pytest.approx(reach.total[-1] - followers)
    assert reach.overlap == pytest.approx(1 - reach.unique / sum(contacts))


def test_independent_reach_edges():
    whole = independent_reach([1000, 10], population=1000, followers=5)
    assert whole.unique == pytest.approx(1000) and whole.total[-1] == pytest.approx(1000)
    assert whole.marginal.tolist() == pytest.approx([995, 0])
    nobody = independent_reach([], population=1000, followers=300)
    assert (nobody.unique, nobody.summed, nobody.overlap, nobody.total.tolist()) == (
        0.0, 0.0, 0.0, [300.0])
    one = independent_reach([400], population=1e9)
    assert one.unique == pytest.approx(400, rel=1e-9) and one.overlap == pytest.approx(0, abs=1e-6)
    assert one.ratio == math.inf


def test_independence_matches_simulation_within_four_standard_errors():
    """The mean of 4,000 simulated unions lies within 4 standard errors of the formula (a
    false alarm about once in 16,000 runs of a correct formula)."""
    contacts, population, followers = [200, 150, 100, 400, 50], 1500, 300
    expected = independent_reach(contacts, population, followers)
    sim = simulate_independent_reach(contacts, population, followers, runs=4000, seed=7)
    for drawn, formula in ((sim.unique, expected.unique), (sim.total, expected.total[-1])):
        standard_error = drawn.std(ddof=1) / math.sqrt(drawn.size)
        assert abs(drawn.mean() - formula) < 4 * standard_error
    # and a wrong formula (the plain sum) is far outside
    assert abs(sim.unique.mean() - sum(contacts)) > 100 * standard_error


def test_simulation_repeats_with_its_seed():
    first = simulate_independent_reach([20, 30], 100, 10, runs=50, seed=3)
    again = simulate_independent_reach([20, 30], 100, 10, runs=50, seed=3)
    assert first.unique.tolist() == again.unique.tolist() and first.runs == 50
    assert np.all(first.total >= first.unique) and np.all(first.unique >= 30)


# --- choosing ambassadors ------------------------------------------------------------------------


def tiny_graphs():
    rng = np.random.default_rng(11)
    cases = [nx.gnp_random_graph(12, p, seed=int(rng.integers(10**6))) for p in (0.15, 0.3)]
    cases += [nx.barabasi_albert_graph(14, 2, seed=int(rng.integers(10**6))) for _ in range(4)]
    cases += [watts_strogatz(16, 4, 0.2, seed=int(rng.integers(10**6))).to_networkx(),
              nx.karate_club_graph()]
    return cases


@pytest.mark.parametrize("graph", tiny_graphs(), ids=lambda g: f"{g.number_of_nodes()} nodes, "
                                                               f"{g.number_of_edges()} edges")
@pytest.mark.parametrize("k", [1, 2, 3, 4])
def test_greedy_reaches_at_least_63_percent_of_the_best(graph, k):
    nodes = list(graph.nodes())
    best = max(len(brute_union(graph, chosen)) for chosen in combinations(nodes, k))
    exhaustive = best_ambassadors(graph, k=k)
    assert exhaustive.total == best
    greedy = choose_ambassadors(graph, k=k)
    assert greedy.total >= GREEDY_BOUND * best
    assert greedy.total <= best
    assert greedy.reach.tolist() == reach_curve(graph, greedy.ambassadors).tolist()


def test_best_ambassadors_with_a_page_and_exclusions_matches_brute_force():
    graph = nx.karate_club_graph()
    candidates, followers, exclude = [0, 1, 2, 3, 5, 8, 31, 32, 33], [4, 6, 10], [0, 33]
    for k in (1, 2, 3):
        best = max(len(brute_union(graph, chosen, followers, exclude))
                   for chosen in combinations(candidates, k))
        found = best_ambassadors(graph, candidates, k, followers, exclude)
        assert found.total == best
        assert set(found.ambassadors) <= set(candidates)
        greedy = choose_ambassadors(graph, candidates, k, followers=followers, exclude=exclude)
        assert greedy.total >= GREEDY_BOUND * best


def test_greedy_avoids_the_hub_whose_audience_is_already_covered():
    # Hubs 0 and 1 know the same 6 people; node 2 knows 4 others. Most-connected takes both hubs.
    edges = [(h, v) for h in (0, 1) for v in range(10, 16)] + [(2, v) for v in range(20, 24)]
    graph = nx.Graph(edges)
    degree = choose_ambassadors(graph, [0, 1, 2], 2, rule="most-connected")
    greedy = choose_ambassadors(graph, [0, 1, 2], 2)
    assert degree.ambassadors == (0, 1) and degree.reach.tolist() == [0, 6, 6]
    assert greedy.ambassadors == (0, 2) and greedy.reach.tolist() == [0, 6, 10]
    assert best_ambassadors(graph, [0, 1, 2], 2).total == 10
    assert greedy.marginal.tolist() == [6, 4]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_greedy_beats_random_and_most_connected_on_seeded_companies(seed):
    g = professional_network(20_000, 30, closure=0.5, seed=seed)
    firm = company(g, employees=200, followers=1000, seed=seed)
    staff = firm.employees
    chosen = {rule: choose_ambassadors(g, staff, 60, rule, firm.followers, staff, seed=seed)
              for rule in RULES}
    greedy = chosen["greedy"].reach
    for rule in ("most-connected", "random"):
        assert np.all(greedy >= chosen[rule].reach), rule
        assert greedy[-1] > chosen[rule].reach[-1], rule
    assert greedy[10] > 1.5 * chosen["random"].reach[10]
    # diminishing returns: greedy's marginal reach never grows
    assert np.all(np.diff(chosen["greedy"].marginal) <= 0)


def test_rules_are_deterministic_and_k_zero_is_the_page():
    g = professional_network(2000, 10, seed=1)
    for rule in RULES:
        first = choose_ambassadors(g, k=5, rule=rule, followers=[0, 1], seed=4)
        again = choose_ambassadors(g, k=5, rule=rule, followers=[0, 1], seed=4)
        assert first.ambassadors == again.ambassadors and len(first.ambassadors) == 5
        assert choose_ambassadors(g, k=0, rule=rule, followers=[0, 1]).reach.tolist() == [2]
    assert best_ambassadors(nx.path_graph(4), k=0, followers=[3]).reach.tolist() == [1]
    assert "greedy" in repr(choose_ambassadors(g, k=2))


# --- a company ----------------------------------------------------------------------------------


def test_company_is_a_cluster_with_outside_followers():
    g = professional_network(5000, 20, seed=2)
    firm = company(g, employees=100, followers=400, seed=5)
    staff = set(firm.employees.tolist())
    assert len(staff) == 100 and firm.followers.size == 400
    assert not staff & set(firm.followers.tolist())
    # every employee after the first is a contact of an earlier one (breadth-first growth)
    for i, person in enumerate(firm.employees[1:], start=1):
        assert set(g.neighbors(int(person)).tolist()) & set(firm.employees[:i].tolist())
    inside = np.isin(g.indices, firm.employees)
    assert firm.outside_contacts.tolist() == [
        int((~inside[g.indptr[v]:g.indptr[v + 1]]).sum()) for v in firm.employees]
    again = company(g, employees=100, followers=400, seed=5)
    assert again.employees.tolist() == firm.employees.tolist()
    assert "100 employees" in repr(firm)


def test_company_jumps_to_another_component_when_one_runs_out():
    ring = watts_strogatz(10, 2, 0.0)
    firm = company(ring, employees=10, followers=0, seed=0)
    assert sorted(firm.employees.tolist()) == list(range(10))
    two_rings = from_edges(8, np.array([0, 1, 2, 3, 4, 5, 6, 7]), np.array([1, 2, 3, 0, 5, 6, 7,
                                                                            4]))
    firm = company(two_rings, employees=6, followers=2, seed=1)
    assert np.unique(firm.employees).size == 6 and firm.followers.size == 2


# --- concentration ------------------------------------------------------------------------------


def test_concentration_of_a_pareto_population_recovers_its_alpha():
    values = sample_pareto(1.5, 400_000, seed=2)
    found = concentration(values, top=0.03)
    assert found.alpha == pytest.approx(1.5, abs=0.05)
    assert found.gini == pytest.approx(gini_pareto(1.5), abs=0.02)


def test_concentration_limits_and_the_linkedin_alpha():
    equal = concentration([5] * 100)
    assert equal.share == pytest.approx(0.03) and equal.alpha == math.inf and equal.gini == 0
    one = concentration([0] * 99 + [1])
    assert one.share == 1.0 and one.alpha == 1.0
    assert alpha_for_share(0.03, LINKEDIN_2017_ENGAGEMENT) == pytest.approx(1.5228, abs=1e-4)


# --- the vendor claims --------------------------------------------------------------------------


def test_required_overlap_is_exactly_where_the_claim_starts_to_hold():
    followers, summed = 2000.0, 15000.0
    limit = required_overlap(6.61, followers, summed)
    at_limit = Programme(followers, summed, summed * (1 - limit))
    assert at_limit.reach_ratio == pytest.approx(6.61)
    assert required_overlap(6.61, 3000, 15000) < 0
    assert required_rate_ratio(24, at_limit.reach_ratio) * at_limit.reach_ratio == \
        pytest.approx(24)


def test_sharers_share_and_its_inverse():
    for share in (0.05, 0.3, 0.9):
        reach = required_sharers_reach(share, 3000, 2.0)
        assert sharers_engagement_share(reach, 3000, 2.0) == pytest.approx(share)
    assert required_sharers_reach(0.3, 7000, 1.0) == pytest.approx(3000)


def test_hold_claims_covers_every_claim_and_follows_the_numbers():
    programme = Programme(followers=2000, summed_contacts=26_000, unique_reach=16_000,
                          rate_ratio=2.0)
    table = hold_claims(programme)
    assert list(table.index) == [claim.name for claim in VENDOR_CLAIMS]
    assert table.loc["561% further", "holds"] == bool(16_000 / 2000 >= 6.61)
    assert table.loc["10x connections", "this programme"] == pytest.approx(13)
    assert table.loc["8x engagement", "this programme"] == pytest.approx(16)
    assert table.loc["2x click-through", "holds"] is None
    assert "3.0x as engaged" in table.loc["24x re-shares", "would need"]
    small = hold_claims(Programme(followers=5000, summed_contacts=20_000, unique_reach=15_000))
    assert "impossible" in small.loc["561% further", "would need"]
    assert not small.loc["10x connections", "holds"]


# --- bad input ----------------------------------------------------------------------------------

PATH = nx.path_graph(5)


@pytest.mark.parametrize("call, error, name", [
    (lambda: independent_reach(500, 1000), TypeError, "contacts"),
    (lambda: independent_reach("500", 1000), TypeError, "contacts"),
    (lambda: independent_reach([[1, 2]], 1000), ValueError, "contacts"),
    (lambda: independent_reach([-1], 1000), ValueError, "contacts"),
    (lambda: independent_reach([2000], 1000), ValueError, "contacts"),
    (lambda: independent_reach([np.nan], 1000), ValueError, "contacts"),
    (lambda: independent_reach(["a"], 1000), TypeError, "contacts"),
    (lambda: independent_reach([10], 0), ValueError, "population"),
    (lambda: independent_reach([10], "1000"), TypeError, "population"),
    (lambda: independent_reach([10], 1000, followers=1001), ValueError, "followers"),
    (lambda: independent_reach([10], 1000, followers=-1), ValueError, "followers"),
    (lambda: simulate_independent_reach([10], 100.5), TypeError, "population"),
    (lambda: simulate_independent_reach([10.5], 100), ValueError, "contacts"),
    (lambda: simulate_independent_reach([10], 100, followers=101), ValueError, "followers"),
    (lambda: simulate_independent_reach([10], 100, runs=0), ValueError, "runs"),
    (lambda: simulate_independent_reach([10], 10**7, runs=10**4), ValueError, "runs"),
    (lambda: simulate_independent_reach([10], 10**8), ValueError, "population"),
    (lambda: simulate_independent_reach([10], 100, seed=-1), ValueError, "seed"),
    (lambda: union_reach("graph", [0]), TypeError, "graph"),
    (lambda: union_reach(PATH, 0), TypeError, "ambassadors"),
    (lambda: union_reach(PATH, "01"), TypeError, "ambassadors"),
    (lambda: union_reach(PATH, [7]), ValueError, "ambassadors"),
    (lambda: union_reach(PATH, [1, 1]), ValueError, "ambassadors"),
    (lambda: union_reach(watts_strogatz(10, 2, 0), [1.0]), TypeError, "ambassadors"),
    (lambda: union_reach(watts_strogatz(10, 2, 0), np.array([11])), ValueError, "ambassadors"),
    (lambda: union_reach(PATH, [1], followers=[9]), ValueError, "followers"),
    (lambda: union_reach(PATH, [1], exclude=5), TypeError, "exclude"),
    (lambda: reach_curve(PATH, [1], followers=[0, 0]), ValueError, "followers"),
    (lambda: overlap(PATH, [9]), ValueError, "ambassadors"),
    (lambda: choose_ambassadors(PATH, k=6), ValueError, "k"),
    (lambda: choose_ambassadors(PATH, k=-1), ValueError, "k"),
    (lambda: choose_ambassadors(PATH, k=1.0), TypeError, "k"),
    (lambda: choose_ambassadors(PATH, k=1, rule="best"), ValueError, "rule"),
    (lambda: choose_ambassadors(PATH, k=1, rule=None), ValueError, "rule"),
    (lambda: choose_ambassadors(PATH, [], k=0), ValueError, "candidates"),
    (lambda: choose_ambassadors(PATH, [0, 1], k=3), ValueError, "k"),
    (lambda: choose_ambassadors(PATH, k=1, seed="x"), TypeError, "seed"),
    (lambda: choose_ambassadors(nx.Graph(), k=0), ValueError, "graph"),
    (lambda: best_ambassadors(nx.path_graph(60), k=10), ValueError, "combinations"),
    (lambda: best_ambassadors(PATH, k=6), ValueError, "k"),
    (lambda: company(PATH, 2), TypeError, "graph"),
    (lambda: company(watts_strogatz(10, 2, 0), 0), ValueError, "employees"),
    (lambda: company(watts_strogatz(10, 2, 0), 11), ValueError, "employees"),
    (lambda: company(watts_strogatz(10, 2, 0), 5, followers=6), ValueError, "followers"),
    (lambda: company(watts_strogatz(10, 2, 0), 5, 0, seed=1.5), TypeError, "seed"),
    (lambda: concentration([1, 2, 3], top=0), ValueError, "top"),
    (lambda: concentration([1, 2, 3], top=3), ValueError, "top"),
    (lambda: concentration([], top=0.1), ValueError, "values"),
    (lambda: concentration([-1, 2], top=0.1), ValueError, "values"),
    (lambda: concentration("123", top=0.1), TypeError, "values"),
    (lambda: Programme(0, 10, 5), ValueError, "followers"),
    (lambda: Programme(10, 10, 11), ValueError, "unique_reach"),
    (lambda: Programme(10, -1, 0), ValueError, "summed_contacts"),
    (lambda: Programme(10, 10, 5, rate_ratio=0), ValueError, "rate_ratio"),
    (lambda: Programme(10, "10", 5), TypeError, "summed_contacts"),
    (lambda: required_overlap(0, 10, 10), ValueError, "factor"),
    (lambda: required_overlap(2, 0, 10), ValueError, "followers"),
    (lambda: required_overlap(2, 10, 0), ValueError, "summed_contacts"),
    (lambda: required_rate_ratio(2, 0), ValueError, "reach_ratio"),
    (lambda: required_rate_ratio("2", 1), TypeError, "factor"),
    (lambda: sharers_engagement_share(-1, 10), ValueError, "sharers_reach"),
    (lambda: sharers_engagement_share(1, 0), ValueError, "followers"),
    (lambda: sharers_engagement_share(1, 10, rate_ratio=0), ValueError, "rate_ratio"),
    (lambda: required_sharers_reach(1.0, 10), ValueError, "share"),
    (lambda: required_sharers_reach(30, 10), ValueError, "share"),
    (lambda: required_sharers_reach(0.3, 10, rate_ratio=-2), ValueError, "rate_ratio"),
    (lambda: hold_claims("programme"), TypeError, "programme"),
    (lambda: hold_claims(Programme(10, 10, 5), claims=["561%"]), TypeError, "claims"),
    # were "'NoneType' object is not iterable" and pandas' KeyError on an empty table
    (lambda: union_reach(nx.path_graph(5), [1, 3, 1]), ValueError,
     "ambassadors must not repeat a node, got 1 more than once"),
    (lambda: hold_claims(Programme(10, 10, 5), claims=None), TypeError,
     "claims must be a non-empty list or tuple of VendorClaim objects"),
    (lambda: hold_claims(Programme(10, 10, 5), claims=[]), ValueError,
     r"claims must be a non-empty list .*, got \[\]"),
])
def test_bad_input_names_the_parameter(call, error, name):
    with pytest.raises(error, match=name):
        call()


def test_module_exports_what_it_documents():
    for name in advocacy.__all__:
        assert hasattr(advocacy, name), name


# --- cascades -----------------------------------------------------------------------------------


def _sizes_per_sample(draws, seeds, exclude=()):
    """Reach of the union of the seeds' cascades in each sample, by sets of labels."""
    counted = np.ones(draws.graph.n, dtype=bool)
    counted[list(exclude)] = False
    values = []
    for row in draws.component:
        hit = set(row[list(seeds)].tolist())
        values.append(int(np.isin(row[counted], list(hit)).sum()))
    return np.array(values, dtype=float)


@pytest.mark.parametrize("p", [0.2, 0.5, 0.9])
def test_cascades_match_closed_forms_on_a_path_and_a_triangle(p):
    samples = 20_000
    bound = 4 * 3 / (2 * math.sqrt(samples))   # 4 standard errors at most, values in [0, 3]
    path = advocacy.cascade_samples(nx.path_graph(3), p, samples=samples, seed=1)
    assert advocacy.cascade_reach(path, [0]) == pytest.approx(1 + p + p * p, abs=bound)
    triangle = advocacy.cascade_samples(nx.complete_graph(3), p, samples=samples, seed=2)
    other = p + (1 - p) * p * p   # directly, or through the third person
    assert advocacy.cascade_reach(triangle, [0]) == pytest.approx(1 + 2 * other, abs=bound)
    assert advocacy.cascade_reach(triangle, [0], exclude=[0]) == pytest.approx(2 * other,
                                                                              abs=bound)


def test_cascades_at_p_0_and_1_are_exact():
    graph = nx.union(nx.path_graph(4), nx.cycle_graph(["a", "b", "c"]))
    none = advocacy.cascade_samples(graph, 0.0, samples=3)
    assert advocacy.cascade_curve(none, [0, "a", 3], exclude=[3]).tolist() == [0, 1, 2, 2]
    every = advocacy.cascade_samples(graph, 1.0, samples=3)
    assert advocacy.cascade_curve(every, [0, 2, "b"]).tolist() == [0, 4, 4, 7]
    assert "p=1" in repr(every) and every.samples == 3


def test_cascades_agree_with_chapter_4_simulation():
    """One seed: the live-edge draws and chapter 4's independent cascades give the same mean
    size, within 4 standard errors of the difference."""
    from socialmath.branding import critical_probability, simulate_cascades
    from socialmath.graphs import barabasi_albert
    g = barabasi_albert(2000, 3, seed=3)
    p = 0.8 * critical_probability(g)
    for source in (0, 17, 1999):
        simulated = simulate_cascades(g, p, sources=[source] * 3000, seed=4).sizes
        draws = advocacy.cascade_samples(g, p, samples=3000, seed=5)
        drawn = _sizes_per_sample(draws, [source])
        assert drawn.mean() == pytest.approx(advocacy.cascade_reach(draws, [source]))
        spread = math.sqrt(simulated.var(ddof=1) / simulated.size + drawn.var(ddof=1) /
                           drawn.size)
        assert abs(simulated.mean() - drawn.mean()) < 4 * spread


def independent_cascade(graph: nx.Graph, seeds, p, rng) -> set:
    """Kempe's process with several seeds: each new sharer tries each contact once."""
    active, frontier = set(seeds), list(seeds)
    while frontier:
        fresh = []
        for person in frontier:
            for contact in graph.neighbors(person):
                if contact not in active and rng.random() < p:
                    active.add(contact)
                    fresh.append(contact)
        frontier = fresh
    return active


def test_several_seeds_agree_with_a_plain_loop():
    graph = nx.karate_club_graph()
    seeds, p, runs = [0, 33, 16], 0.15, 4000
    rng = np.random.default_rng(6)
    loop = np.array([len(independent_cascade(graph, seeds, p, rng) - {0}) for _ in range(runs)],
                    dtype=float)
    draws = advocacy.cascade_samples(graph, p, samples=runs, seed=7)
    drawn = _sizes_per_sample(draws, seeds, exclude=[0])
    assert advocacy.cascade_reach(draws, seeds, exclude=[0]) == pytest.approx(drawn.mean())
    spread = math.sqrt(loop.var(ddof=1) / runs + drawn.var(ddof=1) / runs)
    assert abs(loop.mean() - drawn.mean()) < 4 * spread


@pytest.mark.parametrize("graph", tiny_graphs()[:5], ids=lambda g: f"{g.number_of_edges()} edges")
@pytest.mark.parametrize("k", [1, 2, 3])
def test_greedy_cascades_reach_at_least_63_percent_of_the_best_on_the_same_draws(graph, k):
    draws = advocacy.cascade_samples(graph, 0.3, samples=200, seed=8)
    best = max(_sizes_per_sample(draws, chosen).mean()
               for chosen in combinations(graph.nodes(), k))
    found = best_ambassadors(graph, k=k, cascades=draws)
    assert found.total == pytest.approx(best)
    greedy = choose_ambassadors(graph, k=k, cascades=draws)
    assert best * GREEDY_BOUND - 1e-9 <= greedy.total <= best + 1e-9
    assert greedy.reach.tolist() == pytest.approx(
        advocacy.cascade_curve(draws, greedy.ambassadors).tolist())


def test_greedy_cascades_beat_hubs_that_share_an_audience():
    # Two hubs inside one dense circle, a smaller hub in a circle of its own: the hubs' cascades
    # overlap, so the second hub adds little; greedy takes the other circle instead.
    circle = nx.complete_graph(12)
    other = nx.relabel_nodes(nx.complete_graph(9), lambda v: v + 100)
    graph = nx.union(circle, other)
    graph.add_edges_from((0, v) for v in range(200, 215))
    graph.add_edges_from((1, v) for v in range(200, 215))
    graph.add_edges_from((100, v) for v in range(300, 305))
    chosen_on = advocacy.cascade_samples(graph, 0.3, samples=300, seed=9)
    judged_on = advocacy.cascade_samples(graph, 0.3, samples=3000, seed=10)
    greedy = choose_ambassadors(graph, k=2, cascades=chosen_on)
    hubs = choose_ambassadors(graph, k=2, rule="most-connected", cascades=chosen_on)
    assert hubs.ambassadors == (0, 1) and 100 in greedy.ambassadors
    assert advocacy.cascade_reach(judged_on, greedy.ambassadors) > 1.2 * advocacy.cascade_reach(
        judged_on, hubs.ambassadors)


@pytest.mark.parametrize("call, error, name", [
    (lambda: advocacy.cascade_samples(PATH, 1.5), ValueError, "p"),
    (lambda: advocacy.cascade_samples(PATH, "0.5"), TypeError, "p"),
    (lambda: advocacy.cascade_samples(PATH, 0.5, samples=0), ValueError, "samples"),
    (lambda: advocacy.cascade_samples(PATH, 0.5, samples=2.0), TypeError, "samples"),
    (lambda: advocacy.cascade_samples(PATH, 0.5, samples=10**7), ValueError, "samples"),
    (lambda: advocacy.cascade_samples(nx.Graph(), 0.5), ValueError, "graph"),
    (lambda: advocacy.cascade_samples(PATH, 0.5, seed=-1), ValueError, "seed"),
    (lambda: advocacy.cascade_reach("draws", [0]), TypeError, "cascades"),
    (lambda: advocacy.cascade_reach(advocacy.cascade_samples(PATH, 0.5), [9]), ValueError,
     "ambassadors"),
    (lambda: advocacy.cascade_curve(advocacy.cascade_samples(PATH, 0.5), [0], exclude=[7]),
     ValueError, "exclude"),
    (lambda: choose_ambassadors(PATH, k=1, cascades="draws"), TypeError, "cascades"),
    (lambda: choose_ambassadors(PATH, k=1, followers=[0],
                                cascades=advocacy.cascade_samples(PATH, 0.5)), ValueError,
     "followers"),
    (lambda: choose_ambassadors(nx.path_graph(6), k=1,
                                cascades=advocacy.cascade_samples(PATH, 0.5)), ValueError,
     "cascades"),
    (lambda: best_ambassadors(nx.path_graph(60), k=10,
                              cascades=advocacy.cascade_samples(nx.path_graph(60), 0.5)),
     ValueError, "combinations"),
])
def test_bad_cascade_input_names_the_parameter(call, error, name):
    with pytest.raises(error, match=name):
        call()
