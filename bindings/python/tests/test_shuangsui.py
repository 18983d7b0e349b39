"""The Python package against the command-line tool: the same inputs and seed draw the same
record bytes, the tool verifies what Python drew, and every file form (text, bytes, paths; an
.xlsx workbook, a GBK export), option, answer and error comes through as documented.

The tool is ``$SHUANGSUI_BIN``, or built with cargo from this checkout when that is unset.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Dict, List, Sequence
from xml.sax.saxutils import escape

import pytest
import shuangsui

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent
ROOT = PACKAGE.parent.parent
SEED = "2027-01-15 公开摇号"

# A small draw (the C ABI's test draw): two of four targets, teams of two of three officers.
PLAN = """[plan]
id = "420100-2027-01"
name = "2027年度双随机抽查计划"
authority = "武汉市市场监督管理局"

[[tasks]]
id = "T1"
name = "企业公示信息抽查"
ratio = "50%"
team_size = 2
"""
TARGETS = [
    ["id", "name"],
    ["91110000802100433B", "北京百度网讯科技有限公司"],
    ["9144030071526726XG", "腾讯科技（深圳）有限公司"],
    ["91110108551385082Q", "小米科技有限责任公司"],
    ["91330100716105852F", "阿里巴巴（中国）有限公司"],
]
OFFICERS = "id,name\nE1,张三\nE2,李四\nE3,王五\n"


def csv_text(rows: Sequence[Sequence[str]]) -> str:
    return "".join(",".join(row) + "\n" for row in rows)


@pytest.fixture(scope="session")
def cli() -> str:
    """The command-line tool: $SHUANGSUI_BIN, else cargo builds it."""
    given = os.environ.get("SHUANGSUI_BIN")
    if given:
        return given
    built = subprocess.run(
        ["cargo", "build", "--bin", "shuangsui", "--message-format=json-render-diagnostics"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        check=True,
        text=True,
    )
    for line in built.stdout.splitlines():
        message = json.loads(line)
        if (
            message.get("reason") == "compiler-artifact"
            and message.get("executable")
            and message["target"]["name"] == "shuangsui"
        ):
            return str(message["executable"])
    raise AssertionError("cargo built no shuangsui")


def run(cli: str, *args: Any, expect: int = 0) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([cli, *map(str, args)], capture_output=True, text=True)
    assert done.returncode == expect, done.stderr
    return done


@pytest.fixture(scope="session")
def demo(cli: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`shuangsui demo`'s inputs: a plan of three tasks, 10,000 targets, 60 officers."""
    out = tmp_path_factory.mktemp("demo") / "demo"
    run(cli, "demo", "--out", out, "--quiet")
    return out


def demo_inputs(demo: Path) -> Dict[str, Any]:
    return {
        "plan": demo / "plan.toml",
        "targets": demo / "targets.csv",
        "officers": demo / "officers.csv",
    }


def cli_draw(cli: str, out: Path, plan: Path, targets: Path, officers: Path, *more: Any) -> bytes:
    run(
        cli,
        "draw",
        "--plan",
        plan,
        "--targets",
        targets,
        "--officers",
        officers,
        "--seed",
        SEED,
        "--out",
        out,
        "--quiet",
        *more,
    )
    return out.read_bytes()


def small(tmp_path: Path) -> Dict[str, Any]:
    files = {"plan": "plan.toml", "targets": "targets.csv", "officers": "officers.csv"}
    texts = {"plan": PLAN, "targets": csv_text(TARGETS), "officers": OFFICERS}
    for member, name in files.items():
        (tmp_path / name).write_text(texts[member], encoding="utf-8")
    return {member: tmp_path / name for member, name in files.items()}


# ---- the draw: the command line's bytes ----


