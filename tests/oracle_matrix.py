#!/usr/bin/env python3
"""A generated matrix of draws for the standing oracle (tests/oracle.py).

    cargo build --release
    python3 tests/oracle_matrix.py OUT [--bin target/release/shuangsui] [--jobs N]

Writes synthetic target directories, officer rosters, history and conflicts files (OUT/inputs), then
draws, with the CLI and SHUANGSUI_KEEP_DRAWS=OUT/kept, every combination of

    plan rule (every key of SPEC.md §4.1) × one_visit (merge, exclusive, separate)
    × history file (with, without) × conflicts file (with, without) × joint departments (with, without)
    × seed (typed; attested: an announcement and the drand fixture round, with parties and reveals, or
      replacing an earlier attempt) × batches (one draw, or a chain of 2–3 drawn --after the earlier ones)

with the tables in every input format of §3.1 (CSV in UTF-8 with and without a BOM and CRLF, GBK,
TSV, XLSX, JSON, JSON Lines), cycled over the combinations, and the id check strict, allowlisted
or warn. Attested draws are announced at the 2023 clock of the fixture round with libfaketime
(as tests/it/fixtures.rs does); without libfaketime they are left out, and said so.

Some combinations are refused by the CLI (a rule needing the history file drawn without one,
a pool exhausted by conflicts and jurisdiction): they are counted as refused. Every successful
draw is then checked by tests/oracle.py, byte for byte. Prints the successful and refused draws per
dimension; exits 1 when any kept record differs, when any value of a dimension has no successful
draw, or when a draw fails in a way that is not a refusal (a crash). Standard library only.
"""

import argparse
import concurrent.futures
import csv
import io
import itertools
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
import tomllib
import zipfile
from collections import Counter, defaultdict
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import oracle  # noqa: E402
import reproduce  # noqa: E402

PLAN_DATE = "2027-03-15"
FAKE_CLOCK = "2023-09-15 10:50:02"          # the fixture round 657413 is emitted at 2023-09-15T11:00:03Z
NOT_BEFORE = "2023-09-15T11:00:03Z"

# --- identifiers (SPEC.md §3.3) ------------------------------------------------------------------------------------

USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
ORG = "0123456789ABCDEFGHJKLMNPQRTUWXY"      # organisation-code characters that are also USCC characters


