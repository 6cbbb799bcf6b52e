"""Measure the participant-safety checks' share of a cold build's CPU on the benchmark corpus.

    python -m benchmarks.checks_cpu [--size small] [--runs 5]

The checks are timed as a cold build runs them: in a fresh process, the CPU of importing them
and of the build's one run of them over every file (in one process, no cache), once Pelican has
read the site. The cold build is ``trialblog build`` in a fresh process, with every process
it waited for. Each figure is the median of ``--runs`` runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.corpus import SIZES, generate
from benchmarks.run import Disk, trialblog_cold

#: Run in a fresh process: the checks' CPU as a cold build spends it (the import of the rules,
#: and the gate's run of every check over every file, in one process and with no cache).
CHECKS_ONCE = """
import json, sys, time
from pathlib import Path
import trialblog.content, trialblog.pipeline.run  # the build's own modules, imported before its checks
start = time.process_time()
import trialblog.checks
spent = [time.process_time() - start]
from trialblog.build import check_site
from trialblog.pipeline import gate

def timed(*args, check=gate.check):
    begin = time.process_time()
    report = check(*args)
    spent.append(time.process_time() - begin)
    return report

gate.check = timed
report = check_site(Path(sys.argv[1]), override={"TRIALBLOG_CORES": 1, "LOAD_CONTENT_CACHE": False})
print(json.dumps({"cpu": sum(spent), "errors": report.errors}))
"""


def checks_cpu(site: Path) -> float:
    """CPU seconds of importing the checks and running them once over ``site``, in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", CHECKS_ONCE, str(site)], cwd=site, capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["errors"]:
        raise SystemExit(f"the benchmark corpus has {result['errors']} check errors")
    return result["cpu"]


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
