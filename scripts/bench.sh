#!/usr/bin/env bash
# Scale benchmark: draw, verify and check on generated provincial directories, against the
# floor every draw must pay — hashing the same file once with `openssl dgst -sha256`.
#
#   scripts/bench.sh                 # 1M, 3M and 10M rows
#   scripts/bench.sh 1000000         # the sizes you name
#   BENCH_DIR=/data/bench scripts/bench.sh
#
# Builds in release, generates each data set once (cached in $BENCH_DIR, default
# target/bench-data; `shuangsui gen` is reproducible, so the cache is only a time saver),
# runs each command once after a warm-up read of the file (so every row measures the same
# page-cache state), and prints a Markdown table: rows, file size, openssl time, draw time,
# its ratio to openssl and its CPU seconds, draw peak RSS (from /usr/bin/time -v) and its
# share of the file, verify and check times with their ratios and peak RSS, and the peer:
# DuckDB running `shuangsui sql`'s queries of the same draw over the same CSV
# (scripts/bench_duckdb.py). Paste it into BENCHMARKS.md with the machine it ran on; run it
# on an otherwise idle machine (the CPU column tells when it was not).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
  sizes=(1000000 3000000 10000000)
fi
data=${BENCH_DIR:-target/bench-data}
mkdir -p "$data"

command -v openssl >/dev/null || { echo "bench.sh needs openssl" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench.sh needs GNU time (/usr/bin/time; Debian package 'time')" >&2; exit 2; }

cargo build --release --quiet
bin=$PWD/target/release/shuangsui

# Wall seconds, peak RSS (KB) and CPU seconds (user + system) of a command: "SECONDS KB CPU".
measure() {
  local log
  log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; rm -f "$log"; return 1; }
  local wall rss cpu
  wall=$(grep 'Elapsed (wall clock)' "$log" | awk -F': ' '{print $2}' |
    awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss=$(grep 'Maximum resident set size' "$log" | awk -F': ' '{print $2}')
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$log")
  rm -f "$log"
  echo "$wall $rss $cpu"
}

# The peer: DuckDB running `shuangsui sql`'s digest and selection queries of the same draw
# over the same CSV (scripts/bench_duckdb.py checks it returns the record's digest and
# selections). Skipped without the duckdb Python package.
peer() {
  if python3 -c 'import duckdb' 2>/dev/null; then
    python3 scripts/bench_duckdb.py "$bin" "$1" "$(nproc)" || echo "failed"
  else
    echo "—"
  fi
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "shuangsui $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(openssl version)"
echo
echo "| rows | file | openssl dgst -sha256 | draw | draw ÷ openssl | draw CPU | draw peak RSS | RSS ÷ file | verify | verify ÷ openssl | verify peak RSS | check | check ÷ openssl | check peak RSS | DuckDB, the same queries |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  dir=$data/$n
  if [ ! -s "$dir/targets.csv" ]; then
    "$bin" --quiet gen --targets "$n" --officers 2000 --seed 1 --out "$dir" --force >/dev/null
  fi
  inputs=(--plan "$dir/plan.toml" --targets "$dir/targets.csv" --officers "$dir/officers.csv")
  rm -f "$dir/record.json" "$dir/record.exclusions.csv"
  cat "$dir/targets.csv" >/dev/null # warm the page cache
  bytes=$(stat -c %s "$dir/targets.csv")
  read -r ossl _ _ < <(measure openssl dgst -sha256 "$dir/targets.csv")
  read -r draw draw_rss draw_cpu < <(measure "$bin" --quiet draw "${inputs[@]}" --seed bench --out "$dir/record.json")
  read -r verify verify_rss _ < <(measure "$bin" --quiet verify "$dir/record.json" "${inputs[@]}")
  read -r check check_rss _ < <(measure "$bin" --quiet check "${inputs[@]}")
  duck=$(peer "$dir")
  awk -v n="$n" -v b="$bytes" -v o="$ossl" -v d="$draw" -v dr="$draw_rss" -v dc="$draw_cpu" -v v="$verify" \
    -v vr="$verify_rss" -v c="$check" -v cr="$check_rss" -v k="$duck" 'BEGIN {
      printf "| %d | %.0f MB | %.2f s | %.2f s | %.1f× | %.1f s | %.0f MB | %.0f %% | %.2f s | %.1f× | %.0f MB | %.2f s | %.1f× | %.0f MB | %s s |\n",
        n, b/1e6, o, d, d/o, dc, dr*1024/1e6, dr*1024/b*100, v, v/o, vr*1024/1e6, c, c/o, cr*1024/1e6, k }'
done

# The largest size again as a GBK export (Chinese Excel's CSV), when iconv is there: the
# same draw, read in blocks too.
last=${sizes[${#sizes[@]}-1]}
dir=$data/$last
if command -v iconv >/dev/null; then
  if [ ! -s "$dir/targets-gbk.csv" ] || [ "$dir/targets-gbk.csv" -ot "$dir/targets.csv" ]; then
    iconv -f UTF-8 -t GB18030 "$dir/targets.csv" >"$dir/targets-gbk.csv"
  fi
  cat "$dir/targets-gbk.csv" >/dev/null
  bytes=$(stat -c %s "$dir/targets-gbk.csv")
  read -r ossl _ _ < <(measure openssl dgst -sha256 "$dir/targets-gbk.csv")
  read -r draw draw_rss _ < <(measure "$bin" --quiet draw --plan "$dir/plan.toml" \
    --targets "$dir/targets-gbk.csv" --officers "$dir/officers.csv" --seed bench \
    --out "$dir/record-gbk.json" --force)
  echo
  awk -v n="$last" -v b="$bytes" -v o="$ossl" -v d="$draw" -v dr="$draw_rss" 'BEGIN {
    printf "GBK copy of the %d-row file: %.0f MB, openssl %.2f s, draw %.2f s (%.1f×), peak RSS %.0f MB (%.0f %% of the file)\n",
      n, b/1e6, o, d, d/o, dr*1024/1e6, dr*1024/b*100 }'
fi
