#!/usr/bin/env python3
"""The peer column of scripts/bench.sh: DuckDB running `shuangsui sql`'s queries of a draw.

    python3 scripts/bench_duckdb.py BIN DIR [THREADS]

DIR holds a generated directory (`shuangsui gen`: targets.csv, with its Chinese headers) and
the record drawn from it (record.json). The script writes, with BIN, the query computing the
directory's canonical digest (`shuangsui sql --digest targets`) and each task's selection
query (`shuangsui sql --task T`), then times DuckDB running all of them over the same CSV
file, read through a view that gives its columns their canonical names (the generated
headers are the synonyms of SPEC.md §3.2, and its values are already normalised). It checks
that DuckDB returns the record's digest and each task's selection, then prints one line:
the seconds DuckDB took (queries only; the Python start and the query texts excluded).
"""

import json
import subprocess
import sys
import time

import duckdb

# The generated directory's headers (shuangsui::synth::province) and their canonical names.
HEADERS = {
    "统一社会信用代码": "id",
    "企业名称": "name",
    "企业类型": "entity_type",
    "登记状态": "status",
    "所属行业": "industry",
    "行政区划": "region",
    "信用风险分类": "risk",
}


def main() -> int:
    binary, directory = sys.argv[1], sys.argv[2]
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    record_path = f"{directory}/record.json"
    with open(record_path, encoding="utf-8") as f:
        record = json.load(f)

    def sql(*args: str) -> str:
        return subprocess.run(
            [binary, "--quiet", "sql", "--record", record_path, *args],
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    digest_query = sql("--digest", "targets", "--table", "targets")
    tasks = [(t["id"], sql("--task", t["id"], "--table", "targets")) for t in record["tasks"]]

    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    columns = ", ".join(f'"{header}" AS "{name}"' for header, name in HEADERS.items())
    csv = f"{directory}/targets.csv".replace("'", "''")
    con.execute(
        f"CREATE VIEW targets AS SELECT {columns} FROM read_csv('{csv}', header = true, "
        "all_varchar = true, delim = ',', quote = '\"', escape = '\"')"
    )
    con.execute("CREATE TABLE exclusions (task VARCHAR, target VARCHAR, reason VARCHAR)")

    start = time.perf_counter()
    digest = con.execute(digest_query).fetchone()[0]
    selections = {task: con.execute(query).fetchall() for task, query in tasks}
    seconds = time.perf_counter() - start

    if digest != record["inputs"]["targets"]["digest"]:
        print(f"DuckDB's digest {digest} is not the record's", file=sys.stderr)
        return 1
    for task in record["tasks"]:
        expected = [(s["target"], s["rank"], s["ticket"]) for s in task["selected"]]
        got = [(r[0], int(r[1]), r[2]) for r in selections[task["id"]]]
        if got != expected:
            print(f"DuckDB's selection of task {task['id']} is not the record's", file=sys.stderr)
            return 1
    print(f"{seconds:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