def uscc(rng, prefix="91", region="420102"):
    """A valid unified social credit code (GB 32100-2015, GB 11714)."""
    body = "".join(rng.choice(ORG) for _ in range(8))
    val = lambda c: int(c) if c.isdigit() else ord(c) - 55
    r = 11 - sum(val(c) * w for c, w in zip(body, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
    code = prefix + region + body + {10: "X", 11: "0"}.get(r, str(r))
    c18 = (31 - sum(USCC.index(c) * pow(3, i, 31) for i, c in enumerate(code)) % 31) % 31
    code += USCC[c18]
    assert reproduce.id_passes(code), code
    return code


def registration_number(rng):
    """A valid 15-digit registration number (ISO 7064 MOD 11,10)."""
    digits = [rng.randrange(10) for _ in range(14)]
    p = 10
    for d in digits:
        s = (p + d) % 10 or 10
        p = 2 * s % 11
    last = next(d for d in range(10) if ((p + d) % 10 or 10) == 1)
    code = "".join(map(str, digits + [last]))
    assert reproduce.id_passes(code), code
    return code


# --- tables ------------------------------------------------------------------------------------------------------

REGIONS = ["420102", "420103", "420104", "420105", "420106"]
INDUSTRIES = ["F 批发和零售业", "H 住宿和餐饮业", "C 制造业", "M 科学研究和技术服务业"]
TYPES = ["有限责任公司", "股份有限公司", "个体工商户", "农民专业合作社"]
STATUSES = (["存续"] * 8 + ["在业"] * 3 + ["注销", "吊销，未注销", "迁出", "撤销", "存续（在营、开业、在册）", "存续（非注销）",
                                         "已注销", "注销 ", "吊销 ,已注销", "迁出（迁往外省）", "注销中", "（注销）"])
RISKS = ["A", "B", "B类", "C", "C级", "D", "低风险", "一般风险", "较高风险", "高风险", ""]
DEPARTMENTS = ["市场监管", "食品安全", "知识产权", "药品监管"]
ITEMS = ["企业年度报告公示信息", "食品经营许可情况", "住所（经营场所）登记情况", "产品质量"]
PILOT = "91350100M0001TGQXM"                 # a genuine early pilot code that fails the check (uscc.tsv)


def targets_table(rng, n, pilot=False, mapped=False):
    """The target directory: (header, rows). `mapped`: headers only the plan's [columns.targets] names."""
    header = (["企业代码", "企业名称", "类型", "区划", "行业", "状态", "风险", "成立日期", "注册资本", "联系电话"]
              if mapped else
              ["统一社会信用代码", "企业名称", "市场主体类型", "行政区划", "所属行业", "登记状态", "信用风险分类",
               "established", "capital", "登记机关", "法定代表人手机", "上次检查日期"])
    rows, seen = [], set()
    for i in range(n):
        region = REGIONS[i % len(REGIONS)] if i % 7 else rng.choice(REGIONS)
        code = registration_number(rng) if i % 23 == 5 else uscc(rng, rng.choice(["91", "92", "93", "12"]), region)
        if code in seen:
            continue
        seen.add(code)
        if i % 9 == 2:
            code = code.lower() if code.isalnum() else code        # ident() upper-cases it (§3.2)
        y, m, d = rng.randrange(1998, 2027), rng.randrange(1, 13), rng.randrange(1, 28)
        established = rng.choice(["%d-%d-%d", "%d/%02d/%d", "%d.%d.%02d", "%d%02d%02d"]) % (y, m, d)
        if i % 5 == 0:
            established = "%d年%d月%d日" % (rng.randrange(1998, 2027), rng.randrange(1, 13), rng.randrange(1, 28))
        capital = rng.choice(["%d" % rng.randrange(1, 9000), "%d.%02d" % (rng.randrange(0, 9000), rng.randrange(100)),
                              "", "未知", "0050"])
        row = [code, f"武汉{rng.choice('金银楚天江城鑫盛晴川')}{i:03d}{rng.choice(['科技', '食品', '物流', '酒店'])}有限公司",
               TYPES[i % 4] if i % 3 else rng.choice(TYPES), region, rng.choice(INDUSTRIES), rng.choice(STATUSES),
               rng.choice(RISKS), established, capital]
        if mapped:
            row.append("1380000%04d" % i)
        else:
            row += [f"武汉市{region}市场监督管理局", "1390000%04d" % i,
                    rng.choice(["", "", "2026-05-01", "2025/11/3", "20240101"])]
        rows.append(row)
    if pilot:
        rows.append([PILOT, "福建试点赋码有限公司", "有限责任公司", "420102", INDUSTRIES[0], "存续", "B", "2015-01-01",
                     "100"] + (["13800009999"] if mapped else ["福建省市场监督管理局", "13900009999", ""]))
    # Whitespace and full-width forms that normalisation removes or keeps (§3.2).
    rows[3][1] = "\u3000" + rows[3][1] + " "
    return header, rows


def officers_table(rng, n):
    """The officer roster: (header, rows), with certificates in both period forms, a second certificate, statuses."""
    header = ["人员编号", "姓名", "所属部门", "管辖片区", "执法类别", "在岗状态", "执法证号", "证件有效期",
              "执法证号2", "有效期起2", "有效期止2", "手机号码", "是否专家", "政治面貌"]
    rows = []
    for i in range(n):
        dept = DEPARTMENTS[i % len(DEPARTMENTS)]
        # 在职 and 正常 are on duty too (SPEC §3.3 duty), kept as 在岗 (tests/oracle/cases/officer-status-zaizhi).
        status = ("在岗" if i % 3 else rng.choice(["在职", "正常"])) if i % 11 else rng.choice(
            ["休假", "", " 在岗 ", "病假（住院）", "调离", "在职", "正常 "])
        validity = rng.choice(["2023-01-01至2028-12-31", "2024年1月1日至长期", "2022-03-01--2030-02-28",
                               "2023/01/01/2028/12/31", "2020/1/1~2026/12/31", ""])
        if i % 5 == 0:
            validity = "2023-01-01至2029-12-31"
        # Every reason of SPEC.md §8.1, whatever the generator drew: not yet valid, no dates, expired, statuses.
        validity = {13: "2027-06-01至2032-05-31", 17: "", 19: "2020/1/1~2026/12/31"}.get(i, validity)
        status = {0: "在岗\u3000", 11: "", 22: "休假", 33: "停职审查"}.get(i, status)
        second = i % 6 == 3
        cats = "、".join(rng.sample(ITEMS, rng.randrange(1, 4))) if i % 4 else "\u3000".join(ITEMS)
        rows.append([f"E{i + 1:03d}" if i % 10 != 7 else f"e{i + 1:03d}", f"执法员{i + 1:02d}", dept,
                     REGIONS[i % len(REGIONS)], cats, status, f"4201{i:06d}", validity,
                     f"4202{i:06d}" if second else "", "2025-01-01" if second else "",
                     "长期" if second else "", "1370000%04d" % i, rng.choice(["是", "否", ""]),
                     rng.choice(["群众", "中共党员", ""])])
    return header, rows


def history_table(rng, target_ids, officer_ids):
    header = ["统一社会信用代码", "检查日期", "任务编号", "检查事项", "检查机关", "检查人员"]
    rows = []
    for _ in range(len(target_ids) // 2):
        day = rng.choice(["2027-01-10", "2026-12-20", "2026/6/1", "2027年2月1日", "20250301", "2027-03-15",
                          "2026-03-16", "2024-07-01"])
        officers = rng.sample(officer_ids, 2)
        sep = rng.choice(["、", "；", ",", " ", "\u3000"])
        rows.append([rng.choice(target_ids), day, rng.choice(["T1", "T2", "X9", ""]), rng.choice(ITEMS + [""]),
                     "武汉市市场监督管理局", sep.join(o.lower() if rng.random() < .2 else o for o in officers)])
    return header, rows


def conflicts_table(rng, target_ids, officers):
    """Conflicts naming officers by id and by certificate number (SPEC.md §8.2 rule 2)."""
    header = ["执法人员编号", "统一社会信用代码", "回避事由"]
    rows = []
    for o in officers:
        for t in rng.sample(target_ids, 4):
            who = o[0] if rng.random() < .7 else o[6]
            rows.append([who, t, rng.choice(["亲属关系", "曾任职", ""])])
    return header, rows


def write_csv(path, header, rows, delimiter=",", encoding="utf-8", bom=False, crlf=False):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n")
    w.writerow(header)
    w.writerows(rows)
    data = buf.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


def write_json(path, header, rows, lines):
    def cell(h, v):
        if h in ("capital", "注册资本") and re.fullmatch(r"[1-9][0-9]*(\.[0-9]*[1-9])?", v):
            return float(v) if "." in v else int(v)           # a number: its decimal text (§3.1)
        if h in ("行政区划", "区划", "管辖片区") and v.isdigit():
            return int(v)
        if h == "是否专家" and v in ("是", "否"):
            return v == "是"                                   # TRUE / FALSE
        return None if v == "" and h in ("上次检查日期", "有效期起2", "有效期止2") else v
    objects = [{h: cell(h, v) for h, v in zip(header, r)} for r in rows]
    if lines:
        path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" + ("\n" if i % 17 == 3 else "")
                                for i, o in enumerate(objects)), encoding="utf-8")
    else:
        path.write_text(json.dumps(objects, ensure_ascii=False, indent=1), encoding="utf-8")


def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def write_xlsx(path, header, rows, sheet="名录", dates=(), numbers=()):
    """A minimal .xlsx: shared strings, numbers, date cells (a date style and a custom yyyy/m/d style)."""
    strings, index = [], {}

    def sst(v):
        if v not in index:
            index[v] = len(strings)
            strings.append(v)
        return index[v]

    def serial(v):
        d = reproduce.parse_date(reproduce.text(v))
        if not d:
            return None
        import datetime
        return (datetime.date(*d) - datetime.date(1899, 12, 30)).days

    out = []
    for r, row in enumerate([header] + rows):
        cells = []
        for c, v in enumerate(row):
            ref = f"{col_name(c)}{r + 2}"                     # the used range starts at row 2, column A
            h = header[c]
            if v == "":
                continue
            if r and h in dates and serial(v) is not None:
                cells.append(f'<c r="{ref}" s="{1 + (r % 2)}"><v>{serial(v)}</v></c>')
            elif r and h in numbers and re.fullmatch(r"[1-9][0-9]*(\.[0-9]*[1-9])?", v):
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="s"><v>{sst(v)}</v></c>')
        out.append(f'<row r="{r + 2}">{"".join(cells)}</row>')
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    sheet_xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {ns}><sheetData>{"".join(out)}</sheetData></worksheet>'
    other = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {ns}><sheetData><row r="1"><c r="A1" t="s"><v>{sst("说明")}</v></c></row></sheetData></worksheet>'
    sst_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst {ns} count="{len(strings)}" '
               f'uniqueCount="{len(strings)}">' + "".join(
                   f'<si><t xml:space="preserve">{escape(v)}</t></si>' for v in strings) + "</sst>")
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet {ns}>'
              '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d;@"/></numFmts>'
              '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
              '<cellStyleXfs count="1"><xf/></cellStyleXfs>'
              '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
              '<xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>')
    # The directory is the second sheet in the package but the first in workbook order (§3.1).
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {ns} {rel}><sheets>'
                f'<sheet name="{escape(sheet)}" sheetId="2" r:id="rId2"/><sheet name="说明" sheetId="1" r:id="rId1"/>'
                '</sheets></workbook>')
    wrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
             'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
             '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
             '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
             '</Relationships>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types '
          'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
          '</Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", workbook),
                           ("xl/_rels/workbook.xml.rels", wrels), ("xl/worksheets/sheet1.xml", other),
                           ("xl/worksheets/sheet2.xml", sheet_xml), ("xl/sharedStrings.xml", sst_xml),
                           ("xl/styles.xml", styles)):
            z.writestr(name, data)


