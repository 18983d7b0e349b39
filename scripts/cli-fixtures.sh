#!/usr/bin/env bash
# Regenerates tests/cmd/inputs/ from the worked example of tests/vectors/draws.json: its
# plan.toml, targets.csv and officers.csv, the record, and edited copies for the error cases.
# Run it after a deliberate change to the record, then `TRYCMD=overwrite cargo test --test it cli::`
# and review the snapshot diff.
set -euo pipefail
cd "$(dirname "$0")/../tests/cmd/inputs"
python3 - <<'PY'
import json
v = next(v for v in json.load(open("../../vectors/draws.json", encoding="utf-8"))["vectors"] if v["id"] == "worked-example")
for name, key in (("plan.toml", "plan"), ("targets.csv", "targets"), ("officers.csv", "officers")):
    with open(name, "w", encoding="utf-8", newline="") as f:
        f.write(v[key])
PY
cargo run -q --manifest-path ../../../Cargo.toml -- draw --plan plan.toml --targets targets.csv \
  --officers officers.csv --seed '2027-01-15 示例' --out record.json --force >/dev/null
python3 - <<'PY'
import json
r = json.load(open("record.json", encoding="utf-8"))
def write(name, rec):
    with open(name, "w", encoding="utf-8") as f:
        f.write(json.dumps(rec, ensure_ascii=False, indent=2) + "\n")
t = json.loads(json.dumps(r)); t["tasks"][0]["selected"][1]["target"] = "91110000802100433B"
write("record-tampered.json", t)
s = json.loads(json.dumps(r)); s["seed"]["value"] = "2027-01-16 示例"
write("record-other-seed.json", s)
v = json.loads(json.dumps(r)); v["spec"] = "1"
write("record-spec1.json", v)
PY
sed 's/^91110000802100433B,北京百度网讯科技有限公司,B,/91110000802100433B,北京百度网讯科技有限公司,C,/' targets.csv > targets-edited.csv
{ cat targets.csv; echo '９１１１０１０８５５１３８５０８２q,小米科技（重复）,A,存续,110108'; } > targets-duplicate.csv
sed 's/team_size = 3/team_size = 1/' plan.toml > plan-team-of-one.toml
# The same directory as GBK (what Chinese Excel writes for "CSV"), as TSV, and as JSON Lines.
python3 - <<'PY'
import csv, io, json
text = open("targets.csv", encoding="utf-8").read()
open("targets-gbk.csv", "wb").write(text.replace("\n", "\r\n").encode("gbk"))
rows = list(csv.reader(io.StringIO(text)))
open("targets.tsv", "w", encoding="utf-8").write("".join("\t".join(r) + "\n" for r in rows))
with open("targets.jsonl", "w", encoding="utf-8") as f:
    for r in rows[1:]:
        f.write(json.dumps(dict(zip(rows[0], r)), ensure_ascii=False) + "\n")
# Problems a clerk meets: a wrong check character, an unknown risk class, a personal-data
# column, a binary file, far too many columns.
bad = text.replace("9144030071526726XG", "9144030071526726XH").replace("清华大学,C,", "清华大学,E,")
open("targets-bad.csv", "w", encoding="utf-8").write(bad)
open("targets-personal.csv", "w", encoding="utf-8").write(
    "".join(line + (",身份证号\n" if i == 0 else f",42010219900101{i:04d}\n") for i, line in enumerate(text.splitlines())))
open("targets-binary.csv", "wb").write(b"PK\x03\x04\x00\x00binary")
open("targets-wide.csv", "w").write(",".join(f"c{i}" for i in range(10000)) + "\n")
PY
printf '# genuine early pilot codes\n91350100M0001TGQXM\n' > allowlist.txt
# What the sandbox of tests/cmd/draw.toml holds afterwards: the inputs and the new record.
rm -rf ../draw.out && cp -r . ../draw.out
cargo run -q --manifest-path ../../../Cargo.toml -- draw --plan plan.toml --targets targets.csv \
  --officers officers.csv --seed '2027-01-15 示例' --out ../draw.out/new-record.json >/dev/null
