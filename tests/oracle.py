#!/usr/bin/env python3
"""The Python check as a standing oracle: re-runs tests/reproduce.py on every draw the CLI kept.

    SHUANGSUI_KEEP_DRAWS=DIR cargo test        # or any `shuangsui draw`: each keeps DIR/<case>/
    python3 tests/oracle.py DIR

Each kept case (bin/keep.rs) holds record.json, a copy of every input file and manifest.json naming
each file's role and the draw's options. For every case this runs reproduce.py in its draw mode —
the same files and options as the draw, the seed typed (the record's unattested seed) or attested
(the announcement, the beacon round, the earlier attempts, the reveals, the time-stamp) — and
reproduce.py recomputes the record from SPEC.md alone and compares it byte for byte.

Prints one line per case that differs (its path and reproduce.py's diagnostics), then the summary
"N matched, M differ, K unsupported (by reason)". Exit status: 0 when no case differs (unsupported
cases are listed, not failed, unless --strict), 1 when any case differs or reproduce.py could not
be run on it (exit status 2), or when DIR holds fewer than --min-cases cases; 2 on a usage error.
Standard library only (Python 3.11).
"""

import argparse
import contextlib
import hashlib
import io
import json
import multiprocessing
import os
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import reproduce  # noqa: E402  (tests/reproduce.py, beside this file)

# The manifest's members (bin/keep.rs): the files, by role, and the options of the draw.
FILES = {"record", "plan", "targets", "officers", "history", "conflicts", "earlier", "announcement", "beacon",
         "replaced", "timestamp", "tsa_cert", "id_allowlist"}
OPTIONS = {"id_check", "targets_format", "officers_format", "encoding", "sheet", "targets_sheet", "officers_sheet",
           "reveal", "raw_digest"}


class CaseUnsupported(Exception):
    """A manifest this oracle cannot turn into reproduce.py's arguments."""


def arguments(case):
    """A kept case to reproduce.py's command line (argv without the program name)."""
    manifest = json.loads((case / "manifest.json").read_text(encoding="utf-8"))
    unknown = sorted(set(manifest) - FILES - OPTIONS)
    if unknown:
        raise CaseUnsupported(f"manifest member(s) this oracle does not know: {', '.join(unknown)}")
    path = lambda name: str(case / name)
    for role in ("record", "plan", "targets", "officers"):
        if role not in manifest:
            raise CaseUnsupported(f"a manifest without {role}")
    argv = [path(manifest[r]) for r in ("record", "plan", "targets", "officers")]
    for role, flag in (("history", "--history"), ("conflicts", "--conflicts"), ("id_allowlist", "--id-allowlist"),
                       ("announcement", "--announcement"), ("beacon", "--beacon"), ("timestamp", "--timestamp"),
                       ("tsa_cert", "--tsa-cert")):
        if role in manifest:
            argv += [flag, path(manifest[role])]
    for role, flag in (("earlier", "--earlier"), ("replaced", "--replaced")):
        for name in manifest.get(role, []):
            argv += [flag, path(name)]
    for option in ("id_check", "targets_format", "officers_format", "encoding", "sheet", "targets_sheet",
                   "officers_sheet"):
        if option in manifest:
            argv += ["--" + option.replace("_", "-"), manifest[option]]
    for r in manifest.get("reveal", []):
        argv += ["--reveal", r]
    if manifest.get("raw_digest") == "true":                           # `draw --raw-digest` (§3.4)
        argv += ["--raw-digest"]
    if "announcement" not in manifest:
        # An unattested draw: its typed seed is the record's seed value (SPEC.md §5.1), exactly as typed.
        try:
            seed = json.loads((case / manifest["record"]).read_bytes())["seed"]
        except (ValueError, KeyError, TypeError) as e:
            raise CaseUnsupported(f"the record's seed cannot be read ({e}): not a record") from None
        if not isinstance(seed, dict) or seed.get("source") != "unattested" or not isinstance(seed.get("value"), str):
            return argv + ["--seed", "(the record's seed is not unattested, and the case has no announcement)"]
        argv += ["--seed", seed["value"]]
    return argv


def run_case(case):
    """(case, status, reproduce.py's output, seconds): status 0 match, 1 differs, 2 error, 3 unsupported."""
    start = time.monotonic()
    out = io.StringIO()
    try:
        argv = arguments(case)
    except CaseUnsupported as e:
        return str(case), 3, f"UNSUPPORTED: {e}\n", 0.0
    except (OSError, ValueError) as e:
        return str(case), 2, f"the case cannot be read: {e}\n", 0.0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            status = reproduce.main(["reproduce.py"] + argv)
        except SystemExit as e:                                        # argparse: a usage error
            status = e.code if isinstance(e.code, int) else 2
        except Exception as e:                                         # a crash is never a match
            print(f"reproduce.py crashed: {type(e).__name__}: {e}")
            status = 2
    return str(case), status, out.getvalue(), time.monotonic() - start


def cases(root):
    return sorted(p.parent for p in root.glob("*/manifest.json"))


