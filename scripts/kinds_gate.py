"""Fail when any kind of fact scores below a floor: reads `score.py --json` output on stdin.

The pooled F1 (`score.py --min-f1`) can hide one kind collapsing behind the others' gains.
"""

from __future__ import annotations

import json
import sys


def main() -> int:
    floor = float(sys.argv[1])
    kinds = json.load(sys.stdin)["kinds"]
    low = {kind: row["f1"] for kind, row in kinds.items() if kind != "ALL" and row["f1"] < floor}
    for kind, f1 in sorted(low.items()):
        print(f"kinds_gate: {kind} F1 {f1:.3f} is below {floor}", file=sys.stderr)
    print(f"kinds_gate: {len(kinds) - 1 - len(low)} of {len(kinds) - 1} kinds at or above F1 {floor}")
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
