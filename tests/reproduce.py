#!/usr/bin/env python3
"""An independent implementation of the shuangsui draw (spec version 2), written from SPEC.md alone.

Standard library only (hashlib, csv, tomllib, unicodedata, json, base64, zipfile, xml.etree): Python 3.11+.

    python3 tests/reproduce.py
        recomputes every draw in tests/vectors/draws.json (SPEC.md §12's worked example among
        them) and compares the whole record, byte for byte; verifies each expected record as
        SPEC.md §10 says, and checks that tampered copies of them are refused;
    python3 tests/reproduce.py RECORD PLAN TARGETS OFFICERS [--history F] [--conflicts F] [--earlier R ...]
        verifies a published record against its files (§10): strict reading (§9.2), the draw,
        the attested seed (§5.3) and the ledger (§9.4), and lists every difference;
    python3 tests/reproduce.py RECORD PLAN TARGETS OFFICERS ... --seed SEED
    python3 tests/reproduce.py RECORD PLAN TARGETS OFFICERS ... --announcement A --beacon ROUND [--replaced A0 ...]
                               [--reveal NAME=SECRET ...] [--timestamp TSR]
        repeats the draw as `shuangsui draw` makes it from these files and options (--id-check,
        --id-allowlist, --raw-digest, --targets-format, --encoding, --sheet, ...: the same names) and compares its
        record with RECORD, byte for byte (tests/oracle.py runs this on every draw the CLI kept).

Tables are read in every format of §3.1: CSV and TSV (UTF-8 with or without a BOM, GB18030), XLSX
(zipfile and xml.etree), JSON and JSON Lines.

Attested seeds (§5.3) are checked in full except for signatures: the announcement's
well-formedness and digest, the chain of attempts, a later round than every earlier attested batch's,
the inputs and raw digests against the announced ones, the round, randomness = SHA-256(signature),
the reveals against the parties' contributions, the seed, and a time-stamp token's imprint and genTime (a small DER reader).
NOT checked: the drand round's BLS signature and the time-stamp token's signature.

Exit status: 0 everything matches; 1 the record differs (or a vector fails), the last line "N passed, M failed";
2 a usage error or a file that cannot be read; 3 something this script does not implement, the last line
"UNSUPPORTED: <what>" (never a verdict on the record).
"""

import argparse
import base64
import binascii
import copy
import csv
import datetime
import decimal as decimal_module
import hashlib
import io
import json
import math
import re
import sys
import textwrap
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

def text(v): return unicodedata.normalize("NFC", v).strip(WS)           # §3.2
def ascii_case(v, upper): return "".join(
    (c.upper() if "a" <= c <= "z" else c) if upper else (c.lower() if "A" <= c <= "Z" else c) for c in v)
def lower(v): return ascii_case(v, upper=False)
def ident(v): return ascii_case("".join(
    chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text(v)), upper=True)
def key(v): return "".join(c for c in lower(ident(v)) if c not in WS + "_-")

def field(v): b = v.encode(); return str(len(b)).encode() + b":" + b    # field(v), §3.4
def table_digest(kind, columns, rows):                                  # §3.4
    tag, cols, buckets = f"shuangsui/v2/{kind}".encode(), sorted(columns), {}
    for leaf in sorted(sha(tag + b"-row" + b"".join(b"\n" + field(r[c]) for c in cols)).hex().encode() for r in rows):
        buckets.setdefault(leaf[:2], []).append(leaf)                   # by the leaf's first two hex digits
    return sha(tag + b"".join(b"\n" + field(c) for c in cols) + b"\n" + str(len(rows)).encode()
               + b"".join(b"\n" + b + b":" + sha(b"".join(g)).hex().encode() for b, g in sorted(buckets.items())))

def V(v):                                                               # §4.3
    if isinstance(v, bool): return b"b" + bytes([v])
    if isinstance(v, int): return b"i" + u64(v % 2**64)
    if isinstance(v, str): return b"s" + s(text(v))
    if isinstance(v, list): return b"a" + u32(len(v)) + b"".join(map(V, v))
    if not isinstance(v, dict): raise ValueError(f"no floats or dates in a plan: {v!r}")
    items = sorted((text(k), x) for k, x in v.items())
    return b"t" + u32(len(items)) + b"".join(s(k) + V(x) for k, x in items)

def plan_digest(tree): return sha(s("shuangsui/v2/plan") + V(tree))

def draw_key(seed, pd, td, od, hd=bytes(32), cd=bytes(32), ed=bytes(32)):  # §5.2
    return sha(s("shuangsui/v2/draw-key") + s("2") + s(seed) + pd + td + od + hd + cd + ed)
def task_key(dk, task_id): return sha(s("shuangsui/v2/task-key") + dk + s(task_id))

def ticket(tk, id):                                                     # §7.1
    return sha(f"shuangsui/v2/target-ticket:{tk.hex()}:{id}".encode())
def officer_ticket(tk, r, id):                                          # §8.1
    return sha(f"shuangsui/v2/officer-ticket:{tk.hex()}:{r}:{id}".encode())

def count(n, ppm, rounding, minimum):                                   # §6
    p = n * ppm
    c = {"ceil": -(-p // 10**6), "floor": p // 10**6, "nearest": (p + 500000) // 10**6}[rounding]
    if n > 0 and ppm > 0 and c < minimum: c = minimum
    return min(c, n)

def select(tk, frame_ids, k):                                           # §7.2
    return sorted((ticket(tk, i), i.encode(), i) for i in frame_ids)[:k]

def joint_ticket(tk, part, r, id):                                      # §8.3
    return sha(f"shuangsui/v2/joint-ticket:{tk.hex()}:{part}:{r}:{id}".encode())

def teams(tk, parts, entities, refused=lambda o, e, team: o in team, done=lambda team: None):  # §8.2
    joint = len(parts) > 1 or parts[0][0] is not None
    streams, rnds, out = [[] for _ in parts], [0] * len(parts), []
    for e in entities:
        team = []
        for p, (_, pool_ids, members) in enumerate(parts):
            stream = streams[p]
            for _ in range(members):
                if all(refused(o, e, team) for o in pool_ids):
                    raise ValueError(f"no officer can fill a slot for {e}")
                while True:
                    j = next((j for j, o in enumerate(stream) if not refused(o, e, team)), None)
                    if j is not None:
                        team.append(stream.pop(j))
                        break
                    t = (lambda o: joint_ticket(tk, p, rnds[p], o)) if joint else (lambda o: officer_ticket(tk, rnds[p], o))
                    stream += [o for _, _, o in sorted((t(o), o.encode(), o) for o in pool_ids)]
                    rnds[p] += 1
        done(team)
        out.append(team)
    return out
# --- core: end


class Invalid(Exception):
    """An input that the spec says must be rejected."""


LIST_SEP = re.compile("[" + re.escape(";,、，；" + WS) + "]")


def split_list(v):
    """A list in a cell (§3.2 officers, §8.1 categories): split on ; , 、 ， ； and every White_Space."""
    return [x for x in LIST_SEP.split(v) if x]


def is_control(c):
    return unicodedata.category(c) == "Cc"


# §3.2: the standard fields, their kinds and aliases.
TARGET_FIELDS = [
    ("id", "identifier", "id uscc unicode credit_code 统一社会信用代码 统一社会信用代码(注册号) 统一社会信用代码/注册号 社会信用代码 信用代码 注册号", False),
    ("name", "text", "name entname 企业名称 市场主体名称 执法对象名称 主体名称 名称", False),
    ("entity_type", "text", "entity_type enttype type 企业类型 市场主体类型 机构类型 主体类型", False),
    ("status", "text", "status regstate 登记状态 经营状态 企业状态 状态", False),
    ("industry", "text", "industry 所属行业 行业门类 行业", False),
    ("region", "text", "region 行政区划 行政区划代码 所属地区 所属区域 区划代码", False),
    ("authority", "text", "authority regorg 登记机关 管辖单位 监管单位 管辖机关", False),
    ("risk", "risk", "risk 信用风险分类 风险等级 信用风险等级 风险分类 信用风险类别", False),
    ("last_inspected", "date", "last_inspected 上次检查日期 最近检查日期", False),
]
OFFICER_FIELDS = [
    ("id", "identifier", "id officer_id 人员编号 执法人员编号 工号 编号", False),
    ("name", "text", "name 姓名 执法人员姓名 人员姓名 执法人员", False),
    ("department", "text", "department 所属部门 部门 所属单位 单位 科室", False),
    ("region", "text", "region jurisdiction 管辖片区 执法区域 管辖区域 所属区域 行政区划", False),
    ("categories", "text", "categories 执法类别 执法事项 执法领域", False),
    ("status", "duty", "status 在岗状态 人员状态 状态", False),
    ("expert", "text", "expert 专家 是否专家", False),
    ("certificate", "identifier", "certificate certificate_no 执法证号 执法证件号 执法证编号 执法证件号码", True),
    ("issuer", "text", "issuer 发证机关", True),
    ("validity", "validity", "validity 证件有效期 有效期", True),
    ("valid_from", "date", "valid_from 有效期起 有效期(起) 有效期(自) 有效期开始 有效期起始日期 发证日期", True),
    ("valid_to", "end", "valid_to 有效期止 有效期(止) 有效期(至) 有效期至 有效期截止 有效期截止日期", True),
]
HISTORY_FIELDS = [
    ("entity", "identifier", "entity entity_id target 统一社会信用代码 统一社会信用代码(注册号) 注册号 检查对象 市场主体", False),
    ("date", "date", "date inspected_on 检查日期 检查完成日期 抽查日期", False),
    ("task", "text", "task task_id 任务编号 抽查任务编号", False),
    ("item", "text", "item 检查事项 抽查事项", False),
    ("authority", "text", "authority 检查机关 实施机关", False),
    ("officers", "text", "officers 检查人员 执法人员", False),
]
CONFLICT_FIELDS = [
    ("officer", "identifier", "officer officer_id 人员编号 执法人员编号 执法证号", False),
    ("entity", "identifier", "entity entity_id 统一社会信用代码 注册号 检查对象 市场主体", False),
    ("reason", "text", "reason 回避事由 事由 原因", False),
]
FIELDS = {"targets": TARGET_FIELDS, "officers": OFFICER_FIELDS, "history": HISTORY_FIELDS, "conflicts": CONFLICT_FIELDS}
REQUIRED = {"targets": ("id", "name"), "officers": ("id", "name"), "history": ("entity", "date"),
            "conflicts": ("officer", "entity")}
PERSONAL = ("身份证 公民身份号码 身份证件 电话 手机 住址 家庭地址 居住地 idcard idnumber nationalid phone mobile homeaddress "
            "residentialaddress 户籍 通讯地址 居所 联系方式 联系人 出生 生日 政治面貌 民族 籍贯 婚姻 宗教 健康 护照 银行 微信 qq "
            "passport birth wechat bank 证件号 email 邮箱地址 电子邮件").split()
PERSONAL_EXACT = "tel tel. 电子邮箱 邮箱".split()


def personal_header(k):
    """§3.2 rule 3: whether a header key is personal data."""
    return any(key(p) in k for p in PERSONAL) or any(key(p) == k for p in PERSONAL_EXACT)


OPENING, CLOSING = "([【", ")]】"


def bare(v):
    """§3.2: key(v) without its annotations — every `*`, and every bracketed part (from ( [ 【 to the next ) ] 】)
    unless it encloses a single digit 2–9; an opening bracket with no closing one after it is kept. None (undefined)
    when nothing was removed or nothing is left."""
    k = key(v)
    t, out, i = k.replace("*", ""), "", 0
    while i < len(t):
        j = next((j for j in range(i + 1, len(t)) if t[j] in CLOSING), None) if t[i] in OPENING else None
        if j is None or re.fullmatch("[2-9]", t[i + 1:j]):
            out, i = out + t[i], i + 1
        else:
            i = j + 1                                                      # the annotation, brackets included
    return out if out and out != k else None


def field_of(fields, k, names):
    """The standard field (column, kind) one of whose aliases has k among names(alias) — a numbered field also with
    a digit 2–9 after it, optionally in parentheses — or None."""
    for name, kind, aliases, numbered in fields:
        keys = {n for a in aliases.split() for n in names(a)}
        if k in keys:
            return name, kind
        if numbered:
            m = re.fullmatch(r"(.*?)\(?([2-9])\)?", k)
            if m and m.group(1) in keys:
                return f"{name}_{m.group(2)}", kind
    return None


def standard(fields, h):
    """§3.2 rule 2: a header cell that matches an alias to (column, kind), or None: key(h) against every alias
    first, then bare(h) against the aliases' keys."""
    b = bare(h)
    return field_of(fields, key(h), lambda a: [key(a)]) or (
        field_of(fields, b, lambda a: [key(a)]) if b else None)


def mapped(mapping, h):
    """§3.2 rule 1: the value of the plan's mapping key that matches the header cell h (key(h) against every key
    first, then bare(h)), or None."""
    k, b = key(h), bare(h)
    for src, dst in mapping.items():
        if key(src) == k:
            return dst
    for src, dst in (mapping.items() if b else ()):
        if b == key(src):
            return dst
    return None


def named(fields, h, mapping):
    """§3.2 rules 1 and 2: a header cell to (column, kind), () when the mapping drops it, or None when neither
    rule applies."""
    dst = mapped(mapping, h)
    if dst is None:
        return standard(fields, h)
    if text(dst) == "":
        return ()
    return field_of(fields, key(dst), lambda a: [key(a)]) or (lower(text(dst)), "text")


def resolve(fields, header, mapping):
    """§3.2: a header cell to (column, kind), or None when dropped. Rule 3 (personal data, on the whole key) comes
    first for every header whose whole key is not an alias's key: no mapping or annotation can keep such a column
    under another name. Rule 4 keeps the whole name, annotations and all."""
    if field_of(fields, key(header), lambda a: [key(a)]) is None and personal_header(key(header)):
        return None
    found = named(fields, header, mapping)
    if found == ():
        return None
    return found or (lower(text(header)), "text")


def parse_date(v):
    """§3.3 date: the accepted forms to (y, m, d), or None."""
    m = re.fullmatch(r"([0-9]{4})([0-9]{2})([0-9]{2})", v) or re.fullmatch(
        r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})", v) or re.fullmatch(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日?", v)
    if not m:
        return None
    y, mo, d = (int(g) for g in m.groups() if g not in "-/.")
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return (y, mo, d) if 1000 <= y and 1 <= mo <= 12 and 1 <= d <= days[mo - 1] else None


def iso(d): return "%04d-%02d-%02d" % d


def parse_validity(v):
    """§3.3 validity: to (from, to or None), or None."""
    for sep in ("至", "~", "～", "--", "—"):
        if sep in v:
            a, b = v.split(sep, 1)
            break
    else:
        parts = v.split("/")
        if len(parts) == 2:
            a, b = parts
        elif len(parts) == 6:
            a, b = "/".join(parts[:3]), "/".join(parts[3:])
        else:
            return None
    start, b = parse_date(text(a)), text(b)
    end = None if b == "长期" else parse_date(b)
    if not start or (b != "长期" and (not end or end < start)):
        return None
    return start, end


RISK = {c: k for k, cs in {"A": "A A类 A级 低风险 信用风险低", "B": "B B类 B级 一般风险 信用风险一般",
                            "C": "C C类 C级 较高风险 信用风险较高", "D": "D D类 D级 高风险 信用风险高"}.items()
        for c in cs.split()}


def risk(v):
    """§3.3 risk: ident(v) without White_Space is a class word, or X(Y) with two class words of the same class."""
    v = "".join(c for c in ident(v) if c not in WS)
    m = re.fullmatch(r"([^()]+)\(([^()]+)\)", v)
    if v in RISK:
        return RISK[v]
    if m and m.group(1) in RISK and RISK[m.group(1)] == RISK.get(m.group(2)):
        return RISK[m.group(1)]
    raise Invalid(f"unknown risk class {v}")


def value(raw, kind):
    """§3.3: normalise one value by its kind."""
    if len(raw.encode()) > 4096:
        raise Invalid("value too long")
    if kind == "duty":                                                    # an officer's status, kept as a code
        return "在岗" if text(raw) in ("在岗", "在职", "正常") else "不在岗"
    v = ident(raw) if kind == "identifier" else text(raw)
    if v == "" or kind in ("text", "identifier"):
        return v
    if kind == "risk":
        return risk(v)
    if kind == "end" and v == "长期":
        return v
    if kind in ("date", "end"):
        d = parse_date(v)
        if not d:
            raise Invalid(f"bad date {v}")
        return iso(d)
    p = parse_validity(v)
    if not p:
        raise Invalid(f"bad validity {v}")
    return f"{iso(p[0])}/{iso(p[1]) if p[1] else '长期'}"


ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def fold(v):
    """§3.3: a value folded for the personal-data shapes: full-width ASCII to ASCII, U+3000 to a space."""
    return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else " " if c == "\u3000" else c for c in v)


DIGITS = set("0123456789")


