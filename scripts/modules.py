#!/usr/bin/env python3
"""The module graph of the library and the CLI: import cycles, file sizes, the layer diagram.

    python3 scripts/modules.py            # check: exit 1 on a cycle, an oversized file, or a
                                          # stale diagram in DESIGN.md
    python3 scripts/modules.py --write    # regenerate the diagram in DESIGN.md
    python3 scripts/modules.py --edges    # print every edge with the line that makes it

A module is a file (`src/a/b.rs` is `a::b`, `src/a/mod.rs` is `a`). An edge A → B is any path
in A's code (not its comments, not its `#[cfg(test)]` module, which must come last in the
file) that names something in B: `crate::a::b::X`, `super::b`, `self::b`, a child module named
directly (`b::X` in `a/mod.rs`), or a group `crate::a::{b, c::X}`. The crate root (`lib.rs`,
`bin/shuangsui.rs`) is left out: it only declares modules and re-exports the façade. A `mod b;`
declaration alone is not an edge, but `pub use b::X` is, so a child must not import from its
parent when the parent re-exports the child: it names the sibling that defines the item.

The same check runs over the top-level groups (`inputs`, `plan`, `draw`, …): their
dependencies point one way, in the order the diagram shows.

No library error carries a free-text `message` argument (text outside the catalog could only
be in one language). Last, no library string names a command-line flag (`--history`): the library is embedded in
platforms that have no command line; the tool adds its flags to hints by error kind. Every
string literal of `src/` outside tests and doc comments, and every message of
`src/messages/*.ftl`, is checked.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 700
CRATES = [("src", "lib.rs"), ("bin", "shuangsui.rs")]
BEGIN, END = "<!-- modules:begin -->", "<!-- modules:end -->"
# The order the diagram lists groups in, where dependencies leave a choice.
PIPELINE = ["messages", "error", "base", "inputs", "plan", "ceremony", "draw", "verify",
            "publish", "api", "synth", "schemas"]


def modules(src: Path, root_file: str):
    """Maps a module path (a tuple) to its file."""
    out = {}
    for f in sorted(src.rglob("*.rs")):
        rel = f.relative_to(src)
        if rel.as_posix() == root_file:
            out[()] = f
            continue
        parts = list(rel.with_suffix("").parts)
        if parts[-1] == "mod":
            parts.pop()
        out[tuple(parts)] = f
    return out


def code_of(text: str) -> list[tuple[int, str]]:
    """The file's lines up to its test module, without comments and string contents."""
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        if line.strip() == "#[cfg(test)]" and i + 1 < len(lines) and re.match(
            r"\s*(pub(\([a-z]+\))? )?mod \w+", lines[i + 1]
        ):
            break
        line = re.sub(r'"(\\.|[^"\\])*"', '""', line)
        line = re.sub(r"//.*", "", line)
        out.append((i + 1, line))
    return out


def expand(prefix: str, body: str) -> list[str]:
    """`a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e`."""
    parts, depth, cur = [], 0, ""
    for ch in body:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    out = []
    for p in parts:
        p = re.sub(r"\s+", "", p)
        if not p:
            continue
        m = re.match(r"^([\w:]*?)::\{(.*)\}$", p)
        if m:
            out += expand(prefix + "::" + m.group(1), m.group(2))
        else:
            out.append(prefix + "::" + p)
    return out


def paths_in(code: list[tuple[int, str]]):
    """Every path in the code, with its line number; `use` groups expanded."""
    joined = "\n".join(line for _, line in code)
    starts = [0]
    for _, line in code:
        starts.append(starts[-1] + len(line) + 1)

    def line_at(offset):
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return code[lo][0]

    found = []
    group = re.compile(r"(?<![\w:])((?:crate|super|self|[a-z_][a-z0-9_]*)(?:::\w+)*)::\{")
    pos = 0
    while True:
        m = group.search(joined, pos)
        if not m:
            break
        depth, j = 1, m.end()
        while depth and j < len(joined):
            depth += {"{": 1, "}": -1}.get(joined[j], 0)
            j += 1
        head = m.group(1)
        if head.split("::")[0] not in ("crate", "super", "self"):
            head = "self::" + head
        for p in expand(head, joined[m.end() : j - 1]):
            found.append((line_at(m.start()), p))
        pos = j
    for m in re.finditer(r"\b(?:crate|super|self)(?:::\w+)+", joined):
        found.append((line_at(m.start()), m.group(0)))
    for m in re.finditer(r"(?<![\w:])([a-z_][a-z0-9_]*)::\w", joined):
        found.append((line_at(m.start()), "self::" + m.group(1) + m.group(0)[len(m.group(1)) :]))
    return found


