"""The friendship paradox: Feld's identity, exactly, and Feld's own Table 1."""

from __future__ import annotations

from fractions import Fraction

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from socialmath.branding.paradox import (
    FELD_1991_NAMES,
    feld_1991_graph,
    friends_mean_degree,
    friendship_paradox,
    paradox_by_degree,
)
from socialmath.graphs import barabasi_albert, erdos_renyi, professional_network, watts_strogatz


def test_feld_table_1():
    """Feld (1991), Table 1: eight girls, 2.5 friends on average, 3.0 for their friends."""
    graph = feld_1991_graph()
    paradox = friendship_paradox(graph)
    assert graph.number_of_nodes() == 8 and graph.number_of_edges() == 10
    assert paradox.mean_degree == 2.5
    assert paradox.mean_friend_degree == 3.0
    assert paradox.feld_identity == 3.0
    assert paradox.variance == 1.25
    own = dict(zip(FELD_1991_NAMES, friends_mean_degree(graph), strict=True))
    degrees = dict(graph.degree())
    below = [name for name in FELD_1991_NAMES if own[name] > degrees[name]]
    assert below == ["Betty", "Jane", "Pam", "Dale", "Tina"]
    assert (paradox.share_below, paradox.share_equal, paradox.share_above) == (5 / 8, 1 / 8, 2 / 8)
    assert own["Sue"] == pytest.approx(11 / 4) and own["Carol"] == 2.0


def _exact_sides(graph: nx.Graph) -> tuple[Fraction, Fraction]:
    """Both sides of Feld's identity in exact arithmetic: the mean of a friend's degree over
    friendships, by walking every friendship, and mean + variance / mean from the degrees."""
    degrees = [d for _, d in graph.degree()]
    n = len(degrees)
    mean = Fraction(sum(degrees), n)
    variance = Fraction(sum(d * d for d in degrees), n) - mean * mean
    ends = [graph.degree(v) for u, v in graph.edges()] + [graph.degree(u) for u, v in graph.edges()]
    return Fraction(sum(ends), len(ends)), mean + variance / mean


@pytest.mark.parametrize("graph", [
    erdos_renyi(5000, 8, seed=1), barabasi_albert(5000, 3, seed=2),
    watts_strogatz(3000, 6, 0.2, seed=3), professional_network(4000, 10, seed=4),
], ids=["erdos-renyi", "barabasi-albert", "watts-strogatz", "professional"])
def test_feld_identity_holds_exactly_on_random_graphs(graph):
    as_nx = graph.to_networkx()
    over_friendships, identity = _exact_sides(as_nx)
    assert over_friendships == identity  # exact, in rational arithmetic
    paradox = friendship_paradox(graph)
    assert paradox.mean_friend_degree == pytest.approx(float(identity), rel=1e-12)
    assert paradox.feld_identity == pytest.approx(float(identity), rel=1e-12)
    assert paradox.gap == pytest.approx(paradox.variance / paradox.mean_degree, rel=1e-12)
    assert paradox.share_below + paradox.share_equal + paradox.share_above == pytest.approx(1.0)


@settings(max_examples=80, deadline=None)
@given(st.integers(2, 30).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)),
                         min_size=1, max_size=60))))
def test_any_small_graph_matches_a_person_by_person_count(case):
    n, pairs = case
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from((u, v) for u, v in pairs if u != v)
    if graph.number_of_edges() == 0:
        return
    paradox = friendship_paradox(graph)
    over_friendships, identity = _exact_sides(graph)
    assert over_friendships == identity
    assert paradox.mean_friend_degree == pytest.approx(float(identity))
    below = equal = people = 0
    for person in graph:
        friends = list(graph[person])
        if not friends:
            continue
        people += 1
        theirs = Fraction(sum(graph.degree(f) for f in friends), len(friends))
        below += theirs > len(friends)
        equal += theirs == len(friends)
    assert paradox.share_below == pytest.approx(below / people)
    assert paradox.share_equal == pytest.approx(equal / people)
    assert paradox.isolated == n - people


def test_equal_degrees_mean_no_paradox():
    paradox = friendship_paradox(nx.cycle_graph(9))
    assert paradox.mean_friend_degree == paradox.mean_degree == 2.0
    assert paradox.variance == 0 and paradox.share_equal == 1.0


