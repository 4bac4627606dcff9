"""Long distance searches: refused before they start when they would run for hours, and reported
while they run when they take a while, never printing anything on a short search."""

from __future__ import annotations

import math
import re

import networkx as nx
import numpy as np
import pytest

from socialmath.graphs import Graph, watts_strogatz
from socialmath.separation import (
    BATCH,
    LONG_RUN_SECONDS,
    MAX_SECONDS,
    STEPS_PER_SECOND,
    degrees_of_separation,
    distance_distribution,
    mean_distance,
    search_seconds,
    small_world_sweep,
)


def ring(n: int) -> Graph:
    """A ring of ``n`` nodes (n edges), built straight from its CSR arrays (no search, no sort)."""
    nodes = np.arange(n)
    neighbours = np.sort(np.column_stack([(nodes - 1) % n, (nodes + 1) % n]), axis=1)
    return Graph(np.arange(0, 2 * n + 1, 2, dtype=np.int64), neighbours.ravel().astype(np.int32))


# --- the estimate ---------------------------------------------------------------------------------


def test_the_estimate_is_sources_in_whole_batches_times_edges_at_the_benchmarks_speed():
    # The benchmark: 100 sources (one batch of 128) on 10^7 edges in about 1.6 s.
    assert search_seconds(100, 10**7) == pytest.approx(BATCH * 10**7 / STEPS_PER_SECOND)
    assert search_seconds(100, 10**7) == pytest.approx(1.6)
    assert search_seconds(1, 10**7) == search_seconds(BATCH, 10**7)  # a batch costs the same
    assert search_seconds(BATCH + 1, 10**7) == pytest.approx(2 * search_seconds(BATCH, 10**7))
    # Every node of a 10^6-node, 10^7-edge graph as a source: 7,813 batches, about 3.5 hours.
    assert search_seconds(10**6, 10**7) / 3600 == pytest.approx(7813 * 1.6 / 3600)
    assert search_seconds(0, 10**7) == 0.0


# --- refused before it starts ---------------------------------------------------------------------


def test_every_node_of_a_million_node_graph_as_a_source_is_refused_with_the_estimate():
    g = ring(10**6)
    with pytest.raises(ValueError) as caught:
        distance_distribution(g)  # would run for about 21 minutes (hours on a longer chain)
    message = str(caught.value)
    assert "sources=None (every node)" in message
    assert "1,000,000 sources x 1,000,000 edges" in message
    assert "about 21 minutes" in message  # 7,813 batches x 128 x 10^6 / 8e8 steps a second
    assert "max_seconds is 600" in message
    assert "sources=1000 (about 1.3 s" in message  # the sample it suggests, and its estimate
    assert "max_seconds=None" in message


def test_a_huge_explicit_source_set_is_refused_too():
    g = ring(10**6)
    with pytest.raises(ValueError, match=r"sources \(a sequence of 1,000,000 distinct nodes\)"):
        distance_distribution(g, sources=np.arange(10**6))
    with pytest.raises(ValueError, match=r"sources=900000 would search 900,000 sources"):
        distance_distribution(g, sources=900_000)


@pytest.mark.parametrize("function", [mean_distance, degrees_of_separation])
def test_the_functions_built_on_the_search_refuse_it_as_well(function):
    with pytest.raises(ValueError, match="sources=None"):
        function(ring(10**6))


def test_max_seconds_sets_the_limit_and_none_lifts_it():
    g = nx.path_graph(200)  # 199 edges: every source is 2 batches x 128 x 199 steps
    expected = search_seconds(200, 199)
    with pytest.raises(ValueError, match="max_seconds is 1e-08"):
        distance_distribution(g, max_seconds=1e-8)
    assert expected > 1e-8
    exact = distance_distribution(g, max_seconds=expected)  # at the limit: allowed
    assert exact.exact and exact.mean == pytest.approx(201 / 3)  # (n + 1) / 3 on a path
    assert distance_distribution(g, max_seconds=None).mean == exact.mean