def resolve(here: tuple, is_dir_module: bool, path: str, mods: dict):
    """The deepest module a path names, or None (an item of `here`, std, another crate)."""
    parts = path.replace(" ", "").split("::")
    base = list(here) if is_dir_module else list(here[:-1])
    if parts[0] == "crate":
        cur, rest = [], parts[1:]
    elif parts[0] == "self":
        cur, rest = list(base), parts[1:]
        if not is_dir_module:
            # In `a/b.rs`, `self::x` is `a::b::x` (a child of b), else an item of b.
            cur = list(here)
    elif parts[0] == "super":
        cur, rest = list(base), parts[1:]
        while rest and rest[0] == "super":
            cur, rest = cur[:-1], rest[1:]
    else:
        return None
    # A path naming an item of a module (`super::Item`) is an edge to that module.
    best = tuple(cur) if cur and tuple(cur) in mods else None
    for name in rest:
        cur = cur + [name]
        if tuple(cur) in mods:
            best = tuple(cur)
        else:
            break
    return best


def graph(src: Path, root_file: str):
    mods = modules(src, root_file)
    edges = {}
    for mod, f in mods.items():
        if mod == ():
            continue
        is_dir = f.name == "mod.rs"
        for line, path in paths_in(code_of(f.read_text())):
            if path.startswith("self::") and not is_dir:
                # A bare `x::` in a leaf file is a local name or another crate.
                target = resolve(mod, True, path, mods)
            else:
                target = resolve(mod, is_dir, path, mods)
            if target is None or target == mod or target == ():
                continue
            edges.setdefault((mod, target), (f.relative_to(ROOT), line))
    return mods, edges


def cycles(nodes, edges):
    """Strongly connected components with more than one node (Tarjan)."""
    adj = {n: [] for n in nodes}
    for a, b in edges:
        if a in adj and b in adj:
            adj[a].append(b)
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in adj[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for n in nodes:
        if n not in index:
            visit(n)
    return out


FLAG = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]+")


def flags_in_library():
    """(file, line, text) of each library string that names a command-line flag."""
    found = []
    for f in sorted((ROOT / "src").rglob("*.rs")):
        lines = f.read_text().split("\n")
        for i, line in enumerate(lines):
            if line.strip() == "#[cfg(test)]":
                break
            if line.lstrip().startswith("//"):
                continue
            for s in re.findall(r'"((?:\\.|[^"\\])*)"', line):
                if FLAG.search(s):
                    found.append((f.relative_to(ROOT), i + 1, s))
    for f in sorted((ROOT / "src").rglob("*.ftl")):
        for i, line in enumerate(f.read_text().split("\n")):
            if not line.startswith("#") and FLAG.search(line):
                found.append((f.relative_to(ROOT), i + 1, line))
    return found


FREE_TEXT = re.compile(r'\.arg\(\s*"message"')


def free_text_in_library():
    """(file, line) of each library error given a free-text `message` argument: every text a
    person reads is a catalog message (an id with its values), so that it exists in both
    languages; free text could only be English."""
    found = []
    for f in sorted((ROOT / "src").rglob("*.rs")):
        for i, line in enumerate(f.read_text().split("\n")):
            if line.strip() == "#[cfg(test)]":
                break
            if FREE_TEXT.search(line):
                found.append((f.relative_to(ROOT), i + 1))
    for f in sorted((ROOT / "src").rglob("*.ftl")):
        for i, line in enumerate(f.read_text().split("\n")):
            if "{ $message }" in line:
                found.append((f.relative_to(ROOT), i + 1))
    return found


def name(mod):
    return "::".join(mod) or "(root)"


