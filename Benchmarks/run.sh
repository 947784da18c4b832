#!/usr/bin/env bash
# National-scale benchmark: one command prints the whole table.
#
#   Benchmarks/run.sh                # 500,000 enterprises, 13 periods (first run generates the data)
#   ENTERPRISES=50000 Benchmarks/run.sh
#
# Generates (or reuses, in the git-ignored Benchmarks/.cache/) the national data
# with `statguard sample`, loads the first 12 periods into a fresh store, then
# times the monthly job for the 13th period with a release build, beside the same
# work in DuckDB (Python, in the git-ignored Benchmarks/.venv/), libcsv alone
# tokenising the same files, and cat. Release builds only: timings of a debug
# build mean nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

ENTERPRISES="${ENTERPRISES:-500000}"
FIRST=2023-11
LAST_HISTORY=2024-11
PERIOD=2024-12
CACHE="Benchmarks/.cache"
DATA="$CACHE/national-$ENTERPRISES"
STORE="$CACHE/store-$ENTERPRISES.sqlite"
OUT="$CACHE/reports-$ENTERPRISES"
mkdir -p "$CACHE"

echo "Building (release) …" >&2
swift build -c release --product statguard >&2
BIN="$(swift build -c release --show-bin-path)/statguard"

if [ ! -f "$DATA/.complete" ]; then
  echo "Generating $ENTERPRISES enterprises, $FIRST to $PERIOD (once; cached in $DATA) …" >&2
  rm -rf "$DATA"
  start=$(date +%s.%N)
  "$BIN" sample --out "$DATA" --enterprises "$ENTERPRISES" --from "$FIRST" --to "$PERIOD" --seed 2024 >&2
  end=$(date +%s.%N)
  echo "generate_seconds $(echo "$end - $start" | bc)" > "$DATA/.complete"
fi

run_job() {
  "$BIN" run --pipeline Pipelines/monthly-industry.yaml --data "$DATA" --store "$STORE" --out "$OUT" --quiet "$@"
}

echo "Loading $FIRST … $LAST_HISTORY into a fresh store …" >&2
rm -f "$STORE" "$STORE-wal" "$STORE-shm" "$STORE.lock"
run_job --from "$FIRST" --to "$LAST_HISTORY" >&2
size_before=$(stat -c %s "$STORE")

echo "Timing the monthly job for $PERIOD …" >&2
/usr/bin/time -f "%e %M" -o "$CACHE/time.txt" "$BIN" run --pipeline Pipelines/monthly-industry.yaml \
  --data "$DATA" --store "$STORE" --out "$OUT" --quiet --period "$PERIOD" >&2
size_after=$(stat -c %s "$STORE")

compact="${PERIOD/-/}"
inputs=("$DATA/reports/reports_$compact.csv" "$DATA/register/register.csv")
for optional in "$DATA/products/products_$compact.csv" "$DATA/capacity/capacity.csv" "$DATA/admin/admin_$compact.csv"; do
  [ -f "$optional" ] && inputs+=("$optional")
done

echo "Timing the floors (libcsv alone, cat) …" >&2
gcc -O2 -o "$CACHE/csv_floor" Benchmarks/csv_floor.c -lcsv
floor_start=$(date +%s.%N); "$CACHE/csv_floor" "${inputs[@]}" > "$CACHE/floor.txt"; floor_end=$(date +%s.%N)
cat_start=$(date +%s.%N); cat "${inputs[@]}" > /dev/null; cat_end=$(date +%s.%N)

echo "Timing the same work in DuckDB …" >&2
if [ ! -x Benchmarks/.venv/bin/python ]; then
  python3 -m venv Benchmarks/.venv
  Benchmarks/.venv/bin/pip install --quiet duckdb
fi
DUCKDB="$CACHE/history-$ENTERPRISES.duckdb"
if [ ! -f "$DUCKDB" ]; then   # like StatGuard's store: the first 12 periods, loaded untimed
  Benchmarks/.venv/bin/python Benchmarks/duckdb_monthly.py --data "$DATA" --db "$DUCKDB" --prepare "$FIRST" "$LAST_HISTORY"
fi
/usr/bin/time -f "%e %M" -o "$CACHE/duckdb-time.txt" Benchmarks/.venv/bin/python Benchmarks/duckdb_monthly.py \
  --data "$DATA" --db "$DUCKDB" --period "$PERIOD" > "$CACHE/duckdb.json"

echo "Timing twenty user rules (Benchmarks/rules-20.yaml) on the same period …" >&2
"$BIN" run --pipeline Benchmarks/rules-20.yaml --data "$DATA" --store "$STORE" --out "$OUT" --quiet --period "$PERIOD" >&2

python3 Benchmarks/report.py \
  --run-json "$OUT/monthly-industry/$PERIOD/run.json" --time "$CACHE/time.txt" \
  --floor "$(echo "$floor_end - $floor_start" | bc)" --cat "$(echo "$cat_end - $cat_start" | bc)" \
  --duckdb "$CACHE/duckdb.json" --duckdb-time "$CACHE/duckdb-time.txt" --alerts "$OUT/monthly-industry/$PERIOD/alerts.csv" \
  --summary "$OUT/monthly-industry/$PERIOD/summary.csv" --store-growth "$((size_after - size_before))" \
  --store-size "$size_after" --rules-json "$OUT/rules-benchmark/$PERIOD/run.json" --generate "$(cut -d' ' -f2 "$DATA/.complete")" --inputs "${inputs[@]}"
