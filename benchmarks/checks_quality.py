"""Measure the participant-safety checks on the labelled corpus; write the tables to docs/checks.md.

    python -m benchmarks.checks_quality           rewrite the generated parts of docs/checks.md
    python -m benchmarks.checks_quality --check   exit 1 if they are out of date

The comparison with a general-purpose PII detector needs the ``compare`` extra
(``pip install -e '.[compare]'``); without it the script stops rather than drop the column.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tools.doctables import comparison_predictor, quality_tables, registry_table, replace_part, rules_table

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs" / "checks.md"
CORPUS = REPO / "tests" / "checks_corpus"
REGISTRY_DATA = REPO / "tests" / "data" / "ctgov"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that docs/checks.md is current")
    args = parser.parse_args(argv)
    compare = comparison_predictor()
    if compare is None:
        print("scrubadub is not installed: pip install -e '.[compare]'", file=sys.stderr)
        return 2
    current = DOCS.read_text(encoding="utf-8")
    updated = replace_part(current, "rules", rules_table())
    updated = replace_part(updated, "quality", quality_tables(CORPUS, compare))
    updated = replace_part(updated, "registry", registry_table(REGISTRY_DATA))
    if args.check:
        if updated != current:
            print("docs/checks.md is out of date: run python -m benchmarks.checks_quality", file=sys.stderr)
            return 1
        return 0
    DOCS.write_text(updated, encoding="utf-8")
    print(f"wrote {DOCS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
