"""Measure the participant-safety checks' share of a cold build's CPU on the benchmark corpus.

    python -m benchmarks.checks_cpu [--size small] [--runs 5]

The checks are timed in one process (CPU of ``check_content`` over every file, no cache); the
cold build is ``trialblog build`` in a fresh process, with every process it waited for.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import SIZES, generate
from benchmarks.run import Disk, trialblog_cold


def checks_cpu(site: Path) -> float:
    """CPU seconds of one run of every check over ``site``'s content, in this process."""
    from trialblog.build import load_settings, run_checks
    from trialblog.content.site import load_site

    settings = load_settings(site)
    loaded = load_site(Path(settings["PATH"]), site)
    start = time.process_time()
    report = run_checks(settings, loaded)
    elapsed = time.process_time() - start
    if report.errors:
        raise SystemExit(f"the benchmark corpus has {report.errors} check errors")
    return elapsed


def measure(size: str, runs: int, workdir: Path) -> dict[str, float]:
    entries, directory = SIZES[size]
    site = generate(workdir / "site", entries, directory)
    disk = Disk(workdir / "trash")
    disk.settle()
    colds = [trialblog_cold(site, disk).cpu for _ in range(runs)]
    checks = [checks_cpu(site) for _ in range(runs)]
    cold, check = statistics.median(colds), statistics.median(checks)
    return {"cold": cold, "checks": check, "share": check / cold}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=SIZES, default="small")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="trialblog-checks-cpu-") as folder:
        result = measure(args.size, args.runs, Path(folder))
    print(
        f"corpus {args.size}: checks {result['checks']:.2f} s of CPU, cold build {result['cold']:.2f} s of CPU, "
        f"share {result['share']:.1%}"
    )


if __name__ == "__main__":
    main()