def incomplete(root):
    """Kept directories without a manifest: a draw killed while it was being kept (tests/it/crash.rs kills draws)."""
    return sorted(p for p in root.iterdir() if p.is_dir() and not (p / "manifest.json").exists())


def fingerprint(case):
    """What a case's verdict depends on: its manifest with every file name replaced by the file's SHA-256. A test
    that draws the same thing many times (a crash test) keeps identical cases; each is checked once."""
    manifest = json.loads((case / "manifest.json").read_text(encoding="utf-8"))
    digest = lambda name: hashlib.sha256((case / name).read_bytes()).hexdigest() if (case / name).is_file() else name
    for role in FILES:
        if isinstance(manifest.get(role), str):
            manifest[role] = digest(manifest[role])
        elif isinstance(manifest.get(role), list):
            manifest[role] = [digest(n) for n in manifest[role]]
    return hashlib.sha256(json.dumps(manifest, sort_keys=True).encode()).hexdigest()


def unsupported_reason(output):
    lines = [x for x in output.splitlines() if x.startswith("UNSUPPORTED: ")]
    return lines[-1][len("UNSUPPORTED: "):] if lines else "(no reason given)"


def main(argv):
    parser = argparse.ArgumentParser(
        prog="oracle.py", description="Re-runs tests/reproduce.py on every draw kept by SHUANGSUI_KEEP_DRAWS=DIR "
        "and compares each record byte for byte.",
        epilog="Exit status: 0 no case differs; 1 a case differs, could not be checked, or too few cases; 2 usage.")
    parser.add_argument("dir", type=Path, metavar="DIR", help="the directory SHUANGSUI_KEEP_DRAWS named")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes (default: every core)")
    parser.add_argument("--min-cases", type=int, default=1, metavar="N",
                        help="fail when DIR holds fewer cases (default 1: an empty DIR means nothing was kept)")
    parser.add_argument("--strict", action="store_true", help="unsupported cases fail too")
    parser.add_argument("--verbose", action="store_true", help="print every case's result")
    args = parser.parse_args(argv[1:])
    if not args.dir.is_dir():
        parser.error(f"{args.dir} is not a directory")
    start = time.monotonic()
    groups = {}
    for case in cases(args.dir):
        try:
            groups.setdefault(fingerprint(case), []).append(case)
        except (OSError, ValueError):
            groups[str(case)] = [case]                               # run_case reports it
    todo = [g[0] for g in groups.values()]
    same = {str(g[0]): len(g) - 1 for g in groups.values()}
    results = []
    if args.jobs > 1 and len(todo) > 1:
        # The biggest cases first, so that one does not finish alone at the end.
        todo.sort(key=lambda c: -sum(f.stat().st_size for f in c.iterdir()))
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            results = list(pool.imap_unordered(run_case, todo, chunksize=1))
    else:
        results = [run_case(c) for c in todo]
    results.sort()
    counts, reasons = Counter(), Counter()
    for case, status, output, secs in results:
        kind = {0: "matched", 1: "differ", 3: "unsupported"}.get(status, "error")
        counts[kind] += 1 + same[case]
        if kind == "unsupported":
            reasons[unsupported_reason(output)] += 1 + same[case]
        if kind in ("differ", "error") or args.verbose:
            also = f", and {same[case]} identical case(s)" if same[case] else ""
            print(f"{kind.upper()}: {case} ({secs:.1f} s{also})")
            lines = output.rstrip("\n").splitlines()
            shown = [x for x in lines if kind != "differ" or "DIFFERENCE" in x or "cannot" in x or "refused" in x]
            for line in (shown or lines)[:40]:
                print(f"    {line}")
            if len(shown or lines) > 40:
                print(f"    … {len(shown or lines) - 40} more lines")
    slowest = sorted(results, key=lambda r: -r[3])[:3]
    if slowest and slowest[0][3] > 5:
        print("slowest: " + ", ".join(f"{Path(c).name} {s:.1f} s" for c, _, _, s in slowest))
    by_reason = "; ".join(f"{n} × {r}" for r, n in reasons.most_common())
    summary = (f"{counts['matched']} matched, {counts['differ']} differ, {counts['unsupported']} unsupported"
               + (f" ({by_reason})" if by_reason else "")
               + (f", {counts['error']} could not be checked" if counts["error"] else "")
               + f" — {sum(counts.values())} kept draws in {args.dir} ({len(results)} distinct), "
               f"{time.monotonic() - start:.0f} s")
    print(summary)
    partial = incomplete(args.dir)
    if partial:
        print(f"({len(partial)} kept director{'y' if len(partial) == 1 else 'ies'} without a manifest skipped: a draw "
              f"killed while it was being kept, e.g. by tests/it/crash.rs: {', '.join(p.name for p in partial[:3])})")
    if sum(counts.values()) < args.min_cases:
        print(f"oracle: only {sum(counts.values())} case(s) in {args.dir}, expected at least {args.min_cases}")
        return 1
    failed = counts["differ"] + counts["error"] + (counts["unsupported"] if args.strict else 0)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
