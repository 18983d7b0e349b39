#!/usr/bin/env bash
# Fuzzes every parser (fuzz/fuzz_targets: CSV in blocks against the in-memory reader, the
# other table formats, XLSX, the TOML plan and calendar, records through verify,
# announcements, drand rounds, results) for a bounded time each, and fails if any target
# left a crash, an out-of-memory or a timeout in fuzz/artifacts.
#
#   scripts/fuzz.sh                      # 600 s per target, as many at once as cores
#   FUZZ_SECONDS=60 scripts/fuzz.sh csv  # named targets, one minute each
#
# cargo-fuzz needs nightly compiler flags; RUSTC_BOOTSTRAP=1 lets the stable toolchain take
# them (this machine has no other). Leak detection is off: the reader's worker threads leave
# the standard library's per-thread channel state to thread-exit destructors, which
# LeakSanitizer reports as a leak; real growth still trips -rss_limit_mb. A crashing input
# found here becomes a regression test:
# copy it into tests/fuzz-regressions/<target>/ (tests/it/fuzz_regressions.rs replays them).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
secs=${FUZZ_SECONDS:-600}
jobs=${FUZZ_JOBS:-$(nproc)}
export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
cargo fuzz build -O
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo fuzz list)
fi
mkdir -p logs
run() {
  local t=$1
  mkdir -p "corpus/$t" "seeds/$t"
  cargo fuzz run -O "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$secs" -rss_limit_mb=2048 -timeout=20 -max_len=65536 -print_final_stats=1 \
    -detect_leaks=0 \
    >"logs/$t.log" 2>&1 || true
}
export -f run
export secs
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run {}'
status=0
echo "| target | seconds | runs | corpus | crashes |"
echo "|---|---:|---:|---:|---:|"
for t in "${targets[@]}"; do
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "logs/$t.log" | grep -oE '[0-9]+$' || echo 0)
  corpus=$(find "corpus/$t" -type f | wc -l)
  crashes=$(find "artifacts/$t" -type f 2>/dev/null | wc -l)
  echo "| $t | $secs | ${runs:-0} | $corpus | $crashes |"
  if [ "$crashes" -gt 0 ]; then status=1; fi
done
exit $status
