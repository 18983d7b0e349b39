#!/usr/bin/env bash
# Regenerates the derived files of tests/cmd/inputs/ (records and edited inputs) from
# plan.toml, targets.csv and officers.csv there, after a deliberate change to the record.
# Then run `TRYCMD=overwrite cargo test --test cli` and review the snapshot diff.
set -euo pipefail
cd "$(dirname "$0")/../tests/cmd/inputs"
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
v = json.loads(json.dumps(r)); v["spec"] = "2"
write("record-spec2.json", v)
PY
sed 's/^91110000802100433B,北京百度网讯科技有限公司,B,/91110000802100433B,北京百度网讯科技有限公司,C,/' targets.csv > targets-edited.csv
{ cat targets.csv; echo '９１１１０１０８５５１３８５０８２q,小米科技（重复）,A,存续,110108'; } > targets-duplicate.csv
sed 's/team_size = 3/team_size = 1/' plan.toml > plan-team-of-one.toml