def layers(mods, edges):
    """Top-level groups in dependency order (each after everything it uses)."""
    groups = sorted({m[0] for m in mods if m})
    deps = {g: set() for g in groups}
    for (a, b) in edges:
        if a[0] != b[0]:
            deps[a[0]].add(b[0])
    order, done = [], set()
    while len(order) < len(groups):
        ready = [g for g in groups if g not in done and deps[g] <= done]
        if not ready:
            return None, deps
        # Among the ready ones, the pipeline's order; then alphabetical.
        ready.sort(key=lambda g: (PIPELINE.index(g) if g in PIPELINE else len(PIPELINE), g))
        order.append(ready[0])
        done.add(ready[0])
    return order, deps


def diagram(mods, edges):
    order, deps = layers(mods, edges)
    if order is None:
        return None
    children = {}
    for m in sorted(mods):
        if len(m) == 2:
            children.setdefault(m[0], {}).setdefault(m[1], [])
        elif len(m) > 2:
            children.setdefault(m[0], {}).setdefault(m[1], []).append("::".join(m[2:]))
    lines = ["```", "src/       (each group uses only groups listed above it)", ""]
    for g in order:
        used = ", ".join(d for d in order if d in deps[g])
        kids = [k + (f" ({', '.join(v)})" if v else "") for k, v in children.get(g, {}).items()]
        wrapped, text = [], ""
        for i, k in enumerate(kids):
            piece = k + ("," if i + 1 < len(kids) else "")
            if text and len(text) + 1 + len(piece) > 76:
                wrapped.append(text)
                text = ""
            text = f"{text} {piece}" if text else piece
        wrapped.append(text)
        for i, w in enumerate(wrapped):
            lines.append(f"{g if i == 0 else '':<10} {w}".rstrip())
        lines.append(f"{'':<10}   uses: {used or '—'}")
    lines.append("```")
    return "\n".join(lines)


def main(argv):
    failed = False
    lib_mods, lib_edges = None, None
    for src, root_file in CRATES:
        mods, edges = graph(ROOT / src, root_file)
        if src == "src":
            lib_mods, lib_edges = mods, edges
        if "--edges" in argv:
            for (a, b), (f, line) in sorted(edges.items()):
                print(f"{src}: {name(a)} -> {name(b)}  ({f}:{line})")
        nodes = [m for m in mods if m]
        for comp in cycles(nodes, edges):
            failed = True
            print(f"{src}/: import cycle between {', '.join(name(c) for c in comp)}:")
            members = set(comp)
            for (a, b), (f, line) in sorted(edges.items()):
                if a in members and b in members:
                    print(f"    {name(a)} -> {name(b)}  ({f}:{line})")
        if src == "src":
            groups = {m[0] for m in nodes}
            group_edges = {}
            for (a, b), where in edges.items():
                if a[0] != b[0]:
                    group_edges.setdefault(((a[0],), (b[0],)), (where, a, b))
            for comp in cycles([(g,) for g in sorted(groups)], group_edges):
                failed = True
                print(f"src/: the groups {', '.join(name(c) for c in comp)} use each other:")
                members = set(comp)
                for (a, b), ((f, line), x, y) in sorted(group_edges.items()):
                    if a in members and b in members:
                        print(f"    {name(x)} -> {name(y)}  ({f}:{line})")
        for m, f in sorted(mods.items()):
            n = f.read_text().count("\n")
            if n > MAX_LINES:
                failed = True
                print(f"{f.relative_to(ROOT)}: {n} lines (at most {MAX_LINES}): split it along its seams")
    for f, line, s in flags_in_library():
        failed = True
        print(f"{f}:{line}: a library string names a command-line flag: {s[:100]}")
    for f, line in free_text_in_library():
        failed = True
        print(f"{f}:{line}: a free-text message: give the text an id in the catalog "
              "(src/messages/{zh,en}/…) and its values as arguments")
    text = diagram(lib_mods, lib_edges)
    design = ROOT / "DESIGN.md"
    current = design.read_text()
    if text is not None and BEGIN in current:
        before, rest = current.split(BEGIN, 1)
        _, after = rest.split(END, 1)
        wanted = before + BEGIN + "\n" + text + "\n" + END + after
        if "--write" in argv:
            design.write_text(wanted)
        elif wanted != current:
            failed = True
            print("DESIGN.md: the module diagram is stale: run python3 scripts/modules.py --write")
    if failed:
        return 1
    print(f"modules: {sum(1 for m in lib_mods if m)} in src/, no import cycle, none over {MAX_LINES} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