def test_when_not_even_one_batch_fits_the_message_says_to_raise_the_limit():
    with pytest.raises(ValueError, match="Even one batch of 128 sources would take about"):
        distance_distribution(nx.path_graph(10), sources=1, max_seconds=1e-12)


@pytest.mark.parametrize("bad", [0, -1, math.nan, math.inf, "600", True])
def test_max_seconds_is_checked(bad):
    with pytest.raises((TypeError, ValueError), match="max_seconds"):
        distance_distribution(nx.path_graph(3), max_seconds=bad)


def test_a_sweep_checks_the_time_of_all_its_searches_before_building_any_graph():
    assert MAX_SECONDS == 600
    # 200,000 nodes, k = 10: each exact search is 200,000 x 10^6 steps, about 4 minutes; six
    # of them are about 25 minutes.
    with pytest.raises(ValueError, match=r"6 distance searches from 200,000 sources on "
                                         r"1,000,000 edges, about 25 minutes in all"):
        small_world_sweep(200_000, 10)


# --- progress -------------------------------------------------------------------------------------


def test_a_progress_function_is_called_after_each_batch():
    calls = []
    g = watts_strogatz(1000, 6, 0.1, seed=1)
    dist = distance_distribution(g, sources=300, seed=2,
                                 progress=lambda done, total: calls.append((done, total)))
    assert calls == [(128, 300), (256, 300), (300, 300)]
    assert dist.n_sources == 300


def test_the_sweep_passes_progress_to_each_search():
    calls = []
    small_world_sweep(200, 6, p=[0.1, 0.5], sources=10, seed=1,
                      progress=lambda done, total: calls.append((done, total)))
    assert calls == [(10, 10)] * 3  # two rewired graphs and the ring


def test_progress_true_writes_lines_to_stderr_and_nothing_to_stdout(capsys):
    distance_distribution(watts_strogatz(1000, 6, 0.1, seed=1), sources=300, progress=True)
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    # The first line at the start, then at most one every 5 s (a short run: none), and the last.
    assert lines[0].startswith("distance search: 0 of 300 sources (0%)")
    assert lines[-1].startswith("distance search: 300 of 300 sources (100%)")
    assert len(lines) == 2


def test_a_short_search_prints_nothing_by_default(capsys):
    assert search_seconds(300, 3000) < LONG_RUN_SECONDS
    distance_distribution(watts_strogatz(1000, 6, 0.1, seed=1), sources=300)
    small_world_sweep(200, 6, p=[0.1], seed=1)
    assert capsys.readouterr() == ("", "")


def test_a_long_search_reports_its_estimate_before_it_starts_and_its_end(capsys, monkeypatch):
    # A search expected to take 30 s or more announces itself, and a report begun is finished
    # even when the search goes faster than expected. The speed is lowered so that a small
    # graph counts as long: 3 batches x 128 x 3,000 edges at 1 step a second, 13.3 days.
    import socialmath.separation as separation

    monkeypatch.setattr(separation, "STEPS_PER_SECOND", 1.0)
    distance_distribution(watts_strogatz(1000, 6, 0.1, seed=1), sources=300, max_seconds=None)
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert re.fullmatch(r"distance search: 0 of 300 sources \(0%\), [\d.]+ s elapsed, about "
                        r"13\.3 days left", lines[0])
    assert lines[-1].startswith("distance search: 300 of 300 sources (100%), ")
    assert len(lines) == 2  # nothing in between: under 5 s


@pytest.mark.parametrize("bad", ["yes", 1, 2.5, object()])
def test_progress_is_checked(bad):
    with pytest.raises(TypeError, match="progress must be"):
        distance_distribution(nx.path_graph(3), progress=bad)
    with pytest.raises(TypeError, match="progress must be"):
        small_world_sweep(20, 2, p=[0.1], progress=bad)
