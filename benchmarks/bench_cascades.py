"""Independent cascades: socialmath's array simulation against a plain networkx loop, side by side
in one run, on the same graph, from the same seeds, with the same pass-on probability.

    .venv/bin/python benchmarks/bench_cascades.py              # the full run (about a minute)
    .venv/bin/python benchmarks/bench_cascades.py --p 0.05     # another probability

The target: 1,000 cascades on a Barabási-Albert graph of 10^5 nodes (m = 3) at least 20x faster
than the loop (``socialmath.branding.cascade_by_loop``: a queue, one random number per contact
tried). The two use different random numbers, so their cascades differ one by one; what must
agree is the distribution of cascade sizes. The run prints a two-sample Kolmogorov-Smirnov test
of the two samples of sizes (scipy.stats.ks_2samp; for whole-number sizes it is conservative)
and an Anderson-Darling k-sample test (scipy.stats.anderson_ksamp); p-values above 0.05 mean no
detectable difference. Each timing is the median of ``--repeats`` runs of the array version and
one run of the loop; graph building and conversion to networkx are not timed.

The default p = 0.1 is above the critical probability 1 / (k_nn - 1), about 0.04 on this graph:
most cascades stay small and a few reach thousands of people, so both sides do real work.

The machine may be shared: run it on a quiet machine for figures to quote, and quote them as
measured on that machine.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
import warnings

import numpy as np
from scipy import stats

from socialmath.branding import cascade_by_loop, critical_probability, simulate_cascades
from socialmath.graphs import barabasi_albert

GOAL = 20.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="nodes (100,000)")
    parser.add_argument("--m", type=int, default=3, help="links per newcomer (3)")
    parser.add_argument("--p", type=float, default=0.1, help="pass-on probability (0.1)")
    parser.add_argument("--cascades", type=int, default=1000, help="cascades (1,000)")
    parser.add_argument("--repeats", type=int, default=5, help="runs of the array version")
    args = parser.parse_args()

    graph = barabasi_albert(args.n, args.m, seed=1)
    as_networkx = graph.to_networkx()
    sources = np.random.default_rng(2).integers(0, graph.n, args.cascades)
    print(f"Python {platform.python_version()} on {platform.machine()}: {args.cascades:,} "
          f"cascades at p = {args.p:g} on {graph!r}; critical p about "
          f"{critical_probability(graph):.3f}")

    timings = []
    for repeat in range(args.repeats):
        start = time.perf_counter()
        ours = simulate_cascades(graph, args.p, sources=sources, seed=3 + repeat)
        timings.append(time.perf_counter() - start)
    ours_s = statistics.median(timings)

    rng = np.random.default_rng(4)
    start = time.perf_counter()
    loop_sizes = np.array([len(cascade_by_loop(as_networkx, int(s), args.p, rng))
                           for s in sources])
    loop_s = time.perf_counter() - start

    speedup = loop_s / ours_s
    verdict = "meets" if speedup >= GOAL else "MISSES"
    print(f"socialmath (arrays): {ours_s:8.3f} s  (median of {args.repeats})")
    print(f"networkx loop:       {loop_s:8.3f} s  (one run)")
    print(f"speed-up:            {speedup:8.1f}x  ({verdict} the {GOAL:.0f}x goal)")

    for name, sizes in (("socialmath", ours.sizes), ("networkx loop", loop_sizes)):
        print(f"{name:>14} sizes: mean {sizes.mean():8.1f}, median {np.median(sizes):5.0f}, "
              f"largest {sizes.max():7,}, share of size 1 {np.mean(sizes == 1):.3f}")
    ks = stats.ks_2samp(ours.sizes, loop_sizes)
    print(f"two-sample Kolmogorov-Smirnov on the sizes: D = {ks.statistic:.4f}, "
          f"p = {ks.pvalue:.3f}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # p-values outside [0.001, 0.25] are capped: say so
        ad = stats.anderson_ksamp([ours.sizes, loop_sizes])
    print(f"Anderson-Darling k-sample on the sizes: statistic = {ad.statistic:.3f}, "
          f"p = {ad.pvalue:.3f} (scipy caps it to [0.001, 0.25])")
    agree = ks.pvalue > 0.05 and ad.pvalue > 0.05
    print("size distributions: " + ("no detectable difference at the 5% level" if agree
                                    else "DIFFER at the 5% level"))


if __name__ == "__main__":
    main()
