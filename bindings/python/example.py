"""Draws from files and verifies the record, as a platform embedding shuangsui would.

    python example.py --plan plan.toml --targets targets.csv --officers officers.csv \
        --seed "2027-01-15 公开摇号" --out record.json
    python example.py --verify record.json --plan plan.toml --targets targets.csv \
        --officers officers.csv

The record it writes is the one `shuangsui draw` writes for the same inputs and seed, byte for
byte, and `shuangsui verify` accepts it. Exit status: 0 done (or the record reproduces), 1 the
record does not reproduce, 2 an error (printed in Chinese, with the hint and the English for
the log).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import shuangsui


def main() -> int:
    parser = argparse.ArgumentParser(description="shuangsui: draw and verify")
    parser.add_argument("--plan", type=Path, required=True)
    parser.add_argument("--targets", type=Path, required=True)
    parser.add_argument("--officers", type=Path, required=True)
    parser.add_argument("--history", type=Path)
    parser.add_argument("--conflicts", type=Path)
    parser.add_argument("--seed", help="draw with this seed (unattested)")
    parser.add_argument("--out", type=Path, help="where to write the record (draw)")
    parser.add_argument("--verify", type=Path, metavar="RECORD", help="verify this record")
    args = parser.parse_args()
    if (args.seed is None) == (args.verify is None):
        parser.error("give --seed and --out to draw, or --verify RECORD")
    inputs = {
        "plan": args.plan,
        "targets": args.targets,
        "officers": args.officers,
        "history": args.history,
        "conflicts": args.conflicts,
    }
    try:
        if args.seed is not None:
            if args.out is None:
                parser.error("--seed needs --out")
            record = shuangsui.draw(seed=args.seed, **inputs)
            record.write(args.out)
            for warning in record.warnings:
                print(f"警告：{warning}", file=sys.stderr)
            print(f"{args.out}: {record.digest}")
            # A platform verifies what it wrote before it publishes it.
            checked = args.out
        else:
            checked = args.verify
        verification = shuangsui.verify(record=checked, **inputs)
    except shuangsui.Error as e:
        print(f"{type(e).__name__} [{e.kind}]: {e}", file=sys.stderr)
        if e.hint:
            print(f"提示：{e.hint}", file=sys.stderr)
        print(f"({e.message_en})", file=sys.stderr)
        return 2
    if not verification:
        print(f"{checked}: 不能复现（{verification.total_differences} 处差异）", file=sys.stderr)
        for difference in verification.differences:
            print(f"  {difference.message}", file=sys.stderr)
        return 1
    print(f"{checked}: 可以复现")
    for guarantee in verification.guarantees:
        print(f"  {guarantee}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