def personal_shape(v):
    """§3.3 personal data by shape: the shape a value has (resident identity number, mobile, e-mail), or None. The
    value is folded first; a folded value with a non-ASCII character has no shape."""
    v = fold(v)
    if not v.isascii():
        return None
    r = "".join(c for c in v if c not in " -.()")
    if len(r) == 18 and all(c in DIGITS for c in r[:17]):
        y, m, d = int(r[6:10]), int(r[10:12]), int(r[12:14])
        try:
            real = 1900 <= y <= 2099 and datetime.date(y, m, d)
        except ValueError:
            real = False
        check = "10X98765432"[sum(int(c) * w for c, w in zip(r[:17], ID_WEIGHTS)) % 11]
        if real and (r[17] == check or (check == "X" and r[17] == "x")):
            return "a resident identity number"
    if 11 <= len(v) <= 40:
        m = v[4:] if v[:4].lower() == "tel:" else v
        if m and all(c in DIGITS or c in " -.()" or (c == "+" and i == 0) for i, c in enumerate(m)):
            digits = "".join(c for c in m if c in DIGITS)
            plus = m.startswith("+")
            if ((len(digits) == 11 and not plus) or (len(digits) == 13 and digits.startswith("86"))
                    or (len(digits) == 15 and digits.startswith("0086") and not plus)):
                if digits[-11] == "1" and digits[-10] in "3456789":
                    return "a mobile number"
    if "@" in v:
        local, domain = v.split("@", 1)
        if local and domain and "@" not in domain and not any(c in WS for c in v) and "." in domain:
            first, rest = domain.split(".", 1)
            if first and rest and not rest.endswith("."):
                return "an e-mail address"
    return None


ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def id_passes(code):
    """§3.3: the USCC and registration-number checks."""
    if len(code) == 18:
        if any(c not in ALPHABET for c in code):
            return False
        w = [pow(3, i, 31) for i in range(17)]
        c18 = (31 - sum(ALPHABET.index(c) * wi for c, wi in zip(code, w)) % 31) % 31
        org = sum((int(c) if c.isdigit() else ord(c) - 55) * wi for c, wi in zip(code[8:16], [3, 7, 9, 10, 5, 8, 4, 2]))
        c17 = {10: "X", 11: "0"}.get(11 - org % 11, str(11 - org % 11))
        return code[17] == ALPHABET[c18] and code[16] == c17
    if len(code) == 15 and code.isascii() and code.isdigit():
        p = 10
        for i, ch in enumerate(code):
            sv = (p + int(ch)) % 10 or 10
            if i == 14:
                return sv == 1
            p = 2 * sv % 11
    return False


class Unsupported(Exception):
    """Something the spec covers that this script does not implement: reported as such (exit status 3), never as a
    difference."""


class TableFile:
    """A table's bytes and how to read them (§3.1): the format (from the caller, else the file name's extension), a
    forced text encoding (utf-8 or gb18030), the worksheet of an .xlsx."""
    FORMATS = {"csv": "csv", "tsv": "tsv", "txt": "tsv", "xlsx": "xlsx", "json": "json", "jsonl": "jsonl",
               "ndjson": "jsonl"}

    def __init__(self, data, name="", fmt=None, encoding=None, sheet=None):
        self.data, self.name, self.sheet = data, name, sheet
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if fmt is None:                                                    # §3.1: any other extension, or none: CSV
            fmt = ext if ext in self.FORMATS else "csv"
        fmt = fmt.lower()
        if fmt not in self.FORMATS:
            raise Unsupported(f"the table {name} named as format {fmt!r}: SPEC §3.1 names no such format (csv, tsv, "
                              f"txt, xlsx, json, jsonl, ndjson)")
        self.fmt = self.FORMATS[fmt]
        enc = (encoding or "").lower().replace("_", "-")
        if enc in ("", "auto"):
            self.encoding = None
        elif enc in ("utf-8", "utf8"):
            self.encoding = "utf-8"
        elif enc in ("gbk", "gb18030", "gb2312"):
            self.encoding = "gb18030"
        else:
            raise Unsupported(f"the text encoding {encoding!r} (§3.1: UTF-8 or GB18030)")


def decode_text(data, encoding=None):
    """§3.1 text decoding: a BOM, UTF-8, else GB18030 (or the caller's choice)."""
    if b"\0" in data:
        raise Invalid("a byte 00: not a text table")
    if data.startswith(b"\xef\xbb\xbf") and encoding != "gb18030":
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError:
            raise Invalid("a UTF-8 byte order mark before bytes that are not UTF-8") from None
    if encoding is None:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            encoding = "gb18030"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise Invalid(f"not valid {encoding}") from None


def number_text(x):
    """§3.1: a number's text: an integer (or a whole number below 2^53) as its digits, else the shortest decimal
    that reads back as the same double, never in exponent form."""
    if isinstance(x, int) and not isinstance(x, bool):
        return str(x)
    if x != x or x in (float("inf"), float("-inf")):
        raise Invalid("not a finite number")
    if x == int(x) and abs(x) < 2**53:
        return str(int(x))
    out = format(decimal_module.Decimal(repr(x)), "f")                 # repr: the shortest digits that read back
    return out.rstrip("0").rstrip(".") if "." in out else out            # 2**53 as 9007199254740992, not …992.0


def grid_delimited(text_, delimiter):
    """§3.1 CSV and TSV: RFC 4180 with this delimiter; records end with LF, CRLF or CR."""
    text_ = text_.removeprefix("\ufeff")
    # A blank line is not a record, and neither is a record of one empty field (a line holding only "").
    return [r for r in csv.reader(io.StringIO(text_, newline=""), delimiter=delimiter, strict=False)
            if r not in ([], [""])]


class JsonDigits(str):
    """A JSON integer from −2⁶³ to 2⁶⁴ − 1, as its decimal digits (§3.1)."""


def json_cell(v):
    """§3.1 JSON: a value's cell text."""
    if isinstance(v, JsonDigits):
        return str(v)
    if isinstance(v, str):
        return v
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, (int, float)):
        return number_text(v)
    raise Invalid("an array or object as a cell value")


def grid_json(text_, lines):
    """§3.1 JSON (an array of objects) and JSON Lines (one object per non-blank line)."""
    def members(pairs):
        obj = {}
        for k, v in pairs:
            if k in obj:                                                   # §3.1: an error
                raise Invalid(f"an object names the member {k!r} twice")
            obj[k] = v
        return obj

    def integer(digits):                                                   # §3.1: −2⁶³ to 2⁶⁴ − 1 keep their digits
        n = int(digits)
        return JsonDigits(str(n)) if -2**63 <= n < 2**64 else float(digits)

    def constant(c):
        raise Invalid(f"{c} is not JSON")
    read = lambda t: json.loads(t, object_pairs_hook=members, parse_int=integer, parse_constant=constant)
    try:
        if lines:
            objects = [read(line) for line in re.split(r"\r\n|\n|\r", text_) if line.strip(" \t")]
        else:
            objects = read(text_)
    except ValueError as e:
        raise Invalid(f"not JSON: {e}") from None
    if not isinstance(objects, list) or not all(isinstance(o, dict) for o in objects):
        raise Invalid("not an array of objects" if not lines else "a line that is not an object")
    header = []
    for o in objects:
        header += [k for k in o if k not in header]
    return [header] + [[json_cell(o[k]) if k in o else "" for k in header] for o in objects]


XLSX_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DATE_FORMAT_IDS = set(range(14, 23)) | set(range(27, 37)) | set(range(45, 48)) | set(range(50, 59)) | set(range(71, 82))


def date_format(code):
    """Whether a custom number format shows a date or time: d, m, y, h or s outside quotes, brackets and escapes."""
    quoted = escaped = False
    brackets = 0
    for c in code:
        if escaped:
            escaped = False
        elif quoted:
            quoted = c != '"'
        elif c in "\\_*":
            escaped = True
        elif c == '"':
            quoted = True
        elif c == ";":
            return False
        elif c == "[":
            brackets += 1
        elif c == "]":
            brackets = max(0, brackets - 1)
        elif brackets == 0 and c in "dmhysDMHYS":
            return True
    return False