# The table formats, cycled over the combinations: (name, file name, extra draw options).
FORMATS = ["csv", "csv-bom-crlf", "gbk", "tsv", "xlsx", "json", "jsonl", "gbk-forced", "txt-named-format"]


def write_table(directory, stem, fmt, header, rows, role):
    """Writes a table in one format; returns (path, draw options)."""
    dates = {"established", "上次检查日期", "成立日期", "有效期起2"}
    numbers = {"capital", "注册资本", "行政区划", "区划", "管辖片区"}
    if fmt == "csv":
        p = directory / f"{stem}.csv"
        write_csv(p, header, rows)
        return p, []
    if fmt == "csv-bom-crlf":
        p = directory / f"{stem}-bom.csv"
        write_csv(p, header, rows, bom=True, crlf=True)
        return p, []
    if fmt in ("gbk", "gbk-forced"):
        p = directory / f"{stem}-gbk.csv"
        write_csv(p, header, rows, encoding="gbk", crlf=True)
        return p, (["--encoding", "gbk"] if fmt == "gbk-forced" else [])
    if fmt == "tsv":
        p = directory / f"{stem}.tsv"
        write_csv(p, header, rows, delimiter="\t")
        return p, []
    if fmt == "txt-named-format":
        p = directory / f"{stem}.data"
        write_csv(p, header, rows, delimiter="\t")
        return p, [f"--{role}-format", "tsv"]
    if fmt == "xlsx":
        p = directory / f"{stem}.xlsx"
        write_xlsx(p, header, rows, sheet="名录", dates=dates, numbers=numbers)
        return p, [f"--{role}-sheet", "名录"] if role == "officers" else []
    if fmt in ("json", "jsonl"):
        p = directory / f"{stem}.{fmt}"
        write_json(p, header, rows, fmt == "jsonl")
        return p, []
    raise ValueError(fmt)


# --- plans: every key of SPEC.md §4.1 -----------------------------------------------------------------------------

