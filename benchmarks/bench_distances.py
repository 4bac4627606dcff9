"""Distances on a million-node graph: socialmath's bit-parallel BFS against igraph, networkit and
networkx, side by side in one run.

    .venv/bin/python benchmarks/bench_distances.py            # the full-size run (about 3 minutes)
    .venv/bin/python benchmarks/bench_distances.py --n 100000 --peer-sources 10   # a quick look

The target: a Barabasi-Albert graph with 10^6 nodes and m = 10, distance distribution from 100
sampled sources in under 5 s and under 2 GB of peak memory, at least 5x faster than igraph's BFS
from the same sources; reading the same graph from a scipy.sparse matrix (``as_graph``) a small
fraction of that search (both the best of 3 runs, printed side by side with the ratio; the goal
is 25% at most). igraph and networkit are a benchmark-only extra:
``.venv/bin/pip install -c requirements/constraints.txt igraph networkit``; a missing one is
skipped.

The machine may be shared: run it on a quiet machine for figures to quote, and quote them as
measured on that machine.
"""

from __future__ import annotations

import argparse
import platform
import resource
import sys
import time
import tracemalloc

import networkx as nx
import numpy as np

from socialmath.graphs import Graph, barabasi_albert
from socialmath.separation import distance_distribution


def peak_rss_gb() -> float:
    """The process's peak resident memory so far, in GB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6


def edge_array(g: Graph) -> np.ndarray:
    rows = np.repeat(np.arange(g.n), g.degrees)
    upper = rows < g.indices
    return np.column_stack([rows[upper], g.indices[upper]])


def histogram(counts_per_source: list[np.ndarray]) -> np.ndarray:
    depth = max(c.size for c in counts_per_source)
    total = np.zeros(depth, dtype=np.int64)
    for counts in counts_per_source:
        total[:counts.size] += counts
    total[0] = 0
    return total


def run_ours(g: Graph, sources: np.ndarray) -> tuple[float, float, object]:
    tracemalloc.start()
    start = time.perf_counter()
    dist = distance_distribution(g, sources=sources)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak / 1e9, dist


def run_search(g: Graph, sources: np.ndarray) -> float:
    """Seconds of one search, without tracemalloc's bookkeeping."""
    start = time.perf_counter()
    distance_distribution(g, sources=sources)
    return time.perf_counter() - start


def time_sparse_input(g: Graph, repeats: int = 3) -> list[tuple[str, float]]:
    """Seconds ``as_graph`` takes on the graph's adjacency matrix (the best of ``repeats``): as
    ``Graph.to_scipy`` and networkx write it (symmetric CSR), checked exactly and with
    ``assume_symmetric=True`` (a sampled check), and as one triangle in COO form (symmetrised on
    the way)."""
    from scipy import sparse

    from socialmath.graphs import as_graph

    symmetric = g.to_scipy()
    upper = sparse.triu(symmetric, k=1, format="coo")
    timings = []
    for name, matrix, promise in (("symmetric CSR", symmetric, False),
                                  ("symmetric CSR, assume_symmetric=True", symmetric, True),
                                  ("upper-triangle COO", upper, False)):
        best = float("inf")
        for _ in range(repeats):
            start = time.perf_counter()
            converted, _ = as_graph(matrix, assume_symmetric=promise)
            best = min(best, time.perf_counter() - start)
            assert np.array_equal(converted.indices, g.indices), name
        timings.append((name, best))
    return timings


def run_igraph(edges: np.ndarray, n: int, sources: np.ndarray, batch: int = 10):
    """igraph's unweighted ``distances`` (a BFS per source in C), ``batch`` sources per call: its
    fastest route here (``Graph.bfs`` per source took about 1.6x longer). Only the calls are
    timed, not our conversion of their lists to counts."""
    try:
        import igraph
    except ImportError:
        return None
    start = time.perf_counter()
    graph = igraph.Graph(n=n, edges=edges.tolist())
    build = time.perf_counter() - start
    per_source = []
    elapsed = 0.0
    for first in range(0, sources.size, batch):
        start = time.perf_counter()
        rows = graph.distances(source=sources[first:first + batch].tolist())
        elapsed += time.perf_counter() - start
        for row in rows:
            lengths = np.asarray(row, dtype=float)
            per_source.append(np.bincount(lengths[np.isfinite(lengths)].astype(np.int64)))
    return build, elapsed, histogram(per_source)


def run_networkit(edges: np.ndarray, n: int, sources: np.ndarray):
    try:
        import networkit
    except ImportError:
        return None
    start = time.perf_counter()
    graph = networkit.Graph(n)
    graph.addEdges((edges[:, 0].astype(np.uint64), edges[:, 1].astype(np.uint64)))
    build = time.perf_counter() - start
    per_source = []
    elapsed = 0.0
    for source in sources.tolist():
        start = time.perf_counter()
        bfs = networkit.distance.BFS(graph, source, storePaths=False)
        bfs.run()
        elapsed += time.perf_counter() - start  # the search only, not reading distances out
        reached = np.asarray(bfs.getDistances())
        reached = reached[reached < 1e300].astype(np.int64)
        per_source.append(np.bincount(reached))
    return build, elapsed, histogram(per_source)


