#!/usr/bin/env python3
"""Times the national flow (SPEC.md §7.5) in DuckDB: a bureau's export loaded as the canonical
table, then each query `shuangsui` writes and each step of the draw from their results.

    python3 scripts/bench_national.py BIN DIR SEED

DIR holds `shuangsui gen`'s plan.toml, targets.csv and officers.csv. Prints one line per step
with its wall time; the record is written to DIR/national-record.json. The steps are those of
tests/national.py (whose engine driver it uses), timed one by one.
"""

import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests"))
import national  # noqa: E402

COLUMNS = {
    "id": "统一社会信用代码",
    "name": "企业名称",
    "entity_type": "企业类型",
    "status": "登记状态",
    "industry": "所属行业",
    "region": "行政区划",
    "risk": "信用风险分类",
}


def main():
    binary, directory, seed = sys.argv[1:4]
    config = {"engine": "duckdb", "bin": binary, "dir": directory}
    engine = national.DuckDb(config)
    table = ["--dialect", "duckdb", "--table", "targets"]
    steps = []

    def step(name, f):
        started = time.time()
        out = f()
        steps.append((name, time.time() - started))
        return out

    step("load the export as the table", lambda: engine.load(os.path.join(directory, "targets.csv"), COLUMNS))
    rows = step(
        "check query",
        lambda: engine.rows(national.cli(config, "sql", "--plan", "plan.toml", "--check", *table))[1],
    )
    assert not rows, rows
    digest = step(
        "digest query",
        lambda: engine.rows(national.cli(config, "sql", "--plan", "plan.toml", "--digest", "targets", *table))[1][0][0],
    )
    header, rows = step(
        "census query",
        lambda: engine.rows(national.cli(config, "sql", "--plan", "plan.toml", "--census", *table)),
    )
    national.write_csv(os.path.join(directory, "census.csv"), header, rows)
    draw = [
        "match", "--plan", "plan.toml", "--officers", "officers.csv", "--seed", seed,
        "--targets-digest", digest, "--census", "census.csv",
    ]
    header, rows = step("candidates query", lambda: engine.rows(national.cli(config, *draw, *table)))
    national.write_csv(os.path.join(directory, "candidates.csv"), header, rows)
    step(
        "match (the draw from the results)",
        lambda: national.cli(config, *draw, "--candidates", "candidates.csv", "--out", "national-record.json", "--force"),
    )
    record = json.load(open(os.path.join(directory, "national-record.json"), encoding="utf-8"))
    for task in record["tasks"][:1]:
        step(
            f"selection query of {task['id']} (the record's check)",
            lambda: engine.rows(
                national.cli(config, "sql", "--record", "national-record.json", "--task", task["id"], *table,
                             "--exclusions-table", "exclusions")
            ),
        )
    for name, seconds in steps:
        print(f"{seconds:8.2f} s  {name}")
    print(f"candidates: {len(rows)} rows; record {record['digest']}")


if __name__ == "__main__":
    main()