def plan_text(rule, one_visit, joint, variant):
    """The plan of a rule: TOML text. `variant` distinguishes the plans of one matrix (its id)."""
    plan = [f'id = "M-{rule}-{variant}"', f'name = "矩阵 {rule}"', 'authority = "武汉市市场监督管理局"',
            f'date = "{PLAN_DATE}"', f'one_visit = "{one_visit}"']
    tasks, columns = [], ""
    overlap = 'filter = { region = ["420102", "420103"] }'
    if rule == "ratio-strata":
        tasks = ['id = "T1"\nname = "风险分类抽查"\nitems = ["企业年度报告公示信息"]\nstrata = ["risk"]\n'
                 'ratio = { A = "5%", B = "20%", C = "30%", D = "50%", "*" = "10%" }',
                 f'id = "T2"\nname = "区域抽查"\n{overlap}\nratio = "25%"']
    elif rule == "ratio-tree":
        tasks = ['id = "T1"\nname = "二级分层"\nstrata = ["region", "risk"]\nrounding = "nearest"\nmin_per_stratum = 2\n'
                 'ratio = { "420102" = { A = "5%", "*" = "40%" }, "420103" = "12.5%", "*" = { D = "100%", "*" = "20%" } }',
                 'id = "T2"\nname = "地板取整"\nstrata = ["entity_type"]\nrounding = "floor"\nmin_per_stratum = 0\n'
                 'ratio = { "个体工商户" = "0%", "*" = "33.3333%" }']
    elif rule == "count":
        tasks = ['id = "T1"\nname = "定量抽查"\nitems = ["产品质量"]\nbasis = "《产品质量法》第十五条"\n'
                 'filter = { status = "存续" }\ncount = 9',
                 f'id = "T2"\nname = "区域定量"\n{overlap}\ncount = 12\nteam_size = 3']
    elif rule == "proportional":
        tasks = ['id = "T1"\nname = "按比例分配"\nstrata = ["region"]\ncount = 17\nallocation = "proportional"',
                 'id = "T2"\nname = "按行业"\nstrata = ["industry", "risk"]\ncount = 11\nallocation = "proportional"']
    elif rule == "equal":
        tasks = ['id = "T1"\nname = "平均分配"\nstrata = ["industry"]\ncount = 13\nallocation = "equal"',
                 'id = "T2"\nname = "平均分配（超额）"\nstrata = ["risk"]\ncount = 400\nallocation = "equal"\n'
                 'filter = { region = "420104" }']
    elif rule == "per-stratum":
        tasks = ['id = "T1"\nname = "每层定量"\nstrata = ["risk"]\ncount = 3\nallocation = "per_stratum"',
                 'id = "T2"\nname = "每层定量树"\nstrata = ["region", "risk"]\n'
                 'count = { "420102" = { A = 1, "*" = 2 }, "*" = 1 }']
    elif rule == "filters":
        tasks = ['id = "T1"\nname = "条件筛选"\n'
                 'filter = { entity_type = { not = ["个体工商户", "农民专业合作社"] }, region = ["420102", "420103", '
                 '"420104"], established = { after = "2005-01-01", before = "2024/12/31" }, capital = { min = 100, '
                 'max = "5000.50" } }\nratio = "40%"\nofficer_filter = { department = { in = ["市场监管", "食品安全"] } }',
                 'id = "T2"\nname = "否定与数值"\nfilter = { capital = { min = "-0.0", max = 999 }, risk = { in = "B", '
                 'not = "" } }\ncount = 8\nofficer_filter = { region = { not = "420106" } }']
    elif rule == "teams":
        plan.append("max_teams_per_officer = 8")
        plan.append("max_replacements = 5")
        tasks = ['id = "T1"\nname = "三人组"\nratio = "10%"\nteam_size = 3\nmax_teams_per_officer = 4\n'
                 'officer_filter = { department = ["市场监管", "食品安全", "知识产权"] }',
                 f'id = "T2"\nname = "每人上限"\n{overlap}\ncount = 10\nmax_teams_per_officer = 2\n'
                 'inspection_date = "2027-07-01"']
    elif rule == "categories":
        tasks = ['id = "T1"\nname = "执法类别匹配"\nitems = ["食品经营许可情况"]\nrequire_categories = true\n'
                 'ratio = "10%"',
                 'id = "T2"\nname = "两项类别"\nitems = ["企业年度报告公示信息", "住所（经营场所）登记情况"]\n'
                 f'require_categories = true\n{overlap}\ncount = 6\ninspection_date = "2028-01-02"']
    elif rule == "region":
        tasks = ['id = "T1"\nname = "属地检查"\nofficer_region = "same"\nratio = "12%"',
                 f'id = "T2"\nname = "异地检查"\nofficer_region = "different"\n{overlap}\ncount = 10']
    elif rule == "history":
        plan.append("max_inspections_per_year = 2")
        tasks = ['id = "T1"\nname = "年度内不重复"\nitems = ["企业年度报告公示信息"]\n'
                 'exclude_inspected = { within = "calendar_year" }\nrotation = 730\nratio = "20%"',
                 'id = "T2"\nname = "同一事项一年内"\nitems = ["食品经营许可情况"]\n'
                 f'exclude_inspected = {{ within = 365, scope = "same_item" }}\nrotation = "calendar_year"\n{overlap}\n'
                 'count = 10']
    elif rule == "annual-cap":
        plan.append("max_inspections_per_year = 1")
        tasks = ['id = "T1"\nname = "年度上限一"\nratio = "30%"',
                 f'id = "T2"\nname = "年度上限二"\n{overlap}\nratio = "50%"',
                 'id = "T3"\nname = "年度上限三"\ncount = 10']
    elif rule == "status":
        plan.append('exclude_status = ["注销", "吊销", "吊销，未注销", "迁出（迁往外省）"]')
        # Columns kept although no task reads them (SPEC §3.2 rule 5, §4.1), region among them
        # (tests/oracle/cases/public-region-column); a personal-data header declared public is dropped all the
        # same (rule 3 comes first).
        columns = ('[columns.public]\ntargets = ["Industry", " Authority ", "region", "法定代表人手机"]\n'
                   'officers = ["expert", "categories", "政治面貌"]\n')

        tasks = ['id = "T1"\nname = "自定排除"\nstrata = ["status"]\nratio = "30%"',
                 'id = "T2"\nname = "不排除"\ncount = 10\nfilter = { status = { not = ["存续"] } }']
    elif rule == "columns":
        columns = ('[columns.targets]\n"企业代码" = "id"\n"类型" = "entity_type"\n"区划" = "region"\n'
                   '"行业" = "industry"\n"状态" = "status"\n"风险" = "风险等级"\n"注册资本" = "Capital"\n'
                   '"成立日期" = "established"\n"联系电话" = "contact"\n\n'
                   '[columns.officers]\n"是否专家" = ""\n"执法类别" = "Skills"\n"政治面貌" = "party"\n\n'
                   # Personal-data headers (SPEC §3.2 rule 3) mapped and declared public: dropped all the same.
                   '[columns.public]\ntargets = ["contact"]\nofficers = ["party"]\n')
        tasks = ['id = "T1"\nname = "列映射"\nstrata = ["Risk"]\nratio = { "*" = "20%" }\n'
                 'filter = { capital = { min = 1 } }',
                 f'id = "T2"\nname = "列映射二"\n{overlap}\ncount = 7\nofficer_filter = {{ skills = {{ not = "" }} }}']
    elif rule == "multi":
        plan.append("exclude_status = []")
        tasks = ['id = "T1"\nname = "大比例"\nratio = "45%"',
                 f'id = "T2"\nname = "重叠一"\n{overlap}\nratio = "60%"\nteam_size = 3',
                 'id = "T3"\nname = "重叠二"\nfilter = { region = "420102" }\ncount = 12']
    else:
        raise ValueError(rule)
    if joint:
        tasks.append('id = "J1"\nname = "跨部门联合抽查"\nitems = ["食品经营许可情况", "产品质量"]\n'
                     f'{overlap}\ncount = 8\n'
                     'departments = [{ department = "市场监管", members = 1 }, { department = "食品安全", members = 2 }]'
                     + ('\nteam_size = 3' if variant % 2 else ''))
    return ("# a generated plan (tests/oracle_matrix.py)\n[plan]\n" + "\n".join(plan) + "\n\n" + columns
            + "".join(f"\n[[tasks]]\n{t}\n" for t in tasks))


RULES = ["ratio-strata", "ratio-tree", "count", "proportional", "equal", "per-stratum", "filters", "teams",
         "categories", "region", "history", "annual-cap", "status", "columns", "multi"]
ONE_VISIT = ["merge", "exclusive", "separate"]
SEEDS = ["typed", "attested", "attested-parties", "attested-replaced", "attested-timestamp"]
BATCHES = [1, 3]


# --- running the CLI ----------------------------------------------------------------------------------------------

def faketime_preload():
    for p in sorted(Path("/usr/lib").glob("*/faketime/libfaketimeMT.so.1")) + [Path("/usr/lib/faketime/libfaketimeMT.so.1")]:
        if p.exists():
            return p
    return None


class Runner:
    def __init__(self, binary, kept, preload):
        self.binary, self.kept, self.preload = str(binary), kept, preload

    def run(self, args, clock=None, keep=False):
        env = dict(os.environ, LC_ALL="C.UTF-8")
        env.pop("SHUANGSUI_KEEP_DRAWS", None)
        if keep:
            env["SHUANGSUI_KEEP_DRAWS"] = str(self.kept)
        if clock:
            env.update(TZ="UTC", LD_PRELOAD=str(self.preload), FAKETIME=clock)
        return subprocess.run([self.binary, "--quiet", "--lang", "en", "--threads", "1"] + args, env=env,
                              capture_output=True, text=True)


def first_error(p, masked=True):
    """The CLI's error line; masked (numbers, names and paths as …) to count refusals by kind."""
    lines = [x for x in (p.stderr + p.stdout).splitlines() if x.strip()]
    line = next((x for x in lines if x.startswith("error")), lines[0] if lines else f"exit {p.returncode}")
    return re.sub(r"[0-9a-f]{16,}|'[^']*'|\"[^\"]*\"|[0-9]+", "…", line)[:110] if masked else line[:300]