def test_isolated_people_count_in_the_mean_but_not_in_the_shares():
    graph = nx.star_graph(3)
    graph.add_node("alone")
    paradox = friendship_paradox(graph)
    assert paradox.mean_degree == 6 / 5
    assert paradox.isolated == 1
    assert paradox.share_below == 3 / 4
    assert np.isnan(friends_mean_degree(graph)[-1])


def test_every_input_type_gives_the_same_answer():
    g = professional_network(800, 8, seed=6)
    answers = {friendship_paradox(x) for x in (g, g.to_networkx(), g.to_scipy())}
    assert len(answers) == 1


@pytest.mark.parametrize(("call", "error", "name"), [
    (lambda: friendship_paradox(nx.empty_graph(4)), ValueError, "at least one link"),
    (lambda: friendship_paradox([[0, 1]]), TypeError, "graph"),
    (lambda: friendship_paradox(nx.DiGraph([(0, 1)])), TypeError, "undirected"),
    (lambda: friendship_paradox(sp.csr_array((2, 3))), ValueError, "square"),
    (lambda: friends_mean_degree("x"), TypeError, "graph"),
])
def test_bad_input_names_the_parameter(call, error, name):
    with pytest.raises(error, match=name):
        call()


# --- the paradox by number of contacts ------------------------------------------------------------


def test_by_degree_on_a_star_the_leaves_are_below_and_the_hub_above():
    table = paradox_by_degree(nx.star_graph(4), edges=(1, 2))
    assert table.index.tolist() == ["1", "2+"]
    assert table["people"].tolist() == [4, 1]
    assert table["below"].tolist() == [1.0, 0.0]
    assert table["above"].tolist() == [0.0, 1.0]


def test_by_degree_matches_a_person_by_person_count():
    graph = professional_network(3000, 12, closure=0.5, seed=3)
    degrees = graph.degrees
    friends = friends_mean_degree(graph)
    edges = (1, 5, 12, 30)
    table = paradox_by_degree(graph, edges=edges)
    assert table.index.tolist() == ["1–4", "5–11", "12–29", "30+"]
    groups = zip(edges, [*edges[1:], None], strict=True)
    for (low, high), (_, row) in zip(groups, table.iterrows(), strict=True):
        inside = (degrees >= low) & ((degrees < high) if high else True)
        assert row["people"] == inside.sum()
        assert row["below"] == pytest.approx(np.mean(friends[inside] > degrees[inside]))
        assert row["above"] == pytest.approx(np.mean(friends[inside] < degrees[inside]))
    assert table["people"].sum() == np.count_nonzero(degrees)
    # The whole network's share below is the people-weighted mean of the groups'.
    overall = friendship_paradox(graph).share_below
    weighted = (table["below"] * table["people"]).sum() / table["people"].sum()
    assert weighted == pytest.approx(overall)


def test_by_degree_reverses_for_the_best_connected():
    """The paradox holds for most people and fails for the hubs (the chapter's claim)."""
    table = paradox_by_degree(professional_network(20_000, 20, closure=0.5, seed=4))
    assert table.loc["1–19", "below"] > 0.99
    assert table.loc["100+", "people"] > 0 and table.loc["100+", "below"] < 0.01


def test_by_degree_an_empty_group_has_no_shares():
    table = paradox_by_degree(nx.path_graph(4), edges=(1, 2, 3))
    assert table.loc["3+", "people"] == 0
    assert np.isnan(table.loc["3+", "below"]) and np.isnan(table.loc["3+", "above"])


@pytest.mark.parametrize(("edges", "error", "name"), [
    ("1, 20", TypeError, "edges"),
    (5, TypeError, "edges"),
    ((), ValueError, "edges"),
    ((20, 20), ValueError, "strictly increasing"),
    ((0, 20), ValueError, "edges"),
    ((1.5, 20), TypeError, "edges"),
])
def test_by_degree_bad_edges_name_the_parameter(edges, error, name):
    with pytest.raises(error, match=name):
        paradox_by_degree(nx.star_graph(3), edges=edges)
