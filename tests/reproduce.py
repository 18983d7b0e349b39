#!/usr/bin/env python3
"""An independent implementation of the shuangsui draw, written from SPEC.md alone.

Standard library only (hashlib, csv, tomllib, unicodedata, json): Python 3.11+.

    python3 tests/reproduce.py
        recomputes every draw in tests/vectors/draws.json (SPEC.md §12's worked example among
        them) and compares the whole record, byte for byte;
    python3 tests/reproduce.py RECORD PLAN TARGETS OFFICERS
        re-runs a published draw from its files and compares it with RECORD byte for byte.

Exit status 0 when everything matches, 1 otherwise. It prints "N passed, M failed".
"""

import csv
import hashlib
import io
import json
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

# --- core: begin
import hashlib, unicodedata

WS = "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"

def u32(n): return n.to_bytes(4, "big")
def u64(n): return n.to_bytes(8, "big")
def s(x): b = x.encode(); return u32(len(b)) + b                      # str(x), §2
def sha(b): return hashlib.sha256(b).digest()

def text(v): return unicodedata.normalize("NFC", v).strip(WS)           # §3.2 (1)
def ascii_case(v, upper): return "".join(
    (c.upper() if "a" <= c <= "z" else c) if upper else (c.lower() if "A" <= c <= "Z" else c) for c in v)
def column(v): return ascii_case(text(v), upper=False)                  # §3.2 (2)
def ident(v): return ascii_case("".join(                               # §3.2 (3)
    chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text(v)), upper=True)

def table_digest(kind, columns, rows):                                  # §3.3
    tag, cols = f"shuangsui/v1/{kind}", sorted(columns)
    leaves = sorted(sha(s(tag + "-row") + u32(len(cols)) + b"".join(s(c) + s(r[c]) for c in cols))
                    for r in rows)
    return sha(s(tag) + u32(len(cols)) + b"".join(map(s, cols)) + u64(len(rows)) + b"".join(leaves))

def V(v):                                                               # §4.3
    if isinstance(v, bool): return b"b" + bytes([v])
    if isinstance(v, int): return b"i" + u64(v % 2**64)
    if isinstance(v, str): return b"s" + s(text(v))
    if isinstance(v, list): return b"a" + u32(len(v)) + b"".join(map(V, v))
    if not isinstance(v, dict): raise ValueError(f"no floats or dates in a plan: {v!r}")
    items = sorted((text(k), x) for k, x in v.items())
    return b"t" + u32(len(items)) + b"".join(s(k) + V(x) for k, x in items)

def plan_digest(tree): return sha(s("shuangsui/v1/plan") + V(tree))

def draw_key(seed, pd, td, od):                                         # §5.2
    return sha(s("shuangsui/v1/draw-key") + s("1") + s(seed) + pd + td + od)
def task_key(dk, task_id): return sha(s("shuangsui/v1/task-key") + dk + s(task_id))

def ticket(tk, id):                                                     # §7.1
    return sha(f"shuangsui/v1/target-ticket:{tk.hex()}:{id}".encode())
def officer_ticket(tk, r, id):                                          # §8.1
    return sha(f"shuangsui/v1/officer-ticket:{tk.hex()}:{r}:{id}".encode())