def scenario(runner, inputs, sc, work):
    """Draws one combination (a chain of batches); returns a list of (batch, outcome, reason)."""
    rule, one_visit, history, conflicts, joint, seed_kind, batches, n = sc
    work.mkdir(parents=True, exist_ok=True)
    plan = work / "plan.toml"
    plan.write_text(plan_text(rule, one_visit, joint, n), encoding="utf-8")
    t_fmt, o_fmt = FORMATS[n % len(FORMATS)], FORMATS[(n // 3 + 4) % len(FORMATS)]
    mapped = rule == "columns"
    targets, t_opts = inputs["targets-mapped" if mapped else "targets", t_fmt]
    # A roster published with the names hidden (SPEC §3.4: outside the digest) now and then.
    officers, o_opts = inputs["officers-nonames" if n % 7 == 3 else "officers", o_fmt]
    base = ["--plan", str(plan), "--targets", str(targets), "--officers", str(officers)] + t_opts + o_opts
    if (n // len(FORMATS)) % 3 == 1 and not mapped:
        targets, t_opts = inputs["targets-pilot", t_fmt]
        base = ["--plan", str(plan), "--targets", str(targets), "--officers", str(officers)] + t_opts + o_opts
        base += ["--id-allowlist", str(inputs["allowlist"])] if n % 2 else ["--id-check", "warn"]
    # --encoding is one option for both tables (`draw --help`): forced GBK only when both are GBK files.
    base = [a for i, a in enumerate(base) if a != "--encoding" and (i == 0 or base[i - 1] != "--encoding")]
    if "gbk-forced" in (t_fmt, o_fmt) and {t_fmt, o_fmt} <= {"gbk", "gbk-forced"}:
        base += ["--encoding", "gbk"]
    gbk = "-gbk" if "--encoding" in base else ""          # the forced encoding applies to every table read
    aux = []
    if history:
        aux += ["--history", str(inputs["history" + gbk])]
    if conflicts:
        aux += ["--conflicts", str(inputs["conflicts" + gbk])]
    out, records = [], []
    for b in range(batches):
        rec = work / f"record-{b + 1}.json"
        after = sum((["--after", str(r)] for r in records), [])
        # Only one signed round is at hand, so a chain has one attested batch (SPEC.md §5.3.4): the last, after
        # typed ones, or the first, before typed ones.
        attested = seed_kind != "typed" and b == (batches - 1 if n % 2 else 0)
        if attested:
            previous = ["--previous", str(records[-1])] if records and n % 3 else []
            ok, why, seed_args = announce(runner, base + aux + after + previous, seed_kind, work, b)
            if not ok:
                out.append((b, "refused", "announce: " + why))
                break
        else:
            seed_args = ["--seed", f"矩阵 {n} 第{b + 1}批"]
        p = runner.run(["draw"] + base + aux + after + seed_args + ["--out", str(rec)], keep=True)
        if p.returncode == 0:
            out.append((b, "drawn", ""))
            records.append(rec)
        elif p.returncode == 2 and "panicked" not in p.stderr:
            why = first_error(p)
            if not attested and not python_refuses(base + aux + after + seed_args, work / "refused.json"):
                out.append((b, "disputed", f"the CLI refuses ({why}) what reproduce.py draws: {work}"))
            else:
                out.append((b, "refused", why))
            break
        else:
            out.append((b, "crashed", f"exit {p.returncode}: {p.stderr.strip()[-300:]}"))
            break
    return out


def python_refuses(draw_args, placeholder):
    """Whether reproduce.py, given the files and options of a draw the CLI refused, refuses it too."""
    return python_refusal(draw_args, placeholder) is not None


def python_refusal(draw_args, placeholder):
    """reproduce.py's refusal of the files and options of a draw (its message), or None when it does not refuse."""
    positional, rest, i = {}, [], 0
    while i < len(draw_args):
        a, v = draw_args[i], draw_args[i + 1]
        if a in ("--plan", "--targets", "--officers"):
            positional[a] = v
        else:
            rest += ["--earlier" if a == "--after" else a, v]
        i += 2
    placeholder.write_text("{}\n")
    p = subprocess.run([sys.executable, str(HERE / "reproduce.py"), str(placeholder), positional["--plan"],
                        positional["--targets"], positional["--officers"]] + rest, capture_output=True, text=True)
    return next((line for line in p.stdout.splitlines() if "the draw cannot be made from these files" in line), None)


def announce(runner, args, kind, work, b):
    """An attested seed at the fixture round's clock: (ok, why, the draw's seed arguments)."""
    ann = work / f"announcement-{b + 1}.json"
    seed = ["--announcement", str(ann), "--beacon", str(work.parent.parent / "inputs" / "round.json")]
    if kind == "attested-replaced":
        first = work / f"announcement-{b + 1}-attempt1.json"
        p = runner.run(["announce"] + args + ["--dice", "31", "--not-before", "2023-09-15T10:55:00Z",
                                              "--out", str(first)], clock="2023-09-15 10:40:00")
        if p.returncode:
            return False, first_error(p), []
        p = runner.run(["announce"] + args + ["--dice", "4 8 3 9 2 0", "--not-before", NOT_BEFORE, "--replaces",
                                              str(first), "--reason", "公证员未到场", "--out", str(ann)], clock=FAKE_CLOCK)
        seed += ["--replaced", str(first)]
    elif kind == "attested-parties":
        draft = work / f"draft-{b + 1}.json"
        p = runner.run(["announce"] + args + ["--dice", "123456", "--not-before", NOT_BEFORE, "--party", "公证处",
                                              "--party", " 社会监督员 ", "--out", str(draft)], clock=FAKE_CLOCK)
        if p.returncode:
            return False, first_error(p), []
        contributions = []
        for party in ("公证处", "社会监督员"):
            c = runner.run(["contribute", "--announcement", str(draft), "--party", party], clock="2023-09-15 10:51:00")
            if c.returncode:
                return False, first_error(c), []
            secret = re.search(r"^secret.*: ([0-9a-f]{64})$", c.stdout, re.M).group(1)
            contribution = re.search(r"^contribution.*: ([0-9a-f]{64})$", c.stdout, re.M).group(1)
            contributions += ["--party", f"{party}={contribution}"]
            if party == "公证处":
                seed += ["--reveal", f"{party}={secret}"]
        p = runner.run(["finalize", str(draft)] + contributions + ["--out", str(ann)], clock="2023-09-15 10:52:00")
    else:
        p = runner.run(["announce"] + args + ["--dice", "0", "--not-before", NOT_BEFORE, "--out", str(ann)],
                       clock=FAKE_CLOCK)
    if p.returncode:
        return False, first_error(p), []
    if kind == "attested-timestamp":                                   # an RFC 3161 token before the round
        tsa = work.parent.parent / "inputs" / "tsa"
        signer = "ec" if int(work.name) % 2 else "tsa"                 # RSA and ECDSA P-256, by case
        shutil.copy(tsa / "serial", work / "serial")
        (work / "tsa.cnf").write_text((tsa / "tsa.cnf").read_text().replace("./ca.pem", str(tsa / "ca.pem")))
        for args in (["ts", "-query", "-data", str(ann), "-sha256", "-cert", "-out", "announcement.tsq"],
                     ["ts", "-reply", "-config", "tsa.cnf", "-queryfile", "announcement.tsq", "-signer",
                      str(tsa / f"{signer}.pem"), "-inkey", str(tsa / f"{signer}.key"), "-out", "announcement.tsr"]):
            q = subprocess.run(["openssl"] + args, cwd=work, capture_output=True, text=True,
                               env=dict(os.environ, TZ="UTC", LD_PRELOAD=str(runner.preload),
                                        FAKETIME="2023-09-15 10:55:00"))
            if q.returncode:
                return False, "openssl: " + q.stderr.strip()[:100], []
        seed += ["--timestamp", str(work / "announcement.tsr"), "--tsa-cert", str(tsa / f"{signer}.pem")]
    return True, "", seed


def authority(d, preload):
    """A throw-away RFC 3161 authority at the clock of 2023 (as tests/it/anchor.rs makes one): a CA, an RSA and an
    ECDSA P-256 time-stamping certificate it issued, and the `openssl ts -reply` configuration."""
    d.mkdir(parents=True)
    (d / "ext.cnf").write_text("[tsa]\nbasicConstraints = critical, CA:FALSE\nkeyUsage = critical, digitalSignature, "
                               "nonRepudiation\nextendedKeyUsage = critical, timeStamping\nsubjectKeyIdentifier = "
                               "hash\nauthorityKeyIdentifier = keyid\n")
    (d / "tsa.cnf").write_text("[ tsa ]\ndefault_tsa = tsa_rsa\n[ tsa_rsa ]\nserial = ./serial\ncrypto_device = "
                               "builtin\ncerts = ./ca.pem\nsigner_digest = sha256\ndefault_policy = 1.2.3.4.1\n"
                               "digests = sha256\naccuracy = secs:1\nordering = yes\ntsa_name = no\n"
                               "ess_cert_id_chain = no\ness_cert_id_alg = sha256\n")
    (d / "serial").write_text("01\n")
    steps = [["genrsa", "-out", "ca.key", "2048"],
             ["req", "-x509", "-new", "-key", "ca.key", "-sha256", "-days", "36500", "-subj",
              "/C=CN/O=shuangsui matrix/CN=Matrix Root CA", "-addext", "basicConstraints=critical,CA:TRUE",
              "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-out", "ca.pem"],
             ["genrsa", "-out", "tsa.key", "2048"],
             ["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec.key"]]
    for name, subject in (("tsa", "Matrix TSA"), ("ec", "Matrix EC TSA")):
        steps += [["req", "-new", "-key", f"{name}.key", "-subj", f"/C=CN/O=shuangsui matrix/CN={subject}", "-out",
                   f"{name}.csr"],
                  ["x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-days", "36500",
                   "-set_serial", "4097", "-extfile", "ext.cnf", "-extensions", "tsa", "-sha256", "-out", f"{name}.pem"]]
    for args in steps:
        subprocess.run(["openssl"] + args, cwd=d, check=True, capture_output=True,
                       env=dict(os.environ, TZ="UTC", LD_PRELOAD=str(preload), FAKETIME="2023-01-01 00:00:00"))


CASES = HERE / "oracle" / "cases"


def exit_statuses(case, tmp):
    """reproduce.py's documented exit statuses, on a kept case: 0 the same record, 1 a changed record, 2 a usage
    error or a missing file, 3 UNSUPPORTED (an unknown table format), and --help. Returns the problems."""
    argv = oracle.arguments(case)
    script = [sys.executable, str(HERE / "reproduce.py")]
    run = lambda extra, record=None: subprocess.run(script + [record or argv[0]] + argv[1:] + extra,
                                                    capture_output=True, text=True)
    changed = tmp / "changed.json"
    changed.write_text(Path(argv[0]).read_text(encoding="utf-8").replace('"spec": "2"', '"spec": "1"', 1))
    unsupported = run(["--targets-format", "xls"])
    checks = [
        ("the kept record", run([]).returncode, 0),
        ("a changed record", run([], str(changed)).returncode, 1),
        ("a missing file", run([], str(tmp / "missing.json")).returncode, 2),
        ("a usage error", subprocess.run(script + ["a", "b"], capture_output=True).returncode, 2),
        ("an unknown table format", unsupported.returncode, 3),
        ("--help", subprocess.run(script + ["--help"], capture_output=True).returncode, 0),
    ]
    problems = [f"reproduce.py on {what}: exit status {got}, expected {want}" for what, got, want in checks if got != want]
    if not unsupported.stdout.rstrip("\n").splitlines()[-1:] or \
            not unsupported.stdout.rstrip("\n").splitlines()[-1].startswith("UNSUPPORTED: "):
        problems.append("reproduce.py's last line for an unsupported input is not 'UNSUPPORTED: <what>'")
    if "3  unsupported" not in subprocess.run(script + ["--help"], capture_output=True, text=True).stdout:
        problems.append("reproduce.py --help does not document the exit statuses")
    return problems


def run_cases(runner, out, names=None):
    """The recorded cases (tests/oracle/cases/*/case.json): each is drawn with the CLI and checked with reproduce.py,
    and passes when both agree — the same record, or both refuse — and, for a case with an `outcome` (what SPEC.md
    decides: "drawn" or "refused"), when that is what both do. Returns the cases that do not."""
    disagree = []
    for case in sorted(CASES.glob("*/case.json")):
        meta = json.loads(case.read_text(encoding="utf-8"))
        name = case.parent.name
        if names and name not in names:
            continue
        work = out / "cases" / name
        shutil.copytree(case.parent, work)
        kept = out / "cases-kept" / name
        kept.mkdir(parents=True)
        args = [str(work / a) if (work / a).is_file() else a for a in meta["draw"]]
        p = subprocess.run([runner.binary, "--quiet", "--lang", "en", "draw"] + args + ["--out", str(work / "record.json")],
                           env=dict(os.environ, SHUANGSUI_KEEP_DRAWS=str(kept)), capture_output=True, text=True)
        if p.returncode == 0:
            _, status, output, _ = oracle.run_case(next(kept.iterdir()))
            agreed = status == 0
            how = "the CLI draws; reproduce.py " + {0: "gives the same record", 1: "differs",
                                                    3: "says " + oracle.unsupported_reason(output)}.get(status, "fails")
        elif p.returncode != 2 or "panicked" in p.stderr:
            agreed, how = False, f"the CLI crashes (exit {p.returncode}): {p.stderr.strip()[-200:]}"
        else:
            refusal = python_refusal(args, work / "refused.json")
            agreed = refusal is not None
            error = first_error(p, masked=False).replace(str(work) + '/', '')
            how = f"the CLI refuses ({error}); reproduce.py " + ("refuses too" if agreed else "draws")
            # What each must say: the case is refused for the rule it is about, not for another.
            for who, said in (("cli", error), ("reproduce", refusal or "")):
                want = meta.get("refusal", {}).get(who)
                if agreed and want and want not in said:
                    agreed, how = False, f"{how}; {'the CLI' if who == 'cli' else 'reproduce.py'} does not say {want!r}" \
                        + (f" ({said.strip()})" if who == "reproduce" else "")
        outcome = "drawn" if p.returncode == 0 else "refused"
        if agreed and meta.get("outcome", outcome) != outcome:
            agreed, how = False, f"{how}; SPEC decides that it is {meta['outcome']}"
        print(f"{'agree' if agreed else 'DISAGREE'}: tests/oracle/cases/{name}: {how}")
        if not agreed:
            print(f"    {meta['spec']}: {meta['what']}" + "".join(f"\n    {k}: {meta[k]}" for k in ("decided", "verdict")
                                                                     if k in meta))
            disagree.append(name)
    return disagree


def make_inputs(d, rng):
    d.mkdir(parents=True, exist_ok=True)
    inputs = {}
    t_header, t_rows = targets_table(rng, 150)
    p_header, p_rows = targets_table(random.Random(7), 150, pilot=True)
    m_header, m_rows = targets_table(random.Random(8), 150, mapped=True)
    o_header, o_rows = officers_table(rng, 36)
    for fmt in FORMATS:
        inputs["targets", fmt] = write_table(d, f"targets-{fmt}", fmt, t_header, t_rows, "targets")
        inputs["targets-pilot", fmt] = write_table(d, f"targets-pilot-{fmt}", fmt, p_header, p_rows, "targets")
        inputs["targets-mapped", fmt] = write_table(d, f"targets-mapped-{fmt}", fmt, m_header, m_rows, "targets")
        inputs["officers", fmt] = write_table(d, f"officers-{fmt}", fmt, o_header, o_rows, "officers")
        inputs["officers-nonames", fmt] = write_table(d, f"officers-nonames-{fmt}", fmt, o_header[:1] + o_header[2:],
                                                      [r[:1] + r[2:] for r in o_rows], "officers")
    ids = [r[0].upper() for r in t_rows] + [r[0].upper() for r in m_rows[:40]]
    officer_ids = [r[0].upper() for r in o_rows]
    h_header, h_rows = history_table(rng, ids, officer_ids)
    inputs["history"] = d / "history.csv"
    write_csv(inputs["history"], h_header, h_rows)
    c_header, c_rows = conflicts_table(rng, ids, [r for r in o_rows if r[5] == "在岗"][:20])
    inputs["conflicts"] = d / "conflicts.tsv"
    write_csv(inputs["conflicts"], c_header, c_rows, delimiter="\t")
    inputs["history-gbk"] = d / "history-gbk.csv"
    write_csv(inputs["history-gbk"], h_header, h_rows, encoding="gbk")
    inputs["conflicts-gbk"] = d / "conflicts-gbk.tsv"
    write_csv(inputs["conflicts-gbk"], c_header, c_rows, delimiter="\t", encoding="gbk")
    inputs["allowlist"] = d / "allowlist.txt"
    inputs["allowlist"].write_text(f"{PILOT}\n\n{PILOT.lower()}\n", encoding="utf-8")
    fixture = HERE / "fixtures" / "drand-quicknet.json"
    r = json.loads(fixture.read_text(encoding="utf-8"))["rounds"][0]
    (d / "round.json").write_text(json.dumps({k: r[k] for k in ("round", "randomness", "signature")}) + "\n")
    return inputs


def features(kept):
    """How many kept records exercise each feature the matrix is meant to reach (each must be reached)."""
    want = ["skipped drawn_by", "skipped annual_cap", "excluded earlier_batch", "excluded inspected_recently",
            "excluded annual_cap", "excluded by status", "merged visits", "mode ratio", "mode count",
            "mode proportional", "mode equal", "mode per_stratum", "rounding ceil", "rounding floor",
            "rounding nearest", "drawn below count", "joint departments", "ineligible 不在岗",
            "ineligible 证件无效", "id allowlisted", "id unchecked (warn)", "dropped columns", "attested",
            "earlier attempt replaced", "reveals", "earlier batches", "history", "conflicts", "filter in",
            "filter not", "filter after", "filter before", "filter min", "filter max", "xlsx", "json", "jsonl",
            "tsv", "csv", "format named", "encoding forced", "sheet named", "certificates on inspection_date",
            "announcement.previous", "typed batch after an attested one", "names hidden", "public columns",
            "time-stamp"]
    seen = Counter()
    for m in kept.glob("*/manifest.json"):
        man = json.loads(m.read_text(encoding="utf-8"))
        r = json.loads((m.parent / man["record"]).read_text(encoding="utf-8"))
        for t in r["tasks"]:
            seen.update("skipped " + x["reason"].split(":")[0] for x in t["skipped"])
            seen.update("excluded " + (k if k in ("earlier_batch", "inspected_recently", "annual_cap") else "by status")
                        for k in t["frame"]["excluded"])
            seen.update(["mode " + t["allocation"]["mode"], "rounding " + t["allocation"]["rounding"]])
            seen.update("filter " + op for f in t["frame"]["filter"].values() for op in f)
            seen["drawn below count"] += any(x["drawn"] < x["count"] for x in t["strata"])
            seen["joint departments"] += bool(t["officers"]["departments"])
            seen["certificates on inspection_date"] += t["officers"]["certificates_valid_on"] not in ("", r["plan"]["date"])
        seen["merged visits"] += bool(r["visits"])
        seen["names hidden"] += r["inputs"]["officers"]["names"] == ""
        plan = tomllib.loads((m.parent / man["plan"]).read_text(encoding="utf-8"))
        seen["public columns"] += bool(plan.get("columns", {}).get("public"))
        seen.update("ineligible " + x["reason"] for x in r["inputs"]["officers"]["ineligible"])
        seen["id allowlisted"] += bool(r["inputs"]["targets"]["id_check"]["allowlisted"])
        seen["id unchecked (warn)"] += bool(r["inputs"]["targets"]["id_check"]["unchecked"])
        seen["dropped columns"] += bool(r["inputs"]["targets"]["dropped"] and r["inputs"]["officers"]["dropped"])
        for k in ("earlier", "history", "conflicts"):
            seen["earlier batches" if k == "earlier" else k] += k in r["inputs"]
        if r["seed"]["source"] == "unattested" and "earlier" in man:
            seen["typed batch after an attested one"] += any(
                json.loads((m.parent / e).read_text(encoding="utf-8"))["seed"]["source"] == "beacon"
                for e in man["earlier"])
        if r["seed"]["source"] == "beacon":
            seen["attested"] += 1
            seen["announcement.previous"] += bool(r["seed"]["attestation"]["announcement"]["previous"])
            seen["time-stamp"] += bool(r["seed"]["attestation"]["timestamp"])
            seen["earlier attempt replaced"] += bool(r["seed"]["attestation"]["replaced"])
            seen["reveals"] += bool(r["seed"]["attestation"]["reveals"])
        for role in ("targets", "officers"):
            ext = man[role].rsplit(".", 1)[-1]
            seen[{"data": "format named"}.get(ext, ext)] += 1
        seen["encoding forced"] += "encoding" in man
        seen["sheet named"] += any(k.endswith("sheet") for k in man)
    return {f: seen[f] for f in want}


def main(argv):
    parser = argparse.ArgumentParser(prog="oracle_matrix.py", description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="Exit status: 0 every kept record reproduces and every dimension has "
                                            "successful draws; 1 otherwise; 2 usage.")
    parser.add_argument("out", type=Path, metavar="OUT", help="a new or empty directory for the inputs and draws")
    parser.add_argument("--bin", type=Path, default=HERE.parent / "target" / "release" / "shuangsui",
                        help="the shuangsui binary (default: target/release/shuangsui)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel draws (default: every core)")
    parser.add_argument("--rules", help="only these plan rules (comma-separated): " + ", ".join(RULES))
    parser.add_argument("--no-oracle", action="store_true", help="draw only; check later with tests/oracle.py OUT/kept")
    parser.add_argument("--no-cases", action="store_true",
                        help="leave out the recorded disagreements of tests/oracle/cases (they fail until resolved)")
    parser.add_argument("--cases-only", action="store_true", help="only the recorded disagreements")
    args = parser.parse_args(argv[1:])
    if not args.bin.exists():
        parser.error(f"{args.bin} not found: cargo build --release first")
    if args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} is not empty")
    start = time.monotonic()
    preload = faketime_preload()
    if args.cases_only:
        args.out.mkdir(parents=True, exist_ok=True)
        return 1 if run_cases(Runner(args.bin.resolve(), None, preload), args.out) else 0
    rules = args.rules.split(",") if args.rules else RULES
    seeds = SEEDS if preload else ["typed"]
    if not preload:
        print("libfaketime not found: attested draws (announced at the 2023 clock of the fixture round) left out")
    elif shutil.which("openssl") is None:
        seeds = [x for x in seeds if x != "attested-timestamp"]
        print("openssl not found: attested draws with a time-stamp left out")
    inputs = make_inputs(args.out / "inputs", random.Random(2027))
    if "attested-timestamp" in seeds:
        authority(args.out / "inputs" / "tsa", preload)
    kept = args.out / "kept"
    kept.mkdir()
    runner = Runner(args.bin.resolve(), kept, preload)
    combos = list(itertools.product(rules, ONE_VISIT, (False, True), (False, True), (False, True), seeds, BATCHES))
    # Every combination of the dimensions with the typed seed; the attested kinds and the chains share the rest
    # (a combination is kept when its index lands on it), so that each attested kind meets every rule and mode.
    chosen = []
    for i, (rule, ov, hist, conf, joint, seed, batches) in enumerate(combos):
        if seed != "typed" and (hist + 2 * conf + 4 * joint + ONE_VISIT.index(ov) + seeds.index(seed) + batches) % 4:
            continue
        chosen.append((rule, ov, hist, conf, joint, seed, batches if batches == 1 else 2 + i % 2, len(chosen)))
    results = {}
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = {pool.submit(scenario, runner, inputs, sc, args.out / "work" / f"{sc[-1]:04d}"): sc for sc in chosen}
        for f in concurrent.futures.as_completed(futures):
            results[futures[f]] = f.result()
    drawn_secs = time.monotonic() - start

    # Per dimension: successful and refused draws.
    dims = {"rule": 0, "one_visit": 1, "history": 2, "conflicts": 3, "joint": 4, "seed": 5, "batches": 6}
    table = {d: defaultdict(Counter) for d in dims}
    reasons, crashes = Counter(), []
    total = Counter()
    for sc, outcomes in results.items():
        for b, outcome, why in outcomes:
            total[outcome] += 1
            if outcome == "refused":
                reasons[why] += 1
            if outcome == "crashed":
                crashes.append((sc, why))
            for d, i in dims.items():
                value = sc[i] if d != "batches" else ("chain" if sc[i] > 1 else "single")
                table[d][str(value)][outcome] += 1
            if b > 0:
                table["batches"]["later batch (--after)"][outcome] += 1
    print(f"matrix: {len(chosen)} combinations, {sum(total.values())} draws: {total['drawn']} drawn, "
          f"{total['refused']} refused (reproduce.py refuses them too), {total['disputed']} refused by the CLI but "
          f"drawn by reproduce.py, {total['crashed']} crashed ({drawn_secs:.0f} s)")
    empty = []
    for d, values in table.items():
        cells = []
        for v, c in sorted(values.items()):
            cells.append(f"{v} {c['drawn']}/{sum(c.values())}")
            if c["drawn"] == 0:
                empty.append(f"{d}={v}")
        print(f"  {d:10} " + ", ".join(cells))
    if reasons:
        print("refusals: " + "; ".join(f"{n} × {r}" for r, n in reasons.most_common(8)))
    for sc, why in crashes[:5]:
        print(f"CRASHED: {sc}: {why}")
    for sc, outcomes in results.items():
        for _, outcome, why in outcomes:
            if outcome == "disputed":
                print(f"DISPUTED: {sc}: {why}")
    failed = bool(crashes) or total["disputed"] > 0
    if empty:
        print("no successful draw for: " + ", ".join(empty))
        failed = True
    missing = [f for f, n in features(kept).items() if n == 0]
    if missing:
        print("features no kept record exercises: " + ", ".join(missing))
        failed = True
    if not args.no_oracle:
        status = oracle.main(["oracle.py", str(kept), "--jobs", str(args.jobs), "--min-cases", str(total["drawn"])])
        failed = failed or status != 0
    first = next(iter(sorted(kept.glob("*/manifest.json"))), None)
    if first is not None:
        problems = exit_statuses(first.parent, args.out)
        print("reproduce.py's exit statuses (0 match, 1 differs, 2 usage, 3 unsupported) and --help: "
              + ("ok" if not problems else "; ".join(problems)))
        failed = failed or bool(problems)
    if not args.no_cases:
        disagree = run_cases(runner, args.out)
        if disagree:
            print(f"{len(disagree)} recorded disagreement(s) between the CLI and reproduce.py (tests/oracle/cases): "
                  f"each case.json names the SPEC section and the verdict")
            failed = True
    print(f"matrix and oracle: {time.monotonic() - start:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
