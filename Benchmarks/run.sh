#!/usr/bin/env bash
# National-scale benchmark: one command prints the whole table.
#
#   Benchmarks/run.sh                                 # 500,000 enterprises, 13 periods (first run generates the data)
#   ENTERPRISES=50000 Benchmarks/run.sh               # a smaller area
#   SCALING="50000 500000 2000000" Benchmarks/run.sh  # scaling rows (default: 50,000 and ENTERPRISES)
#
# Generates (or reuses, in the git-ignored Benchmarks/.cache/) national data with
# `statguard sample`, as a bureau's files arrive: `--encodings mixed --dirty` (GB18030
# and UTF-8 with BOM, CRLF, English headers, quoted names, rows the reader must
# quarantine). For that main row it loads the first 12 periods into a fresh store,
# times the monthly job for the 13th with a release build, `statguard check` on the
# reports file, libcsv alone (`Benchmarks/csv_floor.c`) and cat on the same files.
# The second row does the same on clean UTF-8 data, beside the same work in DuckDB
# (Python, in the git-ignored Benchmarks/.venv/; its script reads clean UTF-8 only).
# Then the scaling table: the job's wall time and peak RSS for each size in SCALING.
# Exits non-zero (after the whole table) when StatGuard and DuckDB disagree.
# Release builds only: timings of a debug build mean nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

ENTERPRISES="${ENTERPRISES:-500000}"
SCALING="${SCALING:-50000 $ENTERPRISES}"
FIRST=2023-11
LAST_HISTORY=2024-11
PERIOD=2024-12
COMPACT="${PERIOD/-/}"
CACHE="Benchmarks/.cache"
mkdir -p "$CACHE"

echo "Building (release) …" >&2
swift build -c release --product statguard >&2
BIN="$(swift build -c release --show-bin-path)/statguard"

# data SIZE FLAVOUR: the cached data folder of SIZE enterprises, generating it once.
data() {
  local size=$1 flavour=$2 folder="$CACHE/national-$2-$1" flags=()
  [ "$flavour" = mixed ] && flags=(--encodings mixed --dirty)
  if [ ! -f "$folder/.complete" ]; then
    echo "Generating $size enterprises ($flavour), $FIRST to $PERIOD (once; cached in $folder) …" >&2
    rm -rf "$folder"
    local start end
    start=$(date +%s.%N)
    "$BIN" sample --out "$folder" --enterprises "$size" --from "$FIRST" --to "$PERIOD" --seed 2024 "${flags[@]}" >&2
    end=$(date +%s.%N)
    echo "generate_seconds $(echo "$end - $start" | bc)" > "$folder/.complete"
  fi
  echo "$folder"
}

# job DATA NAME [ARGS…]: the monthly job on DATA with the store and reports of NAME.
job() {
  local data=$1 name=$2
  shift 2
  "$BIN" run --pipeline Pipelines/monthly-industry.yaml --data "$data" --store "$CACHE/store-$name.sqlite" \
    --out "$CACHE/reports-$name" --quiet "$@"
}

# measure DATA NAME: loads the history into a fresh store, then times the 13th period's job into
# $CACHE/time-NAME.txt (wall s, peak RSS KB) and its store growth into $CACHE/growth-NAME.txt.
measure() {
  local data=$1 name=$2 store="$CACHE/store-$2.sqlite"
  echo "Loading $FIRST … $LAST_HISTORY of $data into a fresh store …" >&2
  rm -f "$store" "$store-wal" "$store-shm" "$store-journal" "$store.lock"
  job "$data" "$name" --from "$FIRST" --to "$LAST_HISTORY" >&2
  local before
  before=$(stat -c %s "$store")
  echo "Timing the monthly job for $PERIOD ($name) …" >&2
  /usr/bin/time -f "%e %M" -o "$CACHE/time-$name.txt" "$BIN" run --pipeline Pipelines/monthly-industry.yaml \
    --data "$data" --store "$store" --out "$CACHE/reports-$name" --quiet --period "$PERIOD" >&2
  echo "$(( $(stat -c %s "$store") - before )) $(stat -c %s "$store")" > "$CACHE/growth-$name.txt"
}

# inputs DATA: the input files of the 13th period.
inputs() {
  local data=$1
  echo "$data/reports/reports_$COMPACT.csv" "$data/register/register.csv"
  for optional in "$data/products/products_$COMPACT.csv" "$data/capacity/capacity.csv" "$data/admin/admin_$COMPACT.csv"; do
    [ -f "$optional" ] && echo "$optional"
  done
}

seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null; end=$(date +%s.%N); echo "$end - $start" | bc; }

gcc -O2 -o "$CACHE/csv_floor" Benchmarks/csv_floor.c -lcsv

