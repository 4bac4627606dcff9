"""Power-law fitting time: ``socialmath.pareto.fit_power_law`` on 100,000 values.

    .venv/bin/python benchmarks/bench_pareto_fit.py               # the figures (about 10 s)
    .venv/bin/python benchmarks/bench_pareto_fit.py --powerlaw    # also time the powerlaw package

For each kind of data (discrete and continuous power laws, alpha 2.5), time the full fit: the
x_min search (at most 300 candidates), maximum likelihood, and the likelihood-ratio comparisons
with a log-normal and an exponential. Then time one bootstrap replicate, which is what the
goodness-of-fit p-value costs per bootstrap. Each figure is the median of ``--repeats`` runs.

The ``powerlaw`` package tries every distinct value as x_min, so on 100,000 continuous values it
is slow; ``--powerlaw`` times it on the discrete data only.

The machine may be shared: run it on a quiet machine for figures to quote, and quote them as
measured on that machine.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
import warnings

from socialmath.pareto import fit_power_law, goodness_of_fit, sample_power_law

SIZE = 100_000


def median_seconds(task, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=SIZE, help="values to fit (100,000)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--powerlaw", action="store_true", help="also time the powerlaw package")
    args = parser.parse_args()

    print(f"Python {platform.python_version()} on {platform.machine()}, "
          f"{args.size:,} values, median of {args.repeats} runs")
    for discrete in (True, False):
        kind = "discrete" if discrete else "continuous"
        data = sample_power_law(2.5, 5 if discrete else 1.0, args.size, discrete=discrete,
                                seed=1)
        fit = fit_power_law(data, discrete=discrete)
        seconds = median_seconds(lambda d=data, k=discrete: fit_power_law(d, discrete=k),
                                 args.repeats)
        print(f"fit {args.size:,} {kind} values: {seconds:.2f} s "
              f"(alpha {fit.alpha:.3f}, x_min {fit.x_min:g}, {fit.candidates} candidates)")
        one = median_seconds(lambda d=data, f=fit: goodness_of_fit(d, f, bootstraps=1, seed=2),
                             args.repeats)
        print(f"  one bootstrap replicate: {one:.2f} s, so 100 bootstraps take about "
              f"{100 * one:.0f} s")
        if args.powerlaw and discrete:
            import powerlaw

            def theirs(d=data):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    result = powerlaw.Fit(d, discrete=True, verbose=0)
                    result.distribution_compare("power_law", "lognormal")
                    result.distribution_compare("power_law", "exponential")
                    return result

            reference = theirs()
            print(f"  powerlaw package: {median_seconds(theirs, 1):.2f} s "
                  f"(alpha {reference.power_law.alpha:.3f}, x_min {reference.xmin:g})")


if __name__ == "__main__":
    main()