def excel_date(serial, epoch1904):
    """§3.1 XLSX: a date cell's serial number (days since Excel's epoch, the time as the fraction of a day, held to
    the millisecond as Excel holds it) to YYYY-MM-DD, with HH:MM:SS when the time is not midnight."""
    whole = math.floor(serial)
    ms = math.floor((serial - whole) * 86400000 + 0.5)                   # §3.1: rounded to the millisecond,
    secs = ms // 1000                                                    # then written without the milliseconds
    if secs >= 86400:
        whole, secs = whole + 1, secs - 86400
    if epoch1904:
        day = (datetime.date(1904, 1, 1) + datetime.timedelta(days=whole)).isoformat()
    elif whole < 0:
        raise Unsupported(f"the date serial {serial}, before Excel's calendar")
    elif whole == 60:
        day = "1900-02-29"                                                 # Excel's 1900 calendar has that day
    else:
        day = (datetime.date(1899, 12, 31 if whole < 60 else 30) + datetime.timedelta(days=whole)).isoformat()
    return day + (" %02d:%02d:%02d" % (secs // 3600, secs // 60 % 60, secs % 60) if secs else "")


def col_index(ref):
    """A cell reference (C12) to its 0-based (row, column)."""
    m = re.fullmatch(r"([A-Z]{1,3})([0-9]+)", ref or "")
    if not m:
        raise Unsupported(f"an .xlsx cell without a reference (r={ref!r})")
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


class NumberCell(str):
    """An .xlsx number cell's text, with the number (§3.1 numbers that were codes)."""
    def __new__(cls, text_, number):
        cell = super().__new__(cls, text_)
        cell.number = number
        return cell


class ErrorCell(str):
    """An .xlsx cell holding an error value (#N/A, …): rejected when read (§3.1), not in rows above the header."""


def xlsx_sheets(data, sheet):
    """§3.1 XLSX: the worksheets to look for the header row in — every one in workbook order, or the named one —
    each a function giving its used range's cells as text."""
    import zipfile
    import xml.etree.ElementTree as ET
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        names = set(z.namelist())
    except zipfile.BadZipFile as e:
        raise Invalid(f"not a readable .xlsx workbook: {e}") from None

    def read(name):
        try:
            return ET.fromstring(z.read(name))
        except (KeyError, ET.ParseError, zipfile.BadZipFile) as e:
            raise Invalid(f"not a readable .xlsx workbook: {name}: {e}") from None
    wb = read("xl/workbook.xml")
    if wb.tag != "{%s}workbook" % XLSX_NS["m"]:
        raise Unsupported(f"an .xlsx workbook in another namespace ({wb.tag})")
    pr = wb.find("m:workbookPr", XLSX_NS)
    epoch1904 = pr is not None and pr.get("date1904") in ("1", "true")
    rels = {}
    if "xl/_rels/workbook.xml.rels" in names:
        for r in read("xl/_rels/workbook.xml.rels"):
            target = r.get("Target", "")
            rels[r.get("Id")] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    sheets = [(s.get("name"), rels.get(s.get("{%s}id" % REL_NS))) for s in wb.iterfind("m:sheets/m:sheet", XLSX_NS)]
    if not sheets:
        raise Invalid("a workbook without worksheets")
    if sheet is not None:
        sheets = [(n, p) for n, p in sheets if n == sheet][:1]
        if not sheets:
            raise Invalid(f"no sheet named {sheet!r}")
    shared = []
    if "xl/sharedStrings.xml" in names:
        for si in read("xl/sharedStrings.xml").iterfind("m:si", XLSX_NS):
            t = si.find("m:t", XLSX_NS)
            shared.append(t.text or "" if t is not None else
                          "".join(x.text or "" for x in si.iterfind("m:r/m:t", XLSX_NS)))
    date_styles = []
    if "xl/styles.xml" in names:
        st = read("xl/styles.xml")
        custom = {int(f.get("numFmtId")): f.get("formatCode", "") for f in st.iterfind("m:numFmts/m:numFmt", XLSX_NS)}
        for xf in st.iterfind("m:cellXfs/m:xf", XLSX_NS):
            n = int(xf.get("numFmtId", "0"))
            date_styles.append(n in DATE_FORMAT_IDS if n not in custom else date_format(custom[n]))
    return [lambda path=path: used_range(read, path, names, shared, date_styles, epoch1904) for _, path in sheets]


def used_range(read, path, names, shared, date_styles, epoch1904):
    """§3.1 XLSX: a worksheet's rows, those of its used range, every cell as text."""
    if path not in names:
        raise Unsupported(f"a worksheet this reader cannot find ({path})")
    sheet_xml = read(path)
    cells = {}
    for c in sheet_xml.iterfind("m:sheetData/m:row/m:c", XLSX_NS):
        t, v = c.get("t", "n"), c.find("m:v", XLSX_NS)
        if t == "inlineStr":
            is_ = c.find("m:is", XLSX_NS)
            t_ = is_.find("m:t", XLSX_NS) if is_ is not None else None
            value_ = (t_.text or "" if t_ is not None else
                      "".join(x.text or "" for x in is_.iterfind("m:r/m:t", XLSX_NS))) if is_ is not None else ""
            if value_ == "" and is_ is None:
                continue
        elif v is None:
            continue
        elif t == "s":
            value_ = shared[int(v.text)]
        elif t == "str":
            value_ = v.text or ""
        elif t == "b":
            value_ = "TRUE" if v.text.strip() in ("1", "true") else "FALSE"
        elif t == "e":
            value_ = ErrorCell(f"{v.text} in cell {c.get('r')}")
        elif t == "n":
            x = float(v.text)
            style = int(c.get("s", "0"))
            value_ = excel_date(x, epoch1904) if style < len(date_styles) and date_styles[style] else \
                NumberCell(number_text(x), x)
        elif t == "d":                                                     # an ISO 8601 date cell
            m = re.fullmatch(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:T([0-9]{2}:[0-9]{2}:[0-9]{2})(?:\.[0-9]*)?)?Z?", v.text or "")
            if not m:
                raise Unsupported(f"the ISO 8601 date cell {v.text!r} in {c.get('r')}")
            value_ = m.group(1) + (f" {m.group(2)}" if m.group(2) and m.group(2) != "00:00:00" else "")
        else:
            raise Unsupported(f"an .xlsx cell of type t={t!r}")
        cells[col_index(c.get("r"))] = value_
    if not cells:
        return []
    rows, cols = [r for r, _ in cells], [c for _, c in cells]
    r0, r1, c0, c1 = min(rows), max(rows), min(cols), max(cols)
    return [[cells.get((r, c), "") for c in range(c0, c1 + 1)] for r in range(r0, r1 + 1)]


def header_row(kind, grid, mapping):
    """§3.1 the header row: the index of the first of the first 30 non-empty rows whose cells name the required
    columns (§3.2 rules 1 to 3, with the plan's mapping), or None; and the index of the first non-empty row."""
    rows = [i for i, r in enumerate(grid) if any(c != "" for c in r)][:30]
    want = REQUIRED[kind][:1] if kind == "officers" else REQUIRED[kind]   # a roster's names are optional
    for i in rows:
        got = {n[0] for n in (resolve(FIELDS[kind], text(c), mapping) for c in grid[i] if text(c)) if n}
        if kind == "officers" and "certificate" in got:                   # §3.1, §3.2: `certificate` gives the id
            got.add("id")
        if all(c in got for c in want):
            return i, rows[0]
    return None, rows[0] if rows else None


def table_grid(kind, src, mapping):
    """§3.1: a table file (bytes are CSV) to its header and the records below it, every cell a string. In CSV, TSV
    and XLSX the rows above the header row are not read; without a header row, the first non-empty row is the header
    and no further row is read (the table lacks its required columns)."""
    if isinstance(src, bytes):
        src = TableFile(src)
    if src.fmt == "json" or src.fmt == "jsonl":
        records = grid_json(decode_text(src.data, src.encoding), src.fmt == "jsonl")
        records = [r for r in records if any(c != "" for c in r)]          # the JSON rows
        if not records:
            raise Invalid(f"{kind}: no header")
        return records[0], records[1:]
    if src.fmt == "xlsx":
        sheets = xlsx_sheets(src.data, src.sheet)
        first = None
        for load in sheets:                                                # the first worksheet with a header row
            grid = load()
            h, top = header_row(kind, grid, mapping)
            first = grid if first is None else first
            if h is not None:
                return xlsx_table(grid, h)
        grid, (h, top) = first, header_row(kind, first, mapping)
    else:
        grid = grid_delimited(decode_text(src.data, src.encoding), "," if src.fmt == "csv" else "\t")
        h, top = header_row(kind, grid, mapping)
        if h is not None:
            return grid[h], grid[h + 1:]
    if top is None:
        raise Invalid(f"{kind}: no header")
    if any(isinstance(c, ErrorCell) for c in grid[top]):
        raise Invalid(f"an error value {next(c for c in grid[top] if isinstance(c, ErrorCell))}")
    return grid[top], []


def xlsx_table(grid, h):
    """§3.1: a worksheet's header row and the rows below it, its columns from the first to the last in which one of
    them holds a non-empty cell (a note above, or to the right of the table, is not a column)."""
    used = [j for r in grid[h:] for j, c in enumerate(r) if c != ""]
    rows = [r[min(used):max(used) + 1] for r in grid[h:]]
    rows = [r for r in rows if any(c != "" for c in r)]                    # the used range's empty rows
    errors = [c for r in rows for c in r if isinstance(c, ErrorCell)]
    if errors:
        raise Invalid(f"an error value {errors[0]}")
    return rows[0], rows[1:]


def raw_bytes(src):
    """A table file's bytes as read (its raw digest, §3.4)."""
    return src.data if isinstance(src, TableFile) else src


NUMBERED = ["", *(f"_{n}" for n in range(2, 10))]


DEFAULT_EXCLUDE_STATUS = ["注销", "吊销", "撤销", "迁出"]
LISTED_REASONS = ("earlier_batch", "inspected_recently", "annual_cap")


def status_keywords(tree):
    """§4.1: plan.exclude_status, each keyword normalised with `text`, the empty ones ignored."""
    keywords = [text(k) for k in tree.get("plan", {}).get("exclude_status", DEFAULT_EXCLUDE_STATUS)]
    return [k for k in keywords if k]


def plan_reads(tree):
    """§3.2 rule 5: per table, the columns the plan reads or declares public, and those declared public."""
    tasks = tree.get("tasks", [])
    cols = lambda f: {lower(text(k)) for k in (f or {})}
    public = {t: {lower(text(c)) for c in tree.get("columns", {}).get("public", {}).get(t, [])}
              for t in ("targets", "officers", "history", "conflicts")}
    reads = {
        "targets": {"id", "name"} | ({"status"} if status_keywords(tree) else set())
        | {c for t in tasks for c in cols(t.get("filter")) | {lower(text(x)) for x in t.get("strata", [])}}
        | ({"region"} if any("officer_region" in t for t in tasks) else set()),
        "officers": {"id", "name", "status"}
        | {f"{c}{n}" for c in ("certificate", "validity", "valid_from", "valid_to") for n in NUMBERED}
        | {c for t in tasks for c in cols(t.get("officer_filter"))}
        | ({"department"} if any("departments" in t for t in tasks) else set())
        | ({"region"} if any("officer_region" in t for t in tasks) else set())
        | ({"categories"} if any(t.get("require_categories") for t in tasks) else set()),
        "history": {"entity", "date"}
        | ({"item", "task"} if any(isinstance(t.get("exclude_inspected"), dict)
                                   and t["exclude_inspected"].get("scope") == "same_item" for t in tasks) else set())
        | ({"officers"} if any("rotation" in t for t in tasks) else set()),
        "conflicts": {"officer", "entity"},
    }
    return {t: reads[t] | public[t] for t in reads}, public


def read_table(kind, src, mapping, id_check, reads=None, public=frozenset()):
    """§3.1–§3.3: a table file (bytes are CSV) to (columns, rows as dicts, dropped, allowlisted, unchecked); the
    columns the plan does not read (`reads`, §3.2 rule 5) are dropped."""
    header, records = table_grid(kind, src, mapping)
    fields = FIELDS[kind]
    key_col, second = REQUIRED[kind]
    cols, dropped = [], []
    for cell in header:
        if text(cell) == "" or any(is_control(ch) for ch in cell):
            raise Invalid("bad header cell")
        r = resolve(fields, text(cell), mapping)
        if r is not None and reads is not None and r[0] not in reads:          # §3.2 rule 5: minimal data
            r = None
        if r is None:
            dropped.append(text(cell))
        cols.append(r)
    names = [c[0] for c in cols if c]
    required = [key_col] if kind == "officers" else [key_col, second]          # a roster's names are optional
    if len(set(names)) != len(names) or len(header) > 1024:
        raise Invalid(f"{kind}: bad header {names}")
    # §3.2 "A roster keyed by its certificates": a roster with no `id` column (after rules 1–5) and a `certificate`
    # column keeps that one file column twice, under `id` and `certificate`, with the same (identifier) values; both
    # enter the digest (whose columns are sorted, §3.4). `certificate_2` … never gives the id.
    by_certificate = kind == "officers" and "id" not in names and "certificate" in names
    if by_certificate:
        names.insert(names.index("certificate"), "id")
    if any(c not in names for c in required):
        raise Invalid(f"{kind}: bad header {names}")
    nonempty = [c for c in (key_col, second) if c in names]
    rows, seen, allowlisted, unchecked = [], set(), [], []
    for rec in records:
        if len(rec) != len(cols):                                            # a record of empty fields too
            raise Invalid(f"{kind}: ragged row {rec}")
        if all(c == "" for c in rec):                                       # §3.1: then skipped
            continue
        for c, v in zip(cols, rec):                                         # §3.1: numbers that were codes
            if c and c[1] == "identifier" and isinstance(v, NumberCell) and abs(v.number) >= 10**15:
                raise Invalid(f"number_code: column {c[0]!r} holds the number {v}: its last digits are lost "
                              f"(format the column as text and enter the codes again)")
        row = {c[0]: value(v, c[1]) for c, v in zip(cols, rec) if c}
        if by_certificate:
            row["id"] = row["certificate"]
        if any(is_control(ch) for v in row.values() for ch in v) or not all(row[c] for c in nonempty):
            raise Invalid(f"{kind}: bad row {rec}")
        for c, v in row.items():                                                # §3.3: personal data by shape
            if c in public or (kind == "targets" and c == "id" and id_passes(v)):
                continue
            shape = personal_shape(v)
            if shape:
                raise Invalid(f"personal_data: column {c!r} holds {shape}")
        if kind in ("history", "conflicts"):
            rows.append(row)
            continue
        if kind == "targets" and not id_passes(row["id"]):
            if row["id"] in id_check["allowlist"]:
                allowlisted.append(row["id"])
            elif id_check["mode"] == "warn":
                unchecked.append(row["id"])
            else:
                raise Invalid(f"invalid id {row['id']}")
        if row["id"] in seen:
            raise Invalid(f"duplicate id {row['id']}")
        seen.add(row["id"])
        rows.append(row)
    return names, rows, sorted(dropped), sorted(allowlisted), sorted(unchecked)


HEAD_END = re.compile("[（(，,；;、]")


def exclusion(status, keywords):
    """§6.1: the keyword equal to the whole status, else the keyword equal to its head (the status up to its first
    （ ( ， , ； ; or 、, its trailing White_Space removed), or None."""
    status = text(status)
    if status in keywords:
        return status
    head = HEAD_END.split(status, 1)[0].rstrip(WS)
    return head if head in keywords else None


def officer_eligibility(columns, officers, date):
    """§8.1: per officer, None (eligible) or (reason code,): 不在岗 or 证件无效."""
    groups = [g for g in NUMBERED if f"certificate{g}" in columns]
    out = []
    for o in officers:
        if "status" in columns and o["status"] != "在岗":                   # §3.3 duty: 在岗 or 不在岗
            out.append(("不在岗",))
            continue
        valid = not groups
        for g in groups:
            if not o[f"certificate{g}"]:
                continue
            period = None
            if o.get(f"validity{g}"):
                period = parse_validity(o[f"validity{g}"])
            elif o.get(f"valid_from{g}") and o.get(f"valid_to{g}"):
                to = o[f"valid_to{g}"]
                period = (parse_date(o[f"valid_from{g}"]), None if to == "长期" else parse_date(to))
            if period is not None and period[0] <= date and (period[1] is None or date <= period[1]):
                valid = True
        out.append(None if valid else ("证件无效",))
    return out, bool(groups)


def named_officer(name, columns, officers):
    """§8.2 rule 2: the id of the officer a conflicts row names: by id, else by a certificate number in any
    certificate{s} column (both already ident-normalised, §3.3), the first in roster order; else unknown_officer."""
    if any(o["id"] == name for o in officers):
        return name
    groups = [f"certificate{g}" for g in [""] + [f"_{n}" for n in range(2, 10)] if f"certificate{g}" in columns]
    for o in officers:
        if any(o[c] == name for c in groups):
            return o["id"]
    raise Invalid(f"unknown_officer: conflicts names {name!r}, neither an officer id nor a certificate number")


RATIO = re.compile(r"^([0-9]{1,3})(?:\.([0-9]{1,4}))?%$")


def ratio(v):
    """§4.1: a ratio string to (ppm, canonical text)."""
    m = RATIO.match(ident(v)) if isinstance(v, str) else None             # after ident: ５０％ is 50%
    if not m:
        raise Invalid(f"bad ratio {v!r}")
    ppm = int(m.group(1)) * 10000 + int((m.group(2) or "").ljust(4, "0"))
    if ppm > 10**6:
        raise Invalid(f"ratio above 100%: {v!r}")
    frac = f"{ppm % 10000:04d}".rstrip("0")
    return ppm, f"{ppm // 10000}" + (f".{frac}" if frac else "") + "%"


def decimal(v):
    """§4.2: the canonical decimal text, or None."""
    m = re.fullmatch(r"(-?)([0-9]+)(?:\.([0-9]+))?", text(v))
    if not m:
        return None
    whole, frac = m.group(2).lstrip("0") or "0", (m.group(3) or "").rstrip("0")
    mag = whole + ("." + frac if frac else "")
    return "-" + mag if m.group(1) and mag != "0" else mag


def dec_cmp(a, b):
    """-1, 0 or 1 as a < b, a = b, a > b (canonical decimals)."""
    def mag(x):
        whole, _, frac = x.lstrip("-").partition(".")
        return (len(whole), whole, frac)
    na, nb = a.startswith("-"), b.startswith("-")
    if na != nb:
        return -1 if na else 1
    c = (mag(a) > mag(b)) - (mag(a) < mag(b))
    return -c if na else c


def read_filter(f):
    """§4.1, §4.2: a filter table to {column: condition}, both sorted."""
    out = {}
    def strings(v):
        values = [v] if isinstance(v, str) else v
        if not isinstance(values, list) or not values or not all(isinstance(x, str) for x in values):
            raise Invalid("filter values must be strings")
        return sorted(set(text(x) for x in values), key=str.encode)
    for k, v in (f or {}).items():
        name = lower(text(k))
        if name in out:
            raise Invalid(f"filter names {name} twice")
        if isinstance(v, dict):
            c = {}
            for op in ("in", "not", "after", "before", "min", "max"):
                if op not in v:
                    continue
                x = v[op]
                if op in ("in", "not"):
                    c[op] = strings(x)
                elif op in ("after", "before"):
                    d = parse_date(text(x)) if isinstance(x, str) else None
                    if not d:
                        raise Invalid(f"{op}: not a date")
                    c[op] = iso(d)
                else:
                    n = str(x) if isinstance(x, int) and not isinstance(x, bool) else (decimal(x) if isinstance(x, str) else None)
                    if n is None:
                        raise Invalid(f"{op}: not a number")
                    c[op] = n
            if set(v) - {"in", "not", "after", "before", "min", "max"} or not c:
                raise Invalid("unknown or no condition")
            out[name] = c
        else:
            out[name] = {"in": strings(v)}
    return dict(sorted(out.items(), key=lambda kv: kv[0].encode()))


def passes(row, flt):
    """§4.2"""
    for c, cond in flt.items():
        if c not in row:
            raise Invalid(f"unknown column {c}")
        v = row[c]
        if "in" in cond and v not in cond["in"]:
            return False
        if "not" in cond and v in cond["not"]:
            return False
        if "after" in cond or "before" in cond:
            d = parse_date(v)
            if not d or ("after" in cond and iso(d) <= cond["after"]) or ("before" in cond and iso(d) >= cond["before"]):
                return False
        if "min" in cond or "max" in cond:
            n = decimal(v)
            if n is None or ("min" in cond and dec_cmp(n, cond["min"]) < 0) or ("max" in cond and dec_cmp(n, cond["max"]) > 0):
                return False
    return True


def lookup(tree, key):
    """§6.2: a value per stratum from a tree keyed by strata values."""
    for value in key:
        if not isinstance(tree, dict):
            break
        table = {text(k): v for k, v in tree.items()}
        if value in table:
            tree = table[value]
        elif "*" in table:
            tree = table["*"]
        else:
            return None
    return None if isinstance(tree, dict) else tree


def proportional(sizes, total):
    """§6.2: Hamilton's largest remainder, ties to the earlier stratum."""
    n = sum(sizes)
    if n == 0:
        return [0] * len(sizes)
    k = min(total, n)
    counts = [k * s // n for s in sizes]
    order = sorted(range(len(sizes)), key=lambda i: (-(k * sizes[i] % n), i))
    for i in order[:k - sum(counts)]:
        counts[i] += 1
    return counts


def equal(sizes, total):
    """§6.2: equal shares, capped, the surplus passed on."""
    counts, rem = [0] * len(sizes), min(total, sum(sizes))
    while rem > 0:
        open_ = [i for i in range(len(sizes)) if counts[i] < sizes[i]]
        share, extra = divmod(rem, len(open_))
        for j, i in enumerate(open_):
            give = min(share + (1 if j < extra else 0), sizes[i] - counts[i])
            counts[i] += give
            rem -= give
    return counts


PLAN_KEYS = {"id", "name", "authority", "contact", "date", "exclude_status", "one_visit", "max_inspections_per_year",
             "max_teams_per_officer", "max_replacements"}
TASK_KEYS = {"id", "name", "items", "basis", "filter", "strata", "ratio", "count", "allocation", "rounding",
             "min_per_stratum", "team_size", "officer_filter", "exclude_inspected", "officer_region",
             "max_teams_per_officer", "rotation", "departments", "require_categories", "inspection_date"}


def depth(tree):
    return 1 + max(map(depth, tree.values())) if isinstance(tree, dict) else 0


def mode_of(t):
    """§6.2: the allocation mode of a task."""
    if "ratio" in t:
        return "ratio"
    if isinstance(t["count"], dict):
        return "per_stratum"
    return t.get("allocation", "count" if not t.get("strata") else None)


def check_tree(v, where="plan"):
    """§4.1, §4.3: no control character in a string or key, no two keys equal after `text`, no float or date."""
    if isinstance(v, str):
        if any(map(is_control, v)):
            raise Invalid(f"{where}: a control character")
    elif isinstance(v, list):
        for i, x in enumerate(v):
            check_tree(x, f"{where}[{i}]")
    elif isinstance(v, dict):
        keys = [text(k) for k in v]
        if len(set(keys)) != len(keys):
            raise Invalid(f"{where}: two keys are the same after normalisation")
        for k, x in v.items():
            check_tree(k, f"{where} key")
            check_tree(x, f"{where}.{k}")
    elif not isinstance(v, int):                                          # bool is an int
        raise Invalid(f"{where}: a float or date")


def check_plan(tree):
    """§4.1: the rules that are not about the tables."""
    check_tree(tree)
    status = tree.get("plan", {}).get("exclude_status", [])
    if not isinstance(status, list) or not all(isinstance(k, str) for k in status):
        raise Invalid("plan.exclude_status must be an array of strings")
    if any(text(k) in LISTED_REASONS for k in status):
        raise Invalid("plan.exclude_status: earlier_batch, inspected_recently and annual_cap are the other exclusion "
                      "reasons of §6.1, not status keywords")
    if set(tree) - {"plan", "tasks", "columns"} or set(tree["plan"]) - PLAN_KEYS or not text(tree["plan"]["id"]):
        raise Invalid("unknown key or empty plan id")
    if set(tree.get("columns", {})) - {"targets", "officers", "public"}:
        raise Invalid("unknown key in [columns]")
    pub = tree.get("columns", {}).get("public", {})
    if not isinstance(pub, dict) or set(pub) - {"targets", "officers", "history", "conflicts"} or not all(
            isinstance(v, list) and all(isinstance(c, str) for c in v) for v in pub.values()):
        raise Invalid("[columns.public]: optional arrays targets, officers, history, conflicts of column names")
    if "date" in tree["plan"] and not parse_date(text(tree["plan"]["date"])):
        raise Invalid("plan.date is not a date")
    for k in ("max_teams_per_officer", "max_inspections_per_year"):
        v = tree["plan"].get(k, 1)
        if type(v) is not int or v < 1:
            raise Invalid(f"plan.{k} must be an integer ≥ 1")
    m = tree["plan"].get("max_replacements", 2)
    if type(m) is not int or not 0 <= m <= 100:
        raise Invalid("plan.max_replacements must be an integer from 0 to 100")
    ids = [text(t["id"]) for t in tree["tasks"]]
    if not tree["tasks"] or len(set(ids)) != len(ids) or "" in ids:
        raise Invalid("task ids must be non-empty and distinct")
    for t in tree["tasks"]:
        if set(t) - TASK_KEYS or ("ratio" in t) == ("count" in t):
            raise Invalid(f"task {t['id']}: unknown key, or not exactly one of ratio and count")
        tree = t.get("ratio", t.get("count"))
        if depth(tree) > len(t.get("strata", [])):
            raise Invalid(f"task {t['id']}: a table nested deeper than the strata columns")
        if "ratio" in t and "allocation" in t:
            raise Invalid(f"task {t['id']}: allocation applies to counts")
        if "count" in t:
            leaves = [tree] if not isinstance(tree, dict) else []
            stack = [tree]
            while stack:
                x = stack.pop()
                if isinstance(x, dict):
                    stack.extend(x.values())
                elif not (isinstance(x, int) and not isinstance(x, bool) and 1 <= x <= 10**9):
                    raise Invalid(f"task {t['id']}: count out of range")
            mode = mode_of(t)
            if mode not in ("count", "proportional", "equal", "per_stratum") or (isinstance(tree, dict) and t.get("allocation", "per_stratum") != "per_stratum"):
                raise Invalid(f"task {t['id']}: with strata, a count needs an allocation")
        team_size = t.get("team_size", 2)
        if type(team_size) is not int or not 2 <= team_size <= 20:
            raise Invalid(f"task {t['id']}: team_size must be 2 to 20")
        strata = t.get("strata", [])
        if not isinstance(strata, list) or not all(isinstance(c, str) for c in strata):
            raise Invalid(f"task {t['id']}: strata must be an array of column names")
        names = [lower(text(c)) for c in strata]
        if "" in names or len(set(names)) != len(names):
            raise Invalid(f"task {t['id']}: strata columns must be distinct and not empty")
        minimum = t.get("min_per_stratum", 1)
        if type(minimum) is not int or minimum < 0:
            raise Invalid(f"task {t['id']}: min_per_stratum must be an integer ≥ 0")
        cap = t.get("max_teams_per_officer", 1)
        if type(cap) is not int or cap < 1:
            raise Invalid(f"task {t['id']}: max_teams_per_officer must be an integer ≥ 1")
        if t.get("rounding", "ceil") not in ("ceil", "floor", "nearest"):
            raise Invalid(f"task {t['id']}: rounding must be ceil, floor or nearest")
        if "departments" in t:
            parts = t["departments"]
            if not isinstance(parts, list) or not parts or not all(isinstance(d, dict) for d in parts):
                raise Invalid(f"task {t['id']}: departments must be a non-empty array of tables (§8.3)")
            depts = [text(d.get("department")) if isinstance(d.get("department"), str) else "" for d in parts]
            if "" in depts or len(set(depts)) != len(depts) or any(
                    set(d) != {"department", "members"} or type(d["members"]) is not int or not 1 <= d["members"] <= 20
                    for d in parts):
                raise Invalid(f"task {t['id']}: each department normalised, not empty, distinct; members 1 to 20")


def column_name(table, name, columns):
    """§4.1: a column name the plan gives, resolved as a header cell of that text would be in that table (§3.2 rules
    1, 2 and 4, with the plan's own mapping of targets or officers); a personal-data name is lower(text(name))."""
    mapping = columns.get(table, {}) if table in ("targets", "officers") else {}
    found = resolve(FIELDS[table], text(name), mapping if isinstance(mapping, dict) else {})
    return found[0] if found else lower(text(name))


def resolve_plan(tree):
    """§4.1, §4.3: the plan with every column name it gives — the keys of each task's filter and officer_filter, the
    entries of its strata and of [columns.public]'s arrays — replaced by its resolved name (nothing else rewritten:
    a ratio is hashed as written)."""
    tree = copy.deepcopy(tree)
    columns = tree.get("columns", {})
    for t in tree["tasks"]:
        for member, table in (("filter", "targets"), ("officer_filter", "officers")):
            if isinstance(t.get(member), dict):
                resolved = {}
                for k, v in t[member].items():
                    name = column_name(table, k, columns)
                    if name in resolved:
                        raise Invalid(f"task {t['id']}: {member} names the column {name} twice")
                    resolved[name] = v
                t[member] = resolved
        if "strata" in t:
            t["strata"] = [column_name("targets", c, columns) for c in t["strata"]]
            if "" in t["strata"] or len(set(t["strata"])) != len(t["strata"]):
                raise Invalid(f"task {t['id']}: strata columns must be distinct and not empty")
    for table, names in columns.get("public", {}).items():
        columns["public"][table] = [column_name(table, c, columns) for c in names]
    return tree


def load_plan(plan_bytes):
    """§4: the plan's bytes to its checked TOML tree, its column names resolved (§4.1), as its digest hashes it."""
    tree = tomllib.loads(plan_bytes.decode("utf-8").removeprefix("\ufeff"))
    check_plan(tree)
    return resolve_plan(tree)


def listed_digest(listed):
    """§6.1: the digest of a task's listed exclusions, (target, reason) pairs: text, sorted by target."""
    lines = "".join(f"{t}\t{r}\n" for t, r in sorted(listed, key=lambda x: x[0].encode()))
    return sha(("shuangsui/v2/exclusions\n" + lines).encode()).hex()


def days(d):
    """Days since 1970-01-01 of a (y, m, d) date."""
    return (datetime.date(*d) - datetime.date(1970, 1, 1)).days


def within(date, window, day):
    """§6.1: a past date within a window before the draw date."""
    if window == "calendar_year":
        return date[0] == day[0]
    return days(date) <= days(day) and days(day) - days(date) <= window


def run_draw(plan_bytes, targets_bytes, officers_bytes, seed, id_check=None, history_bytes=None, conflicts_bytes=None,
             earlier=(), raw_digest=False):
    """§3–§9.3: the inputs' bytes and the seed to the sealed record (a dict in member order, its ledger empty)
    and, per task, what the ledger (§9.4) needs: (task key, pool parts, the refusal rules 2, 3 and 5 of §8.2).
    The raw digests (§3.4) are computed only when raw_digest is set (`--raw-digest`, or an announcement that states
    them); otherwise every one is ""."""
    id_check = id_check or {"mode": "strict", "allowlist": []}
    raw = lambda src: sha(raw_bytes(src)).hex() if raw_digest else ""
    if seed == "" or any(map(is_control, seed)):
        raise Invalid("the seed is empty or has a control character (§5.1)")
    tree = load_plan(plan_bytes)                                          # §4.1: column names resolved
    columns = tree.get("columns", {})
    reads, public = plan_reads(tree)                                       # §3.2 rule 5
    t_cols, targets, t_dropped, allowlisted, unchecked = read_table(
        "targets", targets_bytes, columns.get("targets", {}), id_check, reads["targets"], public["targets"])
    o_cols, officers, o_dropped, _, _ = read_table("officers", officers_bytes, columns.get("officers", {}), id_check,
                                                   reads["officers"], public["officers"])
    o_digest_cols = [c for c in o_cols if c != "name"]                     # §3.4: the names have their own digest
    names_digest = table_digest("officer-names", ["id", "name"], officers).hex() if "name" in o_cols else ""
    pd, td = plan_digest(tree), table_digest("targets", t_cols, targets)
    od = table_digest("officers", o_digest_cols, officers)
    aux, aux_digest = {}, {}
    for name, data in (("history", history_bytes), ("conflicts", conflicts_bytes)):
        if data is not None:
            cols, rows, _, _, _ = read_table(name, data, {}, id_check, reads[name], public[name])
            aux[name] = (cols, rows, data)
            aux_digest[name] = table_digest(name, cols, rows)
    task_ids = {text(t["id"]) for t in tree["tasks"]}
    for rec in earlier:                                                   # §6.1
        if record_digest(rec) != rec["digest"]:
            raise Invalid("an earlier record does not match its digest")
        if rec["plan"]["id"] != text(tree["plan"]["id"]):
            raise Invalid(f"an earlier record of another plan ({rec['plan']['id']})")
        if rec["plan"]["one_visit"] != tree["plan"].get("one_visit", "merge"):
            raise Invalid(f"an earlier record drawn with one_visit = {rec['plan']['one_visit']}")
        if rec["plan"]["max_inspections_per_year"] != tree["plan"].get("max_inspections_per_year", 0):
            raise Invalid(f"an earlier record drawn with max_inspections_per_year = "
                          f"{rec['plan']['max_inspections_per_year']}")
        unknown = [t["id"] for t in rec["tasks"] if t["id"] not in task_ids]
        if unknown:
            raise Invalid(f"an earlier record's task {unknown[0]} is not a task of this plan")
    earlier_digests = sorted({rec["digest"] for rec in earlier})
    ed = sha(s("shuangsui/v2/earlier") + u32(len(earlier_digests)) + b"".join(map(bytes.fromhex, earlier_digests))) \
        if earlier_digests else bytes(32)
    earlier_drawn = {(t["id"], x["target"]) for rec in earlier for t in rec["tasks"] for x in t["selected"]}
    dk = draw_key(seed, pd, td, od, aux_digest.get("history", bytes(32)), aux_digest.get("conflicts", bytes(32)), ed)
    past = {}
    if "history" in aux:
        for h in aux["history"][1]:
            past.setdefault(h["entity"], []).append(h)
    one_visit = tree["plan"].get("one_visit", "merge")
    if one_visit not in ("merge", "exclusive", "separate"):
        raise Invalid("one_visit")
    cap = tree["plan"].get("max_inspections_per_year")
    if cap is not None and (not isinstance(cap, int) or cap < 1):
        raise Invalid("max_inspections_per_year")
    drawn_by, plan_load, task_info = {}, {}, {}
    conflicts = {(named_officer(c["officer"], o_cols, officers), c["entity"])
                 for c in aux["conflicts"][1]} if "conflicts" in aux else set()
    date = parse_date(text(tree["plan"]["date"])) if "date" in tree["plan"] else None
    keywords = status_keywords(tree)
    task_order = [text(t["id"]) for t in tree["tasks"]]
    earlier_tasks, earlier_visits = {}, {}                                 # §6.1: B(e) and V(e)
    for rec in earlier:
        same_year = date is not None and rec["plan"]["date"][:4] == "%04d" % date[0]
        per_record = {}
        for t in rec["tasks"]:
            for x in t["selected"]:
                earlier_tasks.setdefault(x["target"], set()).add(t["id"])
                per_record[x["target"]] = per_record.get(x["target"], 0) + 1
        if same_year:
            for e, n in per_record.items():
                earlier_visits[e] = earlier_visits.get(e, 0) + (1 if rec["plan"]["one_visit"] == "merge" else n)
    position = lambda t: (0, task_order.index(t), b"") if t in task_order else (1, 0, t.encode())
    earlier_tasks = {e: sorted(ts, key=position) for e, ts in earlier_tasks.items()}
    if date is None and any(f"certificate{g}" in o_cols for g in NUMBERED):
        raise Invalid("plan.date is required to check certificates (§4.1)")
    eligibility, has_certificates = officer_eligibility(o_cols, officers, date)
    tasks = []
    for task in tree["tasks"]:
        tk = task_key(dk, text(task["id"]))
        flt = read_filter(task.get("filter"))
        strata_cols = [lower(text(c)) for c in task.get("strata", [])]
        for c in strata_cols:
            if c not in t_cols:
                raise Invalid(f"unknown column {c} in strata (§4.2)")
        rounding, minimum = task.get("rounding", "ceil"), task.get("min_per_stratum", 1)
        size = task.get("team_size", 2)
        groups, excluded, listed = {}, {}, []
        recency = task.get("exclude_inspected")
        if (recency or cap) and date is None:
            raise Invalid("plan.date is needed for exclude_inspected and the cap")
        if recency is not None:
            if "history" not in aux or set(recency) - {"within", "scope"} or "within" not in recency:
                raise Invalid("exclude_inspected needs the history file and within")
            window, scope = recency["within"], recency.get("scope", "any_item")
            if not (window == "calendar_year" or (isinstance(window, int) and window >= 1)) or scope not in ("any_item", "same_item"):
                raise Invalid("exclude_inspected")
        items = [text(i) for i in task.get("items", [])]
        def year_count(entity):                                            # §6.1: h(e), with V(e)
            return sum(1 for h in past.get(entity, []) if parse_date(h["date"])[0] == date[0]) \
                + earlier_visits.get(entity, 0)
        for row in targets:
            if passes(row, flt):
                reason = exclusion(row["status"], keywords) if "status" in row else None
                if not reason and (text(task["id"]), row["id"]) in earlier_drawn:
                    reason = "earlier_batch"
                if not reason and recency is not None and any(
                        within(parse_date(h["date"]), window, date)
                        and (scope == "any_item" or h.get("item") in items or h.get("task") == text(task["id"]))
                        for h in past.get(row["id"], [])):
                    reason = "inspected_recently"
                if not reason and cap is not None and year_count(row["id"]) >= cap:
                    reason = "annual_cap"
                if reason:
                    excluded[reason] = excluded.get(reason, 0) + 1
                    if reason in LISTED_REASONS:                             # §6.1: the listed exclusions
                        listed.append((row["id"], reason))
                else:
                    groups.setdefault(tuple(row[c] for c in strata_cols), []).append(row)
        if not groups:
            raise Invalid("empty frame")
        strata, selected, skipped = [], [], []
        keys = sorted(groups, key=lambda k: [v.encode() for v in k])
        sizes = [len(groups[k]) for k in keys]
        mode = mode_of(task)
        spread = {"proportional": proportional, "equal": equal}.get(mode, lambda s, t: None)(sizes, task.get("count"))
        for idx, key_ in enumerate(keys):
            rows = groups[key_]
            n = len(rows)
            if mode == "ratio":
                r = lookup(task["ratio"], key_)
                if r is None:
                    raise Invalid(f"no ratio for {key_}")
                ppm, quota = ratio(r)
                k = count(n, ppm, rounding, minimum)
            elif mode in ("count", "per_stratum"):
                c = lookup(task["count"], key_)
                if c is None:
                    raise Invalid(f"no count for {key_}")
                quota, k = str(c), min(c, n)
            elif mode == "proportional":
                quota, k = f"{task['count']} × {n}/{sum(sizes)}", spread[idx]
            else:
                quota, k = f"{task['count']} / {len(keys)}", spread[idx]
            names = {row["id"]: row["name"] for row in rows}
            drawn = 0
            for rank, (t, _, i) in enumerate(select(tk, [row["id"] for row in rows], n), 1):   # §7.3
                if drawn >= k:
                    break
                earlier = drawn_by.get(i, [])
                before = earlier_tasks.get(i, [])                          # §7.3: B, then E
                reason = None
                if one_visit == "exclusive" and (before or earlier):
                    reason = "drawn_by:" + (before or earlier)[0]
                elif cap is not None and not (one_visit == "merge" and earlier):
                    planned = min(1, len(earlier)) if one_visit == "merge" else len(earlier)
                    if year_count(i) + planned >= cap:
                        reason = "annual_cap"
                if reason:
                    skipped.append({"target": i, "rank": rank, "reason": reason})
                    continue
                drawn += 1
                selected.append({"target": i, "name": names[i], "stratum": list(key_), "rank": rank,
                                 "ticket": t.hex(), "officers": []})
            strata.append({"stratum": list(key_), "frame": n, "quota": quota, "count": k, "drawn": drawn})
        for sel in selected:
            drawn_by.setdefault(sel["target"], []).append(text(task["id"]))
        oflt = read_filter(task.get("officer_filter"))
        if task.get("require_categories") and "categories" not in o_cols:
            raise Invalid("require_categories needs a categories column")
        def covers(o):
            if not task.get("require_categories"):
                return True
            have = split_list(o["categories"])
            return all(i in have for i in items)
        task_day = date
        if "inspection_date" in task:
            task_day = parse_date(text(task["inspection_date"]))
            if not task_day:
                raise Invalid("inspection_date")
        task_eligibility = eligibility if task_day == date else officer_eligibility(o_cols, officers, task_day)[0]
        pool = [o["id"] for o, e in zip(officers, task_eligibility) if passes(o, oflt) and e is None and covers(o)]
        departments = task.get("departments", [])
        if "departments" in task and not departments:
            raise Invalid("departments = []: its members add up to 0, and §8.3 needs at least 2")
        if departments:
            names = [text(d["department"]) for d in departments]
            if "department" not in o_cols or len(set(names)) != len(names) or any(
                    set(d) != {"department", "members"} or not 1 <= d["members"] <= 20 for d in departments):
                raise Invalid("departments")
            total = sum(d["members"] for d in departments)
            if total < 2 or ("team_size" in task and task["team_size"] != total):
                raise Invalid("departments must add up to the team size")
            size = total
            dept_of = {o["id"]: o["department"] for o in officers}
            parts = [(n, [o for o in pool if dept_of[o] == n], d["members"]) for n, d in zip(names, departments)]
            pool = [o for o in pool if dept_of[o] in names]   # §8.3: unlisted departments are in no part
        else:
            parts = [(None, pool, size)]
        if any(len(pp) < m for _, pp, m in parts):
            raise Invalid("officer pool smaller than the team")
        load = {o: 0 for o in pool}
        region_rule, task_cap, rotation = task.get("officer_region"), task.get("max_teams_per_officer"), task.get("rotation")
        if region_rule is not None and (region_rule not in ("same", "different") or "region" not in o_cols or "region" not in t_cols):
            raise Invalid("officer_region")
        if rotation is not None and ("history" not in aux or date is None):
            raise Invalid("rotation needs the history file")
        if rotation is not None and not (rotation == "calendar_year" or (type(rotation) is int and rotation >= 1)):
            raise Invalid("rotation: \"calendar_year\" or a number of days >= 1 (§4.1)")
        region_of = {o["id"]: o.get("region") for o in officers}
        target_region = {t["id"]: t.get("region") for t in targets}
        plan_cap = tree["plan"].get("max_teams_per_officer")

        def barred(o, e, region_rule=region_rule, rotation=rotation):    # §8.2 rules 2, 3 and 5 (§9.4 too)
            if (o, e) in conflicts:
                return True
            if region_rule and (region_of[o] == target_region[e]) != (region_rule == "same"):
                return True
            return rotation is not None and any(
                within(parse_date(h["date"]), rotation, date)
                and o in [ident(x) for x in split_list(h.get("officers", ""))]
                for h in past.get(e, []))

        def refused(o, e, team):                                          # §8.2
            if o in team or barred(o, e):
                return True
            if task_cap is not None and load[o] >= task_cap:
                return True
            return plan_cap is not None and plan_load.get(o, 0) >= plan_cap
        def done(team):
            for o in team:
                load[o] += 1
                plan_load[o] = plan_load.get(o, 0) + 1
        team_list = teams(tk, parts, [sel["target"] for sel in selected], refused, done)
        task_info[text(task["id"])] = (tk, parts, barred)
        for sel, team in zip(selected, team_list):
            sel["officers"] = team
        tasks.append({
            "id": text(task["id"]), "name": text(task["name"]), "items": [text(i) for i in task.get("items", [])],
            "key": tk.hex(),
            "frame": {"filter": flt, "size": sum(len(g) for g in groups.values()),
                      "excluded": dict(sorted(excluded.items(), key=lambda kv: kv[0].encode())),
                      "listed": listed_digest(listed)},
            "allocation": {"strata": strata_cols, "mode": mode,
                           "rounding": rounding, "min_per_stratum": minimum},
            "strata": strata,
            "team_size": size,
            "officers": {"filter": oflt, "eligible": len(pool),
                         "certificates_valid_on": iso(task_day) if has_certificates else "",
                         "departments": [{"department": n, "members": m, "eligible": len(pp)} for n, pp, m in parts if n],
                         "workload_min": min(load.values()), "workload_max": max(load.values())},
            "selected": selected,
            "skipped": skipped,
        })
    record = {
        "spec": "2",
        "plan": {"id": text(tree["plan"]["id"]), "name": text(tree["plan"]["name"]),
                 "authority": text(tree["plan"].get("authority", "")), "date": iso(date) if date else "",
                 "one_visit": one_visit, "max_inspections_per_year": cap or 0,
                 "max_replacements": tree["plan"].get("max_replacements", 2)},
        "inputs": {
            "plan": {"digest": pd.hex(), "sha256": raw(plan_bytes)},
            "targets": {"digest": td.hex(), "sha256": raw(targets_bytes), "rows": len(targets),
                        "columns": sorted(t_cols), "dropped": t_dropped,
                        "id_check": {"mode": id_check["mode"], "allowlisted": allowlisted, "unchecked": unchecked}},
            "officers": {"digest": od.hex(), "sha256": raw(officers_bytes), "rows": len(officers),
                         "columns": sorted(o_digest_cols), "dropped": o_dropped, "names": names_digest,
                         "certificates_checked_on": iso(date) if has_certificates else "",
                         "ineligible": sorted(({"id": o["id"], "reason": e[0]}
                                               for o, e in zip(officers, eligibility) if e),
                                              key=lambda x: x["id"].encode())},
        },
        "seed": {"source": "unattested", "value": seed},
        "draw_key": dk.hex(),
        "tasks": tasks,
        "visits": [],
    }
    if earlier_digests:
        record["inputs"]["earlier"] = earlier_digests
    for name, (cols, rows, data) in aux.items():
        record["inputs"][name] = {"digest": aux_digest[name].hex(), "sha256": raw(data), "rows": len(rows),
                                  "columns": sorted(cols)}
    if one_visit == "merge":                                              # §7.3
        visits = {}
        for t in tasks:
            for sel in t["selected"]:
                v = visits.setdefault(sel["target"], {"target": sel["target"], "tasks": [], "officers": []})
                v["tasks"].append(t["id"])
                v["officers"] += [o for o in sel["officers"] if o not in v["officers"]]
        record["visits"] = [visits[k] for k in sorted(visits, key=str.encode) if len(visits[k]["tasks"]) > 1]
    record["digest"] = record_digest(record)                             # §9.3
    record["ledger"] = []
    return record, task_info


def serialise(record):
    """§9.2"""
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def record_digest(record):
    """§9.3"""
    j = json.dumps({k: v for k, v in record.items() if k not in ("digest", "ledger")}, ensure_ascii=False, indent=2).encode()
    return sha(s("shuangsui/v2/record") + u32(len(j)) + j).hex()


def seal(record):
    """§9.3, §9.4: the record's digest, and the ledger chained from it again."""
    record["digest"] = prev = record_digest(record)
    for e in record["ledger"]:
        e["prev"], e["digest"] = prev, ""
        e["digest"] = prev = ledger_digest(e)
    return record


# §9.2: strict reading ---------------------------------------------------------------------------------------------

def strict_json(data):
    """A JSON document in which no object repeats a member (raises Invalid)."""
    def members(pairs):
        obj = {}
        for k, v in pairs:
            if k in obj:
                raise Invalid(f"member {k!r} repeated in one object")
            obj[k] = v
        return obj

    def constant(c):
        raise Invalid(f"{c} is not JSON")
    try:
        return json.loads(data.decode("utf-8") if isinstance(data, bytes) else data,
                          object_pairs_hook=members, parse_constant=constant)
    except ValueError as e:
        raise Invalid(f"not JSON: {e}") from None


# The documents' members (§5.3.2, §5.3.6, §9.1, §9.4), in order: "?name" is optional, [X] an array of X,
# ("map", X) an object whose members are all X, int a non-negative integer, HASH 64 lower-case hex digits, RAW a raw
# digest (§3.4): 64 lower-case hex digits, or "" when it was not computed.
HASH, RAW = "hash", "raw"
HEX64 = re.compile(r"[0-9a-f]{64}")
DIGESTS = {"digest": HASH, "sha256": RAW}
CONDITION = {"?in": [str], "?not": [str], "?after": str, "?before": str, "?min": str, "?max": str}
ANNOUNCEMENT = {
    "spec": str, "plan": str, "attempt": int, "replaces": str, "reason": str,
    "inputs": {"plan": DIGESTS, "targets": DIGESTS, "officers": DIGESTS, "officer_names": str, "?earlier": [HASH],
               "?history": DIGESTS, "?conflicts": DIGESTS},
    "previous": str, "announced_at": str,
    "beacon": {"chain_hash": str, "round": int, "not_before": str, "emitted_at": str},
    "dice": str, "parties": [{"name": str, "contribution": str}], "digest": HASH}
AUX = {**DIGESTS, "rows": int, "columns": [str]}
RECORD = {
    "spec": str,
    "plan": {"id": str, "name": str, "authority": str, "date": str, "one_visit": str,
             "max_inspections_per_year": int, "max_replacements": int},
    "inputs": {"plan": DIGESTS,
               "targets": {**AUX, "dropped": [str], "id_check": {"mode": str, "allowlisted": [str], "unchecked": [str]}},
               "officers": {**AUX, "dropped": [str], "names": str, "certificates_checked_on": str,
                            "ineligible": [{"id": str, "reason": str}]},
               "?earlier": [HASH], "?history": AUX, "?conflicts": AUX},
    "seed": {"source": str, "value": str, "?attestation": {
        "announcement": ANNOUNCEMENT, "replaced": [ANNOUNCEMENT],
        "beacon": {"round": int, "randomness": HASH, "signature": str},
        "reveals": [{"name": str, "secret": str}], "timestamp": str}},
    "draw_key": HASH,
    "tasks": [{
        "id": str, "name": str, "items": [str], "key": HASH,
        "frame": {"filter": ("map", CONDITION), "size": int, "excluded": ("map", int), "listed": HASH},
        "allocation": {"strata": [str], "mode": str, "rounding": str, "min_per_stratum": int},
        "strata": [{"stratum": [str], "frame": int, "quota": str, "count": int, "drawn": int}],
        "team_size": int,
        "officers": {"filter": ("map", CONDITION), "eligible": int, "certificates_valid_on": str,
                     "departments": [{"department": str, "members": int, "eligible": int}],
                     "workload_min": int, "workload_max": int},
        "selected": [{"target": str, "name": str, "stratum": [str], "rank": int, "ticket": HASH, "officers": [str]}],
        "skipped": [{"target": str, "rank": int, "reason": str}]}],
    "visits": [{"target": str, "tasks": [str], "officers": [str]}],
    "digest": HASH,
    "ledger": [{"seq": int, "kind": str, "task": str, "target": str, "officer": str, "replacement": str,
                "reason": str, "note": str, "actor": str, "at": str, "prev": HASH, "digest": HASH}],
}


def check_shape(v, shape, path):
    """§9.2: no member the spec does not define, none missing or out of order, none of the wrong type."""
    if isinstance(shape, dict):
        if not isinstance(v, dict):
            raise Invalid(f"{path}: not an object")
        names = [k.lstrip("?") for k in shape]
        for k in v:
            if k not in names:
                raise Invalid(f"{path}.{k}: a member the spec does not define here")
        for k in shape:
            if not k.startswith("?") and k not in v:
                raise Invalid(f"{path}.{k}: missing")
        if list(v) != [k for k in names if k in v]:
            raise Invalid(f"{path}: members not in the spec's order")
        for k, x in v.items():
            check_shape(x, shape.get(k, shape.get("?" + k)), f"{path}.{k}")
    elif isinstance(shape, list):
        if not isinstance(v, list):
            raise Invalid(f"{path}: not an array")
        for i, x in enumerate(v):
            check_shape(x, shape[0], f"{path}[{i}]")
    elif isinstance(shape, tuple):
        if not isinstance(v, dict):
            raise Invalid(f"{path}: not an object")
        for k, x in v.items():
            check_shape(x, shape[1], f"{path}.{k}")
    elif shape is int:
        if type(v) is not int or v < 0:
            raise Invalid(f"{path}: not a non-negative integer")
    elif not isinstance(v, str) or (shape in (HASH, RAW) and not HEX64.fullmatch(v) and not (shape == RAW and v == "")):
        raise Invalid(f"{path}: not " + {HASH: "64 lower-case hex digits", RAW: '64 lower-case hex digits or ""'}.get(
            shape, "a string"))


RAW_INPUTS = ("plan", "targets", "officers", "history", "conflicts")


def raw_any(inputs):
    """§3.4, §5.3.6: whether a record's or announcement's inputs state any raw digest (not ""). A draw computes them
    for every input file or for none; a record or announcement mixing stated and "" is no difference by itself."""
    return any(inputs[k]["sha256"] for k in RAW_INPUTS if k in inputs)


def read_record(data, name="record"):
    """§9.2, §10 step 1: a record's bytes to the record, read strictly (raises Invalid)."""
    rec = strict_json(data)
    check_shape(rec, RECORD, name)
    if rec["spec"] != "2":
        raise Invalid(f"{name}.spec: {rec['spec']!r}, not \"2\"")
    seed = rec["seed"]
    if seed["source"] not in ("unattested", "beacon") or (seed["source"] == "beacon") != ("attestation" in seed):
        raise Invalid(f"{name}.seed: the source is unattested, or beacon with an attestation")
    return rec


# §5.3: the announcement, the beacon and the attested seed ------------------------------------------------------------

QUICKNET = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971"
GENESIS, PERIOD = 1692803367, 3
UTC = datetime.timezone.utc


def round_at(t): return 1 if t <= GENESIS else -(-(t - GENESIS) // PERIOD) + 1       # §5.3.1
def emitted(r): return GENESIS + (r - 1) * PERIOD
def utc(t): return datetime.datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_time(v):
    """§5.3.1: a time written YYYY-MM-DDTHH:MM:SSZ to Unix seconds (raises Invalid)."""
    m = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})Z", v)
    try:
        return int(datetime.datetime(*map(int, m.groups()), tzinfo=UTC).timestamp())
    except (AttributeError, ValueError):
        raise Invalid(f"{v!r} is not a UTC time YYYY-MM-DDTHH:MM:SSZ") from None


def instant(v):
    """§9.4: an RFC 3339 date-time — YYYY-MM-DD, T, t or a space, HH:MM:SS (seconds 00-59), an optional fraction
    (ignored), then Z, z or ±HH:MM (hours 00-23, minutes 00-59) — to Unix seconds (raises Invalid)."""
    m = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?"
                     r"([Zz]|([+-])([0-9]{2}):([0-9]{2}))", v)
    try:
        t = datetime.datetime(*map(int, m.groups()[:6]), tzinfo=UTC)    # months, days, hours 00-23, 00-59
        offset = 0
        if m.group(9):
            if int(m.group(10)) > 23 or int(m.group(11)) > 59:
                raise ValueError
            offset = (int(m.group(10)) * 60 + int(m.group(11))) * (60 if m.group(9) == "+" else -60)
        return int(t.timestamp()) - offset
    except (AttributeError, ValueError):
        raise Invalid(f"{v!r} is not an RFC 3339 time") from None


def announcement_digest(ann):                                            # §5.3.2
    j = json.dumps({k: v for k, v in ann.items() if k != "digest"}, ensure_ascii=False, indent=2).encode()
    return sha(s("shuangsui/v2/announcement") + u32(len(j)) + j)


def draft(ann):
    """§5.3.3: the draft of an announcement: its parties named, every contribution ""."""
    return {**ann, "parties": [{**p, "contribution": ""} for p in ann["parties"]]}


def contribution(ann, name, secret):                                     # §5.3.3: bound to the draft's body
    body = announcement_digest(draft(ann))
    return sha(s("shuangsui/v2/contribution") + body + s(name) + s(secret))


def beacon_seed(ann_digest, round_, randomness):                         # §5.3.6
    return sha(s("shuangsui/v2/seed") + ann_digest + u64(round_) + randomness)


def announce(record, a, margin, attempt=1, replaces="", reason=""):
    """§5.3.2–§5.3.4, the announcing side: the announcement of the record's inputs made at clock time
    a["announced_at"] with this margin, a["dice"] rolled, and the parties a.get("parties") named in its draft, each
    contributing to the draft's body; and the parties' reveals."""
    t = instant(a["announced_at"])
    not_before = t + margin
    inputs, rnd = record["inputs"], round_at(not_before)
    frozen = {k: inputs[k] if k == "earlier" else {"digest": inputs[k]["digest"], "sha256": inputs[k]["sha256"]}
              for k in ("plan", "targets", "officers") if k in inputs}
    frozen["officer_names"] = inputs["officers"]["names"]                  # §5.3.2: the roster's names digest
    frozen.update({k: inputs[k] if k == "earlier" else {"digest": inputs[k]["digest"], "sha256": inputs[k]["sha256"]}
                   for k in ("earlier", "history", "conflicts") if k in inputs})
    ann = {"spec": "2", "plan": record["plan"]["id"], "attempt": attempt, "replaces": replaces, "reason": text(reason),
           "inputs": frozen,
           "previous": "", "announced_at": utc(t),
           "beacon": {"chain_hash": QUICKNET, "round": rnd, "not_before": utc(not_before), "emitted_at": utc(emitted(rnd))},
           "dice": a["dice"], "parties": []}
    parties = sorted((text(p["name"]), p["secret"]) for p in a.get("parties", ()))
    ann["parties"] = [{"name": n, "contribution": ""} for n, _ in parties]          # the draft (§5.3.3)
    ann["parties"] = [{"name": n, "contribution": contribution(ann, n, x).hex()} for n, x in parties]
    ann["digest"] = announcement_digest(ann).hex()
    return ann, [{"name": n, "secret": x} for n, x in parties]


def attested_member(record, a):
    """§5.3.6: the record's seed member for a vector's `attested` sources: its earlier attempts (`replaced`, oldest
    first, each with the reason it was not drawn, which the next attempt gives; no parties), then the one drawn."""
    chain, reason = [], ""
    for r in a.get("replaced", []):
        earlier = {k: r[k] for k in ("announced_at", "dice")}                # §13: made without parties
        chain.append(announce(record, earlier, a["margin_secs"], len(chain) + 1, chain[-1]["digest"] if chain else "",
                              reason)[0])
        reason = r["reason"]
    ann, reveals = announce(record, a, a["margin_secs"], len(chain) + 1, chain[-1]["digest"] if chain else "", reason)
    b = a["beacon"]
    seed = beacon_seed(announcement_digest(ann), b["round"], bytes.fromhex(b["randomness"]))
    return {"source": "beacon", "value": seed.hex(), "attestation": {
        "announcement": ann, "replaced": chain,
        "beacon": {"round": b["round"], "randomness": b["randomness"], "signature": b["signature"]},
        "reveals": reveals, "timestamp": ""}}


def well_formed(ann, where):
    """§5.3.2: the problems of an announcement (none when it is well-formed)."""
    out = []
    bad = lambda member, why: out.append(f"{where}.{member}: {why}")
    if ann["spec"] != "2":
        bad("spec", f'{ann["spec"]!r}, not "2"')
    if announcement_digest(ann).hex() != ann["digest"]:
        bad("digest", "does not match the announcement: it was changed after it was made")
    b, times = ann["beacon"], {}
    for member, v in (("announced_at", ann["announced_at"]), ("beacon.not_before", b["not_before"]),
                      ("beacon.emitted_at", b["emitted_at"])):
        try:
            times[member] = utc_time(v)
        except Invalid as e:
            bad(member, e)
    if len(times) == 3:
        if times["beacon.not_before"] < times["announced_at"]:
            bad("beacon.not_before", "before announced_at")
        if b["round"] != round_at(times["beacon.not_before"]):
            bad("beacon.round", f"not round_at(not_before) = {round_at(times['beacon.not_before'])}")
        if times["beacon.emitted_at"] != emitted(b["round"]):
            bad("beacon.emitted_at", f"round {b['round']} is emitted at {utc(emitted(b['round']))}")
    if b["chain_hash"] != QUICKNET:
        bad("beacon.chain_hash", "not drand quicknet")
    if not re.fullmatch(r"[0-9]{0,64}", ann["dice"]):
        bad("dice", "not at most 64 digits 0-9")
    names = [p["name"] for p in ann["parties"]]
    if any(n == "" or n != text(n) for n in names) or names != sorted(set(names)):
        bad("parties", "names not normalised, empty, unsorted or repeated")
    if any(is_control(c) for n in names for c in n):
        bad("parties", "a name with a control character")
    if any(not HEX64.fullmatch(p["contribution"]) for p in ann["parties"]):
        bad("parties", "a contribution is not 64 lower-case hex digits (a draft, §5.3.3, cannot be drawn)")
    first = ann["attempt"] == 1
    if ann["attempt"] < 1:
        bad("attempt", "below 1")
    if first != (ann["replaces"] == "") or first != (ann["reason"] == ""):
        bad("replaces", "replaces and reason must be empty exactly for attempt 1")
    if not first and ann["replaces"] and not HEX64.fullmatch(ann["replaces"]):
        bad("replaces", "not 64 lower-case hex digits")
    if ann["reason"] != text(ann["reason"]):
        bad("reason", "not normalised with text")
    if any(map(is_control, ann["reason"])):
        bad("reason", "a control character")
    if ann["previous"] != "" and ann["previous"] not in ann["inputs"].get("earlier", []):
        bad("previous", 'neither "" nor one of inputs.earlier')
    return out


def check_chain(ann, replaced, where):
    """§5.3.4: the problems of the chain of attempts (none when it is valid)."""
    out = []
    if len(replaced) != ann["attempt"] - 1:
        out.append(f"{where}.replaced: attempt {ann['attempt']} needs its {ann['attempt'] - 1} earlier attempts, "
                   f"the record has {len(replaced)}")
    chain = replaced + [ann]
    for i, a in enumerate(chain):
        w = f"{where}.replaced[{i}]" if i < len(replaced) else f"{where}.announcement"
        if i < len(replaced):
            out += well_formed(a, w)
        if a["plan"] != ann["plan"]:
            out.append(f"{w}.plan: another plan")
        if a["attempt"] != i + 1:
            out.append(f"{w}.attempt: {a['attempt']}, expected {i + 1}")
        if i > 0:
            if a["replaces"] != chain[i - 1]["digest"]:
                out.append(f"{w}.replaces: not the digest of the attempt before")
            try:
                if utc_time(a["announced_at"]) < utc_time(chain[i - 1]["announced_at"]):
                    out.append(f"{w}.announced_at: earlier than the attempt it replaces")
            except Invalid:
                pass                                                       # reported by well_formed
            if a["beacon"]["round"] <= chain[i - 1]["beacon"]["round"]:
                out.append(f"{w}.beacon.round: {a['beacon']['round']}, not a later round than the attempt it replaces "
                           f"({chain[i - 1]['beacon']['round']})")
    return out


def check_attestation(given, mine, earlier=()):
    """§5.3.6, §10 steps 1 and 4: the attested seed of a given record, against the recomputed record `mine` and the
    earlier batches' records. Returns (the derived seed, problems, what was checked)."""
    att = given["seed"]["attestation"]
    ann, b, where = att["announcement"], att["beacon"], "seed.attestation"
    problems = well_formed(ann, f"{where}.announcement") + check_chain(ann, att["replaced"], where)
    for e in earlier:                                                     # §5.3.4: a later batch, a later round
        if e["seed"]["source"] == "beacon":
            r = e["seed"]["attestation"]["announcement"]["beacon"]["round"]
            if ann["beacon"]["round"] <= r:
                problems.append(f"{where}.announcement.beacon.round: {ann['beacon']['round']}, not a later round than "
                                f"the earlier batch {e['digest']}'s ({r})")
    notes = []
    if ann["plan"] != mine["plan"]["id"]:
        problems.append(f"{where}.announcement.plan: not this plan's id")
    frozen = ann["inputs"]
    for k in ("plan", "targets", "officers", "history", "conflicts"):
        a, m = frozen.get(k), mine["inputs"].get(k)
        if (a is None) != (m is None):
            problems.append(f"inputs.{k}: {'announced but not used' if a else 'used but not announced'}")
        elif a and a["digest"] != m["digest"]:
            problems.append(f"inputs.{k}.digest: {m['digest']}, not the announced {a['digest']}")
        elif a and given["inputs"][k]["sha256"] != a["sha256"]:              # §5.3.6, §10 step 4 ("" = "")
            problems.append(f"inputs.{k}.sha256: the record's raw digest {json.dumps(given['inputs'][k]['sha256'])} "
                            f"is not the announced {json.dumps(a['sha256'])}")
    if frozen.get("earlier", []) != mine["inputs"].get("earlier", []):
        problems.append("inputs.earlier: not the announced earlier batches")
    if frozen["officer_names"] != given["inputs"]["officers"]["names"]:     # §10 step 4
        problems.append(f"inputs.officers.names: {given['inputs']['officers']['names']!r}, not the announced "
                        f"officer_names {frozen['officer_names']!r}")
    if b["round"] != ann["beacon"]["round"]:
        problems.append(f"{where}.beacon.round: {b['round']}, not the announced round {ann['beacon']['round']}")
    if not re.fullmatch(r"[0-9a-f]{96}", b["signature"]) or sha(bytes.fromhex(b["signature"])).hex() != b["randomness"]:
        problems.append(f"{where}.beacon: the randomness is not SHA-256 of a 48-byte signature")
    parties = {p["name"]: p["contribution"] for p in ann["parties"]}
    names = [r["name"] for r in att["reveals"]]
    if names != sorted(set(names)):
        problems.append(f"{where}.reveals: not sorted by name, or a name repeated")
    for r in att["reveals"]:
        if r["name"] not in parties:
            problems.append(f"{where}.reveals: {r['name']} is not an announced party")
        elif contribution(ann, r["name"], r["secret"]).hex() != parties[r["name"]]:
            problems.append(f"{where}.reveals: {r['name']}'s secret does not open its contribution")
    notes.append(f"announcement {ann['digest']}, attempt {ann['attempt']}"
                 + (f", replacing {len(att['replaced'])} earlier attempt(s): the chain checked" if att["replaced"] else ""))
    notes.append(f"drand quicknet round {b['round']}, emitted {ann['beacon']['emitted_at']}; "
                 f"randomness = SHA-256(signature) checked; dice {ann['dice']!r}")
    notes.append("parties: " + (", ".join(f"{n} ({'revealed, opens its contribution' if n in names else 'not revealed'})"
                                          for n in parties) or "none"))
    if att["timestamp"]:
        try:
            gen = token_time(att["timestamp"], serialise(ann).encode())
            if gen >= utc_time(ann["beacon"]["emitted_at"]):
                problems.append(f"{where}.timestamp: genTime {utc(gen)} is not before emitted_at")
            else:
                notes.append(f"time-stamp accepted: its imprint is SHA-256 of the announcement file, its genTime "
                             f"{utc(gen)} before emitted_at; its SIGNATURE was NOT checked")
        except Invalid as e:
            problems.append(f"{where}.timestamp: not accepted: {e}")
    else:
        notes.append("no time-stamp: the announcement is NOT anchored in time; that it was published before "
                     "emitted_at rests on procedure")
    seed = beacon_seed(announcement_digest(ann), b["round"], bytes.fromhex(b["randomness"])).hex()
    return seed, problems, notes


# §5.3.5: a DER reader for the path to the time-stamp token's TSTInfo ---------------------------------------------------

SIGNED_DATA, TST_INFO, SHA256_OID = "1.2.840.113549.1.7.2", "1.2.840.113549.1.9.16.1.4", "2.16.840.1.101.3.4.2.1"


def der(b):
    """The DER elements laid end to end in b, as [(tag, content)] (raises Invalid)."""
    out, i = [], 0
    while i < len(b):
        if i + 2 > len(b) or b[i] & 0x1F == 0x1F:
            raise Invalid("not DER")
        tag, n, i = b[i], b[i + 1], i + 2
        if n & 0x80:
            k = n & 0x7F
            if not 1 <= k <= 4 or i + k > len(b) or b[i] == 0:
                raise Invalid("not DER: a length")
            n, i = int.from_bytes(b[i:i + k], "big"), i + k
            if n < 0x80:
                raise Invalid("not DER: a length")
        if i + n > len(b):
            raise Invalid("not DER: truncated")
        out.append((tag, b[i:i + n]))
        i += n
    return out


def oid(c):
    arcs, v = [], 0
    for byte in c:
        v = v << 7 | byte & 0x7F
        if not byte & 0x80:
            arcs.append(v)
            v = 0
    top = min(arcs[0] // 40, 2) if arcs else 0
    return ".".join(map(str, [top, arcs[0] - 40 * top] + arcs[1:])) if arcs else ""


def token_time(b64, announcement_file):
    """§5.3.5: an RFC 3161 token (standard base64 of its DER) to its genTime in Unix seconds, the fraction dropped,
    once its imprint is SHA-256 of the announcement file (raises Invalid). Its signature is NOT checked."""
    try:
        token = base64.b64decode(b64, validate=True)
    except binascii.Error:
        raise Invalid("not base64") from None
    if base64.b64encode(token).decode() != b64:
        raise Invalid("not standard base64 with padding")

    def take(items, n, tags, what):
        if len(items) < n or [t for t, _ in items[:len(tags)]] != tags:
            raise Invalid(f"not {what}")
        return items
    top = take(der(token), 1, [0x30], "a DER SEQUENCE")
    if len(top) != 1:
        raise Invalid("bytes after the token")
    ci = der(top[0][1])
    if len(ci) == 2 and ci[0][0] == 0x30:
        raise Invalid("a TimeStampResp (.tsr), not its token: the record keeps the ContentInfo inside it")
    take(ci, 2, [0x06, 0xA0], "a ContentInfo")
    if oid(ci[0][1]) != SIGNED_DATA:
        raise Invalid(f"a ContentInfo of type {oid(ci[0][1])}, not signedData")
    sd = take(der(take(der(ci[1][1]), 1, [0x30], "SignedData")[0][1]), 4, [0x02, 0x31, 0x30], "SignedData")
    eci = take(der(sd[2][1]), 2, [0x06, 0xA0], "an encapContentInfo with content")
    if oid(eci[0][1]) != TST_INFO:
        raise Invalid(f"encapsulated content of type {oid(eci[0][1])}, not TSTInfo")
    tst = take(der(take(der(eci[1][1]), 1, [0x04], "an OCTET STRING")[0][1]), 1, [0x30], "a TSTInfo")
    info = take(der(tst[0][1]), 5, [0x02, 0x06, 0x30, 0x02, 0x18], "a TSTInfo")
    alg, hashed = take(der(info[2][1]), 2, [0x30, 0x04], "a messageImprint")[:2]
    alg = der(alg[1])
    if not alg or alg[0][0] != 0x06 or oid(alg[0][1]) != SHA256_OID or alg[1:] not in ([], [(0x05, b"")]):
        raise Invalid("the imprint's hashAlgorithm is not SHA-256")
    if hashed[1] != sha(announcement_file):
        raise Invalid("the imprint is not SHA-256 of the announcement file")
    m = re.fullmatch(rb"([0-9]{14})(\.[0-9]+)?Z", info[4][1])
    try:
        return int(datetime.datetime.strptime(m.group(1).decode(), "%Y%m%d%H%M%S").replace(tzinfo=UTC).timestamp())
    except (AttributeError, ValueError):
        raise Invalid("genTime is not a GeneralizedTime in UTC") from None


# §9.4: the amendment ledger ------------------------------------------------------------------------------------------

REASONS = ("回避", "请假", "调离", "证件失效", "其他")
UNREACHABLE = "通过登记的住所（经营场所）无法联系"


def substitute_ticket(tk, k, target, id):                               # §9.4
    return sha(f"shuangsui/v2/substitute-ticket:{tk.hex()}:{k}:{len(target.encode())}:{target}:{id}".encode())


def ledger_digest(e):                                                    # §9.4
    return sha(s("shuangsui/v2/ledger") + bytes.fromhex(e["prev"]) + u64(e["seq"]) + b"".join(
        s(e[k]) for k in ("kind", "task", "target", "officer", "replacement", "reason", "note", "actor", "at"))).hex()


def draw_time(record):
    """§9.4: the earliest `at`: the round's emitted_at (attested), else the start of plan.date in UTC+8, else none."""
    if record["seed"]["source"] == "beacon":
        return utc_time(record["seed"]["attestation"]["announcement"]["beacon"]["emitted_at"])
    return days(parse_date(record["plan"]["date"])) * 86400 - 8 * 3600 if record["plan"]["date"] else None


def amend(record, task_info, amendments):
    """§9.4: appends the ledger entries of these amendments to a sealed record (raises Invalid naming ledger[n].member)."""
    ledger = record["ledger"]
    team_of = {(t["id"], x["target"]): list(x["officers"]) for t in record["tasks"] for x in t["selected"]}
    left, unreachable = {}, set()                                      # unreachable: (task, target)
    try:
        last = draw_time(record)
    except Invalid:
        last = None                                                        # reported with the attestation
    for n, a in enumerate(amendments):
        def bad(member, why):
            raise Invalid(f"ledger[{n}].{member}: {why}")
        kind, target = a["kind"], a["target"]
        task_id = a.get("task") or next(
            (t["id"] for t in record["tasks"] if any(x["target"] == target for x in t["selected"])), "")
        if (task_id, target) not in team_of:
            bad("target", f"{target} is not selected by task {task_id}")
        note, actor = text(a.get("note", "")), text(a["actor"])
        if len(note) > 200 or any(map(is_control, note)):
            bad("note", "more than 200 characters, or a control character")
        if not actor or any(map(is_control, actor)):
            bad("actor", "empty, or a control character")
        try:
            at = instant(a["at"])
        except Invalid as e:
            bad("at", e)
        if last is not None and at < last:
            bad("at", "earlier than the previous entry or than the draw")
        last = at
        e = {"seq": n + 1, "kind": kind, "task": task_id, "target": target, "officer": "", "replacement": "",
             "reason": UNREACHABLE, "note": note, "actor": actor, "at": a["at"],
             "prev": ledger[-1]["digest"] if ledger else record["digest"], "digest": ""}
        if kind == "unreachable":
            if (task_id, target) in unreachable:
                bad("target", f"already recorded unreachable for task {task_id}")
            unreachable.add((task_id, target))
        elif kind == "replace_officer":
            team, gone, o = team_of[(task_id, target)], left.setdefault((task_id, target), []), a.get("officer", "")
            if a.get("reason") not in REASONS:
                bad("reason", f"{a.get('reason')!r} is not one of {'、'.join(REASONS)}")
            if a["reason"] == "其他" and not note:
                bad("note", "其他 needs a note")
            if o not in team:
                bad("officer", f"{o} is not in the current team {team}")
            if len(gone) >= record["plan"]["max_replacements"]:
                bad("kind", f"the team has had its {record['plan']['max_replacements']} replacements")
            k = team.index(o) + 1
            tk, parts, barred = task_info[task_id]
            part = next(pp for _, pp, _ in parts if o in pp)
            order = sorted((substitute_ticket(tk, k, target, x), x.encode(), x) for x in part)
            r = next((x for _, _, x in order if x not in team and x != o and x not in gone and not barred(x, target)), None)
            if r is None:
                bad("replacement", "no officer qualifies")
            e.update(officer=o, replacement=r, reason=a["reason"])
            gone.append(o)
            team[k - 1] = r
        else:
            bad("kind", f"{kind!r}")
        e["digest"] = ledger_digest(e)
        ledger.append(e)
    return record


# §10: verification ---------------------------------------------------------------------------------------------------

SIGNATURES = ("NOT CHECKED: signatures. This script verifies neither the drand round's BLS signature nor an RFC 3161 "
              "time-stamp token's signature (the standard library has no pairing, RSA, ECDSA or SM2); it checks that the "
              "randomness is SHA-256 of the signature, and the token's imprint and genTime. Check signatures elsewhere.")
MISSING = object()


def differences(mine, given, path, out):
    """§10 step 5: (path, given value, recomputed value) wherever the two differ."""
    if isinstance(mine, dict) and isinstance(given, dict):
        for k in list(mine) + [k for k in given if k not in mine]:
            differences(mine.get(k, MISSING), given.get(k, MISSING), f"{path}.{k}" if path else k, out)
    elif isinstance(mine, list) and isinstance(given, list):
        for i in range(max(len(mine), len(given))):
            x, y = (mine[i] if i < len(mine) else MISSING), (given[i] if i < len(given) else MISSING)
            same_task = path == "tasks" and isinstance(x, dict) and isinstance(y, dict) and x["id"] == y["id"]
            differences(x, y, f"{path}[{x['id'] if same_task else i}]", out)
    elif type(mine) is not type(given) or mine != given:
        out.append((path, given, mine))
    return out


def show(v): return "(absent)" if v is MISSING else json.dumps(v, ensure_ascii=False)[:100]


def verify(given, files, earlier=()):
    """§10: a record's bytes, its input files ({name: bytes}) and the earlier batches' records to
    (problems, notes). The record verifies when there is no problem."""
    problems, notes = [], []
    try:
        rec = read_record(given)
    except Invalid as e:
        return [f"the record is refused (§9.2, §10 step 1): {e}"], notes
    missing = [n for n in ("history", "conflicts") if n in rec["inputs"] and n not in files]
    if len(earlier) != len(rec["inputs"].get("earlier", [])):
        missing.append(f"{len(rec['inputs'].get('earlier', []))} earlier record(s), given {len(earlier)}")
    if missing:
        return [f"the record lists inputs not given: {', '.join(missing)} (--history, --conflicts, --earlier)"], notes
    check = rec["inputs"]["targets"]["id_check"]
    stated = raw_any(rec["inputs"])       # §3.4: a file whose raw digest the record states as "" need not be hashed
    try:                                  # §10 step 4: the files' raw digests, only to compare with the record's
        mine, task_info = run_draw(files["plan"], files["targets"], files["officers"], rec["seed"]["value"],
                                   {"mode": check["mode"], "allowlist": check["allowlisted"]},
                                   files.get("history"), files.get("conflicts"), earlier, raw_digest=stated)
    except (Invalid, KeyError, ValueError, TypeError, tomllib.TOMLDecodeError) as e:
        return [f"the draw cannot be repeated from these files: {e}"], notes
    tree = load_plan(files["plan"])
    mapping, (reads, _) = tree.get("columns", {}), plan_reads(tree)
    for name in ("targets", "officers"):                                   # §10 step 4: the dropped headers
        dropped = rec["inputs"][name]["dropped"]
        if dropped != sorted(set(dropped)):
            problems.append(f"inputs.{name}.dropped: not sorted and distinct")
        for h in dropped:
            column = resolve(FIELDS[name], h, mapping.get(name, {})) if text(h) and not any(map(is_control, h)) else ()
            if column is not None and (column == () or column[0] in reads[name]):
                problems.append(f"inputs.{name}.dropped: {h!r} is not a header that §3.2 drops (the plan's mapping "
                                f"to \"\", personal data, or a column the plan does not read)")
    m, g = mine["inputs"]["officers"], rec["inputs"]["officers"]           # §10 step 4: a roster without names
    if m["names"] == "" and g["names"] != "" and m["digest"] == g["digest"]:
        m["names"] = g["names"]
        notes.append("the officer roster given has no names (published with them hidden): the record's names digest "
                     "is taken, the names were NOT checked")
    for name in RAW_INPUTS:                                               # §10 step 4
        m, g = mine["inputs"].get(name), rec["inputs"].get(name)
        if m and g and g["sha256"] == "":
            m["sha256"] = ""                                      # not computed by the draw: nothing to compare
        if m and g and m["digest"] == g["digest"]:
            other_raw = m["sha256"] != g["sha256"] and "" not in (m["sha256"], g["sha256"])
            other_dropped = m.get("dropped") != g.get("dropped")
            if other_raw or other_dropped:
                taken = " and ".join(w for w, x in (("raw digest", other_raw), ("dropped list", other_dropped)) if x)
                notes.append(f"inputs.{name}: same content as the file drawn, other bytes (form or personal-data "
                             f"columns): the record's {taken} is used")
            for member in ("sha256", "dropped"):
                if member in g:
                    m[member] = g[member]
    mine["seed"] = rec["seed"]
    if rec["seed"]["source"] == "beacon":                                 # §5.3.6
        seed, att_problems, att_notes = check_attestation(rec, mine, earlier)
        problems += att_problems
        notes += att_notes + [SIGNATURES]
        if seed != rec["seed"]["value"]:
            problems.append(f"seed.value: the attestation derives {seed}")
    else:
        notes.append("the seed is UNATTESTED: nothing proves when it was chosen")
    seal(mine)
    try:
        amend(mine, task_info, rec["ledger"])                             # §10 step 6
    except Invalid as e:
        problems.append(str(e))
    problems += [f"{p}: the record has {show(g)}, recomputed {show(m)}" for p, g, m in differences(mine, rec, "", [])]
    if not problems and serialise(mine).encode() != (given if isinstance(given, bytes) else given.encode()):
        problems.append("the record's bytes are not its serialisation (§9.2)")
    head = mine["ledger"][-1]["digest"] if mine["ledger"] else mine["digest"]
    notes.append(f"ledger head {head} after {len(mine['ledger'])} entries")
    return problems, notes


# Running it ---------------------------------------------------------------------------------------------------------

def vector_files(v):
    return {k: v[k].encode() for k in ("plan", "targets", "officers", "history", "conflicts") if k in v}


def run_vector(v, raw_digest=False, unhashed=()):
    """A draws.json vector to its record: its seed typed, or attested (§5.3), then its amendments (§9.4). With
    raw_digest, drawn as with `--raw-digest` (§3.4): an attested seed is then announced with the raw digests. The
    inputs named in unhashed then get "" in the record and the announcement: a record no draw writes (§3.4: a draw
    hashes every input file or none), but one a verifier may meet, and no rule makes it a difference."""
    f = vector_files(v)
    def draw(seed):
        rec, info = run_draw(f["plan"], f["targets"], f["officers"], seed, v.get("id_check"), f.get("history"),
                             f.get("conflicts"), v.get("earlier", ()), raw_digest)
        for k in unhashed:
            rec["inputs"][k]["sha256"] = ""
        return seal(rec), info
    if "attested" in v:
        first, _ = draw("-")                                              # the inputs do not depend on the seed
        member = attested_member(first, v["attested"])
        rec, info = draw(member["value"])
        rec["seed"] = member
        seal(rec)
    else:
        rec, info = draw(v["seed"])
    return amend(rec, info, v.get("amendments", ()))


def der_tlv(tag, content):
    n = len(content)
    return bytes([tag]) + (bytes([n]) if n < 0x80 else bytes([0x80 | (n.bit_length() + 7) // 8])
                           + n.to_bytes((n.bit_length() + 7) // 8, "big")) + content


def fake_token(announcement_file, gen_time, imprint_oid=b"\x60\x86\x48\x01\x65\x03\x04\x02\x01"):
    """An unsigned RFC 3161 token, for the self-tests: its signature is never checked here."""
    tst = der_tlv(0x30, der_tlv(0x02, b"\x01") + der_tlv(0x06, b"\x2a\x03\x04")
                  + der_tlv(0x30, der_tlv(0x30, der_tlv(0x06, imprint_oid) + der_tlv(0x05, b""))
                            + der_tlv(0x04, sha(announcement_file)))
                  + der_tlv(0x02, b"\x07") + der_tlv(0x18, gen_time.encode()))
    eci = der_tlv(0x30, der_tlv(0x06, bytes.fromhex("2a864886f70d0109100104")) + der_tlv(0xA0, der_tlv(0x04, tst)))
    sd = der_tlv(0x30, der_tlv(0x02, b"\x03") + der_tlv(0x31, b"") + eci + der_tlv(0x31, b""))
    return base64.b64encode(der_tlv(0x30, der_tlv(0x06, bytes.fromhex("2a864886f70d010702")) + der_tlv(0xA0, sd))).decode()


def after_attested_batch(v, shift):
    """Self-tests of §5.3.4's rule for batches: an attested vector `v` drawn again as a later batch, after an earlier
    batch drawn from the same files (after v's own earlier batches) with an attested seed announced `shift` rounds
    from v's round. Returns (the later record's text, its earlier records)."""
    a, f = v["attested"], vector_files(v)
    before = list(v.get("earlier", ()))
    def draw(seed):
        return run_draw(f["plan"], f["targets"], f["officers"], seed, v.get("id_check"), f.get("history"),
                        f.get("conflicts"), before)[0]
    first = draw("-")
    moved = dict(a, announced_at=utc(instant(a["announced_at"]) + PERIOD * shift), replaced=[],
                 beacon=dict(a["beacon"], round=a["beacon"]["round"] + shift))   # its randomness is not re-checked
    member = attested_member(first, moved)
    batch = draw(member["value"])
    batch["seed"] = member
    earlier = before + [seal(batch)]
    return serialise(run_vector(dict(v, earlier=earlier))), earlier


def tampered(v):
    """Self-tests: (what, record text, a word the verifier must report, or None when the record must verify, or
    ("note", word) when it must verify with a note that says word[, the earlier batches' records to verify it with,
    in place of the vector's])."""
    rec = v["expected"]["record"]
    attested = rec["seed"]["source"] == "beacon"
    out = [("a repeated member", serialise(rec).replace('{\n  "spec": "2",', '{\n  "spec": "1",\n  "spec": "2",', 1), "repeated"),
           ("an unknown member", serialise(rec).replace('"spec": "2",', '"spec": "2",\n  "note": "",', 1), "define"),
           ("a number of the wrong type", serialise(rec).replace('"max_replacements": 2', '"max_replacements": 2.0', 1), "integer")]

    def edit(what, change, expect, reseal=True):
        r = copy.deepcopy(rec)
        change(r)
        out.append((what, serialise(seal(r) if reseal else r), expect))
    if rec["seed"]["source"] == "beacon":
        att = lambda r: r["seed"]["attestation"]
        ann_file = serialise(att(rec)["announcement"]).encode()
        emitted_at = att(rec)["announcement"]["beacon"]["emitted_at"]
        before = re.sub(r"[-:TZ]", "", utc(utc_time(emitted_at) - 1)) + ".5Z"
        edit("dice changed after the announcement", lambda r: att(r)["announcement"].update(dice="6666"), "changed after")
        edit("another round", lambda r: att(r)["beacon"].update(round=att(r)["beacon"]["round"] + 1), "announced round")
        edit("randomness not from the signature", lambda r: att(r)["beacon"].update(randomness="0" * 64), "SHA-256")
        edit("a wrong secret", lambda r: att(r)["reveals"][0].update(secret="guess"), "does not open")
        edit("an unknown party", lambda r: att(r)["reveals"][0].update(name="路人"), "not an announced party")
        edit("a raw digest not announced (announced \"\")", lambda r: r["inputs"]["targets"].update(sha256="0" * 64),
             'is not the announced ""')
        edit("an earlier attempt left out", lambda r: att(r)["replaced"].pop(0) if att(r)["replaced"] else
             att(r)["announcement"].update(attempt=2), "earlier attempts")
        edit("a time-stamp that is not DER", lambda r: att(r).update(timestamp="AAAA"), "timestamp")
        edit("a time-stamp made at emitted_at", lambda r: att(r).update(
            timestamp=fake_token(ann_file, re.sub(r"[-:T]", "", emitted_at))), "not before")
        edit("a time-stamp of other bytes", lambda r: att(r).update(timestamp=fake_token(ann_file[:-1], before)), "imprint")
        edit("a time-stamp with SHA-1", lambda r: att(r).update(
            timestamp=fake_token(ann_file, before, b"\x2b\x0e\x03\x02\x1a")), "SHA-256")
        edit("an accepted (unsigned) time-stamp", lambda r: att(r).update(timestamp=fake_token(ann_file, before)), None)
        edit("a draft drawn (contributions empty)", lambda r: [p.update(contribution="") for p in
                                                               att(r)["announcement"]["parties"]], "draft")
        edit("a party name with a control character", lambda r: att(r)["announcement"]["parties"][0].update(
            name="公证\u0007处"), "control character")
        edit("a previous batch not among inputs.earlier", lambda r: att(r)["announcement"].update(previous="1" * 64),
             "inputs.earlier")
        edit("65 dice", lambda r: att(r)["announcement"].update(dice="1" * 65), "64 digits")
        if att(rec)["replaced"]:
            edit("a reason with a control character", lambda r: att(r)["announcement"].update(
                reason="公证员\u0007未到场"), "control character")
            edit("an attempt for the round of the one it replaces", lambda r: att(r)["replaced"][-1].update(
                beacon=dict(att(r)["announcement"]["beacon"])), "later round")
        if "attested" in v:
            for shift, what, expect in ((0, "the round of", "later round"), (1, "a round after", "later round"),
                                        (-1, "a round before", None)):
                data, earlier = after_attested_batch(v, shift)
                out.append((f"a later batch announced for {what} an earlier attested batch's", data, expect, earlier))
    # §3.4, §10 step 4: raw digests. The vectors' records state none (""); a record that states them is checked only
    # against the announcement: the public copies are not the bureau's files, so for an unattested seed a raw digest
    # other than the file's is taken with a note, not a difference.
    files_raw = {k: sha(b).hex() for k, b in vector_files(v).items()}
    set_raw = lambda r, f: [r["inputs"][k].update(sha256=f(k)) for k in RAW_INPUTS if k in r["inputs"]]
    edit("a raw digest neither 64 hex digits nor \"\"", lambda r: r["inputs"]["targets"].update(sha256="0" * 63),
         '64 lower-case hex digits or ""')
    edit("a raw digest in upper case", lambda r: r["inputs"]["plan"].update(sha256=files_raw["plan"].upper()),
         '64 lower-case hex digits or ""')
    edit("one raw digest stated, the others \"\"", lambda r: r["inputs"]["targets"].update(sha256=files_raw["targets"]),
         'is not the announced ""' if attested else None)
    edit("raw digests stated, the files' (--raw-digest)", lambda r: set_raw(r, files_raw.get),
         'is not the announced ""' if attested else None)
    edit("raw digests stated, not the files'", lambda r: set_raw(r, lambda k: "0" * 64),
         'is not the announced ""' if attested else ("note", "the record's raw digest is used"))
    if "attested" in v:                                                   # an announcement that states raw digests
        stated = run_vector(v, raw_digest=True)
        out.append(("announced with raw digests, the record the files'", serialise(stated), None))
        for what, change, expect in (
                ("announced with raw digests, the record another", lambda r: r["inputs"]["targets"].update(
                    sha256="0" * 64), f'is not the announced "{files_raw["targets"]}"'),
                ("announced with raw digests, the record none", lambda r: set_raw(r, lambda k: ""),
                 f'"" is not the announced "{files_raw["plan"]}"'),
                ("an announcement with one raw digest \"\", the record the files'", lambda r: r["seed"]["attestation"][
                    "announcement"]["inputs"]["officers"].update(sha256=""),
                 f'inputs.officers.sha256: the record\'s raw digest "{files_raw["officers"]}" is not the announced ""'),
):
            r = copy.deepcopy(stated)
            change(r)
            out.append((what, serialise(seal(r)), expect))
        mixed = run_vector(v, raw_digest=True, unhashed=("officers",))          # §3.4: no all-or-none rule
        out.append(("announced and recorded with one raw digest \"\"", serialise(mixed), None))
    for table in ("targets", "officers"):
        dropped = rec["inputs"][table]["dropped"]
        edit(f"a kept {table} column claimed as dropped", lambda r, t=table, d=dropped: r["inputs"][t].update(
            dropped=sorted(d + ["name"])), "dropped")
        if dropped:
            edit(f"{table} dropped headers repeated", lambda r, t=table, d=dropped: r["inputs"][t].update(
                dropped=d + d), "sorted and distinct")
            edit(f"{table} dropped: another personal-data header", lambda r, t=table, d=dropped: r["inputs"][t].update(
                dropped=sorted(set(d + ["身份证号码"]))), None)
    if rec["ledger"]:
        first = next((i for i, e in enumerate(rec["ledger"]) if e["kind"] == "replace_officer"), None)
        if first is not None:
            edit("其他 without a note", lambda r: r["ledger"][first].update(reason="其他", note=""), "note")
            edit("a chosen replacement (the officer who leaves)", lambda r: r["ledger"][first].update(
                replacement=r["ledger"][first]["officer"]), "replacement")
        edit("an amendment before the draw", lambda r: r["ledger"][0].update(at="2020-01-01T00:00:00Z"), "earlier")
        edit("a note added afterwards", lambda r: r["ledger"][-1].update(note="x"), "digest", reseal=False)
        at = rec["ledger"][0]["at"]
        if at.endswith("+08:00"):
            utc_at = utc(instant(at))
            edit("an `at` with t, a fraction and z", lambda r: r["ledger"][0].update(
                at=utc_at.replace("T", "t").replace("Z", ".999z")), None)
            edit("an `at` with a space", lambda r: r["ledger"][0].update(at=at.replace("T", " ")), None)
            edit("an `at` at second 60", lambda r: r["ledger"][0].update(at=at.replace(":00+", ":60+")), "RFC 3339")
            edit("an `at` without seconds", lambda r: r["ledger"][0].update(at=at.replace(":00+", "+", 1)), "RFC 3339")
            edit("an `at` offset +24:00", lambda r: r["ledger"][0].update(at=at.replace("+08:00", "+24:00")), "RFC 3339")
        last = rec["ledger"][-1]
        if last["kind"] == "unreachable":
            again = lambda task: dict(last, seq=last["seq"] + 1, task=task)
            edit("a target unreachable twice for one task", lambda r: r["ledger"].append(again(last["task"])),
                 "already recorded unreachable")
            other = next((t["id"] for t in rec["tasks"] if t["id"] != last["task"]
                          and any(x["target"] == last["target"] for x in t["selected"])), None)
            if other:
                edit("a target unreachable for a second task", lambda r: r["ledger"].append(again(other)), None)
    return out


def error_vector(v):
    """An errors.json vector (§13): (refused as it must be, why not). The draw is made with the vector's earlier
    batches; in a vector with amendments the draw and every amendment but the last succeed, and the last is refused."""
    refusals = (Invalid, KeyError, ValueError, TypeError, tomllib.TOMLDecodeError)
    f = vector_files(v)
    draw = lambda: run_draw(f["plan"], f["targets"], f["officers"], v["seed"], v.get("id_check"), f.get("history"),
                            f.get("conflicts"), v.get("earlier", ()))
    amendments = v.get("amendments", [])
    try:
        rec, info = draw()
    except refusals as e:
        return not amendments, f"the draw is refused, not its last amendment: {e!r}"
    if not amendments:
        return False, "not rejected"
    try:
        amend(rec, info, amendments[:-1])
    except refusals as e:
        return False, f"refused before its last amendment: {e!r}"
    try:
        amend(*draw(), amendments)
    except refusals:
        return True, ""
    return False, "the last amendment is not refused"


def run_vectors():
    passed = failed = 0
    vectors = Path(__file__).parent / "vectors"
    load = lambda name: strict_json((vectors / name).read_bytes())["vectors"]
    said = False

    def result(ok, label, why=()):
        nonlocal passed, failed
        passed, failed = passed + ok, failed + (not ok)
        if not ok:
            print(f"{label}: FAILED" + "".join(f"\n    {w}" for w in why))
    for v in load("draws.json"):
        try:
            rec = run_vector(v)
            result(serialise(rec) == serialise(v["expected"]["record"]), f"draws.json {v['id']}: reproduce",
                   [f"{p}: expected {show(g)}, got {show(m)}" for p, g, m in differences(rec, v["expected"]["record"], "", [])][:10])
        except (Invalid, KeyError, ValueError, TypeError, tomllib.TOMLDecodeError) as e:
            result(False, f"draws.json {v['id']}: reproduce", [repr(e)])
        earlier = v.get("earlier", ())
        problems, notes = verify(serialise(v["expected"]["record"]).encode(), vector_files(v), earlier)
        result(not problems, f"draws.json {v['id']}: verify", problems[:10])
        if "attested" in v and not said:
            print(f"draws.json {v['id']} (attested seed): " + "; ".join(notes[:-2]))
            print(SIGNATURES)
            said = True
        for what, data, expect, *other in tampered(v):
            problems, notes = verify(data.encode(), vector_files(v), other[0] if other else earlier)
            if isinstance(expect, tuple):                                 # verifies, with a note
                ok = not problems and any(expect[1] in n for n in notes)
                said_ = f"verifies with a note '{expect[1]}'"
            else:
                ok = (not problems) if expect is None else any(expect in p for p in problems)
                said_ = "verifies" if expect is None else f"is refused for '{expect}'"
            result(ok, f"draws.json {v['id']}: tampered ({what}) {said_}",
                   problems[:5] or [f"no problem found; notes: {notes[:3]}"])
    for v in load("errors.json"):
        ok, why = error_vector(v)
        result(ok, f"errors.json {v['id']}: {why} (expected {v['expected']['kind']})")
    for v in load("allocation.json"):
        ppm, _ = ratio(v["ratio"])
        result(count(v["frame"], ppm, v["rounding"], v["min_per_stratum"]) == v["expected"], f"allocation.json {v['id']}")
    for v in load("normalize.json"):
        result(text(v["input"]) == v["text"] and ident(v["input"]) == v["identifier"], f"normalize.json {v['id']}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


BEACON_ROUND = {"round": int, "randomness": HASH, "signature": str}


def read_token(data):
    """§5.3.5: a time-stamp file — the TimeStampResp that `openssl ts -reply` writes (.tsr), or the bare token — to
    the token's DER (the record keeps the token, not the response that wraps it)."""
    try:
        top = der(data)
        if len(top) != 1 or top[0][0] != 0x30:
            raise Invalid("not one DER SEQUENCE")
        inner = der(top[0][1])
    except Invalid:
        stripped = data.strip()
        if re.fullmatch(rb"[A-Za-z0-9+/=\s]+", stripped) or stripped.startswith(b"-----BEGIN"):
            raise Unsupported("a time-stamp token in base64 or PEM text (this script reads the DER .tsr or token)")
        raise
    if inner and inner[0][0] == 0x06:                                     # a ContentInfo: the token itself
        return data
    if len(inner) == 2 and inner[0][0] == 0x30 and inner[1][0] == 0x30:   # TimeStampResp { status, token }
        return der_tlv(*inner[1])
    if len(inner) == 1 and inner[0][0] == 0x30:
        raise Invalid("a TimeStampResp without a token (the authority refused the request)")
    raise Invalid("neither a TimeStampResp nor a time-stamp token")


def draw_seed(args, earlier):
    """The seed of a draw from the command's sources (§5.1, §5.3.6): (seed string, record seed member, the files'
    problems a draw refuses for, notes)."""
    if args.seed is not None:
        if args.seed == "" or any(map(is_control, args.seed)):
            raise Invalid("the seed is empty or has a control character (§5.1)")
        return args.seed, {"source": "unattested", "value": args.seed}
    ann_file = args.announcement.read_bytes()
    ann = strict_json(ann_file)
    check_shape(ann, ANNOUNCEMENT, "announcement")
    replaced = []
    for p in args.replaced:
        r = strict_json(p.read_bytes())
        check_shape(r, ANNOUNCEMENT, f"replaced announcement {p}")
        replaced.append(r)
    b = strict_json(args.beacon.read_bytes())
    check_shape(b, BEACON_ROUND, "beacon round")
    reveals = []
    for r in args.reveal:
        name, eq, secret = r.partition("=")
        if not eq:
            raise Invalid(f"--reveal {r!r}: not NAME=SECRET")
        reveals.append({"name": text(name), "secret": secret})
    reveals.sort(key=lambda r: r["name"].encode())
    token = base64.b64encode(read_token(args.timestamp.read_bytes())).decode() if args.timestamp else ""
    seed = beacon_seed(announcement_digest(ann), b["round"], bytes.fromhex(b["randomness"])).hex()
    return seed, {"source": "beacon", "value": seed, "attestation": {
        "announcement": ann, "replaced": replaced,
        "beacon": {"round": b["round"], "randomness": b["randomness"], "signature": b["signature"]},
        "reveals": reveals, "timestamp": token}}


def id_allowlist(path):
    """--id-allowlist FILE: one id a line (each read with `ident`, §3.3); blank lines are skipped."""
    if path is None:
        return []
    return [x for x in (ident(line) for line in decode_text(path.read_bytes()).splitlines()) if x]


def draw_record(args, files, earlier):
    """What `shuangsui draw` writes from these files and options (SPEC §3–§9): (record, problems, notes)."""
    seed, member = draw_seed(args, earlier)
    id_check = {"mode": args.id_check or "strict", "allowlist": id_allowlist(args.id_allowlist)}
    # §3.4, §5.3.6: the files are hashed when asked, or when the announcement states raw digests (it binds the draw
    # to them; one that states none gets none, and --raw-digest then records digests it does not announce: refused).
    announced = member["source"] == "beacon" and raw_any(member["attestation"]["announcement"]["inputs"])
    mine, _ = run_draw(files["plan"], files["targets"], files["officers"], seed, id_check, files.get("history"),
                       files.get("conflicts"), earlier, raw_digest=args.raw_digest or announced)
    mine["seed"] = member
    problems, notes = [], []
    if member["source"] == "beacon":                                     # §5.3.6: what a draw refuses
        _, problems, notes = check_attestation(mine, mine, earlier)
        problems = [f"the draw must refuse these files: {p}" for p in problems]
        notes.append(SIGNATURES)
    else:
        notes.append("the seed is UNATTESTED: nothing proves when it was chosen")
    seal(mine)
    return mine, problems, notes


def table_file(path, fmt, encoding, sheet):
    return TableFile(path.read_bytes(), path.name, fmt, encoding, sheet)


def run_record(args):
    formats = {"targets": args.targets_format, "officers": args.officers_format}
    sheets = {"targets": args.targets_sheet or args.sheet, "officers": args.officers_sheet or args.sheet}
    files = {"plan": args.plan.read_bytes()}
    for name in ("targets", "officers", "history", "conflicts"):
        if getattr(args, name):
            files[name] = table_file(getattr(args, name), formats.get(name), args.encoding, sheets.get(name))
    given = args.record.read_bytes()
    try:
        earlier = [read_record(p.read_bytes(), f"earlier record {p}") for p in args.earlier]
    except Invalid as e:
        print(f"{e}\n0 passed, 1 failed")
        return 1
    drawing = args.seed is not None or args.announcement is not None
    if drawing:
        try:
            mine, problems, notes = draw_record(args, files, earlier)
        except (Invalid, KeyError, ValueError, TypeError, tomllib.TOMLDecodeError) as e:
            mine, problems, notes = None, [f"the draw cannot be made from these files: {e}"], []
        if mine is not None:
            try:
                rec = read_record(given)
            except Invalid as e:
                rec, problems = None, problems + [f"the record is refused (§9.2, §10 step 1): {e}"]
            if rec is not None:
                problems += [f"{p}: the record has {show(g)}, recomputed {show(m)}"
                             for p, g, m in differences(mine, rec, "", [])]
            if not problems and serialise(mine).encode() != given:
                problems.append("the record's bytes are not its serialisation (§9.2)")
    else:
        problems, notes = verify(given, files, earlier)
    for n in notes:
        print(f"{args.record}: {n}")
    for p in problems:
        print(f"{args.record}: DIFFERENCE {p}")
    what = "the draw from these files and options" if drawing else "the Python re-implementation"
    print(f"{args.record}: " + (f"verified: {what} gives the same record, byte for byte"
                                if not problems else f"{len(problems)} difference(s)"))
    print(f"{int(not problems)} passed, {int(bool(problems))} failed")
    return 0 if not problems else 1


EXIT_STATUSES = """exit status:
  0  everything matches (the record is reproduced byte for byte; with no arguments, every vector passes)
  1  the record differs: each difference is listed (DIFFERENCE ...), the last line is "N passed, M failed"
  2  usage or input error: bad arguments, or a file that cannot be read
  3  unsupported: the record or its files need something this script does not implement (a format feature,
     an encoding); the last line is "UNSUPPORTED: <what>", never a verdict on the record"""


def main(argv):
    parser = argparse.ArgumentParser(
        prog="reproduce.py", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="An independent re-implementation of the shuangsui draw (SPEC.md, spec version 2), standard "
                    "library only.\n\nWith no arguments: recomputes and verifies every vector in tests/vectors/.\n"
                    "With RECORD PLAN TARGETS OFFICERS: verifies a published record (SPEC.md §10) against its input "
                    "files, byte for byte:\nthe seed is the record's, and an attested seed is re-derived from the "
                    "record's attestation.\nWith --seed, or --announcement and --beacon, as well: repeats the draw as "
                    "`shuangsui draw` makes it from\nthese files and options (the same option names) and compares its "
                    "record with RECORD, byte for byte.\nTables are CSV, TSV, XLSX, JSON or JSON Lines (SPEC.md §3.1), "
                    "UTF-8 or GB18030.\n\n" + textwrap.fill(SIGNATURES, 100),
        epilog=EXIT_STATUSES)
    parser.add_argument("files", nargs="*", type=Path, metavar="RECORD PLAN TARGETS OFFICERS",
                        help="the record and the plan, target directory and officer roster it was drawn from")
    parser.add_argument("--history", type=Path, metavar="FILE", help="the history file, when the record lists one")
    parser.add_argument("--conflicts", type=Path, metavar="FILE", help="the conflicts file, when the record lists one")
    parser.add_argument("--earlier", "--after", type=Path, action="append", default=[], metavar="RECORD",
                        help="an earlier batch's record (repeat for each), when the record lists them")
    tables = parser.add_argument_group("reading the tables (SPEC.md §3.1)")
    tables.add_argument("--targets-format", metavar="FORMAT", help="csv, tsv, txt, xlsx, json, jsonl or ndjson, when "
                        "the file name's extension does not say")
    tables.add_argument("--officers-format", metavar="FORMAT", help="the same, for the roster")
    tables.add_argument("--encoding", metavar="ENCODING", help="utf-8 or gbk (GB18030), forced for every table "
                        "read (as `shuangsui draw --encoding`); detected when absent")
    tables.add_argument("--sheet", metavar="NAME", help="the worksheet of .xlsx tables (default: the first that has a header "
                        "row, SPEC.md §3.1)")
    tables.add_argument("--targets-sheet", metavar="NAME", help="the worksheet of an .xlsx target directory")
    tables.add_argument("--officers-sheet", metavar="NAME", help="the worksheet of an .xlsx officer roster")
    draw = parser.add_argument_group("repeating the draw (as `shuangsui draw`; RECORD PLAN TARGETS OFFICERS needed)")
    draw.add_argument("--id-check", choices=("strict", "warn"), help="strict (default) or warn (SPEC.md §3.3)")
    draw.add_argument("--id-allowlist", type=Path, metavar="FILE", help="ids allowed although they fail the check, "
                      "one a line")
    draw.add_argument("--raw-digest", action="store_true", help="record the files' raw SHA-256 (SPEC.md §3.4; "
                      "without it they are \"\"; an announcement that states them hashes the files anyway)")
    draw.add_argument("--seed", help="the typed (unattested) seed")
    draw.add_argument("--announcement", type=Path, metavar="FILE", help="the announcement (SPEC.md §5.3.2)")
    draw.add_argument("--beacon", type=Path, metavar="FILE", help="the drand round (round, randomness, signature)")
    draw.add_argument("--replaced", type=Path, action="append", default=[], metavar="FILE",
                      help="an earlier attempt, oldest first (repeat for each)")
    draw.add_argument("--reveal", action="append", default=[], metavar="NAME=SECRET", help="a party's revealed secret")
    draw.add_argument("--timestamp", type=Path, metavar="TOKEN", help="the RFC 3161 time-stamp (.tsr or token, DER)")
    draw.add_argument("--tsa-cert", type=Path, metavar="PEM", help="accepted for the CLI's sake: its signature is "
                      "NOT checked here")
    args = parser.parse_args(argv[1:])
    attested = [args.beacon, args.timestamp, args.tsa_cert] + args.replaced + args.reveal
    draw_only = [args.id_check, args.id_allowlist, args.raw_digest] + attested
    if not args.files:
        if any(getattr(args, a) for a in ("history", "conflicts", "earlier", "targets_format", "officers_format",
                                          "encoding", "sheet", "targets_sheet", "officers_sheet", "seed",
                                          "announcement")) or any(draw_only):
            parser.error("options go with RECORD PLAN TARGETS OFFICERS")
        return run_vectors()
    if len(args.files) != 4:
        parser.error("give RECORD PLAN TARGETS OFFICERS, or nothing")
    if args.seed is not None and args.announcement is not None:
        parser.error("--seed or --announcement, not both")
    if args.announcement is not None and args.beacon is None:
        parser.error("--announcement needs --beacon")
    if args.announcement is None and any(attested):
        parser.error("--beacon, --replaced, --reveal, --timestamp and --tsa-cert go with --announcement")
    if args.seed is None and args.announcement is None and (args.id_check or args.id_allowlist or args.raw_digest):
        parser.error("--id-check, --id-allowlist and --raw-digest go with --seed or --announcement (a verification "
                     "takes the record's id check and raw digests, SPEC.md §10 steps 2 and 4)")
    args.record, args.plan, args.targets, args.officers = args.files
    try:
        return run_record(args)
    except Unsupported as e:
        print(f"UNSUPPORTED: {e}")
        return 3
    except OSError as e:
        print(f"reproduce.py: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
