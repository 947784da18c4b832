#!/usr/bin/env bash
# Fuzzes a StatGuard target with libFuzzer, or replays its committed regression inputs.
#
#   scripts/fuzz.sh TARGET [RUNS]       build the target's fuzz product with libFuzzer and run RUNS inputs (default 100000)
#   scripts/fuzz.sh --smoke TARGET      fuzz for ten seconds (CI)
#   scripts/fuzz.sh --replay [TARGET]   replay Tests/Fuzz/TARGET/ with the normal debug build
#
# TARGET is ingest (product StatGuardFuzzIngest) or rules (StatGuardFuzzRules).
# The fuzz build goes to .build-fuzz (release, -sanitize=fuzzer, -DFUZZING, linked with lld);
# SANITIZE=address adds AddressSanitizer (about four times slower) in .build-fuzz-address;
# FUZZ_FLAGS adds libFuzzer flags (e.g. "-len_control=0" to try long inputs at once).
# Tests/Fuzz/TARGET.dict (or Tests/Fuzz/TARGET/TARGET.dict), when there is one, is the dictionary.
# libFuzzer runs in one process, on one core. The corpus grows in .build-fuzz/corpus/TARGET,
# seeded from the committed inputs in Tests/Fuzz/TARGET (and, for ingest, the heads of
# SampleData files). A crashing input is saved in .build-fuzz/crashes/TARGET: commit it to
# Tests/Fuzz/TARGET with a test that replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

mode=fuzz
case "${1:-}" in
  --smoke) mode=smoke; shift ;;
  --replay) mode=replay; shift ;;
esac
target="${1:-ingest}"
runs="${2:-100000}"
case "$target" in
  ingest) product=StatGuardFuzzIngest ;;
  rules) product=StatGuardFuzzRules ;;
  *) echo "error: unknown fuzz target '$target' (choose ingest or rules)" >&2; exit 2 ;;
esac
fixtures="Tests/Fuzz/$target"

if [ "$mode" = replay ]; then
  swift build --product "$product"
  if [ -d "$fixtures" ] && [ -n "$(ls -A "$fixtures")" ]; then
    "$(swift build --show-bin-path)/$product" "$fixtures"
  else
    echo "no inputs to replay in $fixtures"
  fi
  exit 0
fi

scratch=".build-fuzz${SANITIZE:+-$SANITIZE}"
swift build --scratch-path "$scratch" -c release --product "$product" \
  -Xswiftc -sanitize="fuzzer${SANITIZE:+,$SANITIZE}" -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
binary="$scratch/release/$product"
corpus=".build-fuzz/corpus/$target"
crashes=".build-fuzz/crashes/$target"
mkdir -p "$corpus" "$crashes"
if [ -d "$fixtures" ]; then find "$fixtures" -maxdepth 1 -type f ! -name '*.dict' ! -name '*.md' -exec cp {} "$corpus"/ \;; fi

# Ingest inputs are one selector byte (low bits: which contract file) and the file's bytes.
if [ "$target" = ingest ]; then
  kind=0
  for folder in reports products register capacity admin; do
    n=0
    for file in $(ls SampleData/"$folder"/*.csv | sed -n '1p;5p;$p'); do
      selector=$(( kind | (n % 4) << 5 ))
      { printf "\\$(printf '%03o' "$selector")"; head -n 25 "$file"; } > "$corpus/seed-$folder-$n"
      n=$((n + 1))
    done
    kind=$((kind + 1))
  done
fi

flags=(-runs="$runs")
if [ "$mode" = smoke ]; then flags=(-max_total_time=10); fi
for dictionary in "Tests/Fuzz/$target.dict" "$fixtures/$target.dict"; do
  if [ -f "$dictionary" ]; then flags+=(-dict="$dictionary"); break; fi
done
read -r -a extra <<< "${FUZZ_FLAGS:-}"
flags+=("${extra[@]}")
log="$scratch/$target.log"
before=$(ls "$crashes" | wc -l)
export SWIFT_BACKTRACE=enable=no  # let libFuzzer catch the trap and save the input
set +e
"$binary" "${flags[@]}" -max_len=65536 -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$crashes/" "$corpus" > "$log" 2>&1
status=$?
set -e
grep -E "^#[0-9]+ +(pulse|DONE)|ERROR|SUMMARY|Test unit written" "$log" | tail -n 12 || true
executed=$(grep -o "stat::number_of_executed_units: *[0-9]*" "$log" | awk '{print $2}')
speed=$(grep -o "stat::average_exec_per_sec: *[0-9]*" "$log" | awk '{print $2}')
peak=$(grep -o "stat::peak_rss_mb: *[0-9]*" "$log" | awk '{print $2}')
echo "runs executed: ${executed:-?}, exec/s: ${speed:-?}, peak RSS: ${peak:-?} MB (log: $log)"
after=$(ls "$crashes" | wc -l)
if [ "$status" -ne 0 ] || [ "$after" -gt "$before" ]; then
  echo "crash: the input is in $crashes/ ($((after - before)) new); replay it with $(swift build --show-bin-path)/$product FILE" >&2
  exit 1
fi
echo "no crash"