def count(n, ppm, rounding, minimum):                                   # §6
    p = n * ppm
    c = {"ceil": -(-p // 10**6), "floor": p // 10**6, "nearest": (p + 500000) // 10**6}[rounding]
    if n > 0 and ppm > 0 and c < minimum: c = minimum
    return min(c, n)

def select(tk, frame_ids, k):                                           # §7.2
    return sorted((ticket(tk, i), i.encode(), i) for i in frame_ids)[:k]

def teams(tk, pool_ids, n_targets, size):                               # §8.2
    stream, rnd, out = [], 0, []
    for _ in range(n_targets):
        team = []
        while len(team) < size:
            j = next((j for j, o in enumerate(stream) if o not in team), None)
            if j is None:
                stream += [o for _, _, o in sorted((officer_ticket(tk, rnd, o), o.encode(), o) for o in pool_ids)]
                rnd += 1
            else:
                team.append(stream.pop(j))
        out.append(team)
    return out
# --- core: end


class Invalid(Exception):
    """An input that the spec says must be rejected."""


def is_control(c):
    return unicodedata.category(c) == "Cc"


def read_table(kind, data):
    """§3.1 and §3.2: CSV bytes to (columns, rows as dicts)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    records = [r for r in csv.reader(io.StringIO(data.decode("utf-8"), newline="")) if r]
    header = [column(c) for c in records[0]]
    if len(set(header)) != len(header) or "id" not in header or "name" not in header:
        raise Invalid(f"{kind}: bad header {header}")
    rows, seen = [], set()
    for rec in records[1:]:
        if len(rec) != len(header):
            raise Invalid(f"{kind}: ragged row {rec}")
        row = {c: (ident(v) if c == "id" else text(v)) for c, v in zip(header, rec)}
        if not row["id"] or not row["name"] or row["id"] in seen:
            raise Invalid(f"{kind}: bad row {rec}")
        if any(is_control(ch) for v in row.values() for ch in v):
            raise Invalid(f"{kind}: control character in {rec}")
        seen.add(row["id"])
        rows.append(row)
    return header, rows


RATIO = re.compile(r"^([0-9]{1,3})(?:\.([0-9]{1,4}))?%$")


def ratio(v):
    """§4.1: a ratio string to (ppm, canonical text)."""
    m = RATIO.match(text(v)) if isinstance(v, str) else None
    if not m:
        raise Invalid(f"bad ratio {v!r}")
    ppm = int(m.group(1)) * 10000 + int((m.group(2) or "").ljust(4, "0"))
    if ppm > 10**6:
        raise Invalid(f"ratio above 100%: {v!r}")
    frac = f"{ppm % 10000:04d}".rstrip("0")
    return ppm, f"{ppm // 10000}" + (f".{frac}" if frac else "") + "%"


def read_filter(f):
    """§4.1: a filter table to {column: sorted distinct values}."""
    out = {}
    for k, v in (f or {}).items():
        values = [v] if isinstance(v, str) else v
        if column(k) in out:
            raise Invalid(f"filter names {column(k)} twice")
        out[column(k)] = sorted(set(text(x) for x in values))
    return dict(sorted(out.items(), key=lambda kv: kv[0].encode()))


def passes(row, flt):
    """§4.2"""
    for c, values in flt.items():
        if c not in row:
            raise Invalid(f"unknown column {c}")
        if row[c] not in values:
            return False
    return True


PLAN_KEYS = {"id", "name", "authority"}
TASK_KEYS = {"id", "name", "items", "filter", "strata", "ratio", "count", "rounding", "min_per_stratum",
             "team_size", "officer_filter"}


def check_plan(tree):
    """§4.1: the rules that are not about the tables."""
    if set(tree) - {"plan", "tasks"} or set(tree["plan"]) - PLAN_KEYS or not text(tree["plan"]["id"]):
        raise Invalid("unknown key or empty plan id")
    ids = [text(t["id"]) for t in tree["tasks"]]
    if not tree["tasks"] or len(set(ids)) != len(ids) or "" in ids:
        raise Invalid("task ids must be non-empty and distinct")
    for t in tree["tasks"]:
        if set(t) - TASK_KEYS or ("ratio" in t) == ("count" in t):
            raise Invalid(f"task {t['id']}: unknown key, or not exactly one of ratio and count")
        if "count" in t and (t.get("strata") or not 1 <= t["count"] <= 10**9):
            raise Invalid(f"task {t['id']}: count with strata or out of range")
        if isinstance(t.get("ratio"), dict) and len(t.get("strata", [])) != 1:
            raise Invalid(f"task {t['id']}: a ratio table needs exactly one strata column")
        if not 2 <= t.get("team_size", 2) <= 20:
            raise Invalid(f"task {t['id']}: team_size must be 2 to 20")


def run_draw(plan_bytes, targets_bytes, officers_bytes, seed):
    """§3–§9: the inputs' bytes and the seed to the record (a dict in member order)."""
    tree = tomllib.loads(plan_bytes.decode("utf-8").removeprefix("\ufeff"))
    t_cols, targets = read_table("targets", targets_bytes)
    o_cols, officers = read_table("officers", officers_bytes)
    pd, td, od = plan_digest(tree), table_digest("targets", t_cols, targets), table_digest("officers", o_cols, officers)
    dk = draw_key(seed, pd, td, od)
    check_plan(tree)
    tasks = []
    for task in tree["tasks"]:
        tk = task_key(dk, text(task["id"]))
        flt = read_filter(task.get("filter"))
        strata_cols = [column(c) for c in task.get("strata", [])]
        rounding, minimum = task.get("rounding", "ceil"), task.get("min_per_stratum", 1)
        size = task.get("team_size", 2)
        if size < 2:
            raise Invalid("team_size below 2")
        groups = {}
        for row in targets:
            if passes(row, flt):
                groups.setdefault(tuple(row[c] for c in strata_cols), []).append(row)
        if not groups:
            raise Invalid("empty frame")
        strata, selected = [], []
        for key in sorted(groups, key=lambda k: [v.encode() for v in k]):
            rows = groups[key]
            n = len(rows)
            if "count" in task:
                quota, k = str(task["count"]), min(task["count"], n)
            else:
                r = task["ratio"]
                if isinstance(r, dict):
                    table = {text(kk): vv for kk, vv in r.items()}
                    if key[0] in table:
                        r = table[key[0]]
                    elif "*" in table:
                        r = table["*"]
                    else:
                        raise Invalid(f"no ratio for {key}")
                ppm, quota = ratio(r)
                k = count(n, ppm, rounding, minimum)
            strata.append({"stratum": list(key), "frame": n, "quota": quota, "count": k})
            names = {row["id"]: row["name"] for row in rows}
            for rank, (t, _, i) in enumerate(select(tk, [row["id"] for row in rows], k), 1):
                selected.append({"target": i, "name": names[i], "stratum": list(key), "rank": rank,
                                 "ticket": t.hex(), "officers": []})
        oflt = read_filter(task.get("officer_filter"))
        pool = [o["id"] for o in officers if passes(o, oflt)]
        if len(pool) < size:
            raise Invalid("officer pool smaller than the team")
        load = {o: 0 for o in pool}
        for sel, team in zip(selected, teams(tk, pool, len(selected), size)):
            sel["officers"] = team
            for o in team:
                load[o] += 1
        tasks.append({
            "id": text(task["id"]), "name": text(task["name"]), "items": [text(i) for i in task.get("items", [])],
            "key": tk.hex(),
            "frame": {"filter": flt, "size": sum(len(g) for g in groups.values())},
            "allocation": {"strata": strata_cols, "mode": "count" if "count" in task else "ratio",
                           "rounding": rounding, "min_per_stratum": minimum},
            "strata": strata,
            "team_size": size,
            "officers": {"filter": oflt, "eligible": len(pool),
                         "workload_min": min(load.values()), "workload_max": max(load.values())},
            "selected": selected,
        })
    record = {
        "spec": "1",
        "plan": {"id": text(tree["plan"]["id"]), "name": text(tree["plan"]["name"]),
                 "authority": text(tree["plan"].get("authority", ""))},
        "inputs": {
            "plan": {"digest": pd.hex(), "sha256": sha(plan_bytes).hex()},
            "targets": {"digest": td.hex(), "sha256": sha(targets_bytes).hex(), "rows": len(targets),
                        "columns": sorted(t_cols)},
            "officers": {"digest": od.hex(), "sha256": sha(officers_bytes).hex(), "rows": len(officers),
                         "columns": sorted(o_cols)},
        },
        "seed": {"source": "unattested", "value": seed},
        "draw_key": dk.hex(),
        "tasks": tasks,
    }
    record["digest"] = record_digest(record)                             # §9.3
    return record


def serialise(record):
    """§9.2"""
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def record_digest(record):
    """§9.3"""
    j = json.dumps({k: v for k, v in record.items() if k != "digest"}, ensure_ascii=False, indent=2).encode()
    return sha(s("shuangsui/v1/record") + u32(len(j)) + j).hex()


def main(argv):
    passed = failed = 0
    if len(argv) == 5:
        record_path, plan, targets, officers = (Path(a) for a in argv[1:])
        given = record_path.read_text(encoding="utf-8")
        seed = json.loads(given)["seed"]["value"]
        mine = serialise(run_draw(plan.read_bytes(), targets.read_bytes(), officers.read_bytes(), seed))
        if mine == given:
            passed += 1
        else:
            failed += 1
            print(f"{record_path}: the Python re-implementation gives different bytes")
    else:
        vectors = Path(__file__).parent / "vectors"
        for v in json.loads((vectors / "draws.json").read_text(encoding="utf-8"))["vectors"]:
            rec = run_draw(v["plan"].encode(), v["targets"].encode(), v["officers"].encode(), v["seed"])
            if serialise(rec) == serialise(v["expected"]["record"]):
                passed += 1
            else:
                failed += 1
                print(f"draws.json {v['id']}: differs")
        for v in json.loads((vectors / "errors.json").read_text(encoding="utf-8"))["vectors"]:
            if v["expected"]["kind"] in ("empty_seed",):
                continue  # the seed rule (§5.1) is not a draw step
            try:
                run_draw(v["plan"].encode(), v["targets"].encode(), v["officers"].encode(), v["seed"])
            except (Invalid, KeyError, ValueError, TypeError, tomllib.TOMLDecodeError):
                passed += 1
            else:
                # Checks this script does not implement would be reported here.
                print(f"errors.json {v['id']}: not rejected by the Python re-implementation (expected {v['expected']['kind']})")
                failed += 1
        for v in json.loads((vectors / "allocation.json").read_text(encoding="utf-8"))["vectors"]:
            ppm, _ = ratio(v["ratio"])
            ok = count(v["frame"], ppm, v["rounding"], v["min_per_stratum"]) == v["expected"]
            passed, failed = passed + ok, failed + (not ok)
            if not ok:
                print(f"allocation.json {v['id']}: differs")
        for v in json.loads((vectors / "normalize.json").read_text(encoding="utf-8"))["vectors"]:
            ok = text(v["input"]) == v["text"] and ident(v["input"]) == v["identifier"]
            passed, failed = passed + ok, failed + (not ok)
            if not ok:
                print(f"normalize.json {v['id']}: differs")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