# report DATA NAME [DUCKDB ARGS…]: the table of one row.
report() {
  local data=$1 name=$2 out="$CACHE/reports-$2/monthly-industry/$PERIOD"
  shift 2
  read -r -a files <<< "$(inputs "$data" | tr '\n' ' ')"
  echo "Timing the floors (libcsv alone, cat) and statguard check …" >&2
  local floor cat_seconds
  floor=$(seconds "$CACHE/csv_floor" "${files[@]}")
  cat_seconds=$(seconds cat "${files[@]}")
  /usr/bin/time -f "%e %M" -o "$CACHE/check-time-$name.txt" "$BIN" check --period "$PERIOD" "${files[0]}" > /dev/null || true
  local check_floor
  check_floor=$(seconds "$CACHE/csv_floor" "${files[0]}")
  read -r growth size < "$CACHE/growth-$name.txt"
  python3 Benchmarks/report.py --title "$name" \
    --run-json "$out/run.json" --time "$CACHE/time-$name.txt" \
    --floor "$floor" --cat "$cat_seconds" --alerts "$out/alerts.csv" --summary "$out/summary.csv" \
    --store-growth "$growth" --store-size "$size" --generate "$(cut -d' ' -f2 "$data/.complete")" \
    --check-time "$CACHE/check-time-$name.txt" --check-floor "$check_floor" --inputs "${files[@]}" "$@"
}

# The main row: the bureau's mixed, dirty files.
MIXED="$(data "$ENTERPRISES" mixed)"
measure "$MIXED" "mixed-$ENTERPRISES"
echo "Timing twenty user rules (Benchmarks/rules-20.yaml) on the same period …" >&2
"$BIN" run --pipeline Benchmarks/rules-20.yaml --data "$MIXED" --store "$CACHE/store-mixed-$ENTERPRISES.sqlite" \
  --out "$CACHE/reports-mixed-$ENTERPRISES" --quiet --period "$PERIOD" >&2
report "$MIXED" "mixed-$ENTERPRISES" --rules-json "$CACHE/reports-mixed-$ENTERPRISES/rules-benchmark/$PERIOD/run.json"

# The second row: clean UTF-8 files, beside DuckDB.
CLEAN="$(data "$ENTERPRISES" clean)"
measure "$CLEAN" "clean-$ENTERPRISES"
echo "Timing the same work in DuckDB …" >&2
if [ ! -x Benchmarks/.venv/bin/python ]; then
  python3 -m venv Benchmarks/.venv
  Benchmarks/.venv/bin/pip install --quiet duckdb
fi
DUCKDB="$CACHE/history-clean-$ENTERPRISES.duckdb"
if [ ! -f "$DUCKDB" ]; then   # like StatGuard's store: the first 12 periods, loaded untimed
  Benchmarks/.venv/bin/python Benchmarks/duckdb_monthly.py --data "$CLEAN" --db "$DUCKDB" --prepare "$FIRST" "$LAST_HISTORY"
fi
/usr/bin/time -f "%e %M" -o "$CACHE/duckdb-time.txt" Benchmarks/.venv/bin/python Benchmarks/duckdb_monthly.py \
  --data "$CLEAN" --db "$DUCKDB" --period "$PERIOD" > "$CACHE/duckdb.json"
agreement=0
report "$CLEAN" "clean-$ENTERPRISES" --duckdb "$CACHE/duckdb.json" --duckdb-time "$CACHE/duckdb-time.txt" || agreement=$?

# Scaling: the whole job on mixed, dirty data at each size.
echo "## Scaling (mixed, dirty data; 12 periods in the store; period $PERIOD)"
echo
echo "| enterprises | reports | wall (s) | µs per report | peak RSS (MB) | store growth (MB) |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
for size in $SCALING; do
  folder="$(data "$size" mixed)"
  [ "$size" = "$ENTERPRISES" ] || measure "$folder" "mixed-$size"
  read -r wall rss < "$CACHE/time-mixed-$size.txt"
  read -r growth _ < "$CACHE/growth-mixed-$size.txt"
  reports=$(python3 -c "import json,sys; print(next(f['rowsRead'] for f in json.load(open(sys.argv[1]))['files'] if f['kind']=='reports'))" \
    "$CACHE/reports-mixed-$size/monthly-industry/$PERIOD/run.json")
  printf "| %'d | %'d | %.2f | %.1f | %'d | %.1f |\n" "$size" "$reports" "$wall" "$(echo "$wall * 1000000 / $reports" | bc -l)" \
    "$((rss / 1024))" "$(echo "$growth / 1000000" | bc -l)"
done
exit "$agreement"
