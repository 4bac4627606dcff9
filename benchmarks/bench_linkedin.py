"""Reading a LinkedIn export at LinkedIn's cap: ``socialmath.linkedin.read_connections`` on 30,000
connections (goal: under a second).

    .venv/bin/python benchmarks/bench_linkedin.py              # the figures (a few seconds)
    .venv/bin/python benchmarks/bench_linkedin.py --rows 100000

A synthetic export of ``--rows`` connections (``synthetic_export``, with a byte-order mark, the
``Notes:`` preamble, quoted commas and a few empty rows) is written once as ``Connections.csv``
and once inside an export ``.zip``; each read is timed anonymised (the default), with salted
pseudonyms, and with names kept. Each figure is the median of ``--repeats`` runs.

The machine may be shared: run it on a quiet machine for figures to quote, and quote them as
measured on that machine.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import tempfile
import time
import zipfile
from pathlib import Path

from socialmath import linkedin

ROWS = 30_000
GOAL_SECONDS = 1.0


def median_seconds(task, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=ROWS, help="connections (30,000)")
    parser.add_argument("--repeats", type=int, default=5, help="runs per figure (median)")
    args = parser.parse_args()

    print(f"Python {platform.python_version()} on {platform.machine()}, "
          f"{args.rows:,} connections, median of {args.repeats} runs")
    start = time.perf_counter()
    export = linkedin.synthetic_export(args.rows, seed=1)
    print(f"synthetic_export({args.rows:,}): {time.perf_counter() - start:.2f} s")
    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "Connections.csv"
        csv_path.write_text(linkedin.export_csv(export, blank_rows=5), encoding="utf-8")
        zip_path = Path(folder) / "Basic_LinkedInDataExport_01-01-2026.zip"
        with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(csv_path, "Connections.csv")
        print(f"Connections.csv: {csv_path.stat().st_size / 1e6:.1f} MB, "
              f"the .zip: {zip_path.stat().st_size / 1e6:.1f} MB")
        cases = [
            ("CSV, anonymised (default)", csv_path, {}),
            ("CSV, salted pseudonyms", csv_path, {"salt": "bench"}),
            ("CSV, names kept", csv_path, {"anonymise": False}),
            (".zip, anonymised (default)", zip_path, {}),
        ]
        for label, path, options in cases:
            frame = linkedin.read_connections(path, **options)
            assert len(frame) == args.rows
            seconds = median_seconds(lambda p=path, o=options: linkedin.read_connections(p, **o),
                                     args.repeats)
            verdict = "within" if seconds < GOAL_SECONDS else "OVER"
            print(f"read_connections, {label}: {seconds:.3f} s "
                  f"({verdict} the {GOAL_SECONDS:g} s goal)")
        frame = linkedin.read_connections(csv_path)
        for label, task in [
            ("growth", lambda: linkedin.growth(frame)),
            ("concentration by company", lambda: linkedin.concentration(frame, "company")),
            ("concentration by role family", lambda: linkedin.concentration(frame, "role")),
            ("attachment_test", lambda: linkedin.attachment_test(frame)),
        ]:
            print(f"{label}: {median_seconds(task, args.repeats):.3f} s")


if __name__ == "__main__":
    main()