def run_networkx(n: int, m: int, sources_count: int, seed: int):
    g = barabasi_albert(n, m, seed=seed)
    sources = np.sort(np.random.default_rng(seed).choice(n, sources_count, replace=False))
    graph = g.to_networkx()
    start = time.perf_counter()
    per_source = []
    for source in sources.tolist():
        lengths = nx.single_source_shortest_path_length(graph, source)
        per_source.append(np.bincount(np.fromiter(lengths.values(), dtype=np.int64)))
    theirs = time.perf_counter() - start
    start = time.perf_counter()
    dist = distance_distribution(g, sources=sources)
    ours = time.perf_counter() - start
    same = np.array_equal(dist.counts, histogram(per_source))
    return g, theirs, ours, same


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="nodes")
    parser.add_argument("--m", type=int, default=10, help="links per new node")
    parser.add_argument("--sources", type=int, default=100, help="sampled BFS sources")
    parser.add_argument("--peer-sources", type=int, default=100,
                        help="sources given to igraph and networkit (the first ones of ours)")
    parser.add_argument("--reference-sources", type=int, default=1280,
                        help="sources of a larger sample to check the mean against (0: skip)")
    parser.add_argument("--networkx-n", type=int, default=100_000, help="graph size for networkx")
    parser.add_argument("--networkx-sources", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    print(f"python {platform.python_version()}, numpy {np.__version__}, "
          f"{platform.machine()}, {platform.processor() or 'cpu'}")
    start = time.perf_counter()
    g = barabasi_albert(args.n, args.m, seed=args.seed)
    print(f"generate Barabasi-Albert n={g.n:,} m={args.m}: {time.perf_counter() - start:.2f} s, "
          f"{g.n_edges:,} edges, peak memory so far {peak_rss_gb():.2f} GB")

    sources = np.sort(np.random.default_rng(args.seed).choice(g.n, args.sources, replace=False))
    ours, bfs_peak, dist = run_ours(g, sources)
    print(f"socialmath bit-parallel BFS, {args.sources} sources: {ours:.2f} s; "
          f"memory allocated during the search (tracemalloc peak) {bfs_peak:.2f} GB; "
          f"process peak so far {peak_rss_gb():.2f} GB")
    search = min(ours, *(run_search(g, sources) for _ in range(2)))
    conversions = time_sparse_input(g)
    print(f"scipy.sparse input -> Graph (as_graph), best of 3, against the same search (best of "
          f"3: {search:.2f} s):")
    for name, seconds in conversions:
        print(f"  {name}: {seconds:.2f} s, {seconds / search:.0%} of the search")
    half = (dist.ci_high - dist.ci_low) / 2
    print(f"  mean distance {dist.mean:.4f} (95% interval +-{half:.4f}, "
          f"+-{half / dist.mean:.2%}), degrees of separation {dist.mean - 1:.4f}, "
          f"unreachable pairs {dist.unreachable:,}")
    print(f"  pairs at distance 1, 2, ...: {dist.counts[1:].tolist()}")

    if args.reference_sources:
        more = np.sort(np.random.default_rng(args.seed + 1).choice(
            g.n, min(args.reference_sources, g.n), replace=False))
        start = time.perf_counter()
        reference = distance_distribution(g, sources=more)
        print(f"  reference mean from {more.size:,} other sources: {reference.mean:.4f} "
              f"({time.perf_counter() - start:.1f} s); the 100-source mean differs by "
              f"{abs(dist.mean - reference.mean) / reference.mean:.2%}")

    peers = sources[:args.peer_sources]
    if peers.size == sources.size:
        ours_peers = ours
        ours_counts = dist.counts
    else:
        ours_peers, _, sub = run_ours(g, peers)
        ours_counts = sub.counts
    edges = edge_array(g)
    for name, runner in (("igraph", run_igraph), ("networkit", run_networkit)):
        result = runner(edges, g.n, peers)
        if result is None:
            print(f"{name}: not installed, skipped")
            continue
        build, elapsed, counts = result
        same = np.array_equal(counts, ours_counts)
        print(f"{name} BFS, {peers.size} sources: {elapsed:.2f} s (graph build {build:.1f} s, "
              f"not counted); socialmath is {elapsed / ours_peers:.1f}x faster; "
              f"same distance counts: {same}")

    if args.networkx_n:
        small, theirs, mine, same = run_networkx(args.networkx_n, args.m,
                                                 args.networkx_sources, args.seed)
        print(f"networkx BFS on n={small.n:,} ({small.n_edges:,} edges), "
              f"{args.networkx_sources} sources: {theirs:.2f} s; socialmath {mine:.2f} s "
              f"({theirs / mine:.1f}x); same distance counts: {same}")
    print(f"process peak memory (all of the above): {peak_rss_gb():.2f} GB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
