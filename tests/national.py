#!/usr/bin/env python3
"""The national flow of a draw (SPEC.md §7.5) in a SQL engine, driven as a warehouse
operator would drive it: the directory stays in the engine, `shuangsui` writes the queries
and draws from their results. Used by tests/it/national.rs.

    python3 tests/national.py CONFIG.json

CONFIG: {"engine": "duckdb" | "postgres" | "spark", "bin": the shuangsui binary, "dir": the
working directory (plan, roster and directory file inside), "plan", "officers",
"targets_csv": the bureau's export, "columns": {canonical name: header in the export},
"seed", "conn": a libpq connection string (postgres)}.

It loads the export into a table `targets` of the canonical columns (every column text),
computes the directory's digest there (`sql --plan --digest targets`), runs the census
(`sql --plan --census`), prints and runs the candidates query (`match` without
--candidates), draws (`match --candidates … --out record.json`), then checks the record in
the engine: its digest query and every task's selection query (`sql --record`), over an
empty `exclusions` table. Writes `national.json` in the working directory: the digest, the
number of census and candidate rows, and each check's outcome.
"""

import csv
import io
import json
import os
import subprocess
import sys
import time


def cli(config, *args):
    out = subprocess.run(
        [config["bin"], "--lang", "en", *args],
        cwd=config["dir"],
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        raise SystemExit(f"shuangsui {' '.join(args)} failed:\n{out.stderr}")
    return out.stdout


class DuckDb:
    def __init__(self, config):
        import duckdb

        self.con = duckdb.connect()

    def load(self, path, columns):
        select = ", ".join(f'"{h}" AS "{c}"' for c, h in columns.items())
        self.con.execute(
            f"CREATE TABLE targets AS SELECT {select} FROM read_csv('{path}', header = true, "
            "all_varchar = true, delim = ',', quote = '\"', escape = '\"')"
        )
        self.con.execute("CREATE TABLE exclusions (task VARCHAR, target VARCHAR, reason VARCHAR)")

    def derive(self, name, select):
        self.con.execute(f"CREATE TABLE {name} AS {select}")

    def load_listed(self, path):
        self.con.execute(
            "INSERT INTO exclusions SELECT task, target, reason FROM read_csv("
            f"'{path}', header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')"
        )

    def rows(self, query):
        cur = self.con.execute(query)
        header = [d[0] for d in cur.description]
        return header, cur.fetchall()


class Postgres:
    def __init__(self, config):
        self.conn = config["conn"]
        self.dir = config["dir"]

    def psql(self, script, csv_out=False):
        path = os.path.join(self.dir, "national-psql.sql")
        with open(path, "w", encoding="utf-8") as f:
            f.write(script)
        args = ["psql", self.conn, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", path]
        if csv_out:
            args.insert(3, "--csv")
        out = subprocess.run(
            args,
            capture_output=True,
            text=True,
            env={**os.environ, "PGOPTIONS": "-c client_min_messages=warning"},
        )
        if out.returncode != 0:
            raise RuntimeError(out.stderr)
        return out.stdout

    def load(self, path, columns):
        with open(path, encoding="utf-8") as f:
            header = next(csv.reader(f))
        raw = ", ".join(f'"{h}" text' for h in header)
        select = ", ".join(f'"{h}" AS "{c}"' for c, h in columns.items())
        self.psql(
            "DROP TABLE IF EXISTS export, targets, exclusions;\n"
            f"CREATE TABLE export ({raw});\n"
            f"\\copy export FROM '{path}' WITH (FORMAT csv, HEADER true)\n"
            f"CREATE TABLE targets AS SELECT {select} FROM export;\n"
            "DROP TABLE export;\n"
            "CREATE TABLE exclusions (task text, target text, reason text);\n"
        )

    def derive(self, name, select):
        self.psql(f"DROP TABLE IF EXISTS {name};\nCREATE TABLE {name} AS {select};\n")

    def load_listed(self, path):
        self.psql(f"\\copy exclusions FROM '{path}' WITH (FORMAT csv, HEADER true)\n")

    def rows(self, query):
        text = self.psql(query, csv_out=True)
        reader = csv.reader(io.StringIO(text))
        header = next(reader)
        return header, [tuple(r) for r in reader]


class Spark:
    def __init__(self, config):
        os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
        from pyspark.sql import SparkSession

        self.spark = (
            SparkSession.builder.master("local[2]")
            .appName("shuangsui-national-test")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.adaptive.enabled", "false")
            .config("spark.sql.codegen.wholeStage", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
            .getOrCreate()
        )
        self.spark.sparkContext.setLogLevel("OFF")

    def load(self, path, columns):
        df = self.spark.read.csv(
            path, header=True, inferSchema=False, quote='"', escape='"', multiLine=True,
            mode="FAILFAST", encoding="UTF-8",
        )
        df.select([df[f"`{h}`"].alias(c) for c, h in columns.items()]).cache().createOrReplaceTempView(
            "targets"
        )
        self.spark.sql(
            "SELECT CAST(NULL AS STRING) AS task, CAST(NULL AS STRING) AS target, "
            "CAST(NULL AS STRING) AS reason WHERE 1 = 0"
        ).createOrReplaceTempView("exclusions")

    def derive(self, name, select):
        self.spark.sql(select).cache().createOrReplaceTempView(name)

    def load_listed(self, path):
        (self.spark.read.csv(path, header=True, inferSchema=False, quote='"', escape='"', encoding="UTF-8")
         .cache().createOrReplaceTempView("exclusions"))

    def rows(self, query):
        df = self.spark.sql(query.strip().rstrip(";"))
        return df.columns, [tuple(r) for r in df.collect()]


def summary_target(engine, table):
    """An id of the table, for a forged row."""
    _, rows = engine.rows("SELECT min(id) FROM targets")
    return rows[0][0]


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(["" if v is None else str(v) for v in r])


def main():
    config = json.load(open(sys.argv[1], encoding="utf-8"))
    engine = {"duckdb": DuckDb, "postgres": Postgres, "spark": Spark}[config["engine"]](config)
    d = config["engine"]
    started = time.time()
    summary = {}
    engine.load(os.path.join(config["dir"], config["targets_csv"]), config["columns"])
    table = ["--dialect", d, "--table", "targets"]
    # Before announcing: the table's check finds nothing in the export, and what a careless
    # load would leave in a copy (a repeated row, a lower-case id, a leading space, an empty
    # name, an unmapped risk class, a line break, a decomposed accent).
    _, rows = engine.rows(cli(config, "sql", "--plan", config["plan"], "--check", *table))
    summary["check_rows"] = len(rows)
    cols = list(config["columns"])
    damaged = {
        "id": "CASE WHEN rn = 2 THEN lower(id) ELSE id END",
        "name": "CASE WHEN rn = 3 THEN ' ' || name WHEN rn = 4 THEN '' WHEN rn = 6 THEN name || chr(10) "
        "WHEN rn = 7 THEN 'e' || chr(769) ELSE name END",
        "risk": "CASE WHEN rn = 5 THEN 'B类' ELSE risk END",
    }
    select = ", ".join(f'{damaged.get(c, chr(34) + c + chr(34))} AS "{c}"' for c in cols)
    plain = ", ".join(f'"{c}"' for c in cols)
    if d == "spark":
        select = select.replace('"', "`")
        plain = plain.replace('"', "`")
    engine.derive(
        "dirty",
        f"SELECT {select} FROM (SELECT {plain}, row_number() OVER (ORDER BY id) AS rn FROM targets) AS numbered "
        f"UNION ALL SELECT {plain} FROM (SELECT {plain}, row_number() OVER (ORDER BY id) AS rn FROM targets) AS again WHERE rn = 1",
    )
    _, rows = engine.rows(
        cli(config, "sql", "--plan", config["plan"], "--check", "--dialect", d, "--table", "dirty")
    )
    summary["dirty_problems"] = sorted({r[0] for r in rows})
    _, rows = engine.rows(cli(config, "sql", "--plan", config["plan"], "--digest", "targets", *table))
    summary["digest"] = rows[0][0]
    # The possible listed exclusions of the history and the earlier batches, joined by the
    # census and the candidates (none without them).
    listed = []
    if config.get("listed"):
        text = cli(config, "match", "--plan", config["plan"], "--officers", config["officers"],
                   *config.get("extra", []))
        path = os.path.join(config["dir"], "listed.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        summary["possible_listed"] = text.count("\n") - 1
        engine.load_listed(path)
        listed = ["--exclusions-table", "exclusions"]
    header, rows = engine.rows(cli(config, "sql", "--plan", config["plan"], "--census", *table, *listed))
    write_csv(os.path.join(config["dir"], "census.csv"), header, rows)
    summary["census_rows"] = len(rows)
    draw = [
        "match", "--plan", config["plan"], "--officers", config["officers"], "--seed",
        config["seed"], "--targets-digest", summary["digest"], "--census", "census.csv", *config.get("extra", []),
    ]
    if listed:
        # A forged list (one row added, excluding a target the files do not): the census over
        # it gives counts the draw refuses.
        engine.derive(
            "forged",
            "SELECT task, target, reason FROM exclusions UNION ALL "
            f"SELECT 'T1' AS task, '{summary_target(engine, table)}' AS target, 'annual_cap' AS reason",
        )
        header_f, rows_f = engine.rows(
            cli(config, "sql", "--plan", config["plan"], "--census", *table, "--exclusions-table", "forged")
        )
        write_csv(os.path.join(config["dir"], "census-forged.csv"), header_f, rows_f)
        forged = subprocess.run(
            [config["bin"], "--lang", "en", *[a if a != "census.csv" else "census-forged.csv" for a in draw], *table],
            cwd=config["dir"], capture_output=True, text=True,
        )
        summary["forged_listed_refused"] = forged.returncode == 2 and "possible listed exclusions" in forged.stderr
    candidates_query = cli(config, *draw, *table)
    header, rows = engine.rows(candidates_query)
    write_csv(os.path.join(config["dir"], "candidates.csv"), header, rows)
    # A table changed since the census (a row deleted): the candidates query fails.
    engine.derive("shrunk", f"SELECT * FROM targets WHERE id <> '{rows[0][1]}'")
    shrunk = cli(config, *draw, "--dialect", d, "--table", "shrunk")
    try:
        engine.rows(shrunk)
        summary["changed_refused"] = False
    except Exception as e:  # the engine's error: the query's own message
        summary["changed_refused"] = "changed since the census" in str(e)
    summary["candidate_rows"] = len(rows)
    cli(config, *draw, "--candidates", "candidates.csv", "--out", "record.json", "--force")
    record = json.load(open(os.path.join(config["dir"], "record.json"), encoding="utf-8"))
    # The record checked where the directory is: its digest, every task's selection.
    _, rows = engine.rows(cli(config, "sql", "--record", "record.json", "--digest", "targets", *table))
    summary["record_digest_query"] = rows[0][0] == record["inputs"]["targets"]["digest"]
    selections = {}
    for task in record["tasks"]:
        query = cli(
            config, "sql", "--record", "record.json", "--task", task["id"], *table,
            "--exclusions-table", "exclusions",
        )
        _, rows = engine.rows(query)
        got = [[str(t), int(r), str(k)] for t, r, k in rows]
        want = [[s["target"], s["rank"], s["ticket"]] for s in task["selected"]]
        selections[task["id"]] = got == want
    summary["selections"] = selections
    # A table whose selected target was renamed after the draw: the record's queries fail.
    task = next(t for t in record["tasks"] if t["selected"])
    renamed = task["selected"][0]["target"]
    q = "`" if d == "spark" else '"'
    select = ", ".join(
        f"CASE WHEN id = '{renamed}' THEN 'x' || name ELSE name END AS {q}name{q}" if c == "name" else f"{q}{c}{q}"
        for c in cols
    )
    engine.derive("altered", f"SELECT {select} FROM targets")
    altered = ["--dialect", d, "--table", "altered"]
    refused = {}
    for what, args in [
        ("digest", ["--digest", "targets"]),
        ("selection", ["--task", task["id"], "--exclusions-table", "exclusions"]),
    ]:
        try:
            engine.rows(cli(config, "sql", "--record", "record.json", *args, *altered))
            refused[what] = False
        except Exception as e:  # the engine's error: the query's own message
            refused[what] = "does not give the record's" in str(e)
    summary["altered_refused"] = refused
    summary["seconds"] = round(time.time() - started, 1)
    with open(os.path.join(config["dir"], "national.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