@pytest.fixture(scope="session")
def drawn(cli: str, demo: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The demo's inputs drawn by the command line with SEED."""
    out = tmp_path_factory.mktemp("cli") / "record.json"
    return cli_draw(cli, out, demo / "plan.toml", demo / "targets.csv", demo / "officers.csv")


def test_draw_from_paths_is_the_command_lines_record_byte_for_byte(
    demo: Path, drawn: bytes, tmp_path: Path
) -> None:
    record = shuangsui.draw(seed=SEED, **demo_inputs(demo))
    assert isinstance(record, str)
    assert record.encode("utf-8") == drawn
    record.write(tmp_path / "record.json")
    assert (tmp_path / "record.json").read_bytes() == drawn
    # The draw's digest, warnings and exclusions come with it.
    assert record.digest == json.loads(record)["digest"]
    assert all(w.zh and w.en for w in record.warnings)
    assert record.exclusions and {e.task for e in record.exclusions} <= {"T1", "T2", "T3"}
    assert record.json["digest"] == record.digest
    assert pickle.loads(pickle.dumps(record)) == record


def test_draw_from_texts_and_bytes_is_the_same_record(demo: Path, drawn: bytes) -> None:
    texts = {k: p.read_text(encoding="utf-8") for k, p in demo_inputs(demo).items()}
    assert shuangsui.draw(seed=SEED, **texts).encode("utf-8") == drawn
    raw = {k: p.read_bytes() for k, p in demo_inputs(demo).items()}
    assert shuangsui.draw(seed=SEED, **raw).encode("utf-8") == drawn


def test_the_command_line_verifies_the_python_record(cli: str, demo: Path, tmp_path: Path) -> None:
    record = shuangsui.draw(seed=SEED, **demo_inputs(demo))
    record.write(tmp_path / "record.json")
    inputs = demo_inputs(demo)
    run(
        cli,
        "verify",
        tmp_path / "record.json",
        "--plan",
        inputs["plan"],
        "--targets",
        inputs["targets"],
        "--officers",
        inputs["officers"],
        "--quiet",
    )


# ---- verification: truthy, or what differs ----


def tampered(record: str) -> str:
    """The record with its first selected target swapped for the second's (the record is
    written as Python's json.dumps(indent=2, ensure_ascii=False) writes it)."""
    doc = json.loads(record)
    selected = doc["tasks"][0]["selected"]
    selected[0]["target"], selected[1]["target"] = selected[1]["target"], selected[0]["target"]
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    assert text != record
    return text


def test_verify_is_truthy_for_the_genuine_record_and_lists_what_differs_in_a_tampered_one(
    cli: str, demo: Path, drawn: bytes, tmp_path: Path
) -> None:
    inputs = demo_inputs(demo)
    v = shuangsui.verify(record=drawn, **inputs)
    assert v and v.ok and not v.differences and v.total_differences == 0
    assert repr(v) == "<Verification: reproduces>"
    assert v.json["ok"] is True
    assert v.notes == [] or all(n.id and n.message.zh for n in v.notes)

    bad = tampered(drawn.decode("utf-8"))
    v = shuangsui.verify(record=bad, **inputs)
    assert not v and not v.ok
    assert v.total_differences >= 1 and v.differences
    paths = [d.path for d in v.differences]
    assert any(p.startswith("tasks[T1].selected[1]") for p in paths), paths
    first = v.differences[0]
    assert first.record != first.recomputed
    assert first.message.zh and first.message.en and str(first.message) == first.message.zh
    assert str(v).splitlines()[0] == first.message.zh
    assert v.changed_inputs == [] and not v.seed_mismatch
    # The command line says the same: exit 1.
    (tmp_path / "tampered.json").write_text(bad, encoding="utf-8")
    run(
        cli,
        "verify",
        tmp_path / "tampered.json",
        "--plan",
        inputs["plan"],
        "--targets",
        inputs["targets"],
        "--officers",
        inputs["officers"],
        "--quiet",
        expect=1,
    )


def test_verify_names_a_changed_input(demo: Path, drawn: bytes) -> None:
    inputs = demo_inputs(demo)
    targets = inputs["targets"].read_text(encoding="utf-8")
    name = targets.splitlines()[1].split(",")[1]
    v = shuangsui.verify(record=drawn, **dict(inputs, targets=targets.replace(name, name + "甲")))
    assert not v and v.changed_inputs == ["targets"]
    assert v.differences[0].path == "inputs.targets.digest"
    # Values are shown as the report shows them (text quoted).
    assert v.differences[0].record == repr(json.loads(drawn)["inputs"]["targets"]["digest"])


# ---- errors: the class of the kind's family, with kind and location ----


def test_a_duplicate_id_raises_an_input_error_at_its_line(tmp_path: Path) -> None:
    files = small(tmp_path)
    rows = TARGETS + [TARGETS[2]]
    (tmp_path / "targets.csv").write_text(csv_text(rows), encoding="utf-8")
    with pytest.raises(shuangsui.InputError) as caught:
        shuangsui.draw(seed=SEED, **files)
    e = caught.value
    assert isinstance(e, shuangsui.Error)
    assert e.kind == "duplicate_id"
    assert e.location is not None
    assert e.location["source"] == str(files["targets"])
    assert e.location["line"] == len(rows)
    assert str(e) == e.message_zh and e.message_zh.startswith(str(files["targets"]))
    assert e.message_en and e.message_en != e.message_zh
    assert e.json["kind"] == "duplicate_id"
    # Text has the member's default name.
    with pytest.raises(shuangsui.InputError) as caught:
        shuangsui.draw(seed=SEED, plan=PLAN, targets=csv_text(rows), officers=OFFICERS)
    assert caught.value.location is not None
    assert caught.value.location["source"] == "targets.csv"
    # Exceptions survive pickling (multiprocessing) with their class and answer.
    again = pickle.loads(pickle.dumps(caught.value))
    assert type(again) is shuangsui.InputError and again.json == caught.value.json


def test_a_plan_error_and_a_missing_column(tmp_path: Path) -> None:
    with pytest.raises(shuangsui.PlanError) as caught:
        shuangsui.draw(
            seed=SEED, plan=PLAN + "team_size = 3\n", targets=csv_text(TARGETS), officers=OFFICERS
        )
    assert caught.value.kind == "plan_syntax"
    assert caught.value.location is not None and caught.value.location["line"] == 11
    with pytest.raises(shuangsui.InputError) as missing:
        shuangsui.draw(seed=SEED, plan=PLAN, targets="name\n甲公司\n", officers=OFFICERS)
    assert missing.value.kind == "missing_column"
    assert missing.value.hint is not None and missing.value.hint.zh


def test_too_few_officers_is_a_draw_error() -> None:
    with pytest.raises(shuangsui.DrawError) as caught:
        shuangsui.draw(
            seed=SEED, plan=PLAN, targets=csv_text(TARGETS), officers="id,name\nE1,张三\n"
        )
    assert caught.value.kind == "officer_pool_too_small"


def test_an_unknown_option_is_a_request_error_naming_it() -> None:
    with pytest.raises(shuangsui.RequestError) as caught:
        shuangsui.draw(
            seed=SEED, plan=PLAN, targets=csv_text(TARGETS), officers=OFFICERS, id_chek="warn"
        )
    assert caught.value.kind == "request"
    assert "id_chek" in caught.value.message_en and "id_chek" in caught.value.message_zh
    assert isinstance(caught.value, TypeError)
    with pytest.raises(shuangsui.RequestError):
        shuangsui.draw(plan=PLAN, targets=csv_text(TARGETS), officers=OFFICERS)  # no seed
    with pytest.raises(shuangsui.RequestError):
        shuangsui.call("shuffle", {})
    # A lone surrogate is no UTF-8: refused as a request, not a crash.
    with pytest.raises(shuangsui.RequestError):
        shuangsui.draw(seed="\udc80", plan=PLAN, targets=csv_text(TARGETS), officers=OFFICERS)


def test_every_error_kind_of_the_library_has_a_family() -> None:
    kinds_rs = ROOT / "src" / "error" / "kind.rs"
    if not kinds_rs.exists():
        pytest.skip("not in the shuangsui checkout")
    source = kinds_rs.read_text(encoding="utf-8")
    as_str = source[source.index("pub fn as_str") : source.index("pub(crate) fn id")]
    kinds = set(re.findall(r'ErrorKind::\w+ => "(\w+)"', as_str))
    assert len(kinds) > 40
    assert kinds == set(shuangsui.KINDS), kinds ^ set(shuangsui.KINDS)
    assert shuangsui.KINDS["request"] is shuangsui.RequestError
    assert shuangsui.KINDS["internal"] is shuangsui.InternalError
    for cls in set(shuangsui.KINDS.values()):
        assert issubclass(cls, shuangsui.Error) and cls is not shuangsui.Error


def test_several_problems_take_the_family_of_the_first() -> None:
    from shuangsui._errors import error_from_answer

    listed = [{"kind": "plan_value", "message": {"zh": "甲", "en": "a"}}]
    e = error_from_answer(
        {"kind": "problems", "message": {"zh": "乙", "en": "b"}, "listed": listed, "total": 3}
    )
    assert type(e) is shuangsui.PlanError and e.kind == "problems" and e.total == 3
    assert type(e.listed[0]) is shuangsui.PlanError
    e = error_from_answer(
        {"kind": "a_kind_from_a_newer_library", "message": {"zh": "丙", "en": "c"}}
    )
    assert type(e) is shuangsui.Error and e.location is None and e.hint is None


def test_many_bad_rows_are_listed(tmp_path: Path) -> None:
    rows = [TARGETS[0]] + [[f"91110000802100{i:03d}X", f"公司{i}"] for i in range(5)] + TARGETS[1:]
    with pytest.raises(shuangsui.InputError) as caught:
        shuangsui.draw(seed=SEED, plan=PLAN, targets=csv_text(rows), officers=OFFICERS)
    e = caught.value
    assert e.kind == "problems" and e.total == 5 and len(e.listed) == 5
    assert all(p.kind == "invalid_id" for p in e.listed)
    # id_check="warn" draws, listing the ids in the record.
    record = shuangsui.draw(
        seed=SEED, plan=PLAN, targets=csv_text(rows), officers=OFFICERS, id_check="warn"
    )
    assert json.loads(record)["inputs"]["targets"]["id_check"]["mode"] == "warn"


# ---- file forms: an .xlsx workbook and a GBK export, as paths and as bytes ----


def write_xlsx(path: Path, sheets: Dict[str, Sequence[Sequence[str]]]) -> None:
    """A minimal workbook: each sheet's rows as inline strings."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    names = list(sheets)
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
            + "".join(
                f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" '
                f'ContentType="{ct}.worksheet+xml"/>'
                for i in range(len(names))
            )
            + "</Types>"
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" '
            f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            + "".join(
                f'<sheet name="{escape(n)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                for i, n in enumerate(names)
            )
            + "</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{pkg}">'
            + "".join(
                f'<Relationship Id="rId{i + 1}" Type="{rel}/worksheet" '
                f'Target="worksheets/sheet{i + 1}.xml"/>'
                for i in range(len(names))
            )
            + "</Relationships>"
        ),
    }
    for i, name in enumerate(names):
        rows = "".join(
            f'<row r="{r + 1}">'
            + "".join(
                f'<c r="{chr(65 + c)}{r + 1}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
                for c, v in enumerate(row)
            )
            + "</row>"
            for r, row in enumerate(sheets[name])
        )
        parts[f"xl/worksheets/sheet{i + 1}.xml"] = (
            f'<worksheet xmlns="{main}"><sheetData>{rows}</sheetData></worksheet>'
        )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part, xml in parts.items():
            z.writestr(part, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml)


def test_an_xlsx_directory_as_path_and_bytes_draws_the_command_lines_record(
    cli: str, tmp_path: Path
) -> None:
    files = small(tmp_path)
    other = [TARGETS[0], TARGETS[3], TARGETS[4]]
    book = tmp_path / "名录.xlsx"
    write_xlsx(book, {"检查对象": TARGETS, "其他": other})
    expected = cli_draw(cli, tmp_path / "cli.json", files["plan"], book, files["officers"])
    inputs = dict(files, targets=book)
    assert shuangsui.draw(seed=SEED, **inputs).encode("utf-8") == expected
    # Bytes: a workbook is known by its zip signature.
    inputs = dict(files, targets=book.read_bytes())
    assert shuangsui.draw(seed=SEED, **inputs).encode("utf-8") == expected
    # Another sheet, named as the command line names it.
    expected = cli_draw(
        cli,
        tmp_path / "cli-2.json",
        files["plan"],
        book,
        files["officers"],
        "--targets-sheet",
        "其他",
    )
    inputs = dict(files, targets=shuangsui.File(book, sheet="其他"))
    record = shuangsui.draw(seed=SEED, **inputs)
    assert record.encode("utf-8") == expected
    assert json.loads(record)["inputs"]["targets"]["rows"] == 2
    inputs = dict(files, targets=shuangsui.File(book.read_bytes(), name="x.xlsx", sheet="其他"))
    assert shuangsui.draw(seed=SEED, **inputs).encode("utf-8") == expected


def test_a_gbk_export_as_path_and_bytes_draws_the_command_lines_record(
    cli: str, demo: Path, drawn: bytes, tmp_path: Path
) -> None:
    inputs = demo_inputs(demo)
    gbk = tmp_path / "targets-gbk.csv"
    gbk.write_bytes(inputs["targets"].read_text(encoding="utf-8-sig").encode("gbk"))
    expected = cli_draw(cli, tmp_path / "cli.json", inputs["plan"], gbk, inputs["officers"])
    # The canonical digest is of the values: the same record as from the UTF-8 file.
    assert expected == drawn
    assert shuangsui.draw(seed=SEED, **dict(inputs, targets=gbk)).encode("utf-8") == expected
    raw = gbk.read_bytes()
    assert shuangsui.draw(seed=SEED, **dict(inputs, targets=raw)).encode("utf-8") == expected
    forced = shuangsui.File(raw, encoding="gbk")
    assert shuangsui.draw(seed=SEED, **dict(inputs, targets=forced)).encode("utf-8") == expected
    # With the raw digests recorded, the file's bytes matter: still the command line's.
    expected = cli_draw(
        cli, tmp_path / "raw.json", inputs["plan"], gbk, inputs["officers"], "--raw-digest"
    )
    record = shuangsui.draw(seed=SEED, raw_digest=True, **dict(inputs, targets=gbk))
    assert record.encode("utf-8") == expected and expected != drawn


def test_a_later_batch_with_the_earlier_record(cli: str, tmp_path: Path) -> None:
    files = small(tmp_path)
    first = cli_draw(
        cli, tmp_path / "batch-1.json", files["plan"], files["targets"], files["officers"]
    )
    expected = cli_draw(
        cli,
        tmp_path / "batch-2.json",
        files["plan"],
        files["targets"],
        files["officers"],
        "--after",
        tmp_path / "batch-1.json",
    )
    for earlier in ([tmp_path / "batch-1.json"], [first], [first.decode("utf-8")]):
        record = shuangsui.draw(seed=SEED, earlier=earlier, **files)
        assert record.encode("utf-8") == expected
    assert shuangsui.verify(record=expected, earlier=[first], **files)


# ---- the other operations ----


def test_check_digest_amend_and_notice(demo: Path, drawn: bytes) -> None:
    inputs = demo_inputs(demo)
    record = json.loads(drawn)
    checked = shuangsui.check(**inputs)
    assert [t["id"] for t in checked["tasks"]] == ["T1", "T2", "T3"]
    assert checked["digests"]["targets"] == record["inputs"]["targets"]["digest"]

    digests = shuangsui.digest(**inputs)
    assert digests["plan"] == record["inputs"]["plan"]["digest"]
    assert digests["officers"] == record["inputs"]["officers"]["digest"]
    assert shuangsui.digest(plan=inputs["plan"]) == {"plan": digests["plan"]}
    assert shuangsui.call("digest", {"plan": inputs["plan"]}) == {"plan": digests["plan"]}

    task = record["tasks"][0]
    amended = shuangsui.amend(
        record=drawn,
        amendment={
            "change": "unreachable",
            "task": task["id"],
            "target": task["selected"][0]["target"],
            "actor": "王科长",
            "at": "2027-03-05T09:00:00+08:00",
        },
        **inputs,
    )
    assert amended.digest == record["digest"] and amended.ledger["entries"] == 1
    assert amended != drawn.decode("utf-8")
    v = shuangsui.verify(record=amended, **inputs)
    assert v and v.ledger is not None and v.ledger["entries"] == 1

    html = shuangsui.notice(record=drawn, **inputs)
    assert record["plan"]["name"] in html and html.lstrip().lower().startswith("<!doctype")
    csv = shuangsui.notice(record=drawn, format="csv", lang="en", **inputs)
    assert task["selected"][0]["target"] in csv
    # A notice only for a record that verifies.
    with pytest.raises(shuangsui.PublicationError) as caught:
        shuangsui.notice(record=tampered(drawn.decode("utf-8")), **inputs)
    assert caught.value.kind == "inputs_mismatch"


def test_calls_on_several_threads_draw_the_same_record(demo: Path, drawn: bytes) -> None:
    with ThreadPoolExecutor(4) as pool:
        records = list(pool.map(lambda _: shuangsui.draw(seed=SEED, **demo_inputs(demo)), range(4)))
    assert all(r.encode("utf-8") == drawn for r in records)


def test_version_and_operations() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", shuangsui.__version__)
    assert set(shuangsui.OPERATIONS) == {"check", "draw", "verify", "digest", "amend", "notice"}


# ---- the example script ----


def example(*args: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(PACKAGE / "example.py"), *map(str, args)],
        capture_output=True,
        text=True,
    )


def test_the_example_draws_the_command_lines_record_and_verifies(
    demo: Path, drawn: bytes, tmp_path: Path
) -> None:
    inputs: List[Any] = []
    for member, path in demo_inputs(demo).items():
        inputs += [f"--{member}", path]
    out = tmp_path / "record.json"
    done = example(*inputs, "--seed", SEED, "--out", out)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == drawn
    assert "可以复现" in done.stdout
    done = example(*inputs, "--verify", out)
    assert done.returncode == 0, done.stderr
    (tmp_path / "tampered.json").write_text(tampered(drawn.decode("utf-8")), encoding="utf-8")
    done = example(*inputs, "--verify", tmp_path / "tampered.json")
    assert done.returncode == 1 and "不能复现" in done.stderr
    done = example(*inputs[:-1], demo / "plan.toml", "--verify", out)  # officers: the plan
    assert done.returncode == 2 and "InputError" in done.stderr, done.stderr


# ---- the README's example ----


def test_the_readmes_example_draws_the_command_lines_record(
    demo: Path, drawn: bytes, tmp_path: Path
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("<!-- python-example") :]
    code = block[block.index("```python\n") + len("```python\n") :]
    code = code[: code.index("\n```")]
    for name in ("plan.toml", "targets.csv", "officers.csv"):
        (tmp_path / name).write_bytes((demo / name).read_bytes())
    (tmp_path / "example.py").write_text(code, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "example.py"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "record.json").read_bytes() == drawn
    assert re.fullmatch(r"[0-9a-f]{64}\n", done.stdout), done.stdout
